/**
 * A customer on /api/messages (Bot Framework) is handed to an agent and back: queue with the
 * context packet, accept, messages both ways with the bot silent, end, the bot answers again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotConversation, startService, support, texts, type TestService } from '../helpers/service.js';
import { AgentClient, messages, openEvents, type EventStream } from './agent-client.js';

const TOKEN = 'agent-secret-for-tests';
let svc: TestService;
let agent: AgentClient;
let events: EventStream | undefined;

beforeEach(async () => {
  svc = await startService({ AGENT_TOKEN: TOKEN, DEFAULT_MARKET: 'KR' }, { defaultMetrics: false });
  agent = new AgentClient(svc.url, TOKEN);
});
afterEach(async () => {
  events?.close();
  events = undefined;
  await svc.close();
});

describe('hand-off on Bot Framework', () => {
  it('customer asks for a person → queue with packet → agent accepts, chats, ends → bot answers again', async () => {
    events = await openEvents(svc.url, TOKEN);
    expect(events.status).toBe(200);
    const customer = new BotConversation(svc, { locale: 'en-KR' });
    const id = `emulator:${customer.id}`;

    // Customer: "talk to a person" → told what happens next, the place in the queue and the hours.
    const queued = messages(await customer.say('I need to talk to a person'));
    expect(queued).toHaveLength(1);
    expect(support(queued[0])).toMatchObject({ kind: 'handoff', market: 'KR' });
    expect(queued[0]!.text).toMatch(/next in the queue/);
    expect(queued[0]!.text).toMatch(/24 hours a day/);
    await events.waitFor((e) => e.type === 'queue' && e.action === 'queued' && e.id === id);

    // The channel also got the Bot Framework handoff.initiate event with the packet and transcript.
    const initiateEvent = () => svc.channel.forConversation(customer.id).find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    await expect.poll(initiateEvent).toBeDefined();
    const initiate = initiateEvent();
    expect(initiate!.value).toMatchObject({ conversationId: id, reason: 'customer-request', market: 'KR' });
    expect(JSON.stringify(initiate!.attachments)).toContain('I need to talk to a person');

    // The agent sees it in the queue, with the context packet and the transcript.
    const q = await agent.queue();
    expect(q.status).toBe(200);
    expect(q.body.waiting).toEqual([
      expect.objectContaining({ id, position: 1, status: 'queued', reason: 'customer-request', market: 'KR', channel: 'emulator', afterHours: false }),
    ]);
    const detail = await agent.conversation(id);
    expect(detail.status).toBe(200);
    expect(detail.body.handoff.packet).toMatchObject({
      market: 'KR',
      channel: 'emulator',
      reason: 'customer-request',
      faqCandidates: expect.any(Array),
      bookings: [],
      hours: { timeZone: 'Asia/Seoul', status: 'alwaysOpen' },
    });
    expect(detail.body.transcript.map((l: { from: string; text: string }) => [l.from, l.text])).toContainEqual(['user', 'I need to talk to a person']);

    // Accept: the customer is told who joined.
    const accepted = await agent.accept(id, 'Minji');
    expect(accepted.status).toBe(200);
    expect(accepted.body.handoff).toMatchObject({ status: 'withAgent', agent: 'Minji' });
    await events.waitFor((e) => e.type === 'queue' && e.action === 'accepted' && e.id === id);
    const afterAccept = svc.channel.forConversation(customer.id).length;
    expect(texts(messages(svc.channel.forConversation(customer.id)).slice(-1))).toEqual(['Minji from our support team has joined the chat.']);

    // Both ways; the bot itself says nothing, whatever the customer writes (even an FAQ question or "help").
    for (const said of ['My machine is leaking water from the bottom', 'help', 'how long is the warranty?']) {
      expect(await customer.say(said)).toEqual([]);
      await events.waitFor((e) => e.type === 'message' && e.id === id && e.line.from === 'user' && e.line.text === said);
    }
    const sent = await agent.send(id, 'Sorry to hear that! Which model is it?');
    expect(sent.status).toBe(200);
    expect(await customer.say('An Essenza Mini')).toEqual([]);
    expect((await agent.send(id, 'Thanks, I have booked a collection for you.')).status).toBe(200);

    const during = messages(svc.channel.forConversation(customer.id).slice(afterAccept));
    expect(texts(during)).toEqual(['Sorry to hear that! Which model is it?', 'Thanks, I have booked a collection for you.']);
    expect(during.every((a) => support(a)?.kind === 'handoff')).toBe(true);

    const transcript = (await agent.conversation(id)).body.transcript as Array<{ from: string; text: string }>;
    expect(transcript.filter((l) => l.from === 'agent').map((l) => l.text)).toEqual([
      'Sorry to hear that! Which model is it?',
      'Thanks, I have booked a collection for you.',
    ]);

    // End: back to the bot, which says so, and answers again.
    const ended = await agent.end(id, 'Collection booked by phone.');
    expect(ended.status).toBe(200);
    expect(ended.body.handoff).toMatchObject({ status: 'ended', note: 'Collection booked by phone.' });
    const back = messages(svc.channel.forConversation(customer.id)).slice(-1)[0];
    expect(back?.text).toMatch(/^You're back with the assistant/);
    await events.waitFor((e) => e.type === 'queue' && e.action === 'ended' && e.id === id);

    expect(messages(await customer.say('hello')).map((a) => support(a)?.kind)).toEqual(['smalltalk']); // the bot answers again
    expect((await agent.queue()).body).toEqual({ waiting: [], withAgents: [] });
    expect((await agent.send(id, 'still there?')).status).toBe(409);
  });

  it('conversation ids with reserved characters (Teams style) work URL-encoded', async () => {
    const customer = new BotConversation(svc, { conversationId: `19:abc/def;messageid=17@thread.tacv2 x%` });
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    expect((await agent.conversation(id)).body.handoff.id).toBe(id);
    expect((await agent.accept(id, 'Ana')).status).toBe(200);
    expect((await agent.send(id, 'Hi there')).status).toBe(200);
    expect(texts(messages(svc.channel.forConversation(customer.id))).at(-1)).toBe('Hi there');
    expect((await agent.end(id)).status).toBe(200);
  });

  it('two agents accepting at once: one wins, the other gets 409', async () => {
    const customer = new BotConversation(svc);
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    const results = await Promise.all([agent.accept(id, 'Ana'), agent.accept(id, 'Bruno')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.handoff.agent;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error).toMatchObject({ code: 'CONFLICT', message: `Already accepted by ${winner}.` });
    expect((await agent.conversation(id)).body.handoff.agent).toBe(winner);
    // One "joined" notice reached the customer, not two.
    expect(texts(messages(svc.channel.forConversation(customer.id))).filter((t) => /has joined the chat/.test(t))).toHaveLength(1);
  });

  it('while waiting: the first message is acknowledged once, every message gets an answer, the customer can ask for their place or stop waiting', async () => {
    const first = new BotConversation(svc);
    const second = new BotConversation(svc);
    await first.say('talk to a person');
    const queued = messages(await second.say('talk to a person'));
    expect(queued[0]!.text).toMatch(/number 2 in the queue/);

    const stuck = texts(messages(await second.say('my capsules are stuck')));
    expect(stuck[0]).toBe("Thanks — the agent will see your message when they join. You're number 2 in the queue.");
    expect(stuck.length).toBeGreaterThan(1); // and the bot answers it, as it can, while the customer waits
    const again = texts(messages(await second.say('they really are stuck')));
    expect(again).toHaveLength(1); // no second acknowledgement, but never silence
    expect(again[0]).not.toMatch(/Would you like to talk to a person/);
    expect(texts(messages(await second.say('agent please')))[0]).toMatch(/already waiting .* number 2 in the queue/);

    const left = messages(await first.say('cancel'));
    expect(left[0]!.text).toMatch(/left the queue/);
    expect(texts(messages(await second.say('talk to a person')))[0]).toMatch(/You're next in the queue/);
    expect((await agent.queue()).body.waiting.map((w: { id: string }) => w.id)).toEqual([`emulator:${second.id}`]);
    // The first customer is back with the bot.
    expect(messages(await first.say('hello')).map((a) => support(a)?.kind)).toEqual(['smalltalk']);
  });

  it('a handoff.status event from the channel hub (completed) hands the conversation back to the bot', async () => {
    const customer = new BotConversation(svc);
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    await customer.post(customer.activity({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } }));
    expect((await agent.conversation(id)).body.handoff).toMatchObject({ status: 'withAgent', agent: 'channel hub' });
    expect(await customer.say('hello?')).toEqual([]);

    const before = svc.channel.forConversation(customer.id).length;
    const res = await customer.post(customer.activity({ type: 'event', name: 'handoff.status', value: { state: 'completed' } }));
    expect(res.status).toBeLessThan(300);
    const back = messages(svc.channel.forConversation(customer.id).slice(before));
    expect(back[0]?.text).toMatch(/^You're back with the assistant/);
    expect((await agent.conversation(id)).body.handoff).toMatchObject({ status: 'ended', endedBy: 'channel' });
    expect(messages(await customer.say('hello')).map((a) => support(a)?.kind)).toEqual(['smalltalk']);
  });

  it('a handoff.status event on a customer channel (web chat) is not trusted: /api/messages refuses it', async () => {
    const customer = new BotConversation(svc, { channelId: 'directline' });
    expect((await customer.post(customer.activity({ text: 'talk to a person' }))).status).toBe(403);
    expect((await customer.post(customer.activity({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } }))).status).toBe(403);
    expect((await agent.conversation(`directline:${customer.id}`)).status).toBe(404);
  });
});
