/**
 * Operations: metrics after a scripted conversation, the operator report, "delete my data",
 * and graceful shutdown with a turn in flight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { keys } from '../../src/state/storage.js';
import { BotConversation, startService, support, type TestService } from '../helpers/service.js';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (want.every((w) => line.includes(w))) total += Number(line.split(' ').pop());
  }
  return total;
}

describe('metrics after a scripted conversation', () => {
  it('counts turns by channel and kind, latency, retrieval scores, dialogs and hand-offs', async () => {
    svc = await startService({ AGENT_TOKEN: 'ops-token' }, { defaultMetrics: false });
    const c = new BotConversation(svc, { locale: 'en-FR' });
    await c.say('how long is the warranty on my machine?'); // faq
    await c.say('yes, that answered it'); // smalltalk
    await c.say('what is the price of a pizza margherita'); // fallback
    await c.say('start no water'); // dialog start
    await c.say('cancel'); // dialog abandoned
    await c.say('talk to a person'); // hand-off

    const res = await fetch(`${svc.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(metricValue(text, 'support_turns_total', { channel: 'emulator', kind: 'faq' })).toBe(1);
    expect(metricValue(text, 'support_turns_total', { channel: 'emulator', kind: 'fallback' })).toBe(1);
    expect(metricValue(text, 'support_turn_duration_seconds_count', { channel: 'emulator' })).toBe(6);
    expect(metricValue(text, 'support_retrieval_score_count', { decision: 'faq' })).toBe(1);
    expect(metricValue(text, 'support_dialog_events_total', { dialog: 'noWater', event: 'start' })).toBe(1);
    expect(metricValue(text, 'support_dialog_events_total', { dialog: 'noWater', event: 'abandon' })).toBe(1);
    expect(metricValue(text, 'support_handoffs_total', { reason: 'customer-request' })).toBe(1);
    expect(metricValue(text, 'support_handoff_queue_length')).toBe(1);
    expect(text).toContain('support_errors_total');
  });
});

describe('operator report', () => {
  it('is behind the agent token and counts feedback, hand-offs and unanswered questions', async () => {
    svc = await startService({ AGENT_TOKEN: 'ops-token' });
    const a = new BotConversation(svc, { locale: 'en-FR' });
    const [answer] = await a.say('how long is the warranty on my machine?');
    await a.say('no, that did not help');
    await a.say('yes'); // takes the offer of a person
    const b = new BotConversation(svc, { locale: 'en-KR' });
    await b.say('what is the price of a pizza margherita');
    // Listed once two conversations asked it (one customer's free text is not shown).
    await new BotConversation(svc, { locale: 'ko-KR' }).say('What is the price of a pizza margherita?');

    expect((await fetch(`${svc.url}/api/agent/report`)).status).toBe(401);
    const res = await fetch(`${svc.url}/api/agent/report`, { headers: { authorization: 'Bearer ops-token' } });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.conversations).toMatchObject({ total: 3, handedOff: 1, open: 2 });
    expect(report.handoffsByReason).toEqual([expect.objectContaining({ reason: 'thumbs-down', count: 1 })]);
    expect(report.worstRatedAnswers[0]).toMatchObject({ faqId: support(answer)?.faqId, notHelpful: 1 });
    expect(report.topUnanswered[0]).toMatchObject({ text: 'what is the price of a pizza margherita', count: 2, markets: ['KR'] });
  });
});

describe('delete my data', () => {
  it('forgets the conversation, transcript, user and hand-off', async () => {
    const storage = new MemoryStorage();
    svc = await startService({ AGENT_TOKEN: 'ops-token' }, { storage });
    const c = new BotConversation(svc);
    await c.say("I'm in Korea");
    await c.say('talk to a person');
    const id = `emulator:${c.id}`;
    expect(await storage.get(keys.conversation(id))).toBeDefined();
    expect(await storage.get(keys.user('emulator', c.userId))).toBeDefined();

    const [reply] = await c.say('delete my data');
    expect(reply?.text).toMatch(/deleted/);
    // While a person was requested, the customer's messages go to the queue: the hand-off owns the turn.
    // Forget-me must still work, so assert on what is left.
    const left = await Promise.all([
      storage.get(keys.conversation(id)),
      storage.listRange(keys.transcript(id)),
      storage.get(keys.user('emulator', c.userId)),
      storage.get(keys.handoff(id)),
      storage.zRange(keys.handoffQueue()),
    ]);
    expect(left).toEqual([undefined, [], undefined, undefined, []]);

    // The next message starts afresh: the market has to be found again.
    const [ask] = await c.say('how long is the warranty?');
    expect(support(ask)).toMatchObject({ kind: 'clarify', step: 'askMarket' });
  });
});

describe('graceful shutdown', () => {
  it('finishes a turn in flight, then stops accepting', async () => {
    const storage = new MemoryStorage();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inTurn = new Promise<void>((r) => (entered = r));
    // Hold the turn inside the router (after the lock) until we say so.
    const get = storage.get.bind(storage);
    storage.get = (async (key: string) => {
      if (key.startsWith(`${keys.prefix}conv:`) && key.includes('slow')) {
        entered();
        await gate;
      }
      return get(key);
    }) as typeof storage.get;
    svc = await startService({}, { storage });
    const c = new BotConversation(svc, { locale: 'en-FR', conversationId: 'slow-conv' });
    const inFlight = c.say('help');
    await inTurn;
    const closing = svc.app.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${svc.url}/healthz`).then((r) => r.status).catch(() => 'refused'))).toBe('refused');
    release();
    const replies = await inFlight;
    expect(replies[0]?.text).toMatch(/cancel/);
    await closing;
    await svc.channel.close();
    svc = undefined;
  });
});
