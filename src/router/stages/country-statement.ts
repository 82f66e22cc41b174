/**
 * A message that only names a country ("Korea", "한국", a `market:` button): the market is set (the
 * turn did it) and confirmed, then the task's pending question again. "Korea" may also answer the
 * task's own question (bought from Nespresso Korea or overseas?): with the country unchanged, the task takes it.
 */
import { continueOrRepeat } from '../actions.js';
import { isCountryOnly } from '../market.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const countryStatement: Stage = (t) => {
  if (!t.said || !(isCountryOnly(t.text) || t.button?.type === 'market')) return undefined;
  if (t.said === t.marketBefore && t.answersStep) return undefined;
  return [say.marketSet(t.said), ...continueOrRepeat(t)];
};
