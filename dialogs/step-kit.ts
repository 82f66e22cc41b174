/**
 * The dialog kit every machine shares. A step is a question (prompt) and an answer parser; machines keep
 * one table of steps keyed by state name, and the runtime uses the same table to repeat a prompt or to
 * tell whether a message answers the pending step. Prompts and re-prompt reasons are catalogue messages,
 * choices carry neutral values with labels from the catalogues, and typed answers are read in all five
 * languages (the conversation's first).
 */
import { assign, emit, enqueueActions, setup, type AnyActorLogic, type AnyEventObject, type AnyStateMachine } from 'xstate';
import { LANGS, type Lang } from '../src/conversation/lang.js';
import { msg, type Msg, type Text } from '../src/language/message.js';
import { Renderer, type ChoiceData } from '../src/language/render.js';
import { hasWordsOfItsOwn, isBareOk, squash, yesNo, type YesNo } from '../src/language/understand/index.js';
import { asksSomething } from './reading.js';
import { parseChoice } from './parse.js';
import type { BaseContext, DialogId, DialogInput, DialogOutput, DialogReply } from './types.js';

// ── steps ─────────────────────────────────────────────────────────────────────────────────────────

export interface Prompt {
  /** Catalogue messages (a plain string only while a task is being moved to the catalogue). */
  text: Text | string;
  choices?: ChoiceData[];
}

export type Answer<C> = { ok: true; patch: Partial<C> } | { ok: false; reason: Text | string };

export interface Step<C> {
  prompt(ctx: C): Prompt;
  answer(text: string, ctx: C): Answer<C>;
}

export type StepTable<C> = Record<string, Step<C>>;

/** A step whose prompt is messages only and whose re-prompt reason is one message. */
export interface TaskPrompt extends Prompt {
  text: Text;
}
export type TaskAnswer<C> = { ok: true; patch: Partial<C> } | { ok: false; reason: Msg };
export interface TaskStep<C> extends Step<C> {
  prompt(ctx: C): TaskPrompt;
  answer(text: string, ctx: C): TaskAnswer<C>;
}

// ── corrections in passing ─────────────────────────────────────────────────────────────────────────

/**
 * A detail a customer may correct (or give early) at any step of a task (issue 16): "actually it's an Essenza
 * Mini", "my phone is 0987 654 321", "actually it was a 24-month commitment". `read` gives what the message
 * states about it (its slot and any companion fields, e.g. the date's precision); the step that asks for it
 * reads its own answer instead.
 */
export interface Correctable<C> {
  slot: keyof C & string;
  /** The step that asks for this slot: no correction is read there. */
  step: string;
  read: (text: string, ctx: C, step: string) => Partial<C> | undefined;
  /** What a change of the slot clears (the answers that depend on it). */
  clears?: (ctx: C) => Partial<C>;
  /** Also taken before the slot was asked (a phone number said in passing); otherwise only a filled slot is corrected. */
  early?: boolean;
  /**
   * The message without the words this correction read ("it's been 10 months" out of "279, and it's been 10
   * months"), for the pending step's own answer; without it the message is left whole (its words cannot pass for
   * that answer).
   */
  rest?: (text: string, ctx: C) => string;
}

/** The details a message corrects, each with what its change clears, and the message without the words they were read from. */
function corrections<C>(fields: readonly Correctable<C>[], text: string, ctx: C, step: string): { patch: Partial<C>; rest: string } | undefined {
  const clears: Partial<C> = {};
  const values: Partial<C> = {};
  let rest = text;
  for (const f of fields) {
    if (step === f.step || (ctx[f.slot] === undefined && !f.early)) continue;
    const read = f.read(text, ctx, step);
    if (!read || read[f.slot] === undefined || read[f.slot] === ctx[f.slot]) continue;
    Object.assign(clears, f.clears?.(ctx));
    Object.assign(values, read);
    if (f.rest) rest = f.rest(rest, ctx);
  }
  return Object.keys(values).length ? { patch: { ...clears, ...values }, rest } : undefined;
}

/**
 * A detail said in passing before a question of its own ("산 지 1년 반 된 시티즈예요. 보증 아직 되나요?" while the no-water steps
 * run): the last sentence asks something, with words of its own, and corrects nothing itself. That is a digression
 * (answered, then whether to go on), not a correction that would silently restart the step with the other machine.
 */
function asksAboutSomethingElse<C>(fields: readonly Correctable<C>[], text: string, ctx: C, step: string): boolean {
  return questionBeside(text, (last) => corrections(fields, last, ctx, step) !== undefined);
}

/** A message of two or more sentences whose last asks something, with words of its own, that `corrects` does not read as a correction. */
export function questionBeside(text: string, corrects: (sentence: string) => boolean): boolean {
  const sentences = text.split(/(?<=[.?!。？！])\s*/u).map((x) => x.trim()).filter(Boolean);
  if (sentences.length < 2) return false;
  const last = sentences[sentences.length - 1]!;
  return asksSomething(last) && hasWordsOfItsOwn(squash(last), { cjk: 4, words: 3 }) && !corrects(last);
}

/** The details a message corrects, each with what its change clears; undefined when it corrects none. */
export function correctionIn<C>(fields: readonly Correctable<C>[], text: string, ctx: C, step: string): Partial<C> | undefined {
  return corrections(fields, text, ctx, step)?.patch;
}

/**
 * The step table with a correction tried before each step's own answer: a message that corrects an earlier
 * detail is taken as that change, and the task goes on from wherever it now stands (its routing asks what the
 * change left open, else the step the customer was at). `except`: steps that read no correction. `answered`:
 * steps whose own answer is also read from the rest of a correcting message ("279, and it's been 10 months" at
 * the normal price; "0912 345 678, oh and it's an Essenza Mini" at the phone), without the words the correction
 * read: steps that ask for a figure or a contact detail, never a yes/no or free text, which a correction's own
 * words ("no, …", "sorry, …") could pass for.
 */
export function withCorrections<C, T extends Record<string, Step<C>>>(steps: T, fields: readonly Correctable<C>[], except: readonly string[] = [], answered: readonly string[] = []): T {
  const out = {} as Record<string, Step<C>>;
  for (const [name, step] of Object.entries(steps)) {
    out[name] = {
      prompt: step.prompt,
      answer: (text, ctx) => {
        const fix = except.includes(name) || asksAboutSomethingElse(fields, text, ctx, name) ? undefined : corrections(fields, text, ctx, name);
        if (!fix) return step.answer(text, ctx);
        const own = answered.includes(name) && fix.rest.trim() ? step.answer(fix.rest, { ...ctx, ...fix.patch }) : undefined;
        return { ok: true, patch: own?.ok ? { ...fix.patch, ...own.patch } : fix.patch };
      },
    };
  }
  return out as T;
}

// ── context ───────────────────────────────────────────────────────────────────────────────────────

export function baseContext(input: DialogInput): BaseContext {
  return { market: input.market, contact: { ...input.contact }, today: input.today };
}

/** Context of a task that knows the conversation's language (answers are read in it first). */
export interface TaskContext extends BaseContext {
  lang: Lang;
}

export function taskContext(input: DialogInput): TaskContext {
  return { ...baseContext(input), lang: input.lang ?? 'en' };
}

// ── replies ───────────────────────────────────────────────────────────────────────────────────────

export function replyOf(step: string, p: Prompt): DialogReply {
  return p.choices?.length ? { text: p.text, choices: p.choices, step } : { text: p.text, step };
}

/** Paragraphs of messages, sentences joined into one; a transitional plain string rides verbatim in `ans.text`. */
function joinedParagraphs(t: Text | string): Msg[] {
  if (typeof t === 'string') return t ? [msg('ans.text', { text: t })] : [];
  if (Array.isArray(t)) return t;
  if ('sentences' in t) return t.sentences.length ? [t.sentences.slice(1).reduce<Msg>((first, next) => msg('ans.then', { first, next }), t.sentences[0]!)] : [];
  return [t];
}

/** The prompt again, with the reason the last answer was not taken. */
export function repromptOf(step: string, reason: Text | string, p: Prompt): DialogReply {
  if (typeof reason === 'string' && typeof p.text === 'string') return replyOf(step, { ...p, text: reason ? `${reason}\n\n${p.text}` : p.text });
  return replyOf(step, { ...p, text: [...joinedParagraphs(reason), ...joinedParagraphs(p.text)] });
}

/** Paragraphs of messages, each sentence its own. */
export function paragraphs(t: Text): Msg[] {
  if (Array.isArray(t)) return t;
  return 'sentences' in t ? t.sentences : [t];
}

/** A task's prompt as a reply (the same as replyOf). */
export const taskReply: (step: string, p: TaskPrompt) => DialogReply = replyOf;

/** A task's prompt again, after the reason the last answer was not taken. */
export function taskReprompt(step: string, reason: Msg, p: TaskPrompt): DialogReply {
  return replyOf(step, { ...p, text: [reason, ...paragraphs(p.text)] });
}

/** "Sorry, I did not catch that." and what is expected. */
export function notCaught(expected: Msg | string): Msg {
  return msg('ans.notCaught', { expected });
}

// ── choices and answers ───────────────────────────────────────────────────────────────────────────

export const PERSON: ChoiceData = { label: msg('label.person'), value: 'person' };
export const YES_NO: ChoiceData[] = [
  { label: msg('label.yes'), value: 'yes' },
  { label: msg('label.no'), value: 'no' },
];
/** The same choices under the names the tasks use. */
export const PERSON_CHOICE = PERSON;
export const YES_NO_CHOICES = YES_NO;

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
  const yn = isBareOk(text) ? undefined : yesNo(text, lang);
  if (yn === 'yes') return 'person';
  if (yn === 'no') return 'no thanks';
  return PERSON_WORD.test(text) ? 'person' : undefined;
}

/** A person asked for by a single word, in any language. */
const PERSON_WORD = /\b(agent|human|person|conseill[eè]re?|humain|pessoa|assistente|operador)\b|상담원|사람|真人|客服|專人/iu;

// ── machines ──────────────────────────────────────────────────────────────────────────────────────

/** Raised by a step's state once the customer's message was parsed and taken. */
const ANSWERED = 'step.answered';

/**
 * A state that asks `step` and waits. The customer's message is parsed once: taken (and the dialog goes
 * back to routing) when the step's parser accepts it, otherwise the step is asked again with what is expected.
 */
export const asking = <S extends string>(step: S) =>
  ({
    tags: ['awaitingInput'],
    entry: { type: 'ask', params: { step } },
    on: {
      'user.said': { actions: { type: 'answer', params: { step } } },
      [ANSWERED]: { target: 'routing' },
    },
  }) as const;

/** What every slot dialog's context carries besides its slots. */
export interface SlotContext extends BaseContext {
  closing?: Text;
}

/** One branch of a routing list: the first whose guard holds is taken. */
export interface Route<G extends string, A extends string, T extends string> {
  guard?: G;
  actions?: A | readonly A[];
  target: T;
  reenter?: boolean;
}

/** A dialog's own action: a change of its context, or a reply it says. */
export type SlotAction<C> = { assign: (context: C, event: AnyEventObject) => Partial<C> } | { say: (context: C) => DialogReply };

export interface SlotDialogSpec<C extends SlotContext, S extends string, G extends string, A extends string, B extends string, X extends string> {
  id: DialogId;
  version: number;
  /** The context from the runtime's input: slots already given are filled and never asked again. */
  context: (input: DialogInput) => C;
  /** One step per asking state, keyed by state name. */
  steps: Record<S, Step<C>>;
  /** The answer to a step (default: the step's own parser), e.g. to take several slots from one message. */
  answer?: (step: S, text: string, context: C) => Answer<C>;
  /** Task prompts (messages only) are the default; the repair booking's prompts may still carry plain text. */
  replies?: 'task' | 'step';
  guards: Record<G, (context: C, event: AnyEventObject) => boolean>;
  actions?: Record<A, SlotAction<C>>;
  /** Side effects, provided by name by the runtime and by fakes in tests (`machine.provide({ actors })`). */
  actors?: Record<string, AnyActorLogic>;
  delays?: Record<string, number>;
  /** Where the dialog goes after each answer, in order; `hasOutcome → done` comes first. */
  routing: ReadonlyArray<Route<NoInfer<G>, NoInfer<A>, NoInfer<S | B | X> | 'routing' | 'done'>>;
  /** Further routing states (eventless choices). */
  branches?: Record<B, ReadonlyArray<Route<NoInfer<G>, NoInfer<A>, NoInfer<S | B | X> | 'routing' | 'done'>>>;
  /** Other states, as xstate config (e.g. a state that invokes an actor). */
  states?: Record<X, object>;
}

/**
 * A slot-filling dialog: `setup()` called once with what every dialog shares (ask, answer once, closing,
 * hasOutcome) plus the dialog's own guards, actions and actors by name, so a machine file holds only its
 * steps and its flow. The spec is typed against the dialog's context, step names, guard and action names.
 * States: `routing` (eventless, `hasOutcome → done` first), one asking state per step, the dialog's
 * branches and states, and `done`, which says the closing words if any. Output: the context's outcome,
 * else cancelled.
 */
export function defineSlotDialog<C extends SlotContext, S extends string, G extends string, A extends string = never, B extends string = never, X extends string = never>(
  spec: SlotDialogSpec<C, S, G, A, B, X>,
): AnyStateMachine {
  const answerOf = (step: S, text: string, context: C): Answer<C> => (spec.answer ? spec.answer(step, text, context) : spec.steps[step].answer(text, context));
  const reprompt = (step: S, reason: Text | string, context: C): DialogReply => {
    const prompt = spec.steps[step].prompt(context);
    return spec.replies === 'step' ? repromptOf(step, reason, prompt) : taskReprompt(step, reason as Msg, prompt as TaskPrompt);
  };
  type Args = { context: C; event: AnyEventObject };
  const guards: Record<string, (args: Args) => boolean> = { hasOutcome: ({ context }) => context.outcome !== undefined };
  for (const [name, guard] of Object.entries(spec.guards) as Array<[string, (c: C, e: AnyEventObject) => boolean]>) guards[name] = ({ context, event }) => guard(context, event);
  const actions: Record<string, unknown> = {
    ask: emit(({ context }: Args, p: { step: S }) => ({ type: 'reply', reply: replyOf(p.step, spec.steps[p.step].prompt(context)) })),
    answer: enqueueActions(({ context, event, enqueue }: Args & { enqueue: any }, p: { step: S }) => {
      const a = answerOf(p.step, String(event.text ?? ''), context);
      if (a.ok) {
        enqueue.assign(() => a.patch);
        enqueue.raise({ type: ANSWERED });
      } else enqueue.emit({ type: 'reply', reply: reprompt(p.step, a.reason, context) });
    }),
    sayClosing: enqueueActions(({ context, enqueue }: Args & { enqueue: any }) => {
      if (context.closing) enqueue.emit({ type: 'reply', reply: { text: context.closing, step: 'done' } });
    }),
  };
  for (const [name, action] of Object.entries(spec.actions ?? {}) as Array<[string, SlotAction<C>]>) {
    actions[name] = 'assign' in action ? assign(({ context, event }: Args) => action.assign(context, event)) : emit(({ context }: Args) => ({ type: 'reply', reply: action.say(context) }));
  }
  const always = (routes: ReadonlyArray<Route<G, A, string>>) => ({ always: routes.map((r) => ({ ...r, actions: r.actions as string | string[] | undefined })) });
  const states: Record<string, object> = { routing: always([{ guard: 'hasOutcome' as G, target: 'done' }, ...spec.routing]) };
  for (const step of Object.keys(spec.steps)) states[step] = asking(step);
  for (const [name, routes] of Object.entries(spec.branches ?? {}) as Array<[string, ReadonlyArray<Route<G, A, string>>]>) states[name] = always(routes);
  Object.assign(states, spec.states ?? {});
  states.done = { type: 'final', entry: { type: 'sayClosing' } };
  // The spec is typed above; xstate's own inference cannot follow names built at run time.
  return setup({ guards, actions, actors: spec.actors ?? {}, delays: spec.delays ?? {} } as any).createMachine({
    id: spec.id,
    version: String(spec.version),
    context: ({ input }: { input: DialogInput }) => spec.context(input),
    initial: 'routing',
    output: ({ context }: { context: C }) => context.outcome ?? ({ outcome: 'cancelled' } satisfies DialogOutput),
    states,
  } as any);
}
