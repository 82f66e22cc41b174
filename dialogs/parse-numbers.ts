/**
 * Numbers inside sentences in the five languages: digits with their separators, words (English, French,
 * Portuguese), Chinese numerals and Korean units (만, 천); amounts with their currency (€, NT$, 元, 원,
 * ₩) and durations in months ("3개월", "三個月", "8 mois", "um ano e meio").
 */
export interface Amount {
  amount: number;
  currency?: 'EUR' | 'TWD' | 'KRW';
  /** Read from words rather than digits. */
  words?: boolean;
}

const WORDS: Record<string, number> = {
  // English
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  // French
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  cent: 100, cents: 100, mille: 1000,
  // Portuguese
  um: 1, uma: 1, dois: 2, duas: 2, três: 3, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10,
  doze: 12, treze: 13, catorze: 14, dezasseis: 16, dezassete: 17, dezoito: 18, dezanove: 19, vinte: 20, trinta: 30,
  quarenta: 40, cinquenta: 50, sessenta: 60, setenta: 70, oitenta: 80, noventa: 90, cem: 100, cento: 100, duzentos: 200,
  trezentos: 300, quatrocentos: 400, quinhentos: 500, seiscentos: 600, setecentos: 700, oitocentos: 800, novecentos: 900, mil: 1000,
};
/** Words that join number words ("cento e noventa", "vingt et un", "two hundred and five"). */
const JOINERS = new Set(['e', 'et', 'and']);
/** Articles that are also the number one ("a year", "un an", "um ano"). */
const LATIN_ARTICLES = new Set(['a', 'an', 'un', 'une', 'um', 'uma']);
/** Scale words an article counts ("a hundred", "a thousand", "un million" aside). */
const SCALES = new Set(['hundred', 'thousand', 'cent', 'mille', 'cem', 'cento', 'mil']);

function own(word: string): number | undefined {
  return Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
}

/** A run of number words ("cent quatre-vingt-dix-neuf", "one hundred and ninety-nine", "cento e noventa e nove"). */
function fromWords(tokens: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (JOINERS.has(w) && seen) continue;
    // French 80 = quatre-vingt(s).
    if (w === 'quatre' && /^vingts?$/.test(tokens[i + 1] ?? '')) {
      current += 80;
      i++;
      seen = true;
      continue;
    }
    const v = own(w);
    if (v === undefined) break;
    seen = true;
    if (v === 100 && (w === 'hundred' || w === 'cent' || w === 'cents')) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += v;
  }
  return seen ? total + current : undefined;
}

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals: "三", "十二", "一百九十九", "三千", "兩萬". */
export function fromHan(s: string): number | undefined {
  if (!/^[零〇一二兩两三四五六七八九十百千萬万]+$/u.test(s)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in HAN_DIGITS) digit = HAN_DIGITS[ch]!;
    else if (ch in HAN_UNITS) {
      section += (digit || 1) * HAN_UNITS[ch]!;
      digit = 0;
    } else {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** Digits as people write them: "3,000", "3.000", "3 000", "199,90", "1.234,5". */
function fromDigits(s: string): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(t)) return Number(t.replace(/,/g, ''));
  return Number(t.replace(',', '.'));
}

const DIGITS = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*/;

export interface NumberHit {
  value: number;
  index: number;
  end: number;
  words: boolean;
}

/** Every number in a text, in order, with where it stands. */
export function numbersIn(text: string): NumberHit[] {
  const t = text.normalize('NFKC').toLowerCase();
  const hits: NumberHit[] = [];
  // Korean units: "4만원", "3만 5천원", "35,000원".
  for (const m of t.matchAll(/(\d+(?:[.,]\d+)?)\s*만(?:\s*(\d+)\s*천)?|(\d+)\s*천/gu)) {
    const v = m[1] ? fromDigits(m[1]) * 10_000 + (m[2] ? Number(m[2]) * 1000 : 0) : Number(m[3]) * 1000;
    hits.push({ value: v, index: m.index!, end: m.index! + m[0].length, words: false });
  }
  for (const m of t.matchAll(new RegExp(DIGITS.source, 'g'))) {
    if (hits.some((h) => m.index! >= h.index && m.index! < h.end)) continue;
    hits.push({ value: fromDigits(m[0]), index: m.index!, end: m.index! + m[0].length, words: false });
  }
  for (const m of t.matchAll(/[零〇一二兩两三四五六七八九十百千萬万]+/gu)) {
    const v = fromHan(m[0]);
    if (v !== undefined) hits.push({ value: v, index: m.index!, end: m.index! + m[0].length, words: true });
  }
  // Word runs, token by token (hyphens split "quatre-vingt-dix-neuf").
  const tokens = [...t.matchAll(/[\p{L}]+/gu)];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]![0];
    if (own(w) === undefined) continue;
    // An article before a number word is not a number of its own ("a twelve month commitment" is 12, not 13), except
    // before a scale word, which it counts ("a hundred", "a thousand").
    const next = tokens[i + 1]?.[0];
    if (LATIN_ARTICLES.has(w) && next !== undefined && own(next) !== undefined && !SCALES.has(next) && tokens[i + 1]!.index! - (tokens[i]!.index! + w.length) <= 2) continue;
    let j = i;
    while (j + 1 < tokens.length && (own(tokens[j + 1]![0]) !== undefined || (JOINERS.has(tokens[j + 1]![0]) && own(tokens[j + 2]?.[0] ?? '') !== undefined))) j++;
    const run = tokens.slice(i, j + 1).map((x) => x[0]);
    const v = fromWords(run);
    if (v !== undefined && !(run.length === 1 && (w === 'a' || w === 'an' || w === 'un' || w === 'une' || w === 'um' || w === 'uma') && !/^\s*(year|month|an|mois|ano|mes|euro|€)/.test(t.slice(tokens[i]!.index! + w.length)))) {
      hits.push({ value: v, index: tokens[i]!.index!, end: tokens[j]!.index! + tokens[j]![0].length, words: true });
    }
    i = j;
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The first number in a text. */
export function numberIn(text: string): number | undefined {
  return numbersIn(text)[0]?.value;
}

const CURRENCY: Array<[Amount['currency'], RegExp]> = [
  ['TWD', /(?:nt\$|ntd|twd|新台幣|新臺幣|台幣|臺幣|元|塊)/u],
  ['KRW', /(?:₩|krw|원|won\b)/u],
  ['EUR', /(?:€|eur\b|euros?\b|欧元|歐元|유로)/u],
];

/** An amount of money inside a sentence, with its currency when named next to it ("NT$3,000", "4만원", "199 euros"). */
export function parseAmount(text: string): Amount | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  const hits = numbersIn(t).filter((h) => !/^\s*(?:%|years?|months?|ans?|mois|anos?|mes(?:es)?|년|개월|달|年|個月|个月|月)/u.test(t.slice(h.end)));
  const h = hits[0];
  if (!h) return undefined;
  const around = t.slice(Math.max(0, h.index - 5), h.end + 12);
  const currency = CURRENCY.find(([, re]) => re.test(around))?.[0];
  return { amount: h.value, ...(currency ? { currency } : {}), ...(h.words ? { words: true } : {}) };
}

const YEAR = /^\s*(?:years?|yrs?|ans?|années?|anos?|년|年)/u;
const MONTH = /^\s*(?:months?|mos?|mths?|mois|mes(?:es)?|개월|달|個月|个月|月)/u;
const HALF = /(?:and a half|et demi|e meio|반|半)/u;

/** A duration in months: "5 months", "5", "1 year", "a year and a half", "3개월", "三個月", "since March 2024". */
export function parseMonths(text: string, today?: string, since?: (text: string) => string | undefined): number | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  const months = durationIn(t);
  if (months !== undefined) return months;
  if (/^\s*\d{1,3}\s*$/.test(t)) return Number(t);
  if (today && since) {
    const d = since(text);
    if (d && d <= today) {
      const [y1, m1] = d.split('-').map(Number);
      const [y2, m2] = today.split('-').map(Number);
      return (y2! - y1!) * 12 + (m2! - m1!);
    }
  }
  return undefined;
}

/** The first duration in a text, in months: "2 years and 3 months", "1년 6개월", "um ano e meio"; a later figure is another answer. */
export function durationIn(text: string): number | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  let months: number | undefined;
  let end = -1;
  for (const h of numbersIn(t)) {
    if (months !== undefined && !/^[\s,]*(?:and|et|e|,)?[\s]*$/u.test(t.slice(end, h.index))) break;
    const rest = t.slice(h.end);
    const unit = YEAR.exec(rest) ?? MONTH.exec(rest);
    if (!unit) {
      if (months !== undefined) break;
      continue;
    }
    const isYear = YEAR.test(rest);
    months = (months ?? 0) + h.value * (isYear ? 12 : 1) + (isYear && HALF.test(rest.slice(0, 16)) ? 6 : 0);
    end = h.end + unit[0].length;
    if (!isYear) break;
  }
  return months;
}

/** Korean native numbers said before 달/개월 ("일곱 달", "열두 달", "스물네 달"). */
const KO_NATIVE: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10, 스무: 20, 스물: 20 };
const KO_NATIVE_RUN = /(?<![가-힣])(열|스물|스무)?\s?(한|두|세|네|다섯|여섯|일곱|여덟|아홉)?(?=\s?(?:달|개월))/gu;
/** Sino-Korean numerals are the Chinese ones read in Hangul: each syllable is its Han numeral, read by fromHan. */
const KO_SINO_AS_HAN: Record<string, string> = { 일: '一', 이: '二', 삼: '三', 사: '四', 오: '五', 육: '六', 칠: '七', 팔: '八', 구: '九', 십: '十', 백: '百', 천: '千' };
/** Sino-Korean numbers said before a unit ("삼백구십구 유로", "십이 개월", "이십사개월"). */
const KO_SINO_RUN = /(?<![가-힣])([일이삼사오육칠팔구십백천]+)(?=\s?(?:유로|원|개월|달))/gu;

function fromSinoKorean(s: string): number | undefined {
  return fromHan([...s].map((ch) => KO_SINO_AS_HAN[ch] ?? ch).join(''));
}

/** What may follow a Chinese numeral that is a count or an amount, not part of a word ("一般", "一直", "一下"). */
const HAN_COUNTED = /^(?:個?月|个月|年|歐|欧|元|塊|块|期|次|天|週|周|個?(?:禮拜|星期))/u;

/**
 * The text with the numbers said in words written in digits: "twelve month commitment, eight months done" → "12 month
 * commitment, 8 months done", "cent quarante-neuf euros" → "149 euros", "一百九十九歐" → "199歐", "일곱 달째" → "7 달째",
 * "삼백구십구 유로" → "399 유로". Chinese and Sino-Korean numerals only before a unit or a currency (一般, 이 are words
 * too); a lone article only before a month, a year or a currency ("un euro").
 */
export function withDigits(text: string): string {
  let t = text;
  const hits = numbersIn(t).filter((h) => {
    if (!h.words) return false;
    const word = t.slice(h.index, h.end).toLowerCase();
    const after = t.slice(h.end);
    if (/^[零〇一二兩两三四五六七八九十百千萬万]+$/u.test(word)) return HAN_COUNTED.test(after.trimStart());
    if (LATIN_ARTICLES.has(word)) return /^\s*(?:€|euros?\b|eur\b|months?\b|mois\b|mes(?:es)?\b|years?\b|ans?\b|anos?\b)/u.test(after);
    // An article inside a run is a word of its own ("un an", "il y a un an": a year, read by durationsIn), unless a
    // joiner puts it in the number ("vingt et un", "trinta e um").
    const words = word.split(/[^\p{L}]+/u);
    return !words.some((w, k) => k > 0 && LATIN_ARTICLES.has(w) && !JOINERS.has(words[k - 1]!));
  });
  // numbersIn reads the NFKC lower-cased text: positions match as long as NFKC kept the length, which it does for
  // the words and numerals above; replace from the end so earlier positions stay valid.
  if (t.normalize('NFKC').length === t.length) {
    for (const h of [...hits].reverse()) t = `${t.slice(0, h.index)}${h.value}${t.slice(h.end)}`;
  }
  t = t.replace(KO_SINO_RUN, (m, run: string) => {
    const v = fromSinoKorean(run);
    return v === undefined ? m : String(v);
  });
  t = t.replace(KO_NATIVE_RUN, (m, tens: string | undefined, unit: string | undefined) => {
    if (!tens && !unit) return m;
    return String((tens ? KO_NATIVE[tens]! : 0) + (unit ? KO_NATIVE[unit]! : 0));
  });
  return t;
}
