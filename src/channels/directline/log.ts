/**
 * Each Direct Line conversation's activity log in the Storage: a capped list whose entries carry
 * their index (`seq`), which is the watermark clients hold. Appends take a short per-conversation
 * lock so indexes stay in order across instances, then are published on the conversation's
 * pub/sub channel so sockets on any instance see them.
 */
import type { Activity } from 'botbuilder';
import { AppError } from '../../lib/errors.js';
import { keys, type Storage } from '../../state/storage.js';

export type DirectLineActivity = Partial<Activity> & { id: string };

export interface LoggedActivity {
  seq: number;
  activity: DirectLineActivity;
}

export interface ConversationMeta {
  conversationId: string;
  userId: string;
  locale?: string;
  createdAt: number;
}

/** Key layout; the `{id}` hash tag keeps one conversation's keys on one Redis Cluster slot. */
export const directLineKeys = {
  log: (id: string) => `sb:v1:dl:{${id}}`,
  meta: (id: string) => `sb:v1:dl:{${id}}:meta`,
  appendLock: (id: string) => `sb:v1:dl:{${id}}:append`,
  clientActivity: (id: string, clientActivityId: string) => `sb:v1:dl:{${id}}:client:${clientActivityId}`,
  channel: (id: string) => keys.channel(`dl:${id}`),
};

/** How long a processed client activity id is remembered for de-duplicating resends. */
const CLIENT_ACTIVITY_TTL_MS = 24 * 3600_000;

/**
 * What is known of a client's activity id (Web Chat's clientActivityID): `id` null while the echo
 * is being stored (that claim expires quickly: a process that died then must not block the retry);
 * then the echo's id; `done` once its turn has finished and its replies are in the log.
 */
export interface ClientActivityRecord {
  id: string | null;
  done?: boolean;
}

export interface ActivityLogOptions {
  ttlMs: number;
  /** Entries kept per conversation; the oldest are dropped past it. */
  maxActivities: number;
  /** Serialised bytes kept per conversation; the oldest entries are dropped past it. */
  maxBytes: number;
  /** How long a claim whose echo is not yet stored blocks a resend. */
  pendingClaimTtlMs: number;
  lockTtlMs: number;
  lockWaitMs: number;
  now?: () => number;
}

/** Direct Line's own id format: `<conversationId>|<seq, 7 digits>`. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class ActivityLog {
  private readonly now: () => number;

  constructor(
    private readonly storage: Storage,
    private readonly opts: ActivityLogOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  async meta(id: string): Promise<ConversationMeta | undefined> {
    return (await this.storage.get<ConversationMeta>(directLineKeys.meta(id)))?.value;
  }

  /** Create the conversation; false when it already exists. */
  async create(meta: ConversationMeta): Promise<boolean> {
    return (await this.storage.compareAndSet(directLineKeys.meta(meta.conversationId), meta, undefined, this.opts.ttlMs)) !== null;
  }

  /** Keep an active conversation alive for another TTL. */
  async touch(meta: ConversationMeta): Promise<void> {
    await this.storage.set(directLineKeys.meta(meta.conversationId), meta, this.opts.ttlMs);
  }

  /**
   * Append activities (ids and timestamps are assigned here) and publish them. Returns them as
   * stored. Throws BOT_LOCK_FAILED when the log stays busy.
   */
  async append(conversationId: string, activities: Array<Partial<Activity>>): Promise<LoggedActivity[]> {
    if (!activities.length) return [];
    const lockKey = directLineKeys.appendLock(conversationId);
    const token = await this.storage.acquireLock(lockKey, this.opts.lockTtlMs, this.opts.lockWaitMs);
    if (!token) throw new AppError('BOT_LOCK_FAILED', 'The conversation log is busy; try again.');
    const stored: LoggedActivity[] = [];
    try {
      const [last] = await this.storage.listRange<LoggedActivity>(directLineKeys.log(conversationId), 1);
      let seq = last ? last.seq + 1 : 0;
      for (const a of activities) {
        const entry: LoggedActivity = {
          seq,
          activity: { ...a, id: activityId(conversationId, seq), timestamp: new Date(this.now()) } as DirectLineActivity,
        };
        // Store the JSON form (timestamp as an ISO string), exactly what readers will get back.
        const json = JSON.parse(JSON.stringify(entry)) as LoggedActivity;
        await this.storage.listPush(directLineKeys.log(conversationId), json, this.opts.maxActivities, this.opts.ttlMs, this.opts.maxBytes);
        stored.push(json);
        seq += 1;
      }
    } finally {
      await this.storage.releaseLock(lockKey, token);
    }
    await this.storage.publish(directLineKeys.channel(conversationId), JSON.stringify(stored));
    return stored;
  }

  /** Entries after `watermark` (all when undefined), oldest first. */
  async read(conversationId: string, watermark?: number): Promise<LoggedActivity[]> {
    const all = await this.storage.listRange<LoggedActivity>(directLineKeys.log(conversationId));
    return watermark === undefined ? all : all.filter((e) => e.seq > watermark);
  }

  /** Activities appended by any instance; the handler gets them in append order. */
  subscribe(conversationId: string, handler: (entries: LoggedActivity[]) => void): Promise<() => Promise<void>> {
    return this.storage.subscribe(directLineKeys.channel(conversationId), (message) => {
      let entries: LoggedActivity[];
      try {
        entries = JSON.parse(message) as LoggedActivity[];
      } catch {
        return;
      }
      if (Array.isArray(entries) && entries.length) handler(entries);
    });
  }

  /**
   * Claim a client's activity id before its echo is stored, so a resend is answered with the same id
   * and not processed twice. The first claim is short-lived (pendingClaimTtlMs). Returns what is
   * known of an earlier claim otherwise.
   */
  async claimClientActivity(conversationId: string, clientActivityId: string): Promise<{ first: true } | ({ first: false } & ClientActivityRecord)> {
    const key = directLineKeys.clientActivity(conversationId, clientActivityId);
    const pending: ClientActivityRecord = { id: null };
    if ((await this.storage.compareAndSet(key, pending, undefined, this.opts.pendingClaimTtlMs)) !== null) return { first: true };
    const seen = (await this.storage.get<ClientActivityRecord>(key))?.value;
    return { first: false, id: seen?.id ?? null, done: seen?.done === true };
  }

  /** The echo is stored as `id`; `done` once its turn finished (its replies are in the log). */
  async recordClientActivity(conversationId: string, clientActivityId: string, id: string, done: boolean): Promise<void> {
    const record: ClientActivityRecord = { id, done };
    await this.storage.set(directLineKeys.clientActivity(conversationId, clientActivityId), record, CLIENT_ACTIVITY_TTL_MS);
  }

  /** One stored activity by its id, if it is still in the log. */
  async find(conversationId: string, id: string): Promise<DirectLineActivity | undefined> {
    const seq = Number(id.slice(id.lastIndexOf('|') + 1));
    if (!Number.isInteger(seq)) return undefined;
    return (await this.read(conversationId, seq - 1)).find((e) => e.activity.id === id)?.activity;
  }

  /** Forget a claim whose activity could not be stored, so the client's retry goes through. */
  async releaseClientActivity(conversationId: string, clientActivityId: string): Promise<void> {
    await this.storage.delete(directLineKeys.clientActivity(conversationId, clientActivityId));
  }
}
