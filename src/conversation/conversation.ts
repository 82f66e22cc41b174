/** What the router keeps per conversation and per user (JSON, small, versioned by the storage). */
import type { Lang } from './lang.js';
import type { Market } from '../lib/types.js';
import type { DialogEnvelope } from './dialog-port.js';

/** Where the conversation's market came from (src/router/market.ts resolves it). */
export type MarketSource = 'said' | 'user' | 'locale' | 'channel' | 'default';

export type Pending =
  /** We asked for the market; `text` is the question to answer once we know it. */
  | { type: 'askMarket'; text: string }
  /** We asked "did you mean"; the options' FAQ ids in order (a typed number picks one). */
  | { type: 'clarify'; options: Array<{ faqId: string; label: string }> }
  /** We asked "did this answer your question?" about this FAQ entry. */
  | { type: 'feedback'; faqId: string }
  /** We offered a person (two fallbacks in a row, a thumbs-down): taking it hands off for that reason. */
  | { type: 'offerPerson'; reason: 'two-fallbacks' | 'thumbs-down' }
  /**
   * We asked whether to go on with the active task (`asked`: as a yes/no question, after a question answered
   * mid-task or an agent handing back), or offered a person with "Keep going" (the re-prompt ladder's top).
   */
  | { type: 'goOn'; asked: boolean }
  /** A new repair booking named no machine: we asked whether it is the same one as last time. */
  | { type: 'sameMachine'; model: string };

export interface ConversationState {
  /** Storage key id: `${channelId}:${conversationId}`. */
  id: string;
  channelId: string;
  userId: string;
  market?: Market;
  marketSource?: MarketSource;
  /** The conversation's language (DESIGN.md §10) and what chose it; sticky. */
  lang?: Lang;
  langSource?: 'chosen' | 'text' | 'locale' | 'market';
  locale?: string;
  dialog?: DialogEnvelope;
  /** Answers in a row the active task's pending step (`<dialog>.<step>`) did not take (the re-prompt ladder); reset when the step changes. */
  stepMisses?: { step: string; count: number };
  pending?: Pending;
  /** Abstentions in a row; two trigger the offer of a person. */
  fallbacks: number;
  lastFaqId?: string;
  /**
   * What the customer told us for this conversation's last one-shot result (model, purchase date, proof, KR
   * origin and registration; never contact details), with the market it was read for: a repair booking started
   * after it begins with them. After the FR penalty result, its figures (commitment, months, prices), which a
   * correction changes. Cleared once a task starts, at start-over, or when another result replaces it.
   */
  resultSlots?: Record<string, string | number | boolean>;
  /** Channel-specific reference for proactive messages (agent replies). */
  conversationRef?: unknown;
  createdAt: number;
  updatedAt: number;
  turns: number;
  /** Kind of the last reply the bot sent (outcome rules read it). */
  lastReplyKind?: string;
  /** Times of recent customer messages, for the per-conversation rate limit. */
  recent?: number[];
  /** The customer asked to be forgotten this turn: delete instead of saving. Never persisted. */
  forgotten?: boolean;
  /** Set when the conversation's outcome is known: resolved | handedOff | abandoned. */
  outcome?: 'resolved' | 'handedOff' | 'abandoned';
}

export interface UserState {
  market?: Market;
  /** The language the customer chose, kept for their next conversations. */
  lang?: Lang;
  model?: string;
  name?: string;
}

export function conversationKey(channelId: string, conversationId: string): string {
  return `${channelId}:${conversationId}`;
}

export function newConversation(id: string, channelId: string, userId: string, now: number): ConversationState {
  return { id, channelId, userId, fallbacks: 0, createdAt: now, updatedAt: now, turns: 0 };
}

export interface TranscriptLine {
  at: number;
  from: 'user' | 'bot' | 'agent' | 'system';
  text: string;
  kind?: string;
}
