/**
 * Redis goes away in the middle of a conversation served by two instances, and comes back. The
 * instances are not restarted: while Redis is down each turn fails fast with a short apology sent
 * to the customer's channel (sending it needs no Redis) and /readyz answers 503 so a load balancer
 * stops routing to them; once Redis answers again they serve the conversation where it was.
 *
 * Redis here is a server of the test's own, stopped with SHUTDOWN SAVE and started again on the
 * same port and data directory, as a Redis with persistence restarts in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpStatus, killAllServices, waitForStatus, type ServiceProcess } from '../helpers/process.js';
import { getThrowawayRedis, redisCommand } from '../helpers/redis.js';
import { startChannelCapture, type ChannelCapture } from '../helpers/service.js';
import { apologyFor } from '../../src/channels/bot-framework.js';
import { AppError } from '../../src/lib/errors.js';
import { Customer, FR_BOOKING, serviceEnv, startPair, steps, support } from './support.js';

const redis = await getThrowawayRedis();
let channel: ChannelCapture;
let a: ServiceProcess;
let b: ServiceProcess;

beforeAll(async () => {
  if (!redis) return;
  channel = await startChannelCapture();
  [a, b] = await startPair(serviceEnv(redis.url));
});

afterAll(async () => {
  await killAllServices();
  await channel?.close();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shutdownRedis(url: string): Promise<void> {
  // The server saves, closes the connection without a reply and exits.
  await redisCommand(url, ['SHUTDOWN', 'SAVE'], 500).catch(() => undefined);
  const deadline = Date.now() + 5000;
  while (await redisCommand(url, ['PING'], 300).then(() => true, () => false)) {
    if (Date.now() > deadline) throw new Error(`redis at ${url} still answers after SHUTDOWN`);
    await sleep(50);
  }
}

describe.skipIf(!redis)('Redis stopped and restarted under two instances', () => {
  it('the customer gets a short apology and /readyz is 503 while Redis is down; then the conversation goes on without restarting the service', async () => {
    const customer = new Customer(channel);
    const [start, model, date, proof] = FR_BOOKING;
    expect(steps(await customer.say(a, start!.say))).toEqual(start!.next);
    expect(steps(await customer.say(b, model!.say))).toEqual(model!.next);

    await shutdownRedis(redis!.url);
    const down = performance.now();
    for (const svc of [a, b]) await waitForStatus(`${svc.url}/readyz`, 503, 5000, svc.output);
    const notReadyMs = performance.now() - down;

    // The customer answers the purchase-date question on each instance in turn: each time a short apology.
    const apology = apologyFor(new AppError('STORAGE_UNAVAILABLE'));
    for (const svc of [a, b]) {
      const sent = performance.now();
      const { replies } = await customer.post(svc, customer.message(date!.say));
      const ms = performance.now() - sent;
      expect(replies.map((r) => r.text)).toEqual([apology]);
      expect(support(replies[0])?.kind).toBe('system');
      expect(ms, 'the apology does not wait for Redis').toBeLessThan(3000);
      console.log(`[multi-instance] Redis down: apology from instance ${svc === a ? 'A' : 'B'} in ${ms.toFixed(0)} ms`);
    }
    expect(await httpStatus(`${a.url}/healthz`)).toBe(200);

    await redis!.restart();
    const up = performance.now();
    for (const svc of [a, b]) await waitForStatus(`${svc.url}/readyz`, 200, 10_000, svc.output);
    const readyAgainMs = performance.now() - up;

    // Same processes, and the conversation is where it was: the purchase date is still the question.
    expect([a.exited, b.exited]).toEqual([false, false]);
    expect(steps(await customer.say(b, date!.say))).toEqual(date!.next);
    expect(steps(await customer.say(a, proof!.say))).toEqual(proof!.next);
    console.log(
      `[multi-instance] Redis outage: /readyz 503 on both instances ${notReadyMs.toFixed(0)} ms after the stop, 200 again ${readyAgainMs.toFixed(0)} ms after the restart`,
    );
  });
});
