/** A conversation queued for or held by an agent: the hand-off relays the message; the bot says nothing of its own while an agent holds it. */
import type { Stage } from '../turn-view.js';

export const handoffRelay: Stage = async (t) => {
  if (!t.s.handoff) return undefined;
  return (await t.s.handoff.onCustomerMessage({ state: t.state, input: t.input, text: t.text })) ?? undefined;
};
