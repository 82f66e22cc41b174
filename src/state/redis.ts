/**
 * Storage over Redis (or Redis Cluster), shared by every instance of the service. Same contract as
 * MemoryStorage. Values are stored as one string "<version>:<json>" so that a compare-and-set is a
 * single-key Lua script (safe under Cluster) and a TTL is one PX on the same SET. Every Redis
 * failure surfaces as AppError STORAGE_UNAVAILABLE; see redis-connection.ts for why it fails fast.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from 'ioredis';
import type { Logger } from '../lib/logger.js';
import {
  createClient,
  firstAttempt,
  masters,
  quit,
  redactUrl,
  storageError,
  type RedisClient,
} from './redis-connection.js';
import type { Storage, Versioned } from './storage.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    sbCompareAndSet(key: string, expected: string, encoded: string, ttlMs: number): Result<number, Context>;
    sbAcquireLock(
      lock: string,
      line: string,
      alive: string,
      token: string,
      encoded: string,
      ttlMs: number,
      arrival: string,
      aliveMs: number,
    ): Result<[number, string], Context>;
    sbReleaseLock(key: string, encoded: string): Result<number, Context>;
    sbListPush(key: string, json: string, maxLength: number, ttlMs: number): Result<number, Context>;
    sbListPushBytes(key: string, bytesKey: string, json: string, maxLength: number, ttlMs: number, maxBytes: number): Result<number, Context>;
  }
}

/** ARGV[1] '' means "the key must not exist"; a version matches the text before the first ':'. */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if current then return 0 end
elseif not current or string.sub(current, 1, #ARGV[1] + 1) ~= ARGV[1] .. ':' then
  return 0
end
if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1`;

/**
 * A lock taken in arrival order: waiters stand in a line (a sorted set scored by the Redis time of
 * their first attempt) and only the first of the line may take the free lock, so a conversation's
 * messages are handled in the order they reached the service, whichever instance they reached.
 * Waiters that stop asking (a killed process) leave the line after ARGV[5] ms (the alive set).
 * KEYS: lock, line, alive. ARGV: token, lock value, lock TTL, arrival ('' on the first attempt),
 * alive ms. Returns {1 taken | 0 waiting, arrival}.
 */
const ACQUIRE_LOCK = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local arrival = ARGV[4]
if arrival == '' then arrival = t[1] .. string.format('%06d', tonumber(t[2])) end
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)) do redis.call('ZREM', KEYS[2], gone) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZADD', KEYS[2], 'NX', arrival, ARGV[1])
if redis.call('ZRANGE', KEYS[2], 0, 0)[1] == ARGV[1] and redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  return {1, arrival}
end
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[5]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return {0, arrival}`;

/** A waiter that stopped asking this long ago (its process died) leaves the line. */
const WAITER_ALIVE_MS = 2000;
/** Waiters ask again after 5, 10, 20 … ms, at most this: the first of the line should not sleep long on a free lock. */
const MAX_LOCK_POLL_MS = 20;

/**
 * The line and alive keys of a lock, in the lock's Redis Cluster slot: the lock's own hash tag when
 * it has one (keys.lock does), else the whole lock key as the tag.
 */
function lockLineKeys(lock: string): { line: string; alive: string } {
  const open = lock.indexOf('{');
  const base = open >= 0 && lock.indexOf('}', open + 1) > open + 1 ? lock : `{${lock}}`;
  return { line: `${base}:line`, alive: `${base}:alive` };
}

const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const LIST_PUSH = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
if tonumber(ARGV[3]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

/**
 * A list capped by length and by bytes. KEYS: list, its byte counter (same hash slot). ARGV: item,
 * max length, TTL, max bytes. The counter follows every push and pop; a new list restarts it.
 */
const LIST_PUSH_BYTES = `
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
local total
if n == 1 then
  total = #ARGV[1]
  redis.call('SET', KEYS[2], total)
else
  total = redis.call('INCRBY', KEYS[2], #ARGV[1])
end
local maxLength = tonumber(ARGV[2])
local maxBytes = tonumber(ARGV[4])
while n > 1 and (n > maxLength or total > maxBytes) do
  local old = redis.call('LPOP', KEYS[1])
  total = redis.call('DECRBY', KEYS[2], #old)
  n = n - 1
end
if total < #ARGV[1] then redis.call('SET', KEYS[2], #ARGV[1]) end
if tonumber(ARGV[3]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return n`;

type Handler = (message: string) => void;
export type StateLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface RedisStorageOptions {
  /** Connection lost/restored and failing pub/sub handlers are logged here. */
  logger?: StateLogger;
}

/** Opaque, unique per write: base64url never contains the ':' that ends it in the stored string. */
const newVersion = () => randomBytes(12).toString('base64url');
const encode = (version: string, value: unknown) => `${version}:${JSON.stringify(value)}`;
const escapeGlob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RedisStorage implements Storage {
  readonly kind = 'redis' as const;
  private readonly client: RedisClient;
  private readonly started: Promise<void>;
  private readonly url: string;
  private readonly logger: StateLogger | undefined;
  /** undefined until the first attempt settles; then whether the last event was ready or error. */
  private healthy: boolean | undefined;
  /** Why the connection is down (e.g. "connect ECONNREFUSED 127.0.0.1:6379"), while it is. */
  private connectionError: string | undefined;
  private subscriber: { client: RedisClient; started: Promise<void> } | undefined;
  private readonly channels = new Map<string, { handlers: Set<Handler>; subscribed: Promise<void> }>();

  constructor(redisUrl: string, options: RedisStorageOptions = {}) {
    this.url = redactUrl(redisUrl);
    this.logger = options.logger;
    this.client = createClient(redisUrl);
    for (const [name, lua, numberOfKeys] of [
      ['sbCompareAndSet', COMPARE_AND_SET, 1],
      ['sbAcquireLock', ACQUIRE_LOCK, 3],
      ['sbReleaseLock', RELEASE_LOCK, 1],
      ['sbListPush', LIST_PUSH, 1],
      ['sbListPushBytes', LIST_PUSH_BYTES, 2],
    ] as const) {
      this.client.defineCommand(name, { lua, numberOfKeys });
    }
    this.client.on('ready', () => {
      if (this.healthy === false) this.logger?.info({ redis: this.url }, 'redis answers again');
      this.healthy = true;
      this.connectionError = undefined;
    });
    this.client.on('error', (err: Error) => {
      if (this.healthy === true) {
        this.logger?.warn({ redis: this.url, reason: err.message }, 'redis connection lost; storage calls fail until it answers');
      }
      this.healthy = false;
      this.connectionError = err.message;
    });
    this.started = firstAttempt(this.client);
  }

  /** Runs one Redis call after start-up has settled; any failure becomes STORAGE_UNAVAILABLE. */
  private async run<T>(operation: string, call: (client: RedisClient) => Promise<T>): Promise<T> {
    await this.started;
    try {
      return await call(this.client);
    } catch (err) {
      throw storageError(operation, err, this.connectionError);
    }
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const raw = await this.run('get', (c) => c.get(key));
    if (raw === null) return undefined;
    const at = raw.indexOf(':');
    return { version: raw.slice(0, at), value: JSON.parse(raw.slice(at + 1)) as T };
  }

  async compareAndSet<T>(key: string, value: T, expected: string | undefined, ttlMs?: number): Promise<string | null> {
    const version = newVersion();
    const done = await this.run('compareAndSet', (c) =>
      c.sbCompareAndSet(key, expected ?? '', encode(version, value), ttlMs ?? 0),
    );
    return done === 1 ? version : null;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const encoded = encode(newVersion(), value);
    await this.run('set', (c) => (ttlMs ? c.set(key, encoded, 'PX', ttlMs) : c.set(key, encoded)));
  }

  async delete(...keys: string[]): Promise<void> {
    // One DEL per key: under Cluster the keys of one call may live in different slots.
    await this.run('delete', (c) => Promise.all(keys.map((k) => c.del(k))));
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.run('setIfAbsent', (c) => c.set(key, encode(newVersion(), 1), 'PX', ttlMs, 'NX'));
    return reply === 'OK';
  }

  /** Waits its turn: the lock goes to waiters in the order they first asked (see ACQUIRE_LOCK). */
  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<string | null> {
    const token = newVersion();
    const encoded = encode(token, token);
    const { line, alive } = lockLineKeys(key);
    const deadline = Date.now() + waitMs;
    let arrival = '';
    let delay = 5;
    try {
      for (;;) {
        const [taken, at] = await this.run('acquireLock', (c) =>
          c.sbAcquireLock(key, line, alive, token, encoded, ttlMs, arrival, WAITER_ALIVE_MS),
        );
        if (taken === 1) return token;
        arrival = at;
        const left = deadline - Date.now();
        if (left <= 0) break;
        await sleep(Math.min(delay, left));
        delay = Math.min(delay * 2, MAX_LOCK_POLL_MS);
      }
    } catch (err) {
      await this.leaveLine(line, alive, token);
      throw err;
    }
    await this.leaveLine(line, alive, token);
    return null;
  }

  /** Best effort: a waiter that could not leave the line is dropped from it after WAITER_ALIVE_MS. */
  private async leaveLine(line: string, alive: string, token: string): Promise<void> {
    await this.run('acquireLock', (c) => Promise.all([c.zrem(line, token), c.zrem(alive, token)])).catch(() => undefined);
  }

  async releaseLock(key: string, token: string): Promise<void> {
    await this.run('releaseLock', (c) => c.sbReleaseLock(key, encode(token, token)));
  }

  async zAdd(key: string, member: string, score: number): Promise<void> {
    await this.run('zAdd', (c) => c.zadd(key, score, member));
  }

  async zRemove(key: string, member: string): Promise<boolean> {
    return (await this.run('zRemove', (c) => c.zrem(key, member))) > 0;
  }

  async zRange(key: string): Promise<Array<{ member: string; score: number }>> {
    const flat = await this.run('zRange', (c) => c.zrange(key, 0, -1, 'WITHSCORES'));
    const out: Array<{ member: string; score: number }> = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push({ member: flat[i]!, score: Number(flat[i + 1]) });
    return out;
  }

  async listPush<T>(key: string, value: T, maxLength: number, ttlMs?: number, maxBytes?: number): Promise<void> {
    if (maxBytes) {
      await this.run('listPush', (c) => c.sbListPushBytes(key, `${key}:bytes`, JSON.stringify(value), maxLength, ttlMs ?? 0, maxBytes));
      return;
    }
    await this.run('listPush', (c) => c.sbListPush(key, JSON.stringify(value), maxLength, ttlMs ?? 0));
  }

  async listRange<T>(key: string, limit?: number): Promise<T[]> {
    const items = await this.run('listRange', (c) => c.lrange(key, limit ? -limit : 0, -1));
    return items.map((s) => JSON.parse(s) as T);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run('publish', (c) => c.publish(channel, message));
  }

  /**
   * One subscriber connection, opened on first use, carries every channel; messages are
   * dispatched by channel to the handlers registered here. ioredis re-subscribes after a reconnect.
   */
  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    const sub = this.subscriberConnection();
    let entry = this.channels.get(channel);
    if (!entry) {
      const created = {
        handlers: new Set<Handler>(),
        subscribed: sub.started.then(() => sub.client.subscribe(channel)).then(() => undefined),
      };
      created.subscribed.catch(() => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
      });
      this.channels.set(channel, (entry = created));
    }
    const subscribed = entry;
    subscribed.handlers.add(handler);
    try {
      await subscribed.subscribed;
    } catch (err) {
      subscribed.handlers.delete(handler);
      throw storageError('subscribe', err, this.connectionError);
    }
    return async () => {
      if (!subscribed.handlers.delete(handler) || subscribed.handlers.size > 0) return;
      if (this.channels.get(channel) !== subscribed) return; // closed meanwhile: nothing to undo
      this.channels.delete(channel);
      try {
        await sub.client.unsubscribe(channel);
      } catch (err) {
        throw storageError('unsubscribe', err, this.connectionError);
      }
    };
  }

  private subscriberConnection(): { client: RedisClient; started: Promise<void> } {
    if (!this.subscriber) {
      const client = this.client.duplicate();
      client.on('error', () => {
        // The main connection logs outages; this one reconnects and re-subscribes by itself.
      });
      client.on('message', (channel: string, message: string) => this.dispatch(channel, message));
      this.subscriber = { client, started: firstAttempt(client) };
    }
    return this.subscriber;
  }

  private dispatch(channel: string, message: string): void {
    for (const handler of [...(this.channels.get(channel)?.handlers ?? [])]) {
      try {
        handler(message);
      } catch (err) {
        this.logger?.error({ err, channel }, 'pub/sub handler threw');
      }
    }
  }

  async scanPrefix(prefix: string): Promise<string[]> {
    const match = `${escapeGlob(prefix)}*`;
    const found = new Set<string>();
    await this.run('scanPrefix', async (c) => {
      for (const node of masters(c)) {
        let cursor = '0';
        do {
          const [next, batch] = await node.scan(cursor, 'MATCH', match, 'COUNT', 500);
          for (const k of batch) found.add(k);
          cursor = next;
        } while (cursor !== '0');
      }
    });
    return [...found];
  }

  async ping(): Promise<boolean> {
    return (await this.probe()).ok;
  }

  /** Like ping(), with the reason when Redis does not answer (for the start-up log line). */
  async probe(): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      await this.run('ping', (c) => c.ping());
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: this.connectionError ?? (err as Error).message };
    }
  }

  async close(): Promise<void> {
    this.channels.clear();
    await Promise.all([quit(this.client), this.subscriber && quit(this.subscriber.client)]);
  }
}
