/**
 * Evaluation of retrieval on the project's labelled questions (test/eval/questions.json):
 * top-1 accuracy in domain, abstention precision and recall, and the list of failures.
 * A correct answer comes from the expected document and states every expected fact.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../conversation/lang.js';
import { LangSchema, Market, type FaqEntry } from './knowledge-schema.js';
import type { Decision, Retriever } from './decide.js';

export const LabelledQuestion = z.object({
  id: z.string(),
  /** The language the question is written in (and searched in). */
  lang: LangSchema.default('en'),
  text: z.string().min(1),
  market: Market,
  expect: z.union([z.literal('abstain'), z.object({ document: z.string(), contains: z.array(z.string()).min(1) })]),
  note: z.string().optional(),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestion>;

export function loadQuestions(path: string): LabelledQuestion[] {
  return z.array(LabelledQuestion).parse(JSON.parse(readFileSync(path, 'utf8')));
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[’]/g, "'");
const digits = (s: string) => s.replace(/\D/g, '');

/** A fact is stated when it appears (case and spacing folded); phone-like facts compare digits. */
export function statesFact(answer: string, fact: string): boolean {
  if (squash(answer).includes(squash(fact))) return true;
  const d = digits(fact);
  if (d.length >= 6 && d.length >= fact.replace(/\s/g, '').length - 2) return digits(answer).includes(d);
  return false;
}

/**
 * The entry states every expected fact, in the question's language or in English: the labelled
 * sets' writers saw only the English source documents.
 */
export function entryStates(retriever: Retriever, entry: FaqEntry, lang: Lang, facts: readonly string[]): boolean {
  const local = retriever.knowledge.localized(entry, lang).answer;
  return facts.every((f) => statesFact(local, f) || statesFact(entry.answer, f));
}

export interface EvalFailure {
  id: string;
  lang: Lang;
  text: string;
  market: string;
  expected: string;
  got: string;
  /** The entry answered, when the question was answered. */
  answered?: FaqEntry;
}

export interface EvalReport {
  inDomain: number;
  outOfDomain: number;
  top1: number;
  /** In-domain questions the bot clarified or abstained on (not wrong, not answered). */
  inDomainNotAnswered: number;
  /** In-domain questions the bot clarified with a right answer among its choices (one tap away). */
  inDomainClarifiedRight: number;
  /** In-domain questions answered with the wrong entry or missing facts. */
  inDomainWrong: number;
  oodAnswered: number;
  /**
   * "Did you mean"s with one plausible candidate, which the bot answers tentatively (asking whether
   * that helped): in domain with the right entry, in domain with a wrong one, out of domain.
   */
  tentative: { right: number; wrong: number; ood: number };
  top1Accuracy: number;
  oodNotAnsweredRate: number;
  abstentionPrecision: number;
  abstentionRecall: number;
  failures: EvalFailure[];
}

function describe(d: Decision): string {
  switch (d.type) {
    case 'answer':
      return `answer ${d.entry.id} (${d.score})`;
    case 'clarify':
      return `clarify [${d.options.map((o) => `${o.entry.id} ${o.score}`).join(', ')}]`;
    case 'askMarket':
      return `askMarket ${d.entry.id}`;
    case 'otherMarketOnly':
      return `otherMarketOnly ${d.entry.id} (${d.score})`;
    case 'abstain':
      return `abstain (best ${d.candidates[0] ? `${d.candidates[0].entry.id} ${d.candidates[0].score}` : 'none'})`;
  }
}

export function evaluate(retriever: Retriever, questions: LabelledQuestion[]): EvalReport {
  let inDomain = 0;
  let top1 = 0;
  let inDomainWrong = 0;
  let inDomainNotAnswered = 0;
  let inDomainClarifiedRight = 0;
  let ood = 0;
  let oodAnswered = 0;
  let abstainedTotal = 0;
  let abstainedCorrectly = 0;
  const failures: EvalFailure[] = [];
  const tentative = { right: 0, wrong: 0, ood: 0 };
  for (const q of questions) {
    const d = retriever.decide(q.text, q.market, q.lang);
    const answered = d.type === 'answer';
    const sole = d.type === 'clarify' ? d.sole : undefined;
    if (!answered) abstainedTotal += 1;
    if (q.expect === 'abstain') {
      ood += 1;
      // A message of several questions is answered question by question when one of them is (decideEach).
      const part = answered ? undefined : retriever.decideEach(q.text, q.market, q.lang)?.answers[0];
      if (sole && !part) tentative.ood += 1;
      if (answered || part) {
        oodAnswered += 1;
        failures.push({ id: q.id, lang: q.lang, text: q.text, market: q.market, expected: 'abstain', got: part ? `${describe(part)} (one of its questions)` : describe(d), answered: part?.entry ?? (d.type === 'answer' ? d.entry : undefined) });
      } else abstainedCorrectly += 1;
      continue;
    }
    inDomain += 1;
    const exp = q.expect;
    const states = (e: FaqEntry) => entryStates(retriever, e, q.lang, exp.contains);
    if (sole) {
      if (sole.entry.source.document === exp.document && states(sole.entry)) tentative.right += 1;
      else tentative.wrong += 1;
    }
    if (answered && d.entry.source.document === exp.document && states(d.entry)) {
      top1 += 1;
      continue;
    }
    if (answered) inDomainWrong += 1;
    else inDomainNotAnswered += 1;
    if (d.type === 'clarify' && d.options.some((o) => o.entry.source.document === exp.document && states(o.entry))) {
      inDomainClarifiedRight += 1;
    }
    const missing = answered ? exp.contains.filter((f) => !entryStates(retriever, d.entry, q.lang, [f])) : [];
    failures.push({
      id: q.id,
      lang: q.lang,
      text: q.text,
      market: q.market,
      expected: `${exp.document}: ${exp.contains.join(' | ')}`,
      got: describe(d) + (missing.length ? ` — missing ${missing.join(' | ')}` : ''),
    });
  }
  return {
    inDomain,
    outOfDomain: ood,
    top1,
    inDomainNotAnswered,
    inDomainClarifiedRight,
    inDomainWrong,
    oodAnswered,
    tentative,
    top1Accuracy: inDomain ? top1 / inDomain : 0,
    oodNotAnsweredRate: ood ? (ood - oodAnswered) / ood : 1,
    abstentionPrecision: abstainedTotal ? abstainedCorrectly / abstainedTotal : 1,
    abstentionRecall: ood ? abstainedCorrectly / ood : 1,
    failures,
  };
}

/**
 * What a confident wrong answer (an in-domain question answered wrongly, or an out-of-domain one
 * answered at all) costs in calibration, counted in honest "I'm not sure"s. The environment
 * variable EVAL_WRONG_COST overrides it (to measure the trade-off).
 */
export const WRONG_COST = Number(process.env.EVAL_WRONG_COST) || 2;

/** Cost used for calibration: a confident wrong answer costs WRONG_COST honest "I'm not sure"s. */
export function cost(r: EvalReport, wrongCost = WRONG_COST): number {
  return wrongCost * (r.inDomainWrong + r.oodAnswered) + r.inDomainNotAnswered;
}
