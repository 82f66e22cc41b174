/**
 * The one way the service obtains its Storage: in memory when REDIS_URL is unset, Redis otherwise.
 * A configured Redis is never swapped for memory behind the operator's back: if it does not answer
 * at start, the service still uses it, says so once, and /readyz (ping) fails until it answers.
 */
import { MemoryStorage } from './memory.js';
import type { StateLogger } from './redis.js';
import type { Storage } from './storage.js';

export { keys, type Storage, type Versioned } from './storage.js';
export { MemoryStorage } from './memory.js';
export type { RedisStorage } from './redis.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** TTL of everything kept per conversation (state, transcript, de-duplication markers). */
export function conversationTtlMs(config: { CONVERSATION_TTL_DAYS: number }): number {
  return config.CONVERSATION_TTL_DAYS * DAY_MS;
}

export async function createStorage(
  config: { REDIS_URL?: string },
  logger: StateLogger,
): Promise<Storage> {
  if (!config.REDIS_URL) {
    logger.info({ storage: 'memory' }, 'state in memory (REDIS_URL unset): one instance only, lost on restart');
    return new MemoryStorage();
  }
  // ioredis (about 12 MB of RSS) is loaded only when Redis is configured.
  const { RedisStorage } = await import('./redis.js');
  const { redactUrl } = await import('./redis-connection.js');
  const url = redactUrl(config.REDIS_URL);
  const storage = new RedisStorage(config.REDIS_URL, { logger });
  const probe = await storage.probe();
  if (probe.ok) {
    logger.info({ storage: 'redis', redis: url }, 'state in redis');
  } else {
    logger.error(
      { storage: 'redis', redis: url },
      `redis unreachable at ${url}: ${probe.reason}; readiness will fail until it answers`,
    );
  }
  return storage;
}
