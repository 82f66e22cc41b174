/**
 * What every dialog shares: a step is a question (prompt) and an answer parser. Machines keep one table of
 * steps keyed by state name; the runtime uses the same table to repeat a prompt or to tell whether a
 * message answers the pending step.
 */
import { msg, type Msg, type Text } from '../src/language/message.js';
import type { ChoiceData } from '../src/language/render.js';
import { parseChoice } from './parse.js';
import type { BaseContext, DialogInput, DialogReply } from './types.js';

export interface Prompt {
  /** Catalogue messages (a plain string only while a task is being moved to the catalogue). */
  text: Text | string;
  choices?: ChoiceData[];
}

export type Answer<C> = { ok: true; patch: Partial<C> } | { ok: false; reason: Text | string };

/** Paragraphs of messages; a transitional plain string rides verbatim in `ans.text`. */
function paragraphs(t: Text | string): Msg[] {
  if (typeof t === 'string') return t ? [msg('ans.text', { text: t })] : [];
  if (Array.isArray(t)) return t;
  if ('sentences' in t) return t.sentences.length ? [t.sentences.slice(1).reduce<Msg>((first, next) => msg('ans.then', { first, next }), t.sentences[0]!)] : [];
  return [t];
}

export interface Step<C> {
  prompt(ctx: C): Prompt;
  answer(text: string, ctx: C): Answer<C>;
}

export type StepTable<C> = Record<string, Step<C>>;

export function replyOf(step: string, p: Prompt): DialogReply {
  return p.choices?.length ? { text: p.text, choices: p.choices, step } : { text: p.text, step };
}

/** The prompt again, with the reason the last answer was not taken. */
export function repromptOf(step: string, reason: Text | string, p: Prompt): DialogReply {
  if (typeof reason === 'string' && typeof p.text === 'string') return replyOf(step, { ...p, text: reason ? `${reason}\n\n${p.text}` : p.text });
  return replyOf(step, { ...p, text: [...paragraphs(reason), ...paragraphs(p.text)] });
}


export function baseContext(input: DialogInput): BaseContext {
  return { market: input.market, contact: { ...input.contact }, today: input.today };
}

/** "0809 001 886 (toll-free, every day 08:00–22:00)" — hours left out where the documents state none. */
export function contactLine(ctx: BaseContext): string {
  const { phone, note, hours } = ctx.contact;
  const details = [note, hours && !/not stated/i.test(hours) ? hours : undefined].filter(Boolean);
  return details.length ? `${phone} (${details.join(', ')})` : phone;
}

/** A choice step: the answer is one of `choices` (label, value or number). */
export function choiceAnswer<C>(text: string, choices: readonly ChoiceData[], take: (value: string) => Partial<C> | undefined, expected: Msg | string): Answer<C> {
  const value = parseChoice(text, choices);
  const patch = value === undefined ? undefined : take(value);
  if (patch) return { ok: true, patch };
  return { ok: false, reason: notCaught(expected) };
}

/** "Sorry, I did not catch that." and what is expected. */
export function notCaught(expected: Msg | string): Msg {
  return msg('ans.notCaught', { expected });
}

export const PERSON: ChoiceData = { label: msg('label.person'), value: 'person' };
export const NO_THANKS: ChoiceData = { label: msg('ans.label.noThanks'), value: 'no thanks' };
export const YES_NO: ChoiceData[] = [
  { label: msg('label.yes'), value: 'yes' },
  { label: msg('label.no'), value: 'no' },
];

/**
 * A state that asks `step` and waits: the answer is taken when the step's parser accepts it,
 * otherwise the step is asked again with what is expected. Shared by every machine.
 */
export const asking = <S extends string>(step: S) =>
  ({
    tags: ['awaitingInput'],
    entry: { type: 'ask', params: { step } },
    on: {
      'user.said': [
        { guard: { type: 'isAnswer', params: { step } }, actions: { type: 'take', params: { step } }, target: 'routing' },
        { actions: { type: 'reprompt', params: { step } } },
      ],
    },
  }) as const;
