/**
 * The last stage: an FAQ answer in the conversation's language, a "did you mean", or an honest "I'm not sure".
 * A message about a task's subject (a question the task-request stage left, or a weak trigger) gets that
 * task as a button beside the answer. A message that asks two or more questions gets an answer to each of them
 * that retrieval answers on its own.
 */
import { answerDecision, answerEach } from '../actions.js';
import type { Stage } from '../turn-view.js';
import { hasWordsOfItsOwn, squash } from '../../language/understand/index.js';
import { withoutLivingInCity } from '../../language/understand/places.js';

export const retrieval: Stage = (t) => {
  // "I'm in Lyon, what's your phone number?": the city said where the customer is (the market), not what they ask.
  // (English, French and Portuguese: Chinese and Korean read a city as characters they share with other words.)
  const asked = t.said && (t.lang === 'en' || t.lang === 'fr' || t.lang === 'pt') ? withoutLivingInCity(squash(t.text), [t.lang]) : undefined;
  if (asked && hasWordsOfItsOwn(asked, { cjk: 4, words: 3 })) t = { ...t, text: asked };
  const offer = t.s.dialogs?.detect(t.text)?.dialog;
  // Two questions in one message ("How long is the link valid? And what if I forgot my e-mail?"): both answered.
  const each = t.s.retriever.decideEach(t.text, t.market, t.lang);
  if (each) return answerEach(t, each, offer);
  return answerDecision(t, t.s.retriever.decide(t.text, t.market, t.lang), t.text, offer);
};
