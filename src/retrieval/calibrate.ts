/**
 * Calibration of the decision thresholds on labelled questions: a grid search for the lowest cost
 * (a confident wrong answer costs twice an honest "I'm not sure"), and k-fold cross-validation of
 * the calibration itself. Used by `npm run eval -- --calibrate | --cv`, one language at a time.
 */
import { LANGS } from '../conversation/lang.js';
import { Retriever, type Thresholds } from './decide.js';
import { cost, evaluate, type LabelledQuestion } from './eval.js';
import type { FaqIndex } from './faq-index.js';

export interface Calibrated {
  t: Thresholds;
  c: number;
  /** Confident wrong answers: in-domain wrong plus out-of-domain answered. */
  wrong: number;
  /** In-domain questions not answered but with the right entry among the "did you mean" choices. */
  oneTap: number;
}

/**
 * Lower cost wins. Many settings tie: the tie goes to fewer confident wrong answers, then to more
 * questions one tap from the right answer, then to the more cautious setting (wider margin, higher
 * answer threshold, fewer low-scoring "did you mean" choices, stricter unknown-word guard), so the
 * data, not the grid order, decides any step towards answering more.
 */
export function moreCautious(a: Calibrated, b: Calibrated): boolean {
  if (a.c !== b.c) return a.c < b.c;
  if (a.wrong !== b.wrong) return a.wrong < b.wrong;
  if (a.oneTap !== b.oneTap) return a.oneTap > b.oneTap;
  if (a.t.margin !== b.t.margin) return a.t.margin > b.t.margin;
  if (a.t.answer !== b.t.answer) return a.t.answer > b.t.answer;
  if (a.t.clarify !== b.t.clarify) return a.t.clarify > b.t.clarify;
  return a.t.maxUnknownShare < b.t.maxUnknownShare;
}

/** Thresholds change neither the tokens nor the search: memoise both so the grid costs little. */
export function memoise(retriever: Retriever): void {
  for (const lang of LANGS) {
    const index: FaqIndex = retriever.indexFor(lang);
    const analyse = index.analyse.bind(index);
    const analysed = new Map<string, ReturnType<typeof analyse>>();
    index.analyse = (text) => {
      let hit = analysed.get(text);
      if (!hit) analysed.set(text, (hit = analyse(text)));
      return hit;
    };
    const search = index.searchAnalysed.bind(index);
    const memo = new Map<string, ReturnType<typeof search>>();
    index.searchAnalysed = (q, markets, limit) => {
      const key = `${q.tokens.join(' ')}|${markets?.join(',') ?? '*'}|${limit}`;
      let hit = memo.get(key);
      if (!hit) memo.set(key, (hit = search(q, markets, limit)));
      return hit;
    };
  }
}

/** Grid search of the thresholds on `train` (questions of one language). */
export function calibrateOn(retriever: Retriever, train: LabelledQuestion[]): Calibrated {
  let best: Calibrated | undefined;
  for (let answer = 0.2; answer <= 0.9001; answer += 0.02) {
    for (let clarify = 0.1; clarify <= answer + 1e-9; clarify += 0.05) {
      for (const margin of [0, 0.01, 0.02, 0.04, 0.06, 0.08]) {
        for (const maxUnknownShare of [0.2, 0.3, 0.4, 0.5, 0.6, 1]) {
          const t = { answer: +answer.toFixed(2), clarify: +clarify.toFixed(2), margin, maxUnknownShare };
          const r = evaluate(new Retriever(retriever.knowledge, retriever.indexes(), t), train);
          const candidate = { t, c: cost(r), wrong: r.inDomainWrong + r.oodAnswered, oneTap: r.inDomainClarifiedRight };
          if (!best || moreCautious(candidate, best)) best = candidate;
        }
      }
    }
  }
  return best!;
}

export interface FoldResult {
  fold: number;
  t: Thresholds;
  top1: number;
  inDomain: number;
  wrong: number;
  ood: number;
  oodAnswered: number;
}

/** k-fold: calibrate on k-1 folds, answer the held-out fold; every question is held out once. */
export function crossValidate(retriever: Retriever, questions: LabelledQuestion[], k = 4): FoldResult[] {
  const out: FoldResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const held = questions.filter((_, i) => i % k === fold);
    const { t } = calibrateOn(retriever, questions.filter((_, i) => i % k !== fold));
    const r = evaluate(new Retriever(retriever.knowledge, retriever.indexes(), t), held);
    out.push({ fold, t, top1: r.top1, inDomain: r.inDomain, wrong: r.inDomainWrong, ood: r.outOfDomain, oodAnswered: r.oodAnswered });
  }
  return out;
}
