/**
 * Tickets for the agent console's live events. EventSource cannot send an Authorization header,
 * and the agent token must not travel in a URL (proxy and access logs, browser history): the console
 * trades its token (in a header) for a ticket that is good for one connection within 30 seconds.
 * Tickets are signed with a key derived from AGENT_TOKEN, so any instance can check them; each is
 * spent in the shared Storage the first time it is used.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from '../state/storage.js';
import { keys } from '../state/storage.js';

export const TICKET_TTL_SECONDS = 30;

export class EventsTickets {
  private readonly key: Buffer | undefined;

  constructor(
    agentToken: string | undefined,
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {
    this.key = agentToken ? createHmac('sha256', agentToken).update('support-bot:agent-events-ticket').digest() : undefined;
  }

  issue(): { ticket: string; expires_in: number } {
    if (!this.key) throw new Error('no agent token');
    const body = `${Math.floor(this.now() / 1000) + TICKET_TTL_SECONDS}.${randomBytes(12).toString('base64url')}`;
    return { ticket: `${body}.${this.sign(body)}`, expires_in: TICKET_TTL_SECONDS };
  }

  /** True once per valid, unexpired ticket. */
  async redeem(ticket: string | undefined): Promise<boolean> {
    if (!this.key || !ticket || ticket.length > 200) return false;
    const parts = ticket.split('.');
    if (parts.length !== 3) return false;
    const [exp, nonce, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${exp}.${nonce}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    const expiresAt = Number(exp) * 1000;
    if (!Number.isFinite(expiresAt) || expiresAt <= this.now()) return false;
    return this.storage.setIfAbsent(`${keys.prefix}agent-ticket:${nonce}`, TICKET_TTL_SECONDS * 2000);
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key!).update(body).digest('base64url');
  }
}
