/**
 * Routing evaluation (issue 16, DESIGN.md §5): does a message that asks a question get answered, a request
 * start its task, and a message that carries a task's inputs get the result at once? Each labelled message
 * is the first message of a fresh conversation through the real router in process (memory storage, the
 * real knowledge, retriever and dialogs; no HTTP), and the outcome is read from the replies' support data.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { testConfig } from '../config.js';
import { LANGS, type Lang } from '../conversation/lang.js';
import { createLogger } from '../lib/logger.js';
import { MARKETS, type Reply } from '../lib/types.js';
import { loadThresholds, Retriever } from '../retrieval/decide.js';
import { buildIndexes } from '../retrieval/faq-index.js';
import { loadKnowledge } from '../retrieval/knowledge.js';
import { dialogEngine } from '../router/dialog-engine.js';
import { Router } from '../router/router.js';
import { MemoryStorage } from '../state/memory.js';

const TASKS = ['passwordReset', 'noWater', 'repairBooking', 'cancellationPenalty'] as const;
const RESULTS = ['cancellationPenalty', 'warranty', 'krRepairPrice'] as const;

export const RoutingItem = z.discriminatedUnion('expect', [
  z.object({ id: z.string().min(1), lang: z.enum(LANGS), market: z.enum(MARKETS), text: z.string().min(1), expect: z.literal('answer') }),
  z.object({ id: z.string().min(1), lang: z.enum(LANGS), market: z.enum(MARKETS), text: z.string().min(1), expect: z.literal('task'), task: z.enum(TASKS) }),
  z.object({ id: z.string().min(1), lang: z.enum(LANGS), market: z.enum(MARKETS), text: z.string().min(1), expect: z.literal('oneshot'), task: z.enum(RESULTS) }),
]);
export type RoutingItem = z.infer<typeof RoutingItem>;
export type Expectation = RoutingItem['expect'];

/** What the bot did with the message. */
export type Outcome =
  | { kind: 'answer'; faqId?: string }
  | { kind: 'oneshot'; task: string }
  | { kind: 'task'; task: string; step?: string }
  | { kind: 'clarify' | 'askMarket' | 'fallback' | 'other' };

export function loadRoutingSet(file: string): RoutingItem[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = z.array(RoutingItem).safeParse(raw);
  if (!parsed.success) throw new Error(`Routing set ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The outcome from a turn's replies: a result given at once, a task started, an answer (an FAQ answer, or the
 * market's documents being silent, said with the market's contact), else a "did you mean", a question for the
 * country, an "I'm not sure".
 */
export function classify(replies: readonly Pick<Reply, 'support'>[]): Outcome {
  const s = replies.map((r) => r.support);
  const result = s.find((x) => x.task !== undefined);
  if (result?.task) return { kind: 'oneshot', task: result.task };
  const dialog = s.find((x) => x.kind === 'dialog');
  if (dialog) return { kind: 'task', task: dialog.dialog ?? '', step: dialog.step };
  const faq = s.find((x) => x.kind === 'faq' || (x.kind === 'fallback' && x.faqId));
  if (faq) return { kind: 'answer', faqId: faq.faqId };
  if (s.some((x) => x.kind === 'clarify' && x.step === 'askMarket')) return { kind: 'askMarket' };
  if (s.some((x) => x.kind === 'clarify')) return { kind: 'clarify' };
  if (s.some((x) => x.kind === 'fallback')) return { kind: 'fallback' };
  return { kind: 'other' };
}

/** Right when a question is answered (FAQ or policy facts given at once, never a form), a request starts its task, a one-shot gets its result. */
export function isRight(item: RoutingItem, o: Outcome): boolean {
  switch (item.expect) {
    case 'answer':
      return o.kind === 'answer' || o.kind === 'oneshot';
    case 'task':
      return o.kind === 'task' && o.task === item.task;
    case 'oneshot':
      return o.kind === 'oneshot' && o.task === item.task;
  }
}

/**
 * Routed the right way, the question-vs-task decision alone: as isRight, except that a question met with a
 * "did you mean" (the right path, retrieval unsure which entry) counts. Reported beside the strict figure.
 */
export function isRouted(item: RoutingItem, o: Outcome): boolean {
  return isRight(item, o) || (item.expect === 'answer' && o.kind === 'clarify');
}

export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'answer':
      return `answer${o.faqId ? ` (${o.faqId})` : ''}`;
    case 'oneshot':
      return `result ${o.task}`;
    case 'task':
      return `task ${o.task}${o.step ? ` at ${o.step}` : ''}`;
    default:
      return o.kind;
  }
}

export interface RoutingRun {
  item: RoutingItem;
  outcome: Outcome;
  right: boolean;
  routed: boolean;
}

export interface RoutingReport {
  runs: RoutingRun[];
  /** Right / total, overall and per expectation. */
  right: number;
  /** The question-vs-task decision alone (isRouted). */
  routed: number;
  total: number;
  byExpect: Record<Expectation, { right: number; total: number }>;
  misses: RoutingRun[];
}

export function summarise(runs: RoutingRun[]): RoutingReport {
  const byExpect = { answer: { right: 0, total: 0 }, task: { right: 0, total: 0 }, oneshot: { right: 0, total: 0 } };
  for (const r of runs) {
    byExpect[r.item.expect].total += 1;
    if (r.right) byExpect[r.item.expect].right += 1;
  }
  return { runs, right: runs.filter((r) => r.right).length, routed: runs.filter((r) => r.routed).length, total: runs.length, byExpect, misses: runs.filter((r) => !r.right) };
}

/** The locale a customer of that language and market would send ("fr-FR", "en-KR", "zh-TW"). */
function localeOf(lang: Lang, market: string): string {
  return `${lang === 'zh-TW' ? 'zh' : lang}-${market}`;
}

/** A router like the service's (real knowledge, retriever, dialogs), in memory, without hand-off or channels. */
export function routingRouter(opts: { knowledgeDir?: string; now?: () => number } = {}): Router {
  const knowledge = loadKnowledge(opts.knowledgeDir);
  const retriever = new Retriever(knowledge, buildIndexes(knowledge), loadThresholds(knowledge.dir));
  const config = testConfig();
  return new Router({ config, logger: createLogger('silent'), storage: new MemoryStorage(), knowledge, retriever, dialogs: dialogEngine, now: opts.now });
}

/** Each message as the first of a fresh conversation. */
export async function runRouting(items: readonly RoutingItem[], router: Router = routingRouter()): Promise<RoutingReport> {
  const runs: RoutingRun[] = [];
  for (const item of items) {
    const replies = await router.handle({
      conversationId: `routing-${item.id}`,
      activityId: `routing-${item.id}-1`,
      channelId: 'emulator',
      userId: `routing-user-${item.id}`,
      type: 'message',
      text: item.text,
      locale: localeOf(item.lang, item.market),
    });
    const outcome = classify(replies);
    runs.push({ item, outcome, right: isRight(item, outcome), routed: isRouted(item, outcome) });
  }
  return summarise(runs);
}

const pct = (right: number, total: number) => (total ? `${((right / total) * 100).toFixed(1)}%` : '–');

/** The report `npm run eval` prints: per language, right % overall and per expectation, then the misses. */
export function formatRoutingReport(lang: string, r: RoutingReport, misses = true): string {
  const e = r.byExpect;
  const lines = [
    `\n${lang} — routing (${r.total} messages)`,
    `  right                     ${pct(r.right, r.total)} (${r.right}/${r.total})`,
    `  routed (no "did you mean" counted against it) ${pct(r.routed, r.total)} (${r.routed}/${r.total})`,
    `  answered (question)       ${pct(e.answer.right, e.answer.total)} (${e.answer.right}/${e.answer.total})`,
    `  task started (request)    ${pct(e.task.right, e.task.total)} (${e.task.right}/${e.task.total})`,
    `  result at once (one-shot) ${pct(e.oneshot.right, e.oneshot.total)} (${e.oneshot.right}/${e.oneshot.total})`,
  ];
  if (misses && r.misses.length) {
    lines.push(`\n  misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const wanted = m.item.expect === 'answer' ? 'answer' : `${m.item.expect} ${m.item.task}`;
      lines.push(`  ${m.item.id} [${m.item.market}] "${m.item.text}"\n      expected ${wanted}\n      got      ${describeOutcome(m.outcome)}`);
    }
  }
  return lines.join('\n');
}
