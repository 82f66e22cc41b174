/**
 * The Bot Framework round trip through a real restify server: activities posted to /api/messages,
 * replies captured at a loopback serviceUrl (as a channel's connector would receive them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../src/config.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/lib/logger.js';
import { MemoryStorage } from '../../src/state/memory.js';
import { BotConversation, choices, startService, support, texts, type TestService } from '../helpers/service.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startService();
});
afterEach(async () => {
  await svc.close();
});

describe('service endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: 'memory', indexes: 'built' });
  });

  it('alive at once, ready only once the languages indexed after listening are built', async () => {
    let warming = true;
    const server = createHttpServer({ config: testConfig(), logger: createLogger('silent'), storage: new MemoryStorage(), modules: [], isWarming: () => warming });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const building = await fetch(`${url}/readyz`);
      expect(building.status).toBe(503);
      expect(await building.json()).toMatchObject({ status: 'not ready', indexes: 'building' });
      warming = false;
      const built = await fetch(`${url}/readyz`);
      expect(built.status).toBe(200);
      expect(await built.json()).toMatchObject({ status: 'ready', indexes: 'built' });
    } finally {
      server.close();
    }
  });

  it('answers unknown routes with 404 and a JSON error', async () => {
    const res = await fetch(`${svc.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('/api/messages round trip', () => {
  it('welcomes a new customer with what the bot can do, as choices', async () => {
    const c = new BotConversation(svc);
    const [welcome] = await c.join();
    expect(welcome?.text).toMatch(/support assistant/i);
    expect(choices(welcome)).toEqual(expect.arrayContaining(['Reset my password', 'Book a repair', 'Talk to a person']));
    expect(support(welcome)).toMatchObject({ kind: 'system' });
  });

  it('answers a FAQ question for the customer’s market, with the source named and feedback buttons', async () => {
    const c = new BotConversation(svc, { locale: 'en-TW' });
    const [answer] = await c.say('how often do i need to descale my machine');
    expect(answer?.text).toMatch(/descal/i);
    expect(answer?.text).toMatch(/1 and half year|1\.5 year|1 and a half year/i);
    expect(answer?.text).toMatch(/Source: Taiwan/);
    expect(support(answer)).toMatchObject({ kind: 'faq', market: 'TW', source: expect.stringContaining('tw-account-faq') });
    expect(support(answer)?.faqId).toEqual(expect.any(String));
    expect(choices(answer)).toEqual(expect.arrayContaining(['👍 Yes', '👎 No']));
  });

  it('asks the market when the answer depends on it, then answers the original question', async () => {
    const c = new BotConversation(svc);
    const [ask] = await c.say('how long is the warranty on my machine?');
    expect(support(ask)).toMatchObject({ kind: 'clarify', step: 'askMarket' });
    expect(choices(ask)).toEqual(['Taiwan', 'France', 'Portugal', 'Korea']);
    const replies = await c.say('France');
    const answer = replies.find((a) => support(a)?.kind === 'faq');
    expect(answer?.text).toMatch(/2 years/);
    expect(support(answer)).toMatchObject({ market: 'FR' });
  });

  it('offers a runner-up that scored almost as high as one tap beside the answer, and only then', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const [answer] = await c.say('my refund is missing after the return');
    expect(support(answer)).toMatchObject({ kind: 'faq', faqId: 'fr-refund-missing' });
    const or = answer?.suggestedActions?.actions.find((a) => /^Or: /.test(a.title));
    expect(or?.value).toMatch(/^faq:fr-/); // a neutral value: tapping it answers that entry
    expect(or?.title.length).toBeGreaterThan('Or: '.length + 10);
    const [other] = await c.say(or!.value);
    expect(support(other)).toMatchObject({ kind: 'faq', faqId: 'fr-refund-returned-order' });

    const [clear] = await c.say('how long do refunds take for a returned order');
    expect(support(clear)).toMatchObject({ kind: 'faq', faqId: 'fr-refund-returned-order' });
    expect(choices(clear).some((t) => t.startsWith('Or: '))).toBe(false);
  });

  it('never gives one market’s policy to another market’s customer', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const [reply] = await c.say('how do i get the plus programme coffee discount?');
    expect(support(reply)?.kind).not.toBe('faq');
    expect(reply?.text).toMatch(/0800 55 52 53/);
  });

  it('abstains honestly on an out-of-domain question and gives the market’s contact', async () => {
    const c = new BotConversation(svc, { locale: 'en-KR' });
    const [reply] = await c.say('how do i reset my wifi router password');
    expect(support(reply)?.kind).toMatch(/fallback|clarify/);
    if (support(reply)?.kind === 'fallback') expect(reply?.text).toMatch(/080-734-1111/);
  });

  it('works with deliveryMode expectReplies', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const replies = await c.sayExpectReplies('help');
    expect(texts(replies).join(' ')).toMatch(/cancel/);
    expect(svc.channel.forConversation(c.id)).toHaveLength(0);
  });

  it('answers a redelivered activity once', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const activity = c.activity({ text: 'help' });
    await c.post(activity);
    await c.post(activity);
    expect(svc.channel.forConversation(c.id)).toHaveLength(1);
  });
});

describe('bad input never crashes the service', () => {
  it('an empty message gets a prompt with choices', async () => {
    const c = new BotConversation(svc);
    const [reply] = await c.say('');
    expect(reply?.text).toMatch(/didn't catch/i);
    expect(choices(reply).length).toBeGreaterThan(0);
  });

  it('only emoji gets an honest reply', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const [reply] = await c.say('☕️🤔🔥');
    expect(reply?.text).toBeTruthy();
    expect(support(reply)?.kind).not.toBe('faq');
  });

  it('10,000 characters are read in part, with a note', async () => {
    const c = new BotConversation(svc, { locale: 'en-FR' });
    const replies = await c.say('my machine '.repeat(1000));
    expect(replies[0]?.text).toMatch(/read only its first/);
  });

  it('a non-message activity is ignored politely', async () => {
    const c = new BotConversation(svc);
    const { status } = await c.post(c.activity({ type: 'typing', text: undefined }));
    expect(status).toBeLessThan(300);
    expect(svc.channel.forConversation(c.id)).toHaveLength(0);
  });

  it('a body that is not JSON → 400, an array → 400, too large → 413', async () => {
    const post = (body: string) =>
      fetch(`${svc.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    // No serviceUrl and no expectReplies: nowhere to reply, refused at once (not sent to a default host).
    const c = new BotConversation(svc);
    const started = Date.now();
    expect((await c.post(c.activity({ text: 'help', serviceUrl: undefined }))).status).toBe(400);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }))).status).toBe(413);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After when one address sends too much to a public endpoint', async () => {
    const limited = await startService({ RATE_LIMIT_PER_ADDRESS: '3' });
    try {
      const c = new BotConversation(limited, { locale: 'en-FR' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.post(c.activity({ text: 'help' }))).status);
      expect(statuses.slice(0, 3).every((s) => s < 300)).toBe(true);
      const res = await fetch(`${limited.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('tells a customer who sends too fast to slow down', async () => {
    const limited = await startService({ RATE_LIMIT_PER_CONVERSATION: '3' });
    try {
      const c = new BotConversation(limited, { locale: 'en-FR' });
      for (let i = 0; i < 3; i++) await c.say('help');
      const [reply] = await c.say('help');
      expect(reply?.text).toMatch(/faster than I can read/);
    } finally {
      await limited.close();
    }
  });
});
