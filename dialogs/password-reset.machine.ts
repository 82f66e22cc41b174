/**
 * Password reset. Taiwan's account FAQ describes the procedure (the "forgot your password?" link, valid
 * 72 hours; trash, junk and spam; forgotten email; orders through other channels). Portugal's terms only
 * say to keep the password confidential and report misuse; France's and Korea's documents are silent.
 * Every path ends with the market's contact or an offer of a person.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import { parseChoice, parseYesNo } from './parse.js';
import { asking, baseContext, choiceAnswer, contactLine, NO_THANKS, PERSON, replyOf, repromptOf, YES_NO, type Step } from './step-kit.js';
import type { BaseContext, DialogInput, DialogOutput, ReplyEmitted, UserSaid } from './types.js';

export const PASSWORD_RESET_VERSION = 1;
export const LINK_VALID_HOURS = 72;

export const SITUATIONS = ['forgot', 'expired', 'notReceived', 'forgotEmail', 'otherChannel'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface PasswordResetContext extends BaseContext {
  situation?: Situation;
  /** notReceived: the customer looked in trash, junk and spam; true when the email was there. */
  foundEmail?: boolean;
  /** otherChannel: 'nespresso' (gave an email when ordering), 'marketplace' (MOMO/PCHOME/YAHOO…), 'noEmail'. */
  channel?: 'nespresso' | 'marketplace' | 'noEmail';
  /** How many times the customer was sent to the link. */
  attempts: number;
  /** The last attempt did not work: go to the contact. */
  stuck?: boolean;
  /** PT: someone else may know or have used the password. */
  misuse?: boolean;
  closing?: string;
}

const SITUATION_CHOICES = [
  { label: 'I forgot my password', value: 'forgot' },
  { label: 'The reset link expired', value: 'expired' },
  { label: 'The reset email never came', value: 'notReceived' },
  { label: 'I forgot my account email', value: 'forgotEmail' },
  { label: 'I bought through another shop', value: 'otherChannel' },
];
const WORKED_CHOICES = [
  { label: 'Yes, it worked', value: 'yes' },
  { label: 'The email did not come', value: 'notReceived' },
  { label: 'The link expired', value: 'expired' },
];
const CHANNEL_CHOICES = [
  { label: 'I gave my email to Nespresso', value: 'nespresso' },
  { label: 'MOMO, PCHOME, YAHOO…', value: 'marketplace' },
  { label: 'I never gave an email', value: 'noEmail' },
];

const LINK = 'go to www.nespresso.com and click the link "forgot your password?" to request a new password by email.';
const VALIDITY = `The reset link is only valid for ${LINK_VALID_HOURS} hours.`;
const FOLDERS = 'please check your trash bin and your junk and spam folders: the email can sometimes be diverted there.';

const MARKET_DOCS: Record<string, string> = { FR: 'France', KR: 'Korea', PT: 'Portugal', TW: 'Taiwan' };

function contactAdvice(ctx: PasswordResetContext): string {
  const who = `Nespresso on ${contactLine(ctx)}${ctx.market === 'TW' ? ' or by email' : ''}`;
  if (ctx.market === 'PT') {
    return ctx.misuse
      ? `Please notify Nespresso immediately: call ${contactLine(ctx)} or use the contact form on nespresso.com.`
      : `The Portuguese terms do not describe how to reset a password. For help with your account, please contact ${who}, or use the contact form on nespresso.com.`;
  }
  if (ctx.market !== 'TW') {
    return `My documents for ${MARKET_DOCS[ctx.market]} do not describe how to reset a password, so I won't guess. Please contact ${who}.`;
  }
  switch (ctx.situation) {
    case 'forgotEmail':
      return `To find the email address registered on your account, please contact ${who}.`;
    case 'otherChannel':
      return `If you never registered an email address with Nespresso, or your order was from MOMO, PCHOME, YAHOO or another marketplace, please contact ${who}: they can set up your online account.`;
    case 'notReceived':
      return `If the email is not in any of those folders, please contact ${who}.`;
    default:
      return `As the link still does not work for you, please contact ${who}.`;
  }
}

function linkAdvice(ctx: PasswordResetContext): string {
  if (ctx.situation === 'expired') return `Reset links are only valid for ${LINK_VALID_HOURS} hours, so you need a new one: ${LINK} Use the new link within ${LINK_VALID_HOURS} hours.`;
  if (ctx.situation === 'otherChannel') {
    return `If you gave your email address when ordering from Nespresso through another channel, you should have received an email to reset the password of your online account; its link is valid for ${LINK_VALID_HOURS} hours. If the link no longer works or you missed the email, activate your account yourself: ${LINK} If it does not arrive, ${FOLDERS}`;
  }
  return `To reset it, ${LINK} ${VALIDITY}`;
}

export const passwordResetSteps = {
  askingSituation: {
    prompt: () => ({ text: 'I can help you get back into your Nespresso account. What happened?', choices: SITUATION_CHOICES }),
    answer: (text) => choiceAnswer<PasswordResetContext>(text, SITUATION_CHOICES, (v) => ({ situation: v as Situation }), 'Please pick one of the options.'),
  },
  askingIfWorked: {
    prompt: (ctx) => ({ text: `${linkAdvice(ctx)}\n\nDid that work?`, choices: WORKED_CHOICES }),
    answer: (text, ctx) => {
      const choice = parseYesNo(text) === true ? 'yes' : parseChoice(text, WORKED_CHOICES) ?? (
        /expire|invalid|does(n't| not) work/i.test(text) ? 'expired'
        : parseYesNo(text) === false || /\b(not|n't|never|no)\b.*\b(come|came|arrive|receive|get|got)/i.test(text) ? 'notReceived'
        : undefined);
      if (choice === 'yes') {
        return { ok: true, patch: { outcome: { outcome: 'completed', reason: 'password reset by link' }, closing: `Great, you are back in. If you ever need it again, remember the reset link is valid for ${LINK_VALID_HOURS} hours.` } };
      }
      if (choice === 'expired' || choice === 'notReceived') return { ok: true, patch: { situation: choice, attempts: ctx.attempts + 1, foundEmail: undefined } };
      return { ok: false, reason: 'Please tell me whether it worked, or what went wrong.' };
    },
  },
  askingIfFound: {
    prompt: () => ({ text: `Reset emails sometimes land in the wrong folder: ${FOLDERS}\n\nDid you find it there?`, choices: YES_NO }),
    answer: (text) => {
      const v = parseYesNo(text, YES_NO);
      return v === undefined ? { ok: false, reason: 'Please answer yes or no.' } : { ok: true, patch: { foundEmail: v } };
    },
  },
  askingOrderChannel: {
    prompt: () => ({ text: 'Where did you buy your Nespresso products, and did you give an email address when ordering?', choices: CHANNEL_CHOICES }),
    answer: (text) => {
      if (/momo|pchome|yahoo|shopee|market ?place/i.test(text)) return { ok: true, patch: { channel: 'marketplace' } };
      return choiceAnswer<PasswordResetContext>(text, CHANNEL_CHOICES, (v) => ({ channel: v as PasswordResetContext['channel'] }), 'Please pick one of the options.');
    },
  },
  askingMisuse: {
    prompt: () => ({
      text: 'The Portuguese terms of sale ask you to keep your password strictly confidential: you are responsible for orders placed with it, even without your knowledge. Do you think someone else knows or has used your password?',
      choices: YES_NO,
    }),
    answer: (text) => {
      const v = parseYesNo(text, YES_NO);
      return v === undefined ? { ok: false, reason: 'Please answer yes or no.' } : { ok: true, patch: { misuse: v } };
    },
  },
  offeringPerson: {
    prompt: (ctx) => ({ text: `${contactAdvice(ctx)}\n\nWould you like me to put you through to a person now?`, choices: [PERSON, NO_THANKS] }),
    answer: (text, ctx) => {
      const yes = parseYesNo(text);
      const choice = yes === undefined ? parseChoice(text, [PERSON, NO_THANKS, { label: 'agent', value: 'person' }, { label: 'human', value: 'person' }]) : yes ? 'person' : 'no thanks';
      if (choice === undefined) return { ok: false, reason: 'Please choose "Talk to a person" or "No, thanks".' };
      const summary = `Password reset (${ctx.market}): ${ctx.situation ?? 'help'}${ctx.misuse ? ', possible misuse of the password' : ''}`;
      return choice === 'person'
        ? { ok: true, patch: { outcome: { outcome: 'handoff', reason: 'password reset needs a person', summary } } }
        : { ok: true, patch: { outcome: { outcome: 'completed', reason: 'given the contact', summary }, closing: `All right. You can reach Nespresso on ${contactLine(ctx)}.` } };
    },
  },
} satisfies Record<string, Step<PasswordResetContext>>;
export type PasswordResetStep = keyof typeof passwordResetSteps;

export function passwordResetContext(input: DialogInput): PasswordResetContext {
  const ctx: PasswordResetContext = { ...baseContext(input), attempts: 0 };
  const s = input.slots.situation;
  if (typeof s === 'string' && (SITUATIONS as readonly string[]).includes(s)) ctx.situation = s as Situation;
  const channel = input.slots.channel;
  if (channel === 'nespresso' || channel === 'marketplace' || channel === 'noEmail') ctx.channel = channel;
  return ctx;
}

export const passwordResetMachine = setup({
  types: {
    context: {} as PasswordResetContext,
    events: {} as UserSaid,
    input: {} as DialogInput,
    emitted: {} as ReplyEmitted,
    output: {} as DialogOutput,
  },
  guards: {
    isAnswer: ({ context, event }, p: { step: PasswordResetStep }) => passwordResetSteps[p.step].answer(event.text, context).ok,
    hasOutcome: ({ context }) => context.outcome !== undefined,
    isPortugalUnasked: ({ context }) => context.market === 'PT' && context.misuse === undefined,
    isOtherMarket: ({ context }) => context.market !== 'TW',
    hasNoSituation: ({ context }) => context.situation === undefined,
    isStuck: ({ context }) => context.attempts >= 2,
    isLinkSituation: ({ context }) =>
      context.situation === 'forgot' || context.situation === 'expired' || (context.situation === 'otherChannel' && context.channel === 'nespresso'),
    isUncheckedFolders: ({ context }) => context.situation === 'notReceived' && context.foundEmail === undefined,
    hasFoundEmail: ({ context }) => context.situation === 'notReceived' && context.foundEmail === true,
    hasNoChannel: ({ context }) => context.situation === 'otherChannel' && context.channel === undefined,
  },
  actions: {
    ask: emit(({ context }, p: { step: PasswordResetStep }) => ({ type: 'reply', reply: replyOf(p.step, passwordResetSteps[p.step].prompt(context)) }) as const),
    reprompt: emit(({ context, event }, p: { step: PasswordResetStep }) => {
      const a = passwordResetSteps[p.step].answer(event.text, context);
      return { type: 'reply', reply: repromptOf(p.step, a.ok ? '' : a.reason, passwordResetSteps[p.step].prompt(context)) } as const;
    }),
    take: assign(({ context, event }, p: { step: PasswordResetStep }) => {
      const a = passwordResetSteps[p.step].answer(event.text, context);
      return a.ok ? a.patch : {};
    }),
    foundIt: assign({
      outcome: { outcome: 'completed', reason: 'reset email found' },
      closing: `Good. Use the link in that email soon: it is only valid for ${LINK_VALID_HOURS} hours. If it has expired, request a new one with "forgot your password?" on www.nespresso.com.`,
    }),
    sayClosing: enqueueActions(({ context, enqueue }) => {
      if (context.closing) enqueue.emit({ type: 'reply', reply: { text: context.closing, step: 'done' } });
    }),
  },
}).createMachine({
  id: 'passwordReset',
  version: String(PASSWORD_RESET_VERSION),
  context: ({ input }) => passwordResetContext(input),
  initial: 'routing',
  output: ({ context }) => context.outcome ?? { outcome: 'cancelled' },
  states: {
    routing: {
      always: [
        { guard: 'hasOutcome', target: 'done' },
        { guard: 'isPortugalUnasked', target: 'askingMisuse' },
        { guard: 'isOtherMarket', target: 'offeringPerson' },
        { guard: 'hasNoSituation', target: 'askingSituation' },
        { guard: 'isStuck', target: 'offeringPerson' },
        { guard: 'hasNoChannel', target: 'askingOrderChannel' },
        { guard: 'isLinkSituation', target: 'askingIfWorked' },
        { guard: 'isUncheckedFolders', target: 'askingIfFound' },
        { guard: 'hasFoundEmail', actions: 'foundIt', target: 'done' },
        { target: 'offeringPerson' },
      ],
    },
    askingSituation: asking('askingSituation'),
    askingIfWorked: asking('askingIfWorked'),
    askingIfFound: asking('askingIfFound'),
    askingOrderChannel: asking('askingOrderChannel'),
    askingMisuse: asking('askingMisuse'),
    offeringPerson: asking('offeringPerson'),
    done: {
      type: 'final',
      entry: { type: 'sayClosing' },
    },
  },
});
