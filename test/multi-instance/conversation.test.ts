/**
 * One conversation, two service processes, one Redis: the customer's turns may land on either
 * instance (a load balancer without affinity), and an instance may die between two of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, type ServiceProcess } from '../helpers/process.js';
import { getTestRedis, redisCommand } from '../helpers/redis.js';
import { startChannelCapture, type ChannelCapture } from '../helpers/service.js';
import { keys } from '../../src/state/storage.js';
import { Customer, FR_BOOKING, REFERENCE, serviceEnv, startPair, stepOf, steps } from './support.js';

const redis = await getTestRedis();
let channel: ChannelCapture;
let a: ServiceProcess;
let b: ServiceProcess;
const bookings: string[] = [];

beforeAll(async () => {
  if (!redis) return;
  channel = await startChannelCapture();
  [a, b] = await startPair(serviceEnv(redis.url, { CONVERSATION_TTL_DAYS: '1' }));
});

afterAll(async () => {
  await killAllServices();
  // Bookings never expire; a shared Redis keeps none of ours.
  if (redis) for (const reference of bookings) await forgetBooking(redis.url, reference);
  await channel?.close();
  await redis?.stop();
});

async function forgetBooking(url: string, reference: string): Promise<void> {
  const raw = await redisCommand(url, ['GET', keys.booking(reference)]);
  if (typeof raw !== 'string') return;
  const booking = JSON.parse(raw.slice(raw.indexOf(':') + 1)) as { id: string; conversationId: string };
  await redisCommand(url, ['DEL', keys.booking(reference), keys.booking(`id:${booking.id}`)]);
  await redisCommand(url, ['DEL', keys.booking(`conv:${booking.conversationId}`)]);
}

describe.skipIf(!redis)('a conversation across two instances', () => {
  it('a repair booking whose turns alternate between the instances completes, and either instance finds it by reference', async () => {
    const customer = new Customer(channel);
    const instanceFor = (turn: number) => (turn % 2 === 0 ? a : b);
    for (const [i, turn] of FR_BOOKING.entries()) {
      const to = instanceFor(i);
      const replies = await customer.say(to, turn.say);
      expect(steps(replies), `"${turn.say}" on instance ${to === a ? 'A' : 'B'}`).toEqual(turn.next);
    }
    const confirmed = customer.replies().at(-1)!;
    const reference = REFERENCE.exec(confirmed.text ?? '')?.[0];
    expect(reference, confirmed.text).toBeDefined();
    bookings.push(reference!);
    const other = instanceFor(FR_BOOKING.length - 1) === a ? b : a;

    // The same customer asks the instance that did not save the booking…
    const status = await customer.say(other, `what's the status of booking ${reference}`);
    expect(status).toHaveLength(1);
    expect(stepOf(status[0])).toBe('status');
    expect(status[0]!.text).toContain(reference);
    expect(status[0]!.text).toContain('CitiZ');
    // …and so does someone in another conversation (the booking is not kept in the conversation).
    const elsewhere = await new Customer(channel).say(other, `status of ${reference!.toLowerCase()}`);
    expect(stepOf(elsewhere[0])).toBe('status');
    expect(elsewhere[0]!.text).toContain(reference);
  });

  it('an instance killed with SIGKILL mid-dialog: the other carries on at the step the customer was at', async () => {
    const customer = new Customer(channel);
    const [start, model, date, proof, registered, ambassador] = FR_BOOKING;
    expect(steps(await customer.say(a, start!.say))).toEqual(start!.next);
    expect(steps(await customer.say(b, model!.say))).toEqual(model!.next);
    expect(steps(await customer.say(a, date!.say))).toEqual(date!.next);
    // B answers the proof question and asks about registration: then it crashes.
    expect(steps(await customer.say(b, proof!.say))).toEqual(['askingRegistration']);
    await b.kill();
    expect(b.exited).toBe(true);
    const answer = customer.message(registered!.say);
    await expect(customer.post(b, answer)).rejects.toThrow();

    // The channel delivers the same activity again, now to A: the answer to the registration question is taken.
    const started = performance.now();
    const retried = await customer.post(a, answer);
    const ms = performance.now() - started;
    expect(retried.status).toBe(200);
    expect(steps(retried.replies)).toEqual(registered!.next);
    expect(steps(await customer.say(a, ambassador!.say))).toEqual(ambassador!.next);
    console.log(`[multi-instance] after SIGKILL of B, A answered the next turn in ${ms.toFixed(0)} ms at the same step`);
    // Nothing was answered twice and nothing was lost: one reply per message (two for the terms step).
    const turns = [start, model, date, proof, registered, ambassador];
    expect(new Set(customer.replies().map((r) => r.replyToId)).size).toBe(turns.length);
    expect(customer.replies()).toHaveLength(turns.reduce((n, t) => n + t!.next.length, 0));
  });
});
