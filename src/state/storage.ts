/**
 * The storage interface every part of the service talks to. Two implementations: memory (one
 * process, the default) and Redis (several instances). Values are JSON; versions are opaque strings
 * used for compare-and-set.
 */
export interface Versioned<T> {
  value: T;
  version: string;
}

export interface Storage {
  readonly kind: 'memory' | 'redis';
  /** A fresh copy on every call (parsed from the stored JSON): the caller may change it freely. */
  get<T>(key: string): Promise<Versioned<T> | undefined>;
  /**
   * Write `value` only if the stored version is still `expected` (`undefined`: the key must not
   * exist). Returns the new version, or null when another writer got there first.
   */
  compareAndSet<T>(key: string, value: T, expected: string | undefined, ttlMs?: number): Promise<string | null>;
  /** Unconditional write. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Atomically set a marker if absent; true when this call set it (de-duplication). */
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;

  /** Try to take a lock for up to waitMs; returns a token, or null when it could not. */
  acquireLock(key: string, ttlMs: number, waitMs: number): Promise<string | null>;
  /** Release only if the token still owns the lock (compare-and-delete). */
  releaseLock(key: string, token: string): Promise<void>;

  /** Sorted sets (hand-off queue). */
  zAdd(key: string, member: string, score: number): Promise<void>;
  zRemove(key: string, member: string): Promise<boolean>;
  zRange(key: string): Promise<Array<{ member: string; score: number }>>;

  /**
   * Capped lists (transcripts, feedback logs). Newest last. With `maxBytes`, the oldest items are
   * also dropped while the list's serialised size is over it (the newest item always stays).
   */
  listPush<T>(key: string, value: T, maxLength: number, ttlMs?: number, maxBytes?: number): Promise<void>;
  listRange<T>(key: string, limit?: number): Promise<T[]>;

  /** Pub/sub between instances. Handlers receive the published string. */
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;

  /** Keys matching a prefix (operator tools, forget-me). Not for hot paths. */
  scanPrefix(prefix: string): Promise<string[]>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Key layout: namespaced, versioned, with a Redis Cluster hash tag per conversation. */
export const keys = {
  prefix: 'sb:v1:',
  conversation: (id: string) => `sb:v1:conv:{${id}}`,
  lock: (id: string) => `sb:v1:lock:{${id}}`,
  seen: (conversationId: string, activityId: string) => `sb:v1:seen:{${conversationId}}:${activityId}`,
  transcript: (id: string) => `sb:v1:transcript:{${id}}`,
  user: (channelId: string, userId: string) => `sb:v1:user:{${channelId}:${userId}}`,
  booking: (reference: string) => `sb:v1:booking:{${reference}}`,
  handoff: (id: string) => `sb:v1:handoff:{${id}}`,
  handoffQueue: () => 'sb:v1:handoff-queue',
  feedback: () => 'sb:v1:feedback',
  unanswered: () => 'sb:v1:unanswered',
  outcomes: () => 'sb:v1:outcomes',
  channel: (name: string) => `sb:v1:pubsub:${name}`,
} as const;
