/** `npm run knowledge:check`: validate knowledge/ (FAQ, lexicon, contacts, policy tables) and print every problem with file and entry. */
import { join } from 'node:path';
import { POLICY_TABLES, policyProblems } from '../policy/tables.js';
import { checkKnowledge, DEFAULT_KNOWLEDGE_DIR, formatProblem } from './knowledge.js';

const dir = process.argv[2];
const { knowledge, problems } = checkKnowledge(dir);
const policy = policyProblems(join(dir ?? DEFAULT_KNOWLEDGE_DIR, 'policy'));
if (!knowledge || policy.length) {
  console.error(`knowledge check failed: ${problems.length + policy.length} problem(s)`);
  for (const p of problems) console.error(formatProblem(p));
  for (const p of policy) console.error(p);
  process.exit(1);
}
const perDoc = new Map<string, number>();
for (const e of knowledge.entries) perDoc.set(e.source.document, (perDoc.get(e.source.document) ?? 0) + 1);
console.log(`knowledge ok: ${knowledge.entries.length} entries, ${knowledge.lexicon.synonyms.length} synonym groups, ${knowledge.sources.length} sources, ${Object.keys(POLICY_TABLES).length} policy tables`);
for (const [doc, n] of perDoc) console.log(`  ${doc}: ${n}`);
