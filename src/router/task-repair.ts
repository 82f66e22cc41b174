/**
 * Conversation repair around the active task (issue 16, after Rasa CALM's patterns): the re-prompt ladder
 * (the step's own re-prompt → its choices as buttons or a simpler question → a person offered), "I don't
 * know" (what the step asks and where to find it, and a way forward), and the question whether to go on
 * with the task (after a question answered mid-task, or an agent handing the conversation back).
 * Replies are data; the stages decide when to use them.
 */
import { simplerQuestion, stepHelp } from '../../dialogs/step-repair.js';
import { msg } from '../language/message.js';
import type { ChoiceData } from '../language/render.js';
import type { Market } from '../lib/types.js';
import type { DialogEnvelope, DialogEngine, DialogId, DialogInput } from '../conversation/dialog-port.js';
import type { Reply } from './turn-view.js';

/** The value of the "Continue" / "Keep going" buttons: the task's pending question again. */
export const CONTINUE = 'continue';

const PERSON: ChoiceData = { label: msg('label.person'), value: 'cmd:agent' };
const STOP: ChoiceData = { label: msg('repair.label.stop'), value: 'cmd:cancel' };

function dialogReply(dialog: DialogId, step: string, market: Market | undefined, text: Reply['text'], choices?: ChoiceData[]): Reply {
  return { text, choices, support: { kind: 'dialog', market, dialog, step } };
}

/** "Shall we go on with your repair booking?" (Continue / Stop the task). */
export function goOnQuestion(envelope: DialogEnvelope, market: Market | undefined, afterHandoff = false): Reply {
  const task = msg(`repair.task.${envelope.machine}`);
  const text = msg(afterHandoff ? 'repair.backGoOn' : 'repair.goOn', { task });
  return { text, choices: [{ label: msg('repair.label.continue'), value: CONTINUE }, STOP], support: { kind: 'dialog', market, dialog: envelope.machine, step: 'goOn' } };
}

/**
 * The ladder's reply for the `misses`-th answer in a row the step did not take, from the second on (the
 * first is the step's own re-prompt, which says what is expected and gives an example).
 */
export function ladderReply(dialogs: DialogEngine, envelope: DialogEnvelope, input: DialogInput, misses: number): Reply | undefined {
  const p = dialogs.pendingStep(envelope, input);
  if (!p) return undefined;
  if (misses >= 3) return dialogReply(p.dialog, p.step, input.market, msg('repair.offerPerson'), [PERSON, { label: msg('repair.label.keepGoing'), value: CONTINUE }, STOP]);
  if (p.prompt.choices?.length) return dialogReply(p.dialog, p.step, input.market, msg('repair.pick'), p.prompt.choices);
  return dialogReply(p.dialog, p.step, input.market, simplerQuestion(p.dialog, p.step, input.market));
}

/** "I don't know" at a step that has no answer for it: what it asks and where to find it, then a way forward. */
export function explainStep(dialogs: DialogEngine, envelope: DialogEnvelope, input: DialogInput): Reply | undefined {
  const p = dialogs.pendingStep(envelope, input);
  if (!p) return undefined;
  const own = (p.prompt.choices ?? []).filter((c) => c.value !== PERSON.value && c.value !== 'person');
  return dialogReply(p.dialog, p.step, input.market, [stepHelp(p.dialog, p.step), msg('repair.wayForward')], [...own, PERSON, STOP]);
}

/** The buttons' values of "Is it the same Prodigio?". */
export const SAME_MACHINE = 'same-machine';
export const OTHER_MACHINE = 'other-machine';

/**
 * A new repair booking whose message names no machine, from a customer who told us one before (an earlier
 * booking, the no-water steps): "Is it the same Prodigio?" rather than reusing it silently or forgetting it;
 * after a one-shot result in this conversation, whether it is the machine of that result.
 */
export function sameMachineQuestion(model: string, market: Market | undefined, since: 'booking' | 'result' = 'booking'): Reply {
  return {
    text: msg(since === 'result' ? 'repair.sameResultMachine' : 'repair.sameMachine', { model }),
    choices: [
      { label: msg('repair.label.sameMachine'), value: SAME_MACHINE },
      { label: msg('repair.label.otherMachine'), value: OTHER_MACHINE },
    ],
    support: { kind: 'dialog', market, dialog: 'repairBooking', step: 'askingSameMachine' },
  };
}
