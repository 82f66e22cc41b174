/**
 * Two service processes sharing one Redis, and a customer whose activities can go to either of
 * them (as behind a load balancer). Replies are captured at one loopback serviceUrl and matched to
 * the customer's activities by replyToId, which botbuilder sets to the id of the activity answered.
 */
import { randomUUID } from 'node:crypto';
import { spawnService, type ServiceProcess } from '../helpers/process.js';
import type { CapturedActivity, ChannelCapture } from '../helpers/service.js';

export { support, texts, type CapturedActivity } from '../helpers/service.js';

/** Shared by both instances (web chat tokens signed on one are accepted by the other). */
export const DIRECTLINE_SECRET = 'multi-instance-test-secret-0123456789abcdef';

/** What every test here needs: loopback only, quiet logs, one Redis, no limits the tests would trip. */
export function serviceEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    DIRECTLINE_SECRET,
    // Every request of a test comes from 127.0.0.1: the per-address limit would count them all as one client.
    RATE_LIMIT_PER_ADDRESS: '0',
    ...extra,
  };
}

/** Two instances started side by side on free ports, both ready (/readyz 200). */
export async function startPair(env: Record<string, string>): Promise<[ServiceProcess, ServiceProcess]> {
  const [a, b] = await Promise.all([spawnService({ env }), spawnService({ env })]);
  return [a, b];
}

export interface Posted {
  /** The activity id, which the replies carry as replyToId. */
  id: string;
  status: number;
  /** Replies captured for this activity when the POST answered (the adapter sends them before it answers). */
  replies: CapturedActivity[];
}

/** A Bot Framework customer (anonymous /api/messages, as with the Emulator) of one conversation. */
export class Customer {
  readonly conversationId = `mi-${randomUUID()}`;
  readonly userId = `user-${randomUUID().slice(0, 8)}`;
  private seq = 0;

  constructor(
    private readonly channel: ChannelCapture,
    private readonly locale = 'en-FR',
  ) {}

  /** A new message activity with its own id. */
  message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
    this.seq += 1;
    return {
      type: 'message',
      id: `${this.conversationId}-a${this.seq}`,
      channelId: 'emulator',
      serviceUrl: this.channel.url,
      from: { id: this.userId, name: 'Customer', role: 'user' },
      recipient: { id: 'bot', name: 'Support bot', role: 'bot' },
      conversation: { id: this.conversationId },
      locale: this.locale,
      timestamp: new Date().toISOString(),
      text,
      ...extra,
    };
  }

  /** POST one activity to one instance. */
  async post(to: ServiceProcess, activity: { id: string }): Promise<Posted> {
    const res = await fetch(`${to.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    return { id: activity.id, status: res.status, replies: this.repliesTo(activity.id) };
  }

  /** Send a message to one instance; throws unless it was accepted. */
  async say(to: ServiceProcess, text: string): Promise<CapturedActivity[]> {
    const posted = await this.post(to, this.message(text));
    if (posted.status >= 300) throw new Error(`POST ${to.url}/api/messages answered ${posted.status}:\n${to.output()}`);
    return posted.replies;
  }

  /** Every message the bot sent in this conversation, in the order the channel received them. */
  replies(): CapturedActivity[] {
    return this.channel.forConversation(this.conversationId).filter((a) => a.type === 'message');
  }

  repliesTo(activityId: string): CapturedActivity[] {
    return this.replies().filter((a) => a.replyToId === activityId);
  }
}

/** The dialog step a reply belongs to (channelData.support.step), e.g. 'askingProof'. */
export const stepOf = (a: CapturedActivity | undefined): string | undefined =>
  (a?.channelData?.support as { step?: string } | undefined)?.step;

export const steps = (acts: CapturedActivity[]) => acts.map(stepOf);

/** An ISO date `days` before today: a machine bought then is under the 2-year French warranty whenever the test runs. */
export function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 3600_000).toISOString().slice(0, 10);
}

export const REFERENCE = /\bR-[A-HJ-NP-Z2-9]{6}\b/;

/**
 * A French customer's repair booking for a CitiZ under warranty: each answer and the step the bot
 * must ask next (the wording of prompts is edited by others; the step names are the contract).
 */
export const FR_BOOKING: Array<{ say: string; next: string[] }> = [
  { say: 'I want to book a repair', next: ['askingModel'] },
  { say: 'CitiZ', next: ['askingPurchaseDate'] },
  { say: isoDaysAgo(60), next: ['askingProof'] },
  { say: 'yes', next: ['askingRegistration'] },
  { say: 'yes', next: ['askingAmbassador'] },
  { say: 'no', next: ['reportingTerms', 'askingServiceOption'] },
  { say: 'repair', next: ['askingName'] },
  { say: 'Jean Dupont', next: ['askingPhone'] },
  { say: '06 12 34 56 78', next: ['askingEmail'] },
  { say: 'jean@example.fr', next: ['askingAddress'] },
  { say: '12 rue de la Paix, 75002 Paris', next: ['confirming'] },
  { say: 'confirm', next: ['done'] },
];
