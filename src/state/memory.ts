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

/** Strings this long or longer inside list items are shared between items (see SharedStrings). */
const SHARED_MIN_LENGTH = 64;

/**
 * One copy of a long string however many list items hold it: the welcome and each FAQ answer recur
 * in thousands of transcripts, and each transcript line kept them in its own JSON. Counted, so a
 * string goes with the last item that holds it (trimmed, expired, deleted, forgotten): nothing is
 * kept longer than before.
 */
class SharedStrings {
  private readonly held = new Map<string, { s: string; n: number }>();

  share(s: string): string {
    let e = this.held.get(s);
    if (!e) this.held.set(s, (e = { s, n: 0 }));
    e.n += 1;
    return e.s;
  }

  release(s: string): string {
    const e = this.held.get(s);
    if (e && --e.n === 0) this.held.delete(s);
    return s;
  }
}

/** Replace (in place) every long string of a parsed JSON value by what `f` gives. */
function eachLongString(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return v.length >= SHARED_MIN_LENGTH ? f(v) : v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = eachLongString(v[i], f);
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = eachLongString(o[k], f);
  }
  return v;
}

/**
 * A capped list: items as parsed JSON with shared long strings (read back through JSON, so a
 * reader gets a fresh copy, as from the JSON text before), and each item's JSON size in bytes.
 */
interface List {
  items: unknown[];
  bytes: number[];
  expiresAt?: number;
}

export class MemoryStorage implements Storage {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, Entry>();
  private readonly zsets = new Map<string, Map<string, number>>();
  private readonly lists = new Map<string, List>();
  private readonly shared = new SharedStrings();
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
      this.dropList(k);
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

  private dropList(key: string): void {
    const l = this.lists.get(key);
    if (!l) return;
    this.lists.delete(key);
    for (const item of l.items) eachLongString(item, (s) => this.shared.release(s));
  }

  /** Drop the first n items of a list. */
  private dropItems(l: List, n: number): void {
    for (const item of l.items.splice(0, n)) eachLongString(item, (s) => this.shared.release(s));
    l.bytes.splice(0, n);
  }

  async listPush<T>(key: string, value: T, maxLength: number, ttlMs?: number, maxBytes?: number): Promise<void> {
    let l = this.lists.get(key);
    if (!l || (l.expiresAt !== undefined && l.expiresAt <= Date.now())) {
      this.dropList(key);
      this.lists.set(key, (l = { items: [], bytes: [] }));
    }
    const json = JSON.stringify(value);
    l.items.push(json === undefined ? undefined : eachLongString(JSON.parse(json), (s) => this.shared.share(s)));
    l.bytes.push(json === undefined ? 0 : Buffer.byteLength(json));
    if (l.items.length > maxLength) this.dropItems(l, l.items.length - maxLength);
    if (maxBytes) {
      let total = l.bytes.reduce((n, b) => n + b, 0);
      while (l.items.length > 1 && total > maxBytes) {
        total -= l.bytes[0]!;
        this.dropItems(l, 1);
      }
    }
    if (ttlMs) l.expiresAt = Date.now() + ttlMs;
  }

  async listRange<T>(key: string, limit?: number): Promise<T[]> {
    const l = this.lists.get(key);
    if (!l || (l.expiresAt !== undefined && l.expiresAt <= Date.now())) return [];
    const items = limit ? l.items.slice(-limit) : l.items;
    return items.map((item) => JSON.parse(JSON.stringify(item) as string) as T);
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
