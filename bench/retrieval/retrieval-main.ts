/**
 * Retrieval alone, in its own process (node --expose-gc): for the real knowledge base and for
 * synthetic ones of growing size, the build (start-up) time, the heap it adds, and the cost of
 * Retriever.decide per query (queries per second, p50/p99). Commands: "run" { sizes, budgetMs,
 * minQueries }. Queries: every FAQ phrasing and every question of the eval set.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildIndex } from '../../src/retrieval/faq-index.js';
import { loadKnowledge, type Knowledge } from '../../src/retrieval/knowledge.js';
import { loadThresholds, Retriever } from '../../src/retrieval/decide.js';
import type { Market } from '../../src/lib/types.js';
import { chooseKnowledge } from '../lib/knowledge.js';
import { serveCommands } from '../lib/proc.js';
import { summarise, type LatencySummary } from '../lib/stats.js';
import { prng, syntheticKnowledge, vocabularyOf } from './synthetic.js';

export interface RetrievalPoint {
  label: string;
  entries: number;
  /** load + validate the files (real knowledge base only). */
  loadMs?: number;
  buildMs: number;
  /** Heap the index and retriever add (after GC). */
  indexHeapMB: number;
  /** Heap of the entries themselves (synthetic sizes: generated data). */
  dataHeapMB?: number;
  queries: number;
  queriesPerSecond: number;
  /** Cold spelling-correction cache: each distinct query once. */
  latency: LatencySummary;
  /** A second pass over the same queries (only when the first covered them all). */
  warmLatency?: LatencySummary;
  decisions: Record<string, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

interface Query {
  text: string;
  market?: Market;
}

function queriesFor(k: Knowledge): Query[] {
  const out: Query[] = [];
  for (const e of k.entries) for (const p of e.phrasings) out.push({ text: p, market: e.markets[0] });
  try {
    const evalPath = fileURLToPath(new URL('../../test/eval/questions.json', import.meta.url));
    const evalSet = JSON.parse(readFileSync(evalPath, 'utf8')) as Array<{ text: string; market?: Market }>;
    for (const q of evalSet) out.push({ text: q.text, market: q.market });
  } catch {
    /* no eval set: phrasings only */
  }
  // Interleave deterministically so every slice of the run mixes markets and sources.
  return out.map((q, i) => ({ q, key: (i * 2654435761) % 4294967296 })).sort((a, b) => a.key - b.key).map((x) => x.q);
}

/**
 * Warm-up queries: known words plus words spelt backwards (unknown, so the spelling correction
 * runs and gets compiled) — none of them is in the measured queries, so the correction cache
 * stays cold for those.
 */
function warmupQueries(k: Knowledge, n: number): Query[] {
  const rand = prng(7);
  const words = vocabularyOf(k);
  const word = () => words[Math.floor(rand() * words.length)]!;
  return Array.from({ length: n }, () => ({ text: `${word()} ${word()} ${word()} ${word().split('').reverse().join('')}`, market: 'FR' as Market }));
}

/**
 * Each distinct query once, in a fixed interleaved order, on a fresh index: the spelling cache is
 * cold, as it is for a customer's new typo. Stops after budgetMs once minQueries are done.
 */
function measure(retriever: Retriever, queries: Query[], budgetMs: number, minQueries: number): { samples: number[]; decisions: Record<string, number> } {
  const decisions: Record<string, number> = {};
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  for (const q of queries) {
    if (samples.length >= minQueries && performance.now() > end) break;
    const t0 = performance.now();
    const d = retriever.decide(q.text, q.market);
    samples.push(performance.now() - t0);
    decisions[d.type] = (decisions[d.type] ?? 0) + 1;
  }
  return { samples, decisions };
}

function point(label: string, knowledge: Knowledge, queries: Query[], budgetMs: number, minQueries: number, extra: Partial<RetrievalPoint>): RetrievalPoint {
  const before = heap();
  const t0 = performance.now();
  const retriever = new Retriever(knowledge, buildIndex(knowledge), loadThresholds(knowledge.dir));
  const buildMs = performance.now() - t0;
  const indexHeapMB = (heap() - before) / MB;
  for (const q of warmupQueries(knowledge, 100)) retriever.decide(q.text, q.market);
  const { samples, decisions } = measure(retriever, queries, budgetMs, minQueries);
  const latency = summarise(samples);
  const total = samples.reduce((a, b) => a + b, 0);
  const result: RetrievalPoint = { label, entries: knowledge.entries.length, buildMs, indexHeapMB, queries: samples.length, queriesPerSecond: (samples.length / total) * 1000, latency, decisions, ...extra };
  if (samples.length === queries.length) {
    // The same queries again: the spelling cache is warm now (repeated typos, a long-running process).
    result.warmLatency = summarise(measure(retriever, queries, budgetMs, minQueries).samples);
  }
  return result;
}

serveCommands({
  run: async (msg) => {
    const sizes = msg.sizes as number[];
    const budgetMs = msg.budgetMs as number;
    const minQueries = (msg.minQueries as number | undefined) ?? 50;
    const chosen = chooseKnowledge();
    const t0 = performance.now();
    const real = loadKnowledge(chosen.dir);
    const loadMs = performance.now() - t0;
    const queries = queriesFor(real);
    const points: RetrievalPoint[] = [point('real', real, queries, budgetMs, minQueries, { loadMs })];
    process.send?.({ type: 'progress', point: points[0] });
    for (const size of sizes) {
      const before = heap();
      let k: Knowledge | undefined = syntheticKnowledge(real, size);
      const dataHeapMB = (heap() - before) / MB;
      const p = point(`synthetic ${size >= 1000 ? `${size / 1000}k` : size}`, k, queries, budgetMs, minQueries, { dataHeapMB });
      points.push(p);
      process.send?.({ type: 'progress', point: p });
      k = undefined;
    }
    return { points, knowledgeDir: chosen.dir, knowledgeFallback: chosen.fallbackReason, realEntries: real.entries.length, queryCount: queries.length };
  },
  stop: () => process.exit(0),
});
process.send?.({ type: 'ready' });
