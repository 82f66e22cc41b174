/**
 * The machine model a customer names, in any script: catalogue names and aliases through
 * src/policy/catalogue.ts, plus the Hangul spellings Korean customers use (Nespresso Korea's own: 픽시, 시티즈, 버츄오 넥스트 …).
 */
import { memoString } from '../src/lib/memo.js';
import { findModel, getModel, normaliseModelText } from '../src/policy/catalogue.js';

/** Longest first, so "버츄오 넥스트" is read before "버츄오". */
const HANGUL: Array<[RegExp, string]> = [
  [/시티즈\s*(?:앤|&)?\s*밀크/u, 'citiz and milk'],
  [/시티즈/u, 'citiz'],
  [/픽시/u, 'pixie'],
  [/이니시아/u, 'inissia'],
  [/에센자\s*미니/u, 'essenza mini'],
  [/라티시마\s*(?:원|one)/u, 'lattissima one'],
  [/라티시마\s*터치/u, 'lattissima touch'],
  [/그란\s*라티시마/u, 'gran lattissima'],
  [/버츄?오\s*라티시마/u, 'vertuo lattissima'],
  [/라티시마/u, 'lattissima'],
  [/버츄?오\s*넥스트/u, 'vertuo next'],
  [/버츄?오\s*팝/u, 'vertuo pop'],
  [/버츄?오\s*플러스/u, 'vertuo plus'],
  [/버츄?오/u, 'vertuo'],
  [/엑스퍼트\s*(?:앤|&)?\s*밀크/u, 'expert and milk'],
  [/엑스퍼트/u, 'expert'],
  [/크(?:리에이|레아)티스타\s*플러스/u, 'creatista plus'],
  [/크(?:리에이|레아)티스타/u, 'creatista'],
  [/프로디지오/u, 'prodigio'],
  [/마에스트리아/u, 'maestria'],
  [/에어로치노/u, 'aeroccino'],
  [/제니우스/u, 'zenius'],
  [/제미니/u, 'gemini'],
  [/모멘토/u, 'momento'],
  [/아길라/u, 'aguila'],
];

/** Catalogue id of the model named in `text`, or undefined (memoised: several readers of a turn ask it of the same message). */
export const modelIn: (text: string) => string | undefined = memoString((text) => {
  const direct = findModel(text);
  if (direct) return direct.id;
  const t = text.normalize('NFKC');
  for (const [re, name] of HANGUL) if (re.test(t)) return findModel(name)?.id;
  return undefined;
}, 256);

/**
 * The model named in `text` as written (a catalogue name or alias, or a Hangul spelling), never a corrected
 * misspelling: for a correction in the middle of another question ("actually it's an Essenza Mini"), where
 * "peut-être" must not be read as "Expert".
 */
export function modelNamedIn(text: string): string | undefined {
  const id = modelIn(text);
  const m = id ? getModel(id) : undefined;
  if (!id || !m) return undefined;
  const norm = ` ${normaliseModelText(text)} `;
  if ([m.name, ...m.aliases].some((a) => norm.includes(` ${normaliseModelText(a)} `))) return id;
  const t = text.normalize('NFKC');
  return HANGUL.some(([re, name]) => re.test(t) && findModel(name)?.id === id) ? id : undefined;
}
