/**
 * Outbound calls end well inside the conversation lock (DESIGN.md §11): a serviceUrl, LINE API or
 * WhatsApp API that accepts the connection and never answers costs at most the send deadline
 * (LOCK_TTL_MS / 3), and its sockets are closed rather than left to pile up.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LINE_SECRET, LINE_TOKEN, WA_APP_SECRET, WA_PHONE_ID, WA_TOKEN, WA_VERIFY_TOKEN, line, wa } from '../helpers/fake-platforms.js';
import { BotConversation, startService, type TestService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE, postLine, postWhatsApp } from './support.js';

const LOCK_TTL_MS = 3000;

/** A server that takes connections and never writes a byte. */
async function startBlackHole(): Promise<{ url: string; open: () => number; accepted: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((s) => {
    accepted += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    open: () => sockets.size,
    accepted: () => accepted,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let svc: TestService | undefined;
let hole: Awaited<ReturnType<typeof startBlackHole>> | undefined;
afterEach(async () => {
  await svc?.close();
  await hole?.close();
  svc = hole = undefined;
});

describe('a channel that never answers', () => {
  it('Bot Framework: the turn ends inside the lock and the connector socket is closed', async () => {
    hole = await startBlackHole();
    svc = await startService({ LOCK_TTL_MS: String(LOCK_TTL_MS), RATE_LIMIT_PER_ADDRESS: '0' }, { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false });
    const customer = new BotConversation(svc);
    const started = Date.now();
    const res = await fetch(`${svc.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(customer.activity({ text: 'hello', serviceUrl: hole.url })),
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    const took = Date.now() - started;
    expect(hole.accepted()).toBeGreaterThan(0);
    // The reply's deadline, then the apology's: both inside one lock's lifetime each.
    expect(took).toBeLessThan(2 * LOCK_TTL_MS);
    await eventually(() => hole!.open() === 0, 3000);
  }, 30_000);

  it('LINE: reply, retries and push give up within their deadlines; no socket stays open', async () => {
    hole = await startBlackHole();
    svc = await startService(
      { LOCK_TTL_MS: String(LOCK_TTL_MS), LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: hole.url },
      { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false },
    );
    const started = Date.now();
    expect((await postLine(svc, line.body(line.text('Uhole', 'hello')))).status).toBe(200);
    await Promise.race([svc.app.line!.drain(), new Promise((_, reject) => setTimeout(() => reject(new Error('LINE send still running after 12 s')), 12_000))]);
    expect(hole.accepted()).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(4 * LOCK_TTL_MS);
    await eventually(() => hole!.open() === 0, 3000);
  }, 30_000);

  it('WhatsApp: the same', async () => {
    hole = await startBlackHole();
    svc = await startService(
      {
        LOCK_TTL_MS: String(LOCK_TTL_MS),
        WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
        WHATSAPP_APP_SECRET: WA_APP_SECRET,
        WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
        WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
        WHATSAPP_API_BASE_URL: hole.url,
      },
      { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false },
    );
    const started = Date.now();
    expect((await postWhatsApp(svc, wa.body({ messages: [wa.text('33612345678', 'hello')] }))).status).toBe(200);
    await Promise.race([svc.app.whatsapp!.drain(), new Promise((_, reject) => setTimeout(() => reject(new Error('WhatsApp send still running after 12 s')), 12_000))]);
    expect(hole.accepted()).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(4 * LOCK_TTL_MS);
    await eventually(() => hole!.open() === 0, 3000);
  }, 30_000);
});
