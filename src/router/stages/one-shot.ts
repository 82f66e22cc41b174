/**
 * A message that carries a whole task's inputs gets the result at once (issue 16): the FR cancellation
 * penalty with its working, the KR/FR warranty decision, the KR repair price. The task that follows
 * (book a repair) is offered as a button. When an input is missing this passes, and the task starts with
 * what the message gives (task-request stage) or the FAQ answers.
 */
import { oneShotResult } from '../../../dialogs/one-shot.js';
import { dialogInput } from '../actions.js';
import { MENU } from '../replies.js';
import type { Stage } from '../turn-view.js';

export const oneShot: Stage = (t) => {
  if (!t.s.dialogs || !t.market || t.state.dialog) return undefined;
  const { slots: _none, ...input } = dialogInput(t, {});
  const result = oneShotResult(t.text, input);
  if (!result) return undefined;
  t.state.pending = undefined;
  t.state.fallbacks = 0;
  const followUp = MENU.filter((c) => c.value === `task:${result.followUp}` || c.value === 'cmd:agent');
  return [{ text: result.text, choices: followUp, support: { kind: 'result', task: result.task, market: t.market } }];
};
