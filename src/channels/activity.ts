/**
 * Bot Framework Activity ⇄ TurnInput / Reply. Used by /api/messages and by the self-hosted
 * Direct Line, so both speak the same activities.
 */
import { ActivityTypes, TurnContext, type Activity, type CardAction } from 'botbuilder';
import { z } from 'zod';
import type { Market, Reply, TurnInput } from '../lib/types.js';

const httpUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');
const Account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).optional() });

/** What an inbound Bot Framework activity must carry before the adapter sees it (400 otherwise). */
export const InboundActivity = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(128),
  serviceUrl: httpUrl.optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: Account,
  recipient: Account.optional(),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(64).optional(),
  deliveryMode: z.string().max(32).optional(),
  membersAdded: z.array(Account).max(100).optional(),
  name: z.string().max(256).optional(),
});
export type InboundActivity = z.infer<typeof InboundActivity>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const isAccount = (v: unknown) => isObject(v) && str(v.id, 1, 512) && optStr(v.name, 512);
/** serviceUrls seen valid lately: a channel sends the same few on every activity. */
const validUrls = new Set<string>();
function isHttpUrl(v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'string' || v.length > 2048) return false;
  if (validUrls.has(v)) return true;
  try {
    const p = new URL(v).protocol;
    if (p !== 'http:' && p !== 'https:') return false;
  } catch {
    return false;
  }
  if (validUrls.size >= 64) validUrls.clear();
  validUrls.add(v);
  return true;
}

/**
 * True only for a body InboundActivity accepts, checked without zod (which costs more than the rest of
 * the request's handling before the turn); false means "ask InboundActivity", which gives the verdict
 * and the error message. The same rules, field by field.
 */
export function isInboundActivity(body: unknown): body is InboundActivity {
  if (!isObject(body)) return false;
  const b = body;
  return (
    str(b.type, 1, 64) &&
    optStr(b.id, 512) &&
    str(b.channelId, 1, 128) &&
    isHttpUrl(b.serviceUrl) &&
    isObject(b.conversation) &&
    str(b.conversation.id, 1, 512) &&
    isAccount(b.from) &&
    (b.recipient === undefined || isAccount(b.recipient)) &&
    optStr(b.text, 100_000) &&
    optStr(b.locale, 64) &&
    optStr(b.deliveryMode, 32) &&
    (b.membersAdded === undefined || (Array.isArray(b.membersAdded) && b.membersAdded.length <= 100 && b.membersAdded.every(isAccount))) &&
    optStr(b.name, 256)
  );
}

/**
 * Channels this service hosts itself (its own Direct Line for web chat, LINE, WhatsApp). Their
 * identity comes from their own edge (a Direct Line token, a platform signature), never from
 * /api/messages: state is keyed `channelId:conversationId`, both chosen by the caller there, and a
 * WhatsApp conversation id is the customer's phone number.
 */
export const HOSTED_CHANNEL_IDS = ['directline', 'line', 'whatsapp'] as const;

/**
 * True when /api/messages must refuse this channelId, authenticated or not: one of the hosted
 * channels in any spelling, or an id that could splice into another conversation's key (`:`, `{`, `}`).
 */
export function isReservedChannelId(channelId: string): boolean {
  const normalised = channelId.normalize('NFKC').trim().toLowerCase();
  return /[:{}\s]/.test(channelId) || (HOSTED_CHANNEL_IDS as readonly string[]).includes(normalised);
}

/**
 * Replies go to serviceUrl unless the caller asked for them in the response (expectReplies).
 * Without one, botbuilder would fall back to its public default host and wait on the network.
 */
export function missingServiceUrl(a: InboundActivity): boolean {
  return !a.serviceUrl && a.deliveryMode !== 'expectReplies';
}

function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const k of ['text', 'value', 'choice']) if (typeof v[k] === 'string') return v[k] as string;
  }
  return undefined;
}

export function activityToTurn(activity: Partial<Activity>, channelMarket?: Market): TurnInput {
  const conversationId = activity.conversation?.id ?? 'unknown';
  const base: TurnInput = {
    conversationId,
    activityId: activity.id,
    channelId: activity.channelId ?? 'unknown',
    userId: activity.from?.id ?? 'anonymous',
    userName: activity.from?.name,
    locale: activity.locale,
    type: 'other',
    channelMarket,
    receivedAt: Date.now(),
  };
  if (activity.serviceUrl && activity.conversation) {
    base.conversationRef = TurnContext.getConversationReference(activity);
  }
  switch (activity.type) {
    case ActivityTypes.Message: {
      const text = typeof activity.text === 'string' && activity.text.trim() ? activity.text : valueText(activity.value);
      return { ...base, type: 'message', text: text ?? '', value: activity.value };
    }
    case ActivityTypes.ConversationUpdate: {
      const botId = activity.recipient?.id;
      const userJoined = (activity.membersAdded ?? []).some((m) => m.id !== botId);
      return { ...base, type: 'conversationUpdate', userJoined };
    }
    case ActivityTypes.Event:
      return { ...base, type: 'event', eventName: activity.name, value: activity.value };
    default:
      return base;
  }
}

export function replyToActivity(reply: Reply, recipientId?: string): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: reply.text,
    textFormat: 'plain',
    inputHint: reply.choices?.length ? 'expectingInput' : 'acceptingInput',
    channelData: { support: reply.support },
  };
  if (reply.choices?.length) {
    const actions: CardAction[] = reply.choices.map((c) => ({ type: 'imBack', title: c.label, value: c.value }));
    activity.suggestedActions = { actions, to: recipientId ? [recipientId] : [] };
  }
  if (reply.attachments?.length) activity.attachments = reply.attachments as Activity['attachments'];
  return activity;
}
