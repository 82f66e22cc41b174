/**
 * `npm run eval`: retrieval quality on test/eval/questions.json.
 * `npm run eval -- --calibrate`: grid-search the thresholds on half of the questions (even
 * positions), report the other half as held out, and write knowledge/thresholds.json.
 * `npm run eval -- --cv`: 4-fold cross-validation of the calibration itself (each quarter is
 * answered with thresholds calibrated on the other three), so the figure does not rest on one split.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex } from './faq-index.js';
import { loadKnowledge } from './knowledge.js';
import { loadThresholds, Retriever, type Thresholds } from './decide.js';
import { cost, evaluate, loadQuestions, type EvalReport, type LabelledQuestion } from './eval.js';

const QUESTIONS = fileURLToPath(new URL('../../test/eval/questions.json', import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(label: string, r: EvalReport): void {
  console.log(`\n${label}`);
  console.log(`  in-domain questions       ${r.inDomain}`);
  console.log(`  top-1 accuracy            ${pct(r.top1Accuracy)} (${r.top1}/${r.inDomain}; wrong ${r.inDomainWrong}, not answered ${r.inDomainNotAnswered})`);
  console.log(`  right answer among the "did you mean" choices ${r.inDomainClarifiedRight} more (top-1 or one tap: ${pct((r.top1 + r.inDomainClarifiedRight) / r.inDomain)})`);
  console.log(`  out-of-domain questions   ${r.outOfDomain}`);
  console.log(`  out-of-domain not answered ${pct(r.oodNotAnsweredRate)} (${r.outOfDomain - r.oodAnswered}/${r.outOfDomain})`);
  console.log(`  abstention precision      ${pct(r.abstentionPrecision)}`);
  console.log(`  abstention recall         ${pct(r.abstentionRecall)}`);
}

interface Calibrated {
  t: Thresholds;
  c: number;
  /** Confident wrong answers: in-domain wrong plus out-of-domain answered. */
  wrong: number;
  /** In-domain questions not answered but with the right entry among the "did you mean" choices. */
  oneTap: number;
}

/**
 * Lower cost wins. Many settings tie on half the set: the tie goes to fewer confident wrong
 * answers, then to more questions one tap from the right answer, then to the more cautious
 * setting (wider margin, higher answer threshold, fewer low-scoring "did you mean" choices,
 * stricter unknown-word guard), so the data, not the grid order, decides any step towards
 * answering more.
 */
function moreCautious(a: Calibrated, b: Calibrated): boolean {
  if (a.c !== b.c) return a.c < b.c;
  if (a.wrong !== b.wrong) return a.wrong < b.wrong;
  if (a.oneTap !== b.oneTap) return a.oneTap > b.oneTap;
  if (a.t.margin !== b.t.margin) return a.t.margin > b.t.margin;
  if (a.t.answer !== b.t.answer) return a.t.answer > b.t.answer;
  if (a.t.clarify !== b.t.clarify) return a.t.clarify > b.t.clarify;
  return a.t.maxUnknownShare < b.t.maxUnknownShare;
}

const knowledge = loadKnowledge();
const index = buildIndex(knowledge);
const questions = loadQuestions(QUESTIONS);
const calibrate = process.argv.includes('--calibrate');
const crossValidate = process.argv.includes('--cv');
const quiet = process.argv.includes('--quiet');

/** Thresholds do not change the search itself: memoise it so the grid costs little. */
function memoiseSearch(): void {
  const search = index.searchAnalysed.bind(index);
  const memo = new Map<string, ReturnType<typeof search>>();
  index.searchAnalysed = (q, markets, limit) => {
    const key = `${q.tokens.join(' ')}|${markets?.join(',') ?? '*'}|${limit}`;
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = search(q, markets, limit)));
    return hit;
  };
}

/** Grid search of the thresholds on `train`. */
function calibrateOn(train: LabelledQuestion[]): Calibrated {
  let best: Calibrated | undefined;
  for (let answer = 0.2; answer <= 0.9001; answer += 0.02) {
    for (let clarify = 0.1; clarify <= answer + 1e-9; clarify += 0.05) {
      for (const margin of [0, 0.01, 0.02, 0.04, 0.06, 0.08]) {
        for (const maxUnknownShare of [0.3, 0.4, 0.5, 0.6, 1]) {
          const t = { answer: +answer.toFixed(2), clarify: +clarify.toFixed(2), margin, maxUnknownShare };
          const r = evaluate(new Retriever(knowledge, index, t), train);
          const candidate = { t, c: cost(r), wrong: r.inDomainWrong + r.oodAnswered, oneTap: r.inDomainClarifiedRight };
          if (!best || moreCautious(candidate, best)) best = candidate;
        }
      }
    }
  }
  return best!;
}

if (calibrate || crossValidate) memoiseSearch();

if (crossValidate) {
  // k-fold: calibrate on k-1 folds, answer the held-out fold; every question is held out once.
  const k = 4;
  const pooled: LabelledQuestion[] = [];
  let top1 = 0;
  let inDomain = 0;
  let wrong = 0;
  let ood = 0;
  let oodAnswered = 0;
  for (let fold = 0; fold < k; fold++) {
    const held = questions.filter((_, i) => i % k === fold);
    const { t } = calibrateOn(questions.filter((_, i) => i % k !== fold));
    const r = evaluate(new Retriever(knowledge, index, t), held);
    pooled.push(...held);
    top1 += r.top1;
    inDomain += r.inDomain;
    wrong += r.inDomainWrong;
    ood += r.outOfDomain;
    oodAnswered += r.oodAnswered;
    console.log(`fold ${fold + 1}/${k}: thresholds ${JSON.stringify(t)}; held out: top-1 ${pct(r.top1Accuracy)}, wrong ${r.inDomainWrong}, out-of-domain not answered ${pct(r.oodNotAnsweredRate)}`);
  }
  console.log(`
${k}-fold cross-validation, every question held out once (${pooled.length} questions)`);
  console.log(`  top-1 accuracy            ${pct(top1 / inDomain)} (${top1}/${inDomain}; wrong ${wrong})`);
  console.log(`  out-of-domain not answered ${pct((ood - oodAnswered) / ood)} (${ood - oodAnswered}/${ood})`);
}

if (calibrate) {
  const train = questions.filter((_, i) => i % 2 === 0);
  const held = questions.filter((_, i) => i % 2 === 1);
  const best = calibrateOn(train);
  const t = best.t;
  console.log(`calibrated thresholds: ${JSON.stringify(t)} (training cost ${best.c})`);
  print('training half', evaluate(new Retriever(knowledge, index, t), train));
  print('held-out half', evaluate(new Retriever(knowledge, index, t), held));
  writeFileSync(join(knowledge.dir, 'thresholds.json'), `${JSON.stringify(t, null, 2)}\n`);
  console.log(`\nwrote ${join(knowledge.dir, 'thresholds.json')}`);
}

const thresholds = loadThresholds(knowledge.dir);
const report = evaluate(new Retriever(knowledge, index, thresholds), questions);
console.log(`\nthresholds ${JSON.stringify(thresholds)}; ${knowledge.entries.length} entries`);
print('all labelled questions', report);
if (!quiet && report.failures.length) {
  console.log(`\nfailures (${report.failures.length}):`);
  for (const f of report.failures) console.log(`  ${f.id} [${f.market}] "${f.text}"\n      expected ${f.expected}\n      got      ${f.got}`);
}
