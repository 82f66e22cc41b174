/**
 * What Redis actually holds: everything written for a conversation expires after
 * CONVERSATION_TTL_DAYS (forget-by-default), a booking never does (customers quote its reference).
 * Read back with PTTL from Redis itself, not through the storage under test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { conversationTtlMs } from '../../src/state/index.js';
import { RedisStorage } from '../../src/state/redis.js';
import { keys } from '../../src/state/storage.js';
import { getTestRedis, redisCommand } from '../helpers/redis.js';

const redis = await getTestRedis();
afterAll(() => redis?.stop());

describe.runIf(redis)('TTLs in Redis', () => {
  const url = redis!.url;
  const written: string[] = [];
  let storage: RedisStorage | undefined;
  const open = () => (storage = new RedisStorage(url));
  const pttl = (key: string) => redisCommand(url, ['PTTL', key]) as Promise<number>;

  afterEach(async () => {
    await storage?.delete(...written.splice(0));
    await storage?.close();
  });

  it('conversation state, transcript and de-duplication markers carry the conversation TTL; a booking has none', async () => {
    const s = open();
    const ttl = conversationTtlMs(testConfig());
    expect(ttl).toBe(30 * 24 * 60 * 60 * 1000);
    const id = `ttl-${randomUUID()}`;
    const reference = `RB-${randomUUID()}`;
    written.push(keys.conversation(id), keys.transcript(id), keys.seen(id, 'activity-1'), keys.booking(reference));

    await s.compareAndSet(keys.conversation(id), { dialog: 'repairBooking' }, undefined, ttl);
    await s.listPush(keys.transcript(id), { from: 'user', at: 1 }, 200, ttl);
    await s.setIfAbsent(keys.seen(id, 'activity-1'), ttl);
    await s.set(keys.booking(reference), { reference, model: 'Vertuo' });

    for (const key of [keys.conversation(id), keys.transcript(id), keys.seen(id, 'activity-1')]) {
      const left = await pttl(key);
      expect(left, key).toBeGreaterThan(ttl - 60_000);
      expect(left, key).toBeLessThanOrEqual(ttl);
    }
    expect(await pttl(keys.booking(reference))).toBe(-1);
  });

  it('CONVERSATION_TTL_DAYS sets it, and every compare-and-set renews it', async () => {
    const s = open();
    const weekMs = conversationTtlMs(testConfig({ CONVERSATION_TTL_DAYS: '7' }));
    expect(weekMs).toBe(7 * 24 * 60 * 60 * 1000);
    const id = `ttl-${randomUUID()}`;
    written.push(keys.conversation(id));

    const v1 = await s.compareAndSet(keys.conversation(id), { turn: 1 }, undefined, 60_000);
    expect(await pttl(keys.conversation(id))).toBeLessThanOrEqual(60_000);
    await s.compareAndSet(keys.conversation(id), { turn: 2 }, v1!, weekMs);
    expect(await pttl(keys.conversation(id))).toBeGreaterThan(weekMs - 60_000);
  });
});
