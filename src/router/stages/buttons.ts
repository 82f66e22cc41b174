/** Buttons other than commands: "something else", an FAQ entry picked from a list, a task from the menu. */
import { msg } from '../../language/message.js';
import { answerDecision, startDialog } from '../actions.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const buttons: Stage = (t) => {
  const b = t.button;
  if (b?.type === 'cmd' && b.command === 'somethingElse') {
    t.state.pending = undefined;
    return [say.system(msg('somethingElse'), t.market)];
  }
  if (b?.type === 'faq') {
    const entry = t.s.knowledge.byId.get(b.id);
    t.state.pending = undefined;
    if (entry) return answerDecision(t, t.s.retriever.resolveEntry(entry, 1, t.market, []), t.text);
  }
  if (b?.type === 'task' && t.s.dialogs) {
    if (!t.market) {
      t.state.pending = { type: 'askMarket', text: t.text };
      return [say.askMarket('dialog')];
    }
    return startDialog(t, b.dialog, {});
  }
  return undefined;
};
