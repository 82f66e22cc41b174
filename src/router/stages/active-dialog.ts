/**
 * The active task gets the message, unless it is a confident FAQ question that does not answer the
 * pending step (a digression): answer it, then ask the step again.
 */
import { yesNo } from '../../language/understand/index.js';
import { dialogDeps, dialogInput, dialogReply, runStep } from '../actions.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

/** "yes", "18", "2025-06-10", "€279": a try at answering the pending step (to re-prompt), never a question to digress to. */
function isBareAnswer(text: string): boolean {
  return yesNo(text) !== undefined || !/\p{L}{2,}/u.test(text);
}

export const activeDialog: Stage = async (t) => {
  const { s, state, text } = t;
  if (!state.dialog || !s.dialogs) return undefined;
  if (!s.dialogs.accepts(state.dialog, text) && !isBareAnswer(text)) {
    const decision = s.retriever.decide(text, t.market, t.lang);
    if (decision.type === 'answer') {
      state.fallbacks = 0;
      state.lastFaqId = decision.entry.id;
      const prompt = s.dialogs.repeatPrompt(state.dialog, dialogInput(t, {}));
      return [say.faqAnswer(decision.entry, decision.score, t.market, !t.market, undefined, false), dialogReply(t, state.dialog.machine, prompt)];
    }
  }
  return runStep(t, s.dialogs.continue(state.dialog, text, dialogInput(t, {}), dialogDeps(t)), state.dialog.machine);
};
