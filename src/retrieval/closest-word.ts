/**
 * The closest word of a small vocabulary to a misspelt one (fuse.js, whose home is src/retrieval), for
 * callers outside retrieval such as the model names of the machine catalogue (src/policy/catalogue.ts).
 */
import Fuse from 'fuse.js';

/** A function giving the best match of `word` in `vocabulary` under `threshold` (fuse.js score), or undefined. */
export function closestWord(vocabulary: readonly string[], threshold: number): (word: string) => string | undefined {
  const fuse = new Fuse([...vocabulary], { includeScore: true, threshold });
  return (word) => fuse.search(word, { limit: 1 })[0]?.item;
}
