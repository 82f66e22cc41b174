/**
 * Redis going away and coming back, on a throw-away server this file owns: calls fail fast with
 * STORAGE_UNAVAILABLE (a turn must not hang), ping() says false, and the same RedisStorage works
 * again once Redis returns, subscriptions included. No new instance, no restart of the service.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisStorage } from '../../src/state/redis.js';
import { keys } from '../../src/state/storage.js';
import { getThrowawayRedis, uniquePrefix } from '../helpers/redis.js';

const server = await getThrowawayRedis();
afterAll(() => server?.stop());

async function outcome(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = Date.now();
  try {
    await work;
    return { error: undefined, ms: Date.now() - start };
  } catch (error) {
    return { error, ms: Date.now() - start };
  }
}

describe.runIf(server)('RedisStorage while Redis is away', () => {
  const redis = server!;
  let storage: RedisStorage;
  let other: RedisStorage;
  let id: string;

  beforeEach(() => {
    storage = new RedisStorage(redis.url);
    other = new RedisStorage(redis.url);
    id = uniquePrefix();
  });

  afterEach(async () => {
    redis.resume();
    await Promise.all([storage.close(), other.close()]);
  });

  it('stopped: every call rejects with STORAGE_UNAVAILABLE within 2 s; restarted: the same instance works', async () => {
    await storage.set(keys.conversation(id), { step: 'before' });
    await redis.stop();

    const calls: Array<[string, () => Promise<unknown>]> = [
      ['get', () => storage.get(keys.conversation(id))],
      ['set', () => storage.set(keys.conversation(id), {})],
      ['compareAndSet', () => storage.compareAndSet(keys.conversation(id), {}, undefined)],
      ['setIfAbsent', () => storage.setIfAbsent(keys.seen(id, 'a1'), 1000)],
      ['acquireLock', () => storage.acquireLock(keys.lock(id), 1000, 5000)],
      ['releaseLock', () => storage.releaseLock(keys.lock(id), 'token')],
      ['zAdd', () => storage.zAdd(keys.handoffQueue(), id, 1)],
      ['listPush', () => storage.listPush(keys.transcript(id), 'x', 10)],
      ['listRange', () => storage.listRange(keys.transcript(id))],
      ['publish', () => storage.publish(keys.channel(id), 'x')],
      ['subscribe', () => storage.subscribe(keys.channel(id), () => {})],
      ['scanPrefix', () => storage.scanPrefix(id)],
    ];
    for (const [name, call] of calls) {
      const { error, ms } = await outcome(call());
      expect(error, name).toMatchObject({ name: 'AppError', code: 'STORAGE_UNAVAILABLE', status: 503 });
      expect((error as Error).cause, name).toBeInstanceOf(Error);
      expect(ms, name).toBeLessThan(2000);
    }
    expect(await storage.ping()).toBe(false);

    await redis.restart();
    await expect.poll(() => storage.ping(), { timeout: 10_000, interval: 100 }).toBe(true);
    // The second instance reconnects on its own schedule: wait for it too before reading through it.
    await expect.poll(() => other.ping(), { timeout: 10_000, interval: 100 }).toBe(true);
    const created = await storage.compareAndSet(keys.conversation(id), { step: 'after' }, undefined);
    expect(created).toEqual(expect.any(String));
    expect(await other.get(keys.conversation(id))).toEqual({ value: { step: 'after' }, version: created });
  });

  it('hung (paused, sockets open): calls fail within 2 s instead of waiting; resumed: they work', async () => {
    await storage.set(keys.conversation(id), 1);
    redis.pause();
    const { error, ms } = await outcome(storage.get(keys.conversation(id)));
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(ms).toBeLessThan(2000);
    expect(await storage.ping()).toBe(false);

    redis.resume();
    await expect.poll(() => storage.ping(), { timeout: 10_000, interval: 100 }).toBe(true);
    await storage.set(keys.conversation(id), 2);
    expect((await storage.get(keys.conversation(id)))?.value).toBe(2);
  });

  it('subscriptions made before a restart receive messages after it', async () => {
    const received: string[] = [];
    await storage.subscribe(keys.channel(id), (m) => received.push(m));
    await redis.restart();

    // Publish until the subscriber connection is back and re-subscribed; each try is distinct.
    let attempt = 0;
    await expect
      .poll(
        async () => {
          await other.publish(keys.channel(id), `try ${++attempt}`).catch(() => {});
          return received.length;
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBeGreaterThan(0);
    expect(received[0]).toMatch(/^try \d+$/);
  });
});
