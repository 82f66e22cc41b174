/**
 * Cancelling a machine subscription. France (fr-after-sales-faq): a penalty before the end of the 12- or
 * 24-month commitment, reminder and tacit renewal at the end, free afterwards. Korea (kr-plus-programme):
 * the Plus programme's return rules. Taiwan and Portugal: their documents describe no machine subscription.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import { cancellationPenalty, daysBetween, formatEuro, subscriptionTerms } from '../src/retrieval/policy.js';
import { check, Money, monthsElapsed, parseChoice, parseMonths, parseYesNo, pastDate } from './parse.js';
import { cancellationSlotsIn } from './detect.js';
import { asking, baseContext, contactLine, NO_THANKS, PERSON, replyOf, repromptOf, YES_NO, type Answer, type Step } from './step-kit.js';
import type { BaseContext, DialogInput, DialogOutput, ReplyEmitted, UserSaid } from './types.js';

export const CANCELLATION_PENALTY_VERSION = 1;
const FR = subscriptionTerms.FR;
const KR = subscriptionTerms.KR;

export interface CancellationContext extends BaseContext {
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
  closing?: string;
}

const COMMITMENT_CHOICES = FR.commitmentMonths.map((m) => ({ label: `${m} months`, value: String(m) }));
/** "it's over", "my commitment ended", "finished" — not "over 5 months". */
export const FINISHED = /^(finished|over|ended|completed|expired)\b|\b(is|it's|its|has|have|was|already)\s+(finished|over|ended|completed|expired)\b|\b(commitment|contract|subscription)\s+(is\s+|has\s+)?(finished|over|ended|completed|expired)\b/i;

function money(text: string, what: string, min: number) {
  const r = check(Money, text);
  if (!r.ok) return { ok: false as const, reason: r.reason };
  if (r.value < min) return { ok: false as const, reason: `The ${what} should be more than ${formatEuro(min)}.` };
  return r;
}

export const cancellationSteps = {
  askingCommitment: {
    prompt: () => ({ text: `Is your machine subscription a ${FR.commitmentMonths.join('- or ')}-month commitment?`, choices: COMMITMENT_CHOICES }),
    answer: (text) => {
      const v = Number(parseChoice(text, COMMITMENT_CHOICES) ?? parseMonths(text));
      if (FR.commitmentMonths.includes(v)) return { ok: true, patch: { commitment: v } };
      return { ok: false, reason: `Machine subscriptions commit you for ${FR.commitmentMonths.join(' or ')} months. Which one is yours?` };
    },
  },
  askingElapsed: {
    prompt: (ctx) => ({ text: `How many months ago did your ${ctx.commitment}-month subscription start? (For example "5 months", or "since March 2024".)`, choices: [{ label: 'The commitment is over', value: 'finished' }] }),
    answer: (text, ctx) => {
      if (FINISHED.test(text)) return { ok: true, patch: { finished: true } };
      const r = check(monthsElapsed(ctx.today), text);
      return r.ok ? { ok: true, patch: { elapsed: r.value } } : r;
    },
  },
  askingPriceWithout: {
    prompt: () => ({ text: 'What is the price of your machine without a subscription (its normal price)?' }),
    answer: (text) => {
      const r = money(text, 'price without subscription', 1);
      return r.ok ? { ok: true, patch: { priceWithout: r.value } } : r;
    },
  },
  askingPriceWith: {
    prompt: () => ({ text: 'And what price did you pay for the machine under the subscription?' }),
    answer: (text) => {
      const r = money(text, 'price under subscription', 0);
      return r.ok ? { ok: true, patch: { priceWith: r.value } } : r;
    },
  },
  askingReceivedDate: {
    prompt: () => ({
      text: 'My Korean documents do not describe a machine subscription; they describe the Nespresso Plus programme (coffee discounts after buying a machine), whose return rules depend on when you received the product. When did you receive it?',
    }),
    answer: (text, ctx) => {
      const r = check(pastDate(ctx.today, ctx.market, 'date you received it'), text);
      return r.ok ? { ok: true, patch: { receivedDate: r.value.date } } : r;
    },
  },
  askingUnopened: {
    prompt: () => ({ text: 'Is the product still unopened?', choices: YES_NO }),
    answer: (text) => {
      const v = parseYesNo(text, YES_NO) ?? (/\bunopened|sealed|not opened\b/i.test(text) ? true : /\bopened|used\b/i.test(text) ? false : undefined);
      return v === undefined ? { ok: false, reason: 'Please answer yes (still unopened) or no.' } : { ok: true, patch: { unopened: v } };
    },
  },
  offeringPerson: {
    prompt: (ctx) => ({
      text: `My documents for ${ctx.market === 'TW' ? 'Taiwan' : 'Portugal'} do not describe a machine subscription or how to cancel one, so I won't guess. Please contact Nespresso on ${contactLine(ctx)}.${ctx.market === 'PT' ? ' If you mean Easyordering (automatic re-orders of capsules), the terms of sale say you can cancel it at any time and for free.' : ''}\n\nWould you like me to put you through to a person now?`,
      choices: [PERSON, NO_THANKS],
    }),
    answer: (text, ctx) => {
      const yes = parseYesNo(text);
      const choice = yes === undefined ? parseChoice(text, [PERSON, NO_THANKS]) : yes ? 'person' : 'no thanks';
      if (!choice) return { ok: false, reason: 'Please choose "Talk to a person" or "No, thanks".' };
      const summary = `Subscription cancellation (${ctx.market}): not described in the market's documents`;
      return choice === 'person'
        ? { ok: true, patch: { outcome: { outcome: 'handoff', reason: 'subscription not documented for this market', summary } } }
        : { ok: true, patch: { outcome: { outcome: 'completed', reason: 'given the contact', summary }, closing: `All right. You can reach Nespresso on ${contactLine(ctx)}.` } };
    },
  },
} satisfies Record<string, Step<CancellationContext>>;
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
export function answerCancellation(step: CancellationStep, text: string, ctx: CancellationContext): Answer<CancellationContext> {
  const own = (cancellationSteps[step] as Step<CancellationContext>).answer(text, ctx);
  const slot = SLOT_OF[step];
  if (!slot || ctx.market !== 'FR') return own;
  const found = cancellationContext({ market: ctx.market, contact: ctx.contact, today: ctx.today, slots: cancellationSlotsIn(text) });
  const extra: Partial<CancellationContext> = {};
  for (const k of ['commitment', 'elapsed', 'finished', 'priceWithout', 'priceWith'] as const) {
    if (found[k] !== undefined && ctx[k] === undefined) (extra as Record<string, unknown>)[k] = found[k];
  }
  if (own.ok) return { ok: true, patch: { ...extra, ...own.patch } };
  return extra[slot] !== undefined || (slot === 'elapsed' && extra.finished) ? { ok: true, patch: extra } : own;
}

const HOW_TO_CANCEL = `You cancel on nespresso.com: ${FR.cancelPath.join(' → ')}${FR.appCanCancel ? '' : ' (this is not possible in the Nespresso app)'}. Payments stop as soon as the cancellation is recorded, and the machine remains your property whenever you cancel.`;
const AT_THE_END = `You will receive an email ${FR.reminderMonthsBefore} months before the end of your contract, reminding you that it expires; the subscription renews tacitly, and you can contact Nespresso at any time to remove the tacit renewal.`;

export function penaltyReply(ctx: CancellationContext): string {
  const p = cancellationPenalty({ priceWithout: ctx.priceWithout ?? 0, priceWith: ctx.priceWith ?? 0 });
  const amount = p.amount === p.rounded ? formatEuro(p.amount) : `about ${formatEuro(p.rounded)}`;
  const left = (ctx.commitment ?? 0) - (ctx.elapsed ?? 0);
  return [
    `Before the end of the commitment, the cancellation fee is ${Math.round(FR.penaltyRate * 100)}% of the machine's price without subscription, minus its price under the subscription, and never below zero:`,
    `${p.working}${p.amount === p.rounded ? '' : ` (${amount})`}.`,
    `So cancelling now would cost ${p.amount === 0 ? 'nothing' : amount}. You are ${ctx.elapsed} months into ${ctx.commitment}: after the remaining ${left} month${left === 1 ? '' : 's'}, cancelling is free. ${AT_THE_END}`,
    HOW_TO_CANCEL,
  ].join('\n\n');
}

export function finishedReply(ctx: CancellationContext): string {
  const done = ctx.commitment ? `Your ${ctx.commitment}-month commitment is complete, so you` : `Once your ${FR.commitmentMonths.join('- or ')}-month commitment is completed, you`;
  return `${done} can cancel your subscription at any time, without any fees. ${HOW_TO_CANCEL}`;
}

export function krPlusReply(ctx: CancellationContext): string {
  const days = ctx.receivedDate ? daysBetween(ctx.receivedDate, ctx.today) : Infinity;
  const rule = `The Nespresso Plus programme allows an exchange or refund for a simple change of mind only for unopened products, within ${KR.returnWithinDays} days of receiving them. If you received a discount on coffee orders within that period, you need to return the discounted amount and pay the related delivery fee. Coffee cannot be refunded at boutiques; a machine can be returned there if it has not been used.`;
  const verdict =
    days <= KR.returnWithinDays && ctx.unopened
      ? `You received it ${days} day${days === 1 ? '' : 's'} ago and it is unopened, so you can still return it.`
      : ctx.unopened
        ? `You received it ${days} days ago, more than ${KR.returnWithinDays} days, so the change-of-mind return no longer applies.`
        : 'As the product has been opened, the change-of-mind return does not apply.';
  return `${rule}\n\n${verdict} For anything else, please contact the Nespresso Club on ${contactLine(ctx)}.`;
}

export function cancellationContext(input: DialogInput): CancellationContext {
  const ctx: CancellationContext = baseContext(input);
  const num = (k: string) => (typeof input.slots[k] === 'number' ? (input.slots[k] as number) : undefined);
  const commitment = num('commitment');
  if (commitment !== undefined && FR.commitmentMonths.includes(commitment)) ctx.commitment = commitment;
  const elapsed = num('elapsed');
  if (elapsed !== undefined && elapsed >= 0) ctx.elapsed = elapsed;
  if (input.slots.finished === true) ctx.finished = true;
  const without = num('priceWithout');
  if (without !== undefined && without > 0) ctx.priceWithout = without;
  const withSub = num('priceWith');
  if (withSub !== undefined && withSub >= 0) ctx.priceWith = withSub;
  return ctx;
}

export const cancellationPenaltyMachine = setup({
  types: {
    context: {} as CancellationContext,
    events: {} as UserSaid,
    input: {} as DialogInput,
    emitted: {} as ReplyEmitted,
    output: {} as DialogOutput,
  },
  guards: {
    isAnswer: ({ context, event }, p: { step: CancellationStep }) => answerCancellation(p.step, event.text, context).ok,
    hasOutcome: ({ context }) => context.outcome !== undefined,
    isUndocumentedMarket: ({ context }) => context.market === 'TW' || context.market === 'PT',
    isKorea: ({ context }) => context.market === 'KR',
    hasNoReceivedDate: ({ context }) => context.receivedDate === undefined,
    hasNoUnopened: ({ context }) => context.unopened === undefined,
    isFinished: ({ context }) => context.finished === true || (context.commitment !== undefined && context.elapsed !== undefined && context.elapsed >= context.commitment),
    hasNoCommitment: ({ context }) => context.commitment === undefined,
    hasNoElapsed: ({ context }) => context.elapsed === undefined,
    hasNoPriceWithout: ({ context }) => context.priceWithout === undefined,
    hasNoPriceWith: ({ context }) => context.priceWith === undefined,
  },
  actions: {
    ask: emit(({ context }, p: { step: CancellationStep }) => ({ type: 'reply', reply: replyOf(p.step, cancellationSteps[p.step].prompt(context)) }) as const),
    reprompt: emit(({ context, event }, p: { step: CancellationStep }) => {
      const a = answerCancellation(p.step, event.text, context);
      return { type: 'reply', reply: repromptOf(p.step, a.ok ? '' : a.reason, cancellationSteps[p.step].prompt(context)) } as const;
    }),
    take: assign(({ context, event }, p: { step: CancellationStep }) => {
      const a = answerCancellation(p.step, event.text, context);
      return a.ok ? a.patch : {};
    }),
    concludeKorea: assign(({ context }) => ({
      closing: krPlusReply(context),
      outcome: { outcome: 'completed', reason: 'KR Plus programme rules given', summary: `Plus programme return (KR): received ${context.receivedDate}, unopened: ${context.unopened}` } as DialogOutput,
    })),
    concludeFinished: assign(({ context }) => ({
      closing: finishedReply(context),
      outcome: { outcome: 'completed', reason: 'commitment completed: free cancellation', summary: `Subscription cancellation (FR): commitment completed` } as DialogOutput,
    })),
    concludePenalty: assign(({ context }) => ({
      closing: penaltyReply(context),
      outcome: {
        outcome: 'completed',
        reason: 'penalty calculated',
        summary: `Subscription cancellation (FR): ${context.elapsed}/${context.commitment} months, ${formatEuro(context.priceWithout ?? 0)} / ${formatEuro(context.priceWith ?? 0)} → ${formatEuro(cancellationPenalty({ priceWithout: context.priceWithout ?? 0, priceWith: context.priceWith ?? 0 }).amount)}`,
      } as DialogOutput,
    })),
    sayClosing: enqueueActions(({ context, enqueue }) => {
      if (context.closing) enqueue.emit({ type: 'reply', reply: { text: context.closing, step: 'done' } });
    }),
  },
}).createMachine({
  id: 'cancellationPenalty',
  version: String(CANCELLATION_PENALTY_VERSION),
  context: ({ input }) => cancellationContext(input),
  initial: 'routing',
  output: ({ context }) => context.outcome ?? { outcome: 'cancelled' },
  states: {
    routing: {
      always: [
        { guard: 'hasOutcome', target: 'done' },
        { guard: 'isUndocumentedMarket', target: 'offeringPerson' },
        { guard: 'isKorea', target: 'korea' },
        { guard: 'isFinished', actions: 'concludeFinished', target: 'done' },
        { guard: 'hasNoCommitment', target: 'askingCommitment' },
        { guard: 'hasNoElapsed', target: 'askingElapsed' },
        { guard: 'hasNoPriceWithout', target: 'askingPriceWithout' },
        { guard: 'hasNoPriceWith', target: 'askingPriceWith' },
        { actions: 'concludePenalty', target: 'done' },
      ],
    },
    korea: {
      always: [
        { guard: 'hasNoReceivedDate', target: 'askingReceivedDate' },
        { guard: 'hasNoUnopened', target: 'askingUnopened' },
        { actions: 'concludeKorea', target: 'done' },
      ],
    },
    askingCommitment: asking('askingCommitment'),
    askingElapsed: asking('askingElapsed'),
    askingPriceWithout: asking('askingPriceWithout'),
    askingPriceWith: asking('askingPriceWith'),
    askingReceivedDate: asking('askingReceivedDate'),
    askingUnopened: asking('askingUnopened'),
    offeringPerson: asking('offeringPerson'),
    done: { type: 'final', entry: { type: 'sayClosing' } },
  },
});
