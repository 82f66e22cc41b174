/**
 * One contract, every backend: MemoryStorage, RedisStorage on one server, RedisStorage on a
 * three-master Redis Cluster. "Two handles" are two connections to the same store (for memory,
 * the same instance), so what one instance writes or publishes, another sees.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { RedisStorage } from '../../src/state/redis.js';
import type { Storage } from '../../src/state/storage.js';
import { getTestRedis, getThrowawayCluster, uniquePrefix } from '../helpers/redis.js';

const redis = await getTestRedis();
const cluster = await getThrowawayCluster();
afterAll(async () => {
  await redis?.stop();
  await cluster?.stop();
});

/** Per test: a function that opens another handle onto the same store. */
type Backend = { name: string; store: () => () => Storage };
const backends: Backend[] = [
  {
    name: 'memory',
    store: () => {
      const shared = new MemoryStorage();
      return () => shared;
    },
  },
];
if (redis) backends.push({ name: 'redis', store: () => () => new RedisStorage(redis.url) });
if (cluster) backends.push({ name: 'redis cluster', store: () => () => new RedisStorage(cluster.url) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const elapsed = async <T>(work: Promise<T>) => {
  const start = Date.now();
  const result = await work;
  return { result, ms: Date.now() - start };
};

describe.each(backends)('$name storage', ({ store }) => {
  let open: () => Storage;
  let handles: Storage[];
  let a: Storage;
  let b: Storage;
  let prefix: string;
  /** A key under this test's prefix; each name is its own hash tag, so its own cluster slot. */
  const key = (name: string) => `${prefix}{${name}}`;

  beforeEach(() => {
    const connect = store();
    handles = [];
    open = () => {
      const s = connect();
      handles.push(s);
      return s;
    };
    [a, b] = [open(), open()];
    prefix = uniquePrefix();
  });

  afterEach(async () => {
    await a.delete(...(await a.scanPrefix(prefix)));
    await Promise.all(handles.map((s) => s.close()));
  });

  describe('values', () => {
    it('get returns undefined for a missing key', async () => {
      expect(await a.get(key('missing'))).toBeUndefined();
    });

    it('set stores JSON that another handle reads, with a new version per write', async () => {
      await a.set(key('v'), { n: 1, list: ['x', 'é'], nested: { ok: true } });
      const first = await b.get(key('v'));
      expect(first?.value).toEqual({ n: 1, list: ['x', 'é'], nested: { ok: true } });
      await b.set(key('v'), 'second');
      const second = await a.get<string>(key('v'));
      expect(second?.value).toBe('second');
      expect(second?.version).not.toBe(first?.version);
    });

    it('a TTL expires the value', async () => {
      await a.set(key('t'), 'soon gone', 150);
      expect((await a.get(key('t')))?.value).toBe('soon gone');
      await sleep(300);
      expect(await a.get(key('t'))).toBeUndefined();
    });

    it('delete removes values, sorted sets and lists, in several slots at once', async () => {
      await a.set(key('d1'), 1);
      await a.zAdd(key('d2'), 'm', 1);
      await a.listPush(key('d3'), 'x', 10);
      await b.delete(key('d1'), key('d2'), key('d3'), key('never-existed'));
      expect(await a.get(key('d1'))).toBeUndefined();
      expect(await a.zRange(key('d2'))).toEqual([]);
      expect(await a.listRange(key('d3'))).toEqual([]);
    });
  });

  describe('compareAndSet', () => {
    it('creates with expected undefined only while the key is absent', async () => {
      const v1 = await a.compareAndSet(key('c'), { step: 1 }, undefined);
      expect(v1).toEqual(expect.any(String));
      expect(await b.compareAndSet(key('c'), { step: 'other' }, undefined)).toBeNull();
      expect(await b.get(key('c'))).toEqual({ value: { step: 1 }, version: v1 });
    });

    it('a stale version conflicts and leaves the newer value in place', async () => {
      const v1 = (await a.compareAndSet(key('c'), 'one', undefined))!;
      const v2 = await b.compareAndSet(key('c'), 'two', v1);
      expect(v2).toEqual(expect.any(String));
      expect(await a.compareAndSet(key('c'), 'stale', v1)).toBeNull();
      expect(await a.get(key('c'))).toEqual({ value: 'two', version: v2 });
    });

    it('a version is matched whole, not by its first characters, and never on a missing key', async () => {
      const v = (await a.compareAndSet(key('c'), 'one', undefined))!;
      expect(await a.compareAndSet(key('c'), 'x', v.slice(0, -1))).toBeNull();
      expect(await a.compareAndSet(key('absent'), 'x', v)).toBeNull();
      expect(await a.get(key('absent'))).toBeUndefined();
    });

    it('of 8 concurrent writers holding the same version, exactly one wins', async () => {
      const v = (await a.compareAndSet(key('race'), 0, undefined))!;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).compareAndSet(key('race'), i + 1, v)),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await a.get(key('race')))?.version).toBe(winners[0]);
    });

    it('read-modify-write loops on two handles lose no update', async () => {
      await a.set(key('counter'), 0);
      const increment = async (s: Storage) => {
        for (;;) {
          const current = (await s.get<number>(key('counter')))!;
          if ((await s.compareAndSet(key('counter'), current.value + 1, current.version)) !== null) return;
        }
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i % 2 ? a : b)));
      expect((await a.get(key('counter')))?.value).toBe(10);
    });

    it('applies its TTL', async () => {
      await a.compareAndSet(key('c'), 'short-lived', undefined, 150);
      expect((await b.get(key('c')))?.value).toBe('short-lived');
      await sleep(300);
      expect(await b.get(key('c'))).toBeUndefined();
      expect(await b.compareAndSet(key('c'), 'again', undefined)).toEqual(expect.any(String));
    });
  });

  describe('setIfAbsent', () => {
    it('is true once, then false from any handle until the marker expires', async () => {
      expect(await a.setIfAbsent(key('seen'), 200)).toBe(true);
      expect(await a.setIfAbsent(key('seen'), 200)).toBe(false);
      expect(await b.setIfAbsent(key('seen'), 200)).toBe(false);
      expect(await b.setIfAbsent(key('seen-other'), 200)).toBe(true);
      await sleep(350);
      expect(await b.setIfAbsent(key('seen'), 200)).toBe(true);
    });

    it('of 8 concurrent callers exactly one sets the marker', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).setIfAbsent(key('dup'), 5000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('locks', () => {
    it('a second acquire waits waitMs, then fails', async () => {
      expect(await a.acquireLock(key('lock'), 5000, 0)).toEqual(expect.any(String));
      const { result, ms } = await elapsed(b.acquireLock(key('lock'), 5000, 250));
      expect(result).toBeNull();
      expect(ms).toBeGreaterThanOrEqual(240);
      expect(ms).toBeLessThan(1500);
    });

    it('release with a wrong token does not release', async () => {
      const token = (await a.acquireLock(key('lock'), 5000, 0))!;
      await b.releaseLock(key('lock'), `${token}-not`);
      await b.releaseLock(key('lock'), 'wrong');
      expect(await b.acquireLock(key('lock'), 5000, 50)).toBeNull();
    });

    it('release by the owner lets a waiter in', async () => {
      const token = (await a.acquireLock(key('lock'), 5000, 0))!;
      const waiter = elapsed(b.acquireLock(key('lock'), 5000, 3000));
      await sleep(100);
      await a.releaseLock(key('lock'), token);
      const { result, ms } = await waiter;
      expect(result).toEqual(expect.any(String));
      expect(result).not.toBe(token);
      expect(ms).toBeLessThan(1000);
      expect(await a.acquireLock(key('lock'), 5000, 0)).toBeNull();
    });

    it("TTL expiry frees a dead owner's lock", async () => {
      expect(await a.acquireLock(key('lock'), 200, 0)).toEqual(expect.any(String));
      const { result, ms } = await elapsed(b.acquireLock(key('lock'), 5000, 3000));
      expect(result).toEqual(expect.any(String));
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThan(1500);
    });

    it('the expired owner cannot release the lock its successor holds', async () => {
      const old = (await a.acquireLock(key('lock'), 100, 0))!;
      const successor = (await b.acquireLock(key('lock'), 5000, 2000))!;
      await a.releaseLock(key('lock'), old);
      expect(await a.acquireLock(key('lock'), 5000, 0)).toBeNull();
      await b.releaseLock(key('lock'), successor);
      expect(await a.acquireLock(key('lock'), 5000, 0)).toEqual(expect.any(String));
    });
  });

  describe('sorted sets', () => {
    it('range orders by score; re-adding moves a member; remove says whether it was there', async () => {
      const q = key('queue');
      await a.zAdd(q, 'conv-c', 30);
      await a.zAdd(q, 'conv-a', 10);
      await b.zAdd(q, 'conv-b', 20);
      expect(await b.zRange(q)).toEqual([
        { member: 'conv-a', score: 10 },
        { member: 'conv-b', score: 20 },
        { member: 'conv-c', score: 30 },
      ]);
      await a.zAdd(q, 'conv-a', 40.5);
      expect((await a.zRange(q)).map((e) => e.member)).toEqual(['conv-b', 'conv-c', 'conv-a']);
      expect(await b.zRemove(q, 'conv-b')).toBe(true);
      expect(await b.zRemove(q, 'conv-b')).toBe(false);
      expect(await a.zRange(q)).toEqual([
        { member: 'conv-c', score: 30 },
        { member: 'conv-a', score: 40.5 },
      ]);
      expect(await a.zRange(key('empty'))).toEqual([]);
    });
  });

  describe('capped lists', () => {
    it('keep the newest maxLength items, oldest first', async () => {
      const l = key('transcript');
      for (let i = 1; i <= 5; i++) await (i % 2 ? a : b).listPush(l, { i, text: `line ${i}` }, 3);
      expect(await a.listRange(l)).toEqual([
        { i: 3, text: 'line 3' },
        { i: 4, text: 'line 4' },
        { i: 5, text: 'line 5' },
      ]);
      expect(await b.listRange<{ i: number }>(l, 2)).toEqual([
        { i: 4, text: 'line 4' },
        { i: 5, text: 'line 5' },
      ]);
      expect(await a.listRange(key('empty'))).toEqual([]);
    });

    it('with maxBytes, drop the oldest items while the list is over that many bytes; the newest stays', async () => {
      const l = key('bounded');
      const item = (i: number) => ({ i, pad: 'x'.repeat(90) }); // ~100 bytes serialised
      for (let i = 1; i <= 20; i++) await (i % 2 ? a : b).listPush(l, item(i), 1000, undefined, 500);
      const kept = await a.listRange<{ i: number }>(l);
      expect(kept.map((x) => x.i)).toEqual([17, 18, 19, 20]);
      await a.listPush(l, { i: 21, pad: 'y'.repeat(2000) }, 1000, undefined, 500);
      expect((await b.listRange<{ i: number }>(l)).map((x) => x.i)).toEqual([21]);
      await a.listPush(l, item(22), 1000, undefined, 500);
      expect((await b.listRange<{ i: number }>(l)).map((x) => x.i)).toEqual([22]);
    });

    it('store items as JSON: a reader gets its own copy, the same long text in many lists reads back whole in each', async () => {
      const answer = 'All Nespresso System machines are supported by our after-sales service. '.repeat(3);
      const pushed = { at: 1, from: 'bot', text: answer, when: new Date(0), skip: undefined, nested: [{ text: answer }] };
      for (const n of [1, 2, 3]) await a.listPush(key(`t${n}`), pushed, 2);
      const read = await b.listRange<Record<string, unknown>>(key('t2'));
      expect(read).toEqual([{ at: 1, from: 'bot', text: answer, when: '1970-01-01T00:00:00.000Z', nested: [{ text: answer }] }]);
      read[0]!.text = 'changed by a reader';
      (read[0]!.nested as Array<{ text: string }>)[0]!.text = 'changed';
      await a.delete(key('t1'));
      for (let i = 0; i < 3; i++) await a.listPush(key('t3'), { text: `line ${i}` }, 2); // the answer's line trimmed away
      expect(await a.listRange(key('t2'))).toEqual([{ at: 1, from: 'bot', text: answer, when: '1970-01-01T00:00:00.000Z', nested: [{ text: answer }] }]);
      expect(await a.listRange(key('t3'))).toEqual([{ text: 'line 1' }, { text: 'line 2' }]);
    });

    it('a TTL expires the list', async () => {
      await a.listPush(key('l'), 'x', 10, 150);
      expect(await a.listRange(key('l'))).toEqual(['x']);
      await sleep(300);
      expect(await a.listRange(key('l'))).toEqual([]);
    });
  });

  describe('pub/sub', () => {
    it('a message published on one handle reaches a subscriber on another', async () => {
      const received: string[] = [];
      await a.subscribe(`${prefix}events`, (m) => received.push(m));
      // Same publisher, same subscriber connection: a stray message would arrive before the real one.
      await b.publish(`${prefix}elsewhere`, 'not for us');
      await b.publish(`${prefix}events`, JSON.stringify({ activity: 1 }));
      await expect.poll(() => received, { timeout: 2000 }).toEqual([JSON.stringify({ activity: 1 })]);
    });

    it('every handler of a channel receives; unsubscribing one leaves the others', async () => {
      const first: string[] = [];
      const second: string[] = [];
      const third: string[] = [];
      const c = open();
      const stopFirst = await a.subscribe(`${prefix}ch`, (m) => first.push(m));
      await a.subscribe(`${prefix}ch`, (m) => second.push(m));
      const stopThird = await c.subscribe(`${prefix}ch`, (m) => third.push(m));
      await c.subscribe(`${prefix}sentinel`, (m) => third.push(m));
      await b.publish(`${prefix}ch`, 'one');
      await expect.poll(() => [first, second, third], { timeout: 2000 }).toEqual([['one'], ['one'], ['one']]);
      await stopFirst();
      await stopThird();
      await b.publish(`${prefix}ch`, 'two');
      await b.publish(`${prefix}sentinel`, 'sentinel');
      await expect.poll(() => second, { timeout: 2000 }).toEqual(['one', 'two']);
      await expect.poll(() => third, { timeout: 2000 }).toEqual(['one', 'sentinel']);
      expect(first).toEqual(['one']);
    });

    it('an unsubscribe after close resolves quietly (shutdown order does not matter)', async () => {
      const c = open();
      const stop = await c.subscribe(`${prefix}late`, () => {});
      await c.close();
      await expect(stop()).resolves.toBeUndefined();
    });
  });

  describe('scanPrefix', () => {
    it('lists every kind of key under the prefix and nothing else', async () => {
      await a.set(key('conv-1'), 1);
      await a.zAdd(key('queue'), 'm', 1);
      await a.listPush(key('log'), 'x', 5);
      await a.set(`${prefix.slice(0, -1)}-sibling:{x}`, 'outside', 60_000);
      await a.set(key('gone'), 'expires', 100);
      await sleep(250);
      expect((await b.scanPrefix(prefix)).sort()).toEqual([key('conv-1'), key('log'), key('queue')].sort());
      await a.delete(`${prefix.slice(0, -1)}-sibling:{x}`);
    });

    it('treats glob characters in the prefix literally', async () => {
      await a.set(`${prefix}a*{1}`, 1);
      await a.set(`${prefix}ab{2}`, 2);
      await a.set(`${prefix}a?{3}`, 3);
      expect(await b.scanPrefix(`${prefix}a*`)).toEqual([`${prefix}a*{1}`]);
      expect(await b.scanPrefix(`${prefix}a?`)).toEqual([`${prefix}a?{3}`]);
    });
  });

  it('ping answers true while the store is up', async () => {
    expect(await a.ping()).toBe(true);
  });
});
