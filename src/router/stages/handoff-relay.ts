/**
 * A conversation queued for or held by an agent. While an agent holds it, the hand-off relays the
 * message and the bot says nothing of its own. While the customer waits (also out of hours), the bot
 * goes on answering; what it cannot answer is acknowledged for the person who will join, so no message
 * goes unanswered.
 */
import type { Stage } from '../turn-view.js';

export const handoffRelay: Stage = async (t) => {
  if (!t.s.handoff) return undefined;
  const relay = await t.s.handoff.onCustomerMessage({ state: t.state, input: t.input, text: t.text });
  if (!relay) return undefined;
  if (relay.handedBack) {
    t.state.pending = { type: 'goOn', asked: true };
    return undefined;
  }
  if (relay.final) return relay.replies;
  t.waiting = { before: relay.replies };
  return undefined;
};
