/**
 * The load generator, in its own process: N conversations in parallel, each one sequential (a
 * customer waits for the answer before typing again), keep-alive connections, for a bounded time
 * and number of turns. Hosts the loopback serviceUrl (capture.ts) the servers reply to.
 * Commands over IPC: "run" (one phase; record: false for a warm-up) → a PointResult.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { serveCommands } from '../lib/proc.js';
import { summarise, type LatencySummary } from '../lib/stats.js';
import { startCapture, type ReplyActivity } from './capture.js';
import { answerableQuestions } from './questions.js';
import { APOLOGY, RATE_LIMITED, dialogDriverFactory, faqDriverFactory, loadQuestions, type Driver, type DriverStats, type ScenarioName } from './scenarios.js';

export type Delivery = 'serviceUrl' | 'expectReplies';

export interface RunCommand {
  label: string;
  target: string;
  scenario: ScenarioName;
  delivery: Delivery;
  concurrency: number;
  /** The phase stops at whichever comes first. */
  durationMs: number;
  maxTurns: number;
  requestTimeoutMs: number;
  /** Return every recorded latency (raw) as well as their summary. */
  raw?: boolean;
  /**
   * Keep this label's keep-alive connections and its customers' numbering for its next phase (the
   * rounds of one point): the next round starts new conversations where this one stopped, instead of
   * asking the same first questions again. "release" ends them.
   */
  keep?: boolean;
}

export interface ErrorCounts {
  status: number;
  transport: number;
  timeout: number;
  missingReply: number;
  apology: number;
  rateLimited: number;
}

export interface PointResult {
  label: string;
  turns: number;
  elapsedMs: number;
  turnsPerSecond: number;
  latency: LatencySummary;
  errors: ErrorCounts;
  errorSamples: string[];
  replyKinds: Record<string, number>;
  dialog?: DriverStats;
  raw?: number[];
}

const phrasings = loadQuestions();
const { questions, kinds: questionKinds } = await answerableQuestions(phrasings);
const capture = await startCapture();
let runSeq = 0;
/** Per label (keep: true): its agent and how many customers each concurrency slot has had. */
const kept = new Map<string, { agent: Agent; customers: number[] }>();

interface Posted {
  status: number;
  body: string;
}

function post(agent: Agent, url: string, payload: string, timeoutMs: number): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(payload);
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'BENCH_TIMEOUT' })));
    req.on('error', reject);
    req.end(data);
  });
}

async function phase(cmd: RunCommand, durationMs: number, maxTurns: number, record: boolean): Promise<PointResult> {
  const run = ++runSeq;
  const held = cmd.keep ? kept.get(cmd.label) : undefined;
  // timeout: an idle kept socket is closed by the client a second before the server's announced keep-alive
  // timeout (node's agent applies the "Keep-Alive: timeout=5" hint only when the agent has a timeout of its own),
  // so a round that comes back to a server after a busy few seconds never writes to a socket the server is closing.
  const agent = held?.agent ?? new Agent({ keepAlive: true, maxSockets: cmd.concurrency, keepAliveMsecs: 10_000, timeout: 60_000 });
  const customers = held?.customers ?? Array.from({ length: cmd.concurrency }, () => 0);
  if (cmd.keep && !held) kept.set(cmd.label, { agent, customers });
  const url = `${cmd.target}/api/messages`;
  const latencies: number[] = [];
  const errors: ErrorCounts = { status: 0, transport: 0, timeout: 0, missingReply: 0, apology: 0, rateLimited: 0 };
  const samples: string[] = [];
  const kinds: Record<string, number> = {};
  const dialogStats: DriverStats = { bookingsCompleted: 0, stuckSteps: 0, leftDialog: 0 };
  const makeDriver: (i: number) => Driver =
    cmd.scenario === 'dialog' ? dialogDriverFactory(dialogStats) : faqDriverFactory(questions);
  const fail = (kind: keyof ErrorCounts, detail: string) => {
    errors[kind] += 1;
    if (samples.length < 5) samples.push(`${kind}: ${detail.slice(0, 200)}`);
  };

  let issued = 0;
  const started = performance.now();
  const deadline = started + durationMs;

  /** One slot of concurrency: customer after customer, each one sequential. */
  const slot = async (index: number) => {
    let customer = customers[index]!;
    let convId = '';
    let userId = '';
    let driver: Driver | undefined;
    let replies: ReplyActivity[] | undefined;
    let seq = 0;
    while (issued < maxTurns && performance.now() < deadline) {
      let text = driver?.next(replies);
      if (!driver || text === undefined) {
        customer += 1;
        customers[index] = customer;
        convId = `bench-${process.pid}-${run}-${index}-${customer}`;
        userId = `user-${index}-${customer}`;
        driver = makeDriver(index + customer * cmd.concurrency);
        replies = undefined;
        seq = 0;
        text = driver.next(undefined)!;
      }
      issued += 1;
      const activity = {
        type: 'message',
        id: `${convId}-a${++seq}`,
        channelId: 'emulator',
        serviceUrl: capture.url,
        from: { id: userId, name: 'Customer', role: 'user' },
        recipient: { id: 'bot', name: 'Support bot', role: 'bot' },
        conversation: { id: convId },
        locale: driver.locale,
        text,
        ...(cmd.delivery === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}),
      };
      const t0 = performance.now();
      let res: Posted;
      try {
        res = await post(agent, url, JSON.stringify(activity), cmd.requestTimeoutMs);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        fail(e.code === 'BENCH_TIMEOUT' ? 'timeout' : 'transport', `${e.code ?? ''} ${e.message}`);
        capture.take(convId);
        replies = undefined;
        continue;
      }
      const ms = performance.now() - t0;
      if (res.status < 200 || res.status >= 300) {
        fail('status', `${res.status} ${res.body}`);
        capture.take(convId);
        replies = undefined;
        continue;
      }
      if (cmd.delivery === 'expectReplies') {
        try {
          replies = ((JSON.parse(res.body) as { activities?: ReplyActivity[] }).activities ?? []).filter((a) => a.type === 'message');
        } catch {
          replies = [];
        }
      } else {
        replies = capture.take(convId);
      }
      if (replies.length === 0) {
        fail('missingReply', `"${text}" got no reply (${cmd.delivery})`);
        continue;
      }
      const apology = replies.find((r) => APOLOGY.test(r.text ?? ''));
      if (apology) {
        fail('apology', `"${text}" → ${apology.text ?? ''}`);
        continue;
      }
      if (replies.some((r) => RATE_LIMITED.test(r.text ?? ''))) {
        fail('rateLimited', `"${text}" in ${convId}`);
        driver = undefined;
        continue;
      }
      for (const r of replies) {
        const k = r.channelData?.support?.kind ?? 'none';
        kinds[k] = (kinds[k] ?? 0) + 1;
      }
      if (record) latencies.push(ms);
    }
  };

  await Promise.all(Array.from({ length: cmd.concurrency }, (_, i) => slot(i)));
  const elapsedMs = performance.now() - started;
  if (!cmd.keep) agent.destroy();
  capture.clear();
  return {
    label: cmd.label,
    turns: latencies.length,
    elapsedMs,
    turnsPerSecond: (latencies.length / elapsedMs) * 1000,
    latency: summarise(latencies),
    errors,
    errorSamples: samples,
    replyKinds: kinds,
    dialog: cmd.scenario === 'dialog' ? dialogStats : undefined,
    raw: cmd.raw ? latencies : undefined,
  };
}

serveCommands({
  /** One phase: { ...RunCommand, record } → { point }. The caller runs a warm-up phase first. */
  run: async (msg) => {
    const cmd = msg as unknown as RunCommand & { record?: boolean };
    return { point: await phase(cmd, cmd.durationMs, cmd.maxTurns, cmd.record !== false) };
  },
  /** Ends the connections and numbering kept for the rounds of the points run since the last release. */
  release: async () => {
    for (const { agent } of kept.values()) agent.destroy();
    kept.clear();
    return {};
  },
  stop: async () => {
    await capture.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready', questions: questions.length, phrasings: phrasings.length, questionKinds, capture: capture.url });
