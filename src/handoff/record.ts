/**
 * The hand-off of one conversation as a small persisted state record: bot → queued → withAgent →
 * bot (ended). Transitions are pure (this file); the store applies them with compare-and-set, so two
 * agents accepting at once cannot both win.
 */
import type { Market } from '../lib/types.js';
import type { HandoffReason } from '../conversation/handoff-port.js';
import type { ContextPacket } from './packet.js';

export const RECORD_VERSION = 1;

export type HandoffStatus = 'queued' | 'withAgent' | 'ended';

export interface HandoffRecord {
  v: typeof RECORD_VERSION;
  /** The router's conversation key, `${channelId}:${conversationId}`. */
  id: string;
  status: HandoffStatus;
  reason: HandoffReason;
  channelId: string;
  market?: Market;
  /** Requested outside the market's hours: a message left for agents to read later. */
  afterHours: boolean;
  queuedAt: number;
  acceptedAt?: number;
  endedAt?: number;
  agent?: string;
  endedBy?: 'agent' | 'customer' | 'channel';
  note?: string;
  /** The customer was told once that their message was saved (after hours); not repeated. */
  acknowledged?: boolean;
  packet: ContextPacket;
}

export type HandoffEvent =
  | { type: 'agent.accepted'; agent: string; at: number }
  | { type: 'agent.ended'; note?: string; at: number }
  | { type: 'customer.left'; at: number }
  | { type: 'customer.acknowledged' }
  /** A Bot Framework channel hub reported `handoff.status` (accepted / completed / failed). */
  | { type: 'hub.status'; state: 'accepted' | 'completed' | 'failed'; at: number };

export type Transition = { ok: true; next: HandoffRecord } | { ok: false; status: 404 | 409; message: string };

const conflict = (message: string): Transition => ({ ok: false, status: 409, message });

export function isOpen(rec: HandoffRecord | undefined): rec is HandoffRecord {
  return !!rec && rec.status !== 'ended';
}

export function transition(rec: HandoffRecord | undefined, ev: HandoffEvent): Transition {
  if (!rec) return { ok: false, status: 404, message: 'This conversation has no hand-off.' };
  switch (ev.type) {
    case 'agent.accepted':
      if (rec.status === 'withAgent') return conflict(`Already accepted by ${rec.agent ?? 'another agent'}.`);
      if (rec.status === 'ended') return conflict('This hand-off has ended; the conversation is back with the bot.');
      return { ok: true, next: { ...rec, status: 'withAgent', agent: ev.agent, acceptedAt: ev.at } };
    case 'agent.ended':
      if (rec.status === 'ended') return conflict('This hand-off has already ended.');
      return { ok: true, next: { ...rec, status: 'ended', endedAt: ev.at, endedBy: 'agent', ...(ev.note ? { note: ev.note } : {}) } };
    case 'customer.left':
      if (rec.status !== 'queued') return conflict('Only a customer who is still waiting can leave the queue.');
      return { ok: true, next: { ...rec, status: 'ended', endedAt: ev.at, endedBy: 'customer' } };
    case 'customer.acknowledged':
      if (rec.status !== 'queued') return conflict('Not queued.');
      return { ok: true, next: { ...rec, acknowledged: true } };
    case 'hub.status':
      if (rec.status === 'ended') return conflict('This hand-off has already ended.');
      if (ev.state === 'accepted') {
        if (rec.status === 'withAgent') return conflict(`Already accepted by ${rec.agent ?? 'another agent'}.`);
        return { ok: true, next: { ...rec, status: 'withAgent', agent: 'channel hub', acceptedAt: ev.at } };
      }
      return { ok: true, next: { ...rec, status: 'ended', endedAt: ev.at, endedBy: 'channel', note: `channel hub: ${ev.state}` } };
  }
}
