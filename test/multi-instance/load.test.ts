/**
 * Load across two instances sharing one Redis, loopback only and bounded: 200 conversations, each
 * sending its 5 messages at once (alternating between the instances), at most 20 conversations at
 * a time. Every message must get exactly the one reply it should, counted per replyToId at the
 * loopback serviceUrl: none lost (no reply, or only an apology such as "send this one again"
 * when the lock could not be had) and none duplicated.
 *
 * LOCK_WAIT_MS is 10 s so that the 5 messages of a conversation queue for its lock instead of
 * failing; RATE_LIMIT_PER_CONVERSATION is out of the way (5 messages in a burst are what is tested).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, type ServiceProcess } from '../helpers/process.js';
import { getTestRedis } from '../helpers/redis.js';
import { startChannelCapture, type ChannelCapture } from '../helpers/service.js';
import { Customer, serviceEnv, startPair, support, type CapturedActivity } from './support.js';

const CONVERSATIONS = 200;
const AT_A_TIME = 20;
/** Each gets one reply whatever order the five are handled in: small talk, and an answer from the FAQ. */
const EXPECTED_KIND: Record<string, string[]> = {
  hello: ['smalltalk'],
  'what is the warranty': ['faq', 'clarify'],
  thanks: ['smalltalk'],
  hi: ['smalltalk'],
  'thank you': ['smalltalk'],
};
const MESSAGES = Object.keys(EXPECTED_KIND);

const redis = await getTestRedis();
let channel: ChannelCapture;
let a: ServiceProcess;
let b: ServiceProcess;

beforeAll(async () => {
  if (!redis) return;
  channel = await startChannelCapture();
  [a, b] = await startPair(
    serviceEnv(redis.url, { CONVERSATION_TTL_DAYS: '1', LOCK_WAIT_MS: '10000', RATE_LIMIT_PER_CONVERSATION: '1000' }),
  );
});

afterAll(async () => {
  await killAllServices();
  await channel?.close();
  await redis?.stop();
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe.skipIf(!redis)('load on two instances', () => {
  it(`${CONVERSATIONS} conversations × ${MESSAGES.length} concurrent messages: 0 lost, 0 duplicated`, { timeout: 120_000 }, async () => {
    const customers = Array.from({ length: CONVERSATIONS }, () => new Customer(channel));
    const sent: string[] = [];
    /** activity id → the conversation it belongs to and the kinds of reply it should get. */
    const expected = new Map<string, { conversation: string; kinds: string[] }>();
    const failedPosts: string[] = [];
    const latencies: number[] = [];
    let nextCustomer = 0;

    const conversation = async (customer: Customer) => {
      const activities = MESSAGES.map((text) => customer.message(text));
      sent.push(...activities.map((x) => x.id));
      for (const [i, x] of activities.entries()) expected.set(x.id, { conversation: customer.conversationId, kinds: EXPECTED_KIND[MESSAGES[i]!]! });
      await Promise.all(
        activities.map(async (activity, i) => {
          const started = performance.now();
          try {
            const { status } = await customer.post(i % 2 === 0 ? a : b, activity);
            if (status !== 200) failedPosts.push(`${activity.id}: ${status}`);
          } catch (err) {
            failedPosts.push(`${activity.id}: ${(err as Error).message}`);
          }
          latencies.push(performance.now() - started);
        }),
      );
    };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: AT_A_TIME }, async () => {
        while (nextCustomer < customers.length) await conversation(customers[nextCustomer++]!);
      }),
    );
    const elapsedMs = performance.now() - started;

    const byActivity = new Map<string, CapturedActivity[]>();
    for (const reply of channel.activities) {
      if (reply.type !== 'message') continue;
      const list = byActivity.get(reply.replyToId ?? '(none)') ?? [];
      list.push(reply);
      byActivity.set(reply.replyToId ?? '(none)', list);
    }
    // An apology (kind system: "try again", storage trouble, slow down) is not the reply a message should get.
    const answered = (id: string) => (byActivity.get(id) ?? []).filter((r) => support(r)?.kind !== 'system');
    const lost = sent.filter((id) => answered(id).length === 0);
    const duplicated = sent.reduce((n, id) => n + Math.max(0, (byActivity.get(id)?.length ?? 0) - 1), 0);
    const replies = [...byActivity.values()].reduce((n, list) => n + list.length, 0);
    const apologies = sent.reduce((n, id) => n + (byActivity.get(id) ?? []).filter((r) => support(r)?.kind === 'system').length, 0);
    // A reply in the wrong conversation, or of the wrong kind (another message's answer), is not the one it should get.
    const wrong = sent.filter((id) =>
      answered(id).some((r) => r.conversation?.id !== expected.get(id)!.conversation || !expected.get(id)!.kinds.includes(String(support(r)?.kind))),
    );
    const sorted = [...latencies].sort((x, y) => x - y);

    console.log(
      `[load] messages=${sent.length} replies=${replies} lost=${lost.length} duplicated=${duplicated} wrong=${wrong.length} apologies=${apologies} ` +
        `http-failures=${failedPosts.length} elapsed=${(elapsedMs / 1000).toFixed(1)}s ` +
        `throughput=${((sent.length / elapsedMs) * 1000).toFixed(0)} msg/s latency p50=${percentile(sorted, 50).toFixed(0)}ms ` +
        `p95=${percentile(sorted, 95).toFixed(0)}ms max=${(sorted.at(-1) ?? 0).toFixed(0)}ms`,
    );
    expect(sent).toHaveLength(CONVERSATIONS * MESSAGES.length);
    expect(failedPosts.slice(0, 5)).toEqual([]);
    expect(lost.slice(0, 5), `${lost.length} lost`).toEqual([]);
    expect(duplicated).toBe(0);
    expect(wrong.slice(0, 5), `${wrong.length} answered with the wrong reply`).toEqual([]);
    expect(byActivity.has('(none)'), 'every reply names the message it answers').toBe(false);
    expect(replies).toBe(sent.length);
  });
});
