/**
 * Messages of one conversation that reach both instances at the same time: the router takes them
 * one at a time under the conversation's Redis lock, in the order they reached the service, and
 * drops an activity id it has already handled.
 *
 * What "in order" means. Two HTTP requests in flight at once to two processes have no order of
 * their own until the service receives them: each goes through the kernel and its process's event
 * loop, which on two shared cores can hold it for tens of milliseconds. Measured here: sent 5 ms
 * apart into an idle conversation, one run in four had two neighbours reach the lock swapped; sent
 * 25 ms apart into a busy one while another test file ran its load, one in eighty. So the contract
 * is: a message that reaches the service while its conversation is busy is handled (and answered)
 * after every message of that conversation that reached the service before it, and before every
 * one that reached it later, whichever instance each reached; the replies to one message reach the
 * channel together. The first test makes arrival order the send order by keeping the conversation
 * busy (as a long turn on a third instance would) while the five are sent 100 ms apart, far more
 * than a request takes to reach the lock, so the order they are answered in is compared with the
 * order they were sent in. The second sends them 5 ms apart into an idle conversation and checks
 * what holds whatever the arrival order: each is answered once and turns never interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, type ServiceProcess } from '../helpers/process.js';
import { getTestRedis, redisCommand } from '../helpers/redis.js';
import { startChannelCapture, type ChannelCapture } from '../helpers/service.js';
import { keys } from '../../src/state/storage.js';
import { conversationKey } from '../../src/conversation/conversation.js';
import { Customer, FR_BOOKING, serviceEnv, startPair, steps, type CapturedActivity } from './support.js';

/** Far more than a request takes to reach the conversation's lock, even on a loaded machine. */
const STAGGER_MS = 100;
const redis = await getTestRedis();
let channel: ChannelCapture;
let a: ServiceProcess;
let b: ServiceProcess;

beforeAll(async () => {
  if (!redis) return;
  channel = await startChannelCapture();
  [a, b] = await startPair(serviceEnv(redis.url, { CONVERSATION_TTL_DAYS: '1', LOCK_WAIT_MS: '10000', RATE_LIMIT_PER_CONVERSATION: '1000' }));
});

afterAll(async () => {
  await killAllServices();
  await channel?.close();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Take the conversation's lock as another instance in the middle of a turn would; returns its release. */
async function holdConversation(customer: Customer, ms: number): Promise<() => Promise<void>> {
  const key = keys.lock(conversationKey('emulator', customer.conversationId));
  expect(await redisCommand(redis!.url, ['SET', key, 'test:test', 'PX', ms, 'NX'])).toBe('OK');
  return async () => void (await redisCommand(redis!.url, ['DEL', key]));
}

/** The replyToIds of the replies in the order the channel got them, each run of equal ids once. */
function turnsInDeliveryOrder(replies: CapturedActivity[]): string[] {
  const runs: string[] = [];
  for (const r of replies) if (runs.at(-1) !== r.replyToId) runs.push(r.replyToId ?? '(none)');
  return runs;
}

describe.skipIf(!redis)('concurrent messages of one conversation on two instances', () => {
  it('five answers sent at once to alternating instances while the conversation is busy are answered once each, in the order sent', async () => {
    const customer = new Customer(channel);
    expect(steps(await customer.say(a, FR_BOOKING[0]!.say))).toEqual(['askingModel']);
    // Answers to five dialog steps: handled in another order, they would be re-prompts.
    const answers = FR_BOOKING.slice(1, 6);
    const activities = answers.map((s) => customer.message(s.say));

    const release = await holdConversation(customer, 10_000);
    const sending = activities.map(async (activity, i) => {
      await sleep(i * STAGGER_MS);
      return customer.post(i % 2 === 0 ? a : b, activity);
    });
    await sleep(answers.length * STAGGER_MS + 250);
    expect(customer.replies(), 'nothing is answered while the conversation is busy').toHaveLength(1);
    const released = performance.now();
    await release();
    const posted = await Promise.all(sending);
    const drainMs = performance.now() - released;

    expect(posted.map((p) => p.status)).toEqual(answers.map(() => 200));
    const replies = customer.replies().slice(1);
    expect(turnsInDeliveryOrder(replies), 'one turn per message, in the order sent').toEqual(activities.map((x) => x.id));
    expect(steps(replies)).toEqual(answers.flatMap((s) => s.next));
    console.log(`[multi-instance] 5 queued messages on 2 instances answered in send order within ${drainMs.toFixed(0)} ms of the conversation freeing up`);
  });

  it('five messages sent 5 ms apart into an idle conversation: each answered once, turns never interleave', async () => {
    const customer = new Customer(channel);
    expect(steps(await customer.say(b, FR_BOOKING[0]!.say))).toEqual(['askingModel']);
    const activities = FR_BOOKING.slice(1, 6).map((s) => customer.message(s.say));
    const posted = await Promise.all(
      activities.map(async (activity, i) => {
        await sleep(i * 5);
        return customer.post(i % 2 === 0 ? b : a, activity);
      }),
    );
    expect(posted.map((p) => p.status)).toEqual(activities.map(() => 200));
    for (const p of posted) {
      expect(p.replies.length, `replies to ${p.id}`).toBeGreaterThanOrEqual(1);
      expect(p.replies.every((r) => (r.channelData?.support as { kind?: string })?.kind === 'dialog'), 'no apology, no "try again"').toBe(true);
    }
    const turns = turnsInDeliveryOrder(customer.replies().slice(1));
    expect([...turns].sort(), "each message's replies arrive together, once").toEqual(activities.map((x) => x.id).sort());
    const inSendOrder = turns.every((id, i) => id === activities[i]!.id);
    console.log(`[multi-instance] 5 messages 5 ms apart, no busy conversation: handled in ${inSendOrder ? 'send order' : `arrival order ${turns.map((id) => activities.findIndex((x) => x.id === id) + 1).join(',')}`}`);
  });

  it('the same activity posted to both instances at once is answered once', async () => {
    const customer = new Customer(channel);
    const texts = ['hello', 'what is the warranty', 'thanks', 'hi', 'thank you'];
    for (const text of texts) {
      const activity = customer.message(text);
      const [onA, onB] = await Promise.all([customer.post(a, activity), customer.post(b, activity)]);
      expect([onA.status, onB.status]).toEqual([200, 200]);
      expect(customer.repliesTo(activity.id), `"${text}"`).toHaveLength(1);
    }
    // A channel's late retry of an activity already answered is dropped too, on either instance.
    const first = customer.message('hello');
    await customer.post(b, first);
    for (const to of [a, b]) expect((await customer.post(to, first)).status).toBe(200);
    expect(customer.repliesTo(first.id)).toHaveLength(1);
    expect(customer.replies()).toHaveLength(texts.length + 1);
  });
});
