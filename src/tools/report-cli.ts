/**
 * `npm run report`: the operator report of a running service (containment, hand-off rate by
 * reason, worst-rated answers, most frequent unanswered questions). Reads REPORT_URL (default
 * http://127.0.0.1:$PORT) and AGENT_TOKEN from the environment; `--json` prints the raw JSON.
 */
const base = process.env.REPORT_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3978}`;
const token = process.env.AGENT_TOKEN;
if (!token) {
  console.error('AGENT_TOKEN is not set: the report is behind the agent token.');
  process.exit(2);
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

try {
  const res = await fetch(`${base}/api/agent/report`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    console.error(`${base}/api/agent/report answered ${res.status}: ${await res.text()}`);
    process.exit(1);
  }
  const r = (await res.json()) as import('../router/outcomes.js').OperatorReport;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
    process.exit(0);
  }
  const c = r.conversations;
  console.log(`Operator report — ${r.generatedAt}`);
  console.log(`conversations ${c.total}: resolved ${c.resolved}, handed off ${c.handedOff}, abandoned ${c.abandoned}, still open ${c.open}`);
  console.log(`containment (resolved by the bot / ended): ${pct(r.containment)}`);
  console.log('\nhand-offs by reason:');
  for (const h of r.handoffsByReason) console.log(`  ${h.reason.padEnd(18)} ${String(h.count).padStart(5)}  ${pct(h.rate)} of conversations`);
  console.log('\nworst-rated answers (👍 / 👎):');
  for (const w of r.worstRatedAnswers) console.log(`  ${w.faqId.padEnd(40)} ${w.helpful} / ${w.notHelpful}`);
  console.log('\nmost frequent unanswered questions:');
  for (const u of r.topUnanswered) console.log(`  ${String(u.count).padStart(4)}×  [${u.markets.join(',')}] ${u.text}`);
} catch (err) {
  console.error(`could not reach ${base}: ${(err as Error).message}`);
  process.exit(1);
}
