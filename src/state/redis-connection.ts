/**
 * How the service connects to Redis: REDIS_URL parsing (one URL, or a comma-separated list of
 * seed nodes for Redis Cluster), the ioredis options that make a turn fail fast while Redis is
 * away and reconnect by itself when it returns, and the small lifecycle helpers RedisStorage uses.
 */
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { AppError } from '../lib/errors.js';

export type RedisClient = Redis | Cluster;

/** A command gets no reply within this → it fails (a hung or paused server, a dead TCP peer). */
export const COMMAND_TIMEOUT_MS = 1000;
/** One connection attempt gives up after this. */
export const CONNECT_TIMEOUT_MS = 2000;
/** Reconnect delays grow 50, 100, 200 … ms and stay at this cap while Redis is away. */
export const MAX_RECONNECT_DELAY_MS = 2000;

export const reconnectDelay = (attempt: number): number =>
  Math.min(50 * 2 ** Math.max(0, attempt - 1), MAX_RECONNECT_DELAY_MS);

/**
 * Fail fast, never replay: no offline queue (a command issued while disconnected is rejected at
 * once instead of waiting for a reconnect), commands in flight when the connection drops are
 * rejected rather than resent (no ghost writes after the caller saw an error), and every command
 * has a reply deadline. Reconnection itself never stops.
 */
const connectionOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: COMMAND_TIMEOUT_MS,
  connectTimeout: CONNECT_TIMEOUT_MS,
} satisfies RedisOptions;

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('CONFIG_INVALID', `REDIS_URL: "${redactUrl(raw)}" is not a URL (expected redis://host:port)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new AppError('CONFIG_INVALID', `REDIS_URL: "${redactUrl(raw)}" must start with redis:// or rediss://`);
  }
  return url;
}

/** The URL(s) without passwords, for logs and error messages. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:@/]*):[^@/]*@/g, '//$1:***@');
}

/**
 * One URL → a single Redis. A comma-separated list → Redis Cluster with those seed nodes (a single
 * seed node followed by a comma, "redis://host:7000,", is a cluster too). Credentials and TLS
 * (rediss://) of the first seed apply to every node.
 */
export function createClient(redisUrl: string): RedisClient {
  const parts = redisUrl.split(',').map((s) => s.trim());
  if (parts.length === 1) {
    parseUrl(redisUrl.trim());
    return new Redis(redisUrl.trim(), { ...connectionOptions, retryStrategy: reconnectDelay });
  }
  const urls = parts.filter((s) => s !== '').map(parseUrl);
  const first = urls[0];
  if (!first) throw new AppError('CONFIG_INVALID', 'REDIS_URL: the cluster node list is empty');
  const options: ClusterOptions = {
    enableOfflineQueue: false,
    clusterRetryStrategy: reconnectDelay,
    slotsRefreshTimeout: CONNECT_TIMEOUT_MS,
    redisOptions: {
      ...connectionOptions,
      username: first.username ? decodeURIComponent(first.username) : undefined,
      password: first.password ? decodeURIComponent(first.password) : undefined,
      tls: first.protocol === 'rediss:' ? {} : undefined,
    },
  };
  return new Cluster(
    urls.map((u) => ({ host: u.hostname, port: u.port ? Number(u.port) : 6379 })),
    options,
  );
}

/**
 * Resolves once the first connection attempt has settled either way (ready, or failed). Commands
 * wait for it, so the ones issued right after start-up are not rejected by the disabled offline
 * queue merely because the socket is still opening.
 */
export function firstAttempt(client: RedisClient): Promise<void> {
  return new Promise((resolve) => {
    const events = ['ready', 'close', 'end'] as const;
    const timer = setTimeout(done, CONNECT_TIMEOUT_MS + 500);
    timer.unref();
    function done() {
      clearTimeout(timer);
      for (const e of events) client.off(e, done);
      resolve();
    }
    if (client.status === 'ready' || client.status === 'end') return done();
    for (const e of events) client.on(e, done);
  });
}

/** The nodes that hold data: every master of a cluster, or the one server. */
export function masters(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/** QUIT when connected; otherwise drop the socket and stop reconnecting. Never throws. */
export async function quit(client: RedisClient): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // fall through: the connection went away while quitting
    }
  }
  client.disconnect();
}

/** Every failure talking to Redis reaches callers as one code, with the driver's error as cause. */
export function storageError(operation: string, cause: unknown, connectionError?: string): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const connection = connectionError ? ` (connection: ${connectionError})` : '';
  return new AppError('STORAGE_UNAVAILABLE', `redis ${operation} failed: ${reason}${connection}`, { cause });
}
