/**
 * Hand-off records and the queue in the shared Storage: one record per conversation under
 * keys.handoff(id); conversations waiting for an agent in the sorted set keys.handoffQueue()
 * scored by the time they were queued; those held by an agent in a second sorted set. Transitions
 * are compare-and-set on the record; the sets follow the record.
 */
import { keys, type Storage } from '../state/storage.js';
import { isOpen, transition, type HandoffEvent, type HandoffRecord, type Transition } from './record.js';

const CAS_ATTEMPTS = 8;
/** Hand-offs held by an agent (the queue holds only those still waiting). */
const activeKey = () => `${keys.prefix}handoff-active`;

export class HandoffStore {
  constructor(
    private readonly storage: Storage,
    private readonly ttlMs: number,
  ) {}

  async get(id: string): Promise<HandoffRecord | undefined> {
    return (await this.storage.get<HandoffRecord>(keys.handoff(id)))?.value;
  }

  /**
   * Open a hand-off unless one is already open. Returns the open record and whether this call
   * created it (a second request while queued keeps the first place in the queue).
   */
  async open(record: HandoffRecord): Promise<{ record: HandoffRecord; created: boolean }> {
    for (let i = 0; i < CAS_ATTEMPTS; i++) {
      const current = await this.storage.get<HandoffRecord>(keys.handoff(record.id));
      if (isOpen(current?.value)) return { record: current.value, created: false };
      if ((await this.storage.compareAndSet(keys.handoff(record.id), record, current?.version, this.ttlMs)) !== null) {
        await this.storage.zAdd(keys.handoffQueue(), record.id, record.queuedAt);
        return { record, created: true };
      }
    }
    throw new Error(`hand-off ${record.id}: too many concurrent writers`);
  }

  /** Apply an event with compare-and-set; a lost race re-reads and re-decides (the loser sees the winner's state). */
  async apply(id: string, event: HandoffEvent): Promise<Transition> {
    for (let i = 0; i < CAS_ATTEMPTS; i++) {
      const current = await this.storage.get<HandoffRecord>(keys.handoff(id));
      const t = transition(current?.value, event);
      if (!t.ok) return t;
      if ((await this.storage.compareAndSet(keys.handoff(id), t.next, current!.version, this.ttlMs)) !== null) {
        await this.index(t.next);
        return t;
      }
    }
    return { ok: false, status: 409, message: 'The hand-off is changing; try again.' };
  }

  /** Conversations waiting for an agent, oldest first. */
  async waiting(): Promise<HandoffRecord[]> {
    return this.members(keys.handoffQueue(), 'queued');
  }

  /** Conversations held by an agent, longest waiting first. */
  async withAgents(): Promise<HandoffRecord[]> {
    return this.members(activeKey(), 'withAgent');
  }

  /**
   * 1-based place among the conversations of the same market waiting for an agent (each market has its
   * own team and hours: a Korean customer does not wait behind a Taiwanese one); undefined when not waiting.
   */
  async position(id: string): Promise<number | undefined> {
    const waiting = await this.waiting();
    const me = waiting.find((r) => r.id === id);
    if (!me) return undefined;
    return waiting.filter((r) => r.market === me.market).findIndex((r) => r.id === id) + 1;
  }

  /** Keep the sorted sets in line with a record's status (after a successful write). */
  private async index(rec: HandoffRecord): Promise<void> {
    if (rec.status !== 'queued') await this.storage.zRemove(keys.handoffQueue(), rec.id);
    if (rec.status !== 'withAgent') await this.storage.zRemove(activeKey(), rec.id);
    if (rec.status === 'withAgent') await this.storage.zAdd(activeKey(), rec.id, rec.queuedAt);
    if (rec.status === 'ended') {
      // A new hand-off may have opened between our write and the removal above: keep it queued.
      const now = await this.get(rec.id);
      if (now?.status === 'queued') await this.storage.zAdd(keys.handoffQueue(), now.id, now.queuedAt);
    }
  }

  /** Records in a set whose status still matches; entries that expired or moved on are dropped (self-healing). */
  private async members(set: string, status: HandoffRecord['status']): Promise<HandoffRecord[]> {
    const out: HandoffRecord[] = [];
    for (const { member } of await this.storage.zRange(set)) {
      const rec = await this.get(member);
      if (rec?.status === status) out.push(rec);
      else await this.storage.zRemove(set, member);
    }
    return out;
  }
}
