/**
 * The last stage: an FAQ answer in the conversation's language, a "did you mean", or an honest "I'm not sure".
 * A message about a task's subject (a question the task-request stage left, or a weak trigger) gets that
 * task as a button beside the answer. A message that asks two or more questions gets an answer to each of them
 * that retrieval answers on its own.
 */
import { answerDecision, answerEach } from '../actions.js';
import type { Stage } from '../turn-view.js';

export const retrieval: Stage = (t) => {
  const offer = t.s.dialogs?.detect(t.text)?.dialog;
  // Two questions in one message ("How long is the link valid? And what if I forgot my e-mail?"): both answered.
  const each = t.s.retriever.decideEach(t.text, t.market, t.lang);
  if (each) return answerEach(t, each, offer);
  return answerDecision(t, t.s.retriever.decide(t.text, t.market, t.lang), t.text, offer);
};
