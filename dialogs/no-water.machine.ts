/**
 * No water coming out of the spout (tw-account-faq): find the model, give its priming steps (auto-prime or
 * slider), count the tries, rest the machine after five, then offer a repair booking or a person.
 */
import { assign, emit, setup } from 'xstate';
import { findModel, getModel } from '../src/retrieval/policy.js';
import { parseChoice, parseYesNo } from './parse.js';
import { asking, baseContext, choiceAnswer, contactLine, NO_THANKS, PERSON, replyOf, repromptOf, type Step } from './step-kit.js';
import type { BaseContext, DialogInput, DialogOutput, ReplyEmitted, UserSaid } from './types.js';

export const NO_WATER_VERSION = 1;
export const MAX_TRIES = 5;
export const REST_MINUTES = 30;

export interface NoWaterContext extends BaseContext {
  /** Catalogue id. */
  model?: string;
  /** The customer's model is not in the catalogue. */
  modelNotListed?: boolean;
  tries: number;
  worked?: boolean;
  rested: boolean;
}

const MODEL_CHOICES = ['inissia', 'essenza-mini', 'citiz', 'pixie', 'expert', 'lattissima', 'lattissima-one', 'maestria', 'creatista', 'u', 'prodigio'].map((id) => ({
  label: getModel(id)?.name ?? id,
  value: getModel(id)?.name ?? id,
}));
const OTHER_MODEL = { label: 'Another model', value: 'another model' };

function modelName(ctx: NoWaterContext): string {
  return (ctx.model && getModel(ctx.model)?.name) || 'machine';
}

function instructions(ctx: NoWaterContext): string {
  const method = ctx.model ? getModel(ctx.model)?.noWater : undefined;
  if (method === 'slider') {
    return 'Open and close the slider a few times. When water begins to flow through the spout, the air bubble has been released.';
  }
  return [
    '1. Fill the water tank.',
    '2. Eject any capsule from the chamber.',
    '3. Close the coffee lever.',
    '4. Press the large cup button: the auto-prime function pushes the air out of the circuit.',
    'When water begins to flow through the spout, the air bubble has been released.',
  ].join('\n');
}

const DID_IT_WORK = [
  { label: 'Yes, water flows', value: 'yes' },
  { label: 'No, still nothing', value: 'no' },
];

function yesNoStep(prompt: (ctx: NoWaterContext) => string, onYes: (ctx: NoWaterContext) => Partial<NoWaterContext>, onNo: (ctx: NoWaterContext) => Partial<NoWaterContext>): Step<NoWaterContext> {
  return {
    prompt: (ctx) => ({ text: prompt(ctx), choices: DID_IT_WORK }),
    answer: (text, ctx) => {
      const v = parseYesNo(text, DID_IT_WORK) ?? (/\b(works?|flows?|came out|comes out)\b/i.test(text) && !/\b(not|n't|no)\b/i.test(text) ? true : undefined);
      if (v === undefined) return { ok: false, reason: 'Please tell me whether water came out: yes or no.' };
      return { ok: true, patch: v ? onYes(ctx) : onNo(ctx) };
    },
  };
}

export const noWaterSteps = {
  askingModel: {
    prompt: () => ({ text: 'Which Nespresso machine do you have? The steps depend on the model.', choices: [...MODEL_CHOICES, OTHER_MODEL] }),
    answer: (text) => {
      const choice = parseChoice(text, [...MODEL_CHOICES, OTHER_MODEL]);
      if (choice === OTHER_MODEL.value || (!choice && /\b(another|other|don'?t know|not sure|no idea)\b/i.test(text))) {
        return { ok: true, patch: { modelNotListed: true } };
      }
      const m = findModel(choice ?? text);
      if (m) return { ok: true, patch: { model: m.id } };
      return { ok: false, reason: 'I do not know that model. Please pick it from the list, type its name as written on the machine, or choose "Another model".' };
    },
  },
  tryingFix: yesNoStep(
    (ctx) =>
      ctx.tries === 0
        ? `When no water comes out of the spout, your ${modelName(ctx)} may have an air bubble, which most often happens when the tank runs empty or after a period of non-use. To release it:\n${instructions(ctx)}\n\nDid water come out?`
        : `That was try ${ctx.tries} of ${MAX_TRIES}. Please try once more:\n${instructions(ctx)}\n\nDid water come out this time?`,
    () => ({ worked: true }),
    (ctx) => ({ tries: ctx.tries + 1 }),
  ),
  resting: yesNoStep(
    () => `After ${MAX_TRIES} tries, please let the machine rest for ${REST_MINUTES} minutes, then try once more. Tell me when you have: did water come out after the rest?`,
    () => ({ worked: true }),
    () => ({ worked: false, rested: true }),
  ),
  offeringHelp: {
    prompt: (ctx) => ({
      text: ctx.model && getModel(ctx.model)?.noWater !== 'noneDocumented' && !ctx.modelNotListed
        ? `I am sorry the ${modelName(ctx)} still gives no water. I can start a repair booking for it, or put you through to a person. You can also call Nespresso on ${contactLine(ctx)}.`
        : `My documents only describe this fix for Inissia, Essenza Mini, CitiZ, Pixie, Expert, Lattissima, Lattissima One, Maestria, Creatista (auto-prime) and U and Prodigio (slider)${ctx.model ? `, not for the ${modelName(ctx)}` : ''}. Nespresso can help on ${contactLine(ctx)}. I can also start a repair booking or put you through to a person.`,
      choices: [{ label: 'Book a repair', value: 'repair' }, PERSON, NO_THANKS],
    }),
    answer: (text, ctx) =>
      choiceAnswer<NoWaterContext>(
        text,
        [{ label: 'Book a repair', value: 'repair' }, PERSON, NO_THANKS, { label: 'no', value: 'no thanks' }, { label: 'repair booking', value: 'repair' }, { label: 'person', value: 'person' }, { label: 'agent', value: 'person' }],
        (v) => ({ outcome: outcomeFor(v, ctx) }),
        'Please choose "Book a repair", "Talk to a person" or "No, thanks".',
      ),
  },
} satisfies Record<string, Step<NoWaterContext>>;
export type NoWaterStep = keyof typeof noWaterSteps;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function outcomeFor(choice: string, ctx: NoWaterContext): DialogOutput {
  const summary = `No water: ${modelName(ctx)}, ${plural(ctx.tries, 'try', 'tries')}${ctx.rested ? ', rested' : ''}`;
  const reason = ctx.tries > 0 ? 'no water after priming' : 'no priming steps documented for this model';
  if (choice === 'repair') {
    return { outcome: 'switch', switchTo: { dialog: 'repairBooking', slots: ctx.model ? { model: ctx.model } : {} }, reason, summary };
  }
  if (choice === 'person') return { outcome: 'handoff', reason, summary };
  return { outcome: 'completed', reason: 'declined further help', summary };
}

export function noWaterContext(input: DialogInput): NoWaterContext {
  const ctx: NoWaterContext = { ...baseContext(input), tries: 0, rested: false };
  const model = input.slots.model;
  if (typeof model === 'string') ctx.model = (getModel(model) ?? findModel(model))?.id;
  const tries = Number(input.slots.tries);
  if (Number.isInteger(tries) && tries > 0) ctx.tries = Math.min(tries, MAX_TRIES);
  return ctx;
}

export const noWaterMachine = setup({
  types: {
    context: {} as NoWaterContext,
    events: {} as UserSaid,
    input: {} as DialogInput,
    emitted: {} as ReplyEmitted,
    output: {} as DialogOutput,
  },
  guards: {
    isAnswer: ({ context, event }, p: { step: NoWaterStep }) => noWaterSteps[p.step].answer(event.text, context).ok,
    hasModel: ({ context }) => context.model !== undefined || context.modelNotListed === true,
    isNotDocumented: ({ context }) => context.modelNotListed === true || getModel(context.model ?? '')?.noWater === 'noneDocumented',
    hasWorked: ({ context }) => context.worked === true,
    hasOutcome: ({ context }) => context.outcome !== undefined,
    isOutOfTries: ({ context }) => context.tries >= MAX_TRIES && !context.rested,
    hasRestedInVain: ({ context }) => context.rested && context.worked === false,
  },
  actions: {
    ask: emit(({ context }, p: { step: NoWaterStep }) => ({ type: 'reply', reply: replyOf(p.step, noWaterSteps[p.step].prompt(context)) }) as const),
    reprompt: emit(({ context, event }, p: { step: NoWaterStep }) => {
      const a = noWaterSteps[p.step].answer(event.text, context);
      return { type: 'reply', reply: repromptOf(p.step, a.ok ? '' : a.reason, noWaterSteps[p.step].prompt(context)) } as const;
    }),
    take: assign(({ context, event }, p: { step: NoWaterStep }) => {
      const a = noWaterSteps[p.step].answer(event.text, context);
      return a.ok ? a.patch : {};
    }),
    celebrate: emit(({ context }) => ({
      type: 'reply',
      reply: { text: `Good news: the air bubble has been released and your ${modelName(context)} is working again. Enjoy your coffee!`, step: 'resolved' },
    }) as const),
    resolve: assign(({ context }) => ({ outcome: { outcome: 'completed', reason: 'water flows again', summary: `No water: fixed by priming (${modelName(context)}, ${plural(context.tries + 1, 'try', 'tries')})` } as DialogOutput })),
  },
}).createMachine({
  id: 'noWater',
  version: String(NO_WATER_VERSION),
  context: ({ input }) => noWaterContext(input),
  initial: 'routing',
  output: ({ context }) => context.outcome ?? { outcome: 'cancelled' },
  states: {
    routing: {
      always: [
        { guard: 'hasOutcome', target: 'done' },
        { guard: { type: 'hasModel' }, target: 'deciding' },
        { target: 'askingModel' },
      ],
    },
    deciding: {
      always: [
        { guard: 'hasWorked', actions: ['celebrate', 'resolve'], target: 'done' },
        { guard: 'isNotDocumented', target: 'offeringHelp' },
        { guard: 'hasRestedInVain', target: 'offeringHelp' },
        { guard: 'isOutOfTries', target: 'resting' },
        { target: 'tryingFix' },
      ],
    },
    askingModel: asking('askingModel'),
    tryingFix: asking('tryingFix'),
    resting: asking('resting'),
    offeringHelp: asking('offeringHelp'),
    done: { type: 'final' },
  },
});
