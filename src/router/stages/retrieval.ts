/** The last stage: an FAQ answer in the conversation's language, a "did you mean", or an honest "I'm not sure". */
import { answerDecision } from '../actions.js';
import type { Stage } from '../turn-view.js';

export const retrieval: Stage = (t) => answerDecision(t, t.s.retriever.decide(t.text, t.market, t.lang), t.text);
