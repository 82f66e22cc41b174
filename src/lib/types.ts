/**
 * Channel-neutral shapes shared by the router, dialogs, retrieval and the channel edges.
 * Nothing here imports a third-party SDK: channels translate to and from these.
 */
import type { Lang } from '../conversation/lang.js';

export const MARKETS = ['TW', 'FR', 'PT', 'KR'] as const;
export type Market = (typeof MARKETS)[number];

export const MARKET_NAMES: Record<Market, string> = {
  TW: 'Taiwan',
  FR: 'France',
  PT: 'Portugal',
  KR: 'Korea',
};

export type ReplyKind = 'faq' | 'clarify' | 'fallback' | 'dialog' | 'handoff' | 'smalltalk' | 'system';

/** A task's result given at once, from a message that carried its inputs (one-shot). */
export type ResultTask = 'cancellationPenalty' | 'warranty' | 'krRepairPrice';

/** DESIGN.md §3: carried by every bot message as channelData.support. */
export interface SupportMeta {
  kind: ReplyKind;
  /** The language the reply is written in (DESIGN.md §3, §10): set by the renderer on every reply. */
  lang?: Lang;
  market?: Market;
  faqId?: string;
  score?: number;
  source?: string;
  dialog?: string;
  step?: string;
  /** A task's result given at once (one-shot): which result. The kind stays 'dialog' (DESIGN.md §3's closed set), with the
   *  dialog that owns the result ('cancellationPenalty' at its step 'done'; 'repairBooking' at step 'result'). */
  task?: ResultTask;
  /** Hand-off: the display name of the agent who wrote this message, or whose arrival or leaving it announces. */
  agent?: string;
  /** Hand-off notices a page may show as a divider rather than a message: an agent joined; the agent left (the bot is back). */
  notice?: 'agentJoined' | 'agentLeft';
}

/** A tappable choice. `value` is what the bot receives when it is tapped (typed text works too). */
export interface Choice {
  label: string;
  value: string;
}

/** A reply is data until a channel renderer maps it to that channel's format. */
export interface Reply {
  text: string;
  choices?: Choice[];
  support: SupportMeta;
  /** Extra data a channel may use (e.g. the hand-off event payload). Must be JSON-serialisable. */
  attachments?: unknown[];
}

export type TurnType = 'message' | 'conversationUpdate' | 'event' | 'other';

/** What every channel edge turns its inbound payload into. */
export interface TurnInput {
  /** Channel-scoped conversation id; the router prefixes nothing, channels must make it unique. */
  conversationId: string;
  activityId?: string;
  channelId: string;
  userId: string;
  userName?: string;
  type: TurnType;
  text?: string;
  /** Postback / button payload when the channel separates it from text. */
  value?: unknown;
  locale?: string;
  /** Market the channel can infer (LINE → TW, WhatsApp → phone country code). Weaker than what the user said. */
  channelMarket?: Market;
  /** conversationUpdate: true when the user (not the bot) was added. */
  userJoined?: boolean;
  /** event activities: name of the event. */
  eventName?: string;
  /** Opaque, JSON-serialisable reference a channel needs to send proactively later. */
  conversationRef?: unknown;
  receivedAt?: number;
}
