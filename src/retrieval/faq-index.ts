/**
 * The FAQ index: fuse.js over the vocabulary (spelling tolerance for customer typos) and an
 * idf-weighted overlap score between the query and each entry's question and phrasings.
 *
 * The score of an entry is the best match over its question and phrasings (answer text and tags
 * count for less). Query words the knowledge base has never seen weigh against a match: that is
 * what keeps "reset my wifi router password" or "my dishwasher has no water" from being answered.
 */
import Fuse from 'fuse.js';
import type { Market } from '../lib/types.js';
import type { FaqEntry } from './knowledge-schema.js';
import type { Knowledge } from './knowledge.js';
import { createNormaliser, rawTokens, type Normaliser } from './normalise.js';

/** Words that say where the customer is: market resolution reads them, retrieval ignores them. */
const MARKET_WORDS = new Set(
  ['taiwan', 'taiwanese', 'taipei', 'france', 'french', 'paris', 'portugal', 'portuguese', 'lisbon', 'korea', 'korean', 'seoul', 'south']
);

interface Doc {
  tokens: Set<string>;
  weight: number;
  /** Sum of idf over the doc's distinct tokens. */
  mass: number;
}

interface IndexedEntry {
  entry: FaqEntry;
  docs: Doc[];
}

export interface Candidate {
  entry: FaqEntry;
  score: number;
  /** Query words shared with the best-matching field (evidence behind the score). */
  matched?: number;
}

export interface QueryAnalysis {
  tokens: string[];
  /** Query tokens not found in the knowledge base, even after spelling correction. */
  unknown: string[];
  corrected: Array<{ from: string; to: string }>;
}

const FIELD_WEIGHT = { question: 1, phrasing: 1, tags: 0.7, answer: 0.4 } as const;

export interface IndexOptions {
  /** F-beta between query coverage and phrasing coverage: > 1 favours covering the query. */
  beta?: number;
  /** fuse.js score under which an unknown word is read as a misspelling of a known one. */
  typoThreshold?: number;
}

export class FaqIndex {
  readonly normaliser: Normaliser;
  private readonly items: IndexedEntry[];
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly vocab: Fuse<string>;
  private readonly vocabSet: Set<string>;
  private readonly correctionCache = new Map<string, string | null>();

  private readonly beta2: number;
  private readonly typoThreshold: number;

  constructor(entries: FaqEntry[], normaliser: Normaliser, options: IndexOptions = {}) {
    this.normaliser = normaliser;
    this.beta2 = (options.beta ?? 1.5) ** 2;
    this.typoThreshold = options.typoThreshold ?? 0.45;
    const tok = (s: string) => normaliser.tokens(s).filter((t) => !MARKET_WORDS.has(t));
    const raw = entries.map((entry) => ({
      entry,
      fields: [
        { tokens: tok(entry.question), weight: FIELD_WEIGHT.question },
        ...entry.phrasings.map((p) => ({ tokens: tok(p), weight: FIELD_WEIGHT.phrasing })),
        { tokens: tok(entry.tags.join(' ')), weight: FIELD_WEIGHT.tags },
        { tokens: tok(entry.answer), weight: FIELD_WEIGHT.answer },
      ],
    }));

    // Document frequency over entries (question, phrasings and tags; answers add vocabulary only).
    const df = new Map<string, number>();
    const vocab = new Set<string>();
    for (const r of raw) {
      const seen = new Set<string>();
      r.fields.forEach((f, i) => {
        for (const t of f.tokens) {
          vocab.add(t);
          if (i < r.fields.length - 1) seen.add(t);
        }
      });
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const n = Math.max(entries.length, 1);
    for (const t of vocab) this.idf.set(t, Math.log(1 + n / ((df.get(t) ?? 0) + 0.5)));
    this.unknownIdf = Math.log(1 + n / 0.5);

    this.items = raw.map((r) => ({
      entry: r.entry,
      docs: r.fields
        .filter((f) => f.tokens.length > 0)
        .map((f) => {
          const tokens = new Set(f.tokens);
          let mass = 0;
          for (const t of tokens) mass += this.idf.get(t)!;
          return { tokens, weight: f.weight, mass };
        }),
    }));
    this.vocabSet = vocab;
    this.vocab = new Fuse([...vocab].filter((t) => t.length >= 4), { threshold: this.typoThreshold, includeScore: true, ignoreLocation: true });
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Spelling correction of one token against the vocabulary, cached: fuse.js finds candidates,
   * then the closest by edit distance (transpositions count once) wins if it is close enough:
   * one edit up to 5 letters, two from 6.
   */
  private correct(token: string): string | null {
    if (this.correctionCache.has(token)) return this.correctionCache.get(token)!;
    let result: string | null = null;
    if (token.length >= 4 && !/\d/.test(token)) {
      const allowed = token.length <= 5 ? 1 : 2;
      let best = allowed + 1;
      for (const hit of this.vocab.search(token, { limit: 12 })) {
        if ((hit.score ?? 1) > this.typoThreshold) break;
        // Typing rarely gets the first letter wrong: "what" is not "chat", "honest" not "longest".
        if (hit.item[0] !== token[0]) continue;
        const d = editDistance(token, hit.item, allowed);
        if (d < best) {
          best = d;
          result = hit.item;
        }
      }
      if (best > allowed) result = null;
    }
    if (this.correctionCache.size > 50_000) this.correctionCache.clear();
    this.correctionCache.set(token, result);
    return result;
  }

  analyse(text: string): QueryAnalysis {
    const tokens: string[] = [];
    const unknown: string[] = [];
    const corrected: Array<{ from: string; to: string }> = [];
    for (const t of this.normaliser.tokens(text)) {
      if (MARKET_WORDS.has(t)) continue;
      if (this.vocabSet.has(t)) {
        tokens.push(t);
        continue;
      }
      const fixed = this.correct(t);
      if (fixed) {
        tokens.push(fixed);
        corrected.push({ from: t, to: fixed });
      } else {
        tokens.push(t);
        unknown.push(t);
      }
    }
    return { tokens: [...new Set(tokens)], unknown: [...new Set(unknown)], corrected };
  }

  private weightOf(token: string): number {
    const w = this.idf.get(token);
    if (w !== undefined) return w;
    // Unknown numbers (prices, dates) say less about the topic than unknown words.
    return /^\d+$/.test(token) ? this.unknownIdf * 0.3 : this.unknownIdf;
  }

  /** Share of the query's weight carried by words the knowledge base does not know (0..1). */
  unknownShare(q: QueryAnalysis): number {
    if (q.tokens.length === 0) return 0;
    let total = 0;
    let unknown = 0;
    const u = new Set(q.unknown);
    for (const t of q.tokens) {
      const w = this.weightOf(t);
      total += w;
      if (u.has(t)) unknown += w;
    }
    return total ? unknown / total : 0;
  }

  /** Candidates for the query, best first, one per entry; `markets` filters entries. */
  search(text: string, markets?: readonly Market[], limit = 5): Candidate[] {
    return this.searchAnalysed(this.analyse(text), markets, limit);
  }

  searchAnalysed(q: QueryAnalysis, markets?: readonly Market[], limit = 5): Candidate[] {
    if (q.tokens.length === 0) return [];
    let qMass = 0;
    for (const t of q.tokens) qMass += this.weightOf(t);
    const out: Candidate[] = [];
    for (const item of this.items) {
      if (markets && !item.entry.markets.some((m) => markets.includes(m))) continue;
      let best = 0;
      let matched = 0;
      for (const d of item.docs) {
        let shared = 0;
        let count = 0;
        for (const t of q.tokens) {
          if (!d.tokens.has(t)) continue;
          shared += this.weightOf(t);
          count += 1;
        }
        if (shared === 0) continue;
        const qCov = shared / qMass;
        const dCov = shared / d.mass;
        // Covering the query matters more than covering the whole phrasing (F-beta, beta > 1);
        // the answer text is long, so only query coverage counts there.
        const sim = d.weight === FIELD_WEIGHT.answer ? qCov : ((1 + this.beta2) * qCov * dCov) / (this.beta2 * dCov + qCov);
        const s = sim * d.weight;
        if (s > best) {
          best = s;
          matched = count;
        }
      }
      if (best > 0) out.push({ entry: item.entry, score: Math.round(best * 1000) / 1000, matched });
    }
    out.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return out.slice(0, limit);
  }
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

export function buildIndex(knowledge: Knowledge, options?: IndexOptions): FaqIndex {
  return new FaqIndex(knowledge.entries, createNormaliser(knowledge.lexicon), options);
}

export { rawTokens };
