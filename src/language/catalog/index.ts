/**
 * The message catalogues, one per language. English is the source: its keys are `MessageKey`, and every
 * other language must give every key (a missing or extra key is a compile error). Each area of the bot
 * keeps its words in a module of its own (core, one per guided task), assembled here.
 */
import type { Lang } from '../../conversation/lang.js';
import * as en from './en/all.js';
import * as zh from './zh-TW/all.js';
import * as ko from './ko/all.js';
import * as fr from './fr/all.js';
import * as pt from './pt/all.js';

const flatten = (m: typeof en) => ({ ...m.core, ...m.answers, ...m.passwordReset, ...m.noWater, ...m.repairBooking, ...m.cancellationPenalty, ...m.repair, ...m.oneShot });

export const EN = flatten(en);
export type MessageKey = keyof typeof EN;
/** What every language's catalogue must be: a string for each English key. */
export type Messages = Record<MessageKey, string>;

export const CATALOGUES: Record<Lang, Messages> = {
  en: EN,
  'zh-TW': flatten(zh as typeof en),
  ko: flatten(ko as typeof en),
  fr: flatten(fr as typeof en),
  pt: flatten(pt as typeof en),
};
