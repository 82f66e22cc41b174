/**
 * The decision of one turn (DESIGN.md §1 step 3), in order: hand-off relay, global commands,
 * pending questions (market, "did you mean", feedback), the active dialog (with digressions),
 * dialog triggers, then retrieval: answer, clarify or abstain.
 */
import type { Config } from '../config.js';
import { MARKET_LANG, langFromLocale, type Lang } from '../conversation/lang.js';
import { detectLang } from '../language/detect.js';
import { msg } from '../language/message.js';
import type { ReplyData } from '../language/render.js';
import { askedLanguage, command as detectCommand, smalltalk as detectSmalltalk, yesNo as readYesNo, type Command } from '../language/understand/index.js';
import type { Logger } from '../lib/logger.js';
import { hashId, redact } from '../lib/redact.js';
import type { Market, TurnInput } from '../lib/types.js';
import { decodeButton } from '../conversation/buttons.js';
import type { Retriever, Decision } from '../retrieval/decide.js';
import type { Knowledge } from '../retrieval/knowledge.js';
import { keys, type Storage } from '../state/storage.js';
import type { BookingStore } from './bookings.js';
import type { ConversationState, UserState } from './conversation.js';
import type { DialogEngine, DialogId, DialogInput, DialogReply, DialogStep } from './dialog-port.js';
import type { HandoffPort, HandoffReason } from './handoff-port.js';
import { isCountryOnly, marketFromText, resolveMarket } from './market.js';
import * as say from './replies.js';

export interface TurnServices {
  config: Config;
  knowledge: Knowledge;
  retriever: Retriever;
  dialogs?: DialogEngine;
  handoff?: HandoffPort;
  bookings: BookingStore;
  storage: Storage;
  logger: Logger;
  now: () => number;
  /** Called when a hand-off is requested (metrics). */
  onHandoff?: (reason: HandoffReason) => void;
}

interface Turn {
  s: TurnServices;
  input: TurnInput;
  text: string;
  state: ConversationState;
  user: UserState;
  market?: Market;
  /** The conversation's language, resolved once for the turn (DESIGN.md §10). */
  lang: Lang;
}

type Reply = ReplyData;

/**
 * The conversation's language (DESIGN.md §10): the customer's explicit choice > the language of what
 * they write (a message long enough to tell) > the activity's locale > the market's language > English.
 * Sticky: kept with the conversation and the user; short replies never switch it.
 */
export function resolveLang(
  text: string,
  state: Pick<ConversationState, 'lang' | 'langSource'>,
  user: Pick<UserState, 'lang'>,
  locale: string | undefined,
  market: Market | undefined,
  answersStep: boolean,
): { lang: Lang; source: NonNullable<ConversationState['langSource']>; chosen?: boolean } {
  const asked = text ? askedLanguage(text) : undefined;
  if (asked) return { lang: asked, source: 'chosen', chosen: true };
  if (state.langSource === 'chosen' && state.lang) return { lang: state.lang, source: 'chosen' };
  // An answer to the pending step (an address, a name, "ok") never switches the language.
  const written = text && !answersStep ? detectLang(text) : undefined;
  if (written) return { lang: written, source: 'text' };
  if (state.lang && state.langSource === 'text') return { lang: state.lang, source: 'text' };
  if (user.lang) return { lang: user.lang, source: 'chosen' };
  const fromLocale = langFromLocale(locale);
  if (fromLocale) return { lang: fromLocale, source: 'locale' };
  if (market) return { lang: MARKET_LANG[market], source: 'market' };
  return { lang: 'en', source: 'market' };
}

/** What the button value or typed text asks for, when it is a command. */
function commandOf(text: string, lang: Lang): Command | undefined {
  const b = decodeButton(text);
  if (b?.type === 'cmd' && b.command !== 'somethingElse') return b.command;
  if (b) return undefined;
  return detectCommand(text, lang);
}

/** "what's the status of my booking / repair?" without a reference. */
const BOOKING_STATUS = /\b(?:status|update|news|progress|where(?:'s| is))\b.{0,30}\b(?:my|the) (?:booking|repair(?: booking)?)\b|\b(?:my|the) (?:booking|repair)(?: booking)?\b.{0,20}\bstatus\b/i;

/** A dialog trigger must be at least this sure before it beats a FAQ answer. */
const DIALOG_TRIGGER_CONFIDENCE = 0.6;

export async function decideTurn(
  s: TurnServices,
  input: TurnInput,
  text: string,
  state: ConversationState,
  user: UserState,
): Promise<Reply[]> {
  const marketBefore = state.market;
  const button = text ? decodeButton(text) : undefined;
  const said = button?.type === 'market' ? button.market : text && !button ? marketFromText(text) : undefined;
  if (said) {
    state.market = said;
    state.marketSource = 'said';
    user.market = said;
  }
  const fromState = state.marketSource === 'said' ? state.market : undefined;
  const resolved = resolveMarket({
    said: fromState,
    user: user.market,
    locale: input.locale ?? state.locale,
    channel: input.channelMarket,
    fallback: s.config.DEFAULT_MARKET,
  });
  if (resolved.market && state.marketSource !== 'said') {
    state.market = resolved.market;
    state.marketSource = resolved.source;
  }
  const answersStep = !!state.dialog && !!text && !!s.dialogs?.accepts(state.dialog, text);
  const chosenLang = button?.type === 'lang' ? button.lang : undefined;
  const resolvedLang = chosenLang
    ? { lang: chosenLang, source: 'chosen' as const, chosen: true }
    : resolveLang(button ? '' : text, state, user, input.locale ?? state.locale, resolved.market, answersStep);
  const langChanged = resolvedLang.chosen === true;
  state.lang = resolvedLang.lang;
  state.langSource = resolvedLang.source;
  if (resolvedLang.source === 'chosen') user.lang = resolvedLang.lang;
  const t: Turn = { s, input, text, state, user, market: resolved.market ?? (state.dialog ? state.market : undefined), lang: resolvedLang.lang };

  if (input.type === 'conversationUpdate') return input.userJoined ? [say.welcome(t.market)] : [];
  // Channel events during a hand-off (Bot Framework `handoff.status` from the channel's own hub).
  if (input.type === 'event' && s.handoff) return (await s.handoff.onCustomerMessage({ state, input, text })) ?? [];
  if (input.type !== 'message') return [];

  // "Delete my data" works at any time, also while a person is requested or holds the chat.
  if (text && commandOf(text, t.lang) === 'forgetMe') return forgetMe(t);

  // 1. A conversation queued for or held by an agent: relay; the bot says nothing of its own.
  if (s.handoff) {
    const relayed = await s.handoff.onCustomerMessage({ state, input, text });
    if (relayed) return relayed;
  }

  if (!text) {
    return [say.system(msg('noText'), t.market, say.MENU)];
  }

  // An explicit choice of language: say so, then carry on with the rest of the message if there was more.
  if (langChanged && (button?.type === 'lang' || askedLanguage(text))) {
    return [say.langSet(t.market), ...(state.dialog ? await continueOrRepeat(t) : [])];
  }

  // 2. Global commands.
  const command = commandOf(text, t.lang);
  if (command) return runCommand(t, command);
  if (button?.type === 'cmd' && button.command === 'somethingElse') {
    state.pending = undefined;
    return [say.system(msg('somethingElse'), t.market)];
  }
  if (button?.type === 'faq') {
    const entry = s.knowledge.byId.get(button.id);
    state.pending = undefined;
    if (entry) return answerDecision(t, s.retriever.resolveEntry(entry, 1, t.market, []), text);
  }
  if (button?.type === 'task' && s.dialogs) {
    if (!t.market) {
      state.pending = { type: 'askMarket', text };
      return [say.askMarket('dialog')];
    }
    return startDialog(t, button.dialog, {});
  }

  // 3. Pending questions.
  const pending = state.pending;
  if (pending?.type === 'askMarket') {
    state.pending = undefined;
    if (said) {
      const out: Reply[] = isCountryOnly(text) || button?.type === 'market' ? [say.marketSet(said)] : [];
      return [...out, ...(await routeText(t, pending.text))];
    }
  } else if (pending?.type === 'clarify') {
    state.pending = undefined;
    const n = /^\s*(\d)\s*$/.exec(text);
    const pick = n ? pending.options[Number(n[1]) - 1] : undefined;
    const entry = pick ? s.knowledge.byId.get(pick.faqId) : undefined;
    if (entry) return answerDecision(t, s.retriever.resolveEntry(entry, 1, t.market, []), text);
  } else if (pending?.type === 'feedback') {
    const yn = readYesNo(text, t.lang);
    state.pending = undefined;
    if (yn === 'yes' || yn === 'no') return feedback(t, pending.faqId, yn);
  }

  // "Korea" may also answer the dialog's question (bought from Nespresso Korea or overseas?): with the country unchanged, the dialog takes it.
  const countryAnswersStep = said === marketBefore && answersStep;
  if (said && (isCountryOnly(text) || button?.type === 'market') && !countryAnswersStep) {
    return [say.marketSet(said), ...(state.dialog ? await continueOrRepeat(t) : [])];
  }

  // 4. Booking status by reference.
  const reference = s.dialogs?.parseBookingReference(text);
  if (reference) return bookingStatus(t, reference);
  if (!state.dialog && BOOKING_STATUS.test(text)) {
    const mine = await s.bookings.forConversation(state.id);
    if (mine.length === 1) return bookingStatus(t, mine[0]!.reference);
    if (mine.length > 1) {
      return [
        say.system(
          msg('booking.which'),
          t.market,
          mine.slice(-5).map((b) => ({ label: b.reference, value: b.reference })),
        ),
      ];
    }
    return [say.system(msg('booking.needReference'), t.market)];
  }

  return routeText(t, text);
}

async function routeText(t: Turn, text: string): Promise<Reply[]> {
  const { s, state } = t;
  // 5. The active dialog gets the message, unless it is a confident FAQ question that does not
  //    answer the pending step (a digression): answer it, then ask the step again.
  if (state.dialog && s.dialogs) {
    if (!s.dialogs.accepts(state.dialog, text) && !isBareAnswer(text)) {
      const decision = s.retriever.decide(text, t.market, t.lang);
      if (decision.type === 'answer') {
        const answer = say.faqAnswer(decision.entry, decision.score, t.market, !t.market, undefined, false);
        state.fallbacks = 0;
        state.lastFaqId = decision.entry.id;
        const prompt = s.dialogs.repeatPrompt(state.dialog, dialogInput(t, {}));
        return [answer, dialogReply(t, state.dialog.machine, prompt)];
      }
    }
    return runStep(t, s.dialogs.continue(state.dialog, text, dialogInput(t, {}), dialogDeps(t)), state.dialog.machine);
  }

  // 6. A dialog trigger starts its machine.
  const trigger = s.dialogs?.detect(text);
  if (trigger && trigger.confidence >= DIALOG_TRIGGER_CONFIDENCE) {
    if (!t.market) {
      state.pending = { type: 'askMarket', text };
      return [say.askMarket('dialog')];
    }
    return startDialog(t, trigger.dialog, trigger.slots);
  }

  // 7. Small talk, then retrieval.
  const small = detectSmalltalk(text, t.lang);
  if (small === 'greeting') return [say.smalltalk(msg('greeting'), t.market, say.MENU)];
  if (small === 'thanks') return [say.smalltalk(msg('thanks'), t.market)];
  if (small === 'bye') return [say.smalltalk(msg('bye'), t.market)];

  return answerDecision(t, s.retriever.decide(text, t.market, t.lang), text);
}

/** A runner-up this close to the answer's score is offered beside it ("Or: …"). */
const NEAR_ALTERNATIVE = 0.05;

/** "yes", "18", "2025-06-10", "€279": a try at answering the pending step (to re-prompt), never a question to digress to. */
function isBareAnswer(text: string): boolean {
  return readYesNo(text) !== undefined || !/\p{L}{2,}/u.test(text);
}

async function answerDecision(t: Turn, d: Decision, text: string): Promise<Reply[]> {
  const { s, state } = t;
  switch (d.type) {
    case 'answer': {
      state.fallbacks = 0;
      state.lastFaqId = d.entry.id;
      state.pending = { type: 'feedback', faqId: d.entry.id };
      const alternative = s.retriever.runnerUp(d, NEAR_ALTERNATIVE, t.lang);
      return [say.faqAnswer(d.entry, d.score, t.market, !t.market, alternative)];
    }
    case 'askMarket':
      state.pending = { type: 'askMarket', text };
      return [say.askMarket('depends')];
    case 'clarify':
      state.pending = { type: 'clarify', options: d.options.map((o) => ({ faqId: o.entry.id, label: o.entry.question })) };
      return [say.clarify(d.options, t.market)];
    case 'otherMarketOnly': {
      state.fallbacks = 0;
      return [say.otherMarketOnly(d.entry, t.market!)];
    }
    case 'abstain': {
      state.fallbacks += 1;
      await s.storage
        .listPush(keys.unanswered(), { at: s.now(), market: t.market, conv: hashId(state.id), text: redact(text).slice(0, 300) }, 5000)
        .catch((err) => s.logger.warn({ err }, 'could not record an unanswered question'));
      if (state.fallbacks >= 2 && s.handoff) {
        state.fallbacks = 0;
        return requestHandoff(t, 'two-fallbacks', d.candidates);
      }
      return [say.abstain(t.market, state.fallbacks >= 2)];
    }
  }
}

async function runCommand(t: Turn, command: Command): Promise<Reply[]> {
  const { state } = t;
  switch (command) {
    case 'cancel': {
      const had = state.dialog;
      state.dialog = undefined;
      state.pending = undefined;
      return [say.system(msg(had ? 'cancel.done' : 'cancel.nothing'), t.market, say.MENU)];
    }
    case 'startOver':
      state.dialog = undefined;
      state.pending = undefined;
      state.fallbacks = 0;
      return [say.welcome(t.market)];
    case 'help':
      return [say.help(t.market), ...(state.dialog ? await continueOrRepeat(t) : [])];
    case 'agent':
      return requestHandoff(t, 'customer-request');
    case 'changeCountry':
      state.pending = undefined;
      state.market = undefined;
      state.marketSource = undefined;
      t.user.market = undefined;
      return [say.askMarket('change')];
    case 'changeLanguage':
      return [say.askLanguage(t.market)];
    case 'forgetMe':
      return forgetMe(t);
  }
}

async function continueOrRepeat(t: Turn): Promise<Reply[]> {
  const { s, state } = t;
  if (!state.dialog || !s.dialogs) return [];
  return [dialogReply(t, state.dialog.machine, s.dialogs.repeatPrompt(state.dialog, dialogInput(t, {})))];
}

async function requestHandoff(
  t: Turn,
  reason: HandoffReason,
  candidates?: Decision['candidates'],
  finished?: { machine: DialogId; step?: string; summary?: string; slots?: Record<string, unknown> },
): Promise<Reply[]> {
  const { s, state } = t;
  if (!s.handoff) {
    return [
      say.system(t.market ? msg('handoff.unavailable', { contact: { contact: t.market } }) : msg('handoff.unavailableNoMarket'), t.market),
    ];
  }
  const dialogSlots = finished?.slots ?? (state.dialog && s.dialogs ? s.dialogs.slots(state.dialog) : undefined);
  const dialog = finished ? { machine: finished.machine, step: finished.step, summary: finished.summary } : undefined;
  state.outcome = 'handedOff';
  await s.storage
    .listPush(keys.outcomes(), { at: s.now(), reason, market: t.market, channel: t.input.channelId }, 20000)
    .catch((err) => s.logger.warn({ err }, 'could not record a hand-off'));
  s.onHandoff?.(reason);
  return s.handoff.request({ state, input: t.input, text: t.text, reason, candidates, dialogSlots, dialog });
}

async function feedback(t: Turn, faqId: string, yn: 'yes' | 'no'): Promise<Reply[]> {
  const { s, state } = t;
  await s.storage
    .listPush(keys.feedback(), { at: s.now(), faqId, helpful: yn === 'yes', market: t.market, conversation: state.id }, 20000)
    .catch((err) => s.logger.warn({ err }, 'could not record feedback'));
  if (yn === 'yes') {
    state.outcome = 'resolved';
    return [say.smalltalk(msg('feedbackYes'), t.market)];
  }
  return requestHandoff(t, 'thumbs-down');
}

async function forgetMe(t: Turn): Promise<Reply[]> {
  // The router deletes the conversation, its transcript, the user record and any hand-off after
  // this turn instead of saving them (see Router.forget).
  t.state.forgotten = true;
  return [say.system(msg('forgotten'), undefined)];
}

async function bookingStatus(t: Turn, reference: string): Promise<Reply[]> {
  const booking = await t.s.bookings.find(reference);
  if (!booking) {
    return [say.system(msg('booking.notFound', { reference }), t.market)];
  }
  return [
    {
      text: msg('booking.status', { reference: booking.reference, model: booking.model, date: { date: booking.createdAt.slice(0, 10) } }),
      support: { kind: 'dialog', market: booking.market, dialog: 'repairBooking', step: 'status' },
    },
  ];
}

function dialogInput(t: Turn, slots: Record<string, string | number | boolean>): DialogInput {
  const market = t.market!;
  const c = t.s.knowledge.contacts[market];
  return {
    market,
    lang: t.lang,
    contact: { phone: c.phone, hours: c.hours, note: c.phoneNote, other: c.other },
    slots,
    today: new Date(t.s.now()).toISOString().slice(0, 10),
  };
}

function dialogDeps(t: Turn) {
  return {
    saveBooking: (b: Parameters<BookingStore['save']>[0]) => t.s.bookings.save(b, t.state.id),
  };
}

function dialogReply(t: Turn, dialog: DialogId, r: DialogReply): Reply {
  return { text: r.text, choices: r.choices, support: { kind: 'dialog', market: t.market, dialog, step: r.step } };
}

async function startDialog(t: Turn, dialog: DialogId, slots: Record<string, string | number | boolean>): Promise<Reply[]> {
  const { s, user } = t;
  const filled = { ...slots };
  if (user.model && filled.model === undefined && dialog !== 'passwordReset') filled.model = user.model;
  t.state.pending = undefined;
  return runStep(t, s.dialogs!.start(dialog, dialogInput(t, filled), dialogDeps(t)), dialog);
}

async function runStep(t: Turn, stepPromise: Promise<DialogStep>, dialog: DialogId): Promise<Reply[]> {
  const { s, state } = t;
  const before = state.dialog;
  const step = await stepPromise;
  state.dialog = step.envelope;
  const replies = step.replies.map((r) => dialogReply(t, dialog, r));
  const slots = step.envelope && s.dialogs ? s.dialogs.slots(step.envelope) : undefined;
  if (typeof slots?.model === 'string') t.user.model = slots.model;
  const out = step.output;
  if (!out) return replies;
  state.dialog = undefined;
  switch (out.outcome) {
    case 'completed':
      state.outcome = 'resolved';
      return replies;
    case 'cancelled':
      return replies;
    case 'handoff': {
      // The machine is done and its envelope gone: give the agent what it knew just before.
      const finished = {
        machine: dialog,
        step: before && s.dialogs ? s.dialogs.currentStep(before) : undefined,
        summary: out.summary,
        slots: before && s.dialogs ? s.dialogs.slots(before) : undefined,
      };
      return [...replies, ...(await requestHandoff(t, out.reason === 'booking-failed' ? 'booking-failed' : 'dialog', undefined, finished))];
    }
    case 'switch':
      if (!out.switchTo) return replies;
      return [...replies, ...(await startDialog(t, out.switchTo.dialog, out.switchTo.slots))];
  }
}

