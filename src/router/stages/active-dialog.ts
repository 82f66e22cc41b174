/**
 * The active task gets the message, with conversation repair around it (issue 16): an answer goes to the
 * task; a confident FAQ question that does not answer the pending step (a digression) is answered, then
 * the customer is asked whether to go on, and so is a question the documents do not answer (the "did you mean"
 * or the "not sure" said, never a re-prompt as if it had been a wrong answer); small talk is answered and the step
 * asked again; "I don't know" explains the step and offers a way forward; an answer the step cannot take climbs the re-prompt ladder
 * (the step's own re-prompt → buttons or a simpler question → a person offered), counted per step.
 */
import { oneShotResult } from '../../../dialogs/one-shot.js';
import { asksSomething } from '../../../dialogs/reading.js';
import { resultSupport } from './one-shot.js';
import { msg } from '../../language/message.js';
import { hasWordsOfItsOwn, smalltalk, yesNo } from '../../language/understand/index.js';
import { dialogDeps, dialogInput, dialogReply, recordUnanswered, runStep } from '../actions.js';
import * as say from '../replies.js';
import { CONTINUE, explainStep, goOnQuestion, ladderReply } from '../task-repair.js';
import type { Reply, Stage, Turn } from '../turn-view.js';
import { routeText } from './text-stages.js';
import { sentencesOf } from '../../retrieval/decide.js';

/**
 * "yes", "18", "2025-06-10", "€279": a try at answering the pending step (to re-prompt), never a question to digress to;
 * "네, 근데 언제 와요?" starts with a yes and still asks.
 */
function isBareAnswer(text: string): boolean {
  return (yesNo(text) !== undefined && !asksSomething(text)) || !/\p{L}{2,}/u.test(text);
}

const SMALL_REPLY = { greeting: 'greeting', thanks: 'thanks', bye: 'bye', areYouBot: 'areYouBot' } as const;

export const activeDialog: Stage = async (t) => {
  const { s, state, text } = t;
  if (!state.dialog || !s.dialogs) {
    state.stepMisses = undefined;
    return undefined;
  }
  const envelope = state.dialog;
  if (s.dialogs.accepts(envelope, text)) {
    const replies = await advance(t);
    // "não obrigado. quanto tempo é que o link é válido?": the answer ended the task; the question after it is
    // answered too, rather than dropped.
    const asked = state.dialog ? undefined : laterQuestion(text);
    return asked ? [...replies, ...(await routeText(t, asked))] : replies;
  }
  const input = dialogInput(t, {});
  // A "Continue" tapped on an earlier message: the task's question again.
  if (text.trim() === CONTINUE) return [dialogReply(t, envelope.machine, s.dialogs.repeatPrompt(envelope, input))];
  if (yesNo(text, t.lang) === 'dontKnow') {
    const explained = explainStep(s.dialogs, envelope, input);
    if (explained) return [explained];
  }
  if (!isBareAnswer(text)) {
    const small = smalltalk(text, t.lang);
    if (small) return [say.smalltalk(msg(SMALL_REPLY[small]), t.market), dialogReply(t, envelope.machine, s.dialogs.repeatPrompt(envelope, input))];
    // A question that carries another task's whole inputs ("산 지 1년 반 된 시티즈예요. 보증 아직 되나요?" during the no-water
    // steps), the machine of the task in progress counting as said ("bought it 8 months ago, still under warranty?"):
    // its result, as the first message would get it, then whether to go on.
    const { slots: _none, ...resultInput } = input;
    const machine = s.dialogs.slots(envelope).model;
    const result = t.market && asksSomething(text) ? oneShotResult(text, resultInput, { model: typeof machine === 'string' ? machine : undefined }) : undefined;
    if (result && t.market) {
      state.fallbacks = 0;
      state.pending = { type: 'goOn', asked: true };
      return [{ text: result.text, support: resultSupport(result.task, t.market) }, goOnQuestion(envelope, t.market)];
    }
    const decision = s.retriever.decide(text, t.market, t.lang);
    if (decision.type === 'answer') {
      state.fallbacks = 0;
      state.lastFaqId = decision.entry.id;
      state.pending = { type: 'goOn', asked: true };
      return [say.faqAnswer(decision.entry, decision.score, t.market, !t.market, undefined, false), goOnQuestion(envelope, t.market)];
    }
    // A question all the same ("can I buy capsules at the supermarket?" while resetting a password): not an answer
    // to the step. What retrieval has is said, then whether to go on; the step's ladder does not climb. A question
    // with no words of substance ("are you there?", "what?") is not one: the step is asked again.
    if (asksSomething(text) && (decision.type !== 'abstain' || decision.outOfScope || s.retriever.indexFor(t.lang).analyse(text).tokens.length >= 2)) {
      return digression(t, decision);
    }
  }
  return missed(t);
};

function digression(t: Turn, decision: ReturnType<Turn['s']['retriever']['decide']>): Reply[] {
  const { state } = t;
  const envelope = state.dialog!;
  const goOn = goOnQuestion(envelope, t.market);
  // Only the last message's buttons are shown: the said reply's own go on the "shall we go on?" question.
  const withGoOn = (said: Reply, keep: (value: string) => boolean): Reply[] => [
    { ...said, choices: undefined },
    { ...goOn, choices: [...(said.choices ?? []).filter((c) => keep(c.value)), ...(goOn.choices ?? [])] },
  ];
  switch (decision.type) {
    case 'clarify':
      state.pending = { type: 'clarify', options: decision.options.map((o) => ({ faqId: o.entry.id, label: o.entry.question })) };
      return withGoOn(say.clarify(decision.options, t.market), (v) => v.startsWith('faq:'));
    case 'otherMarketOnly':
      state.pending = { type: 'goOn', asked: true };
      return withGoOn(say.otherMarketOnly(decision.entry, t.market!), () => false);
    default:
      recordUnanswered(t, t.text);
      state.pending = { type: 'goOn', asked: true };
      return withGoOn(say.abstain(t.market, false, decision.type === 'abstain' && decision.outOfScope !== undefined), (v) => v === 'cmd:help');
  }
}

/** The message answers the step (or corrects an earlier one): the task goes on, and the ladder starts again. */
function advance(t: Turn): Promise<Reply[]> {
  const { s, state } = t;
  state.stepMisses = undefined;
  return runStep(t, s.dialogs!.continue(state.dialog!, t.text, dialogInput(t, {}), dialogDeps(t)), state.dialog!.machine);
}

/** An answer the step did not take: one more rung of the ladder, never the same re-prompt twice in a row. */
async function missed(t: Turn): Promise<Reply[]> {
  const { s, state } = t;
  const envelope = state.dialog!;
  // Keyed by task and step: another task's step of the same name starts its own ladder.
  const step = `${envelope.machine}.${s.dialogs!.currentStep(envelope)}`;
  const count = (state.stepMisses?.step === step ? state.stepMisses.count : 0) + 1;
  // After the offer of a person the ladder starts again, should the customer keep going.
  state.stepMisses = count >= 3 ? undefined : { step, count };
  const rung = count > 1 ? ladderReply(s.dialogs!, envelope, dialogInput(t, {}), count) : undefined;
  if (rung) {
    if (count >= 3) state.pending = { type: 'goOn', asked: false };
    return [rung];
  }
  return runStep(t, s.dialogs!.continue(envelope, t.text, dialogInput(t, {}), dialogDeps(t)), envelope.machine);
}

/** The sentences after the first, when they ask something with words of their own; undefined otherwise. */
function laterQuestion(text: string): string | undefined {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return undefined;
  const later = sentences.slice(1).join(' ');
  return asksSomething(later) && hasWordsOfItsOwn(later, { cjk: 5, words: 3 }) ? later : undefined;
}
