/**
 * `npm run bench` — one run, one machine: the two baselines (bare restify echo, plain botbuilder
 * echo bot), our service (FAQ and dialog turns, memory and Redis state, replies to a loopback
 * serviceUrl and with expectReplies), retrieval alone at growing sizes, memory per conversation.
 * Prints progress, then a table with targets; writes bench-results/latest.json.
 *
 *   --quick          smoke run (a few hundred turns, small sizes), < 1 minute
 *   --profile        V8 CPU profile of each server during each measured phase (what node --cpu-prof
 *                    records, without start-up) → bench-results/profiles/<point>.cpuprofile
 *   --only <regex>   load points whose label matches ("service/memory faq serviceUrl c=10")
 *   --sections <l>   comma list of load,framework,retrieval,memory,startup (default all)
 *   --out <file>     JSON path (default bench-results/latest.json, quick: bench-results/quick.json)
 *   --baseline <ref> also load the service as committed at <ref> (extracted with git archive under
 *                    bench-results/), as server "service/memory@<ref>", in the same rounds as this
 *                    tree's: a before/after comparison on the same machine at the same moments
 *
 * Exit code 1 only when the service fails under load (non-2xx, missing replies, apologies,
 * crashes); never because of speed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getThrowawayRedis, type ThrowawayRedis } from '../test/helpers/redis.js';
import { addRatios, runLoad, type LoadPlan } from './load/load-section.js';
import { summariseProfile } from './lib/profile.js';
import { forkTs } from './lib/proc.js';
import { measureStartup } from './startup/startup.js';
import { evaluateTargets, formatReport } from './report.js';
import type { AdapterCost } from './framework/adapter-cost.js';
import type { RetrievalPoint } from './retrieval/retrieval-main.js';
import type { BenchResults, MemoryPoint, RedisBytes } from './types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    sections: { type: 'string', default: 'load,framework,retrieval,memory,startup' },
    out: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const quick = args.quick!;
const sections = new Set(args.sections!.split(',').map((s) => s.trim()));
const outFile = resolve(args.out ?? join(ROOT, 'bench-results', quick ? 'quick.json' : 'latest.json'));
/** Logs of the child processes and profiles go next to the JSON. */
const resultsDir = dirname(outFile);
const profileDir = args.profile ? join(resultsDir, 'profiles') : undefined;

const PLAN: LoadPlan = quick
  ? {
      levels: [10, 50],
      durationMs: 1500,
      maxTurns: (c) => Math.max(30, c),
      warmupMs: 300,
      warmupTurns: (c) => c,
      requestTimeoutMs: 10_000,
      deliveries: { baseline: ['serviceUrl'], service: ['serviceUrl', 'expectReplies'] },
      experiments: false,
      rounds: 2,
    }
  : {
      levels: [1, 10, 50, 200],
      durationMs: 1800,
      maxTurns: () => 1_000_000,
      warmupMs: 300,
      warmupTurns: () => 1_000_000,
      requestTimeoutMs: 10_000,
      deliveries: { baseline: ['serviceUrl', 'expectReplies'], service: ['serviceUrl', 'expectReplies'] },
      experiments: true,
      // Six rounds of 0.3 s per point, the servers of one delivery and concurrency taking turns (load-section.ts).
      rounds: 6,
    };
if (args.only) PLAN.only = new RegExp(args.only);
if (args.baseline) PLAN.baseline = extractBaseline(args.baseline);

/** The tree at `ref` (its src, dialogs, knowledge and bench server), under bench-results/, resolving packages from ours. */
function extractBaseline(ref: string): { ref: string; dir: string } {
  const sha = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (!/^[0-9a-f]{4,40}$/.test(sha)) throw new Error(`--baseline ${ref}: not a commit`);
  const dir = join(ROOT, 'bench-results', `baseline-${sha}`);
  if (!existsSync(join(dir, 'bench/servers/server-main.ts'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive --format=tar ${sha} | tar -x -C "${dir}"`], { cwd: ROOT });
  }
  return { ref: sha, dir };
}
const RETRIEVAL = quick
  ? { sizes: [1000], langSizes: [1000], budgetMs: 300, minQueries: 30 }
  : { sizes: [1000, 10_000, 100_000], langSizes: [10_000], budgetMs: 2000, minQueries: 30 };
/** An idle conversation: the customer joined and asked one question (2 turns); the Redis key sample has 4. */
const MEMORY = quick
  ? { counts: [1000], turns: 2, sampleTurns: 4, redisConversations: 500 }
  : { counts: [10_000, 100_000], turns: 2, sampleTurns: 4, redisConversations: 2000 };
/** Start-up runs of npm start's scripts (the first may build: dist/ is stale after a change to the sources). */
const STARTUP_RUNS = quick ? 1 : 3;
/** Hard stop for the whole run: nothing keeps going if something hangs. */
const WATCHDOG_MS = quick ? 4 * 60_000 : 10 * 60_000;

const log = (line: string) => console.log(line);
const started = Date.now();

function git(): string | undefined {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dialogs', 'knowledge'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} + uncommitted changes in src/dialogs/knowledge` : sha;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error(`\nbench: still running after ${WATCHDOG_MS / 1000} s — stopping (children are killed on exit)`);
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();
  mkdirSync(resultsDir, { recursive: true });
  rmSync(join(resultsDir, 'logs'), { recursive: true, force: true });
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }

  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      machine: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      totalMemGB: totalmem() / 1024 ** 3,
      loadavgStart: loadavg(),
      loadavgEnd: [],
      mode: quick ? 'quick' : 'full',
      profile: !!profileDir,
      git: git(),
      durationS: 0,
      notes: [],
    },
    load: { points: [], skipped: [] },
    profiles: [],
    targets: [],
    failures: [],
  };
  const m = results.meta;
  log(`bench ${m.mode}: ${m.machine}, ${m.cores} cores, node ${m.node}, load average ${m.loadavgStart.map((x) => x.toFixed(2)).join(' ')}`);

  let redis: Promise<ThrowawayRedis | undefined> | undefined;
  const getRedis = () =>
    (redis ??= getThrowawayRedis().then((r) => {
      if (r) log(`  (throw-away redis-server on port ${r.port})`);
      else m.notes.push('redis-server not installed: Redis points skipped');
      return r;
    }));

  try {
    if (sections.has('load')) {
      log('\n1–2. Baselines and service under load');
      const load = await runLoad(PLAN, {
        resultsDir,
        profileDir,
        redis: getRedis,
        log,
        onClientInfo: (info) => (m.faqQuestions = { used: info.questions, phrasings: info.phrasings, firstReplyKinds: info.questionKinds }),
        onServerInfo: (name, info) => {
          if (info.entries !== undefined && !m.knowledge) {
            m.knowledge = { dir: String(info.knowledgeDir), entries: Number(info.entries), fallback: info.knowledgeFallback as string | undefined };
          }
        },
      });
      addRatios(load.points);
      results.load = { points: load.points, skipped: load.skipped };
      results.failures.push(...load.failures);
    }

    if (sections.has('framework')) {
      log('\n2b. The adapter alone (in-process CloudAdapter.process, echo turn): stock vs clients reused across turns');
      const child = forkTs(join(ROOT, 'bench/framework/adapter-cost.ts'), { name: 'adapter-cost', logFile: join(resultsDir, 'logs', 'adapter-cost.log') });
      try {
        await child.waitFor('ready', 60_000);
        const { results: costs } = await child.request<{ results: AdapterCost[] }>({ type: 'run', turns: quick ? 300 : 3000 }, 120_000);
        results.framework = costs;
        for (const c of costs) log(`  ${c.variant.padEnd(6)} ${c.delivery.padEnd(13)} ${c.cpuUsPerTurn.toFixed(0).padStart(5)} µs CPU/turn  ${c.wallUsPerTurn.toFixed(0).padStart(5)} µs wall/turn`);
      } catch (err) {
        results.failures.push(`framework: ${(err as Error).message}`);
      } finally {
        await child.stop();
      }
    }

    if (sections.has('retrieval')) {
      log('\n3. Retrieval alone');
      const child = forkTs(join(ROOT, 'bench/retrieval/retrieval-main.ts'), { name: 'retrieval', nodeFlags: ['--expose-gc'], logFile: join(resultsDir, 'logs', 'retrieval.log') });
      try {
        await child.waitFor('ready', 60_000);
        child.process.on('message', (msg: { type?: string; point?: RetrievalPoint }) => {
          if (msg.type !== 'progress' || !msg.point) return;
          const p = msg.point;
          log(`  ${p.label.padEnd(15)} ${String(p.entries).padStart(7)} entries  build ${p.buildMs.toFixed(0)} ms  heap +${p.indexHeapMB.toFixed(1)} MB  ${Math.round(p.queriesPerSecond)} q/s  p99 ${p.latency.p99.toFixed(3)} ms`);
        });
        const r = await child.request<{ points: RetrievalPoint[]; queryCount: number; knowledgeDir: string; realEntries: number; knowledgeFallback?: string }>({ type: 'run', ...RETRIEVAL }, 240_000);
        results.retrieval = { points: r.points, queryCount: r.queryCount };
        m.knowledge ??= { dir: r.knowledgeDir, entries: r.realEntries, fallback: r.knowledgeFallback };
      } catch (err) {
        results.failures.push(`retrieval: ${(err as Error).message}`);
      } finally {
        await child.stop();
      }
    }

    if (sections.has('memory')) {
      log('\n4. Memory per conversation');
      // The questions answered with an FAQ entry are found by asking them through a whole app of
      // their own (bench/load/questions.ts): in a process of its own, so that the measured process
      // holds one app only, as the service does.
      const probe = forkTs(join(ROOT, 'bench/memory/memory-main.ts'), { name: 'memory-questions', logFile: join(resultsDir, 'logs', 'memory.log') });
      let questions: unknown[] | undefined;
      try {
        await probe.waitFor('ready', 60_000);
        questions = (await probe.request<{ questions: unknown[] }>({ type: 'questions' }, 120_000)).questions;
      } catch (err) {
        results.failures.push(`memory (questions): ${(err as Error).message}`);
      } finally {
        await probe.stop();
      }
      const child = forkTs(join(ROOT, 'bench/memory/memory-main.ts'), { name: 'memory', nodeFlags: ['--expose-gc'], logFile: join(resultsDir, 'logs', 'memory.log') });
      try {
        await child.waitFor('ready', 60_000);
        child.process.on('message', (msg: { type?: string; point?: MemoryPoint }) => {
          if (msg.type !== 'progress' || !msg.point) return;
          const p = msg.point;
          log(`  ${String(p.conversations).padStart(7)} conversations in memory: RSS ${p.rssMB.toFixed(0)} MB, heap ${p.heapUsedMB.toFixed(0)} MB (${p.heapBytesPerConversation.toFixed(0)} bytes/conversation) after ${p.seconds.toFixed(1)} s`);
        });
        results.memory = await child.request({ type: 'memory', counts: MEMORY.counts, turns: MEMORY.turns, questions }, 300_000);
        const r = await getRedis();
        if (r) {
          const b = await child.request<RedisBytes>({ type: 'redis', redisUrl: r.url, conversations: MEMORY.redisConversations, turns: MEMORY.turns, sampleTurns: MEMORY.sampleTurns, questions }, 120_000);
          results.redisBytes = b;
          log(`  redis: ${b.bytesPerConversation.toFixed(0)} bytes/conversation (used_memory delta over ${b.conversations}), ${b.keysPerConversation.toFixed(1)} keys/conversation`);
        }
      } catch (err) {
        results.failures.push(`memory: ${(err as Error).message}`);
      } finally {
        await child.stop();
      }
    }
    if (sections.has('startup')) {
      log(`\n5. Start-up to listening (npm start's prestart + start, memory state, ${STARTUP_RUNS} run${STARTUP_RUNS > 1 ? 's' : ''})`);
      try {
        const st = await measureStartup(ROOT, STARTUP_RUNS);
        results.startup = st;
        for (const x of st.runs) log(`  ${(x.ms / 1000).toFixed(2)} s to the first 200 from /healthz (CPU ${x.cpuMs === undefined ? '?' : (x.cpuMs / 1000).toFixed(2)} s, RSS ${x.rssMB?.toFixed(0) ?? '?'} MB)`);
      } catch (err) {
        results.failures.push(`startup: ${(err as Error).message}`);
      }
    }
  } finally {
    await (await redis)?.stop();
  }

  if (profileDir && existsSync(profileDir)) {
    for (const f of readdirSync(profileDir).filter((x) => x.endsWith('.cpuprofile')).sort()) results.profiles.push(summariseProfile(join(profileDir, f), 25));
  }
  m.loadavgEnd = loadavg();
  m.durationS = (Date.now() - started) / 1000;
  results.targets = evaluateTargets(results);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n${formatReport(results)}\n\n${m.durationS.toFixed(0)} s; results in ${outFile}`);
  return results.failures.length ? 1 : 0;
}

let finished = false;
// Say why the run ended early, whatever ended it (children are killed on exit by lib/proc.ts).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\nbench: stopped by ${signal} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(130);
  });
}
process.on('beforeExit', () => {
  if (!finished) {
    console.error('\nbench: nothing left to wait for, but the run did not finish (an answer from a child never came)');
    process.exit(4);
  }
});

main().then(
  (code) => {
    finished = true;
    process.exit(code);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
