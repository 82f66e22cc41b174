/**
 * The closest word of a small vocabulary to a misspelt one (fuse.js, whose home is src/retrieval), for
 * callers outside retrieval such as the model names of the machine catalogue (src/policy/catalogue.ts).
 */
import Fuse from 'fuse.js';
import { memoString } from '../lib/memo.js';

/**
 * A function giving the best match of `word` in `vocabulary` under `threshold` (fuse.js score), or undefined.
 * Memoised: it runs on every word of every message (model names), and a fuse.js search per word was the
 * largest single cost of an FAQ turn (about 15 % of its CPU).
 */
export function closestWord(vocabulary: readonly string[], threshold: number): (word: string) => string | undefined {
  const fuse = new Fuse([...vocabulary], { includeScore: true, threshold });
  return memoString((word) => fuse.search(word, { limit: 1 })[0]?.item);
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped at max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
