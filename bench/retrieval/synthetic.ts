/**
 * Synthetic knowledge bases of any size, made deterministically by recombining the real one's
 * vocabulary: the real entries stay in (real questions must still find their answers among the
 * distractors) and synthetic entries fill up to the size asked. Same seed, same entries.
 */
import type { FaqEntry } from '../../src/retrieval/knowledge-schema.js';
import type { Knowledge } from '../../src/retrieval/knowledge.js';
import { rawTokens } from '../../src/retrieval/normalise.js';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function vocabularyOf(knowledge: Knowledge): string[] {
  const words = new Set<string>();
  for (const e of knowledge.entries) {
    for (const text of [e.question, ...e.phrasings, e.answer, ...e.tags]) {
      for (const w of rawTokens(text)) if (w.length >= 3 && !/^\d+$/.test(w)) words.add(w);
    }
  }
  return [...words].sort();
}

export function syntheticKnowledge(real: Knowledge, size: number, seed = 20240501): Knowledge {
  const rand = prng(seed);
  const vocab = vocabularyOf(real);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]!).join(' ');
  const sources = real.sources;
  const entries: FaqEntry[] = [...real.entries];
  for (let i = entries.length; i < size; i++) {
    const source = sources[i % sources.length]!;
    const q = words(between(5, 9));
    entries.push({
      id: `syn-${i}`,
      topic: `syn-topic-${i}`,
      markets: [source.market],
      question: `${q[0]!.toUpperCase()}${q.slice(1)}?`,
      phrasings: Array.from({ length: between(3, 5) }, () => words(between(3, 8))),
      answer: `${words(between(20, 40))}.`,
      source: { document: source.id, section: 'synthetic' },
      tags: Array.from({ length: 3 }, () => words(1)),
    });
  }
  return {
    ...real,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
  };
}
