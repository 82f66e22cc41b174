/**
 * The machine model a customer names, in any script: catalogue names and aliases through
 * src/policy/catalogue.ts, plus the Hangul spellings Korean customers use (Nespresso Korea's own: 픽시, 시티즈, 버츄오 넥스트 …).
 */
import { memoString } from '../src/lib/memo.js';
import { findModel, findModelExactly, getModel, normaliseModelText } from '../src/policy/catalogue.js';

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

function oneModelIn(text: string): string | undefined {
  const direct = findModel(text);
  if (direct) return direct.id;
  const t = text.normalize('NFKC');
  for (const [re, name] of HANGUL) if (re.test(t)) return findModel(name)?.id;
  return undefined;
}

/** A clause that says what something was not ("not a Pixie", "pas le 12 mars", "não a Pixie", "不是Pixie"). */
const NEGATED = /\bnot\b|n['’]t\b|\bpas\b|\bnão\b|\bnao\b|不是|並非|아니/iu;
/** Korean puts what it was not first: "픽시가 아니라 에센자 미니", "3월 12일 말고 5월 12일". */
const KO_NOT_BUT = /(?:이|가)?\s*(?:아니라|아니고|말고)/u;
const CLAUSES = /[,，、。;；!?！？]|\s(?:but|mais|mas|et non|et pas|e não|e nao|and not)\s|(?=\s(?:pas|not|não|nao)\s)|但是|而是/u;
/** "No," / "아니요" said first answers the question, it does not negate what follows ("não é a Pixie" does). */
const LEADING_NO = /^\s*(?:(?:no|non|não|nope|아니)\s*[,.!]+|아니요|아뇨)[\s,.!]*/iu;

/** The message's clauses, each marked when it says what something was not. */
export function clausesOf(text: string): Array<{ text: string; negated: boolean }> {
  const out: Array<{ text: string; negated: boolean }> = [];
  for (const clause of text.replace(LEADING_NO, '').split(CLAUSES)) {
    const parts = clause.split(KO_NOT_BUT);
    parts.forEach((p, i) => out.push({ text: p, negated: i < parts.length - 1 || NEGATED.test(p) }));
  }
  return out.filter((c) => c.text.trim());
}

/**
 * Catalogue id of the model named in `text`, or undefined (memoised: several readers of a turn ask it of the same
 * message). Two machines named, one of them denied ("an Essenza Mini, not a Pixie", "픽시가 아니라 에센자 미니",
 * "不是Pixie，是Essenza Mini"): the one affirmed.
 */
export const modelIn: (text: string) => string | undefined = memoString((text) => {
  const whole = oneModelIn(text);
  if (!whole || !(NEGATED.test(text) || KO_NOT_BUT.test(text))) return whole;
  const named = clausesOf(text).map((c) => ({ model: oneModelIn(c.text), negated: c.negated })).filter((c) => c.model);
  if (new Set(named.map((c) => c.model)).size < 2) return whole;
  return named.find((c) => !c.negated)?.model ?? whole;
}, 256);

/**
 * The catalogue id of a model named in `text` exactly as the catalogue or Nespresso Korea writes it (names, aliases,
 * Hangul spellings), no misspelling corrected and no denial read: cheap enough for every search (retrieval's byModel).
 */
export function modelNamedExactlyIn(text: string): string | undefined {
  const direct = findModelExactly(text);
  if (direct) return direct.id;
  if (!/\p{Script=Hangul}/u.test(text)) return undefined;
  const t = text.normalize('NFKC');
  for (const [re, name] of HANGUL) if (re.test(t)) return findModelExactly(name)?.id;
  return undefined;
}

/**
 * The model named in `text` as written (a catalogue name or alias, or a Hangul spelling), never a corrected
 * misspelling: for a correction in the middle of another question ("actually it's an Essenza Mini"), where
 * "peut-être" must not be read as "Expert".
 */
export function modelNamedIn(text: string): string | undefined {
  const id = modelIn(text);
  if (id && asWritten(text, id)) return id;
  // The closest model to the whole message was a misreading ("espera, afinal é uma Pixie" read "espera" as Expert):
  // a model written as such in a clause that does not deny it.
  for (const c of clausesOf(text)) {
    if (c.negated) continue;
    const other = oneModelIn(c.text);
    if (other && other !== id && asWritten(c.text, other)) return other;
  }
  return undefined;
}

/** The model `id` is written in `text` by one of its names or aliases, or a Hangul spelling. */
function asWritten(text: string, id: string): boolean {
  const m = getModel(id);
  if (!m) return false;
  const norm = ` ${normaliseModelText(text)} `;
  if ([m.name, ...m.aliases].some((a) => norm.includes(` ${normaliseModelText(a)} `))) return true;
  const t = text.normalize('NFKC');
  return HANGUL.some(([re, name]) => re.test(t) && findModel(name)?.id === id);
}
