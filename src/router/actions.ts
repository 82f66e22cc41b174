/**
 * What stages do once they have decided: answer from the FAQ, start or continue a guided task, ask for
 * a person, run a command. Records (unanswered questions, feedback, hand-off outcomes) are effects the
 * router performs after its save; starting a task or a hand-off goes through their ports.
 */
import { modelIn } from '../../dialogs/models.js';
import { msg } from '../language/message.js';
import { getModel } from '../policy/catalogue.js';
import { quitIn, type Command } from '../language/understand/index.js';
import { hashId, redact } from '../lib/redact.js';
import type { Decision } from '../retrieval/decide.js';
import type { BookingStore } from '../conversation/bookings.js';
import type { DialogId, DialogInput, DialogReply, DialogStep } from '../conversation/dialog-port.js';
import type { HandoffReason } from '../conversation/handoff-port.js';
import * as say from './replies.js';
import { sameMachineQuestion } from './task-repair.js';
import type { Reply, Turn } from './turn-view.js';

/** A runner-up this close to the answer's score is offered beside it ("Or: …"). */
const NEAR_ALTERNATIVE = 0.05;

/**
 * The task a message is about, as the menu's button among the reply's choices (once): first beside an answer,
 * last after a "did you mean" list, whose numbers the customer may type.
 */
function offering(reply: Reply, task: DialogId | undefined, last = false): Reply {
  const button = task && say.MENU.find((c) => c.value === `task:${task}`);
  if (!button || reply.choices?.some((c) => c.value === button.value)) return reply;
  return { ...reply, choices: last ? [...(reply.choices ?? []), button] : [button, ...(reply.choices ?? [])] };
}

/** A question the bot could not answer, kept (redacted, cut at 300 characters) for the content team, after the turn. */
export function recordUnanswered(t: Turn, text: string): void {
  t.effects.push({ type: 'record', list: 'unanswered', item: { at: t.s.now(), market: t.market, conv: hashId(t.state.id), text: redact(text).slice(0, 300) } });
}

/** `offer`: the task the message is about ("how long is the reset link valid?" → password reset), offered with the answer. */
export async function answerDecision(t: Turn, d: Decision, text: string, offer?: DialogId): Promise<Reply[]> {
  const { s, state } = t;
  switch (d.type) {
    case 'answer': {
      state.fallbacks = 0;
      state.lastFaqId = d.entry.id;
      state.pending = { type: 'feedback', faqId: d.entry.id };
      const alternative = s.retriever.runnerUp(d, NEAR_ALTERNATIVE, t.lang);
      return [offering(say.faqAnswer(d.entry, d.score, t.market, !t.market, alternative), offer)];
    }
    case 'askMarket':
      state.pending = { type: 'askMarket', text };
      return [say.askMarket('depends')];
    case 'clarify':
      // One plausible candidate (issue 16, near ties): answer it and ask whether that helped.
      if (d.sole && t.market) {
        state.fallbacks = 0;
        state.lastFaqId = d.sole.entry.id;
        state.pending = { type: 'feedback', faqId: d.sole.entry.id };
        return [say.tentativeAnswer(d.sole.entry, d.sole.score, t.market)];
      }
      state.pending = { type: 'clarify', options: d.options.map((o) => ({ faqId: o.entry.id, label: o.entry.question })) };
      return [offering(say.clarify(d.options, t.market), offer, true)];
    case 'otherMarketOnly':
      state.fallbacks = 0;
      return [say.otherMarketOnly(d.entry, t.market!)];
    case 'abstain': {
      state.fallbacks += 1;
      recordUnanswered(t, text);
      // Two in a row: a person is offered (DESIGN.md §8), never queued without asking.
      if (state.fallbacks >= 2 && s.handoff) state.pending = { type: 'offerPerson', reason: 'two-fallbacks' };
      return [offering(say.abstain(t.market, state.fallbacks >= 2, d.outOfScope !== undefined), offer, true)];
    }
  }
}

/**
 * The answers to a message's questions, one message each, then the questions retrieval could not answer (with the
 * market's contact and a person offered); when an answer is the last message, it carries the feedback buttons.
 */
export function answerEach(t: Turn, each: { answers: Extract<Decision, { type: 'answer' }>[]; unanswered: string[] }, offer?: DialogId): Reply[] {
  const { state } = t;
  const { answers, unanswered } = each;
  const last = answers[answers.length - 1]!;
  state.fallbacks = 0;
  state.lastFaqId = last.entry.id;
  // Feedback is asked only when an answer is the last message; after the questions not answered, a "no" is not about it.
  state.pending = unanswered.length === 0 ? { type: 'feedback', faqId: last.entry.id } : undefined;
  const replies: Reply[] = answers.map((d, i) =>
    i === answers.length - 1 && unanswered.length === 0
      ? offering(say.faqAnswer(d.entry, d.score, t.market, !t.market), offer)
      : say.faqAnswer(d.entry, d.score, t.market, !t.market, undefined, false),
  );
  if (unanswered.length === 0) return replies;
  for (const q of unanswered) recordUnanswered(t, q);
  return [...replies, offering(say.notAnswered(unanswered, t.market), offer)];
}

export async function runCommand(t: Turn, command: Command): Promise<Reply[]> {
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
      state.resultSlots = undefined;
      state.fallbacks = 0;
      return [say.welcome(t.market)];
    case 'help':
      return [say.help(t.market), ...continueOrRepeat(t)];
    case 'agent': {
      // Taking an offer keeps its reason (the agent sees why the bot offered a person).
      const offer = state.pending?.type === 'offerPerson' ? state.pending.reason : undefined;
      state.pending = undefined;
      // "laissez tomber, je préfère parler à quelqu'un": the task is given up, not left to read the next messages.
      if (state.dialog && quitIn(t.text, t.lang)) state.dialog = undefined;
      return requestHandoff(t, offer ?? 'customer-request');
    }
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

/** The active task's pending question again (after help, a language or country change). */
export function continueOrRepeat(t: Turn): Reply[] {
  const { s, state } = t;
  if (!state.dialog || !s.dialogs) return [];
  return [dialogReply(t, state.dialog.machine, s.dialogs.repeatPrompt(state.dialog, dialogInput(t, {})))];
}

export async function requestHandoff(
  t: Turn,
  reason: HandoffReason,
  candidates?: Decision['candidates'],
  finished?: { machine: DialogId; step?: string; summary?: string; slots?: Record<string, unknown> },
): Promise<Reply[]> {
  const { s, state } = t;
  if (!s.handoff) {
    return [say.system(t.market ? msg('handoff.unavailable', { contact: { contact: t.market } }) : msg('handoff.unavailableNoMarket'), t.market)];
  }
  const dialogSlots = finished?.slots ?? (state.dialog && s.dialogs ? s.dialogs.slots(state.dialog) : undefined);
  const dialog = finished ? { machine: finished.machine, step: finished.step, summary: finished.summary } : undefined;
  state.outcome = 'handedOff';
  t.effects.push({ type: 'record', list: 'outcomes', item: { at: s.now(), reason, market: t.market, channel: t.input.channelId } });
  t.effects.push({ type: 'handoffRequested', reason });
  return s.handoff.request({ state, input: t.input, text: t.text, reason, candidates, dialogSlots, dialog });
}

export async function feedback(t: Turn, faqId: string, yn: 'yes' | 'no'): Promise<Reply[]> {
  const { s, state } = t;
  t.effects.push({ type: 'record', list: 'feedback', item: { at: s.now(), faqId, helpful: yn === 'yes', market: t.market, conversation: hashId(state.id) } });
  if (yn === 'yes') {
    state.outcome = 'resolved';
    return [say.smalltalk(msg('feedbackYes'), t.market)];
  }
  // A thumbs-down offers a person (DESIGN.md §8); taking the offer is the request.
  if (s.handoff) state.pending = { type: 'offerPerson', reason: 'thumbs-down' };
  return [say.offerPerson(msg('feedbackNo'), t.market)];
}

/** The router deletes the conversation, its transcript, the user record and any hand-off after this turn instead of saving them (see Router.forget). */
export function forgetMe(t: Turn): Reply[] {
  t.state.forgotten = true;
  return [say.system(msg('forgotten'), undefined)];
}

export async function bookingStatus(t: Turn, reference: string): Promise<Reply[]> {
  const booking = await t.s.bookings.find(reference);
  if (!booking) return [say.system(msg('booking.notFound', { reference }), t.market)];
  return [
    {
      text: msg('booking.status', { reference: booking.reference, model: booking.model, date: { date: booking.createdAt.slice(0, 10) } }),
      support: { kind: 'dialog', market: booking.market, dialog: 'repairBooking', step: 'status' },
    },
  ];
}

export function dialogInput(t: Turn, slots: Record<string, string | number | boolean>): DialogInput {
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

export function dialogDeps(t: Turn) {
  return { saveBooking: (b: Parameters<BookingStore['save']>[0]) => t.s.bookings.save(b, t.state.id) };
}

export function dialogReply(t: Turn, dialog: DialogId, r: DialogReply): Reply {
  return { text: r.text, choices: r.choices, support: { kind: 'dialog', market: t.market, dialog, step: r.step } };
}

/**
 * A task starts with what the message itself gives; a finished task's answers (the machine of an earlier
 * booking) are never reused silently: a repair booking that names no machine asks whether it is the same one.
 */
export async function startDialog(t: Turn, dialog: DialogId, slots: Record<string, string | number | boolean>): Promise<Reply[]> {
  t.state.pending = undefined;
  // The penalty's figures serve a correction right after its result; a task started since is no longer that.
  if (t.state.resultSlots && typeof t.state.resultSlots.model !== 'string') t.state.resultSlots = undefined;
  if (dialog === 'repairBooking') {
    const kept = keptFromResult(t, slots);
    if (kept === 'ask') return [sameMachineQuestion(modelNameOf(t.state.resultSlots!.model as string), t.market, 'result')];
    if (kept) return [keptReply(t, kept), ...(await runStep(t, t.s.dialogs!.start(dialog, dialogInput(t, kept), dialogDeps(t)), dialog))];
  }
  if (dialog === 'repairBooking' && slots.model === undefined && t.user.model) {
    t.state.pending = { type: 'sameMachine', model: t.user.model };
    return [sameMachineQuestion(t.user.model, t.market)];
  }
  return runStep(t, t.s.dialogs!.start(dialog, dialogInput(t, { ...slots }), dialogDeps(t)), dialog);
}

const sameModel = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && (modelIn(a) ?? a) === (modelIn(b) ?? b);
const modelNameOf = (model: string) => getModel(modelIn(model) ?? model)?.name ?? model;

/**
 * A repair booking after this conversation's one-shot result begins with what the customer told us for it (the
 * message's own slots win): for the same machine, or a message that names none. Where the "is it the same
 * machine?" hygiene applies (a machine known from before and none named now) the result's machine is asked
 * about first ('ask'). Another machine named, or another market since, and the result is not used.
 */
function keptFromResult(t: Turn, slots: Record<string, string | number | boolean>): Record<string, string | number | boolean> | 'ask' | undefined {
  const { market, ...kept } = t.state.resultSlots ?? {};
  if (typeof kept.model !== 'string' || market !== t.market) return undefined;
  if (slots.model === undefined && t.user.model) {
    t.state.pending = { type: 'sameMachine', model: kept.model };
    return 'ask';
  }
  t.state.resultSlots = undefined;
  return slots.model === undefined || sameModel(slots.model, kept.model) ? { ...kept, ...slots } : undefined;
}

/** "Booking a repair for your Pixie bought on 3 March 2025.": what the booking kept from the result. */
function keptReply(t: Turn, kept: Record<string, string | number | boolean>): Reply {
  const model = modelNameOf(kept.model as string);
  const date = typeof kept.purchaseDate === 'string' ? { date: kept.purchaseDate } : undefined;
  const text = !date ? msg('repair.kept', { model }) : msg(kept.purchasePrecision === 'day' ? 'repair.keptBought' : 'repair.keptBoughtAbout', { model, date });
  return dialogReply(t, 'repairBooking', { text, step: 'kept' });
}

/** A task that ended ("No, thanks", done) leaves the tasks one tap away again. */
function withMenu(replies: Reply[]): Reply[] {
  const last = replies.at(-1);
  if (!last || last.choices?.length) return replies;
  return [...replies.slice(0, -1), { ...last, choices: say.MENU }];
}

export async function runStep(t: Turn, stepPromise: Promise<DialogStep>, dialog: DialogId): Promise<Reply[]> {
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
      return withMenu(replies);
    case 'cancelled':
      return withMenu(replies);
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
