/**
 * `npm run knowledge:loo`: how well the FAQ entries' phrasings generalise, measured on the
 * knowledge base alone (it never reads test/eval). Each phrasing in turn is taken out of its
 * entry, the index is rebuilt without it, and the phrasing is asked in the entry's first market:
 * a customer who words a question the way that phrasing does, with no phrasing like it in the
 * base, gets the right entry, a "did you mean", a wrong entry, or nothing.
 *
 * Options: `--only <document id or entry-id prefix>` asks only the phrasings of matching entries
 * (the index still holds every entry); `--failures` lists each miss; `--json` prints the summary as JSON.
 * The confusions (which entry took which entry's phrasings) say where two entries' wording
 * overlaps: reword them so each says what its own need uses.
 */
import { loadKnowledge } from './knowledge.js';
import { FaqIndex } from './faq-index.js';
import { createNormaliser } from './normalise.js';
import { loadThresholds, Retriever, type Decision } from './decide.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const showFailures = args.includes('--failures');
const asJson = args.includes('--json');

const knowledge = loadKnowledge();
const normaliser = createNormaliser(knowledge.lexicon);
const thresholds = loadThresholds(knowledge.dir);

let asked = 0;
let right = 0;
let wrong = 0;
let clarified = 0;
let clarifiedRight = 0;
let rankedFirst = 0;
const confusions = new Map<string, number>();
const failures: string[] = [];
const started = Date.now();
const picked = (e: { id: string; source: { document: string } }) => !only || e.source.document === only || e.id.startsWith(only);
const total = knowledge.entries.reduce((n, e) => n + (picked(e) ? e.phrasings.length : 0), 0);

knowledge.entries.forEach((entry, ei) => {
  if (!picked(entry)) return;
  entry.phrasings.forEach((phrasing, pi) => {
    const entries = knowledge.entries.map((e, j) => (j === ei ? { ...e, phrasings: e.phrasings.filter((_, k) => k !== pi) } : e));
    const index = new FaqIndex(entries, normaliser);
    const retriever = new Retriever({ ...knowledge, entries }, index, thresholds);
    const market = entry.markets[0]!;
    const d: Decision = retriever.decide(phrasing, market);
    asked += 1;
    if (index.search(phrasing, [market], 1)[0]?.entry.topic === entry.topic) rankedFirst += 1;
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
      } else got = d.type;
      failures.push(`  ${entry.id} "${phrasing}" → ${got}`);
    }
    if (!asJson && process.stderr.isTTY && asked % 50 === 0) process.stderr.write(`\r  ${asked}/${total} phrasings`);
  });
});
if (!asJson && process.stderr.isTTY) process.stderr.write('\r');

const pct = (x: number) => `${((100 * x) / Math.max(asked, 1)).toFixed(2)}%`;
const summary = {
  asked,
  answeredRight: right / Math.max(asked, 1),
  wrong,
  clarified,
  clarifiedRight,
  notAnswered: asked - right - wrong,
  rankedFirst: rankedFirst / Math.max(asked, 1),
  seconds: (Date.now() - started) / 1000,
};
if (asJson) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`leave-one-out over ${asked} phrasings${only ? ` of ${only}` : ''} (${summary.seconds.toFixed(0)} s)`);
  console.log(`  answered with the right entry   ${pct(right)} (${right})`);
  console.log(`  answered with a wrong entry     ${pct(wrong)} (${wrong})`);
  console.log(`  "did you mean"                  ${pct(clarified)} (${clarified}; right one offered in ${clarifiedRight})`);
  console.log(`  right entry ranked first        ${pct(rankedFirst)} (${rankedFirst})`);
  const top = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 25);
  if (top.length) {
    console.log('\nconfusions (→ answered instead, ~ offered beside it):');
    for (const [k, n] of top) console.log(`  ${n}× ${k}`);
  }
  if (showFailures) console.log(`\nmisses (${failures.length}):\n${failures.join('\n')}`);
}
