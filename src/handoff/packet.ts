/**
 * The context packet an agent gets with a hand-off: who, where, why, what the bot was doing, what it
 * found, and earlier bookings. Built once when the hand-off starts; the transcript is read live.
 */
import type { Lang } from '../conversation/lang.js';
import { MARKET_NAMES, type Market } from '../lib/types.js';
import type { HandoffReason } from '../conversation/handoff-port.js';
import type { StoredBooking } from '../conversation/bookings.js';
import { command as detectCommand, yesNo } from '../language/understand/index.js';
import type { TranscriptLine } from '../conversation/conversation.js';
import type { Retriever } from '../retrieval/decide.js';
import type { Candidate } from '../retrieval/faq-index.js';
import type { Contact } from '../retrieval/knowledge-schema.js';
import type { HoursStatus } from './hours.js';

export interface ContextPacket {
  conversationId: string;
  channel: string;
  market?: Market;
  marketName?: string;
  locale?: string;
  /** The conversation's language (the agent writes in it), and its name in English for the console. */
  lang?: Lang;
  langName?: string;
  reason: HandoffReason;
  reasonText: string;
  customer: { userId: string; name?: string };
  /** The guided dialog that was active (or ended asking for a person), its step, the slots already filled, its summary. */
  dialog?: { machine: string; step?: string; summary?: string; slots: Record<string, unknown> };
  /** What retrieval found for the customer's question, best first. */
  faqCandidates: Array<{ faqId: string; question: string; score: number }>;
  /** Thumbs-down: the FAQ answer the customer said did not help. */
  rejectedAnswer?: { faqId: string; question?: string };
  bookings: Array<Pick<StoredBooking, 'reference' | 'model' | 'market' | 'createdAt' | 'status' | 'warranty'> & { serviceOption?: string }>;
  hours?: { text: string; timeZone: string; phone: string; status: HoursStatus['kind'] };
  afterHours: boolean;
}

export const REASON_TEXT: Record<HandoffReason, string> = {
  'customer-request': 'The customer asked for a person.',
  'two-fallbacks': 'The bot could not answer twice in a row.',
  'thumbs-down': 'The customer said an answer did not help.',
  dialog: 'A guided task needs a person.',
  'booking-failed': 'A repair booking could not be saved.',
};

export interface PacketInput {
  conversationId: string;
  channel: string;
  market?: Market;
  locale?: string;
  lang?: Lang;
  reason: HandoffReason;
  customer: { userId: string; name?: string };
  dialog?: ContextPacket['dialog'];
  candidates: Candidate[];
  rejected?: { faqId: string; question?: string };
  bookings: StoredBooking[];
  contact?: Contact;
  hours?: HoursStatus;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-TW': 'Traditional Chinese (Taiwan)', ko: 'Korean', fr: 'French', pt: 'Portuguese' };

export function buildPacket(p: PacketInput): ContextPacket {
  return {
    conversationId: p.conversationId,
    channel: p.channel,
    market: p.market,
    marketName: p.market ? MARKET_NAMES[p.market] : undefined,
    locale: p.locale,
    lang: p.lang,
    langName: p.lang ? LANG_NAMES[p.lang] : undefined,
    reason: p.reason,
    reasonText: REASON_TEXT[p.reason],
    customer: { ...p.customer, ...(customerName(p) ? { name: customerName(p) } : {}) },
    dialog: p.dialog,
    faqCandidates: p.candidates.slice(0, 5).map((c) => ({ faqId: c.entry.id, question: c.entry.question, score: round(c.score) })),
    rejectedAnswer: p.rejected,
    bookings: p.bookings.map((b) => ({
      reference: b.reference,
      model: b.model,
      market: b.market,
      createdAt: b.createdAt,
      status: b.status,
      warranty: b.warranty,
      ...(b.serviceOption ? { serviceOption: b.serviceOption } : {}),
    })),
    hours:
      p.contact && p.hours
        ? { text: p.contact.hours, timeZone: p.contact.timeZone, phone: p.contact.phone, status: p.hours.kind }
        : undefined,
    afterHours: p.hours?.kind === 'closed',
  };
}

/** FAQ candidates for the customer's last real question (not "talk to a person" nor "no, that did not help"). */
export function candidatesFromTranscript(retriever: Retriever | undefined, transcript: TranscriptLine[], market: Market | undefined): Candidate[] {
  if (!retriever) return [];
  for (let i = transcript.length - 1; i >= 0; i--) {
    const l = transcript[i]!;
    if (l.from !== 'user' || l.text.length < 4 || detectCommand(l.text) || yesNo(l.text)) continue;
    try {
      return retriever.decide(l.text, market).candidates;
    } catch {
      return [];
    }
  }
  return [];
}

/** What the customer gave as their name: on the channel, in the task under way, or on their latest booking. */
function customerName(p: PacketInput): string | undefined {
  const given = p.customer.name?.trim() || (typeof p.dialog?.slots.name === 'string' ? p.dialog.slots.name.trim() : '');
  if (given) return given;
  const latest = [...p.bookings].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return latest?.name?.trim() || undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
