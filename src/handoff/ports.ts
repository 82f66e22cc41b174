/** What the hand-off service needs from the rest of the service, and the shapes it answers agents with. */
import type { Market, Reply } from '../lib/types.js';
import type { StoredBooking } from '../conversation/bookings.js';
import type { ConversationState, TranscriptLine } from '../conversation/conversation.js';
import type { HandoffReason } from '../conversation/handoff-port.js';
import type { HandoffStatus } from './record.js';

/** Conversations and transcripts (the Router satisfies it). */
export interface ConversationAccess {
  loadConversation(id: string): Promise<ConversationState | undefined>;
  transcript(id: string, limit?: number): Promise<TranscriptLine[]>;
  appendTranscript(id: string, line: TranscriptLine): Promise<void>;
  bookings: { forConversation(id: string): Promise<StoredBooking[]> };
}

/** Proactive delivery to the customer's own channel (src/channels/outbound.ts satisfies it). */
export interface CustomerSender {
  send(state: ConversationState, replies: Reply[]): Promise<{ ok: true } | { ok: false; reason: string; detail?: string }>;
  /** A typing indicator from `agent` (display name), where the channel has one. */
  typing?(state: ConversationState, agent: string): Promise<{ ok: boolean }>;
}

/** Sends the Bot Framework `handoff.initiate` event where the channel routes hand-offs itself; false when not applicable. */
export type HandoffInitiator = (state: ConversationState, packet: unknown, transcript: TranscriptLine[]) => Promise<boolean>;

/** An agent operation's answer: a value, or an HTTP status with a message the console shows. */
export type AgentResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string; reason?: string };

/** Whether a message reached the customer; when not, why (SendResult reason) in words for the agent. */
export interface Delivery {
  delivered: boolean;
  reason?: string;
  message?: string;
}

export interface QueueItem {
  id: string;
  status: HandoffStatus;
  position?: number;
  reason: HandoffReason;
  reasonText: string;
  market?: Market;
  marketName?: string;
  channel: string;
  customerName?: string;
  afterHours: boolean;
  queuedAt: number;
  acceptedAt?: number;
  agent?: string;
  lastCustomerMessage?: string;
}
