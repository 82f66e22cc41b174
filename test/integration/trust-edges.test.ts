/**
 * Trust boundaries at the HTTP edges (DESIGN.md §11, issue 15): anonymous /api/messages never
 * reaches a conversation of a channel the service hosts itself; metrics labels stay a closed set
 * whatever channel ids callers invent; a deeply nested body is a 400, not a stack overflow; every
 * answer says nosniff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WA_APP_SECRET, WA_PHONE_ID, WA_TOKEN, WA_VERIFY_TOKEN, LINE_SECRET, LINE_TOKEN, line, startFakeLine, startFakeWhatsApp, wa, whatsappMessages, type FakePlatform } from '../helpers/fake-platforms.js';
import { BotConversation, startService, type TestService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE, postLine, postWhatsApp } from '../channels/support.js';
import { activities, call, say, startConversation } from '../directline/client.js';

let svc: TestService;
let fakeWa: FakePlatform;
let fakeLine: FakePlatform;

beforeAll(async () => {
  fakeWa = await startFakeWhatsApp();
  fakeLine = await startFakeLine();
  svc = await startService(
    {
      RATE_LIMIT_PER_ADDRESS: '0',
      DIRECTLINE_SECRET: 'trust-edges-directline-secret-0123456789',
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_API_BASE_URL: fakeWa.url,
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE_URL: fakeLine.url,
    },
    { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false },
  );
}, 60_000);

afterAll(async () => {
  await svc?.close();
  await fakeWa?.close();
  await fakeLine?.close();
});

/** An anonymous Bot Framework activity aimed at someone else's conversation. */
function forged(channelId: string, conversationId: string, text: string) {
  return {
    type: 'message',
    id: `forged-${Math.random().toString(36).slice(2)}`,
    channelId,
    serviceUrl: svc.channel.url,
    from: { id: conversationId, name: 'Attacker' },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
    text,
  };
}

async function postActivity(body: unknown): Promise<number> {
  const res = await fetch(`${svc.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

describe('anonymous /api/messages and the hosted channels', () => {
  it("cannot read, change or erase a WhatsApp, LINE or web chat customer's conversation", async () => {
    const phone = '886912000872';
    await postWhatsApp(svc, wa.body({ messages: [wa.text(phone, 'hello')], contacts: [{ wa_id: phone, profile: { name: 'Mei' } }] }));
    await fakeWa.waitFor(() => whatsappMessages(fakeWa, phone).length > 0);
    await postLine(svc, line.body(line.text('Uvictim0001', 'hello')));
    await fakeLine.waitFor((r) => r.length > 0);
    await svc.app.line!.drain();
    const dl = await startConversation(svc.url, 'en-US');
    await say(svc.url, dl, 'hello');

    const victims: Array<[string, string]> = [
      ['whatsapp', phone],
      ['line', 'Uvictim0001'],
      ['directline', dl.conversationId],
    ];
    const before = new Map<string, unknown>();
    for (const [ch, id] of victims) before.set(`${ch}:${id}`, await svc.app.router.loadConversation(`${ch}:${id}`));
    for (const [ch, id] of victims) {
      for (const spelling of [ch, ch.toUpperCase(), ` ${ch}`]) {
        for (const text of ['help', 'delete my data', 'Confirm']) {
          expect(await postActivity(forged(spelling, id, text)), `${spelling}:${id} "${text}"`).toBe(403);
        }
      }
    }
    for (const [ch, id] of victims) {
      const after = await svc.app.router.loadConversation(`${ch}:${id}`);
      expect(after, `${ch} conversation still there`).toBeDefined();
      expect(after).toEqual(before.get(`${ch}:${id}`)); // not even its conversation reference changed
      expect(svc.channel.forConversation(id)).toEqual([]); // nothing of theirs went to the caller's serviceUrl
    }
    // A channel id that would splice into another key is refused too.
    expect(await postActivity(forged('whatsapp:886', '912000872', 'help'))).toBe(403);
    const { activities: log } = await activities(svc.url, dl);
    expect(log.filter((a) => a.from?.role === 'user').map((a) => a.text)).toEqual(['hello']);
  });

  it('still serves the Emulator anonymously', async () => {
    const customer = new BotConversation(svc);
    const replies = await customer.say('hello');
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('metrics labels', () => {
  it('channel ids invented by callers are counted as "other", not one series each', async () => {
    const invented = Array.from({ length: 40 }, (_, i) => `invented-channel-${i}-${Math.random().toString(36).slice(2, 8)}`);
    for (const id of invented) {
      const c = new BotConversation(svc, { channelId: id });
      await c.say('hello');
    }
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    for (const id of invented) expect(text).not.toContain(id);
    expect(text).toMatch(/support_turns_total\{channel="other"/);
  });
});

describe('bounded input', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('a Direct Line value nested 5,000 levels deep is a 400, and the conversation goes on', async () => {
    const c = await startConversation(svc.url, 'en-US');
    const raw = `{"type":"message","text":"hi","value":${nested(5000)}}`;
    const res = await call(svc.url, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, raw });
    expect(res.status).toBe(400);
    expect((await say(svc.url, c, 'hello')).status).toBe(200);
  });

  it('the same on /api/messages and the webhooks (signed)', async () => {
    const body = `{"type":"message","channelId":"emulator","conversation":{"id":"deep"},"from":{"id":"u"},"value":${nested(5000)}}`;
    const res = await fetch(`${svc.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const lineBody = `{"destination":"U","events":[{"type":"message","x":${nested(5000)}}]}`;
    expect((await postLine(svc, lineBody)).status).toBe(400);
  });
});

describe('response headers', () => {
  it('every answer carries X-Content-Type-Options: nosniff', async () => {
    const answers = await Promise.all([
      fetch(`${svc.url}/healthz`),
      fetch(`${svc.url}/readyz`),
      fetch(`${svc.url}/metrics`),
      fetch(`${svc.url}/no-such-page`),
      fetch(`${svc.url}/api/messages`, { method: 'POST', body: 'not json', headers: { 'content-type': 'application/json' } }),
      fetch(`${svc.url}/v3/directline/tokens/generate`, { method: 'POST' }),
      fetch(`${svc.url}/`),
    ]);
    for (const res of answers) {
      await res.arrayBuffer();
      expect(res.headers.get('x-content-type-options'), `${res.url} ${res.status}`).toBe('nosniff');
    }
  });
});
