/**
 * No water coming out of the spout (tw-account-faq): find the model, give its priming steps (auto-prime or
 * slider), count the tries, rest the machine after five, then offer a repair booking or a person.
 */
import type { Lang } from '../src/conversation/lang.js';
import { msg, type Msg } from '../src/language/message.js';
import { isBareOk } from '../src/language/understand/index.js';
import type { ChoiceData } from '../src/language/render.js';
import { getModel } from '../src/policy/catalogue.js';
import { modelIn, modelNamedIn } from './models.js';
import { answerYesNo, defineSlotDialog, choiceIn, PERSON_CHOICE, personOrNot, questionBeside, taskContext, type TaskContext, type TaskStep } from './step-kit.js';
import type { DialogInput, DialogOutput } from './types.js';

export const NO_WATER_VERSION = 2;
export const MAX_TRIES = 5;
export const REST_MINUTES = 30;

export interface NoWaterContext extends TaskContext {
  /** Catalogue id. */
  model?: string;
  /** The customer's model is not in the catalogue. */
  modelNotListed?: boolean;
  tries: number;
  worked?: boolean;
  rested: boolean;
}

const AUTO_PRIME = ['inissia', 'essenza-mini', 'citiz', 'pixie', 'expert', 'lattissima', 'lattissima-one', 'maestria', 'creatista'];
const SLIDER = ['u', 'prodigio'];
const nameOf = (id: string) => getModel(id)?.name ?? id;

/** Model names are brand names, the same in every language; the value is the name, read back by modelIn. */
const MODEL_CHOICES: ChoiceData[] = [...AUTO_PRIME, ...SLIDER].map((id) => ({ label: nameOf(id), value: nameOf(id) }));
const OTHER_MODEL: ChoiceData = { label: msg('nw.label.another'), value: 'another model' };
const REPAIR: ChoiceData = { label: msg('label.bookRepair'), value: 'repair' };
const NO_THANKS: ChoiceData = { label: msg('nw.label.noThanks'), value: 'no thanks' };
const DID_IT_WORK: ChoiceData[] = [
  { label: msg('nw.label.flows'), value: 'yes' },
  { label: msg('nw.label.nothing'), value: 'no' },
];

/** "Water comes out now", typed in any of the five languages (a negation is read by yesNo first). */
const FLOWS = /\b(works?|flows?|came out|comes out)\b|出水了|有水了|水出來了|可以了|물이 나와요|물이 나왔|나와요|나왔어요|됐어요|l'eau (coule|sort)|ça (marche|fonctionne)|(já )?(sai|saiu|corre) água|já funciona|funcionou/iu;
const NEGATED = /\b(not|n't|no|ne|pas|não|nao)\b|n'|沒|不|안 |못 |않/iu;
/** "Another model", "I don't know which", in any language. */
const UNLISTED = /\b(another|other|don'?t know|not sure|no idea|autre|sais pas|outro|outra|não sei)\b|其他|別的|不知道|다른|모르/iu;
/** Book a repair, typed: "repair", "réparation", "reparação", "수리", "維修". */
const REPAIR_WORD = /\brepair|répar|repar|conserto|수리|維修|送修/iu;

function modelName(ctx: NoWaterContext): Msg | string {
  return ctx.model ? nameOf(ctx.model) : msg('nw.machine');
}

function instructions(ctx: NoWaterContext): Msg {
  return ctx.model && getModel(ctx.model)?.noWater === 'slider' ? msg('nw.slider') : msg('nw.autoPrime');
}

function flowed(text: string, lang: Lang): boolean | undefined {
  // "ok" says it was read, not that water came out.
  if (isBareOk(text)) return undefined;
  const v = answerYesNo(text, lang, DID_IT_WORK);
  if (v === 'yes' || v === 'no') return v === 'yes';
  const choice = choiceIn(text, DID_IT_WORK, lang);
  if (choice) return choice === 'yes';
  return FLOWS.test(text) && !NEGATED.test(text) ? true : undefined;
}

function yesNoStep(prompt: (ctx: NoWaterContext) => Msg[], onYes: (ctx: NoWaterContext) => Partial<NoWaterContext>, onNo: (ctx: NoWaterContext) => Partial<NoWaterContext>): TaskStep<NoWaterContext> {
  return {
    prompt: (ctx) => ({ text: prompt(ctx), choices: DID_IT_WORK }),
    answer: (text, ctx) => {
      // A question of its own after the rest ("It's a CitiZ I bought 18 months ago. Is it still under warranty?"): neither
      // an answer nor a correction, but a digression for the router to answer.
      const beside = questionBeside(text, (last) => flowed(last, ctx.lang) !== undefined || modelNamedIn(last) !== undefined);
      const v = beside ? undefined : flowed(text, ctx.lang);
      // "Actually it's an Essenza Mini": the steps start again for the model the customer corrects to.
      const corrected = v === undefined && !beside ? modelNamedIn(text) : undefined;
      if (corrected && corrected !== ctx.model) return { ok: true, patch: { model: corrected, modelNotListed: false, tries: 0, rested: false, worked: undefined } };
      if (v === undefined) return { ok: false, reason: msg('nw.reask.yesNo') };
      return { ok: true, patch: v ? onYes(ctx) : onNo(ctx) };
    },
  };
}

export const noWaterSteps = {
  askingModel: {
    prompt: () => ({ text: msg('nw.askModel'), choices: [...MODEL_CHOICES, OTHER_MODEL] }),
    answer: (text, ctx) => {
      const choice = choiceIn(text, [...MODEL_CHOICES, OTHER_MODEL], ctx.lang);
      const m = choice === OTHER_MODEL.value ? undefined : modelIn(choice ?? text);
      if (m) return { ok: true, patch: { model: m } };
      if (choice === OTHER_MODEL.value || UNLISTED.test(text) || answerYesNo(text, ctx.lang) === 'dontKnow') return { ok: true, patch: { modelNotListed: true } };
      return { ok: false, reason: msg('nw.reask.model', { another: msg('nw.label.another') }) };
    },
  },
  tryingFix: yesNoStep(
    (ctx) =>
      ctx.tries === 0
        ? [msg('nw.firstTry', { model: modelName(ctx), steps: instructions(ctx) }), msg('nw.didWaterCome')]
        : [msg('nw.nextTry', { try: ctx.tries, max: MAX_TRIES, steps: instructions(ctx) }), msg('nw.didWaterComeNow')],
    () => ({ worked: true }),
    (ctx) => ({ tries: ctx.tries + 1 }),
  ),
  resting: yesNoStep(
    () => [msg('nw.rest', { max: MAX_TRIES, minutes: REST_MINUTES })],
    () => ({ worked: true }),
    () => ({ worked: false, rested: true }),
  ),
  offeringHelp: {
    prompt: (ctx) => {
      const documented = ctx.model && getModel(ctx.model)?.noWater !== 'noneDocumented' && !ctx.modelNotListed;
      const lists = { autoPrime: { list: AUTO_PRIME.map(nameOf) }, slider: { list: SLIDER.map(nameOf) }, contact: { contact: ctx.market } };
      return {
        text: documented
          ? msg('nw.help', { model: modelName(ctx), contact: { contact: ctx.market } })
          : ctx.model
            ? msg('nw.notDocumentedModel', { ...lists, model: modelName(ctx) })
            : msg('nw.notDocumented', lists),
        choices: [REPAIR, PERSON_CHOICE, NO_THANKS],
      };
    },
    answer: (text, ctx) => {
      // "아 잠깐 아니다 픽시에요" after "the steps are not documented for the Vertuo Next": the steps for that machine.
      const named = modelNamedIn(text);
      if (named && named !== ctx.model && getModel(named)?.noWater !== 'noneDocumented') return { ok: true, patch: { model: named, modelNotListed: false, tries: 0, rested: false, worked: undefined } };
      const v = choiceIn(text, [REPAIR, PERSON_CHOICE, NO_THANKS], ctx.lang) ?? (REPAIR_WORD.test(text) ? 'repair' : personOrNot(text, ctx.lang, NO_THANKS));
      if (v === undefined) return { ok: false, reason: msg('nw.reask.help', { repair: msg('label.bookRepair'), person: msg('label.person'), noThanks: msg('nw.label.noThanks') }) };
      return { ok: true, patch: { outcome: outcomeFor(v, ctx) } };
    },
  },
} satisfies Record<string, TaskStep<NoWaterContext>>;
export type NoWaterStep = keyof typeof noWaterSteps;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const modelId = (ctx: NoWaterContext) => (ctx.model ? nameOf(ctx.model) : 'model unknown');

function outcomeFor(choice: string, ctx: NoWaterContext): DialogOutput {
  const summary = `No water: ${modelId(ctx)}, ${plural(ctx.tries, 'try', 'tries')}${ctx.rested ? ', rested' : ''}`;
  const reason = ctx.tries > 0 ? 'no water after priming' : 'no priming steps documented for this model';
  if (choice === 'repair') {
    return { outcome: 'switch', switchTo: { dialog: 'repairBooking', slots: ctx.model ? { model: ctx.model } : {} }, reason, summary };
  }
  if (choice === 'person') return { outcome: 'handoff', reason, summary };
  return { outcome: 'completed', reason: 'declined further help', summary };
}

export function noWaterContext(input: DialogInput): NoWaterContext {
  const ctx: NoWaterContext = { ...taskContext(input), tries: 0, rested: false };
  const model = input.slots.model;
  if (typeof model === 'string') ctx.model = getModel(model)?.id ?? modelIn(model);
  const tries = Number(input.slots.tries);
  if (Number.isInteger(tries) && tries > 0) ctx.tries = Math.min(tries, MAX_TRIES);
  return ctx;
}

export const noWaterMachine = defineSlotDialog({
  id: 'noWater',
  version: NO_WATER_VERSION,
  context: noWaterContext,
  steps: noWaterSteps,
  guards: {
    hasModel: (context) => context.model !== undefined || context.modelNotListed === true,
    isNotDocumented: (context) => context.modelNotListed === true || getModel(context.model ?? '')?.noWater === 'noneDocumented',
    hasWorked: (context) => context.worked === true,
    isOutOfTries: (context) => context.tries >= MAX_TRIES && !context.rested,
    hasRestedInVain: (context) => context.rested && context.worked === false,
  },
  actions: {
    celebrate: { say: (context) => ({ text: msg('nw.fixed', { model: modelName(context) }), step: 'resolved' }) },
    resolve: {
      assign: (context) => ({
        outcome: { outcome: 'completed', reason: 'water flows again', summary: `No water: fixed by priming (${modelId(context)}, ${plural(context.tries + 1, 'try', 'tries')})` },
      }),
    },
  },
  routing: [{ guard: 'hasModel', target: 'deciding' }, { target: 'askingModel' }],
  branches: {
    deciding: [
      { guard: 'hasWorked', actions: ['celebrate', 'resolve'], target: 'done' },
      { guard: 'isNotDocumented', target: 'offeringHelp' },
      { guard: 'hasRestedInVain', target: 'offeringHelp' },
      { guard: 'isOutOfTries', target: 'resting' },
      { target: 'tryingFix' },
    ],
  },
});
