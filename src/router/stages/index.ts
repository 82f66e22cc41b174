/**
 * The turn as an ordered list of stages (DESIGN.md §1 step 3). Each looks at the turn and either
 * replies (and changes the draft state, and lists effects) or passes to the next. The router saves
 * the state with compare-and-set, then performs the effects, then delivers.
 */
import type { Stage } from '../turn-view.js';
import { bookingStatus } from './booking-status.js';
import { buttons } from './buttons.js';
import { commands } from './commands.js';
import { countryStatement } from './country-statement.js';
import { emptyText } from './empty-text.js';
import { forgetMe } from './forget-me.js';
import { handoffRelay } from './handoff-relay.js';
import { languageChoice } from './language-choice.js';
import { lifecycle } from './lifecycle.js';
import { pendingAnswer } from './pending-answer.js';
import { quitTask } from './quit-task.js';
import { TEXT_STAGES } from './text-stages.js';

export { runStages } from './text-stages.js';

export const STAGES: readonly Stage[] = [
  lifecycle,
  forgetMe,
  handoffRelay,
  emptyText,
  languageChoice,
  commands,
  buttons,
  quitTask,
  pendingAnswer,
  countryStatement,
  bookingStatus,
  ...TEXT_STAGES,
];
