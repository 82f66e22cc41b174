/**
 * Loads and validates everything under knowledge/: the source documents, FAQ entries, the lexicon
 * and the contacts table. Every problem is reported with its file and entry; any problem stops
 * the start (loadKnowledge throws) and fails `npm run knowledge:check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../conversation/lang.js';
import type { Market } from '../lib/types.js';
import {
  ContactFile,
  FaqFile,
  Lexicon,
  OutOfScopeFile,
  LocalizedFile,
  SourceList,
  TRANSLATED_LANGS,
  type Contact,
  type FaqEntry,
  type LocalizedEntry,
  type SourceDocument,
  type TranslatedLang,
} from './knowledge-schema.js';
import { numberProblems } from './numbers.js';
import { projectPath } from '../lib/project-root.js';

export const DEFAULT_KNOWLEDGE_DIR = projectPath('knowledge');

/** An entry worded in one language, for the reply. */
export interface LocalizedText {
  question: string;
  answer: string;
  section: string;
  sourceTitle: string;
}

export interface Knowledge {
  dir: string;
  sources: SourceDocument[];
  /** The English entries: ids, topics, markets, tags and follow-ups are the same in every language. */
  entries: FaqEntry[];
  /** English lexicon (knowledge/lexicon.json). */
  lexicon: Lexicon;
  /** Every language's lexicon (English is `lexicon`). */
  lexicons: Record<Lang, Lexicon>;
  /** Entry id → its wording in each other language. */
  translations: Map<string, Partial<Record<TranslatedLang, LocalizedEntry>>>;
  contacts: Record<Market, Contact>;
  /** Per language, questions our documents do not answer (knowledge/out-of-scope/<lang>.json; optional). */
  outOfScope?: Partial<Record<Lang, string[]>>;
  byId: Map<string, FaqEntry>;
  sourceById: Map<string, SourceDocument>;
  /** The entry's question, answer, section and source title in `lang` (English from the entry itself). */
  localized(entry: FaqEntry, lang: Lang): LocalizedText;
  /** Question and customer phrasings in `lang`, for the index of that language. */
  phrasingsIn(entry: FaqEntry, lang: Lang): { question: string; phrasings: string[]; answer: string };
}

export interface KnowledgeProblem {
  file: string;
  entry?: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`knowledge base invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  return `  ${p.file}${p.entry ? ` [${p.entry}]` : ''}: ${p.message}`;
}

function readJson(path: string, dir: string, problems: KnowledgeProblem[]): unknown {
  const file = relative(dir, path) || path;
  if (!existsSync(path)) {
    problems.push({ file, message: 'file is missing' });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push({ file, message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function zodProblems(file: string, error: z.ZodError, data: unknown): KnowledgeProblem[] {
  return error.issues.map((issue) => {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
    const item = index !== undefined && Array.isArray(data) ? (data[index] as { id?: unknown; market?: unknown }) : undefined;
    const entry = item && typeof item === 'object' ? String(item.id ?? item.market ?? `#${index}`) : undefined;
    const path = issue.path.slice(index !== undefined ? 1 : 0).join('.');
    return { file, entry, message: `${path ? `${path}: ` : ''}${issue.message}` };
  });
}

function parseFile<T>(schema: z.ZodType<T>, path: string, dir: string, problems: KnowledgeProblem[]): T | undefined {
  const data = readJson(path, dir, problems);
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(relative(dir, path), parsed.error, data));
    return undefined;
  }
  return parsed.data;
}

/** Validate the whole directory; returns the knowledge and every problem found. */
export function checkKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): { knowledge?: Knowledge; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const sources = parseFile(SourceList, join(dir, 'sources.json'), dir, problems) ?? [];
  for (const s of sources) {
    if (!existsSync(join(dir, 'sources', s.file))) problems.push({ file: 'sources.json', entry: s.id, message: `sources/${s.file} is missing` });
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const faqDir = join(dir, 'faq');
  const faqFiles = existsSync(faqDir) ? readdirSync(faqDir).filter((f) => f.endsWith('.json')).sort() : [];
  if (faqFiles.length === 0) problems.push({ file: 'faq/', message: 'no FAQ files' });
  const entries: FaqEntry[] = [];
  const byId = new Map<string, FaqEntry>();
  /** Entry id → the name of its English file (faq/<name>.json); its translations are in faq/i18n/<lang>/<name>.json. */
  const fileOf = new Map<string, string>();
  for (const name of faqFiles) {
    const file = `faq/${name}`;
    const list = parseFile(FaqFile, join(faqDir, name), dir, problems);
    for (const e of list ?? []) {
      if (byId.has(e.id)) problems.push({ file, entry: e.id, message: 'duplicate id' });
      const src = sourceById.get(e.source.document);
      if (!src) problems.push({ file, entry: e.id, message: `source.document "${e.source.document}" is not in sources.json` });
      else if (!e.markets.includes(src.market)) {
        problems.push({ file, entry: e.id, message: `markets ${e.markets.join(',')} do not include the source's market ${src.market}` });
      }
      byId.set(e.id, e);
      fileOf.set(e.id, name.replace(/\.json$/, ''));
      entries.push(e);
    }
  }

  const translations = loadTranslations(dir, entries, fileOf, sources, problems);
  const lexicon = parseFile(Lexicon, join(dir, 'lexicon.json'), dir, problems);
  const lexicons = { en: lexicon } as Record<Lang, Lexicon | undefined>;
  for (const lang of TRANSLATED_LANGS) lexicons[lang] = parseFile(Lexicon, join(dir, 'lexicon', `${lang}.json`), dir, problems);
  const contactList = parseFile(ContactFile, join(dir, 'contacts.json'), dir, problems);
  const contacts = {} as Record<Market, Contact>;
  for (const c of contactList ?? []) {
    if (contacts[c.market]) problems.push({ file: 'contacts.json', entry: c.market, message: 'duplicate market' });
    contacts[c.market] = c;
  }

  const outOfScope: Partial<Record<Lang, string[]>> = {};
  for (const lang of ['en', ...TRANSLATED_LANGS] as const) {
    const path = join(dir, 'out-of-scope', `${lang}.json`);
    if (!existsSync(path)) continue;
    const list = parseFile(OutOfScopeFile, path, dir, problems);
    if (!list) continue;
    outOfScope[lang] = list;
    // One of the entries' own questions or phrasings would be refused.
    const key = (t: string) => t.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
    const asked = new Set<string>();
    for (const e of entries) {
      const t = lang === 'en' ? e : translations.get(e.id)?.[lang];
      if (t) for (const q of [t.question, ...t.phrasings]) asked.add(key(q));
    }
    const seen = new Set<string>();
    for (const q of list) {
      if (asked.has(key(q))) problems.push({ file: `out-of-scope/${lang}.json`, entry: q, message: 'is one of the entries\' own questions or phrasings' });
      if (seen.has(key(q))) problems.push({ file: `out-of-scope/${lang}.json`, entry: q, message: 'duplicate' });
      seen.add(key(q));
    }
  }

  if (problems.length > 0 || !lexicon || !contactList) return { problems };
  const knowledge = makeKnowledge({ dir, sources, entries, lexicon, lexicons: lexicons as Record<Lang, Lexicon>, translations, contacts, outOfScope, byId, sourceById });
  return { knowledge, problems };
}

type KnowledgeData = Omit<Knowledge, 'localized' | 'phrasingsIn'>;

/** The Knowledge object with its lookups; `{ ...knowledge, entries }` keeps them working. */
export function makeKnowledge(data: KnowledgeData): Knowledge {
  const localized = (entry: FaqEntry, lang: Lang): LocalizedText => {
    const src = data.sourceById.get(entry.source.document);
    const t = lang === 'en' ? undefined : data.translations.get(entry.id)?.[lang];
    // A loaded knowledge base has every language (a missing one stops the start); English is the last resort.
    if (!t || lang === 'en') return { question: entry.question, answer: entry.answer, section: entry.source.section, sourceTitle: src?.title ?? entry.source.document };
    return { question: t.question, answer: t.answer, section: t.section, sourceTitle: src?.titles[lang] ?? src?.title ?? entry.source.document };
  };
  const phrasingsIn = (entry: FaqEntry, lang: Lang) => {
    if (lang === 'en') return { question: entry.question, phrasings: entry.phrasings, answer: entry.answer };
    const t = data.translations.get(entry.id)?.[lang];
    return t ? { question: t.question, phrasings: t.phrasings, answer: t.answer } : { question: '', phrasings: [], answer: '' };
  };
  return { ...data, localized, phrasingsIn };
}

/**
 * knowledge/faq/i18n/<lang>/<document>.json for each other language: every English entry needs
 * all four, under the same document, with no extra ids; a source needs its title in each.
 */
function loadTranslations(
  dir: string,
  entries: FaqEntry[],
  fileOf: Map<string, string>,
  sources: SourceDocument[],
  problems: KnowledgeProblem[],
): Map<string, Partial<Record<TranslatedLang, LocalizedEntry>>> {
  const out = new Map<string, Partial<Record<TranslatedLang, LocalizedEntry>>>(entries.map((e) => [e.id, {}]));
  for (const lang of TRANSLATED_LANGS) {
    for (const s of sources) if (!s.titles[lang]) problems.push({ file: 'sources.json', entry: s.id, message: `no title in ${lang}` });
    const langDir = join(dir, 'faq', 'i18n', lang);
    const files = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.endsWith('.json')).sort() : [];
    for (const name of files) {
      const file = `faq/i18n/${lang}/${name}`;
      const doc = name.replace(/\.json$/, '');
      for (const t of parseFile(LocalizedFile, join(langDir, name), dir, problems) ?? []) {
        const slot = out.get(t.id);
        if (!slot) problems.push({ file, entry: t.id, message: 'no English entry with this id' });
        else if (fileOf.get(t.id) !== doc) problems.push({ file, entry: t.id, message: `the English entry is in faq/${fileOf.get(t.id)}.json` });
        else if (slot[lang]) problems.push({ file, entry: t.id, message: 'duplicate id' });
        else slot[lang] = t;
      }
    }
  }
  for (const e of entries) {
    const slot = out.get(e.id)!;
    const missing = TRANSLATED_LANGS.filter((l) => !slot[l]);
    const name = fileOf.get(e.id)!;
    if (missing.length) problems.push({ file: `faq/i18n/*/${name}.json`, entry: e.id, message: `no ${missing.join(', ')} wording` });
    for (const l of TRANSLATED_LANGS) {
      const t = slot[l];
      if (!t) continue;
      for (const m of numberProblems(e.answer, t.answer, l)) problems.push({ file: `faq/i18n/${l}/${name}.json`, entry: e.id, message: m });
    }
  }
  return out;
}

/** Load for the running service: throws KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const { knowledge, problems } = checkKnowledge(dir);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}
