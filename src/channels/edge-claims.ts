/**
 * Which webhook events (LINE, WhatsApp) have been handled, for platforms that redeliver. The
 * webhook is answered before its turns run, so an event is only *claimed* on arrival: the claim
 * expires on its own (an instance that died mid-turn must not make the platform's redelivery look
 * handled), and the event is marked done only after its replies were delivered. The replies are
 * kept while they are being delivered, so a redelivery after a crash sends them rather than
 * asking the router again (which answers a handled activity with nothing).
 */
import type { Reply } from '../lib/types.js';
import { keys, type Storage } from '../state/storage.js';

export type ClaimResult = 'claimed' | 'done' | 'busy';

export interface EdgeClaimOptions {
  /** How long a claim holds off redeliveries: longer than a turn and its delivery can take. */
  claimTtlMs: number;
  /** How long a handled event is remembered. */
  doneTtlMs: number;
}

export class EdgeClaims {
  constructor(
    private readonly storage: Storage,
    private readonly opts: EdgeClaimOptions,
  ) {}

  private keys(convKey: string, eventId: string) {
    return {
      done: keys.seen(convKey, `edge:${eventId}`),
      claim: keys.seen(convKey, `edge-claim:${eventId}`),
      replies: keys.seen(convKey, `edge-replies:${eventId}`),
    };
  }

  /** 'claimed': this caller runs the event; 'done': handled already; 'busy': another run holds it. */
  async claim(convKey: string, eventId: string): Promise<ClaimResult> {
    const k = this.keys(convKey, eventId);
    if (await this.storage.get(k.done)) return 'done';
    return (await this.storage.setIfAbsent(k.claim, this.opts.claimTtlMs)) ? 'claimed' : 'busy';
  }

  /** Replies of this event that an earlier run produced and may not have delivered. */
  async pendingReplies(convKey: string, eventId: string): Promise<Reply[] | undefined> {
    return (await this.storage.get<Reply[]>(this.keys(convKey, eventId).replies))?.value;
  }

  /** Keep the replies until they are delivered (the router will not produce them again). */
  async keepReplies(convKey: string, eventId: string, replies: Reply[]): Promise<void> {
    await this.storage.set(this.keys(convKey, eventId).replies, replies, this.opts.doneTtlMs);
  }

  /** Delivered (or given up for good): later redeliveries are dropped. */
  async done(convKey: string, eventId: string): Promise<void> {
    const k = this.keys(convKey, eventId);
    await this.storage.setIfAbsent(k.done, this.opts.doneTtlMs);
    await this.storage.delete(k.claim, k.replies);
  }

  /** The turn failed before anything was kept: let a redelivery try again now. */
  async release(convKey: string, eventId: string): Promise<void> {
    await this.storage.delete(this.keys(convKey, eventId).claim);
  }
}

/**
 * A claim outlives the longest turn and delivery: the lock wait, the turn under its lock, and two
 * platform calls (a reply, then a push) with all their attempts and backoffs.
 */
export function claimTtlMs(lockWaitMs: number, lockTtlMs: number, timeoutMs: number, retry: { attempts: number; baseDelayMs: number; maxDelayMs: number }): number {
  let perCall = retry.attempts * timeoutMs;
  for (let i = 1; i < retry.attempts; i++) perCall += Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (i - 1));
  return lockWaitMs + lockTtlMs + 2 * perCall;
}
