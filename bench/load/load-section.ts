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
import type { Delivery, ErrorCounts, PointResult, RunCommand } from './client-main.js';
import type { ScenarioName } from './scenarios.js';

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

  const todo = SERVERS.filter((s) => plan.experiments || !s.experiment).flatMap((s) =>
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

  try {
    for (const spec of SERVERS) {
      const mine = todo.filter((p) => p.s === spec);
      if (mine.length === 0) continue;
      const redis = spec.redis ? await ctx.redis() : undefined;
      if (spec.redis && !redis) {
        skipped.push(`${spec.name}: no redis-server on this machine`);
        n += mine.length;
        continue;
      }
      if (redis) await redisCommand(redis.url, ['FLUSHALL']);
      const safe = spec.name.replace('/', '-').replace('+', '-');
      const server = forkTs(SERVER_MAIN, {
        name: spec.name,
        args: [spec.kind],
        env: { BENCH_REDIS_URL: redis?.url ?? '' },
        nodeFlags: ['--expose-gc'],
        logFile: join(ctx.resultsDir, 'logs', `server-${safe}.log`),
      });
      try {
        const ready = await server.waitFor<{ url: string; info: Record<string, unknown> }>('ready', 90_000);
        ctx.onServerInfo(spec.name, ready.info);
        for (const p of mine) {
          n += 1;
          const profile = ctx.profileDir ? join(ctx.profileDir, `${safe}-${p.scenario}-${p.delivery}-c${p.c}.cpuprofile`) : undefined;
          const point = await runPoint(client, server, ready.url, spec.name, p.scenario, p.delivery, p.c, plan, profile);
          points.push(point);
          const errs = errorTotal(point.errors);
          if (errs > 0) failures.push(`${p.label}: ${errs} errors (${point.errorSamples.join(' | ')})`);
          ctx.log(progressLine(n, total, point));
          if (server.exited()) throw new Error(`${spec.name} crashed (${JSON.stringify(server.exited())})`);
        }
      } catch (err) {
        failures.push(`${spec.name}: ${(err as Error).message}`);
        ctx.log(`  !! ${spec.name}: ${(err as Error).message}`);
      } finally {
        await server.stop(10_000);
      }
    }
  } finally {
    await client.stop();
  }
  return { points, skipped, failures };
}

async function runPoint(
  client: BenchChild,
  server: BenchChild,
  target: string,
  name: ServerName,
  scenario: ScenarioName,
  delivery: Delivery,
  concurrency: number,
  plan: LoadPlan,
  profileFile?: string,
): Promise<LoadPoint> {
  const label = pointLabel(name, scenario, delivery, concurrency);
  const base: Omit<RunCommand, 'durationMs' | 'maxTurns'> = { label, target, scenario, delivery, concurrency, requestTimeoutMs: plan.requestTimeoutMs };
  const budget = (ms: number) => ms + plan.requestTimeoutMs + 30_000;
  const warm = await client.request<{ point: PointResult }>(
    { type: 'run', ...base, durationMs: plan.warmupMs, maxTurns: plan.warmupTurns(concurrency), record: false },
    budget(plan.warmupMs),
  );
  if (profileFile) await server.request({ type: 'profileStart' }, 10_000);
  const before = await server.request<Usage>({ type: 'usage' }, 10_000);
  const { point } = await client.request<{ point: PointResult }>(
    { type: 'run', ...base, durationMs: plan.durationMs, maxTurns: plan.maxTurns(concurrency), record: true },
    budget(plan.durationMs),
  );
  const after = await server.request<Usage>({ type: 'usage' }, 10_000);
  if (profileFile) await server.request({ type: 'profileStop', file: profileFile }, 30_000);
  const kept = await server.request<Usage>({ type: 'usage', gc: true }, 30_000);
  addErrors(point.errors, warm.point.errors);
  point.errorSamples.push(...warm.point.errorSamples.slice(0, Math.max(0, 5 - point.errorSamples.length)));
  const cpuMs = (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
  return {
    server: name,
    scenario,
    delivery,
    concurrency,
    turns: point.turns,
    elapsedMs: point.elapsedMs,
    turnsPerSecond: point.turnsPerSecond,
    latency: point.latency,
    cpuMsPerTurn: point.turns ? cpuMs / point.turns : 0,
    serverRssMB: after.memory.rss / 1024 / 1024,
    serverHeapKeptMB: kept.memory.heapUsed / 1024 / 1024,
    errors: point.errors,
    errorSamples: point.errorSamples,
    replyKinds: point.replyKinds,
    dialog: point.dialog,
  };
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

/** Ratios against the baselines of the same run (same delivery, same concurrency). */
export function addRatios(points: LoadPoint[]): void {
  const find = (server: ServerName, p: LoadPoint) =>
    points.find((q) => q.server === server && q.delivery === p.delivery && q.concurrency === p.concurrency);
  for (const p of points) {
    const r = find('restify-echo', p);
    const b = find('botbuilder-echo', p);
    if (r?.turnsPerSecond) p.vsRestify = p.turnsPerSecond / r.turnsPerSecond;
    if (b?.turnsPerSecond) p.vsBotbuilder = p.turnsPerSecond / b.turnsPerSecond;
  }
}
