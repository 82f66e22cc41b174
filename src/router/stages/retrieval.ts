/**
 * The last stage: an FAQ answer in the conversation's language, a "did you mean", or an honest "I'm not sure".
 * A message about a task's subject (a question the task-request stage left, or a weak trigger) gets that
 * task as a button beside the answer.
 */
import { answerDecision } from '../actions.js';
import type { Stage } from '../turn-view.js';

export const retrieval: Stage = (t) => answerDecision(t, t.s.retriever.decide(t.text, t.market, t.lang), t.text, t.s.dialogs?.detect(t.text)?.dialog);
