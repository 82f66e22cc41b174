/**
 * The renderer: words replies (message keys and parameters) in the conversation's language, last,
 * just before they reach a channel or a transcript. Money, dates, lists and hours go through Intl in
 * the customer's language; opening hours are read in the market's time zone by the hand-off.
 */
import { LANG_LOCALE, type Lang } from '../conversation/lang.js';
import { resolveKoreanParticles } from './korean-particles.js';
import type { Choice, Market, Reply, SupportMeta } from '../lib/types.js';
import { CATALOGUES, type MessageKey } from './catalog/index.js';
import { isMsg, type Msg, type Param, type Text } from './message.js';

/** What the renderer needs to know of the knowledge base. */
export interface RenderSource {
  /** A field of an FAQ entry in `lang` (English where a language is missing). */
  faqField(id: string, field: 'question' | 'answer' | 'section' | 'sourceTitle', lang: Lang): string | undefined;
  contact(market: Market): { phone: string; phoneNote?: string; hours: string; openingHours: Array<{ days: number[]; open: string; close: string }> | null } | undefined;
}

/** A choice before rendering: the label is a message (or verbatim text, e.g. an FAQ question already worded). */
export interface ChoiceData {
  label: Msg | string;
  value: string;
}

/** A reply as the turn decides it: data until the renderer words it. */
export interface ReplyData {
  /** Verbatim strings are for what others wrote (an agent's message); the bot's own words are messages. */
  text: Text | string;
  choices?: ChoiceData[];
  support: Omit<SupportMeta, 'lang'>;
  attachments?: unknown[];
}

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/**
 * Intl formatters kept by locale and options: building one costs 10-80 µs (a weekday name 66 µs, a date 82 µs,
 * a number 20 µs, measured), formatting with a kept one under 1 µs. The keys come from a closed set (five locales,
 * the options below, the currencies and time zones of the policy tables), so the cache stays small.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) => kept('n', locale, options, () => new Intl.NumberFormat(locale, options));
const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => kept('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) => kept('l', locale, options, () => new Intl.ListFormat(locale, options));

export class Renderer {
  constructor(private readonly source?: RenderSource) {}

  /** One message in `lang`. */
  message(m: Msg, lang: Lang): string {
    const template = CATALOGUES[lang][m.key] ?? CATALOGUES.en[m.key] ?? m.key;
    const text = m.params
      ? template.replace(PLACEHOLDER, (whole, name: string) => {
          const p = m.params![name];
          return p === undefined ? whole : this.param(p, lang);
        })
      : template;
    // "{model}이(가)" → "CitiZ가", "{contact}(으)로" → "080-734-1111로": the particle the word takes.
    return lang === 'ko' ? resolveKoreanParticles(text) : text;
  }

  text(t: Text | string, lang: Lang): string {
    if (typeof t === 'string') return t;
    if (Array.isArray(t)) return t.map((m) => this.message(m, lang)).filter(Boolean).join('\n\n');
    if ('sentences' in t) return t.sentences.map((m) => this.message(m, lang)).filter(Boolean).join(lang === 'zh-TW' ? '' : ' ');
    return this.message(t, lang);
  }

  reply(r: ReplyData, lang: Lang): Reply {
    const out: Reply = { text: this.text(r.text, lang), support: { ...r.support, lang } };
    if (r.choices?.length) out.choices = r.choices.map((c): Choice => ({ label: typeof c.label === 'string' ? c.label : this.message(c.label, lang), value: c.value }));
    if (r.attachments) out.attachments = r.attachments;
    return out;
  }

  param(p: Param, lang: Lang): string {
    const locale = LANG_LOCALE[lang];
    if (typeof p === 'string') return p;
    if (typeof p === 'number') return numberFormat(locale).format(p);
    if (isMsg(p)) return this.message(p, lang);
    if ('money' in p) {
      // Koreans write won after the number ("40,000원"), as the Korean documents do; Intl would write "₩40,000".
      if (lang === 'ko' && p.currency === 'KRW') return `${numberFormat(locale).format(p.money)}원`;
      const digits = p.currency === 'EUR' ? 2 : 0;
      return numberFormat(locale, { style: 'currency', currency: p.currency, minimumFractionDigits: Number.isInteger(p.money) ? 0 : digits, maximumFractionDigits: digits }).format(p.money);
    }
    if ('date' in p) return formatDate(p.date, lang);
    if ('weekday' in p) return weekday(p.weekday, lang);
    if ('zone' in p) return lang === 'en' ? `${(p.zone.split('/').pop() ?? p.zone).replace(/_/g, ' ')} time` : zoneName(p.zone, lang);
    if ('market' in p) return this.message({ key: `market.${p.market}` as MessageKey }, lang);
    if ('contact' in p) return this.contactLine(p.contact, lang);
    if ('hours' in p) return this.hours(p.hours, lang);
    if ('faq' in p) return this.source?.faqField(p.faq, p.field, lang) ?? '';
    if ('list' in p) return listFormat(locale, { type: p.type ?? 'conjunction' }).format(p.list.map((x) => this.param(x, lang)));
    return '';
  }

  /** "0809 001 886 (toll-free, 08:00–22:00)" in `lang`; hours only where the documents state them. */
  contactLine(market: Market, lang: Lang): string {
    const c = this.source?.contact(market);
    if (!c) return '';
    const details: string[] = [];
    if (c.phoneNote) details.push(this.message({ key: `contact.${c.phoneNote}` as MessageKey }, lang));
    const hours = this.hours(market, lang);
    if (hours) details.push(hours);
    return details.length ? this.message({ key: 'contact.line', params: { phone: c.phone, details: details.join(this.message({ key: 'contact.detailsSep' }, lang)) } }, lang) : c.phone;
  }

  /** The market's opening hours in words, or '' where the documents state none. */
  hours(market: Market, lang: Lang): string {
    const c = this.source?.contact(market);
    const rules = c?.openingHours;
    if (!rules?.length) return '';
    // English keeps the documents' own wording ("Monday to Saturday, 8am to 8pm"); other languages are worded from the table.
    if (lang === 'en' && c?.hours) return c.hours;
    return rules
      .map((r) => {
        if (r.days.length === 7 && r.open === '00:00' && r.close >= '24:00') return this.message({ key: 'contact.hoursAlways' }, lang);
        if (r.days.length === 7) return this.message({ key: 'contact.hoursDaily', params: { open: r.open, close: r.close } }, lang);
        const sorted = [...r.days].sort((a, b) => a - b);
        const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
        const days =
          contiguous && sorted.length > 2
            ? this.message({ key: 'contact.dayRange', params: { from: weekday(sorted[0]!, lang), to: weekday(sorted[sorted.length - 1]!, lang) } }, lang)
            : listFormat(LANG_LOCALE[lang]).format(sorted.map((d) => weekday(d, lang)));
        return this.message({ key: 'contact.hoursDays', params: { days, open: r.open, close: r.close } }, lang);
      })
      .join('; ');
  }
}

/** Weekday name (0 = Sunday) in `lang`. */
export function weekday(day: number, lang: Lang): string {
  // 2024-01-07 was a Sunday.
  return dateTimeFormat(LANG_LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day)));
}

export function zoneName(timeZone: string, lang: Lang): string {
  const parts = dateTimeFormat(LANG_LOCALE[lang], { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date(0));
  return parts.find((x) => x.type === 'timeZoneName')?.value ?? timeZone;
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m) return iso;
  return dateTimeFormat(LANG_LOCALE[lang], { year: 'numeric', month: 'long', day: d ? 'numeric' : undefined, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d || 1)));
}
