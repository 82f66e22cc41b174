/**
 * Simplified Chinese read as Traditional as written in Taiwan: opencc-js's own `s2tw` data and
 * algorithm (normalise CJK compatibility ideographs, segment on the phrase dictionaries, convert
 * each segment through the phrase/character dictionaries, then the Taiwan variants), with the
 * dictionaries held in flat maps instead of opencc-js's trie of one Map per character.
 *
 * Why: `OpenCC.Converter({ from: 'cn', to: 'tw' })` builds three tries over ~49k phrases — about
 * 40 MB of heap and 1.1 s — and the tokeniser and the answer parser each built their own (80 MB,
 * 2.2 s of start-up). Here one converter is shared, built on first use from the same dictionaries:
 * about 7 MB. The result is the same string opencc-js gives (test/unit/traditional-chinese.test.ts
 * compares both over the knowledge base and the labelled questions).
 *
 * The single home of opencc-js in the service.
 */
import { configs } from 'opencc-js/preset/cn2t';

type DictLike = string | string[][];

/**
 * One dictionary: key → replacement; the length of its longest key (UTF-16 units) by first unit,
 * and by first two units for keys of two or more (so that most positions try one or two keys).
 */
interface FlatDict {
  map: Map<string, string>;
  longest: Map<number, number>;
  longestByPair: Map<string, number>;
}

const built = new Map<DictLike, FlatDict>();

function flatDict(d: DictLike): FlatDict {
  const cached = built.get(d);
  if (cached) return cached;
  const map = new Map<string, string>();
  const longest = new Map<number, number>();
  const longestByPair = new Map<string, number>();
  const add = (k: string, v: string) => {
    if (!k) return;
    if (k.length > 255) throw new RangeError('opencc dictionary: a key longer than 255 units');
    map.set(k, v); // a later line of the same dictionary wins, as in opencc-js
    const c = k.charCodeAt(0);
    if ((longest.get(c) ?? 0) < k.length) longest.set(c, k.length);
    if (k.length >= 2) {
      const pair = k.slice(0, 2);
      if ((longestByPair.get(pair) ?? 0) < k.length) longestByPair.set(pair, k.length);
    }
  };
  if (typeof d === 'string') {
    for (const line of d.split('|')) {
      const [k, v] = line.split(' ');
      if (typeof v !== 'string') throw new TypeError('opencc dictionary: expected "source replacement" entries');
      add(k!, v);
    }
  } else for (const [k, v] of d) add(k!, v!);
  const dict = { map, longest, longestByPair };
  built.set(d, dict);
  return dict;
}

/**
 * A dictionary group as opencc-js merges it (the first dictionary wins on a key they share):
 * longest match at a position, as its trie's matchPrefix.
 */
class DictGroup {
  private readonly dicts: FlatDict[];
  /** Longest key of the group by first UTF-16 unit (0: no key starts with it). */
  private readonly longest = new Uint8Array(0x10000);
  constructor(group: readonly DictLike[]) {
    this.dicts = group.map(flatDict);
    for (const d of this.dicts) for (const [c, n] of d.longest) this.longest[c] = Math.max(this.longest[c]!, n);
  }

  /** [end, replacement] of the longest key starting at i, or undefined. */
  match(s: string, i: number): [number, string] | undefined {
    if (this.longest[s.charCodeAt(i)] === 0) return undefined;
    let max = 1;
    if (i + 1 < s.length) {
      const pair = s.slice(i, i + 2);
      for (const d of this.dicts) max = Math.max(max, d.longestByPair.get(pair) ?? 0);
    }
    for (let len = Math.min(max, s.length - i); len >= 1; len--) {
      const key = s.slice(i, i + len);
      for (const d of this.dicts) {
        const v = d.map.get(key);
        if (v !== undefined) return [i + len, v];
      }
    }
    return undefined;
  }

  convert(s: string): string {
    return this.pieces(s, (m) => m[1]).join('');
  }

  segment(s: string): string[] {
    return this.pieces(s, (m, i) => s.slice(i, m[0]));
  }

  /** The text cut at each dictionary match: runs without a match as they are, each match as `piece` makes it. */
  private pieces(s: string, piece: (m: [number, string], at: number) => string): string[] {
    const out: string[] = [];
    let plain = -1;
    for (let i = 0; i < s.length; ) {
      const m = this.match(s, i);
      if (m) {
        if (plain >= 0) out.push(s.slice(plain, i));
        plain = -1;
        out.push(piece(m, i));
        i = m[0];
      } else {
        if (plain < 0) plain = i;
        i += unmatchedLength(s, i);
      }
    }
    if (plain >= 0) out.push(s.slice(plain));
    return out;
  }
}

// Ideographic description sequences (⿰氵肖) are stepped over whole, as opencc-js does.
const codePointLength = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n += 1) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + codePointLength(s, end);
  }
  return end;
}

function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

interface Converter {
  normalise: DictGroup[];
  segmentation: DictGroup;
  chain: DictGroup[];
}

let converter: Converter | undefined;

/** opencc-js's Simplified → Taiwan Traditional tables, as its preset holds them. */
function s2twTables(): { normalizationChain: DictLike[][]; segmentation: DictLike[]; conversionChain: DictLike[][] } {
  return (configs as Record<string, { normalizationChain: DictLike[][]; segmentation: DictLike[]; conversionChain: DictLike[][] }>).s2tw!;
}

function build(): Converter {
  const s2tw = s2twTables();
  return {
    normalise: s2tw.normalizationChain.map((g) => new DictGroup(g)),
    segmentation: new DictGroup(s2tw.segmentation),
    chain: s2tw.conversionChain.map((g) => new DictGroup(g)),
  };
}

/** Simplified (or mixed) Chinese as Traditional as written in Taiwan; other text unchanged. */
export function toTraditional(text: string): string {
  const c = (converter ??= build());
  const normalised = c.normalise.reduce((s, g) => g.convert(s), text);
  return c.segmentation
    .segment(normalised)
    .map((seg) => c.chain.reduce((s, g) => g.convert(s), seg))
    .join('');
}

let simplifiedOnly: Set<string> | undefined;

/**
 * Characters only Simplified Chinese writes (们, 设, 码, 这): a one-character key of the conversion that no
 * conversion ever writes. 只, 台, 里 and 后 are keys too, but Taiwan writes them as they are.
 */
function simplifiedOnlyChars(): Set<string> {
  const s2tw = s2twTables();
  const keys = new Set<string>();
  const written = new Set<string>();
  for (const group of s2tw.conversionChain)
    for (const d of group)
      for (const [k, v] of flatDict(d).map) {
        if (k.length === 1) keys.add(k);
        for (const ch of v) written.add(ch);
      }
  return new Set([...keys].filter((k) => !written.has(k)));
}

/**
 * The text as Taiwan writes it: converted (toTraditional) only when it holds a character only Simplified Chinese
 * writes. Text already in Traditional characters is left as it is: the conversion's phrase tables would otherwise
 * rewrite some of it ("還是只能刷卡" → "還是隻能刷卡", "一台" → "一臺").
 */
export function readAsTraditional(text: string): string {
  const only = (simplifiedOnly ??= simplifiedOnlyChars());
  for (const ch of text) if (only.has(ch)) return toTraditional(text);
  return text;
}
