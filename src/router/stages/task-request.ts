/**
 * A request to do a task ("book a repair", "我忘記密碼了") starts it; without a market, the country is asked first.
 * A question about the task's subject ("how long is the link valid?") passes to retrieval, which answers it and
 * offers the task.
 */
import { asksToBookIt } from '../../../dialogs/one-shot.js';
import { startDialog } from '../actions.js';
import * as say from '../replies.js';
import type { Stage, Turn } from '../turn-view.js';
import type { DialogId } from '../../../dialogs/types.js';

/** A task trigger must be at least this sure before it beats an FAQ answer. */
const DIALOG_TRIGGER_CONFIDENCE = 0.6;

/** The task the message asks to do, if it asks to do one. */
export function taskTrigger(t: Turn): { dialog: DialogId; slots: Record<string, string | number | boolean> } | undefined {
  // "Book it" right after a result that offers a repair booking (a machine's; the penalty's figures offer none) (what the result was told is kept: startDialog).
  const followUp = typeof t.state.resultSlots?.model === 'string' && t.s.dialogs && asksToBookIt(t.text) ? { dialog: 'repairBooking' as const, slots: {} } : undefined;
  const detected = t.s.dialogs?.detect(t.text);
  return detected && detected.confidence >= DIALOG_TRIGGER_CONFIDENCE && detected.reading !== 'question' ? detected : followUp;
}

export const taskRequest: Stage = (t) => {
  const trigger = taskTrigger(t);
  if (!trigger) return undefined;
  if (!t.market) {
    t.state.pending = { type: 'askMarket', text: t.text };
    return [say.askMarket('dialog')];
  }
  return startDialog(t, trigger.dialog, trigger.slots);
};
