/** The shape of bench-results/*.json (one run of `npm run bench`). */
import type { AdapterCost } from './framework/adapter-cost.js';
import type { Delivery, ErrorCounts } from './load/client-main.js';
import type { ScenarioName } from './load/scenarios.js';
import type { LatencySummary } from './lib/stats.js';
import type { ProfileSummary } from './lib/profile.js';
import type { RetrievalPoint } from './retrieval/retrieval-main.js';
import type { StartupResult } from './startup/startup.js';

/** `service/memory@<ref>`: the service as committed at <ref> (npm run bench -- --baseline <ref>), measured beside this tree's. */
export type ServerName = 'restify-echo' | 'botbuilder-echo' | 'service/memory' | 'service/redis' | `service/memory@${string}`;

export interface LoadPoint {
  server: ServerName;
  scenario: ScenarioName;
  delivery: Delivery;
  concurrency: number;
  turns: number;
  elapsedMs: number;
  turnsPerSecond: number;
  latency: LatencySummary;
  /** Server process CPU (user + system) per measured turn. */
  cpuMsPerTurn: number;
  serverRssMB: number;
  /** Server heap after a full GC at the end of the point: what it keeps (state, caches, leaks). */
  serverHeapKeptMB: number;
  errors: ErrorCounts;
  errorSamples: string[];
  replyKinds: Record<string, number>;
  dialog?: { bookingsCompleted: number; stuckSteps: number; leftDialog: number };
  /** Throughput of each measured round, in the order the rounds ran (the same rounds for every point of a delivery and concurrency). */
  roundsTurnsPerSecond?: number[];
  /** Throughput against the baselines at the same delivery and concurrency (median of the rounds' ratios). */
  vsRestify?: number;
  vsBotbuilder?: number;
}

export interface MemoryPoint {
  conversations: number;
  seconds: number;
  rssMB: number;
  heapUsedMB: number;
  rssDeltaMB: number;
  heapDeltaMB: number;
  heapBytesPerConversation: number;
}

export interface RedisBytes {
  conversations: number;
  turnsPerConversation: number;
  seconds: number;
  /** The sample conversation whose keys are listed had this many turns. */
  sampleTurns: number;
  sampleKeys: Array<{ key: string; bytes: number; type: string }>;
  sampleBytes: number;
  usedMemoryDelta: number;
  bytesPerConversation: number;
  keysPerConversation: number;
  /** Redis commands the service sends per turn, by command (INFO commandstats). */
  commandsPerTurn: Record<string, number>;
  /** The sample conversation's transcript: bytes of the customer's lines and of the bot's. */
  transcript: { lines: number; userBytes: number; botBytes: number };
}

export interface Target {
  name: string;
  figure: string;
  goal: string;
  pass: boolean | undefined;
}

export interface BenchResults {
  meta: {
    date: string;
    machine: string;
    cores: number;
    node: string;
    platform: string;
    totalMemGB: number;
    loadavgStart: number[];
    loadavgEnd: number[];
    mode: 'full' | 'quick';
    profile: boolean;
    git?: string;
    durationS: number;
    knowledge?: { dir: string; entries: number; fallback?: string };
    /** Load questions: phrasings answered with an FAQ entry, of all phrasings (and what the others got). */
    faqQuestions?: { used: number; phrasings: number; firstReplyKinds: Record<string, number> };
    notes: string[];
  };
  load: { points: LoadPoint[]; skipped: string[] };
  /** CloudAdapter alone, stock vs clients reused across turns (bench/framework). */
  framework?: AdapterCost[];
  retrieval?: { points: RetrievalPoint[]; queryCount: number };
  memory?: { baseline: { rssMB: number; heapUsedMB: number }; points: MemoryPoint[]; turnsPerConversation: number };
  redisBytes?: RedisBytes;
  /** Start-up to listening of npm start's scripts (bench/startup). */
  startup?: StartupResult;
  profiles: ProfileSummary[];
  targets: Target[];
  /** Failures: errors under load, crashes. Non-empty → exit code 1. */
  failures: string[];
}
