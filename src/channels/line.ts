/**
 * LINE Messaging API channel: signature check over the raw body, webhook events → TurnInput,
 * replies rendered for LINE (≤5 messages per call, ≤5000 characters, choices as quick replies) and
 * sent with the reply token while it is valid, else pushed. Uses the official @line/bot-sdk client
 * (11.0.0 — 11.1+ needs Node 22), pointed at LINE_API_BASE_URL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HTTPFetchError, messagingApi, validateSignature } from '@line/bot-sdk';
import { z } from 'zod';
import { sendTimeoutMs, type Config } from '../config.js';
import { AppError, errorCode } from '../lib/errors.js';
import type { Reply, TurnInput } from '../lib/types.js';
import { conversationKey } from '../conversation/conversation.js';
import { keys } from '../state/storage.js';
import { apologyFor } from './bot-framework.js';
import { DEFAULT_RETRY, LINE_CAPABILITIES, PlatformError, SerialQueues, parseRetryAfter, withRetry, type PlatformChannelDeps } from './capabilities.js';
import { postJson } from './http-post.js';
import type { OutboundChannel, SendResult } from './outbound.js';
import { ChoiceMemory, packMessages, renderReplies, truncate, type OutMessage } from './render-text.js';
import { EdgeClaims, claimTtlMs } from './edge-claims.js';
import { eventTypeLabel, hashId, redact } from '../lib/redact.js';

export const LINE_CHANNEL_ID = 'line';
/** Reply tokens are single-use and short-lived; past this age we push instead of trying. */
export const REPLY_TOKEN_MAX_AGE_MS = 50_000;
/** How long a delivered event is remembered at the edge. */
const EDGE_SEEN_TTL_MS = 7 * 24 * 3600_000;
/**
 * Events older than this (or dated more than EVENT_MAX_AHEAD_MS ahead) are refused: a captured,
 * signed body replayed later is not answered again, whether or not it carries a webhookEventId.
 */
export const EVENT_MAX_AGE_MS = 24 * 3600_000;
const EVENT_MAX_AHEAD_MS = 5 * 60_000;
const LINE_DISPLAY_TEXT_MAX = 300;

// ---------------------------------------------------------------------------------------------
// Webhook payload (parsed only after the signature has been checked)

export const LineWebhook = z.object({ destination: z.string().optional(), events: z.array(z.unknown()) });
export type LineWebhook = z.infer<typeof LineWebhook>;

export const LineEvent = z.object({
  type: z.string(),
  webhookEventId: z.string().min(1).optional(),
  timestamp: z.number(),
  mode: z.string().optional(),
  replyToken: z.string().optional(),
  source: z.object({
    type: z.enum(['user', 'group', 'room']),
    userId: z.string().min(1).optional(),
    groupId: z.string().min(1).optional(),
    roomId: z.string().min(1).optional(),
  }),
  message: z.object({ type: z.string(), id: z.string().optional(), text: z.string().optional() }).optional(),
  postback: z.object({ data: z.string(), params: z.record(z.string(), z.unknown()).optional() }).optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
});
export type LineEvent = z.infer<typeof LineEvent>;

/** What the OutboundChannel needs to push later: the user, group or room id. */
export interface LineConversationRef {
  to: string;
}

/** LINE event → TurnInput, or undefined for events the bot does not answer. */
export function lineEventToTurn(ev: LineEvent, now: number): TurnInput | undefined {
  if (ev.mode === 'standby') return undefined; // another channel module holds the chat
  const conversationId = ev.source.groupId ?? ev.source.roomId ?? ev.source.userId;
  if (!conversationId) return undefined;
  const base: TurnInput = {
    conversationId,
    activityId: ev.webhookEventId,
    channelId: LINE_CHANNEL_ID,
    userId: ev.source.userId ?? conversationId,
    type: 'other',
    channelMarket: 'TW',
    conversationRef: { to: conversationId } satisfies LineConversationRef,
    receivedAt: now,
  };
  switch (ev.type) {
    case 'message':
      // Stickers, images, locations: a message without text; the router asks for words.
      return { ...base, type: 'message', text: ev.message?.type === 'text' ? (ev.message.text ?? '') : '' };
    case 'postback':
      return { ...base, type: 'message', text: ev.postback?.data ?? '', value: ev.postback };
    case 'follow':
    case 'join':
      return { ...base, type: 'conversationUpdate', userJoined: true };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

type LineMessage = messagingApi.Message;

export function toLineMessage(m: OutMessage): LineMessage {
  if (m.type === 'text') return { type: 'text', text: m.text } as messagingApi.TextMessage;
  return {
    type: 'text',
    text: m.text,
    quickReply: {
      // A postback: the chat shows the full label as the customer's message, the bot gets the value.
      items: m.items.map((i) => ({
        type: 'action',
        action: { type: 'postback', label: i.title, data: i.payload, displayText: truncate(i.label, LINE_DISPLAY_TEXT_MAX) },
      })),
    },
  } as messagingApi.TextMessage;
}

/** Replies → API calls (each ≤5 messages), and the choices now on offer. */
export function renderForLine(replies: Reply[]) {
  const { messages, offered } = renderReplies(replies, LINE_CAPABILITIES);
  return { calls: packMessages(messages, LINE_CAPABILITIES).map((call) => call.map(toLineMessage)), offered };
}

function toPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof HTTPFetchError) {
    // LINE's own message ("Invalid reply token"), never the raw body: an error body may echo the request.
    let detail: string | undefined;
    try {
      const message = (JSON.parse(err.body) as { message?: unknown }).message;
      if (typeof message === 'string') detail = redact(message).slice(0, 100);
    } catch {
      detail = undefined;
    }
    return new PlatformError('line', err.status, detail, `LINE answered ${err.status}`, parseRetryAfter(err.headers?.get('retry-after')));
  }
  return new PlatformError('line', 0, undefined, `LINE not reachable (${(err as Error)?.name ?? 'error'})`);
}

interface SdkHttpClient {
  baseURL: string;
  defaultHeaders: Record<string, string>;
  checkResponseStatus(res: Response): Promise<void>;
  post(url: string, body: unknown, config?: { headers?: Record<string, string> }): Promise<Response>;
}

/**
 * @line/bot-sdk 11.0.0 calls fetch without a signal: a LINE API (or a fake) that never answers
 * would hold the turn and a socket for good. Its POSTs (reply, push) go through postJson, whose
 * deadline also closes the socket; status checks and errors are still the SDK's own code.
 */
function withRequestDeadline(client: messagingApi.MessagingApiClient, timeoutMs: number): void {
  const http = (client as unknown as { httpClient?: SdkHttpClient }).httpClient;
  if (!http || typeof http.checkResponseStatus !== 'function') throw new Error('@line/bot-sdk: unexpected client shape (pinned to 11.0.0)');
  http.post = async (url, body, config) => {
    const headers = { ...http.defaultHeaders, ...(config?.headers ?? {}) };
    const res = await postJson(new URL(url, http.baseURL), headers, JSON.stringify(body), timeoutMs);
    await http.checkResponseStatus(res);
    return res;
  };
}

const isInvalidReplyToken = (e: PlatformError) => e.status === 400 && /reply ?token/i.test(e.platformCode ?? '');

// ---------------------------------------------------------------------------------------------
// The channel

export type LineChannelDeps = PlatformChannelDeps;

export interface LineChannel {
  /** x-line-signature: base64 HMAC-SHA256 of the raw body with the channel secret (timing-safe). */
  verify(rawBody: Buffer, signature: string | undefined): boolean;
  /**
   * A verified webhook body: drop redeliveries and replays, schedule each event's turn in the
   * background. `rawBody` (the signed bytes) identifies events without a webhookEventId.
   * Throws AppError BAD_REQUEST when the body is not a LINE webhook. Returns the events scheduled.
   */
  accept(body: unknown, rawBody?: Buffer): Promise<number>;
  /** Wait for the turns in flight (shutdown, tests). */
  drain(): Promise<void>;
  /** Pushes agent messages to a stored { to } reference. */
  outbound: OutboundChannel;
}

export function lineConfigured(config: Config): boolean {
  return Boolean(config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN);
}

/** The LINE channel, or undefined when LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN are unset. */
export function createLineChannel(deps: LineChannelDeps): LineChannel | undefined {
  const { config, router, storage } = deps;
  if (!lineConfigured(config)) return undefined;
  const secret = config.LINE_CHANNEL_SECRET!;
  const logger = deps.logger.child({ channel: LINE_CHANNEL_ID });
  const now = deps.now ?? Date.now;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN!,
    baseURL: config.LINE_API_BASE_URL,
  });
  withRequestDeadline(client, sendTimeoutMs(config));
  const memory = new ChoiceMemory(storage);
  const queues = new SerialQueues();
  const claims = new EdgeClaims(storage, {
    claimTtlMs: claimTtlMs(config.LOCK_WAIT_MS, config.LOCK_TTL_MS, sendTimeoutMs(config), retry),
    doneTtlMs: EDGE_SEEN_TTL_MS,
  });

  const logRetry = (op: string) => (e: PlatformError, attempt: number, delayMs: number) =>
    logger.warn({ code: 'CHANNEL_SEND_FAILED', op, status: e.status, platformCode: e.platformCode, attempt, delayMs }, 'LINE send failed; retrying');

  const reply = (replyToken: string, messages: LineMessage[]) =>
    withRetry(async () => {
      await client.replyMessage({ replyToken, messages }).catch((err) => Promise.reject(toPlatformError(err)));
    }, retry, logRetry('reply'));

  const push = (to: string, messages: LineMessage[]) => {
    // One retry key for all attempts: LINE accepts the message once and answers 409 to a repeat.
    const retryKey = randomUUID();
    return withRetry(async (attempt) => {
      try {
        await client.pushMessage({ to, messages }, retryKey);
      } catch (err) {
        const e = toPlatformError(err);
        if (attempt > 1 && e.status === 409) return; // an earlier attempt got through
        throw e;
      }
    }, retry, logRetry('push'));
  };

  /** Send replies: the reply token for the first call while it is fresh, push for the rest. */
  async function deliver(to: string, convKey: string, replies: Reply[], replyToken?: string): Promise<void> {
    const { calls, offered } = renderForLine(replies);
    await memory.remember(convKey, offered);
    let token = replyToken;
    for (const messages of calls) {
      if (token) {
        const t = token;
        token = undefined;
        try {
          await reply(t, messages);
          continue;
        } catch (err) {
          const e = toPlatformError(err);
          if (!isInvalidReplyToken(e)) throw e;
          logger.info({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode }, 'reply token rejected; pushing instead');
        }
      }
      await push(to, messages);
    }
  }

  /**
   * One event's turn and delivery. Marked done only once its replies are delivered; replies kept
   * by an instance that died while delivering them are sent as they are.
   */
  async function runTurn(input: TurnInput, eventId: string, replyToken: string | undefined, eventTime: number): Promise<void> {
    const ref = input.conversationRef as LineConversationRef;
    const convKey = conversationKey(LINE_CHANNEL_ID, input.conversationId);
    const log = logger.child({ conversation: hashId(input.conversationId), activity: input.activityId });
    let replies: Reply[];
    let failed = false;
    try {
      const kept = await claims.pendingReplies(convKey, eventId);
      if (kept) replies = kept;
      else {
        if (input.type === 'message' && input.text) {
          const picked = await memory.resolve(convKey, input.text);
          if (picked) input = { ...input, text: picked };
        }
        replies = await router.handle(input);
        if (replies.length) await claims.keepReplies(convKey, eventId, replies);
      }
    } catch (err) {
      log.error({ err, code: errorCode(err) }, 'turn failed');
      failed = true;
      await claims.release(convKey, eventId).catch(() => undefined); // let a redelivery try again
      replies = [{ text: apologyFor(err), support: { kind: 'system' } }];
    }
    if (replies.length) {
      const fresh = replyToken && now() - eventTime < REPLY_TOKEN_MAX_AGE_MS ? replyToken : undefined;
      try {
        await deliver(ref.to, convKey, replies, fresh);
      } catch (err) {
        const e = toPlatformError(err);
        log.error({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode }, 'LINE rejected the replies');
      }
    }
    if (!failed) await claims.done(convKey, eventId).catch((err) => log.warn({ err, code: errorCode(err) }, 'LINE event not marked done'));
  }

  return {
    verify(rawBody, signature) {
      if (!signature) return false;
      try {
        return validateSignature(rawBody, secret, signature);
      } catch {
        return false;
      }
    },

    async accept(body, rawBody) {
      const parsed = LineWebhook.safeParse(body);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'Expected a LINE webhook body: { destination, events: [...] }.');
      const bodyDigest = rawBody ? createHash('sha256').update(rawBody).digest('base64url').slice(0, 32) : undefined;
      let scheduled = 0;
      for (const [index, raw] of parsed.data.events.entries()) {
        const ev = LineEvent.safeParse(raw);
        if (!ev.success) {
          logger.warn({ code: 'BAD_REQUEST', type: eventTypeLabel(raw) }, 'LINE event ignored: unexpected shape');
          continue;
        }
        const age = now() - ev.data.timestamp;
        if (age > EVENT_MAX_AGE_MS || age < -EVENT_MAX_AHEAD_MS) {
          logger.warn({ code: 'BAD_REQUEST', ageMs: age }, 'LINE event ignored: timestamp outside the accepted window');
          continue;
        }
        // Without a webhookEventId, the event is known by the signed bytes it came in and its place in them.
        const eventId = ev.data.webhookEventId ?? (bodyDigest ? `body:${bodyDigest}:${index}` : undefined);
        const input = lineEventToTurn(eventId === ev.data.webhookEventId ? ev.data : { ...ev.data, webhookEventId: eventId }, now());
        if (!input) continue;
        const convKey = conversationKey(LINE_CHANNEL_ID, input.conversationId);
        const key = eventId ?? randomUUID();
        const claim = await claims.claim(convKey, key);
        if (claim !== 'claimed') {
          logger.info({ activity: eventId, redelivery: ev.data.deliveryContext?.isRedelivery, state: claim }, claim === 'done' ? 'LINE event already handled' : 'LINE event being handled elsewhere');
          continue;
        }
        scheduled += 1;
        queues.run(convKey, () => runTurn(input, key, ev.data.replyToken, ev.data.timestamp));
      }
      return scheduled;
    },

    drain: () => queues.drain(),

    outbound: {
      channelIds: [LINE_CHANNEL_ID],
      async send(state, replies): Promise<SendResult> {
        const ref = state.conversationRef as Partial<LineConversationRef> | undefined;
        if (typeof ref?.to !== 'string') return { ok: false, reason: 'no-reference' };
        try {
          await deliver(ref.to, state.id, replies);
          return { ok: true };
        } catch (err) {
          const e = toPlatformError(err);
          logger.warn({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode, conversation: hashId(state.id) }, 'LINE push failed');
          return { ok: false, reason: 'rejected', detail: `LINE ${e.status}${e.platformCode ? `: ${e.platformCode}` : ''}` };
        }
      },
    },
  };
}
