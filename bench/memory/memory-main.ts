/**
 * Memory per conversation, in its own process (node --expose-gc).
 * - "memory": conversations created through the router in-process (no HTTP, same activity mapping
 *   as /api/messages), in memory state; RSS and heap after GC at each count. Customers ask the
 *   questions the FAQ load asks (answered with an FAQ entry, see load/questions.ts), found by the
 *   "questions" command in another process (finding them builds and drops a whole app).
 * - "redis": the same conversations on Redis: MEMORY USAGE of every key of one conversation, and the
 *   INFO used_memory delta over N conversations (a throw-away server the benchmark owns).
 */
import { performance } from 'node:perf_hooks';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app.js';
import { activityToTurn } from '../../src/channels/activity.js';
import { testConfig } from '../../src/config.js';
import { redisCommand } from '../../test/helpers/redis.js';
import { startCapture } from '../load/capture.js';
import { answerableQuestions } from '../load/questions.js';
import { LOCALE, loadQuestions, type Question } from '../load/scenarios.js';
import { chooseKnowledge } from '../lib/knowledge.js';
import { serveCommands } from '../lib/proc.js';

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

function usage() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapUsedMB: m.heapUsed / MB, externalMB: m.external / MB };
}

/** One customer: joins (turn 1), then asks FAQ questions in their market (turns 2…). */
async function converse(app: App, i: number, questions: Question[], turns: number, serviceUrl: string): Promise<void> {
  const q0 = questions.length ? questions[i % questions.length]! : { text: 'help', market: 'FR' };
  const conversation = { id: `mem-${i}` };
  const base = {
    channelId: 'emulator',
    serviceUrl,
    from: { id: `user-${i}`, name: 'Customer', role: 'user' },
    recipient: { id: 'bot', name: 'Support bot', role: 'bot' },
    conversation,
    locale: LOCALE[q0.market],
  };
  await app.router.handle(activityToTurn({ ...base, type: 'conversationUpdate', id: `mem-${i}-a0`, membersAdded: [{ id: `user-${i}` }, { id: 'bot' }] } as Partial<Activity>));
  for (let t = 1; t < turns; t++) {
    const q = questions.length ? questions[(i * 7 + t * 13) % questions.length]! : q0;
    await app.router.handle(activityToTurn({ ...base, type: 'message', id: `mem-${i}-a${t}`, text: q.text } as Partial<Activity>));
  }
}

/** Where proactive sends go (hand-off notices use the stored conversation reference): a sink. */
const sink = await startCapture({ keep: false });

async function many(app: App, from: number, to: number, turns: number, parallel: number, questions: Question[]): Promise<void> {
  let next = from;
  const serviceUrl = sink.url;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < to) await converse(app, next++, questions, turns, serviceUrl);
    }),
  );
}

async function build(redisUrl?: string): Promise<App> {
  const chosen = chooseKnowledge();
  const app = await createApp(testConfig({ LOG_LEVEL: 'error', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) }), { knowledgeDir: chosen.dir });
  // All five languages' indexes, as the service has them once it listens (createApp indexes English,
  // listen() the others): the customers here write English, which would leave four unbuilt.
  app.retriever.indexes();
  return app;
}

/** The questions given by the parent (found in another process), else found here. */
async function questionsOf(msg: Record<string, unknown>): Promise<Question[]> {
  return (msg.questions as Question[] | undefined) ?? (await answerableQuestions(loadQuestions())).questions;
}

serveCommands({
  /** → { questions }: the FAQ questions of the load (answered with an FAQ entry when asked first). */
  questions: async () => ({ questions: (await answerableQuestions(loadQuestions())).questions }),

  /** { counts: number[], turns: number, questions? } → RSS/heap at 0 and at each count. */
  memory: async (msg) => {
    const counts = msg.counts as number[];
    const turns = msg.turns as number;
    const questions = await questionsOf(msg);
    const app = await build();
    await many(app, 0, 20, turns, 1, questions); // warm the code paths before the baseline
    const baseline = usage();
    const points: Array<{ conversations: number; seconds: number; rssMB: number; heapUsedMB: number; rssDeltaMB: number; heapDeltaMB: number; heapBytesPerConversation: number }> = [];
    let done = 20;
    const t0 = performance.now();
    for (const count of counts) {
      await many(app, done, count + 20, turns, 8, questions);
      done = count + 20;
      const u = usage();
      points.push({
        conversations: count,
        seconds: (performance.now() - t0) / 1000,
        rssMB: u.rssMB,
        heapUsedMB: u.heapUsedMB,
        rssDeltaMB: u.rssMB - baseline.rssMB,
        heapDeltaMB: u.heapUsedMB - baseline.heapUsedMB,
        heapBytesPerConversation: ((u.heapUsedMB - baseline.heapUsedMB) * MB) / count,
      });
      process.send?.({ type: 'progress', point: points[points.length - 1] });
    }
    await app.close();
    return { baseline, points, turnsPerConversation: turns };
  },

  /** { redisUrl, conversations, turns, sampleTurns } → bytes of one conversation's keys and used_memory per conversation. */
  redis: async (msg) => {
    const url = msg.redisUrl as string;
    const n = msg.conversations as number;
    const turns = msg.turns as number;
    const sampleTurns = msg.sampleTurns as number;
    const questions = await questionsOf(msg);
    await redisCommand(url, ['FLUSHALL']);
    const app = await build(url);
    const info = async () => {
      const text = String(await redisCommand(url, ['INFO', 'memory']));
      return Number(/used_memory:(\d+)/.exec(text)?.[1] ?? NaN);
    };
    // One sample conversation after a few more turns: every key it owns, with MEMORY USAGE.
    await many(app, 0, 1, sampleTurns, 1, questions);
    const scanned = (await redisCommand(url, ['KEYS', '*'])) as string[]; // only this conversation exists yet
    const keys: Array<{ key: string; bytes: number; type: string }> = [];
    for (const key of [...scanned].sort()) {
      keys.push({ key, bytes: Number(await redisCommand(url, ['MEMORY', 'USAGE', key, 'SAMPLES', '0'])), type: String(await redisCommand(url, ['TYPE', key])) });
    }
    const transcriptKey = keys.find((k) => k.type === 'list' && k.key.includes(':transcript:'))?.key;
    const lines = transcriptKey ? ((await redisCommand(url, ['LRANGE', transcriptKey, '0', '-1'])) as string[]) : [];
    const transcript = { lines: lines.length, userBytes: 0, botBytes: 0 };
    for (const l of lines) {
      const from = (JSON.parse(l) as { from?: string }).from;
      if (from === 'user') transcript.userBytes += Buffer.byteLength(l);
      else transcript.botBytes += Buffer.byteLength(l);
    }
    await redisCommand(url, ['FLUSHALL']);
    await redisCommand(url, ['CONFIG', 'RESETSTAT']);
    await new Promise((r) => setTimeout(r, 100));
    const before = await info();
    const t0 = performance.now();
    await many(app, 1, n + 1, turns, 16, questions);
    const seconds = (performance.now() - t0) / 1000;
    const after = await info();
    const dbsize = Number(await redisCommand(url, ['DBSIZE']));
    // Commands the service sent per turn (INFO commandstats; the INFO calls themselves left out).
    const stats = String(await redisCommand(url, ['INFO', 'commandstats']));
    const commandsPerTurn: Record<string, number> = {};
    for (const m of stats.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) {
      if (['info', 'config', 'dbsize', 'flushall'].includes(m[1]!)) continue;
      commandsPerTurn[m[1]!] = Number(m[2]) / (n * turns);
    }
    await app.close();
    return {
      conversations: n,
      turnsPerConversation: turns,
      seconds,
      sampleTurns,
      sampleKeys: keys,
      sampleBytes: keys.reduce((a, k) => a + k.bytes, 0),
      usedMemoryDelta: after - before,
      bytesPerConversation: (after - before) / n,
      keysPerConversation: dbsize / n,
      commandsPerTurn,
      transcript,
    };
  },
  stop: () => process.exit(0),
});
process.send?.({ type: 'ready' });
