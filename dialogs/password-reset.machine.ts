/**
 * Password reset. Taiwan's account FAQ describes the procedure (the "forgot your password?" link, valid
 * 72 hours; trash, junk and spam; forgotten email; orders through other channels). Portugal's terms only
 * say to keep the password confidential and report misuse; France's and Korea's documents are silent.
 * Every path ends with the market's contact or an offer of a person.
 */
import { msg, type Msg, type Text } from '../src/language/message.js';
import type { ChoiceData } from '../src/language/render.js';
import { answerYesNo, defineSlotDialog, choiceIn, PERSON_CHOICE, personOrNot, taskContext, YES_NO_CHOICES, type TaskContext, type TaskStep } from './step-kit.js';
import type { DialogInput } from './types.js';

export const PASSWORD_RESET_VERSION = 2;
export const LINK_VALID_HOURS = 72;

export const SITUATIONS = ['forgot', 'expired', 'notReceived', 'forgotEmail', 'otherChannel'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface PasswordResetContext extends TaskContext {
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
  closing?: Text;
}

const SITUATION_CHOICES: ChoiceData[] = [
  { label: msg('pr.label.forgot'), value: 'forgot' },
  { label: msg('pr.label.expired'), value: 'expired' },
  { label: msg('pr.label.notReceived'), value: 'notReceived' },
  { label: msg('pr.label.forgotEmail'), value: 'forgotEmail' },
  { label: msg('pr.label.otherChannel'), value: 'otherChannel' },
];
const WORKED_CHOICES: ChoiceData[] = [
  { label: msg('pr.label.worked'), value: 'yes' },
  { label: msg('pr.label.noEmail'), value: 'notReceived' },
  { label: msg('pr.label.expired'), value: 'expired' },
];
const CHANNEL_CHOICES: ChoiceData[] = [
  { label: msg('pr.label.nespresso'), value: 'nespresso' },
  { label: msg('pr.label.marketplace'), value: 'marketplace' },
  { label: msg('pr.label.neverGave'), value: 'noEmail' },
];
const NO_THANKS: ChoiceData = { label: msg('pr.label.noThanks'), value: 'no thanks' };

/** What customers type when the link has expired or does not work, in the five languages. */
const EXPIRED = /expire|invalid|does(n't| not) work|過期|失效|無效|連結.{0,4}(不能|沒辦法|無法)用|만료|유효하지 않|링크.{0,6}(안 돼|안돼|안 열)|expir|n'est plus valable|ne (marche|fonctionne) (pas|plus)|já não (funciona|é válido)|não funciona|inválido/iu;
/** …and when the email did not arrive. */
const NOT_ARRIVED = /\b(not|n't|never|no)\b.*\b(come|came|arrive|receive|get|got)|沒(有)?收到|沒(有)?來|收不到|(안|못) (왔|와|받)|오지 않|받지 못|pas (reçu|arrivé)|rien reçu|jamais (reçu|arrivé)|não (recebi|chegou|recebeu)|nunca (chegou|recebi)/iu;
const MARKETPLACE = /momo|pchome|yahoo|shopee|market ?place|蝦皮|網購平台|購物網站/iu;

const hours = { hours: LINK_VALID_HOURS };

function contactAdvice(ctx: PasswordResetContext): Msg {
  const contact = { contact: { contact: ctx.market } };
  if (ctx.market === 'PT') return ctx.misuse ? msg('pr.contact.ptMisuse', contact) : msg('pr.contact.pt', contact);
  if (ctx.market !== 'TW') return msg('pr.contact.other', { market: { market: ctx.market }, ...contact });
  switch (ctx.situation) {
    case 'forgotEmail':
      return msg('pr.contact.forgotEmail', contact);
    case 'otherChannel':
      return msg('pr.contact.otherChannel', contact);
    case 'notReceived':
      return msg('pr.contact.notReceived', contact);
    default:
      return msg('pr.contact.stuck', contact);
  }
}

function linkAdvice(ctx: PasswordResetContext): Msg {
  if (ctx.situation === 'expired') return msg('pr.linkExpired', hours);
  if (ctx.situation === 'otherChannel') return msg('pr.linkOtherChannel', hours);
  return msg('pr.linkForgot', hours);
}

function pick<C>(text: string, ctx: PasswordResetContext, choices: ChoiceData[], take: (v: string) => Partial<C>) {
  const v = choiceIn(text, choices, ctx.lang);
  return v === undefined ? { ok: false as const, reason: msg('pr.reask.pick') } : { ok: true as const, patch: take(v) };
}

function yesNoPatch(text: string, ctx: PasswordResetContext, take: (v: boolean) => Partial<PasswordResetContext>) {
  const v = answerYesNo(text, ctx.lang, YES_NO_CHOICES);
  return v === 'yes' || v === 'no' ? { ok: true as const, patch: take(v === 'yes') } : { ok: false as const, reason: msg('pr.reask.yesNo') };
}

export const passwordResetSteps = {
  askingSituation: {
    prompt: () => ({ text: msg('pr.askSituation'), choices: SITUATION_CHOICES }),
    answer: (text, ctx) => pick<PasswordResetContext>(text, ctx, SITUATION_CHOICES, (v) => ({ situation: v as Situation })),
  },
  askingIfWorked: {
    prompt: (ctx) => ({ text: [linkAdvice(ctx), msg('pr.didItWork')], choices: WORKED_CHOICES }),
    answer: (text, ctx) => {
      const yn = answerYesNo(text, ctx.lang);
      const choice =
        choiceIn(text, WORKED_CHOICES, ctx.lang) ??
        (EXPIRED.test(text) ? 'expired' : NOT_ARRIVED.test(text) ? 'notReceived' : yn === 'yes' ? 'yes' : yn === 'no' ? 'notReceived' : undefined);
      if (choice === 'yes') {
        return { ok: true, patch: { outcome: { outcome: 'completed', reason: 'password reset by link' }, closing: msg('pr.done.worked', hours) } };
      }
      if (choice === 'expired' || choice === 'notReceived') return { ok: true, patch: { situation: choice, attempts: ctx.attempts + 1, foundEmail: undefined } };
      return { ok: false, reason: msg('pr.reask.worked') };
    },
  },
  askingIfFound: {
    prompt: () => ({ text: [msg('pr.askFound'), msg('pr.foundThere')], choices: YES_NO_CHOICES }),
    answer: (text, ctx) => yesNoPatch(text, ctx, (v) => ({ foundEmail: v })),
  },
  askingOrderChannel: {
    prompt: () => ({ text: msg('pr.askChannel'), choices: CHANNEL_CHOICES }),
    answer: (text, ctx) => {
      if (MARKETPLACE.test(text)) return { ok: true, patch: { channel: 'marketplace' } };
      return pick<PasswordResetContext>(text, ctx, CHANNEL_CHOICES, (v) => ({ channel: v as PasswordResetContext['channel'] }));
    },
  },
  askingMisuse: {
    prompt: () => ({ text: msg('pr.askMisuse'), choices: YES_NO_CHOICES }),
    answer: (text, ctx) => yesNoPatch(text, ctx, (v) => ({ misuse: v })),
  },
  offeringPerson: {
    prompt: (ctx) => ({ text: [contactAdvice(ctx), msg('pr.offerPerson')], choices: [PERSON_CHOICE, NO_THANKS] }),
    answer: (text, ctx) => {
      const choice = personOrNot(text, ctx.lang, NO_THANKS);
      if (choice === undefined) return { ok: false, reason: msg('pr.reask.person', { person: msg('label.person'), noThanks: msg('pr.label.noThanks') }) };
      const summary = `Password reset (${ctx.market}): ${ctx.situation ?? 'help'}${ctx.misuse ? ', possible misuse of the password' : ''}`;
      return choice === 'person'
        ? { ok: true, patch: { outcome: { outcome: 'handoff', reason: 'password reset needs a person', summary } } }
        : { ok: true, patch: { outcome: { outcome: 'completed', reason: 'given the contact', summary }, closing: msg('pr.done.contact', { contact: { contact: ctx.market } }) } };
    },
  },
} satisfies Record<string, TaskStep<PasswordResetContext>>;
export type PasswordResetStep = keyof typeof passwordResetSteps;

export function passwordResetContext(input: DialogInput): PasswordResetContext {
  const ctx: PasswordResetContext = { ...taskContext(input), attempts: 0 };
  const s = input.slots.situation;
  if (typeof s === 'string' && (SITUATIONS as readonly string[]).includes(s)) ctx.situation = s as Situation;
  const channel = input.slots.channel;
  if (channel === 'nespresso' || channel === 'marketplace' || channel === 'noEmail') ctx.channel = channel;
  return ctx;
}

export const passwordResetMachine = defineSlotDialog({
  id: 'passwordReset',
  version: PASSWORD_RESET_VERSION,
  context: passwordResetContext,
  steps: passwordResetSteps,
  guards: {
    isPortugalUnasked: (context) => context.market === 'PT' && context.misuse === undefined,
    isOtherMarket: (context) => context.market !== 'TW',
    hasNoSituation: (context) => context.situation === undefined,
    isStuck: (context) => context.attempts >= 2,
    isLinkSituation: (context) => context.situation === 'forgot' || context.situation === 'expired' || (context.situation === 'otherChannel' && context.channel === 'nespresso'),
    isUncheckedFolders: (context) => context.situation === 'notReceived' && context.foundEmail === undefined,
    hasFoundEmail: (context) => context.situation === 'notReceived' && context.foundEmail === true,
    hasNoChannel: (context) => context.situation === 'otherChannel' && context.channel === undefined,
  },
  actions: {
    foundIt: { assign: () => ({ outcome: { outcome: 'completed', reason: 'reset email found' }, closing: msg('pr.done.found', hours) }) },
  },
  routing: [
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
});
