/** An explicit choice of language (the menu, "in English please", "한국어로"): confirm it in that language, then the task's pending question again. */
import { continueOrRepeat } from '../actions.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const languageChoice: Stage = (t) => (t.langChosen ? [say.langSet(t.market), ...continueOrRepeat(t)] : undefined);
