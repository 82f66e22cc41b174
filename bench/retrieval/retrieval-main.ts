/**
 * Retrieval alone, in its own process (node --expose-gc): for the real knowledge base and for
 * synthetic ones of growing size, per language, the build (start-up) time, the heap it adds, and
 * the cost of Retriever.decide per query (queries per second, p50/p99). Commands: "run" { sizes,
 * langSizes, budgetMs, minQueries }: English at every size in `sizes`, the other languages at
 * `langSizes`. Queries of a language: every FAQ phrasing in it and every question of its eval set.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../../src/conversation/lang.js';
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
  /** The language of the index and of the queries (absent in results from before five languages: en). */
  lang?: Lang;
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

const EVAL_SETS: Record<Lang, string[]> = { en: ['questions.json', 'en-fresh.json'], 'zh-TW': ['zh-TW.json'], ko: ['ko.json'], fr: ['fr.json'], pt: ['pt.json'] };

function queriesFor(k: Knowledge, lang: Lang): Query[] {
  const out: Query[] = [];
  for (const e of k.entries) for (const p of k.phrasingsIn(e, lang).phrasings) out.push({ text: p, market: e.markets[0] });
  for (const file of EVAL_SETS[lang]) {
    try {
      const evalPath = fileURLToPath(new URL(`../../test/eval/${file}`, import.meta.url));
      const evalSet = JSON.parse(readFileSync(evalPath, 'utf8')) as Array<{ text: string; market?: Market }>;
      for (const q of evalSet) out.push({ text: q.text, market: q.market });
    } catch {
      /* no eval set: phrasings only */
    }
  }
  // Interleave deterministically so every slice of the run mixes markets and sources.
  return out.map((q, i) => ({ q, key: (i * 2654435761) % 4294967296 })).sort((a, b) => a.key - b.key).map((x) => x.q);
}

/**
 * Warm-up queries: known words plus words spelt backwards (unknown, so the spelling correction
 * runs and gets compiled) — none of them is in the measured queries, so the correction cache
 * stays cold for those.
 */
function warmupQueries(k: Knowledge, n: number, lang: Lang): Query[] {
  const rand = prng(7);
  const words = vocabularyOf(k, lang);
  const word = () => words[Math.floor(rand() * words.length)]!;
  return Array.from({ length: n }, () => ({ text: `${word()} ${word()} ${word()} ${word().split('').reverse().join('')}`, market: 'FR' as Market }));
}

/**
 * Each distinct query once, in a fixed interleaved order, on a fresh index: the spelling cache is
 * cold, as it is for a customer's new typo. Stops after budgetMs once minQueries are done.
 */
function measure(retriever: Retriever, queries: Query[], budgetMs: number, minQueries: number, lang: Lang): { samples: number[]; decisions: Record<string, number> } {
  const decisions: Record<string, number> = {};
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  for (const q of queries) {
    if (samples.length >= minQueries && performance.now() > end) break;
    const t0 = performance.now();
    const d = retriever.decide(q.text, q.market, lang);
    samples.push(performance.now() - t0);
    decisions[d.type] = (decisions[d.type] ?? 0) + 1;
  }
  return { samples, decisions };
}

function point(label: string, lang: Lang, knowledge: Knowledge, queries: Query[], budgetMs: number, minQueries: number, extra: Partial<RetrievalPoint>): RetrievalPoint {
  const before = heap();
  const t0 = performance.now();
  const retriever = new Retriever(knowledge, { [lang]: buildIndex(knowledge, {}, lang) }, loadThresholds(knowledge.dir));
  const buildMs = performance.now() - t0;
  const indexHeapMB = (heap() - before) / MB;
  for (const q of warmupQueries(knowledge, 100, lang)) retriever.decide(q.text, q.market, lang);
  const { samples, decisions } = measure(retriever, queries, budgetMs, minQueries, lang);
  const latency = summarise(samples);
  const total = samples.reduce((a, b) => a + b, 0);
  const result: RetrievalPoint = { label, lang, entries: knowledge.entries.length, buildMs, indexHeapMB, queries: samples.length, queriesPerSecond: (samples.length / total) * 1000, latency, decisions, ...extra };
  if (samples.length === queries.length) {
    // The same queries again: the spelling cache is warm now (repeated typos, a long-running process).
    result.warmLatency = summarise(measure(retriever, queries, budgetMs, minQueries, lang).samples);
  }
  return result;
}

serveCommands({
  run: async (msg) => {
    const sizes = msg.sizes as number[];
    const langSizes = (msg.langSizes as number[] | undefined) ?? [];
    const budgetMs = msg.budgetMs as number;
    const minQueries = (msg.minQueries as number | undefined) ?? 50;
    const chosen = chooseKnowledge();
    const t0 = performance.now();
    const real = loadKnowledge(chosen.dir);
    const loadMs = performance.now() - t0;
    const points: RetrievalPoint[] = [];
    let queryCount = 0;
    for (const lang of LANGS) {
      const queries = queriesFor(real, lang);
      queryCount += queries.length;
      const p = point(lang === 'en' ? 'real' : `real ${lang}`, lang, real, queries, budgetMs, minQueries, lang === 'en' ? { loadMs } : {});
      points.push(p);
      process.send?.({ type: 'progress', point: p });
    }
    const allSizes = [...new Set([...sizes, ...langSizes])].sort((a, b) => a - b);
    for (const size of allSizes) {
      const before = heap();
      let k: Knowledge | undefined = syntheticKnowledge(real, size);
      const dataHeapMB = (heap() - before) / MB;
      for (const lang of LANGS) {
        if (!(lang === 'en' ? sizes : langSizes).includes(size)) continue;
        const label = `synthetic ${size >= 1000 ? `${size / 1000}k` : size}${lang === 'en' ? '' : ` ${lang}`}`;
        const p = point(label, lang, k, queriesFor(real, lang), budgetMs, minQueries, { dataHeapMB });
        points.push(p);
        process.send?.({ type: 'progress', point: p });
      }
      k = undefined;
    }
    return { points, knowledgeDir: chosen.dir, knowledgeFallback: chosen.fallbackReason, realEntries: real.entries.length, queryCount };
  },
  stop: () => process.exit(0),
});
process.send?.({ type: 'ready' });
