/** Activities that are not customer messages: a customer joining is welcomed; a hand-off hub's event goes to the hand-off; the rest is silent. */
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const lifecycle: Stage = async (t) => {
  if (t.input.type === 'conversationUpdate') return t.input.userJoined ? [say.welcome(t.market)] : [];
  // Channel events during a hand-off (Bot Framework `handoff.status` from the channel's own hub).
  if (t.input.type === 'event' && t.s.handoff) return (await t.s.handoff.onCustomerMessage({ state: t.state, input: t.input, text: t.text }))?.replies ?? [];
  if (t.input.type !== 'message') return [];
  return undefined;
};
