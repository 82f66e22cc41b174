/**
 * Giving up the task in progress in a sentence ("actually never mind, I'll just call them", "算了 我不修了", "forget it,
 * i just want to book a repair"): the task ends, and what else the message says is read on its own. A bare "cancel"
 * is a command (commands.ts); this is the same said in passing, which a free-text step (a name, an address) must never
 * take as its answer.
 */
import { hasWordsOfItsOwn, quitIn } from '../../language/understand/index.js';
import { msg } from '../../language/message.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';
import { routeText } from './text-stages.js';

export const quitTask: Stage = async (t) => {
  if (!t.state.dialog || t.button) return undefined;
  const quit = quitIn(t.text, t.lang);
  if (!quit) return undefined;
  t.state.dialog = undefined;
  t.state.pending = undefined;
  if (!hasWordsOfItsOwn(quit.rest, { cjk: 3, words: 2 })) return [say.system(msg('cancel.done'), t.market, say.MENU)];
  const rest = await routeText(t, quit.rest);
  return [say.system(msg('cancel.done'), t.market), ...rest];
};
