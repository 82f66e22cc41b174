/**
 * The numbers an answer states, read the same way in every language, so `knowledge:check` can tell
 * when a translation adds or drops one: digits (12개월, 12 mois, 12 meses all state 12), thousands
 * and decimal separators of each convention, 만/萬 and 천/千 multipliers, Chinese numerals (七天,
 * 三個月), number words (two, deux, dois, 두 번), hours (6 pm, 18h, 오후 6시, 下午6點 all state
 * 18) and phone numbers (compared by their digits).
 *
 * The number 1 is left out: "a year", "un an", "한 달" and "一年" state it without a numeral as
 * often as with one, so it cannot be compared reliably.
 */

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 七 → 7, 十二 → 12, 二十四 → 24, 三百 → 300, 一萬五千 → 15000. */
export function chineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch];
    else if (ch in ZH_UNITS) {
      section += (digit ?? 1) * ZH_UNITS[ch]!;
      digit = undefined;
    } else if (ch === '萬' || ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Words for 2..60 in English, French and Portuguese (1 is left out, see above; "neuf" is "new" far more often than nine). */
const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14,
  quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  dois: 2, duas: 2, tres: 3, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, doze: 12, catorze: 14, vinte: 20, trinta: 30,
  quarenta: 40, cinquenta: 50, sessenta: 60,
};
/** Month names state the month's number, as 8월 and 八月 do. */
const MONTHS: Record<string, number> = Object.fromEntries(
  [
    'january february march april may june july august september october november december',
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
    'janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro',
  ].flatMap((names) => names.split(' ').map((m, i) => [m, i + 1] as const)),
);
// "may" and "mars"/"mai" are also words; they name a month only next to a day number.
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mars', 'mai']);

/** Korean native numbers, counted only before a counter (두 번, 세 달, 다섯 개). */
const KO_NATIVE: Record<string, number> = { 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10, 열두: 12, 스무: 20 };
const KO_DAYS: Record<string, number> = { 이틀: 2, 사흘: 3, 나흘: 4, 닷새: 5, 엿새: 6, 이레: 7, 열흘: 10, 보름: 15 };

export interface StatedNumbers {
  /** Numbers as canonical strings ("12", "50000", "1.5"). */
  numbers: Set<string>;
  /** Phone numbers as their digits. */
  phones: Set<string>;
}

/** A match and its groups (a group that did not take part is undefined, as in a RegExp match). */
type Groups = [string, ...Array<string | undefined>];

const num = (n: number) => String(Math.round(n * 100) / 100);

export function statedNumbers(raw: string): StatedNumbers {
  const numbers = new Set<string>();
  const phones = new Set<string>();
  const add = (n: number) => {
    if (Number.isFinite(n) && n !== 1) numbers.add(num(n));
  };
  let text = raw.normalize('NFKC');
  const rawFolded = text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  /** Read every match of `re` and take it out of the text (fn may give back text to read further). */
  const cut = (re: RegExp, fn: (m: Groups) => string | void) => {
    text = text.replace(re, (...args) => ` ${fn(args.slice(0, -2) as Groups) ?? ''} `);
  };
  // Dates before phones: 2024-01-15 is three numbers, not a phone.
  cut(/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, (m) => [m[1], m[2], m[3]].forEach((x) => add(Number(x))));
  // Phones: +33 9 69 39 29 29, 080-023-4567, 1588-1234, (02) 1234 5678 — 7 digits or more in groups
  // joined by spaces, dots, dashes or brackets, unless the groups read as thousands (1 000 000).
  cut(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}/g, (m) => {
    const s = m[0];
    const digits = s.replace(/\D/g, '');
    const thousands = /^\d{1,3}(?:([\s.,])\d{3})+$/.test(s.trim()) && !s.includes('-');
    if (digits.length >= 7 && !thousands) phones.add(digits.replace(/^(?:82|33|351|886)(?=0?\d{6,})/, '').replace(/^0/, ''));
    // Not a phone: give the text back for the number readers below.
    else return s.replace(/-/g, ' ');
  });
  // Hours: 9:00, 18:30, 9h, 18h30, 9 am, 6 pm, 오후 6시, 下午6點.
  cut(/(오후|下午|晚上)\s*(\d{1,2})\s*(?:시|點|点|:00)/g, (m) => add(Number(m[2]) % 12 + 12));
  cut(/(\d{1,2})\s*(?:h\s*)?(\d{2})?\s*(du soir|de l'apres-midi|de l’après-midi|de l'après-midi|da noite|da tarde)/gi, (m) => {
    add((Number(m[1]) % 12) + 12);
    if (m[2] && m[2] !== '00') add(Number(m[2]));
  });
  cut(/(\d{1,2})\s*(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, (m) => {
    add((Number(m[1]) % 12) + (m[3]!.toLowerCase().startsWith('p') ? 12 : 0));
    if (m[2] && m[2] !== '00') add(Number(m[2]));
  });
  cut(/\b(\d{1,2})\s*(?::|h)\s*(\d{2})?(?![\d])/gi, (m) => {
    add(Number(m[1]));
    if (m[2] && m[2] !== '00') add(Number(m[2]));
  });
  // Thousands separators of every convention: 50,000 / 50.000 / 50 000 (with narrow spaces).
  cut(/\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d,.]\d)/g, (m) => add(Number(m[0].replace(/\D/g, ''))));
  // 5만 원, 1만 5천, 5萬, 3千.
  cut(/(\d+(?:[.,]\d+)?)\s*(만|萬|万|억|億)(?:\s*(\d+)\s*(천|千))?/g, (m) => {
    const base = Number(m[1]!.replace(',', '.')) * (m[2] === '억' || m[2] === '億' ? 1e8 : 1e4);
    add(base + (m[3] ? Number(m[3]) * 1000 : 0));
  });
  cut(/(\d+)\s*(천|千)/g, (m) => add(Number(m[1]) * 1000));
  cut(/\d+[.,]\d{1,2}(?!\d)/g, (m) => add(Number(m[0].replace(',', '.'))));
  cut(/\d+/g, (m) => add(Number(m[0])));
  // Chinese numerals before a counter or unit (七天, 三個月, 十二個月, 兩年); 零件, 十分, 二手 are words.
  cut(/([零〇一二兩两三四五六七八九十百千萬万]+)(?=[年個个月天日次週周小時分秒歲台元塊倍%])/g, (m) => {
    const v = chineseNumeral(m[1]!);
    if (v !== undefined && m[1] !== '零' && m[1] !== '〇') add(v);
  });
  cut(/(이틀|사흘|나흘|닷새|엿새|이레|열흘|보름)/g, (m) => add(KO_DAYS[m[1]!]!));
  cut(/(열두|스무|다섯|여섯|일곱|여덟|아홉|두|세|네|열)\s*(번|달|시간|주|해|차례)/g, (m) => add(KO_NATIVE[m[1]!]!));
  let folded = text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  // vingt-quatre, vinte e quatro, twenty-four: tens + unit, read before the words alone.
  folded = folded.replace(/\b(twenty|thirty|forty|fifty|vingt|trente|quarante|cinquante|vinte|trinta|quarenta|cinquenta)(?:-| e | et )([a-z]+)/g, (all, tens: string, unit: string) => {
    const u = WORDS[unit];
    if (!u || u >= 10) return all;
    add(WORDS[tens]! + u);
    return ' ';
  });
  const words = folded.split(/[^a-z0-9]+/);
  words.forEach((w) => {
    if (w in WORDS) add(WORDS[w]!);
    const month = MONTHS[w];
    if (month && (!AMBIGUOUS_MONTHS.has(w) || new RegExp(`\\d\\s*(?:er\\s+|de\\s+)?${w}\\b|\\b${w}\\s+(?:de\\s+)?\\d`).test(rawFolded))) add(month);
  });
  return { numbers, phones };
}

const LANG_NAME: Record<string, string> = { 'zh-TW': 'zh-TW', ko: 'ko', fr: 'fr', pt: 'pt' };

/**
 * What a translated answer states that the English one does not, and the reverse, as problem
 * messages (empty when they agree). Compound numbers written both ways (twenty-four / 24) count once.
 */
export function numberProblems(english: string, translated: string, lang: string): string[] {
  const a = statedNumbers(english);
  const b = statedNumbers(translated);
  const out: string[] = [];
  const diff = (x: Set<string>, y: Set<string>) => [...x].filter((v) => !y.has(v));
  const addedNumbers = diff(b.numbers, a.numbers).filter((n) => !a.phones.has(n));
  const droppedNumbers = diff(a.numbers, b.numbers).filter((n) => !b.phones.has(n));
  const name = LANG_NAME[lang] ?? lang;
  if (addedNumbers.length) out.push(`the ${name} answer states ${addedNumbers.join(', ')}, the English answer does not`);
  if (droppedNumbers.length) out.push(`the English answer states ${droppedNumbers.join(', ')}, the ${name} answer does not`);
  const addedPhones = diff(b.phones, a.phones);
  const droppedPhones = diff(a.phones, b.phones);
  if (addedPhones.length) out.push(`the ${name} answer gives phone ${addedPhones.join(', ')}, the English answer does not`);
  if (droppedPhones.length) out.push(`the English answer gives phone ${droppedPhones.join(', ')}, the ${name} answer does not`);
  return out;
}
