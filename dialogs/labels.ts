/** A choice's label as customers may type it back: its wording in every language (a tapped button sends its value). */
import { LANGS } from '../src/conversation/lang.js';
import { CATALOGUES } from '../src/language/catalog/index.js';
import type { ChoiceData } from '../src/language/render.js';

export function labelsOf(label: ChoiceData['label']): string[] {
  if (typeof label === 'string') return [label];
  if (label.params) return [];
  return [...new Set(LANGS.map((l) => CATALOGUES[l][label.key]).filter((s): s is string => !!s))];
}
