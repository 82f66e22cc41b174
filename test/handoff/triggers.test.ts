/**
 * What starts a hand-off and what the agent then knows: two fallbacks in a row, a thumbs-down, a
 * dialog that needs a person, a request in the middle of a dialog (resumed after the agent ends),
 * and out-of-hours requests, which leave a message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BotConversation, startService, support, texts, type CapturedActivity, type TestService } from '../helpers/service.js';
import { AgentClient, messages } from './agent-client.js';

const TOKEN = 'agent-secret-for-tests';
/** Monday 2026-11-23: 11:00 in Taipei, 12:00 in Seoul. */
const MONDAY_0300_UTC = Date.parse('2026-11-23T03:00:00Z');
/** Sunday 2026-11-22 12:00 in Paris: the French team does not work on Sundays. */
const SUNDAY_NOON_PARIS = Date.parse('2026-11-22T11:00:00Z');

let svc: TestService;
afterEach(async () => {
  await svc?.close();
});

async function start(now?: number) {
  svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false, ...(now ? { now: () => now } : {}) });
  return new AgentClient(svc.url, TOKEN);
}

/** The value of the suggested action whose title matches. */
function pick(acts: CapturedActivity[], title: RegExp): string {
  for (const a of acts) for (const x of a.suggestedActions?.actions ?? []) if (title.test(x.title)) return x.value;
  throw new Error(`no choice ${title} in ${JSON.stringify(acts.map((a) => a.suggestedActions))}`);
}

describe('hand-off triggers and the context packet', () => {
  it('two fallbacks in a row offer a person; taking the offer hands off, with the FAQ candidates and their scores', async () => {
    const agent = await start(MONDAY_0300_UTC);
    const customer = new BotConversation(svc, { locale: 'en-KR' });
    expect(support(messages(await customer.say('what is the weather on mars'))[0])?.kind).toBe('fallback');
    const second = messages(await customer.say('what is the weather on mars tomorrow'));
    expect(support(second.at(-1))).toMatchObject({ kind: 'fallback', market: 'KR' });
    expect(second.at(-1)?.text).toMatch(/Would you like to talk to a person/);
    expect((await agent.queue()).body.waiting).toEqual([]); // offered, not queued
    const queued = messages(await customer.say(pick(second, /Talk to a person/)));
    expect(support(queued.at(-1))).toMatchObject({ kind: 'handoff', market: 'KR' });

    const { body } = await agent.conversation(`emulator:${customer.id}`);
    expect(body.handoff.packet.reason).toBe('two-fallbacks');
    for (const c of body.handoff.packet.faqCandidates) expect(c).toEqual({ faqId: expect.any(String), question: expect.any(String), score: expect.any(Number) });
  });

  it('a thumbs-down on an answer offers a person; taking the offer hands off, naming the answer that did not help', async () => {
    const agent = await start(MONDAY_0300_UTC);
    const customer = new BotConversation(svc, { locale: 'en-KR' });
    const answer = messages(await customer.say('What is the Nespresso Plus programme?'));
    expect(support(answer[0])).toMatchObject({ kind: 'faq' });
    const faqId = support(answer[0])!.faqId;
    const offer = messages(await customer.say(pick(answer, /👎/)));
    expect(support(offer[0])?.kind).toBe('fallback');
    expect(offer[0]?.text).toMatch(/Sorry that didn't help/);
    const queued = messages(await customer.say('yes'));
    expect(support(queued[0])?.kind).toBe('handoff');

    const { body } = await agent.conversation(`emulator:${customer.id}`);
    expect(body.handoff.packet).toMatchObject({ reason: 'thumbs-down', rejectedAnswer: { faqId } });
    expect(body.handoff.packet.faqCandidates[0].faqId).toBe(faqId);
  });

  it('a dialog that needs a person hands off with the dialog, its slots and summary', async () => {
    const agent = await start(MONDAY_0300_UTC);
    const customer = new BotConversation(svc, { locale: 'en-TW' });
    const first = messages(await customer.say('start password reset'));
    const offer = messages(await customer.say(pick(first, /forgot my email/i)));
    expect(support(offer.at(-1))).toMatchObject({ dialog: 'passwordReset', step: 'offeringPerson' }); // "shall I put you through?"
    const queued = messages(await customer.say('yes please'));
    expect(support(queued.at(-1))).toMatchObject({ kind: 'handoff', market: 'TW' });
    expect(queued.at(-1)!.text).toMatch(/08:00–22:00 \(Taipei time\)/);

    const { body } = await agent.conversation(`emulator:${customer.id}`);
    expect(body.handoff.packet).toMatchObject({ reason: 'dialog', market: 'TW', lang: 'en', langName: 'English', dialog: { machine: 'passwordReset', step: 'offeringPerson' } });
    expect(body.handoff.packet.dialog.summary).toMatch(/Password reset/);
    expect(body.handoff.packet.dialog.slots).toMatchObject({ market: 'TW' });
  });

  it('asking for a person mid-dialog keeps the dialog; after the agent ends, the bot asks before going on, then asks its question again', async () => {
    const agent = await start(MONDAY_0300_UTC);
    const customer = new BotConversation(svc, { locale: 'en-KR' });
    const ask = messages(await customer.say('no water comes out of my machine'));
    expect(support(ask[0])).toMatchObject({ kind: 'dialog', dialog: 'noWater' });
    const prompt = ask.at(-1)!.text;
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    const { body } = await agent.conversation(id);
    expect(body.handoff.packet.dialog).toMatchObject({ machine: 'noWater', step: expect.any(String), slots: expect.any(Object) });

    expect((await agent.accept(id, 'Joon')).status).toBe(200);
    expect((await agent.send(id, 'Which model do you have?')).status).toBe(200);
    const before = svc.channel.forConversation(customer.id).length;
    expect((await agent.end(id)).status).toBe(200);
    const back = messages(svc.channel.forConversation(customer.id).slice(before));
    expect(texts(back)).toEqual(["You're back with the assistant. Shall we go on with the no-water steps?"]);
    const again = messages(await customer.say('continue'));
    expect(texts(again)).toEqual([prompt]);
    expect(support(again[0])).toMatchObject({ kind: 'dialog', dialog: 'noWater' });
  });

  it('out of hours the customer is told the hours and leaves a message the agents see later', async () => {
    const agent = await start(SUNDAY_NOON_PARIS);
    const customer = new BotConversation(svc, { locale: 'en-FR' });
    const queued = messages(await customer.say('I want to speak to a human'));
    expect(queued[0]!.text).toMatch(/Monday to Saturday, 8am to 8pm \(Paris time\), so nobody is in right now — they're back tomorrow at 08:00/);
    expect(queued[0]!.text).toMatch(/Leave a message here/);

    const saved = texts(messages(await customer.say('My Vertuo leaks since yesterday, please call me back')));
    expect(saved[0]).toBe('Thanks — your message is saved. An agent will read it and reply in this chat when the team is back.');
    // Every message gets a reply: what the bot cannot answer is left for the person who joins.
    const later = messages(await customer.say('Any time after 9 is fine'));
    expect(later).toHaveLength(1);
    expect(later[0]!.text).not.toMatch(/Would you like to talk to a person/);
    // What the bot cannot answer at all is left for the person who joins.
    expect(texts(messages(await customer.say('what is the weather on mars')))).toEqual([
      "I couldn't find that in our documents; the person who joins will see your message and answer it.",
    ]);

    const q = await agent.queue();
    expect(q.body.waiting).toEqual([expect.objectContaining({ id: `emulator:${customer.id}`, afterHours: true, market: 'FR', lastCustomerMessage: 'what is the weather on mars' })]);
    const { body } = await agent.conversation(`emulator:${customer.id}`);
    expect(body.handoff.packet.hours).toMatchObject({ status: 'closed', timeZone: 'Europe/Paris' });
    const said = body.transcript.filter((l: { from: string }) => l.from === 'user').map((l: { text: string }) => l.text);
    expect(said).toEqual(['I want to speak to a human', 'My Vertuo leaks since yesterday, please call me back', 'Any time after 9 is fine', 'what is the weather on mars']);
  });

  it('Portugal: the hours are not stated, so the customer is told so and given the phone number', async () => {
    await start(MONDAY_0300_UTC);
    const customer = new BotConversation(svc, { locale: 'en-PT' });
    const queued = messages(await customer.say('talk to a person'));
    expect(queued[0]!.text).toMatch(/don't state the support team's hours for Portugal.*800 260 260/);
  });
});

describe('delivery failures reach the agent', () => {
  it("WhatsApp's closed 24-hour window: the agent API answers 409 with a clear message and nothing is recorded as sent", async () => {
    const agent = await start(MONDAY_0300_UTC);
    svc.app.outbound.register({ channelIds: ['closedwindow'], send: async () => ({ ok: false, reason: 'window-closed' }) });
    const customer = new BotConversation(svc, { locale: 'en-KR', channelId: 'closedwindow' });
    await customer.say('talk to a person');
    const id = `closedwindow:${customer.id}`;
    const accepted = await agent.accept(id, 'Ana');
    expect(accepted.status).toBe(200);
    expect(accepted.body.delivery).toMatchObject({ delivered: false, reason: 'window-closed' });

    const sent = await agent.send(id, 'Hello?');
    expect(sent.status).toBe(409);
    expect(sent.body.error).toMatchObject({ code: 'CONFLICT', reason: 'window-closed' });
    expect(sent.body.error.message).toMatch(/24-hour window is closed/);
    const { body } = await agent.conversation(id);
    expect(body.transcript.some((l: { from: string }) => l.from === 'agent')).toBe(false);
  });
});
