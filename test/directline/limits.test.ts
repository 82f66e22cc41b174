/**
 * What one web chat client can make the service hold (DESIGN.md §11, issue 15 item 2): activity
 * parts and the conversation's log are bounded in bytes, typing keeps nothing but itself, and
 * sockets are limited per conversation (a token is bound to one), per address, and by the
 * per-address request limit like any other request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE } from '../channels/support.js';
import { activities, call, eventually, openStream, say, startConversation, type Started, type Stream } from './client.js';

let svc: TestService | undefined;
const streams: Stream[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
  await svc?.close();
  svc = undefined;
});

async function start(overrides: Record<string, string> = {}): Promise<TestService> {
  svc = await startService(
    { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_CONVERSATION: '0', DIRECTLINE_SECRET: 'limits-directline-secret-0123456789', ...overrides },
    { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false },
  );
  return svc;
}

const post = (s: TestService, c: Started, body: unknown) => call(s.url, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, body });
const logBytes = async (s: TestService, c: Started) => Buffer.byteLength(JSON.stringify((await activities(s.url, c)).activities));

describe('activity and log sizes', () => {
  it('a typing activity keeps nothing but itself; a 31,000-character value is refused', async () => {
    const s = await start();
    const c = await startConversation(s.url, 'en-US');
    const big = await post(s, c, { type: 'typing', value: 'v'.repeat(31_000), channelData: { clientActivityID: 'typing-big' } });
    expect(big.status).toBe(413);
    const typing = await post(s, c, { type: 'typing', text: 't'.repeat(4000), value: 'v'.repeat(3000), entities: [{ type: 'x', pad: 'e'.repeat(3000) }], channelData: { clientActivityID: 'typing-1' } });
    expect(typing.status).toBe(200);
    const stored = (await activities(s.url, c)).activities.find((a) => a.id === typing.body.id)!;
    expect(stored).toMatchObject({ type: 'typing', from: { role: 'user' }, channelData: { clientActivityID: 'typing-1' } });
    expect(stored.text).toBeUndefined();
    expect((stored as Record<string, unknown>).value).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(600);
  });

  it("a conversation's log stays under 1 MB however much is written to it; the newest activities stay", async () => {
    const s = await start();
    const c = await startConversation(s.url, 'en-US');
    const text = '咖'.repeat(4990); // ~15 KB of UTF-8, about the longest text accepted
    for (let i = 0; i < 80; i++) expect((await say(s.url, c, `${i} ${text}`)).status).toBe(200);
    const bytes = await logBytes(s, c);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    const log = (await activities(s.url, c)).activities;
    expect(log.filter((a) => a.from?.role === 'user').at(-1)?.text).toBe(`79 ${text}`);
  }, 60_000);
});

describe('sockets', () => {
  it('at most 4 sockets per conversation, and a limit per address across conversations', async () => {
    const s = await start({ DIRECTLINE_SOCKETS_PER_ADDRESS: '6' });
    const a = await startConversation(s.url, 'en-US');
    for (let i = 0; i < 4; i++) streams.push(await openStream(a.streamUrl));
    await expect(openStream(a.streamUrl)).rejects.toMatchObject({ status: 429 });
    const b = await startConversation(s.url, 'en-US');
    for (let i = 0; i < 2; i++) streams.push(await openStream(b.streamUrl));
    await expect(openStream(b.streamUrl)).rejects.toMatchObject({ status: 429 });
    // Closing one frees its place.
    await streams.shift()!.close();
    streams.push(await eventually(() => openStream(b.streamUrl), 3000));
  });

  it('upgrades count against the per-address request limit', async () => {
    const s = await start({ RATE_LIMIT_PER_ADDRESS: '12' });
    const c = await startConversation(s.url, 'en-US'); // 2 requests
    let refused: unknown;
    for (let i = 0; i < 15 && !refused; i++) {
      try {
        await (await openStream(c.streamUrl)).close();
      } catch (err) {
        refused = err;
      }
    }
    expect(refused).toMatchObject({ status: 429 });
  });
});
