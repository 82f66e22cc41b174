/**
 * Section 1 and 2: the two baselines and our service under load. Each server runs in its own
 * process, the load generator in another; points run one after the other, each with a discarded
 * warm-up. Server CPU is sampled around the measured phase (CPU per turn is the figure least
 * disturbed by other work on a shared machine).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisCommand, type ThrowawayRedis } from '../../test/helpers/redis.js';
import { forkTs, type BenchChild } from '../lib/proc.js';
import type { LoadPoint, ServerName } from '../types.js';
import { summarise } from '../lib/stats.js';
import type { Delivery, ErrorCounts, PointResult, RunCommand } from './client-main.js';
import type { DriverStats, ScenarioName } from './scenarios.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SERVER_MAIN = here('../servers/server-main.ts');
const CLIENT_MAIN = here('./client-main.ts');

export interface LoadPlan {
  levels: number[];
  durationMs: number;
  maxTurns: (concurrency: number) => number;
  warmupMs: number;
  warmupTurns: (concurrency: number) => number;
  requestTimeoutMs: number;
  /** Deliveries per server kind. */
  deliveries: { baseline: Delivery[]; service: Delivery[] };
  /** Include the experiment servers (what a recommended change would give). */
  experiments: boolean;
  /** Another version of the service (a tree extracted from git, see run.ts --baseline), measured in the same rounds as this one. */
  baseline?: { ref: string; dir: string };
  /**
   * Measured rounds per point: the points of one delivery and concurrency take turns, durationMs /
   * rounds each, so that the machine's other work falls on all of them alike (default 1).
   */
  rounds?: number;
  only?: RegExp;
}

export interface ClientInfo {
  /** FAQ phrasings the load asks (answered with an FAQ entry), of `phrasings` in knowledge/faq. */
  questions: number;
  phrasings: number;
  /** What the service answers to each phrasing asked first: faq, dialog, clarify, handoff… */
  questionKinds: Record<string, number>;
}

export interface LoadContext {
  resultsDir: string;
  profileDir?: string;
  /** Started on first use (only when a Redis point is selected); undefined without redis-server. */
  redis: () => Promise<ThrowawayRedis | undefined>;
  log: (line: string) => void;
  onServerInfo: (name: ServerName, info: Record<string, unknown>) => void;
  onClientInfo: (info: ClientInfo) => void;
}

interface ServerSpec {
  name: ServerName;
  kind: 'restify-echo' | 'botbuilder-echo' | 'service';
  scenarios: ScenarioName[];
  redis?: boolean;
  /** Experiment (what a recommended change would give): run only when the plan includes experiments. */
  experiment?: boolean;
  /** Concurrency levels of the plan this server runs (default: all). */
  levels?: number[];
  /** The server process's entry point (default: this tree's bench/servers/server-main.ts). */
  script?: string;
}

const SERVERS: ServerSpec[] = [
  { name: 'restify-echo', kind: 'restify-echo', scenarios: ['echo'] },
  { name: 'botbuilder-echo', kind: 'botbuilder-echo', scenarios: ['echo'] },
  { name: 'service/memory', kind: 'service', scenarios: ['faq', 'dialog'] },
  { name: 'service/redis', kind: 'service', scenarios: ['faq', 'dialog'], redis: true },
];

type Usage = { cpu: { user: number; system: number }; memory: { rss: number; heapUsed: number } };

export const pointLabel = (server: string, scenario: string, delivery: string, c: number) => `${server} ${scenario} ${delivery} c=${c}`;

const addErrors = (a: ErrorCounts, b: ErrorCounts) => {
  for (const k of Object.keys(a) as Array<keyof ErrorCounts>) a[k] += b[k];
};
export const errorTotal = (e: ErrorCounts) => e.status + e.transport + e.timeout + e.missingReply + e.apology + e.rateLimited;

export async function runLoad(plan: LoadPlan, ctx: LoadContext): Promise<{ points: LoadPoint[]; skipped: string[]; failures: string[] }> {
  const points: LoadPoint[] = [];
  const skipped: string[] = [];
  const failures: string[] = [];
  const client = forkTs(CLIENT_MAIN, { name: 'load-client', logFile: join(ctx.resultsDir, 'logs', 'load-client.log') });
  ctx.onClientInfo(await client.waitFor<ClientInfo>('ready', 90_000));

  const servers = plan.baseline
    ? [
        ...SERVERS.slice(0, 3),
        { name: `service/memory@${plan.baseline.ref}` as ServerName, kind: 'service' as const, scenarios: ['faq', 'dialog'] as ScenarioName[], script: join(plan.baseline.dir, 'bench/servers/server-main.ts') },
        ...SERVERS.slice(3),
      ]
    : SERVERS;
  const todo: Planned[] = servers.filter((s) => plan.experiments || !s.experiment).flatMap((s) =>
    s.scenarios.flatMap((scenario) =>
      (s.kind === 'service' ? plan.deliveries.service : plan.deliveries.baseline).flatMap((delivery) =>
        plan.levels
          .filter((c) => !s.levels || s.levels.includes(c))
          .map((c) => ({ s, scenario, delivery, c, label: pointLabel(s.name, scenario, delivery, c) })),
      ),
    ),
  ).filter((p) => !plan.only || plan.only.test(p.label));
  const total = todo.length;
  let n = 0;
  const running = new Map<ServerSpec, Running>();

  try {
    // Every server under test is started first and stays up for the whole section: the points of one
    // delivery and concurrency are then measured in alternating rounds (see runSlot), so a change in
    // the machine's load hits the baselines and the service alike.
    for (const spec of servers) {
      const mine = todo.filter((p) => p.s === spec);
      if (mine.length === 0) continue;
      const redis = spec.redis ? await ctx.redis() : undefined;
      if (spec.redis && !redis) {
        skipped.push(`${spec.name}: no redis-server on this machine`);
        n += mine.length;
        continue;
      }
      if (redis) await redisCommand(redis.url, ['FLUSHALL']);
      const safe = spec.name.replace(/[^A-Za-z0-9._-]/g, '-');
      const child = forkTs(spec.script ?? SERVER_MAIN, {
        name: spec.name,
        args: [spec.kind],
        env: { BENCH_REDIS_URL: redis?.url ?? '' },
        nodeFlags: ['--expose-gc'],
        logFile: join(ctx.resultsDir, 'logs', `server-${safe}.log`),
      });
      try {
        const ready = await child.waitFor<{ url: string; info: Record<string, unknown> }>('ready', 90_000);
        ctx.onServerInfo(spec.name, ready.info);
        running.set(spec, { child, url: ready.url, safe });
      } catch (err) {
        failures.push(`${spec.name}: ${(err as Error).message}`);
        ctx.log(`  !! ${spec.name}: ${(err as Error).message}`);
        n += mine.length;
        await child.stop(10_000);
      }
    }

    const slots: Array<{ delivery: Delivery; c: number }> = [];
    for (const p of todo) if (!slots.some((x) => x.delivery === p.delivery && x.c === p.c)) slots.push({ delivery: p.delivery, c: p.c });
    for (const slot of slots) {
      const mine = todo.filter((p) => p.delivery === slot.delivery && p.c === slot.c && running.has(p.s));
      const done = await runSlot(client, running, mine, plan, ctx, (spec, err) => {
        failures.push(`${spec.name}: ${err.message}`);
        ctx.log(`  !! ${spec.name}: ${err.message}`);
        running.delete(spec);
      });
      for (const point of done) {
        n += 1;
        points.push(point);
        const errs = errorTotal(point.errors);
        if (errs > 0) failures.push(`${pointLabel(point.server, point.scenario, point.delivery, point.concurrency)}: ${errs} errors (${point.errorSamples.join(' | ')})`);
        ctx.log(progressLine(n, total, point));
      }
    }
  } finally {
    await Promise.all([...running.values()].map((s) => s.child.stop(10_000)));
    await client.stop();
  }
  return { points, skipped, failures };
}

interface Planned {
  s: ServerSpec;
  scenario: ScenarioName;
  delivery: Delivery;
  c: number;
  label: string;
}

interface Running {
  child: BenchChild;
  url: string;
  safe: string;
}

/** What the rounds of one point add up to. */
interface Tally {
  p: Planned;
  turns: number;
  elapsedMs: number;
  cpuMs: number;
  latencies: number[];
  errors: ErrorCounts;
  samples: string[];
  kinds: Record<string, number>;
  dialog?: DriverStats;
  /** Throughput of each measured round. */
  rounds: number[];
  rssMB: number;
}

/**
 * The points of one delivery and concurrency (the baselines' and the service's), measured in
 * `plan.rounds` short rounds of durationMs / rounds each, one point after the other within a round,
 * the order reversed every other round; a warm-up round (not recorded) first. Each point's figures
 * add up its rounds; its ratio to a baseline is the median of the ratios of the same rounds, so a
 * burst of other work on the machine lands in one or two rounds of both servers, not in all of one
 * server's figure. The load generator continues each point's conversations and questions from round
 * to round (a round does not ask again what the previous one asked).
 */
async function runSlot(
  client: BenchChild,
  servers: Map<ServerSpec, Running>,
  mine: Planned[],
  plan: LoadPlan,
  ctx: LoadContext,
  onCrash: (spec: ServerSpec, err: Error) => void,
): Promise<LoadPoint[]> {
  const rounds = Math.max(1, plan.rounds ?? 1);
  const roundMs = plan.durationMs / rounds;
  const tallies: Tally[] = mine.map((p) => ({
    p,
    turns: 0,
    elapsedMs: 0,
    cpuMs: 0,
    latencies: [],
    errors: { status: 0, transport: 0, timeout: 0, missingReply: 0, apology: 0, rateLimited: 0 },
    samples: [],
    kinds: {},
    dialog: p.scenario === 'dialog' ? { bookingsCompleted: 0, stuckSteps: 0, leftDialog: 0 } : undefined,
    rounds: [],
    rssMB: 0,
  }));
  const alive = (t: Tally) => servers.has(t.p.s);
  const budget = (ms: number) => ms + plan.requestTimeoutMs + 30_000;

  const phase = async (t: Tally, record: boolean) => {
    const server = servers.get(t.p.s)!;
    const cmd: RunCommand & { record: boolean; raw: boolean; keep: boolean } = {
      label: t.p.label,
      target: server.url,
      scenario: t.p.scenario,
      delivery: t.p.delivery,
      concurrency: t.p.c,
      requestTimeoutMs: plan.requestTimeoutMs,
      durationMs: record ? roundMs : plan.warmupMs,
      maxTurns: record ? plan.maxTurns(t.p.c) : plan.warmupTurns(t.p.c),
      record,
      raw: true,
      keep: true,
    };
    const before = record ? await server.child.request<Usage>({ type: 'usage' }, 10_000) : undefined;
    const { point } = await client.request<{ point: PointResult & { raw?: number[] } }>({ type: 'run', ...cmd }, budget(cmd.durationMs));
    if (before) {
      const after = await server.child.request<Usage>({ type: 'usage' }, 10_000);
      t.cpuMs += (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
      t.rssMB = after.memory.rss / 1024 / 1024;
      t.turns += point.turns;
      t.elapsedMs += point.elapsedMs;
      t.rounds.push(point.turnsPerSecond);
      for (const ms of point.raw ?? []) t.latencies.push(ms);
    }
    addErrors(t.errors, point.errors);
    t.samples.push(...point.errorSamples.slice(0, Math.max(0, 5 - t.samples.length)));
    for (const [k, v] of Object.entries(point.replyKinds)) t.kinds[k] = (t.kinds[k] ?? 0) + v;
    if (t.dialog && point.dialog) for (const k of Object.keys(t.dialog) as Array<keyof DriverStats>) t.dialog[k] += point.dialog[k];
    if (server.child.exited()) throw new Error(`${t.p.s.name} crashed (${JSON.stringify(server.child.exited())})`);
  };

  try {
    for (let round = 0; round <= rounds; round++) {
      const order = round % 2 === 1 ? [...tallies].reverse() : tallies;
      for (const t of order) {
        if (!alive(t)) continue;
        const server = servers.get(t.p.s)!;
        const profile = ctx.profileDir ? join(ctx.profileDir, `${server.safe}-${t.p.scenario}-${t.p.delivery}-c${t.p.c}.cpuprofile`) : undefined;
        try {
          // The profile of a point covers its measured rounds; the rounds of the other servers in between are idle time to it.
          if (profile && round === 1) await server.child.request({ type: 'profileStart' }, 10_000);
          await phase(t, round > 0);
          if (profile && round === rounds) await server.child.request({ type: 'profileStop', file: profile }, 30_000);
        } catch (err) {
          onCrash(t.p.s, err as Error);
        }
      }
    }
  } finally {
    await client.request({ type: 'release' }, 10_000).catch(() => undefined);
  }

  const out: LoadPoint[] = [];
  for (const t of tallies) {
    if (t.rounds.length === 0) continue;
    const server = servers.get(t.p.s);
    const kept = server ? await server.child.request<Usage>({ type: 'usage', gc: true }, 30_000).catch(() => undefined) : undefined;
    out.push({
      server: t.p.s.name,
      scenario: t.p.scenario,
      delivery: t.p.delivery,
      concurrency: t.p.c,
      turns: t.turns,
      elapsedMs: t.elapsedMs,
      turnsPerSecond: t.elapsedMs ? (t.turns / t.elapsedMs) * 1000 : 0,
      latency: summarise(t.latencies),
      cpuMsPerTurn: t.turns ? t.cpuMs / t.turns : 0,
      serverRssMB: t.rssMB,
      serverHeapKeptMB: kept ? kept.memory.heapUsed / 1024 / 1024 : 0,
      errors: t.errors,
      errorSamples: t.samples,
      replyKinds: t.kinds,
      dialog: t.dialog,
      roundsTurnsPerSecond: t.rounds,
    });
  }
  return out;
}

function progressLine(n: number, total: number, p: LoadPoint): string {
  const errs = errorTotal(p.errors);
  const f = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  return (
    `  [${String(n).padStart(2)}/${total}] ${p.server.padEnd(15)} ${p.scenario.padEnd(6)} ${p.delivery.padEnd(13)} c=${String(p.concurrency).padEnd(3)} ` +
    `${Math.round(p.turnsPerSecond).toString().padStart(5)} turns/s  p50 ${f(p.latency.p50)}  p99 ${f(p.latency.p99)} ms  ` +
    `cpu ${p.cpuMsPerTurn.toFixed(2)} ms/turn  ${errs ? `${errs} ERRORS` : 'ok'}`
  );
}

/** The median of a non-empty list. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Ratios against the baselines of the same run (same delivery, same concurrency): the median of the
 * ratios of the rounds measured side by side (each round of the service against the baseline's
 * round next to it), or, for points measured in one piece, the ratio of their throughputs.
 */
export function addRatios(points: LoadPoint[]): void {
  const find = (server: ServerName, p: LoadPoint) =>
    points.find((q) => q.server === server && q.delivery === p.delivery && q.concurrency === p.concurrency);
  const ratio = (p: LoadPoint, base: LoadPoint | undefined) => {
    if (!base?.turnsPerSecond) return undefined;
    const a = p.roundsTurnsPerSecond;
    const b = base.roundsTurnsPerSecond;
    if (a && b && a.length === b.length && a.length > 1 && b.every((x) => x > 0)) return median(a.map((x, i) => x / b[i]!));
    return p.turnsPerSecond / base.turnsPerSecond;
  };
  for (const p of points) {
    p.vsRestify = ratio(p, find('restify-echo', p));
    p.vsBotbuilder = ratio(p, find('botbuilder-echo', p));
  }
}
