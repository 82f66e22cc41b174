/**
 * Cancelling a machine subscription. France (fr-after-sales-faq): a penalty before the end of the 12- or
 * 24-month commitment, reminder and tacit renewal at the end, free afterwards. Korea (kr-plus-programme):
 * the Plus programme's return rules. Taiwan and Portugal: their documents describe no machine subscription.
 */
import { msg, type Msg, type Param, type Text } from '../src/language/message.js';
import { Renderer, type ChoiceData } from '../src/language/render.js';
import { daysBetween } from '../src/policy/dates.js';
import { cancellationPenalty } from '../src/policy/subscription.js';
import { subscriptionTerms } from '../src/policy/tables.js';
import { parseDate, parseMonths } from './parse.js';
import { amountIn, cancellationSlotsIn, monthsIn, correctedCommitment, statedCancellationSlotsIn, withoutStatedCancellationSlot } from './detect.js';
import { answerYesNo, correctionIn, defineSlotDialog, choiceIn, PERSON_CHOICE, personOrNot, taskContext, withCorrections, YES_NO_CHOICES, type Correctable, type TaskAnswer, type TaskContext, type TaskStep } from './step-kit.js';
import type { DialogInput } from './types.js';

export const CANCELLATION_PENALTY_VERSION = 2;
const FR = subscriptionTerms.FR;
const KR = subscriptionTerms.KR;
const [SHORT, LONG] = [Math.min(...FR.commitmentMonths), Math.max(...FR.commitmentMonths)];
const euro = (money: number) => ({ money, currency: 'EUR' as const });
/** Amounts in the agent's summary, which is kept in English (as the repair booking's record). */
const english = new Renderer();
const inEnglish = (p: Param) => english.param(p, 'en');

export interface CancellationContext extends TaskContext {
  commitment?: number;
  /** Months since the subscription started. */
  elapsed?: number;
  /** The customer says the commitment is over. */
  finished?: boolean;
  priceWithout?: number;
  priceWith?: number;
  /** KR: when the Plus programme machine was received, and whether it is unopened. */
  receivedDate?: string;
  unopened?: boolean;
  closing?: Text;
}

const COMMITMENT_CHOICES: ChoiceData[] = FR.commitmentMonths.map((m) => ({ label: msg('cp.label.months', { months: m }), value: String(m) }));
const FINISHED_CHOICE: ChoiceData = { label: msg('cp.label.over'), value: 'finished' };
const NO_THANKS: ChoiceData = { label: msg('cp.label.noThanks'), value: 'no thanks' };
/** "it's over", "my commitment ended", "finished" — not "over 5 months"; and the same in the other languages. */
export const FINISHED =
  /^(finished|over|ended|completed|expired)\b|\b(is|it's|its|has|have|was|already)\s+(finished|over|ended|completed|expired)\b|\b(commitment|contract|subscription)\s+(is\s+|has\s+)?(finished|over|ended|completed|expired)\b|(est |déjà )?(terminé|fini|échu)e?|(já )?(acabou|terminou|terminada|acabada)|끝났|만료됐|종료됐|(已經)?(結束|到期|期滿)/iu;
/** "Still sealed", "not opened", in the five languages; and "opened", "used". */
const UNOPENED = /\b(unopened|unused)\b|sealed|not opened\b|未拆|沒拆|沒有拆|未開封|沒開封|미개봉|뜯지 않|안 뜯|개봉(하지|을 안| 안)|pas ouvert|jamais ouvert|non ouvert|scellé|não abri|por abrir|fechad[oa]|selad[oa]/iu;
const OPENED = /\bopened|used\b|拆了|拆開|開封了|用過|개봉했|뜯었|사용했|써 봤|ouvert|utilisé|abri|usad[oa]|utilizad[oa]/iu;

function months(text: string, today: string): number | undefined {
  const own = monthsIn(text);
  if (own !== undefined) return own;
  return parseMonths(text, today);
}

/**
 * The months gone by from when the customer now says the subscription began ("oh sorry I got the months wrong, it
 * started in March 2025", at the price question: read as the price 2,025 before); undefined when no start is said.
 */
function startedAgain(text: string, today: string): number | undefined {
  const started = cancellationSlotsIn(text).started;
  return typeof started === 'string' ? months(started, today) : undefined;
}

function money(text: string, min: number, reask: Msg): TaskAnswer<CancellationContext> | { ok: true; value: number } {
  const v = amountIn(text);
  if (v === undefined) return { ok: false, reason: msg('cp.reask.amount') };
  if (v < min) return { ok: false, reason: reask };
  return { ok: true, value: v };
}

const ownSteps = {
  askingCommitment: {
    prompt: () => ({ text: msg('cp.askCommitment', { short: SHORT, long: LONG }), choices: COMMITMENT_CHOICES }),
    answer: (text, ctx) => {
      const v = Number(choiceIn(text, COMMITMENT_CHOICES, ctx.lang) ?? monthsIn(text) ?? months(text, ctx.today));
      if (FR.commitmentMonths.includes(v)) return { ok: true, patch: { commitment: v } };
      return { ok: false, reason: msg('cp.reask.commitment', { short: SHORT, long: LONG }) };
    },
  },
  askingElapsed: {
    prompt: (ctx) => ({ text: msg('cp.askElapsed', { commitment: ctx.commitment ?? LONG }), choices: [FINISHED_CHOICE] }),
    answer: (text, ctx) => {
      // A bare number is the months, never the position of the one button ("1" had meant "commitment over").
      const number = /^\s*#?\d{1,3}\s*$/.test(text);
      if (text.trim() === FINISHED_CHOICE.value || FINISHED.test(text) || (!number && choiceIn(text, [FINISHED_CHOICE], ctx.lang))) return { ok: true, patch: { finished: true } };
      const v = months(text, ctx.today);
      return v !== undefined && v >= 0 && v <= 240 ? { ok: true, patch: { elapsed: v } } : { ok: false, reason: msg('cp.reask.elapsed') };
    },
  },
  askingPriceWithout: {
    prompt: () => ({ text: msg('cp.askPriceWithout') }),
    answer: (text) => {
      const r = money(text, 1, msg('cp.reask.priceWithoutMin', { min: euro(1) }));
      return 'value' in r ? { ok: true, patch: { priceWithout: r.value } } : r;
    },
  },
  askingPriceWith: {
    prompt: () => ({ text: msg('cp.askPriceWith') }),
    answer: (text) => {
      const r = money(text, 0, msg('cp.reask.amount'));
      return 'value' in r ? { ok: true, patch: { priceWith: r.value } } : r;
    },
  },
  askingReceivedDate: {
    prompt: () => ({ text: msg('cp.askReceived') }),
    answer: (text, ctx) => {
      const d = parseDate(text, ctx.today, ctx.market, ctx.lang);
      if (!d) return { ok: false, reason: msg('cp.reask.date') };
      if (d.date > ctx.today) return { ok: false, reason: msg('cp.reask.future', { today: { date: ctx.today } }) };
      return { ok: true, patch: { receivedDate: d.date } };
    },
  },
  askingUnopened: {
    prompt: () => ({ text: msg('cp.askUnopened'), choices: YES_NO_CHOICES }),
    answer: (text, ctx) => {
      const yn = answerYesNo(text, ctx.lang, YES_NO_CHOICES);
      const v = UNOPENED.test(text) ? true : OPENED.test(text) ? false : yn === 'yes' ? true : yn === 'no' ? false : undefined;
      return v === undefined ? { ok: false, reason: msg('cp.reask.unopened') } : { ok: true, patch: { unopened: v } };
    },
  },
  offeringPerson: {
    prompt: (ctx) => ({
      text: [
        msg('cp.undocumented', { market: { market: ctx.market }, contact: { contact: ctx.market } }),
        ...(ctx.market === 'PT' ? [msg('cp.easyordering')] : []),
        msg('cp.offerPerson'),
      ],
      choices: [PERSON_CHOICE, NO_THANKS],
    }),
    answer: (text, ctx) => {
      const choice = personOrNot(text, ctx.lang, NO_THANKS);
      if (!choice) return { ok: false, reason: msg('cp.reask.person', { person: msg('label.person'), noThanks: msg('cp.label.noThanks') }) };
      const summary = `Subscription cancellation (${ctx.market}): not described in the market's documents`;
      return choice === 'person'
        ? { ok: true, patch: { outcome: { outcome: 'handoff', reason: 'subscription not documented for this market', summary } } }
        : { ok: true, patch: { outcome: { outcome: 'completed', reason: 'given the contact', summary }, closing: msg('cp.done.contact', { contact: { contact: ctx.market } }) } };
    },
  },
} satisfies Record<string, TaskStep<CancellationContext>>;

/**
 * The figures a customer may correct in passing at a later step (issue 16): "actually it was a 24-month
 * commitment", "it's been 10 months", "no, I paid 49 €": only a figure named by what it is, never a bare number
 * (that is the pending step's answer).
 */
function stated(slot: 'commitment' | 'elapsed' | 'priceWithout' | 'priceWith', valid: (v: number) => boolean): Correctable<CancellationContext> {
  const step = { commitment: 'askingCommitment', elapsed: 'askingElapsed', priceWithout: 'askingPriceWithout', priceWith: 'askingPriceWith' }[slot];
  return {
    slot,
    step,
    read: (text, ctx) => {
      const v = ctx.market !== 'FR' ? undefined : (statedCancellationSlotsIn(text)[slot] ?? (slot === 'commitment' ? correctedCommitment(text, ctx.commitment) : slot === 'elapsed' ? startedAgain(text, ctx.today) : undefined));
      return typeof v === 'number' && valid(v) ? { [slot]: v } : undefined;
    },
    rest: (text) => {
      const rest = withoutStatedCancellationSlot(text, slot);
      // A start said again ("it started in March 2025") goes whole: its year is no price.
      const started = slot === 'elapsed' ? cancellationSlotsIn(text).started : undefined;
      return typeof started === 'string' ? rest.replace(started.toLowerCase(), ' ').replace(/\s+/g, ' ').trim() : rest;
    },
  };
}
export const cancellationCorrectable: Array<Correctable<CancellationContext>> = [
  stated('commitment', (v) => FR.commitmentMonths.includes(v)),
  stated('elapsed', (v) => v >= 0 && v <= 240),
  stated('priceWithout', (v) => v >= 1),
  stated('priceWith', (v) => v >= 0),
];

/**
 * The steps, each taking a correction of an earlier figure first, and the pending figure from the rest of the same
 * message ("279, and it's been 10 months" at the normal price: 279 is the price, 10 the months).
 */
export const cancellationSteps = withCorrections(ownSteps, cancellationCorrectable, [], ['askingCommitment', 'askingElapsed', 'askingPriceWithout', 'askingPriceWith']);
export type CancellationStep = keyof typeof cancellationSteps;

const SLOT_OF: Partial<Record<CancellationStep, keyof CancellationContext>> = {
  askingCommitment: 'commitment',
  askingElapsed: 'elapsed',
  askingPriceWithout: 'priceWithout',
  askingPriceWith: 'priceWith',
};

/**
 * The step's answer, plus any other figures the same message gives ("5 months into 24, I pay 99"):
 * a sentence that fills the pending slot counts as an answer even when the step's own parser would not take it.
 */
export function answerCancellation(step: CancellationStep, text: string, ctx: CancellationContext): TaskAnswer<CancellationContext> {
  const slot = SLOT_OF[step];
  if (!slot || ctx.market !== 'FR') return (cancellationSteps[step] as TaskStep<CancellationContext>).answer(text, ctx);
  // A figure given earlier and corrected in the same message ("it's 24 months, not 12, and I pay 99") changes too.
  const fix = correctionIn(cancellationCorrectable, text, ctx, step) ?? {};
  const found = cancellationContext({ market: ctx.market, contact: ctx.contact, today: ctx.today, slots: cancellationSlotsIn(text) });
  const extra: Partial<CancellationContext> = {};
  for (const k of ['commitment', 'elapsed', 'finished', 'priceWithout', 'priceWith'] as const) {
    if (found[k] !== undefined && ctx[k] === undefined) (extra as Record<string, unknown>)[k] = found[k];
  }
  // A sentence that names the pending figure ("it normally sells for 199 euros") is read by what it names first.
  if (extra[slot] !== undefined || (slot === 'elapsed' && extra.finished)) return { ok: true, patch: { ...fix, ...extra } };
  // "I pay 149" asked the normal price: that figure is the other price, not also this one; the question comes again.
  const isPrice = (k: string) => k === 'priceWithout' || k === 'priceWith';
  if (isPrice(slot) && Object.keys(extra).some(isPrice)) return { ok: true, patch: { ...fix, ...extra } };
  const own = (cancellationSteps[step] as TaskStep<CancellationContext>).answer(text, ctx);
  return own.ok ? { ok: true, patch: { ...extra, ...own.patch } } : own;
}

const howToCancel = () => msg(FR.appCanCancel ? 'cp.howToCancelApp' : 'cp.howToCancel', { path: msg('cp.cancelPath') });
const atTheEnd = () => msg('cp.atTheEnd', { months: FR.reminderMonthsBefore });

export function penaltyReply(ctx: CancellationContext): Msg[] {
  const without = ctx.priceWithout ?? 0;
  const withSub = ctx.priceWith ?? 0;
  const p = cancellationPenalty({ priceWithout: without, priceWith: withSub });
  const terms = { without: euro(p.priceWithout), rate: p.rate, with: euro(p.priceWith) };
  const working = p.clampedToZero
    ? msg('cp.penalty.workingBelowZero', { ...terms, deficit: euro(-p.raw), zero: euro(0) })
    : p.amount === p.rounded
      ? msg('cp.penalty.working', { ...terms, result: euro(p.amount) })
      : msg('cp.penalty.workingRounded', { ...terms, result: euro(p.amount), rounded: euro(p.rounded) });
  const cost = p.amount === 0 ? msg('cp.penalty.costNothing') : p.amount === p.rounded ? msg('cp.penalty.cost', { amount: euro(p.amount) }) : msg('cp.penalty.costAbout', { amount: euro(p.rounded) });
  const left = (ctx.commitment ?? 0) - (ctx.elapsed ?? 0);
  const into = { elapsed: ctx.elapsed ?? 0, commitment: ctx.commitment ?? 0 };
  return [
    msg('cp.penalty.rule', { percent: Math.round(FR.penaltyRate * 100) }),
    working,
    msg('cp.join3', { first: cost, second: left === 1 ? msg('cp.penalty.remainingOne', into) : into.elapsed === 1 ? msg('cp.penalty.remainingFirst', { commitment: into.commitment, left }) : msg('cp.penalty.remaining', { ...into, left }), third: atTheEnd() }),
    howToCancel(),
  ];
}

export function finishedReply(ctx: CancellationContext): Msg[] {
  const done = ctx.commitment ? msg('cp.finished', { commitment: ctx.commitment }) : msg('cp.finishedUnknown', { short: SHORT, long: LONG });
  return [msg('cp.join2', { first: done, second: howToCancel() })];
}

export function krPlusReply(ctx: CancellationContext): Msg[] {
  const days = ctx.receivedDate ? daysBetween(ctx.receivedDate, ctx.today) : Infinity;
  const verdict =
    days <= KR.returnWithinDays && ctx.unopened
      ? days === 1
        ? msg('cp.kr.canReturnOne')
        : msg('cp.kr.canReturn', { days })
      : ctx.unopened
        ? msg('cp.kr.tooLate', { days, limit: KR.returnWithinDays })
        : msg('cp.kr.opened');
  return [msg('cp.kr.rule', { days: KR.returnWithinDays }), msg('cp.join2', { first: verdict, second: msg('cp.kr.contact', { contact: { contact: ctx.market } }) })];
}

/** Whole months from one ISO date to a later one ("2025-03-01" → "2026-12-07": 21). */
function monthsFrom(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

export function cancellationContext(input: DialogInput): CancellationContext {
  const ctx: CancellationContext = taskContext(input);
  const num = (k: string) => (typeof input.slots[k] === 'number' ? (input.slots[k] as number) : undefined);
  const commitment = num('commitment');
  if (commitment !== undefined && FR.commitmentMonths.includes(commitment)) ctx.commitment = commitment;
  const elapsed = num('elapsed');
  if (elapsed !== undefined && elapsed >= 0) ctx.elapsed = elapsed;
  if (input.slots.finished === true) ctx.finished = true;
  // When it began, said as a date ("started in March 2025"): the whole months from then to today.
  const started = input.slots.started;
  if (ctx.elapsed === undefined && ctx.finished === undefined && typeof started === 'string') {
    const begun = parseDate(started, input.today, input.market, input.lang);
    if (begun && begun.date <= input.today) ctx.elapsed = monthsFrom(begun.date, input.today);
  }
  const without = num('priceWithout');
  if (without !== undefined && without > 0) ctx.priceWithout = without;
  const withSub = num('priceWith');
  if (withSub !== undefined && withSub >= 0) ctx.priceWith = withSub;
  return ctx;
}

export const cancellationPenaltyMachine = defineSlotDialog({
  id: 'cancellationPenalty',
  version: CANCELLATION_PENALTY_VERSION,
  context: cancellationContext,
  steps: cancellationSteps,
  answer: answerCancellation,
  guards: {
    isUndocumentedMarket: (context) => context.market === 'TW' || context.market === 'PT',
    isKorea: (context) => context.market === 'KR',
    hasNoReceivedDate: (context) => context.receivedDate === undefined,
    hasNoUnopened: (context) => context.unopened === undefined,
    isFinished: (context) => context.finished === true || (context.commitment !== undefined && context.elapsed !== undefined && context.elapsed >= context.commitment),
    hasNoCommitment: (context) => context.commitment === undefined,
    hasNoElapsed: (context) => context.elapsed === undefined,
    hasNoPriceWithout: (context) => context.priceWithout === undefined,
    hasNoPriceWith: (context) => context.priceWith === undefined,
  },
  actions: {
    concludeKorea: {
      assign: (context) => ({
        closing: krPlusReply(context),
        outcome: { outcome: 'completed', reason: 'KR Plus programme rules given', summary: `Plus programme return (KR): received ${context.receivedDate}, unopened: ${context.unopened}` },
      }),
    },
    concludeFinished: {
      assign: (context) => ({
        closing: finishedReply(context),
        outcome: { outcome: 'completed', reason: 'commitment completed: free cancellation', summary: `Subscription cancellation (FR): commitment completed` },
      }),
    },
    concludePenalty: {
      assign: (context) => ({
        closing: penaltyReply(context),
        outcome: {
          outcome: 'completed',
          reason: 'penalty calculated',
          summary: `Subscription cancellation (FR): ${context.elapsed}/${context.commitment} months, ${inEnglish(euro(context.priceWithout ?? 0))} / ${inEnglish(euro(context.priceWith ?? 0))} → ${inEnglish(euro(cancellationPenalty({ priceWithout: context.priceWithout ?? 0, priceWith: context.priceWith ?? 0 }).amount))}`,
        },
      }),
    },
  },
  routing: [
    { guard: 'isUndocumentedMarket', target: 'offeringPerson' },
    { guard: 'isKorea', target: 'korea' },
    { guard: 'isFinished', actions: 'concludeFinished', target: 'done' },
    { guard: 'hasNoCommitment', target: 'askingCommitment' },
    { guard: 'hasNoElapsed', target: 'askingElapsed' },
    { guard: 'hasNoPriceWithout', target: 'askingPriceWithout' },
    { guard: 'hasNoPriceWith', target: 'askingPriceWith' },
    { actions: 'concludePenalty', target: 'done' },
  ],
  branches: {
    korea: [
      { guard: 'hasNoReceivedDate', target: 'askingReceivedDate' },
      { guard: 'hasNoUnopened', target: 'askingUnopened' },
      { actions: 'concludeKorea', target: 'done' },
    ],
  },
});
