/**
 * `npm run eval`: retrieval quality on the labelled sets, per language and overall:
 * test/eval/questions.json and en-fresh.json (English), zh-TW.json, ko.json, fr.json, pt.json.
 * `--lang <lang>`: one language only. `--quiet`: no list of failures.
 * `--calibrate`: per language, grid-search the thresholds on half of its questions (even positions),
 * report the other half as held out, and write them to knowledge/thresholds.json (byLang).
 * `--cv`: per language, 4-fold cross-validation of the calibration itself (each quarter answered with
 * thresholds calibrated on the other three), so the figure does not rest on one split.
 * Routing (question answered, task started, one-shot result) on test/eval/routing/<lang>.json is part of the
 * default report; `--routing`: the routing report only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLang, LANGS, type Lang } from '../conversation/lang.js';
import { calibrateOn, crossValidate, memoise } from './calibrate.js';
import { buildIndexes } from './faq-index.js';
import { loadKnowledge } from './knowledge.js';
import { loadThresholds, Retriever, thresholdsFor, type ThresholdSet } from './decide.js';
import { evaluate, loadQuestions, type EvalReport, type LabelledQuestion } from './eval.js';

const EVAL_DIR = fileURLToPath(new URL('../../test/eval/', import.meta.url));
/** The labelled sets of each language (English: the first set and 60+ fresh questions). */
const SETS: Record<Lang, string[]> = { en: ['questions.json', 'en-fresh.json'], 'zh-TW': ['zh-TW.json'], ko: ['ko.json'], fr: ['fr.json'], pt: ['pt.json'] };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(label: string, r: EvalReport): void {
  console.log(`\n${label}`);
  console.log(`  in-domain questions       ${r.inDomain}`);
  console.log(`  top-1 accuracy            ${pct(r.top1Accuracy)} (${r.top1}/${r.inDomain}; wrong ${r.inDomainWrong} = ${pct(r.inDomainWrong / Math.max(r.inDomain, 1))}, not answered ${r.inDomainNotAnswered})`);
  console.log(`  right answer among the "did you mean" choices ${r.inDomainClarifiedRight} more (top-1 or one tap: ${pct((r.top1 + r.inDomainClarifiedRight) / Math.max(r.inDomain, 1))})`);
  console.log(`  out-of-domain questions   ${r.outOfDomain}`);
  console.log(`  out-of-domain not answered ${pct(r.oodNotAnsweredRate)} (${r.outOfDomain - r.oodAnswered}/${r.outOfDomain})`);
  console.log(`  one plausible "did you mean", answered tentatively: in domain right ${r.tentative.right}, wrong ${r.tentative.wrong}; out of domain ${r.tentative.ood}`);
  console.log(`  abstention precision      ${pct(r.abstentionPrecision)}; recall ${pct(r.abstentionRecall)}`);
}

const args = process.argv.slice(2);
const langArg = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
if (langArg !== undefined && !isLang(langArg)) {
  console.error(`--lang must be one of ${LANGS.join(', ')}`);
  process.exit(2);
}
const langs: Lang[] = langArg ? [langArg] : [...LANGS];
const calibrate = args.includes('--calibrate');
const cv = args.includes('--cv');
const quiet = args.includes('--quiet');
const routingOnly = args.includes('--routing');

/**
 * Routing through the real router in process (src/tools/routing-eval.ts), per language, on five sets:
 * test/eval/routing, routing-dev, routing-dev2 and routing-dev3 (the code's reading was widened after reading their
 * misses; the second and third dev sets exist for zh-TW, ko and pt), test/eval/routing-fresh (held
 * out: written later by other people; its misses were once described to an engineer, so only partly held out)
 * and test/eval/routing-fresh2 (held out: written blind from the source documents, only its totals are read).
 */
async function routingReport(): Promise<void> {
  const { formatRoutingReport, loadRoutingSet, routingRouter, runRouting } = await import('../tools/routing-eval.js');
  const router = routingRouter();
  const lines: string[] = [];
  for (const [dir, label] of [['routing', 'routing'], ['routing-dev', 'dev'], ['routing-dev2', 'dev 2'], ['routing-dev3', 'dev 3'], ['routing-fresh', 'held out'], ['routing-fresh2', 'held out 2']] as const) {
    for (const lang of langs) {
      const file = join(EVAL_DIR, dir, `${lang}.json`);
      if (!existsSync(file)) {
        // The second and third dev sets were written for the languages furthest from the target only.
        if (dir !== 'routing-dev2' && dir !== 'routing-dev3') console.log(`\n${lang}: no ${label} set (${file})`);
        continue;
      }
      const r = await runRouting(loadRoutingSet(file).filter((i) => i.lang === lang), router);
      // The second held-out set's misses are never printed, so that nobody tunes on them by accident.
      console.log(formatRoutingReport(`${lang} (${label})`, r, !quiet && dir !== 'routing-fresh2'));
      const e = r.byExpect;
      lines.push(`  ${lang.padEnd(6)} ${label.padEnd(10)} ${((r.right / Math.max(r.total, 1)) * 100).toFixed(1).padStart(5)}% (routed ${((r.routed / Math.max(r.total, 1)) * 100).toFixed(1)}%)  answer ${e.answer.right}/${e.answer.total}  task ${e.task.right}/${e.task.total}  one-shot ${e.oneshot.right}/${e.oneshot.total}`);
    }
  }
  console.log(`\nrouting summary\n${lines.join('\n')}`);
}

if (routingOnly) {
  await routingReport();
  process.exit(0);
}

const knowledge = loadKnowledge();
const retriever = new Retriever(knowledge, buildIndexes(knowledge), loadThresholds(knowledge.dir));
if (calibrate || cv) memoise(retriever);

const sets = new Map<Lang, Array<{ file: string; questions: LabelledQuestion[] }>>();
for (const lang of langs) {
  const files = SETS[lang].filter((f) => existsSync(join(EVAL_DIR, f)));
  sets.set(lang, files.map((file) => ({ file, questions: loadQuestions(join(EVAL_DIR, file)).filter((q) => q.lang === lang) })));
}
const questionsOf = (lang: Lang) => sets.get(lang)!.flatMap((s) => s.questions);

if (cv) {
  for (const lang of langs) {
    const questions = questionsOf(lang);
    if (questions.length === 0) continue;
    const folds = crossValidate(retriever, questions);
    const sum = (k: 'top1' | 'inDomain' | 'wrong' | 'ood' | 'oodAnswered') => folds.reduce((n, f) => n + f[k], 0);
    for (const f of folds) console.log(`[${lang}] fold ${f.fold + 1}/${folds.length}: ${JSON.stringify(f.t)}; held out: top-1 ${f.top1}/${f.inDomain}, wrong ${f.wrong}, out-of-domain answered ${f.oodAnswered}/${f.ood}`);
    console.log(`[${lang}] 4-fold cross-validation (${questions.length} questions): top-1 ${pct(sum('top1') / sum('inDomain'))} (${sum('top1')}/${sum('inDomain')}; wrong ${sum('wrong')}), out-of-domain not answered ${pct((sum('ood') - sum('oodAnswered')) / sum('ood'))}`);
  }
}

if (calibrate) {
  const file = loadThresholds(knowledge.dir);
  const byLang: NonNullable<ThresholdSet['byLang']> = { ...file.byLang };
  for (const lang of langs) {
    const questions = questionsOf(lang);
    if (questions.length === 0) continue;
    const train = questions.filter((_, i) => i % 2 === 0);
    const held = questions.filter((_, i) => i % 2 === 1);
    const best = calibrateOn(retriever, train);
    byLang[lang] = best.t;
    console.log(`[${lang}] calibrated thresholds: ${JSON.stringify(best.t)} (training cost ${best.c})`);
    const r = (qs: LabelledQuestion[]) => evaluate(new Retriever(knowledge, retriever.indexes(), best.t), qs);
    print(`[${lang}] training half`, r(train));
    print(`[${lang}] held-out half`, r(held));
  }
  const { byLang: _old, ...base } = file;
  writeFileSync(join(knowledge.dir, 'thresholds.json'), `${JSON.stringify({ ...base, byLang }, null, 2)}\n`);
  console.log(`\nwrote ${join(knowledge.dir, 'thresholds.json')}`);
}

const thresholds = loadThresholds(knowledge.dir);
const scored = new Retriever(knowledge, retriever.indexes(), thresholds);
const all: LabelledQuestion[] = [];
const summary: string[] = [];
for (const lang of langs) {
  for (const { file, questions } of sets.get(lang)!) {
    if (sets.get(lang)!.length > 1) {
      const r = evaluate(scored, questions);
      print(`${lang} — ${file}`, r);
      const held = evaluate(scored, questions.filter((_, i) => i % 2 === 1));
      console.log(`  held-out half: top-1 ${pct(held.top1Accuracy)}, wrong ${held.inDomainWrong}, out-of-domain not answered ${pct(held.oodNotAnsweredRate)}`);
    }
  }
  const questions = questionsOf(lang);
  if (questions.length === 0) {
    console.log(`\n${lang}: no labelled questions`);
    continue;
  }
  all.push(...questions);
  const r = evaluate(scored, questions);
  const held = evaluate(scored, questions.filter((_, i) => i % 2 === 1));
  console.log(`\n${lang}: thresholds ${JSON.stringify(thresholdsFor(thresholds, lang))}`);
  print(`${lang} — all labelled questions`, r);
  console.log(`  held-out half: top-1 ${pct(held.top1Accuracy)}, wrong ${held.inDomainWrong}, out-of-domain not answered ${pct(held.oodNotAnsweredRate)}`);
  summary.push(`  ${lang.padEnd(6)} top-1 ${pct(r.top1Accuracy).padStart(6)}  wrong ${String(r.inDomainWrong).padStart(2)} (${pct(r.inDomainWrong / Math.max(r.inDomain, 1))})  one tap ${pct((r.top1 + r.inDomainClarifiedRight) / Math.max(r.inDomain, 1)).padStart(6)}  OOD not answered ${pct(r.oodNotAnsweredRate).padStart(6)}  (${r.inDomain} + ${r.outOfDomain})`);
  if (!quiet && r.failures.length) {
    console.log(`\n  failures (${r.failures.length}):`);
    for (const f of r.failures) console.log(`  ${f.id} [${f.market}] "${f.text}"\n      expected ${f.expected}\n      got      ${f.got}`);
  }
}
if (langs.length > 1) {
  const r = evaluate(scored, all);
  print(`all languages, ${knowledge.entries.length} entries`, r);
}
console.log(`\nsummary\n${summary.join('\n')}`);
oodReport();
if (!calibrate && !cv) await routingReport();

/**
 * Out-of-domain questions written blind from the source documents (2026-12-07), 40 per language, 28 near misses and
 * 12 off-topic: test/eval/ood-dev and ood-dev2 (the second written later, 2026-12-07 too; tuned on: their misses are
 * printed) and test/eval/ood-fresh (held out: only its totals are printed). Refused = neither answered nor answered
 * tentatively (one plausible "did you mean").
 *
 * test/eval/ood-partly/<set>.json: the questions one of the documents does answer in part (it says where the figure
 * asked is found, or states the rule that settles it), found by other readers of the documents alone, who never saw
 * the bot's replies. The labels are left as written; an answer from that document is reported beside the refusals,
 * as an answer that is not wrong.
 */
function oodReport(): void {
  const lines: string[] = [];
  for (const [dir, label] of [['ood-dev', 'dev'], ['ood-dev2', 'dev 2'], ['ood-fresh', 'held out']] as const) {
    const partlyFile = join(EVAL_DIR, 'ood-partly', `${dir}.json`);
    const partly = new Map<string, string>(existsSync(partlyFile) ? (JSON.parse(readFileSync(partlyFile, 'utf8')) as { id: string; document: string }[]).map((p) => [p.id, p.document]) : []);
    for (const lang of langs) {
      const file = join(EVAL_DIR, dir, `${lang}.json`);
      if (!existsSync(file)) continue;
      const questions = loadQuestions(file).filter((q) => q.lang === lang);
      const r = evaluate(scored, questions);
      const refused = r.outOfDomain - r.oodAnswered - r.tentative.ood;
      const fromTheirDocument = r.failures.filter((f) => f.answered && partly.get(f.id) === f.answered.source.document).length;
      lines.push(
        `  ${lang.padEnd(6)} ${label.padEnd(9)} refused ${pct(refused / Math.max(r.outOfDomain, 1)).padStart(6)} (${refused}/${r.outOfDomain}; answered ${r.oodAnswered}, tentatively ${r.tentative.ood})` +
          (fromTheirDocument ? `; ${fromTheirDocument} of the answers come from the document that partly answers them (refused or so answered: ${pct((refused + fromTheirDocument) / Math.max(r.outOfDomain, 1))})` : ''),
      );
      if (!quiet && dir !== 'ood-fresh') for (const f of r.failures) lines.push(`      ${f.id} [${f.market}] "${f.text}" → ${f.got}${partly.get(f.id) === f.answered?.source.document ? ' (partly answered there)' : ''}`);
    }
  }
  if (lines.length) console.log(`\nout of domain, blind sets\n${lines.join('\n')}`);
}
