/**
 * Answer parsers: each is a zod schema over the customer's text, so a bad answer comes back with the
 * reason to put in the re-prompt. Pure: dates are relative to the `today` the dialog was given.
 */
import * as chrono from 'chrono-node';
import { z } from 'zod';
import type { Choice, Market } from '../src/lib/types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Runs a schema and returns the value or the first issue's message (our schemas write them for customers). */
export function check<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  const r = schema.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: r.error.issues[0]?.message ?? 'I could not read that.' };
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}'+€.,@-]+/gu, ' ')
    .replace(/[.,!]+$/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A question rather than an answer: the router may answer it as a digression. */
export function looksLikeQuestion(text: string): boolean {
  const t = normalise(text);
  return /\?\s*$/.test(text.trim()) || /^(how|what|why|when|where|which|who|can|could|do|does|is|are|should|will|would)\b.*\s.*\s/.test(t);
}

// ── yes / no and choices ──────────────────────────────────────────────────────────────────────────

const YES = /^(y|yes|yeah|yep|yup|sure|ok|okay|of course|correct|right|that's right|it is|i do|i have|i did|it does|it did|it works|it worked|oui|sim|네|예|是|對|对|有)(?![\p{L}\p{N}])/u;
const NO = /^(n|no|nope|nah|not yet|not really|never|i don't|i do not|i haven't|i have not|i didn't|i did not|it doesn't|it didn't|still nothing|still no|non|não|nao|아니요|아니오|아뇨|否|不|沒有|没有)(?![\p{L}\p{N}])/u;

/** Yes or no; with the step's choices, their number or label counts too ("1" for Yes). */
export function parseYesNo(text: string, choices?: readonly Choice[]): boolean | undefined {
  if (choices && /^\s*#?\d{1,2}\s*$/.test(text)) {
    const v = parseChoice(text, choices);
    if (v === 'yes' || v === 'no') return v === 'yes';
  }
  const t = normalise(text);
  if (NO.test(t)) return false;
  const yes = YES.exec(t);
  if (!yes) return undefined;
  // "I have no receipt", "it is not working": a phrase that opens like a yes but is negated.
  if (yes[1]!.includes(' ') && /\b(no|not|never|without)\b|n't\b/.test(t.slice(yes[0].length))) return false;
  return true;
}

export const YesNo = z.string().transform((text, ctx) => {
  const v = parseYesNo(text);
  if (v === undefined) {
    ctx.issues.push({ code: 'custom', input: text, message: 'Please answer yes or no.' });
    return z.NEVER;
  }
  return v;
});

/**
 * The value of the choice `text` designates: its label, its value, its number ("2"), or a choice whose
 * label contains the whole answer ("expired" for "The link expired"). Undefined when ambiguous.
 */
export function parseChoice(text: string, choices: readonly Choice[]): string | undefined {
  const t = normalise(text).replace(/^(the|option|choice|number|no\.?)\s+/, '');
  if (!t) return undefined;
  const n = /^#?(\d{1,2})$/.exec(t);
  if (n) {
    const c = choices[Number(n[1]) - 1];
    if (c) return c.value;
  }
  const exact = choices.find((c) => normalise(c.label) === t || normalise(c.value) === t);
  if (exact) return exact.value;
  if (t.length < 3) return undefined;
  // A part of a label ("expired"), or a label inside a longer answer ("the refurbished exchange, please"); short labels ("No") only whole.
  const partial = choices.filter((c) => {
    const label = normalise(c.label);
    return label.includes(t) || (label.length >= 4 && new RegExp(`(^|\\s)${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\s)`).test(t));
  });
  return partial.length === 1 ? partial[0]?.value : undefined;
}

// ── dates ─────────────────────────────────────────────────────────────────────────────────────────

export interface ParsedDate {
  date: string;
  /** day: a calendar date; month: "March 2024"; approx: "2 years ago", "in 2021". */
  precision: 'day' | 'month' | 'approx';
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date in free text ("last March", "2 years ago", "January 2021", "2021-03-05", "2022년 8월 22일"). */
export function parseDate(text: string, today: string, market?: Market): ParsedDate | undefined {
  const t = text.replace(/\byrs?\b/gi, 'years').replace(/\bmos?\b/gi, 'months');
  const cjk = /(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月](?:\s*(\d{1,2})\s*[일日])?/.exec(t);
  if (cjk) {
    const [y, m, d] = [Number(cjk[1]), Number(cjk[2]), cjk[3] ? Number(cjk[3]) : undefined];
    if (m >= 1 && m <= 12) return { date: iso(y, m, d ?? 1), precision: d ? 'day' : 'month' };
  }
  const ref = new Date(`${today}T12:00:00Z`);
  const parser = market === 'FR' || market === 'PT' ? chrono.en.GB : chrono.en;
  const hit = parser.parse(t, { instant: ref, timezone: 'UTC' }, { forwardDate: false })[0];
  if (hit) {
    const s = hit.start;
    let year = s.get('year') ?? ref.getUTCFullYear();
    const month = s.get('month') ?? 1;
    const day = s.get('day') ?? 1;
    // "last March" said in February means March of last year; "next Tuesday" (no month named) stays in the future.
    if (!s.isCertain('year') && s.isCertain('month') && iso(year, month, day) > today) year -= 1;
    const precision = s.isCertain('day') ? 'day' : s.isCertain('month') ? 'month' : 'approx';
    return { date: iso(year, month, day), precision };
  }
  const yearOnly = /\b(?:in\s+)?((?:19|20)\d{2})\b/.exec(t);
  if (yearOnly) {
    const y = Number(yearOnly[1]);
    const mid = iso(y, 7, 1);
    return { date: mid > today ? iso(y, 1, 1) : mid, precision: 'approx' };
  }
  return undefined;
}

/** A past (or today's) date: purchase, registration, manufacturing, receipt. */
export function pastDate(today: string, market: Market | undefined, what: string) {
  return z.string().transform((text, ctx) => {
    const d = parseDate(text, today, market);
    if (!d) {
      ctx.issues.push({ code: 'custom', input: text, message: `I could not read a date there. Please give the ${what}, e.g. "2024-03-05", "March 2024" or "2 years ago".` });
      return z.NEVER;
    }
    if (d.date > today) {
      ctx.issues.push({ code: 'custom', input: text, message: `The ${what} cannot be in the future (today is ${today}). Please give it again.` });
      return z.NEVER;
    }
    return d;
  });
}

// ── numbers: money and months ─────────────────────────────────────────────────────────────────────

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, 'twenty-four': 24,
};

/** Money in euros: "€279", "279 euros", "279€", "EUR 99", "279,90", "99". */
export function parseMoney(text: string): number | undefined {
  const m = /(?:€|eur(?:os?)?)?\s*(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:€|eur(?:os?)?)?/i.exec(text.replace(/\s(?=\d{3}\b)/g, ''));
  if (!m?.[1]) return undefined;
  return Number(m[1].replace(',', '.'));
}

export const Money = z.string().transform((text, ctx) => {
  const t = normalise(text);
  const v = /^(?:€|eur(?:os?)?)?\s*\d{1,6}(?:[.,]\d{1,2})?\s*(?:€|eur(?:os?)?|euros?)?(?:\s*(?:a|per)\s*month)?$/.test(t) ? parseMoney(t) : undefined;
  if (v === undefined) {
    ctx.issues.push({ code: 'custom', input: text, message: 'Please give an amount in euros, e.g. "€279" or "279 euros".' });
    return z.NEVER;
  }
  return v;
});

/** A duration in months: "5 months", "5", "1 year", "a year and a half", "since March 2024". */
export function parseMonths(text: string, today?: string): number | undefined {
  const t = normalise(text).replace(/-/g, ' ').replace(/twenty four/, 'twenty-four');
  // Own keys only: "constructor years" must not find Object.prototype members.
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : Object.hasOwn(WORD_NUMBERS, s) ? WORD_NUMBERS[s] : undefined);
  const years = /(\d+|[a-z-]+)\s*(?:years?|yrs?)\b(?:\s*and\s*(?:a\s*)?(half|\d+\s*months?))?/.exec(t);
  if (years?.[1] && num(years[1]) !== undefined) {
    let months = (num(years[1]) ?? 0) * 12;
    if (years[2] === 'half') months += 6;
    else if (years[2]) months += Number.parseInt(years[2], 10);
    return months;
  }
  const months = /(\d+|[a-z-]+)\s*(?:months?|mos?|mths?)\b/.exec(t);
  if (months?.[1] && num(months[1]) !== undefined) return num(months[1]);
  if (/^\d{1,3}$/.test(t)) return Number(t);
  if (today && /\b(since|from|in|started|began|ago)\b/.test(t)) {
    const d = parseDate(text, today);
    if (d && d.date <= today) {
      const [y1, m1] = d.date.split('-').map(Number);
      const [y2, m2] = today.split('-').map(Number);
      return (y2! - y1!) * 12 + (m2! - m1!);
    }
  }
  return undefined;
}

export function monthsElapsed(today: string) {
  return z.string().transform((text, ctx) => {
    const v = parseMonths(text, today);
    if (v === undefined || v < 0 || v > 240) {
      ctx.issues.push({ code: 'custom', input: text, message: 'Please tell me how many months the subscription has run, e.g. "5 months", or when it started, e.g. "since March 2024".' });
      return z.NEVER;
    }
    return v;
  });
}

// ── contact details ───────────────────────────────────────────────────────────────────────────────

const PHONE_EXAMPLES: Record<Market, string> = { TW: '0912 345 678', FR: '06 12 34 56 78', PT: '912 345 678', KR: '010-1234-5678' };

/** A phone number: 8 to 15 digits, with an optional leading + and the usual separators. */
export function phone(market: Market) {
  return z.string().transform((text, ctx) => {
    const t = text.trim().replace(/^(?:my )?(?:phone|number|tel)(?: is|:)?\s*/i, '');
    const digits = t.replace(/[\s().-]/g, '');
    if (!/^\+?\d{8,15}$/.test(digits)) {
      ctx.issues.push({ code: 'custom', input: text, message: `That does not look like a phone number. Please type it with its digits only, e.g. ${PHONE_EXAMPLES[market]}.` });
      return z.NEVER;
    }
    return digits;
  });
}

export const Email = z
  .string()
  .trim()
  .transform((s) => s.replace(/^(?:my )?e-?mail(?: address)?(?: is|:)?\s*/i, '').toLowerCase())
  .pipe(z.email({ error: 'That email address looks incomplete. It should look like name@example.com.' }));

export const PersonName = z
  .string()
  .trim()
  .transform((s) => s.replace(/^(?:my name is|i am|i'm|name:|it's)\s+/i, '').trim())
  .pipe(
    z
      .string()
      .min(2, { error: 'Please give the full name for the booking (at least two letters).' })
      .max(80, { error: 'That is a bit long for a name: please give just the first and last name.' })
      .regex(/^\p{L}[\p{L}\p{M} .'’-]*$/u, { error: 'A name can only hold letters, spaces, hyphens and apostrophes. Please give the full name for the booking.' }),
  );

export const Address = z
  .string()
  .trim()
  .pipe(
    z
      .string()
      .min(8, { error: 'That address looks too short. Please give the full pickup address: street and number, postcode and city.' })
      .max(200, { error: 'That address is too long. Please give just the street and number, postcode and city.' })
      .refine((s) => /\p{L}/u.test(s) && /\p{N}/u.test(s), {
        error: 'Please give the full pickup address, with the street number and postcode.',
      }),
  );
