/**
 * The FAQ index: fuse.js over the vocabulary (spelling tolerance for customer typos) and an
 * idf-weighted overlap score between the query and each entry's question and phrasings.
 *
 * The score of an entry is the best match over its question and phrasings (answer text and tags
 * count for less). Query words the knowledge base has never seen weigh against a match: that is
 * what keeps "reset my wifi router password" or "my dishwasher has no water" from being answered.
 *
 * An inverted index (token → the fields that contain it) means a query only scores the fields
 * that share at least one of its tokens; the others would score 0.
 */
import Fuse from 'fuse.js';
import { LANGS, type Lang } from '../conversation/lang.js';
import { MARKETS, type Market } from '../lib/types.js';
import type { FaqEntry } from './knowledge-schema.js';
import type { Knowledge } from './knowledge.js';
import { LANG_INDEX_OPTIONS, MARKET_WORDS, normaliserFor } from './languages.js';
import { rawTokens, type Normaliser } from './normalise.js';
import { editDistance } from './closest-word.js';

/**
 * The fields (question, each phrasing, tags, answer) of all entries, numbered entry by entry in
 * field order, with an inverted index: the docs of token t are postings[offsets[k]..offsets[k+1])
 * for k = tokenIds.get(t), in increasing order.
 */
interface Docs {
  /** Index into `entries` of each doc's entry. */
  entry: Int32Array;
  weight: Float64Array;
  /** Sum of idf over the doc's distinct tokens. */
  mass: Float64Array;
  tokenIds: Map<string, number>;
  offsets: Int32Array;
  postings: Int32Array;
}

export interface Candidate {
  entry: FaqEntry;
  score: number;
  /** Query words shared with the best-matching field (evidence behind the score). */
  matched?: number;
  /** Share of the best-matching field's weight that the query's words cover (0..1). */
  coverage?: number;
}

export interface QueryAnalysis {
  tokens: string[];
  /** Query tokens not found in the knowledge base, even after spelling correction. */
  unknown: string[];
  corrected: Array<{ from: string; to: string }>;
  /** Query tokens that are only pieces of its words (CJK bigrams): unknown, they weigh less. */
  pieces?: string[];
}

const FIELD_WEIGHT = { question: 1, phrasing: 1, tags: 0.7, answer: 0.4 } as const;

/** The text of an entry in the index's language. */
export interface EntryFields {
  question: string;
  phrasings: readonly string[];
  answer: string;
  tags: readonly string[];
}

export interface IndexOptions {
  /** The language of the index: its market words and how unknown pieces weigh (default en). */
  lang?: Lang;
  /** The entry's text in the index's language (default: the English entry's own fields). */
  fieldsOf?: (entry: FaqEntry) => EntryFields;
  /**
   * Weight of an unknown two-character Chinese or Korean piece, as a share of an unknown word's:
   * bigrams that straddle two words ("的咖", "기계가") are often unknown without saying anything.
   */
  unknownBigramWeight?: number;
  /** F-beta between query coverage and phrasing coverage: > 1 favours covering the query. */
  beta?: number;
  /** fuse.js score under which an unknown word is read as a misspelling of a known one. */
  typoThreshold?: number;
  /** Share of the score given to how much of the query the entry covers over all its fields. */
  entryWeight?: number;
  /**
   * Weight of a token that is only ever a piece of a word in the knowledge base (a Chinese bigram
   * the segmenter never makes a word, a Korean syllable bigram), as a share of a word's (default 1).
   */
  pieceWeight?: number;
  /**
   * Questions our documents do not answer, in the index's language (knowledge/out-of-scope): indexed as one more
   * entry, OUT_OF_SCOPE_ID, that the decision never answers. Their words do not become known words (a message
   * made of them still counts them as unknown), and they change no other entry's score.
   */
  outOfScope?: readonly string[];
}

/** The id and topic of the entry that stands for the questions our documents do not answer. */
export const OUT_OF_SCOPE_ID = 'out-of-scope';

function outOfScopeEntry(phrasings: readonly string[]): FaqEntry {
  return { id: OUT_OF_SCOPE_ID, topic: OUT_OF_SCOPE_ID, markets: [...MARKETS], question: '', phrasings: [...phrasings], answer: '', source: { document: '', section: '' }, tags: [] } as FaqEntry;
}

export class FaqIndex {
  readonly normaliser: Normaliser;
  private readonly entries: FaqEntry[];
  private readonly docs: Docs;
  /** Per-query scratch, one slot per doc (searchAnalysed is synchronous): shared idf and matched count, 0 between queries. */
  private readonly shared: Float64Array;
  private readonly count: Int32Array;
  private readonly touched: Int32Array;
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  /** fuse.js indexes of the vocabulary by first letter and length: a correction keeps the first letter and is at most two edits away. */
  private readonly vocab = new Map<string, Fuse<string>>();
  private readonly vocabSet: Set<string>;
  private readonly correctionCache = new Map<string, string | null>();
  private readonly marketWords: Set<string>;
  private readonly placeRe: RegExp | undefined;

  private readonly beta2: number;
  private readonly typoThreshold: number;
  private readonly entryWeight: number;
  /** Per-query scratch, one slot per entry: weight of the query words found in its fields (answer aside), and the last word counted. */
  private readonly entryCovered: Float64Array;
  private readonly entryLastToken: Int32Array;
  readonly lang: Lang;
  private readonly unknownBigramWeight: number;
  private readonly pieceWeight: number;
  /** Tokens only ever seen as pieces of words (see IndexOptions.pieceWeight). */
  private readonly pieceOnly = new Set<string>();
  /** Words only the out-of-scope questions use: kept as they are (not corrected to a known word), still unknown. */
  private readonly outOfScopeWords = new Set<string>();
  /** Index of the out-of-scope entry in `entries` (-1 without one). */
  private readonly outOfScopeAt: number;

  constructor(entries: FaqEntry[], normaliser: Normaliser, given: IndexOptions = {}) {
    this.normaliser = normaliser;
    this.lang = given.lang ?? 'en';
    const options: IndexOptions = { ...LANG_INDEX_OPTIONS[this.lang], ...given };
    this.unknownBigramWeight = options.unknownBigramWeight ?? 0.5;
    this.pieceWeight = options.pieceWeight ?? 1;
    const fieldsOf = options.fieldsOf ?? ((e: FaqEntry) => e);
    this.beta2 = (options.beta ?? 1.5) ** 2;
    this.typoThreshold = options.typoThreshold ?? 0.45;
    // 0.4: leave-one-out over the phrasings (`npm run knowledge:loo`) ranks the right entry first
    // most often between 0.3 and 0.45 (85.3% with no blend, 87.1% at 0.4).
    this.entryWeight = options.entryWeight ?? 0.4;
    const outOfScope = options.outOfScope?.length ? outOfScopeEntry(options.outOfScope) : undefined;
    this.outOfScopeAt = outOfScope ? entries.length : -1;
    this.entryCovered = new Float64Array(entries.length + (outOfScope ? 1 : 0));
    this.entryLastToken = new Int32Array(entries.length + (outOfScope ? 1 : 0)).fill(-1);
    // The normaliser stems ("france" → "franc"): compare market words in the form it gives them.
    this.marketWords = new Set(MARKET_WORDS[this.lang].flatMap((w) => [w, ...normaliser.tokens(w)]));
    // Chinese and Korean write a place name against the next word ("葡萄牙官網", "한국에서"): taken out of
    // the text first, so that no bigram straddles it ("牙官" matched every entry that says "葡萄牙官網").
    const cjkPlaces = MARKET_WORDS[this.lang].filter((w) => CJK_CHAR.test(w)).sort((a, b) => b.length - a.length);
    this.placeRe = cjkPlaces.length ? new RegExp(cjkPlaces.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu') : undefined;
    const tok = (s: string) => normaliser.tokens(this.withoutPlaces(s)).filter((t) => !this.marketWords.has(t));
    const raw = entries.map((entry) => {
      const f = fieldsOf(entry);
      return {
        entry,
        fields: [
          { tokens: tok(f.question), weight: FIELD_WEIGHT.question },
          ...f.phrasings.map((p) => ({ tokens: tok(p), weight: FIELD_WEIGHT.phrasing })),
          { tokens: tok(f.tags.join(' ')), weight: FIELD_WEIGHT.tags },
          { tokens: tok(f.answer), weight: FIELD_WEIGHT.answer },
        ],
      };
    });

    // Document frequency over entries (question, phrasings and tags; answers add vocabulary only); the
    // out-of-scope questions are added after, outside it.
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
    if (this.pieceWeight !== 1 && normaliser.pieces) {
      const words = new Set<string>();
      for (const entry of entries) {
        const f = fieldsOf(entry);
        for (const text of [f.question, ...f.phrasings, f.tags.join(' '), f.answer]) {
          const pieces = new Set(normaliser.pieces(text));
          for (const t of normaliser.tokens(text)) {
            if (pieces.has(t)) this.pieceOnly.add(t);
            else words.add(t);
          }
        }
      }
      for (const w of words) this.pieceOnly.delete(w);
    }
    const n = Math.max(entries.length, 1);
    for (const t of vocab) this.idf.set(t, Math.log(1 + n / ((df.get(t) ?? 0) + 0.5)) * (this.pieceOnly.has(t) ? this.pieceWeight : 1));
    this.unknownIdf = Math.log(1 + n / 0.5);

    if (outOfScope) {
      const fields = outOfScope.phrasings.map((p) => ({ tokens: tok(p), weight: FIELD_WEIGHT.phrasing }));
      for (const f of fields) for (const t of f.tokens) if (!vocab.has(t)) this.outOfScopeWords.add(t);
      raw.push({ entry: outOfScope, fields });
    }
    this.entries = raw.map((r) => r.entry);
    const docEntry: number[] = [];
    const docWeight: number[] = [];
    const docMass: number[] = [];
    const docTokens: number[][] = [];
    const tokenIds = new Map<string, number>();
    const postingCount: number[] = [];
    raw.forEach((r, e) => {
      for (const f of r.fields) {
        if (f.tokens.length === 0) continue;
        const tokens = new Set(f.tokens);
        let mass = 0;
        const ids: number[] = [];
        for (const t of tokens) {
          mass += this.weightOf(t);
          let id = tokenIds.get(t);
          if (id === undefined) {
            id = tokenIds.size;
            tokenIds.set(t, id);
            postingCount.push(0);
          }
          postingCount[id]! += 1;
          ids.push(id);
        }
        docEntry.push(e);
        docWeight.push(f.weight);
        docMass.push(mass);
        docTokens.push(ids);
      }
    });
    const offsets = new Int32Array(tokenIds.size + 1);
    for (let k = 0; k < postingCount.length; k++) offsets[k + 1] = offsets[k]! + postingCount[k]!;
    const postings = new Int32Array(offsets[tokenIds.size]!);
    const fill = offsets.slice(0, tokenIds.size);
    docTokens.forEach((ids, d) => {
      for (const id of ids) postings[fill[id]!++] = d;
    });
    const nDocs = docEntry.length;
    this.docs = { entry: Int32Array.from(docEntry), weight: Float64Array.from(docWeight), mass: Float64Array.from(docMass), tokenIds, offsets, postings };
    this.shared = new Float64Array(nDocs);
    this.count = new Int32Array(nDocs);
    this.touched = new Int32Array(nDocs);
    this.vocabSet = vocab;
  }

  /** The Latin words of the vocabulary by first letter and length, built on the first spelling correction. */
  private vocabBucket(key: string): Fuse<string> | undefined {
    if (this.vocab.size === 0) {
      const buckets = new Map<string, string[]>();
      for (const t of this.vocabSet) {
        if (t.length < 4 || t.includes(' ')) continue;
        const k = `${t[0]}${t.length}`;
        const list = buckets.get(k);
        if (list) list.push(t);
        else buckets.set(k, [t]);
      }
      for (const [k, words] of buckets) this.vocab.set(k, new Fuse(words, { threshold: this.typoThreshold, includeScore: true, ignoreLocation: true }));
      // Nothing to correct against: remember that the buckets were made.
      if (this.vocab.size === 0) this.vocab.set('', new Fuse<string>([]));
    }
    return this.vocab.get(key);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Spelling correction of one token against the vocabulary, cached: fuse.js finds candidates,
   * then the closest by edit distance (transpositions count once) wins if it is close enough:
   * one edit up to 5 letters, two from 6.
   */
  private correct(token: string): string | null {
    if (this.correctionCache.has(token)) return this.correctionCache.get(token)!;
    let result: string | null = null;
    // Latin words only: a Chinese or Korean piece is not a misspelling of another one.
    if (token.length >= 4 && /^[a-z]+$/.test(token)) {
      const allowed = token.length <= 5 ? 1 : 2;
      let best = allowed + 1;
      // Typing rarely gets the first letter wrong ("what" is not "chat", "honest" not "longest"),
      // and more than `allowed` letters of difference in length is more than `allowed` edits.
      const hits: Array<{ item: string; score?: number }> = [];
      for (let len = token.length - allowed; len <= token.length + allowed; len++) {
        const fuse = this.vocabBucket(`${token[0]}${len}`);
        if (fuse) hits.push(...fuse.search(token, { limit: 12 }));
      }
      hits.sort((a, b) => (a.score ?? 1) - (b.score ?? 1));
      for (const hit of hits.slice(0, 12)) {
        if ((hit.score ?? 1) > this.typoThreshold) break;
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

  /** The text with the Chinese or Korean market names replaced by a space (see the constructor). */
  private withoutPlaces(text: string): string {
    return this.placeRe ? text.replace(this.placeRe, ' ') : text;
  }

  analyse(given: string): QueryAnalysis {
    const text = this.withoutPlaces(given);
    const tokens: string[] = [];
    const unknown: string[] = [];
    const corrected: Array<{ from: string; to: string }> = [];
    for (const t of this.normaliser.tokens(text)) {
      if (this.marketWords.has(t)) continue;
      if (this.vocabSet.has(t)) {
        tokens.push(t);
        continue;
      }
      if (this.outOfScopeWords.has(t)) {
        tokens.push(t);
        unknown.push(t);
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
    const pieces = this.normaliser.pieces?.(text);
    return { tokens: [...new Set(tokens)], unknown: [...new Set(unknown)], corrected, ...(pieces?.length ? { pieces } : {}) };
  }

  private weightOf(token: string, pieces?: ReadonlySet<string>): number {
    const w = this.idf.get(token);
    if (w !== undefined) return w;
    // Unknown numbers (prices, dates, a time of day: "9pm", "19h") say less about the topic than unknown words.
    if (isNumberLike(token)) return this.unknownIdf * 0.3;
    if ((token.length === 2 && CJK_PAIR.test(token)) || pieces?.has(token)) return this.unknownIdf * this.unknownBigramWeight;
    return this.unknownIdf;
  }

  /** Share of the query's weight carried by words the knowledge base does not know (0..1). */
  unknownShare(q: QueryAnalysis): number {
    if (q.tokens.length === 0) return 0;
    let total = 0;
    let unknown = 0;
    const u = new Set(q.unknown);
    const pieces = q.pieces && new Set(q.pieces);
    for (const t of q.tokens) {
      const w = this.weightOf(t, pieces);
      total += w;
      if (u.has(t)) unknown += w;
    }
    return total ? unknown / total : 0;
  }

  /** Candidates for the query, best first, one per entry; `markets` filters entries. */
  search(text: string, markets?: readonly Market[], limit = 5): Candidate[] {
    return this.searchAnalysed(this.analyse(text), markets, limit);
  }

  /**
   * `elsewhere`: when given with `markets`, also receives the best-scoring entry of the other markets, from the
   * same pass (what a second search over every market would rank first among them).
   */
  searchAnalysed(q: QueryAnalysis, markets?: readonly Market[], limit = 5, elsewhere?: { best?: Candidate }): Candidate[] {
    if (q.tokens.length === 0) return [];
    let qMass = 0;
    const pieces = q.pieces && new Set(q.pieces);
    for (const t of q.tokens) qMass += this.weightOf(t, pieces);
    const { entry: docEntry, weight, mass, tokenIds, offsets, postings } = this.docs;
    const { shared, count, touched } = this;
    // Shared weight per doc, summed in query-token order (the same sums as a scan of every doc):
    // only docs holding at least one query token are touched; the rest would score 0.
    let n = 0;
    const { entryCovered, entryLastToken } = this;
    q.tokens.forEach((t, ti) => {
      const id = tokenIds.get(t);
      if (id === undefined) return;
      const w = this.weightOf(t, pieces);
      for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
        const d = postings[p]!;
        if (count[d] === 0) touched[n++] = d;
        shared[d] = shared[d]! + w;
        count[d] = count[d]! + 1;
        // The entry as a whole (question, phrasings, tags) holds this query word: count it once.
        const e = docEntry[d]!;
        if (weight[d] !== FIELD_WEIGHT.answer && entryLastToken[e] !== ti) {
          entryLastToken[e] = ti;
          entryCovered[e] = entryCovered[e]! + w;
        }
      }
    });
    // Entry by entry, fields in order (doc numbers follow both), as the scan did.
    const docs = touched.subarray(0, n).sort();
    const out: Candidate[] = [];
    try {
      for (let i = 0; i < n; ) {
        const e = docEntry[docs[i]!]!;
        const entry = this.entries[e]!;
        const allowed = !markets || entry.markets.some((m) => markets.includes(m));
        const scored = allowed || elsewhere !== undefined;
        let best = 0;
        let matched = 0;
        let coverage = 0;
        // The out-of-scope questions are unrelated to one another: each is scored alone, blended with its own
        // coverage of the query, never with what all of them cover together (their words' union covers much).
        const alone = e === this.outOfScopeAt;
        for (; i < n && docEntry[docs[i]!] === e; i++) {
          if (!scored) continue;
          const d = docs[i]!;
          const qCov = shared[d]! / qMass;
          const dCov = shared[d]! / mass[d]!;
          // Covering the query matters more than covering the whole phrasing (F-beta, beta > 1);
          // the answer text is long, so only query coverage counts there.
          const sim = weight[d] === FIELD_WEIGHT.answer ? qCov : ((1 + this.beta2) * qCov * dCov) / (this.beta2 * dCov + qCov);
          const s = alone ? (1 - this.entryWeight) * sim * weight[d]! + this.entryWeight * qCov : sim * weight[d]!;
          if (s > best) {
            best = s;
            matched = count[d]!;
            coverage = dCov;
          }
        }
        // Blend the best single field with how much of the query the entry covers over all its
        // fields: a customer's words spread over two phrasings of one entry still point to it.
        if (best > 0 && this.entryWeight > 0 && !alone) best = (1 - this.entryWeight) * best + this.entryWeight * (entryCovered[e]! / qMass);
        if (best <= 0) continue;
        const candidate = { entry, score: Math.round(best * 1000) / 1000, matched, coverage: Math.round(coverage * 1000) / 1000 };
        if (allowed) out.push(candidate);
        else if (elsewhere && (!elsewhere.best || candidate.score > elsewhere.best.score || (candidate.score === elsewhere.best.score && entry.id.localeCompare(elsewhere.best.entry.id) < 0))) elsewhere.best = candidate;
      }
    } finally {
      for (let i = 0; i < n; i++) {
        shared[docs[i]!] = 0;
        count[docs[i]!] = 0;
        entryCovered[docEntry[docs[i]!]!] = 0;
        entryLastToken[docEntry[docs[i]!]!] = -1;
      }
    }
    out.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return out.slice(0, limit);
  }
}


/** A number, or a time of day written as one ("9pm", "19h", "21h30", "10:30"). */
export function isNumberLike(token: string): boolean {
  return /^\d+(?:[.,:h]\d*|[ap]m)?$/.test(token);
}

const CJK_PAIR = /^[\p{Script=Han}\p{Script=Hangul}]{2}$/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** The index of one language (English by default): its lexicon, its tokens, the entries' text in it. */
export function buildIndex(knowledge: Knowledge, options: IndexOptions = {}, lang: Lang = options.lang ?? 'en'): FaqIndex {
  const fieldsOf =
    options.fieldsOf ??
    (lang === 'en'
      ? undefined
      : (e: FaqEntry): EntryFields => ({ ...knowledge.phrasingsIn(e, lang), tags: [] }));
  const outOfScope = options.outOfScope ?? knowledge.outOfScope?.[lang];
  return new FaqIndex(knowledge.entries, normaliserFor(lang, knowledge.lexicons?.[lang] ?? knowledge.lexicon), { ...options, lang, fieldsOf, ...(outOfScope && { outOfScope }) });
}

export type LangIndexes = Record<Lang, FaqIndex>;

/** One index per language, each over the entries' text in that language. */
export function buildIndexes(knowledge: Knowledge, options: Partial<Record<Lang, IndexOptions>> = {}): LangIndexes {
  return Object.fromEntries(LANGS.map((lang) => [lang, buildIndex(knowledge, options[lang], lang)])) as LangIndexes;
}

export { editDistance, rawTokens };
