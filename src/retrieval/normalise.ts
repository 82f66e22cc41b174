/**
 * Text normalisation shared by indexing and querying: Unicode NFKC, lower case, accents folded,
 * punctuation dropped, a light English stemmer, and the domain lexicon (synonyms, misspellings,
 * multi-word phrases) mapped to canonical tokens.
 */
import type { Lexicon } from './knowledge-schema.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Clean raw customer text: control characters out, Unicode normalised, whitespace collapsed. */
export function cleanText(raw: string): string {
  return raw.normalize('NFKC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Light suffix stripping: enough to join plural/verb forms, never so much that words collide. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(?:ch|sh|x|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** "runn" → "run", "stopp" → "stop"; keeps ll/ss/zz ("fill", "press"). */
function undouble(w: string): string {
  const a = w[w.length - 1];
  return w.length > 3 && a === w[w.length - 2] && a !== undefined && /[bcdfgkmnprt]/.test(a) ? w.slice(0, -1) : w;
}

/** Contractions typed without the apostrophe ("didnt", "cant", "wont") read as "not". */
const BARE_NEGATION = /^(?:didnt|doesnt|dont|isnt|arent|wasnt|werent|hasnt|havent|hadnt|cant|couldnt|wouldnt|shouldnt|wont|aint)$/;

export function rawTokens(text: string): string[] {
  return foldAccents(cleanText(text).toLowerCase())
    .replace(/[€$₩]/g, ' ')
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .replace(/['’]s\b/g, '')
    .replace(/n['’]t\b/g, ' not')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => (BARE_NEGATION.test(w) ? 'not' : w));
}

export interface Normaliser {
  /** Canonical tokens, stop words removed. */
  tokens(text: string): string[];
  /** Canonical form of one already-split token (used after spelling correction). */
  canonical(token: string): string;
  isStopword(token: string): boolean;
  /**
   * The tokens of `text` that are only pieces of words (Chinese character bigrams, Korean syllable
   * bigrams), not words in their own right there: they say less than a word does. Absent: none are.
   */
  pieces?(text: string): string[];
}

/** How a language splits and stems words; English by default. */
export interface WordRules {
  rawTokens(text: string): string[];
  stem(word: string): string;
  /** Stop words every lexicon of the language shares (the lexicon adds its own). */
  stopwords?: readonly string[];
}

const ENGLISH: WordRules = { rawTokens, stem };

export function createNormaliser(lexicon: Lexicon, rules: WordRules = ENGLISH): Normaliser {
  const { rawTokens, stem } = rules;
  const single = new Map<string, string>();
  const phrases: Array<{ words: string[]; canonical: string }> = [];
  for (const group of lexicon.synonyms) {
    const canonical = group.canonical.toLowerCase();
    for (const variant of [...group.variants, group.canonical]) {
      const words = rawTokens(variant);
      if (words.length === 0) continue;
      if (words.length === 1) {
        const w = words[0]!;
        if (!single.has(w)) single.set(w, canonical);
        const s = stem(w);
        if (!single.has(s)) single.set(s, canonical);
      } else phrases.push({ words, canonical });
    }
  }
  phrases.sort((a, b) => b.words.length - a.words.length);
  // By first word, longest first (the order above): a word is only checked against the phrases that start with it.
  const phrasesByFirst = new Map<string, Array<{ words: string[]; canonical: string }>>();
  for (const p of phrases) {
    const list = phrasesByFirst.get(p.words[0]!);
    if (list) list.push(p);
    else phrasesByFirst.set(p.words[0]!, [p]);
  }
  const stop = new Set([...(rules.stopwords ?? []), ...lexicon.stopwords].map((w) => foldAccents(w.toLowerCase())));
  // A stop word of several words ("là-bas", which the tokens split into "la" and "bas"): skipped as a whole, so its
  // pieces never match a word they only look like ("bas" is also the stem of "basé").
  const stopPhrases = new Map<string, string[][]>();
  for (const w of [...(rules.stopwords ?? []), ...lexicon.stopwords]) {
    const words = rawTokens(w);
    if (words.length < 2) continue;
    stopPhrases.set(words[0]!, [...(stopPhrases.get(words[0]!) ?? []), words].sort((a, b) => b.length - a.length));
  }

  const canonical = (token: string): string => {
    const direct = single.get(token);
    if (direct) return stem(direct);
    const s = stem(token);
    const viaStem = single.get(s);
    return viaStem ? stem(viaStem) : s;
  };

  return {
    canonical,
    isStopword: (t) => stop.has(t),
    tokens(text: string): string[] {
      const words = rawTokens(text);
      const out: string[] = [];
      for (let i = 0; i < words.length; ) {
        const stopped = stopPhrases.get(words[i]!)?.find((p) => p.every((w, k) => k === 0 || words[i + k] === w));
        if (stopped) {
          i += stopped.length;
          continue;
        }
        const match = phrasesByFirst.get(words[i]!)?.find((p) => p.words.every((w, k) => k === 0 || words[i + k] === w));
        if (match) {
          out.push(stem(match.canonical));
          i += match.words.length;
          continue;
        }
        const w = words[i]!;
        i += 1;
        if (stop.has(w)) continue;
        const c = canonical(w);
        // "whats" → "what": a stop word once its ending is gone.
        if (stop.has(c)) continue;
        out.push(c);
      }
      return out;
    },
  };
}
