/**
 * Synthetic knowledge bases of any size, made deterministically by recombining the real one's
 * vocabulary, in every language: the real entries stay in (real questions must still find their
 * answers among the distractors) and synthetic entries fill up to the size asked, each worded in
 * the five languages from that language's own words. Same seed, same entries.
 */
import { LANGS, type Lang } from '../../src/conversation/lang.js';
import { TRANSLATED_LANGS, type FaqEntry, type LocalizedEntry, type TranslatedLang } from '../../src/retrieval/knowledge-schema.js';
import { makeKnowledge, type Knowledge } from '../../src/retrieval/knowledge.js';
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

const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });

/** Words of a language's text: Chinese by Intl.Segmenter, the others by spaces and punctuation. */
function wordsOf(text: string, lang: Lang): string[] {
  if (lang === 'zh-TW') return [...segmenter.segment(text)].filter((s) => s.isWordLike && !/^\d+$/.test(s.segment)).map((s) => s.segment);
  if (lang === 'en') return rawTokens(text).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  return text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
}

export function vocabularyOf(knowledge: Knowledge, lang: Lang = 'en'): string[] {
  const words = new Set<string>();
  for (const e of knowledge.entries) {
    const f = knowledge.phrasingsIn(e, lang);
    for (const text of [f.question, ...f.phrasings, f.answer, ...(lang === 'en' ? e.tags : [])]) for (const w of wordsOf(text, lang)) words.add(w);
  }
  return [...words].sort();
}

export function syntheticKnowledge(real: Knowledge, size: number, seed = 20240501): Knowledge {
  const rand = prng(seed);
  const vocab = Object.fromEntries(LANGS.map((l) => [l, vocabularyOf(real, l)])) as Record<Lang, string[]>;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number, lang: Lang = 'en') =>
    Array.from({ length: n }, () => vocab[lang][Math.floor(rand() * vocab[lang].length)]!).join(lang === 'zh-TW' ? '' : ' ');
  const translations = new Map(real.translations);
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
    const t: Partial<Record<TranslatedLang, LocalizedEntry>> = {};
    for (const lang of TRANSLATED_LANGS) {
      t[lang] = {
        id: `syn-${i}`,
        question: words(between(4, 8), lang),
        phrasings: Array.from({ length: between(10, 12) }, () => words(between(2, 6), lang)),
        answer: words(between(15, 30), lang),
        section: 'synthetic',
      };
    }
    translations.set(`syn-${i}`, t);
  }
  const { localized: _l, phrasingsIn: _p, ...data } = real;
  return makeKnowledge({ ...data, entries, translations, byId: new Map(entries.map((e) => [e.id, e])) });
}
