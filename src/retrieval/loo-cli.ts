/**
 * `npm run knowledge:loo`: how well the FAQ entries' phrasings generalise, measured on the
 * knowledge base alone (it never reads test/eval). Each phrasing in turn is taken out of its
 * entry, the index is rebuilt without it, and the phrasing is asked in the entry's first market:
 * a customer who words a question the way that phrasing does, with no phrasing like it in the
 * base, gets the right entry, a "did you mean", a wrong entry, or nothing.
 *
 * `--lang <lang>` asks the phrasings of that language against that language's index (default en).
 * Options: `--only <document id or entry-id prefix>` asks only the phrasings of matching entries
 * (the index still holds every entry); `--failures` lists each miss; `--json` prints the summary as JSON.
 * The confusions (which entry took which entry's phrasings) say where two entries' wording
 * overlaps: reword them so each says what its own need uses.
 *
 * The out-of-scope questions (knowledge/out-of-scope/<lang>.json) are measured the same way: each in turn is left
 * out and asked (in each market in turn); it should be refused. An entry's phrasing refused because it is closer to
 * an out-of-scope question is counted apart ("refused as out of scope"): that question is too close to our need.
 * `--out-of-scope` measures only those (quick: the entries' phrasings are not asked).
 */
import { isLang, LANGS, type Lang } from '../conversation/lang.js';
import { loadKnowledge } from './knowledge.js';
import { FaqIndex, OUT_OF_SCOPE_ID } from './faq-index.js';
import { normaliserFor } from './languages.js';
import { loadThresholds, Retriever, type Decision } from './decide.js';
import type { FaqEntry } from './knowledge-schema.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const showFailures = args.includes('--failures');
const asJson = args.includes('--json');
const oosOnly = args.includes('--out-of-scope');
const langArg = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'en';
if (!isLang(langArg)) {
  console.error(`--lang must be one of ${LANGS.join(', ')}`);
  process.exit(2);
}
const lang: Lang = langArg;

const knowledge = loadKnowledge();
// The same texts are tokenised for every rebuilt index: once is enough.
const plain = normaliserFor(lang, knowledge.lexicons[lang]);
const tokenCache = new Map<string, string[]>();
const pieceCache = new Map<string, string[]>();
const normaliser = {
  ...plain,
  tokens(text: string): string[] {
    let t = tokenCache.get(text);
    if (!t) tokenCache.set(text, (t = plain.tokens(text)));
    return t;
  },
  ...(plain.pieces && {
    pieces(text: string): string[] {
      let t = pieceCache.get(text);
      if (!t) pieceCache.set(text, (t = plain.pieces!(text)));
      return t;
    },
  }),
};
const thresholds = loadThresholds(knowledge.dir);
const fieldsIn = (e: FaqEntry) => ({ ...knowledge.phrasingsIn(e, lang), tags: lang === 'en' ? e.tags : [] });

let asked = 0;
let right = 0;
let wrong = 0;
let clarified = 0;
let clarifiedRight = 0;
let rankedFirst = 0;
let refusedAsOutOfScope = 0;
const refusedPhrasings: string[] = [];
const confusions = new Map<string, number>();
const failures: string[] = [];
const started = Date.now();
const picked = (e: { id: string; source: { document: string } }) => !only || e.source.document === only || e.id.startsWith(only);
const total = knowledge.entries.reduce((n, e) => n + (picked(e) ? fieldsIn(e).phrasings.length : 0), 0);

const outOfScope = knowledge.outOfScope?.[lang] ?? [];
knowledge.entries.forEach((entry) => {
  if (!picked(entry) || oosOnly) return;
  fieldsIn(entry).phrasings.forEach((phrasing, pi) => {
    const fieldsOf = (e: FaqEntry) => {
      const f = fieldsIn(e);
      return e === entry ? { ...f, phrasings: f.phrasings.filter((_, k) => k !== pi) } : f;
    };
    const index = new FaqIndex(knowledge.entries, normaliser, { lang, fieldsOf, outOfScope: knowledge.outOfScope?.[lang] ?? [] });
    const retriever = new Retriever(knowledge, { [lang]: index }, thresholds);
    const market = entry.markets[0]!;
    const d: Decision = retriever.decide(phrasing, market, lang);
    asked += 1;
    if (index.search(phrasing, [market], 2).find((c) => c.entry.id !== OUT_OF_SCOPE_ID)?.entry.topic === entry.topic) rankedFirst += 1;
    const ok = (id: string) => knowledge.byId.get(id)?.topic === entry.topic;
    if (d.type === 'answer' && ok(d.entry.id)) right += 1;
    else {
      let got: string;
      if (d.type === 'answer') {
        wrong += 1;
        got = `answer ${d.entry.id}`;
        const key = `${entry.id} → ${d.entry.id}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      } else if (d.type === 'clarify') {
        clarified += 1;
        if (d.options.some((o) => ok(o.entry.id))) clarifiedRight += 1;
        got = `clarify [${d.options.map((o) => o.entry.id).join(', ')}]`;
        const rival = d.options.find((o) => !ok(o.entry.id));
        if (rival) {
          const key = `${entry.id} ~ ${rival.entry.id}`;
          confusions.set(key, (confusions.get(key) ?? 0) + 1);
        }
      } else {
        got = d.type;
        if (d.type === 'abstain' && d.outOfScope) {
          refusedAsOutOfScope += 1;
          got = 'refused as out of scope';
          refusedPhrasings.push(`  ${entry.id} "${phrasing}"`);
        }
      }
      failures.push(`  ${entry.id} "${phrasing}" → ${got}`);
    }
    if (!asJson && process.stderr.isTTY && asked % 50 === 0) process.stderr.write(`\r  ${asked}/${total} phrasings`);
  });
});
if (!asJson && process.stderr.isTTY) process.stderr.write('\r');

// The out-of-scope questions, each left out in turn and asked in a market (turn by turn).
const MARKET_ORDER = ['TW', 'FR', 'PT', 'KR'] as const;
let oosRefused = 0;
const oosMisses: string[] = [];
outOfScope.forEach((question, i) => {
  const index = new FaqIndex(knowledge.entries, normaliser, { lang, fieldsOf: fieldsIn, outOfScope: outOfScope.filter((_, k) => k !== i) });
  const d = new Retriever(knowledge, { [lang]: index }, thresholds).decide(question, MARKET_ORDER[i % 4], lang);
  if (d.type === 'abstain') oosRefused += 1;
  else oosMisses.push(`  "${question}" (${MARKET_ORDER[i % 4]}) → ${d.type === 'clarify' ? `clarify [${d.options.map((o) => o.entry.id).join(', ')}]` : `${d.type} ${d.entry.id}`}`);
});

const pct = (x: number) => `${((100 * x) / Math.max(asked, 1)).toFixed(2)}%`;
const summary = {
  lang,
  asked,
  answeredRight: right / Math.max(asked, 1),
  wrong,
  clarified,
  clarifiedRight,
  notAnswered: asked - right - wrong,
  rankedFirst: rankedFirst / Math.max(asked, 1),
  refusedAsOutOfScope,
  outOfScopeAsked: outOfScope.length,
  outOfScopeRefused: oosRefused,
  seconds: (Date.now() - started) / 1000,
};
if (asJson) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`leave-one-out over ${asked} ${lang} phrasings${only ? ` of ${only}` : ''} (${summary.seconds.toFixed(0)} s)`);
  console.log(`  answered with the right entry   ${pct(right)} (${right})`);
  console.log(`  answered with a wrong entry     ${pct(wrong)} (${wrong})`);
  console.log(`  "did you mean"                  ${pct(clarified)} (${clarified}; right one offered in ${clarifiedRight})`);
  console.log(`  right entry ranked first        ${pct(rankedFirst)} (${rankedFirst})`);
  console.log(`  refused as out of scope         ${pct(refusedAsOutOfScope)} (${refusedAsOutOfScope})`);
  if (outOfScope.length) {
    console.log(`out-of-scope questions, each left out: ${outOfScope.length}, refused ${((100 * oosRefused) / outOfScope.length).toFixed(1)}% (${oosRefused})`);
  }
  const top = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 25);
  if (top.length) {
    console.log('\nconfusions (→ answered instead, ~ offered beside it):');
    for (const [k, n] of top) console.log(`  ${n}× ${k}`);
  }
  if (refusedPhrasings.length) console.log(`\nentry phrasings refused as out of scope (${refusedPhrasings.length}):\n${refusedPhrasings.join('\n')}`);
  if (oosMisses.length) console.log(`\nout-of-scope questions not refused (${oosMisses.length}):\n${oosMisses.join('\n')}`);
  if (showFailures) console.log(`\nmisses (${failures.length}):\n${failures.join('\n')}`);
}
