/**
 * A message that carries a whole task's inputs gets the result at once (issue 16): the FR cancellation
 * penalty with its working, the KR/FR warranty decision, the KR repair price. The task that follows
 * (book a repair) is offered as a button; what the message said is kept (resultSlots) for that task, or for a
 * correction of the penalty's figures (result-correction stage). When an input is missing this passes, and the task starts with
 * what the message gives (task-request stage) or the FAQ answers.
 */
import { oneShotResult } from '../../../dialogs/one-shot.js';
import { dialogInput } from '../actions.js';
import { MENU } from '../replies.js';
import type { Market, ResultTask, SupportMeta } from '../../lib/types.js';
import type { Stage } from '../turn-view.js';

export const oneShot: Stage = (t) => {
  if (!t.s.dialogs || !t.market || t.state.dialog) return undefined;
  const { slots: _none, ...input } = dialogInput(t, {});
  const result = oneShotResult(t.text, input);
  if (!result) return undefined;
  t.state.pending = undefined;
  t.state.fallbacks = 0;
  t.state.resultSlots = result.slots && { ...result.slots, market: t.market };
  const followUp = MENU.filter((c) => c.value === `task:${result.followUp}` || c.value === 'cmd:agent');
  return [{ text: result.text, choices: followUp, support: resultSupport(result.task, t.market) }];
};

/**
 * A result keeps DESIGN.md §3's closed set of kinds: it is the task's own result given in one turn, so kind 'dialog'
 * with the dialog that owns it (the penalty task at its final step, the repair booking's warranty or price
 * check), and `task` saying which result it is.
 */
export function resultSupport(task: ResultTask, market: Market): SupportMeta {
  return task === 'cancellationPenalty'
    ? { kind: 'dialog', dialog: 'cancellationPenalty', step: 'done', task, market }
    : { kind: 'dialog', dialog: 'repairBooking', step: 'result', task, market };
}
