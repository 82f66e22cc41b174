/**
 * Honest outcomes: every conversation ends with exactly one of resolved, handed off, abandoned.
 * The rules (also in README):
 *  1. handed off — a hand-off to a person was requested at any point (whatever happened after);
 *  2. resolved — otherwise, the customer said an answer helped (thumbs up) or completed a guided
 *     task; or the last thing the bot sent was a FAQ answer and no new message came for 24 hours
 *     (no thumbs down: a thumbs down always leads to the offer of a person);
 *  3. abandoned — otherwise, once no new message came for 24 hours (last reply a fallback,
 *     a clarification, or a task left half-way).
 *  Until 24 hours of silence, a conversation without 1 or 2 is still open.
 */
import { redact } from '../lib/redact.js';
import { keys, type Storage } from '../state/storage.js';
import type { ConversationState } from '../conversation/conversation.js';

export const SILENCE_MS = 24 * 3600_000;
/** Distinct conversations that must have asked an unanswered question before the report shows it. */
export const MIN_ASKERS = 2;

export type Outcome = 'resolved' | 'handedOff' | 'abandoned' | 'open';

export function outcomeOf(state: ConversationState, now: number): Outcome {
  if (state.outcome === 'handedOff') return 'handedOff';
  if (state.outcome === 'resolved') return 'resolved';
  if (now - state.updatedAt < SILENCE_MS) return 'open';
  // An answer, or a task's result given at once, that the customer left without complaint.
  if ((state.lastReplyKind === 'faq' || state.lastReplyKind === 'result') && !state.dialog) return 'resolved';
  return 'abandoned';
}

export interface FeedbackRecord {
  at: number;
  faqId: string;
  helpful: boolean;
  market?: string;
}

export interface HandoffRecord {
  at: number;
  reason: string;
  market?: string;
  channel: string;
}

export interface OperatorReport {
  generatedAt: string;
  conversations: { total: number; resolved: number; handedOff: number; abandoned: number; open: number };
  /** resolved / (resolved + handedOff + abandoned) */
  containment: number | null;
  handoffsByReason: Array<{ reason: string; count: number; rate: number | null }>;
  worstRatedAnswers: Array<{ faqId: string; helpful: number; notHelpful: number; score: number }>;
  topUnanswered: Array<{ text: string; count: number; markets: string[] }>;
}

export async function buildReport(storage: Storage, now: number, limit = 10): Promise<OperatorReport> {
  const convKeys = (await storage.scanPrefix(`${keys.prefix}conv:`)).slice(0, 100_000);
  const counts = { total: 0, resolved: 0, handedOff: 0, abandoned: 0, open: 0 };
  for (const k of convKeys) {
    const s = (await storage.get<ConversationState>(k))?.value;
    if (!s || s.turns === 0) continue;
    counts.total += 1;
    counts[outcomeOf(s, now)] += 1;
  }
  const ended = counts.resolved + counts.handedOff + counts.abandoned;

  const handoffs = await storage.listRange<HandoffRecord>(keys.outcomes());
  const byReason = new Map<string, number>();
  for (const h of handoffs) byReason.set(h.reason, (byReason.get(h.reason) ?? 0) + 1);

  const feedback = await storage.listRange<FeedbackRecord>(keys.feedback());
  const perFaq = new Map<string, { helpful: number; notHelpful: number }>();
  for (const f of feedback) {
    const x = perFaq.get(f.faqId) ?? { helpful: 0, notHelpful: 0 };
    if (f.helpful) x.helpful += 1;
    else x.notHelpful += 1;
    perFaq.set(f.faqId, x);
  }
  const worst = [...perFaq.entries()]
    .map(([faqId, x]) => ({ faqId, ...x, score: (x.helpful + 1) / (x.helpful + x.notHelpful + 2) }))
    .filter((x) => x.notHelpful > 0)
    .sort((a, b) => a.score - b.score || b.notHelpful - a.notHelpful)
    .slice(0, limit);

  // Free text typed by one customer may be anything of theirs (an address in a form the patterns
  // miss): a question is listed only once at least MIN_ASKERS conversations asked it.
  const unanswered = await storage.listRange<{ text: string; market?: string; conv?: string }>(keys.unanswered());
  const perText = new Map<string, { text: string; count: number; markets: Set<string>; askers: Set<string> }>();
  for (const [i, u] of unanswered.entries()) {
    const key = u.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!key) continue;
    const x = perText.get(key) ?? { text: redact(u.text), count: 0, markets: new Set<string>(), askers: new Set<string>() };
    x.count += 1;
    x.askers.add(u.conv ?? `unknown-${i}`);
    if (u.market) x.markets.add(u.market);
    perText.set(key, x);
  }
  const topUnanswered = [...perText.values()]
    .filter((x) => x.askers.size >= MIN_ASKERS)
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((x) => ({ text: x.text, count: x.count, markets: [...x.markets].sort() }));

  return {
    generatedAt: new Date(now).toISOString(),
    conversations: counts,
    containment: ended ? counts.resolved / ended : null,
    handoffsByReason: [...byReason.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => ({ reason, count, rate: counts.total ? count / counts.total : null })),
    worstRatedAnswers: worst,
    topUnanswered,
  };
}
