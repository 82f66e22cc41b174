/**
 * The machine catalogue (knowledge/policy/catalogue.json): models by id, and the model a customer names
 * (names, aliases, misspellings corrected with fuse.js).
 */
import { closestWord, editDistance } from '../retrieval/closest-word.js';
import { catalogue, type CatalogueModel } from './tables.js';

export type { CatalogueModel };

const byId = new Map(catalogue.models.map((m) => [m.id, m]));
export function getModel(id: string): CatalogueModel | undefined {
  return byId.get(id);
}

export function normaliseModelText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // "我的Pixie保固", "Pixie에서": a Latin name written against Chinese or Korean is still a word of its own.
    .replace(/(?<=\p{Script=Latin})(?=[\p{Script=Han}\p{Script=Hangul}])|(?<=[\p{Script=Han}\p{Script=Hangul}])(?=\p{Script=Latin})/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const aliasRows = catalogue.models.flatMap((m) =>
  [m.name, ...m.aliases].map((alias) => ({ id: m.id, alias: normaliseModelText(alias) })).filter((r) => r.alias.length > 1),
);
/** Words of model names and multi-word aliases: the vocabulary misspelt words are corrected to. */
const vocabulary = [
  ...new Set(
    aliasRows
      .filter((r) => r.alias.includes(' ') || catalogue.models.some((m) => normaliseModelText(m.name) === r.alias))
      .flatMap((r) => r.alias.split(' ')),
  ),
];
const vocabularySet = new Set(vocabulary);
const closest = closestWord(vocabulary, 0.34);
/** Everyday words that sit close to a model name and must not be "corrected" into one. */
const EVERYDAY = new Set(['expect', 'expected', 'export', 'pixel', 'pixels', 'much', 'such', 'ones', 'none', 'done', 'gone', 'plug', 'plan', 'maker', 'make', 'makes', 'milky', 'tour', 'tower', 'momentarily', 'moment', 'water', 'machine', 'coffee', 'nespresso']);

function correctSpelling(norm: string): string {
  return norm
    .split(' ')
    .map((w) => {
      if (w.length < 4 || vocabularySet.has(w) || EVERYDAY.has(w) || /\d/.test(w)) return w;
      const hit = closest(w);
      // Typing rarely gets the first letter wrong, and a misspelling is an edit or two away: "paris" is not
      // "barista", "demain" not "gemini".
      const allowed = w.length <= 5 ? 1 : 2;
      return hit && hit[0] === w[0] && editDistance(w, hit, allowed) <= allowed ? hit : w;
    })
    .join(' ');
}

/** The catalogue model named in `text` (names, aliases, then misspellings corrected with fuse.js), or undefined. */
export function findModel(text: string): CatalogueModel | undefined {
  const norm = normaliseModelText(text);
  if (!norm) return undefined;
  const found = longestAlias(norm);
  const corrected = longestAlias(correctSpelling(norm));
  const best = corrected && (!found || corrected.len > found.len) ? corrected : found;
  if (best) return byId.get(best.id);
  // "U" alone is a model name but also chat shorthand for "you": only an upper-case U counts.
  if (norm === 'u' || /(^|[^\p{L}])U(?![\p{L}\p{N}])/u.test(text)) return byId.get('u');
  return undefined;
}

/** The catalogue model named in `text` by its name or an alias as written, no spelling corrected (a few µs). */
export function findModelExactly(text: string): CatalogueModel | undefined {
  const norm = normaliseModelText(text);
  if (!norm) return undefined;
  const found = longestAlias(norm);
  if (found) return byId.get(found.id);
  if (norm === 'u' || /(^|[^\p{L}])U(?![\p{L}\p{N}])/u.test(text)) return byId.get('u');
  return undefined;
}

function longestAlias(norm: string): { id: string; len: number } | undefined {
  const padded = ` ${norm} `;
  let best: { id: string; len: number } | undefined;
  for (const row of aliasRows) {
    if (padded.includes(` ${row.alias} `) && (!best || row.alias.length > best.len)) best = { id: row.id, len: row.alias.length };
  }
  return best;
}

/** A catalogue model given by id, by name or alias, or already resolved. */
export function resolveModel(model: string | CatalogueModel): CatalogueModel | undefined {
  return typeof model === 'string' ? (byId.get(model) ?? findModel(model)) : model;
}
