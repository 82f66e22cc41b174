/** `npm run knowledge:check`: validate knowledge/ and print every problem with file and entry. */
import { checkKnowledge, formatProblem } from './knowledge.js';

const dir = process.argv[2];
const { knowledge, problems } = checkKnowledge(dir);
if (!knowledge) {
  console.error(`knowledge check failed: ${problems.length} problem(s)`);
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
const perDoc = new Map<string, number>();
for (const e of knowledge.entries) perDoc.set(e.source.document, (perDoc.get(e.source.document) ?? 0) + 1);
console.log(`knowledge ok: ${knowledge.entries.length} entries, ${knowledge.lexicon.synonyms.length} synonym groups, ${knowledge.sources.length} sources`);
for (const [doc, n] of perDoc) console.log(`  ${doc}: ${n}`);
