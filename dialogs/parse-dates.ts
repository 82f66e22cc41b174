/**
 * Dates in free text, in the five languages: chrono-node where it has the language (en, fr, pt, zh.hant),
 * and our own patterns for Korean, for years and months written the CJK way, and for relative forms
 * ("2년 전", "三個月前", "il y a 8 mois", "há 8 meses", "작년 3월", "去年三月", "mars dernier").
 */
// Only the four locales used: chrono-node's root module loads all of its ~20 (0.6 s of CPU at start, ~15 MB).
import type { Lang } from '../src/conversation/lang.js';
import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import * as pt from 'chrono-node/pt';
import * as zh from 'chrono-node/zh';
import type { Market } from '../src/lib/types.js';
import { durationIn, fromHan } from './parse-numbers.js';

export interface ParsedDate {
  date: string;
  /**
   * day: a calendar date; month: "March 2024"; ago: "8 months ago", "2 years ago" (as near as how long ago it was:
   * a few months either side, never more than six); approx: "in 2021", any time that year or so.
   */
  precision: 'day' | 'month' | 'ago' | 'approx';
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTHS: Array<[number, RegExp]> = [
  [1, /\b(?:janvier|janeiro|jan)\b/],
  [2, /\b(?:février|fevrier|fevereiro|fév|fev)\b/],
  [3, /\b(?:mars|março|marco)\b/],
  [4, /\b(?:avril|abril|avr)\b/],
  [5, /\b(?:mai|maio)\b/],
  [6, /\b(?:juin|junho)\b/],
  [7, /\b(?:juillet|julho|juil)\b/],
  [8, /\b(?:août|aout|agosto)\b/],
  [9, /\b(?:septembre|setembro|sept|set)\b/],
  [10, /\b(?:octobre|outubro|oct|out)\b/],
  [11, /\b(?:novembre|novembro|nov)\b/],
  [12, /\b(?:décembre|decembre|dezembro|déc|dez)\b/],
];

/**
 * What chrono needs to find a date in the locales run (en, fr, pt; zh.hant for Han text): a digit, a month or weekday
 * name, a relative day/week/month/year. Hangul is not among them: chrono has no Korean, Korean dates are read by our
 * own patterns above it, and Korean syllables such as 지 and 일 are in most Korean sentences ("남았는지"), so they sent
 * nearly every Korean message through three Latin-script locales that can find nothing in it (~60 µs warm, tens of
 * milliseconds on the first calls after start; one-shot warranty reading, bench profile).
 */
const CHRONO_HINT =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:today|yesterday|tomorrow|tonight|now|last|next|past|ago|week|weeks|month|months|year|years|day|days|fortnight|weekend)\b|aujourd|\b(?:hier|demain|avant-hier|semaines?|mois|ans?|années?|jours?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|dernier|dernière|prochain)\b|\b(?:hoje|ontem|amanhã|anteontem|semanas?|mês|meses|anos?|dias?|segunda|terça|quarta|quinta|sexta|sábado|domingo|passad[oa]|próxim[oa])\b|[一二三四五六七八九十兩两年月日天週周號号今昨前去上下星禮]/u;

const AGO = /\bago\b|il y a|(?:^|\s)há(?=\s)|(?:^|\s)ha(?=\s)|atrás|\batras\b|전|前/u;
const LAST_YEAR = /last year|l'année dernière|l'an dernier|l'an passé|ano passado|작년|지난해|去年/u;
const THIS_YEAR = /this year|cette année|este ano|올해|今年/u;
const LAST = /\b(?:dernier|passé|passado)\b|지난/u;

function addDaysIso(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonthsIso(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return iso(ny, nm, Math.min(d, last));
}

/** The month named in the text (French, Portuguese, "3월", "三月", "3月"), if any. */
function monthIn(t: string): number | undefined {
  const cjk = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[월月](?!\s*\d)/u.exec(t);
  if (cjk) {
    const m = /\d/.test(cjk[1]!) ? Number(cjk[1]) : fromHan(cjk[1]!);
    if (m && m >= 1 && m <= 12) return m;
  }
  return MONTHS.find(([, re]) => re.test(t))?.[0];
}

/** A year as written before 年 or 년: four digits; two (2000 + yy); three, Taiwan's Minguo calendar (1911 + yyy). */
function fullYear(written: string): number {
  const n = Number(written);
  if (written.length === 4) return n;
  return written.length === 3 ? 1911 + n : 2000 + n;
}

/** A date in free text ("last March", "2 years ago", "January 2021", "2021-03-05", "2022년 8월 22일", "il y a 8 mois"). */
export function parseDate(text: string, today: string, market?: Market, lang?: Lang): ParsedDate | undefined {
  const t = text.normalize('NFKC').toLowerCase().replace(/\byrs?\b/g, 'years').replace(/\bmos?\b/g, 'months');
  const [ty] = today.split('-').map(Number) as [number];

  // Also a two-digit year ("24년 12월 1일": 2024) and Taiwan's Minguo year ("114年3月5日", "民國114年": 1911 + 114).
  const cjk = /(?<!\d)(\d{4}|\d{2,3})\s*[년年]\s*(\d{1,2})\s*[월月](?:\s*(\d{1,2})\s*[일日號号])?/u.exec(t);
  if (cjk) {
    const [y, m, d] = [fullYear(cjk[1]!), Number(cjk[2]), cjk[3] ? Number(cjk[3]) : undefined];
    if (m >= 1 && m <= 12) return { date: iso(y, m, d ?? 1), precision: d ? 'day' : 'month' };
  }
  // "5월 12일" (Korean, no year; chrono has no Korean): this year's, or last year's when that is still to come.
  const koDay = /(?<!\d)(\d{1,2})\s*월\s*(\d{1,2})\s*일/u.exec(t);
  if (koDay) {
    const [m, d] = [Number(koDay[1]), Number(koDay[2])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { date: iso(iso(ty, m, d) > today ? ty - 1 : ty, m, d), precision: 'day' };
  }
  const isoLike = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(t);
  if (isoLike) return { date: iso(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])), precision: 'day' };
  // "24.12.1", "25.3.15": Korea's short year-first form (the day-first "10.01.2025" has a four-digit year last).
  const shortKo = market === 'KR' || lang === 'ko' ? /(?<![\d.])(\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d])/.exec(t) : null;
  if (shortKo && Number(shortKo[2]) <= 12) return { date: iso(2000 + Number(shortKo[1]), Number(shortKo[2]), Number(shortKo[3])), precision: 'day' };

  // "2 years ago", "il y a 8 mois", "há 8 meses", "2년 전", "三個月前".
  if (AGO.test(t)) {
    // "3 days ago", "il y a 3 jours", "há 3 dias", "3일 전", "三天前": a calendar date.
    const days = /(?<![월月]\s?)(?<!\d)(\d{1,3}|[一二三四五六七八九十兩两]{1,3})\s*(?:days?|jours?|dias?|일|日|天)(?![\p{L}\d])/u.exec(t);
    const n = days ? (/\d/.test(days[1]!) ? Number(days[1]) : fromHan(days[1]!)) : undefined;
    if (n !== undefined && n > 0) return { date: addDaysIso(today, -n), precision: 'day' };
    const months = durationIn(t) ?? 0;
    if (months > 0) return { date: addMonthsIso(today, -months), precision: 'ago' };
  }

  // "작년 3월", "去年三月", "mars de l'année dernière", "março do ano passado", "mars dernier", "3월".
  const month = monthIn(t);
  if (month && !/\d{4}/.test(t) && !/\d{1,2}\s*[일日]|\b\d{1,2}\s+(?:de\s+)?\p{L}/u.test(t)) {
    if (LAST_YEAR.test(t)) return { date: iso(ty - 1, month, 1), precision: 'month' };
    const y = iso(ty, month, 1) > today || (LAST.test(t) && iso(ty, month, 1) === today.slice(0, 8) + '01' && false) ? ty - 1 : ty;
    if (LAST.test(t) || THIS_YEAR.test(t) || /[월月]/u.test(t)) return { date: iso(y, month, 1), precision: 'month' };
  }
  // "mars 2024", "março de 2024".
  const monthYear = /(\p{L}+)\.?\s+(?:de\s+)?((?:19|20)\d{2})\b/u.exec(t);
  if (monthYear) {
    const m = MONTHS.find(([, re]) => re.test(monthYear[1]!))?.[0];
    if (m && !/\b\d{1,2}(?:er|º|ª|o)?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4}/u.test(t)) return { date: iso(Number(monthYear[2]), m, 1), precision: 'month' };
  }

  // chrono tries up to three locales and is most of the cost of a turn that reads no date (bench profile): it can only
  // find one where there is a digit, a month or weekday, or a word for a relative day, week, month or year.
  if (!CHRONO_HINT.test(t) && monthIn(t) === undefined) return undefined;
  const ref = new Date(`${today}T12:00:00Z`);
  // "10/01/2025" is the 10th of January to a French or Portuguese customer wherever they live (a Portuguese speaker
  // in Busan was told the 1st of October), and to anyone in France or Portugal.
  const dayFirst = market === 'FR' || market === 'PT' || lang === 'fr' || lang === 'pt';
  const parsers = /\p{Script=Han}/u.test(t) ? [zh.hant] : [dayFirst ? en.GB : en, fr, pt];
  // A locale's hit that misses what the text says — neither month nor year fixed ("comprei a 12 de maio" is "now" to
  // French), or no year where one is written ("3 de março de 2024" is "3 de mar" to French) — gives way to a later
  // locale's surer one; the first is kept should none be surer.
  const writesYear = /(?:^|[^\d])(?:19|20)\d{2}(?!\d)/.test(t);
  let vague: ParsedDate | undefined;
  for (const parser of parsers) {
    const hit = parser.parse(t, { instant: ref, timezone: 'UTC' }, { forwardDate: false })[0];
    if (!hit) continue;
    const s = hit.start;
    let year = s.get('year') ?? ty;
    const m = s.get('month') ?? 1;
    const d = s.get('day') ?? 1;
    // "last March" said in February means March of last year; "next Tuesday" (no month named) stays in the future.
    if (!s.isCertain('year') && s.isCertain('month') && iso(year, m, d) > today) year -= 1;
    const precision = s.isCertain('day') ? 'day' : s.isCertain('month') ? 'month' : 'approx';
    const found: ParsedDate = { date: iso(year, m, d), precision };
    const misses = (!s.isCertain('month') && !s.isCertain('year') && !s.isCertain('day')) || (writesYear && !s.isCertain('year'));
    if (!misses) return found;
    vague ??= found;
  }
  if (vague) return vague;
  const yearOnly = /(?:^|[^\d])((?:19|20)\d{2})(?:\s*[년年])?(?!\d)/u.exec(t);
  if (yearOnly) {
    const y = Number(yearOnly[1]);
    const mid = iso(y, 7, 1);
    return { date: mid > today ? iso(y, 1, 1) : mid, precision: 'approx' };
  }
  return undefined;
}

/**
 * chrono-node's first parse in each locale costs tens of milliseconds of CPU (about 0.17 s for the first few
 * calls after start, measured): run once per locale while the service warms up after listening, so that the
 * cost does not land on the first customers' turns.
 */
export function warmDateParsers(today = new Date().toISOString().slice(0, 10)): void {
  const ref = { instant: new Date(`${today}T12:00:00Z`), timezone: 'UTC' };
  for (const [parser, text] of [
    [en, 'bought on March 3 2024 at 10am, 2 weeks ago, last Monday'],
    [en.GB, 'bought on 3 March 2024 at 10am, 2 weeks ago, last Monday'],
    [fr, 'acheté le 3 mars 2024 à 10h, il y a 2 semaines, lundi dernier'],
    [pt, 'comprei a 3 de março de 2024 às 10h, há 2 semanas, na segunda passada'],
    [zh.hant, '2024年3月3日上午10點買的，兩週前，上星期一'],
  ] as const)
    parser.parse(text, ref, { forwardDate: false });
  parseDate('3 mars 2024', today, 'FR');
}

