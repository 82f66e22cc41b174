/**
 * What the router needs from the hand-off service (src/handoff). The router asks it first on every
 * customer message (a conversation with an agent is relayed and the bot says nothing of its own),
 * and calls `request` when a trigger fires.
 */
import type { ReplyData } from '../language/render.js';
import type { TurnInput } from '../lib/types.js';
import type { Candidate } from '../retrieval/faq-index.js';
import type { ConversationState } from './conversation.js';

export type HandoffReason = 'customer-request' | 'two-fallbacks' | 'thumbs-down' | 'dialog' | 'booking-failed';

export interface HandoffContext {
  state: ConversationState;
  input: TurnInput;
  /** Text the customer sent in this turn (already cleaned). */
  text: string;
}

/**
 * What the hand-off did with a customer's message. `final`: the hand-off answered for the bot (an agent
 * holds the conversation, or a queue command such as "stop waiting"); otherwise the customer is waiting
 * and the bot goes on answering, after `replies` (an acknowledgement, once).
 */
export interface Relay {
  replies: ReplyData[];
  final: boolean;
  /** Waiting out of the team's hours: a message was left for them. */
  afterHours?: boolean;
}

export interface HandoffPort {
  /** Conversation queued or with an agent: relay and return what (if anything) the bot may say; null: not in a hand-off. */
  onCustomerMessage(ctx: HandoffContext): Promise<Relay | null>;
  /** Start a hand-off; returns what to tell the customer (queue position, hours, leave a message). */
  request(
    ctx: HandoffContext & {
      reason: HandoffReason;
      candidates?: Candidate[];
      dialogSlots?: Record<string, unknown>;
      /** A dialog that ended asking for a person (its envelope is gone): which one, its last step, its summary for the agent. */
      dialog?: { machine: string; step?: string; summary?: string };
    },
  ): Promise<ReplyData[]>;
}
