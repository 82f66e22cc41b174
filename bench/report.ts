/** The printed report: header, one table per section, targets with PASS/MISS. */
import { errorTotal } from './load/load-section.js';
import { basename } from 'node:path';
import type { BenchResults, LoadPoint, Target } from './types.js';

const f = (x: number | undefined, digits = 2) =>
  x === undefined || !Number.isFinite(x) ? '–' : x >= 1000 ? Math.round(x).toLocaleString('en') : x >= 100 ? x.toFixed(0) : x.toFixed(digits);
const ratio = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(2)}×`);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 && i < head.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const peak = (points: LoadPoint[], server: string, scenario: string, delivery = 'serviceUrl') =>
  points
    .filter((p) => p.server === server && p.scenario === scenario && p.delivery === delivery)
    .reduce<LoadPoint | undefined>((best, p) => (!best || p.turnsPerSecond > best.turnsPerSecond ? p : best), undefined);

export function evaluateTargets(r: BenchResults): Target[] {
  const pts = r.load.points;
  const echo = peak(pts, 'botbuilder-echo', 'echo');
  const faq = peak(pts, 'service/memory', 'faq');
  const dialogRedis = peak(pts, 'service/redis', 'dialog');
  const faq10 = pts.find((p) => p.server === 'service/memory' && p.scenario === 'faq' && p.delivery === 'serviceUrl' && p.concurrency === 10);
  // Per language: the slowest language sets the figure; each language's p99 is listed.
  const realPts = r.retrieval?.points.filter((p) => p.label.startsWith('real')) ?? [];
  const tenKPts = r.retrieval?.points.filter((p) => p.entries === 10_000) ?? [];
  const worst = (xs: typeof realPts) => (xs.length ? xs.reduce((a, b) => (b.latency.p99 > a.latency.p99 ? b : a)) : undefined);
  const real = worst(realPts);
  const tenK = worst(tenKPts);
  const perLang = (xs: typeof realPts) => xs.map((p) => `${p.lang ?? 'en'} ${f(p.latency.p99, 3)}`).join(', ');
  const mem10k = r.memory?.points.find((p) => p.conversations === 10_000);
  const t = (name: string, figure: string, goal: string, pass: boolean | undefined): Target => ({ name, figure, goal, pass });
  const vs = (a?: LoadPoint, b?: LoadPoint) => (a && b ? a.turnsPerSecond / b.turnsPerSecond : undefined);
  const faqRatio = vs(faq, echo);
  const dialogRatio = vs(dialogRedis, echo);
  // CPU per turn (best over the concurrency levels) is the steadier comparison on a shared machine.
  const cpu = (server: string, scenario: string) => {
    const xs = pts.filter((p) => p.server === server && p.scenario === scenario && p.delivery === 'serviceUrl' && p.turns > 0).map((p) => p.cpuMsPerTurn);
    return xs.length ? Math.min(...xs) : undefined;
  };
  const cpuRatio = (server: string, scenario: string) => {
    const a = cpu('botbuilder-echo', 'echo');
    const b = cpu(server, scenario);
    return a && b ? `; by CPU per turn ${ratio(a / b)} (${f(b, 2)} vs ${f(a, 2)} ms)` : '';
  };
  return [
    t('FAQ turn throughput vs botbuilder echo (peak, memory state)', faqRatio === undefined ? 'n/a' : `${ratio(faqRatio)} (${f(faq!.turnsPerSecond)} vs ${f(echo!.turnsPerSecond)} turns/s${cpuRatio('service/memory', 'faq')})`, '≥ 1.0×', faqRatio === undefined ? undefined : faqRatio >= 1),
    t('Dialog turn throughput with Redis vs botbuilder echo (peak)', dialogRatio === undefined ? 'n/a' : `${ratio(dialogRatio)} (${f(dialogRedis!.turnsPerSecond)} vs ${f(echo!.turnsPerSecond)} turns/s${cpuRatio('service/redis', 'dialog')})`, '≥ 0.7×', dialogRatio === undefined ? undefined : dialogRatio >= 0.7),
    t('FAQ turn p99 at 10 concurrent conversations', faq10 ? `${f(faq10.latency.p99)} ms` : 'n/a', '≤ 25 ms', faq10 ? faq10.latency.p99 <= 25 : undefined),
    t('Retrieval p99 per language, real knowledge base (worst)', real ? `${f(real.latency.p99, 3)} ms (${real.entries} entries; ${perLang(realPts)})` : 'n/a', '≤ 1 ms', real ? real.latency.p99 <= 1 : undefined),
    t('Retrieval p99 per language, 10k entries (worst)', tenK ? `${f(tenK.latency.p99)} ms (${perLang(tenKPts)})` : 'n/a', '≤ 10 ms', tenK ? tenK.latency.p99 <= 10 : undefined),
    t('Redis per idle conversation (used_memory delta)', r.redisBytes ? `${f(r.redisBytes.bytesPerConversation / 1024)} KB` : 'n/a', '≤ 3 KB', r.redisBytes ? r.redisBytes.bytesPerConversation <= 3 * 1024 : undefined),
    t('RSS with the five-language knowledge base and 10k conversations in memory', mem10k ? `${f(mem10k.rssMB)} MB` : 'n/a', '≤ 350 MB', mem10k ? mem10k.rssMB <= 350 : undefined),
  ];
}

export function formatReport(r: BenchResults): string {
  const m = r.meta;
  const out: string[] = [];
  out.push(`Benchmark ${m.mode}${m.profile ? ' (with --profile: CPU profiler on, figures not comparable)' : ''} — ${m.date}`);
  out.push(`machine: ${m.machine}, ${m.cores} cores, ${m.totalMemGB.toFixed(1)} GB; node ${m.node} (${m.platform}); git ${m.git ?? '?'}`);
  out.push(`load average at start ${m.loadavgStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadavgEnd.map((x) => x.toFixed(2)).join(' ')} (busy if above ${m.cores})`);
  if (m.knowledge) out.push(`knowledge: ${m.knowledge.entries} entries from ${m.knowledge.dir}${m.knowledge.fallback ? ` — FALLBACK, real one failed: ${m.knowledge.fallback}` : ''}`);
  if (m.faqQuestions) {
    const k = Object.entries(m.faqQuestions.firstReplyKinds).map(([kind, n]) => `${kind} ${n}`).join(', ');
    out.push(`FAQ load: ${m.faqQuestions.used} of ${m.faqQuestions.phrasings} phrasings (those answered with an FAQ entry when asked first; all: ${k})`);
  }
  for (const n of m.notes) out.push(`note: ${n}`);

  if (r.load.points.length) {
    out.push('', 'Turns under load (each conversation sequential; ratios against the baselines at the same delivery and concurrency)');
    out.push(
      table(
        ['server', 'scenario', 'delivery', 'conc', 'turns', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu ms/turn', 'rss MB', 'heap kept MB', '×restify', '×botbuilder', 'errors'],
        r.load.points.map((p) => [
          p.server,
          p.scenario,
          p.delivery,
          String(p.concurrency),
          String(p.turns),
          f(p.turnsPerSecond),
          f(p.latency.p50),
          f(p.latency.p95),
          f(p.latency.p99),
          f(p.cpuMsPerTurn, 3),
          f(p.serverRssMB, 0),
          f(p.serverHeapKeptMB, 0),
          ratio(p.vsRestify),
          ratio(p.vsBotbuilder),
          String(errorTotal(p.errors)),
        ]),
      ),
    );
    const dialogs = r.load.points.filter((p) => p.dialog);
    if (dialogs.length) {
      const sum = (k: 'bookingsCompleted' | 'stuckSteps' | 'leftDialog') => dialogs.reduce((a, p) => a + p.dialog![k], 0);
      out.push(`dialog turns: ${sum('bookingsCompleted')} bookings completed, ${sum('stuckSteps')} stuck steps cancelled, ${sum('leftDialog')} turns outside the dialog`);
    }
  }
  for (const s of r.load.skipped) out.push(`skipped: ${s}`);

  if (r.framework?.length) {
    out.push('', 'CloudAdapter alone, in-process echo turn (serviceUrl includes the loopback channel in the same process): stock vs connector/user-token clients reused');
    const stock = (d: string) => r.framework!.find((c) => c.variant === 'stock' && c.delivery === d);
    out.push(
      table(
        ['variant', 'delivery', '', 'turns', 'CPU µs/turn', 'wall µs/turn', 'CPU saved'],
        r.framework.map((c) => {
          const s = stock(c.delivery);
          const saved = c.variant !== 'stock' && s ? `${(s.cpuUsPerTurn - c.cpuUsPerTurn).toFixed(0)} µs (${(((s.cpuUsPerTurn - c.cpuUsPerTurn) / s.cpuUsPerTurn) * 100).toFixed(0)}%)` : '';
          return [c.variant, c.delivery, '', String(c.turns), f(c.cpuUsPerTurn, 1), f(c.wallUsPerTurn, 1), saved];
        }),
      ),
    );
  }

  if (r.retrieval) {
    out.push('', `Retrieval alone (Retriever.decide, one process, ${r.retrieval.queryCount} distinct queries: FAQ phrasings + eval set; cold spelling cache)`);
    out.push(
      table(
        ['knowledge', '', '', 'entries', 'build ms', 'index heap MB', 'queries', 'queries/s', 'p50 ms', 'p99 ms', 'max ms', 'warm p99 ms', 'answer/clarify/abstain'],
        r.retrieval.points.map((p) => [
          p.label,
          '',
          '',
          p.entries.toLocaleString('en'),
          f(p.buildMs, 1),
          f(p.indexHeapMB, 1),
          String(p.queries),
          f(p.queriesPerSecond),
          f(p.latency.p50, 3),
          f(p.latency.p99, 3),
          f(p.latency.max, 2),
          f(p.warmLatency?.p99, 3),
          `${p.decisions.answer ?? 0}/${p.decisions.clarify ?? 0}/${(p.decisions.abstain ?? 0) + (p.decisions.otherMarketOnly ?? 0)}`,
        ]),
      ),
    );
  }

  if (r.memory) {
    out.push('', `Idle conversations in memory state (created through the router in-process: joined + ${r.memory.turnsPerConversation - 1} question(s) each; after GC; baseline RSS ${f(r.memory.baseline.rssMB, 0)} MB, heap ${f(r.memory.baseline.heapUsedMB, 0)} MB)`);
    out.push(
      table(
        ['conversations', '', '', 'seconds', 'RSS MB', 'heap MB', 'RSS delta MB', 'heap delta MB', 'heap bytes/conv'],
        r.memory.points.map((p) => [p.conversations.toLocaleString('en'), '', '', f(p.seconds, 1), f(p.rssMB, 0), f(p.heapUsedMB, 0), f(p.rssDeltaMB, 0), f(p.heapDeltaMB, 0), f(p.heapBytesPerConversation, 0)]),
      ),
    );
  }
  if (r.redisBytes) {
    const b = r.redisBytes;
    out.push('', `Redis per idle conversation (joined + ${b.turnsPerConversation - 1} question(s)): used_memory delta over ${b.conversations} conversations = ${f(b.bytesPerConversation, 0)} bytes/conversation, ${f(b.keysPerConversation, 1)} keys/conversation`);
    const cmds = Object.entries(b.commandsPerTurn).sort((x, y) => y[1] - x[1]);
    out.push(`  Redis commands per turn: ${cmds.reduce((a, [, n]) => a + n, 0).toFixed(1)} (${cmds.map(([c, n]) => `${c} ${n.toFixed(2)}`).join(', ')})`);
    out.push(`  transcript of the sample: ${b.transcript.lines} lines, customer ${b.transcript.userBytes} bytes, bot ${b.transcript.botBytes} bytes (JSON)`);
    out.push(`  MEMORY USAGE of one conversation's keys after ${b.sampleTurns} turns (${b.sampleBytes} bytes): ${b.sampleKeys.map((k) => `${k.key.replace(/\{.*\}/, '{…}')} ${k.type} ${k.bytes}`).join('; ')}`);
  }

  if (r.profiles.length) {
    out.push('', 'CPU profiles of the measured phases, self time (node/GC includes socket writes and JSON for everyone; full summaries in the JSON; files open in Chrome DevTools)');
    for (const p of r.profiles) {
      const pc = (x: number) => `${(x * 100).toFixed(0)}%`;
      const g = p.groups;
      const top = p.byOwner.filter((o) => !['node', 'native', '(garbage collector)', '(program)'].includes(o.owner)).slice(0, 4);
      out.push(
        `  ${basename(p.file).replace('.cpuprofile', '').padEnd(44)} ${(p.totalMs / 1000).toFixed(1).padStart(4)} s CPU: ` +
          `Bot Framework SDK ${pc(g.botframework)}, restify ${pc(g.restify)}, ours ${pc(g.ours)}, node/GC ${pc(g.runtime)}; top: ${top.map((o) => `${o.owner} ${pc(o.share)}`).join(', ')}`,
      );
    }
  }

  out.push('', 'Targets');
  out.push(table(['', 'target', '', 'figure', 'goal'], r.targets.map((t) => [t.pass === undefined ? 'n/a ' : t.pass ? 'PASS' : 'MISS', t.name, '', t.figure, t.goal])));
  if (r.failures.length) {
    out.push('', `FAILURES (${r.failures.length}):`);
    for (const x of r.failures) out.push(`  - ${x}`);
  } else out.push('', 'No errors under load.');
  return out.join('\n');
}
