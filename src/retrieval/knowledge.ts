/**
 * Loads and validates everything under knowledge/: the source documents, FAQ entries, the lexicon
 * and the contacts table. Every problem is reported with its file and entry; any problem stops
 * the start (loadKnowledge throws) and fails `npm run knowledge:check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Market } from '../lib/types.js';
import {
  ContactFile,
  FaqFile,
  Lexicon,
  SourceList,
  type Contact,
  type FaqEntry,
  type SourceDocument,
} from './knowledge-schema.js';

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

export interface Knowledge {
  dir: string;
  sources: SourceDocument[];
  entries: FaqEntry[];
  lexicon: Lexicon;
  contacts: Record<Market, Contact>;
  byId: Map<string, FaqEntry>;
  sourceById: Map<string, SourceDocument>;
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
      entries.push(e);
    }
  }

  const lexicon = parseFile(Lexicon, join(dir, 'lexicon.json'), dir, problems);
  const contactList = parseFile(ContactFile, join(dir, 'contacts.json'), dir, problems);
  const contacts = {} as Record<Market, Contact>;
  for (const c of contactList ?? []) {
    if (contacts[c.market]) problems.push({ file: 'contacts.json', entry: c.market, message: 'duplicate market' });
    contacts[c.market] = c;
  }

  if (problems.length > 0 || !lexicon || !contactList) return { problems };
  return { knowledge: { dir, sources, entries, lexicon, contacts, byId, sourceById }, problems };
}

/** Load for the running service: throws KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const { knowledge, problems } = checkKnowledge(dir);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}
