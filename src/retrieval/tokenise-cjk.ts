/**
 * Chinese (as written in Taiwan) and Korean tokens. Neither language puts spaces between words the
 * way English does, so a message is read as overlapping pieces:
 *
 * - zh-TW: Simplified input is read as Traditional (opencc-js, cn → tw) and a few variant characters
 *   folded (臺 → 台); then the words of Intl.Segmenter('zh-TW') plus every character bigram of each
 *   Han run, so "不出水" meets "沒出水" on 出水 whatever the segmenter made of either.
 * - ko: each space-separated word (eojeol) loses its particles and polite endings (기계가 → 기계,
 *   물이 → 물, 나와요 → 나와); the stem is a token, and so is each of its syllable bigrams.
 *
 * Latin words inside (Pixie, Vertuo, CitiZ, Essenza Mini) and numbers are kept whole, lower case,
 * so product names match whatever script surrounds them. The lexicon of each language replaces variant
 * substrings by their canonical form before any of this (保修 → 保固, 와이파이 → wifi).
 */
import { readAsTraditional } from '../lib/traditional-chinese.js';
import type { Lexicon } from './knowledge-schema.js';
import { cleanText, foldAccents, type Normaliser } from './normalise.js';

/** Variants opencc leaves or produces that Taiwan writes otherwise. */
const ZH_FOLD: Record<string, string> = { 臺: '台', 賬: '帳', 綫: '線', 裏: '裡', 着: '著' };
const zhFold = (s: string) => readAsTraditional(s).replace(/[臺賬綫裏着]/g, (c: string) => ZH_FOLD[c]!);

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
/** Runs of one script: Han, Hangul, or Latin letters and digits. */
const RUNS = /\p{Script=Han}+|\p{Script=Hangul}+|[\p{Script=Latin}\p{N}]+/gu;

/** Characters that join no useful bigram (的咖, 我的, 機了). */
const ZH_STOP_CHARS = new Set([...'的了嗎嗎呢吧啊呀喔哦嘛我你妳他她它是在有就都也很還要會請想把被和與跟及或這那哪嗎麼']);
const ZH_STOPWORDS = ['請問', '怎麼', '如何', '什麼', '為什麼', '可以', '可不可以', '是否', '一下', '謝謝', '你好', '您好', '我們', '你們', '自己', '現在', '那個', '這個'];

/**
 * Korean particles and polite endings, longest first; a stem keeps at least one syllable.
 * A topic or additive particle may sit on a case particle: 기계에서는 → 기계에서 → 기계 (a second
 * pass only then, so 나와요 stays 나와).
 */
const KO_SUFFIXES = [
  '해주세요', '해주실', '주세요', '주실', '해줘요', '줘요', '하려면', '으려면', '려면', '하면', '으면', '이면', '해야', '해서', '어서', '아서',
  '는건지', '은건지', '는거', '은거', '인거', '한거', '된거', '건지', '할때', '을때', '때', '마다', '까봐', '다던데', '라던데', '던데',
  '는지', '은지', '인지', '다고', '라고', '니까', '지만', '거나',
  '했어요', '했는데', '습니까', '습니다', '합니다', '됩니다', '입니다', '인가요', '이에요', '에서는', '에게서', '으로는', '이라도',
  '하나요', '되나요', '나요', '까요', '어요', '아요', '해요', '돼요', '예요', '에요', '세요', '는데', '은데', '인데', '지요', '네요',
  '에서', '으로', '에게', '한테', '께서', '부터', '까지', '보다', '처럼', '이랑', '하고', '이나', '라도', '이요',
  '은', '는', '이', '가', '을', '를', '에', '로', '의', '도', '만', '께', '와', '과', '랑', '요', '죠', '나',
];
const KO_STOPWORDS = ['좀', '어떻게', '뭐', '무엇', '저', '제', '그', '이', '수', '있나', '있어', '있', '하', '해', '왜', '안녕하세', '안녕', '감사', '혹시', '그냥', '근데', '그런데', '제가', '저는', '나'];

const KO_STACKING = new Set(['은', '는', '도', '만']);
const KO_CASE = ['에서', '에게', '한테', '으로', '부터', '까지', '이랑', '하고', '에', '로', '와', '과', '랑'];

export function stripKorean(word: string): string {
  const strip = (w: string, list: readonly string[]) => {
    const suffix = list.find((s) => w.length > s.length && w.endsWith(s));
    return suffix ? { stem: w.slice(0, -suffix.length), suffix } : undefined;
  };
  const first = strip(word, KO_SUFFIXES);
  if (!first) return word;
  if (!KO_STACKING.has(first.suffix)) return first.stem;
  return strip(first.stem, KO_CASE)?.stem ?? first.stem;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Lexicon substitution on the raw text: every variant (longest first) becomes its canonical. */
function substitution(lexicon: Lexicon, prepare: (s: string) => string): (text: string) => string {
  const map = new Map<string, string>();
  for (const g of lexicon.synonyms) for (const v of g.variants) map.set(prepare(v), prepare(g.canonical));
  const variants = [...map.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  if (variants.length === 0) return (t) => t;
  const re = new RegExp(variants.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(re, (v) => ` ${map.get(v)!} `);
}

/** Product names and the odd English word are not inflected inside Chinese or Korean text: kept whole. */
function latinToken(word: string): string {
  return word;
}

function cjkNormaliser(
  prepare: (s: string) => string,
  lexicon: Lexicon,
  builtInStops: readonly string[],
  readRun: (run: string, words: string[], pieces: string[]) => void,
): Normaliser {
  const substitute = substitution(lexicon, prepare);
  const stop = new Set([...builtInStops, ...lexicon.stopwords].map((w) => prepare(w).trim()));
  const read = (text: string) => {
    const s = substitute(prepare(text));
    const words: string[] = [];
    const pieces: string[] = [];
    for (const m of s.matchAll(RUNS)) {
      const run = m[0];
      if (HAN.test(run[0]!) || HANGUL.test(run[0]!)) readRun(run, words, pieces);
      else words.push(latinToken(run));
    }
    return { words: words.filter((t) => !stop.has(t)), pieces: pieces.filter((t) => !stop.has(t)) };
  };
  return {
    canonical: (t) => t,
    isStopword: (t) => stop.has(t),
    tokens(text) {
      const { words, pieces } = read(text);
      return [...words, ...pieces];
    },
    pieces(text) {
      const { words, pieces } = read(text);
      const w = new Set(words);
      return pieces.filter((p) => !w.has(p));
    },
  };
}

const prepareZh = (s: string) => zhFold(foldAccents(cleanText(s).toLowerCase()).normalize('NFC'));
const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });

export function chineseNormaliser(lexicon: Lexicon): Normaliser {
  return cjkNormaliser(prepareZh, lexicon, ZH_STOPWORDS, (run, words, pieces) => {
    if (!HAN.test(run)) {
      // Hangul in a Chinese message: whole words only.
      words.push(run);
      return;
    }
    for (const seg of segmenter.segment(run)) {
      if (seg.isWordLike && ![...seg.segment].every((c) => ZH_STOP_CHARS.has(c))) words.push(seg.segment);
    }
    for (const b of bigrams(run)) if (!ZH_STOP_CHARS.has(b[0]!) && !ZH_STOP_CHARS.has(b[1]!)) pieces.push(b);
  });
}

// Hangul syllables and jamo are not touched by NFKC's compatibility mapping of the compatibility jamo we care about.
// Bare jamo are not words: the tears and laughs typed after a word (ㅠㅠ, ㅋㅋ, ㅎㅎ) would keep it from losing its ending.
const prepareKo = (s: string) => foldAccents(cleanText(s).toLowerCase()).normalize('NFC').replace(/[\u1100-\u11ff\u3131-\u318e]+/gu, ' ');

/** Particles and endings that can be all that is left of a Korean run (after a Latin word, a number, a lexicon word). */
const KO_BARE_PARTICLES = new Set(['은', '는', '이', '가', '을', '를', '에', '에서', '으로', '로', '의', '도', '와', '과', '랑', '이랑', '에게', '한테', '부터', '까지', '이요', '요', '이에요', '예요', '인가요', '이나', '나', '으로는', '에서는']);

export function koreanNormaliser(lexicon: Lexicon): Normaliser {
  const stop = new Set([...KO_STOPWORDS, ...lexicon.stopwords].map((w) => prepareKo(w).trim()));
  return cjkNormaliser(prepareKo, lexicon, KO_STOPWORDS, (run, words, pieces) => {
    if (!HANGUL.test(run)) {
      for (const b of bigrams(run)) pieces.push(b);
      return;
    }
    // A particle alone: what is left of "whatsapp으로" or "머신이" once the lexicon has put its
    // canonical word apart; a particle is never a word.
    if (KO_BARE_PARTICLES.has(run)) return;
    const word = stripKorean(run);
    // A stop word ("어떻게") says nothing, nor do its pieces.
    if (stop.has(word)) return;
    words.push(word);
    if (word.length >= 3) for (const b of bigrams(word)) pieces.push(b);
  });
}

export { prepareZh };
