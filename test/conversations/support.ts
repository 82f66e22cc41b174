/**
 * Shared set-up for the conversation tests: the real service on a fixed day, a customer whose
 * say() returns only the messages the bot sent, an agent on /api/agent, and stored state to tamper with.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationState } from '../../src/conversation/conversation.js';
import { keys, type Storage } from '../../src/state/storage.js';
import { BotConversation, startService, support, type CapturedActivity, type TestService } from '../helpers/service.js';

export { choices, support, type TestService } from '../helpers/service.js';

/** Monday 16 June 2025, 10:00 UTC: Taiwan (18:00) and France (12:00) are open, Korea always is. */
export const TODAY = '2025-06-16';
const NOW = Date.parse(`${TODAY}T10:00:00Z`);
const AGENT_TOKEN = 'conversation-tests-agent-token';

/** The service with its clock on TODAY (time still moves, so rate limits and TTLs behave). */
export function startAtToday(storage?: Storage): Promise<TestService> {
  const offset = NOW - Date.now();
  return startService({ AGENT_TOKEN }, { now: () => Date.now() + offset, defaultMetrics: false, ...(storage ? { storage } : {}) });
}

/** A customer on /api/messages. say() returns the bot's messages of that turn (not events such as handoff.initiate). */
export class Customer extends BotConversation {
  /** Activity ids are unique across processes, so the same conversation can go on after a restart. */
  override activity(partial: Record<string, unknown>): Record<string, unknown> {
    return { ...super.activity(partial), id: partial.id ?? `${this.id}-${randomUUID()}` };
  }

  override async say(text: string): Promise<CapturedActivity[]> {
    return (await super.say(text)).filter((a) => a.type === 'message');
  }

  /** The key the router keeps this conversation under (channel emulator). */
  get stateKey(): string {
    return keys.conversation(`emulator:${this.id}`);
  }
}

/** The same conversation, continued on another service (a restarted process). */
export function sameCustomer(c: Customer, svc: TestService, locale: string): Customer {
  return new Customer(svc, { locale, conversationId: c.id, userId: c.userId });
}

export const dialogOf = (a: CapturedActivity | undefined) => {
  const s = support(a);
  return s?.kind === 'dialog' ? { dialog: s.dialog, step: s.step } : { kind: s?.kind };
};

/**
 * Rewrites the stored conversation as an older deployment would have left it: the same dialog at the same
 * step, in an envelope whose version no machine knows any more.
 */
export async function storeDialogFromOtherVersion(svc: TestService, c: Customer): Promise<void> {
  const stored = await svc.app.storage.get<ConversationState>(c.stateKey);
  if (!stored?.value.dialog) throw new Error('no dialog in progress to rewrite');
  const state: ConversationState = { ...stored.value, dialog: { ...stored.value.dialog, version: 999 } };
  await svc.app.storage.set(c.stateKey, state);
}

/** The agent console's API. */
export function agent(svc: TestService) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${svc.url}/api/agent/${path}`, {
      method,
      headers: { authorization: `Bearer ${AGENT_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const path = (c: Customer, action = '') => `conversations/${encodeURIComponent(`emulator:${c.id}`)}${action}`;
  return {
    handoffOf: (c: Customer) => call('GET', path(c)),
    accept: (c: Customer) => call('POST', path(c, '/accept'), { agent: 'Ana' }),
    end: (c: Customer) => call('POST', path(c, '/end'), {}),
  };
}

/** What the bot sent this conversation outside a turn (agent joined, back with the assistant). */
export function sentSince(svc: TestService, c: Customer, from: number): CapturedActivity[] {
  return svc.channel.forConversation(c.id).slice(from).filter((a) => a.type === 'message');
}
