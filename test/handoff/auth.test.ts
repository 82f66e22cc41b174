/**
 * Every agent route and the console's data need the agent token: missing, wrong, or no
 * AGENT_TOKEN configured at all → 401, and nothing crashes. Bad input gets 400/404, not 5xx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/lib/logger.js';
import { BotConversation, startService, type TestService } from '../helpers/service.js';
import { AgentClient, openEvents } from './agent-client.js';

const TOKEN = 'the-right-token';
let svc: TestService | undefined;
afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

const ROUTES: Array<['GET' | 'POST', string, unknown?]> = [
  ['GET', 'queue'],
  ['GET', 'conversations/emulator%3Aanything'],
  ['POST', 'conversations/emulator%3Aanything/accept', { agent: 'Eve' }],
  ['POST', 'conversations/emulator%3Aanything/messages', { text: 'hi' }],
  ['POST', 'conversations/emulator%3Aanything/end', { note: 'x' }],
  ['GET', 'report'],
];

function recordingLogger(lines: string[]): Logger {
  const rec =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  const logger: Record<string, unknown> = { level: 'info', info: rec('info'), warn: rec('warn'), error: rec('error'), fatal: rec('fatal'), debug: () => {}, trace: () => {} };
  logger.child = () => logger;
  return logger as unknown as Logger;
}

async function expectAllUnauthorized(url: string, token: string | undefined) {
  const client = new AgentClient(url, token);
  for (const [method, path, body] of ROUTES) {
    const res = await client.request(method, path, body);
    expect(res.status, `${method} ${path}`).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  }
  const stream = await openEvents(url, token);
  expect(stream.status).toBe(401);
  stream.close();
}

describe('agent API authentication', () => {
  it('answers 401 on every route without a token, with a wrong one, or with the token in the wrong place', async () => {
    svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false });
    const customer = new BotConversation(svc);
    await customer.say('talk to a person');

    await expectAllUnauthorized(svc.url, undefined);
    await expectAllUnauthorized(svc.url, 'wrong-token');
    await expectAllUnauthorized(svc.url, `${TOKEN}x`);
    await expectAllUnauthorized(svc.url, '');
    // A Basic header or a query token on a JSON route does not count.
    const basic = await fetch(`${svc.url}/api/agent/queue`, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    expect((await fetch(`${svc.url}/api/agent/queue?token=${TOKEN}`)).status).toBe(401);

    // The right token still works, the hand-off was not touched, and the service is healthy.
    const q = await new AgentClient(svc.url, TOKEN).queue();
    expect(q.status).toBe(200);
    expect(q.body.waiting).toHaveLength(1);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });

  it('with AGENT_TOKEN unset every agent route answers 401 and the log says the console is disabled', async () => {
    const lines: string[] = [];
    svc = await startService({}, { defaultMetrics: false, logger: recordingLogger(lines) });
    await expectAllUnauthorized(svc.url, undefined);
    await expectAllUnauthorized(svc.url, 'anything');
    await expectAllUnauthorized(svc.url, 'undefined');
    expect(lines.some((l) => /agent console is disabled/.test(l))).toBe(true);
    // The console page itself is static and loads; it only shows data after a token is accepted.
    const page = await fetch(`${svc.url}/agent`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Agent console');
  });

  it('rejects bad input with 400/404/409 and keeps serving', async () => {
    svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false });
    const agent = new AgentClient(svc.url, TOKEN);
    expect((await agent.conversation('emulator:nobody')).status).toBe(404);
    expect((await agent.accept('emulator:nobody')).status).toBe(404);
    expect((await agent.end('emulator:nobody')).status).toBe(404);

    const customer = new BotConversation(svc);
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    expect((await agent.send(id, 'hello')).status).toBe(409); // not accepted yet
    expect((await agent.request('POST', `conversations/${encodeURIComponent(id)}/messages`, { text: '   ' })).status).toBe(400);
    expect((await agent.request('POST', `conversations/${encodeURIComponent(id)}/messages`, { words: 'hi' })).status).toBe(400);
    expect((await agent.request('POST', `conversations/${encodeURIComponent(id)}/accept`, { agent: 42 })).status).toBe(400);
    const raw = await fetch(`${svc.url}/api/agent/conversations/${encodeURIComponent(id)}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
    expect((await agent.accept(id, 'Eve')).status).toBe(200);
    expect((await agent.end(id)).status).toBe(200);
    expect((await agent.end(id)).status).toBe(409);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });
});
