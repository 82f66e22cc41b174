/**
 * Answer parsers: each is a zod schema over the customer's text, so a bad answer comes back with the
 * reason to put in the re-prompt (a catalogue message, worded by the renderer in the customer's language).
 * They read all five languages (DESIGN.md §10): yes/no through src/language/understand, numbers and
 * amounts inside sentences, dates, phones and addresses by the market's conventions. Pure: dates are
 * relative to the `today` the dialog was given.
 */
import { z } from 'zod';
import type { Lang } from '../src/conversation/lang.js';
import { msg, type Msg } from '../src/language/message.js';
import type { ChoiceData } from '../src/language/render.js';
import { yesNo as understandYesNo, type YesNo as YesNoAnswer } from '../src/language/understand/index.js';
import type { Market } from '../src/lib/types.js';
import { labelsOf } from './labels.js';
import { parseDate, type ParsedDate } from './parse-dates.js';
import { numberIn, parseAmount, parseMonths as monthsInText } from './parse-numbers.js';

export { parseDate, type ParsedDate } from './parse-dates.js';
export { numberIn, parseAmount, type Amount } from './parse-numbers.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Msg };

/** A zod issue whose message is a catalogue key; its parameters ride along in `params`. */
function fail(ctx: z.RefinementCtx, input: string, reason: Msg) {
  ctx.addIssue({ code: 'custom', input, message: reason.key, params: reason.params ? { msg: reason.params } : undefined });
}

/** Runs a schema and returns the value or the first issue as a message (our schemas write them for customers). */
export function check<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  const r = schema.safeParse(text);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0] as (z.core.$ZodIssue & { params?: { msg?: Msg['params'] } }) | undefined;
  const key = issue?.message;
  if (!key || !/^(ans|rb)\./.test(key)) return { ok: false, reason: msg('ans.unreadable') };
  return { ok: false, reason: issue?.params?.msg ? { key: key as Msg['key'], params: issue.params.msg } : { key: key as Msg['key'] } };
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}\p{M}'+€.,@-]+/gu, ' ')
    .replace(/[.,!]+$/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A question rather than an answer: the router may answer it as a digression. */
export function looksLikeQuestion(text: string): boolean {
  const t = normalise(text);
  return (
    /[?？]\s*$/.test(text.trim()) ||
    /^(how|what|why|when|where|which|who|can|could|do|does|is|are|should|will|would|comment|pourquoi|quand|où|quel|quelle|est-ce que|como|porque|porquê|quando|onde|qual|quanto|posso|pode)\b.*\s.*\s/.test(t) ||
    /^(怎麼|怎樣|如何|為什麼|为什么|什麼|哪裡|可以|請問)/u.test(t) ||
    /(어떻게|왜|언제|어디|뭐예요|무엇|나요$|까요$|습니까$)/u.test(t)
  );
}

// ── yes / no and choices ──────────────────────────────────────────────────────────────────────────

const NEGATION = /\b(no|not|never|without|pas|jamais|sans|não|nunca|sem)\b|n't\b|(?:^|\s)(?:안|못)\s|없|[不沒没]/u;

/** Yes, no or "I don't know", in any of the five languages (negation wins); the step's choice numbers count too. */
export function parseYesNoAnswer(text: string, choices?: readonly ChoiceData[], lang?: Lang): YesNoAnswer | undefined {
  if (choices && /^\s*#?\d{1,2}\s*$/.test(text)) {
    const v = parseChoice(text, choices);
    if (v === 'yes' || v === 'no') return v;
    return undefined;
  }
  if (/^\s*#?\d{1,2}\s*$/.test(text)) return undefined;
  const v = understandYesNo(text, lang);
  const t = normalise(text);
  // "I have no receipt", "je n'ai pas le ticket": an answer that opens like a yes but is negated (negation wins).
  if (v === 'yes' && !/^(y|yes|yeah|yep|ok|okay|sure|oui|sim|네|예|是|對|对|好)(?![\p{L}\p{N}])/u.test(t) && NEGATION.test(t)) return 'no';
  if (v) return v;
  // "I have the receipt", "it is not working": English openings the per-language lists leave to us.
  const yes = /^(i do|i have|i did|it does|it did|it is|it works|it worked|that's right)(?![\p{L}\p{N}])/u.exec(t);
  if (!yes) return undefined;
  return /\b(no|not|never|without)\b|n't\b/.test(t.slice(yes[0].length)) ? 'no' : 'yes';
}

/** Yes or no; with the step's choices, their number or label counts too ("1" for Yes). "I don't know" is neither. */
export function parseYesNo(text: string, choices?: readonly ChoiceData[], lang?: Lang): boolean | undefined {
  const v = parseYesNoAnswer(text, choices, lang);
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

export const YesNo = z.string().transform((text, ctx) => {
  const v = parseYesNoAnswer(text);
  if (v === undefined || v === 'dontKnow') {
    fail(ctx, text, msg(v === 'dontKnow' ? 'ans.notSure' : 'ans.yesNo'));
    return z.NEVER;
  }
  return v === 'yes';
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The value of the choice `text` designates: its label in any language, its value, its number ("2"), or a
 * choice whose label contains the whole answer ("expired" for "The link expired"). Undefined when ambiguous.
 */
export function parseChoice(text: string, choices: readonly ChoiceData[]): string | undefined {
  const t = normalise(text).replace(/^(the|option|choice|number|no\.?)\s+/, '');
  if (!t) return undefined;
  const n = /^#?(\d{1,2})$/.exec(t);
  if (n) {
    const c = choices[Number(n[1]) - 1];
    if (c) return c.value;
  }
  const labels = choices.map((c) => ({ value: c.value, labels: labelsOf(c.label).map(normalise) }));
  const exact = labels.find((c) => c.labels.includes(t) || normalise(c.value) === t);
  if (exact) return exact.value;
  const cjk = /[\p{Script=Han}\p{Script=Hangul}]/u.test(t);
  if (t.length < (cjk ? 2 : 3)) return undefined;
  // A part of a label ("expired"), or a label inside a longer answer ("the refurbished exchange, please"); short labels ("No") only whole.
  const partial = labels.filter((c) =>
    c.labels.some((label) => label.includes(t) || (label.length >= (/[\p{Script=Han}\p{Script=Hangul}]/u.test(label) ? 2 : 4) && new RegExp(`(^|\\s)${escape(label)}($|\\s)`, 'u').test(t))),
  );
  const values = [...new Set(partial.map((c) => c.value))];
  return values.length === 1 ? values[0] : undefined;
}

// ── dates ─────────────────────────────────────────────────────────────────────────────────────────

export type DateWhat = 'purchaseDate' | 'manufacturingDate' | 'registrationDate' | 'repairDate' | 'startDate' | 'date';

/** A past (or today's) date: purchase, registration, manufacturing, receipt. `what` a message or a key of ans.what. */
export function pastDate(today: string, market: Market | undefined, what: DateWhat | Msg | string, lang?: Lang) {
  const whatParam = typeof what === 'object' ? what : /^[a-zA-Z]+$/.test(what) && `ans.what.${what}` in WHAT ? msg(`ans.what.${what}` as Msg['key']) : what;
  return z.string().transform((text, ctx): ParsedDate => {
    const d = parseDate(text, today, market, lang);
    if (!d) {
      fail(ctx, text, msg('ans.date.unreadable', { what: whatParam }));
      return z.NEVER;
    }
    if (d.date > today) {
      fail(ctx, text, msg('ans.date.future', { what: whatParam, today: { date: today } }));
      return z.NEVER;
    }
    return d;
  });
}
const WHAT = { 'ans.what.purchaseDate': 1, 'ans.what.manufacturingDate': 1, 'ans.what.registrationDate': 1, 'ans.what.repairDate': 1, 'ans.what.startDate': 1, 'ans.what.date': 1 };

// ── numbers: money and months ─────────────────────────────────────────────────────────────────────

/** Money in euros inside a sentence: "€279", "it normally sells for 199 euros", "279,90", "cent quatre-vingt-dix-neuf euros". */
export function parseMoney(text: string): number | undefined {
  const a = parseAmount(text);
  return a && (!a.currency || a.currency === 'EUR') ? a.amount : undefined;
}

/** An amount in euros; words only with the currency named, never an approximation ("around three hundred"). */
export const Money = z.string().transform((text, ctx) => {
  const a = parseAmount(text);
  const approx = /\b(around|about|roughly|approximately|environ|à peu près|cerca de|mais ou menos|aproximadamente)\b|(?:약|대략|정도|大約|大概|左右)/iu.test(text);
  if (!a || approx || (a.currency && a.currency !== 'EUR') || (a.words && !a.currency)) {
    fail(ctx, text, msg('ans.money'));
    return z.NEVER;
  }
  return a.amount;
});

/** A duration in months: "5 months", "a year and a half", "3개월", "三個月", "8 mois", "since March 2024", "depuis mars 2024". */
export function parseMonths(text: string, today?: string): number | undefined {
  const since = (t: string) =>
    /\b(since|from|in|started|began|ago|depuis|desde|em|il y a)\b|há|부터|전|前|起|開始/iu.test(t) ? parseDate(t, today!)?.date : undefined;
  return monthsInText(text, today, today ? since : undefined);
}

export function monthsElapsed(today: string) {
  return z.string().transform((text, ctx) => {
    const v = parseMonths(text, today);
    if (v === undefined || v < 0 || v > 240) {
      fail(ctx, text, msg('ans.months'));
      return z.NEVER;
    }
    return v;
  });
}

// ── contact details ───────────────────────────────────────────────────────────────────────────────

const PHONE_EXAMPLES: Record<Market, string> = { TW: '0912 345 678', FR: '06 12 34 56 78', PT: '912 345 678', KR: '010-1234-5678' };

/** The market's own numbers (mobile and landline), national or with the country code. */
const PHONE_RULES: Record<Market, RegExp> = {
  TW: /^(?:\+?886|0)(?:9\d{8}|[2-8]\d{7,8})$/,
  KR: /^(?:\+?82|0)(?:1[016789]\d{7,8}|[2-6]\d{7,9}|80\d{7,8})$/,
  FR: /^(?:\+?33|0)[1-9]\d{8}$/,
  PT: /^(?:\+?351)?[239]\d{8}$/,
};

/** A phone number inside a sentence, checked by the market's conventions; a foreign number needs its +country code. */
export function phone(market: Market) {
  return z.string().transform((text, ctx) => {
    const runs = text.normalize('NFKC').match(/\+?\(?\d[\d\s().\-/]{6,}\d/g) ?? [];
    const candidates = runs.map((r) => r.replace(/[^\d+]/g, '')).filter((d) => /^\+?\d{8,15}$/.test(d));
    const ok = candidates.find((d) => PHONE_RULES[market].test(d)) ?? candidates.find((d) => d.startsWith('+'));
    if (!ok || runs.length > 1 + candidates.length) {
      fail(ctx, text, msg('ans.phone', { example: PHONE_EXAMPLES[market] }));
      return z.NEVER;
    }
    return ok;
  });
}

export const Email = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const found = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+/u.exec(s.normalize('NFKC'))?.[0]?.replace(/[.]+$/, '').toLowerCase();
    if (!found || !z.email().safeParse(found).success) {
      fail(ctx, s, msg('ans.email'));
      return z.NEVER;
    }
    return found;
  });

const NAME_PREFIX =
  /^(?:my name is|the name is|name:|it's|i am|i'm|je m'appelle|je suis|mon nom est|c'est|au nom de|o meu nome é|meu nome é|chamo-me|sou o|sou a|em nome de|我叫|我是|名字是|姓名[:：]?|제 ?이름은|이름은|저는)\s*/iu;

/** Going back or a bare acknowledgement, never a name. */
const NOT_A_NAME = /^(?:go back|back|previous|undo|ok|okay|retour|revenir|précédent|voltar|voltar atrás|anterior|뒤로|이전|回上一步|上一步|返回|好|好的)$/iu;

/** A sentence about something else ("I want to change my answer to the previous question"), never a name. */
const A_SENTENCE = /(?<![\p{L}])(?:i'm|i'd|my|want|would|change|previous|question|answer|je|j'|veux|voudrais|changer|eu|quero|queria|mudar|pergunta|resposta)(?![\p{L}])/iu;

export const PersonName = z
  .string()
  .trim()
  .transform((s) =>
    s
      .replace(NAME_PREFIX, '')
      .replace(/(?:입니다|이에요|예요|요)$/u, '')
      .trim(),
  )
  .transform((s, ctx) => {
    const letters = [...s.replace(/[\s.'’-]/g, '')].length;
    const cjk = /^[\p{Script=Han}\p{Script=Hangul}]/u.test(s);
    if (letters < 2 && !(cjk && letters >= 2)) fail(ctx, s, msg('ans.name.short'));
    // "no", "아니요", "ok", "go back", "回上一步" answer something else (blind testers found them saved as names).
    else if ((!/\s/.test(s) && understandYesNo(s) !== undefined) || understandYesNo(s) === 'dontKnow' || NOT_A_NAME.test(s) || A_SENTENCE.test(s)) fail(ctx, s, msg('ans.name.notAName'));
    else if (s.length > 80) fail(ctx, s, msg('ans.name.long'));
    else if (!/^\p{L}[\p{L}\p{M} .'’-]*$/u.test(s)) fail(ctx, s, msg('ans.name.letters'));
    else return s;
    return z.NEVER;
  });

const HAN_NUMBER = /[一二三四五六七八九十百]+\s*[號号段樓楼巷弄]/u;

/**
 * A pickup address as locals write it: a street number is required; a postcode is not (Korea and Taiwan
 * write none in everyday use: "서울시 중구 세종대로 12", "台北市信義路五段7號", "12 Sejong-daero, Jung-gu, Seoul").
 */
/** Taiwan's outlying islands, in the five languages' spellings. */
const TW_OUTLYING = /金門|金门|馬祖|马祖|連江|连江|澎湖|馬公|马公|綠島|绿岛|蘭嶼|兰屿|小琉球|琉球鄉|kinmen|matsu|lienchiang|penghu|magong|green island|orchid island|lanyu|liuqiu|진먼|펑후|마쭈/iu;

export function address(market?: Market) {
  const parts = market === 'TW' ? 'ans.address.partsTW' : market === 'KR' ? 'ans.address.partsKR' : 'ans.address.parts';
  const andPostcode = market === 'TW' || market === 'KR' ? '' : msg('ans.address.andPostcode');
  return z
    .string()
    .trim()
    .transform((s, ctx) => {
      const t = s.normalize('NFKC');
      const cjk = /[\p{Script=Han}\p{Script=Hangul}]/u.test(t);
      const hasNumber = /\p{N}/u.test(t) || HAN_NUMBER.test(t);
      const words = t.split(/[\s,]+/).filter(Boolean);
      if ([...t].length < (cjk ? 6 : 8) || (!cjk && words.length < 2)) fail(ctx, s, msg('ans.address.short', { parts: msg(parts) }));
      else if (t.length > 200) fail(ctx, s, msg('ans.address.long', { parts: msg(parts) }));
      else if (!/\p{L}/u.test(t) || !hasNumber) fail(ctx, s, msg('ans.address.number', { andPostcode }));
      // Taiwan's collection excludes outlying islands (the TW FAQ): Kinmen, Matsu, Penghu, Green Island, Orchid Island, Liuqiu.
      else if (market === 'TW' && TW_OUTLYING.test(t)) fail(ctx, s, msg('ans.address.outlyingTW', { contact: { contact: 'TW' } }));
      else return s;
      return z.NEVER;
    });
}

/** Any market's address (street number required). */
export const Address = address();

export { numberIn as parseNumber };
