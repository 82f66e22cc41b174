/**
 * Queue, assignments, transcripts and live events live in Redis: two instances share them, the
 * console on one instance sees what the other receives, and a restarted instance carries on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getThrowawayRedis, type ThrowawayRedis } from '../helpers/redis.js';
import { BotConversation, startService, support, texts, type TestService } from '../helpers/service.js';
import { AgentClient, messages, openEvents, type EventStream } from './agent-client.js';

const TOKEN = 'agent-secret-for-tests';
const redis: ThrowawayRedis | undefined = await getThrowawayRedis();
const started: TestService[] = [];
const streams: EventStream[] = [];

beforeAll(() => {
  if (!redis && process.env.CI) throw new Error('redis-server is required in CI');
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  for (const s of started.splice(0)) await s.close().catch(() => undefined);
});
afterAll(async () => {
  await redis?.stop();
});

async function instance(): Promise<TestService> {
  const svc = await startService({ AGENT_TOKEN: TOKEN, REDIS_URL: redis!.url, DEFAULT_MARKET: 'KR' }, { defaultMetrics: false });
  started.push(svc);
  return svc;
}

describe.skipIf(!redis)('hand-off across instances (Redis)', () => {
  it('the console on one instance follows a customer on another, and a restarted instance carries on', async () => {
    const front = await instance(); // the customer's instance
    let back = await instance(); // the agent's instance
    const customer = new BotConversation(front);
    const id = `emulator:${customer.id}`;

    const events = await openEvents(back.url, TOKEN);
    streams.push(events);
    const queued = messages(await customer.say('talk to a person'));
    expect(support(queued[0])?.kind).toBe('handoff');
    await events.waitFor((e) => e.type === 'queue' && e.action === 'queued' && e.id === id);

    const agentOnBack = new AgentClient(back.url, TOKEN);
    expect((await agentOnBack.queue()).body.waiting.map((w: { id: string }) => w.id)).toContain(id);
    expect((await agentOnBack.accept(id, 'Ana')).status).toBe(200);
    expect(await customer.say('Are you there?')).toEqual([]);
    await events.waitFor((e) => e.type === 'message' && e.id === id && e.line.text === 'Are you there?');
    expect((await agentOnBack.send(id, 'Yes, I am here.')).status).toBe(200);
    expect(texts(messages(front.channel.forConversation(customer.id))).slice(-1)).toEqual(['Yes, I am here.']);

    // The agent's instance restarts: the assignment and the transcript are still there.
    events.close();
    await back.close();
    started.splice(started.indexOf(back), 1);
    back = await instance();
    const agentAfter = new AgentClient(back.url, TOKEN);
    const detail = await agentAfter.conversation(id);
    expect(detail.body.handoff).toMatchObject({ status: 'withAgent', agent: 'Ana' });
    expect(detail.body.transcript.map((l: { text: string }) => l.text)).toEqual(
      expect.arrayContaining(['talk to a person', 'Are you there?', 'Yes, I am here.']),
    );
    const again = await openEvents(back.url, TOKEN);
    streams.push(again);
    await again.waitFor((e) => e.type === 'ready');
    expect(await customer.say('Still here')).toEqual([]);
    await again.waitFor((e) => e.type === 'message' && e.id === id && e.line.text === 'Still here');

    expect((await agentAfter.end(id)).status).toBe(200);
    expect(messages(front.channel.forConversation(customer.id)).at(-1)?.text).toMatch(/^You're back with the assistant/);
    expect(messages(await customer.say('hello')).map((a) => support(a)?.kind)).toEqual(['smalltalk']);
  });

  it('two agents on two instances accept at once: one wins, the other gets 409', async () => {
    const a = await instance();
    const b = await instance();
    const customer = new BotConversation(a);
    await customer.say('talk to a person');
    const id = `emulator:${customer.id}`;
    const results = await Promise.all([new AgentClient(a.url, TOKEN).accept(id, 'Ana'), new AgentClient(b.url, TOKEN).accept(id, 'Bruno')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
