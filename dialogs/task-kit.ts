/**
 * What the password-reset, no-water and cancellation tasks share while the dialog kit (step-kit.ts) is
 * moved onto the catalogues: steps whose prompts and re-prompt reasons are message keys, choices whose
 * labels are messages and whose values are neutral, and typed answers read in all five languages.
 */
import { LANGS, type Lang } from '../src/conversation/lang.js';
import { msg, type Msg, type Text } from '../src/language/message.js';
import { Renderer, type ChoiceData } from '../src/language/render.js';
import { yesNo, type YesNo } from '../src/language/understand/index.js';
import { parseChoice } from './parse.js';
import type { BaseContext, DialogInput, DialogReply } from './types.js';

export interface TaskPrompt {
  text: Text;
  choices?: ChoiceData[];
}

export type TaskAnswer<C> = { ok: true; patch: Partial<C> } | { ok: false; reason: Msg };

export interface TaskStep<C> {
  prompt(ctx: C): TaskPrompt;
  answer(text: string, ctx: C): TaskAnswer<C>;
}

/** Context of a task that knows the conversation's language (answers are read in it first). */
export interface TaskContext extends BaseContext {
  lang: Lang;
}

export function taskContext(input: DialogInput): TaskContext {
  return { market: input.market, contact: { ...input.contact }, today: input.today, lang: input.lang ?? 'en' };
}

export function paragraphs(t: Text): Msg[] {
  if (Array.isArray(t)) return t;
  return 'sentences' in t ? t.sentences : [t];
}

export function taskReply(step: string, p: TaskPrompt): DialogReply {
  return p.choices?.length ? { text: p.text, choices: p.choices, step } : { text: p.text, step };
}

/** The prompt again, after the reason the last answer was not taken. */
export function taskReprompt(step: string, reason: Msg, p: TaskPrompt): DialogReply {
  return taskReply(step, { ...p, text: [reason, ...paragraphs(p.text)] });
}

export const PERSON_CHOICE: ChoiceData = { label: msg('label.person'), value: 'person' };
export const YES_NO_CHOICES: ChoiceData[] = [
  { label: msg('label.yes'), value: 'yes' },
  { label: msg('label.no'), value: 'no' },
];

const words = new Renderer();

function orderFrom(lang: Lang): Lang[] {
  return [lang, ...LANGS.filter((l) => l !== lang)];
}

/**
 * The value of the choice a message designates: a button's value, its number, or its label as worded in
 * any of the five languages (the conversation's first), whole or inside a longer answer.
 */
export function choiceIn(text: string, choices: readonly ChoiceData[], lang: Lang): string | undefined {
  const exact = choices.find((c) => c.value === text.trim());
  if (exact) return exact.value;
  for (const l of orderFrom(lang)) {
    const worded = choices.map((c) => ({ label: typeof c.label === 'string' ? c.label : words.message(c.label, l), value: c.value }));
    const v = parseChoice(text, worded);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Yes, no or "don't know"; a tapped button's value ('yes' / 'no') or its number among `choices` counts. */
export function answerYesNo(text: string, lang: Lang, choices?: readonly ChoiceData[]): YesNo | undefined {
  if (choices) {
    const v = /^\s*#?\d{1,2}\s*$/.test(text) || choices.some((c) => c.value === text.trim()) ? choiceIn(text, choices, lang) : undefined;
    if (v === 'yes' || v === 'no') return v;
  }
  return yesNo(text, lang);
}

/** "Talk to a person" or "No, thanks" (a yes counts as the person, a no as no thanks). */
export function personOrNot(text: string, lang: Lang, noThanks: ChoiceData): 'person' | 'no thanks' | undefined {
  const v = choiceIn(text, [PERSON_CHOICE, noThanks], lang);
  if (v === 'person' || v === 'no thanks') return v;
  const yn = yesNo(text, lang);
  if (yn === 'yes') return 'person';
  if (yn === 'no') return 'no thanks';
  return PERSON_WORD.test(text) ? 'person' : undefined;
}

/** A person asked for by a single word, in any language. */
const PERSON_WORD = /\b(agent|human|person|conseill[eè]re?|humain|pessoa|assistente|operador)\b|상담원|사람|真人|客服|專人/iu;
