/**
 * In-memory storage for one process (the default with REDIS_URL unset). Same semantics as Redis:
 * TTLs, compare-and-set versions, locks with tokens, sorted sets, capped lists, pub/sub.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Storage, Versioned } from './storage.js';

interface Entry {
  json: string;
  version: number;
  expiresAt?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class MemoryStorage implements Storage {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, Entry>();
  private readonly zsets = new Map<string, Map<string, number>>();
  private readonly lists = new Map<string, { items: string[]; expiresAt?: number }>();
  private readonly bus = new EventEmitter();
  private readonly lockQueues = new Map<string, string[]>();
  private counter = 0;

  constructor() {
    this.bus.setMaxListeners(0);
  }

  private live(key: string): Entry | undefined {
    const e = this.values.get(key);
    if (e?.expiresAt !== undefined && e.expiresAt <= Date.now()) {
      this.values.delete(key);
      return undefined;
    }
    return e;
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const e = this.live(key);
    return e ? { value: JSON.parse(e.json) as T, version: String(e.version) } : undefined;
  }

  async compareAndSet<T>(key: string, value: T, expected: string | undefined, ttlMs?: number): Promise<string | null> {
    const e = this.live(key);
    const current = e ? String(e.version) : undefined;
    if (current !== expected) return null;
    const version = ++this.counter;
    this.values.set(key, { json: JSON.stringify(value), version, expiresAt: ttlMs ? Date.now() + ttlMs : undefined });
    return String(version);
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    this.values.set(key, {
      json: JSON.stringify(value),
      version: ++this.counter,
      expiresAt: ttlMs ? Date.now() + ttlMs : undefined,
    });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.values.delete(k);
      this.zsets.delete(k);
      this.lists.delete(k);
    }
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.values.set(key, { json: '1', version: ++this.counter, expiresAt: Date.now() + ttlMs });
    return true;
  }

  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<string | null> {
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    // Waiters are served in the order they asked (as the Redis implementation does).
    let queue = this.lockQueues.get(key);
    if (!queue) this.lockQueues.set(key, (queue = []));
    queue.push(token);
    let delay = 2;
    try {
      for (;;) {
        if (!this.live(key) && queue[0] === token) {
          this.values.set(key, { json: JSON.stringify(token), version: ++this.counter, expiresAt: Date.now() + ttlMs });
          return token;
        }
        if (Date.now() >= deadline) return null;
        await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
        delay = Math.min(delay * 2, 20);
      }
    } finally {
      const i = queue.indexOf(token);
      if (i >= 0) queue.splice(i, 1);
      if (queue.length === 0 && this.lockQueues.get(key) === queue) this.lockQueues.delete(key);
    }
  }

  async releaseLock(key: string, token: string): Promise<void> {
    const e = this.live(key);
    if (e && JSON.parse(e.json) === token) this.values.delete(key);
  }

  async zAdd(key: string, member: string, score: number): Promise<void> {
    let z = this.zsets.get(key);
    if (!z) this.zsets.set(key, (z = new Map()));
    z.set(member, score);
  }

  async zRemove(key: string, member: string): Promise<boolean> {
    return this.zsets.get(key)?.delete(member) ?? false;
  }

  async zRange(key: string): Promise<Array<{ member: string; score: number }>> {
    const z = this.zsets.get(key);
    if (!z) return [];
    return [...z.entries()]
      .map(([member, score]) => ({ member, score }))
      .sort((a, b) => a.score - b.score || a.member.localeCompare(b.member));
  }

  async listPush<T>(key: string, value: T, maxLength: number, ttlMs?: number, maxBytes?: number): Promise<void> {
    let l = this.lists.get(key);
    if (!l || (l.expiresAt !== undefined && l.expiresAt <= Date.now())) this.lists.set(key, (l = { items: [] }));
    l.items.push(JSON.stringify(value));
    if (l.items.length > maxLength) l.items.splice(0, l.items.length - maxLength);
    if (maxBytes) {
      let total = l.items.reduce((n, item) => n + Buffer.byteLength(item), 0);
      while (l.items.length > 1 && total > maxBytes) total -= Buffer.byteLength(l.items.shift()!);
    }
    if (ttlMs) l.expiresAt = Date.now() + ttlMs;
  }

  async listRange<T>(key: string, limit?: number): Promise<T[]> {
    const l = this.lists.get(key);
    if (!l || (l.expiresAt !== undefined && l.expiresAt <= Date.now())) return [];
    const items = limit ? l.items.slice(-limit) : l.items;
    return items.map((s) => JSON.parse(s) as T);
  }

  async publish(channel: string, message: string): Promise<void> {
    // Asynchronous like Redis: a publisher never runs subscriber code on its own stack.
    queueMicrotask(() => this.bus.emit(channel, message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    this.bus.on(channel, handler);
    return async () => {
      this.bus.off(channel, handler);
    };
  }

  async scanPrefix(prefix: string): Promise<string[]> {
    const all = new Set<string>([...this.values.keys(), ...this.zsets.keys(), ...this.lists.keys()]);
    return [...all].filter((k) => k.startsWith(prefix) && (this.values.has(k) ? this.live(k) !== undefined : true));
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.bus.removeAllListeners();
  }
}
