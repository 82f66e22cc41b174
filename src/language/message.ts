/**
 * What the bot says, as data (DESIGN.md §1 step 5): a message key of the typed catalogues with its
 * parameters. Nothing is worded until the renderer (render.ts) puts it into the conversation's language.
 */
import type { Market } from '../lib/types.js';
import type { MessageKey } from './catalog/index.js';

export type Currency = 'EUR' | 'TWD' | 'KRW';

export type Param =
  /** Given verbatim: what the customer typed, a name, a phone number, a model name, a reference. */
  | string
  | number
  /** Another message, worded in the same language. */
  | Msg
  /** Money through Intl.NumberFormat in the customer's language. */
  | { money: number; currency: Currency }
  /** A calendar date (YYYY-MM-DD) through Intl.DateTimeFormat in the customer's language. */
  | { date: string }
  /** A weekday (0 = Sunday) in the customer's language. */
  | { weekday: number }
  /** A time zone's name in the customer's language ("Asia/Taipei" → "Taipei Standard Time", "台北標準時間"). */
  | { zone: string }
  /** A market's name in the customer's language. */
  | { market: Market }
  /** A market's phone line with its note and opening hours, worded in the customer's language. */
  | { contact: Market }
  /** A market's opening hours in words (empty where the documents state none). */
  | { hours: Market }
  /** A field of an FAQ entry in the customer's language. */
  | { faq: string; field: 'question' | 'answer' | 'section' | 'sourceTitle' }
  /** Several messages or values as a list ("a, b and c") through Intl.ListFormat. */
  | { list: Param[]; type?: 'conjunction' | 'disjunction' };

export interface Msg {
  key: MessageKey;
  params?: Record<string, Param>;
}

/** A reply's body: one message, paragraphs, or sentences of one paragraph. */
export type Text = Msg | Msg[] | { sentences: Msg[] };

export function msg(key: MessageKey, params?: Record<string, Param>): Msg {
  return params ? { key, params } : { key };
}

export function isMsg(x: unknown): x is Msg {
  return typeof x === 'object' && x !== null && typeof (x as Msg).key === 'string';
}
