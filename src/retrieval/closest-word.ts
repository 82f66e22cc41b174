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
