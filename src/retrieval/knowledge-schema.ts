/**
 * zod schemas for everything under knowledge/. Validated at start and by `npm run knowledge:check`;
 * a bad file stops the start with its path and the entry at fault.
 */
import { z } from 'zod';
import { LANGS } from '../conversation/lang.js';
import { MARKETS } from '../lib/types.js';

export const Market = z.enum(MARKETS);
export const LangSchema = z.enum(LANGS);

/** The four languages an FAQ entry is translated into (English is the base entry itself). */
export const TRANSLATED_LANGS = ['zh-TW', 'ko', 'fr', 'pt'] as const;
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

/** The five source documents, kept verbatim in knowledge/sources/. */
export const SourceDocument = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  market: Market,
  file: z.string().regex(/^[a-z0-9-]+\.txt$/),
  /** The title in each other language (English is `title`); a missing language is a knowledge problem. */
  titles: z.partialRecord(z.enum(TRANSLATED_LANGS), z.string().min(2)).default({}),
});
export type SourceDocument = z.infer<typeof SourceDocument>;
export const SourceList = z.array(SourceDocument).min(1);

export const SourceRef = z.object({
  /** id of a SourceDocument */
  document: z.string().min(1),
  /** heading or article of the document the answer comes from, e.g. "12. Returns, 12.2" */
  section: z.string().min(1),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * One answerable question. Entries that answer the same customer need in different markets share a
 * `topic`, so retrieval can tell "depends on the market" from "only one market's documents say".
 */
export const FaqEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case kebab-case'),
  topic: z.string().regex(/^[a-z0-9-]+$/),
  markets: z.array(Market).min(1),
  question: z.string().min(8),
  /** How customers actually ask: short, long, informal; at least three. */
  phrasings: z.array(z.string().min(3)).min(3),
  /** Chat-sized answer keeping the source's facts (numbers, phone numbers, hours, conditions). */
  answer: z.string().min(20).max(1200),
  source: SourceRef,
  tags: z.array(z.string().min(2)).default([]),
  /** Optional follow-up choices shown with the answer (e.g. start a guided dialog). */
  followUps: z.array(z.object({ label: z.string().min(1).max(20), value: z.string().min(1) })).max(3).optional(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;
export const FaqFile = z.array(FaqEntry).min(1);

/**
 * One FAQ entry in another language (knowledge/faq/i18n/<lang>/<document>.json): same id as the
 * English entry, its question and answer in that language (the same facts, numbers and conditions),
 * the source section named in that language and how that market's customers type the need.
 */
export const LocalizedEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(2),
  answer: z.string().min(8).max(1200),
  section: z.string().min(1),
  phrasings: z.array(z.string().min(2)).min(10),
});
export type LocalizedEntry = z.infer<typeof LocalizedEntry>;
export const LocalizedFile = z.array(LocalizedEntry).min(1);

/**
 * knowledge/out-of-scope/<lang>.json: questions customers of our markets ask that our documents do not answer,
 * written as they type them (a new machine's price, a shop's address, a router's password, the weather). They are
 * indexed as one more entry that is never answered: a message closer to them than to any entry is refused. Each
 * says one need; near misses (a word or two shared with an entry, another need) are what they are for.
 */
export const OutOfScopeFile = z.array(z.string().min(2).max(300)).min(1);
export type OutOfScopeFile = z.infer<typeof OutOfScopeFile>;

/**
 * Domain lexicon of one language: each group maps variants (synonyms, misspellings, colloquial
 * forms) to one canonical form. English and French/Portuguese map words (accent-folded) before
 * stemming; Chinese and Korean replace variant substrings by the canonical before tokenising.
 */
export const Lexicon = z.object({
  synonyms: z.array(z.object({ canonical: z.string().min(1), variants: z.array(z.string().min(1)).min(1) })),
  stopwords: z.array(z.string()).default([]),
});
export type Lexicon = z.infer<typeof Lexicon>;

export const Contact = z.object({
  market: Market,
  phone: z.string().min(5),
  phoneNote: z.string().optional(),
  hours: z.string().min(2),
  /** Machine-readable opening hours in the market's time zone, for hand-off decisions. */
  timeZone: z.string().min(3),
  /** Days are 0 (Sunday) to 6. null: the documents do not state hours for this market. */
  openingHours: z
    .array(
      z.object({
        days: z.array(z.number().int().min(0).max(6)).min(1),
        open: z.string().regex(/^\d\d:\d\d$/),
        close: z.string().regex(/^\d\d:\d\d$/),
      }),
    )
    .nullable(),
  other: z.array(z.string()).default([]),
  source: SourceRef,
});
export type Contact = z.infer<typeof Contact>;
export const ContactFile = z.array(Contact).length(4);
