/** Shapes parsed at the edges of the hand-off: agent API bodies and the channel hub's status event. */
import { z } from 'zod';

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const AcceptBody = z.object({ agent: trimmed(60).optional() }).default({});
export type AcceptBody = z.infer<typeof AcceptBody>;

export const AgentMessageBody = z.object({ text: trimmed(4000), agent: trimmed(60).optional() });
export type AgentMessageBody = z.infer<typeof AgentMessageBody>;

export const TypingBody = z.object({ agent: trimmed(60).optional() }).default({});
export type TypingBody = z.infer<typeof TypingBody>;

export const EndBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
export type EndBody = z.infer<typeof EndBody>;

/** Bot Framework `handoff.status` event value: `{ state: 'accepted' | 'completed' | 'failed', message? }`. */
export const HubStatus = z.object({
  state: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['accepted', 'completed', 'failed'])),
  message: z.string().optional(),
});
export type HubStatus = z.infer<typeof HubStatus>;
