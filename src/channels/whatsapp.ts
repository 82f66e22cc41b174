/**
 * WhatsApp Cloud API channel: the GET verification handshake, X-Hub-Signature-256 over the raw body,
 * messages (text, button_reply, list_reply) → TurnInput, status callbacks acknowledged, replies sent
 * with global fetch to {WHATSAPP_API_BASE_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages as text (≤4096),
 * reply buttons (≤3), a list (≤10 rows) or numbered text. Nothing is sent outside the 24-hour
 * customer-service window: the last inbound time per customer is kept in Storage.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { sendTimeoutMs, type Config } from '../config.js';
import { AppError, errorCode } from '../lib/errors.js';
import type { Market, Reply, TurnInput } from '../lib/types.js';
import { conversationKey } from '../conversation/conversation.js';
import { keys, type Storage } from '../state/storage.js';
import { apologyFor } from './bot-framework.js';
import { DEFAULT_RETRY, PlatformError, SerialQueues, WHATSAPP_CAPABILITIES, parseRetryAfter, withRetry, type PlatformChannelDeps } from './capabilities.js';
import { postJson } from './http-post.js';
import type { OutboundChannel, SendResult } from './outbound.js';
import { ChoiceMemory, renderReplies, type OutMessage } from './render-text.js';
import { EdgeClaims, claimTtlMs } from './edge-claims.js';
import { eventTypeLabel, hashId } from '../lib/redact.js';

export const WHATSAPP_CHANNEL_ID = 'whatsapp';
export const SERVICE_WINDOW_MS = 24 * 3600_000;
const EDGE_SEEN_TTL_MS = 7 * 24 * 3600_000;
/** Graph API error codes that mean "later", whatever the HTTP status (throughput, pair rate limit). */
const THROTTLED_CODES = new Set(['4', '80007', '130429', '131056']);
/** "Re-engagement message": more than 24 hours since the customer last wrote. */
const WINDOW_CLOSED_CODE = '131047';

export const whatsappKeys = {
  /** Last inbound message time (ms) for a customer, in the conversation's hash slot. */
  lastInbound: (waId: string) => `${keys.prefix}wa:last-inbound:{${conversationKey(WHATSAPP_CHANNEL_ID, waId)}}`,
};

/** wa_id (digits, no plus) → market by country calling code. */
const CALLING_CODES: Array<[string, Market]> = [
  ['886', 'TW'],
  ['351', 'PT'],
  ['33', 'FR'],
  ['82', 'KR'],
];

export function marketFromWaId(waId: string): Market | undefined {
  const digits = waId.replace(/^\+/, '');
  return CALLING_CODES.find(([code]) => digits.startsWith(code))?.[1];
}

/** Phone numbers never reach the logs whole. */
export const maskWaId = (waId: string) => (waId.length > 5 ? `${waId.slice(0, 3)}…${waId.slice(-2)}` : '…');

// ---------------------------------------------------------------------------------------------
// Webhook payload (parsed only after the signature has been checked)

export const WaWebhook = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string().optional(), changes: z.array(z.object({ field: z.string(), value: z.unknown() })) })),
});

const WaValue = z.object({
  metadata: z.object({ phone_number_id: z.string() }).partial().optional(),
  contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const WaTap = z.object({ id: z.string(), title: z.string().optional() });
export const WaMessage = z.object({
  from: z.string().regex(/^\d{4,20}$/),
  id: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z.object({ type: z.string(), button_reply: WaTap.optional(), list_reply: WaTap.optional() }).optional(),
  button: z.object({ payload: z.string().optional(), text: z.string().optional() }).optional(),
});
export type WaMessage = z.infer<typeof WaMessage>;

const WaStatus = z.object({
  status: z.string(),
  errors: z.array(z.object({ code: z.union([z.number(), z.string()]).optional() })).optional(),
});

export interface WhatsAppConversationRef {
  to: string;
}

/** A WhatsApp message → TurnInput (button and list taps carry the choice's value as their id). */
export function waMessageToTurn(m: WaMessage, now: number, userName?: string): TurnInput {
  let text = '';
  let value: unknown;
  if (m.type === 'text') text = m.text?.body ?? '';
  else if (m.type === 'interactive') {
    const tap = m.interactive?.button_reply ?? m.interactive?.list_reply;
    text = tap?.id ?? '';
    value = tap;
  } else if (m.type === 'button') text = m.button?.payload ?? m.button?.text ?? '';
  return {
    conversationId: m.from,
    activityId: m.id,
    channelId: WHATSAPP_CHANNEL_ID,
    userId: m.from,
    userName,
    type: 'message',
    text,
    value,
    channelMarket: marketFromWaId(m.from),
    conversationRef: { to: m.from } satisfies WhatsAppConversationRef,
    receivedAt: now,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function toWhatsAppPayload(to: string, m: OutMessage, listButton = WHATSAPP_CAPABILITIES.listButtonLabel ?? 'Choose'): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (m.type === 'text') return { ...base, type: 'text', text: { preview_url: false, body: m.text } };
  if (m.kind === 'list') {
    const rows = m.items.map((i) => ({ id: i.payload, title: i.title, ...(i.description ? { description: i.description } : {}) }));
    return { ...base, type: 'interactive', interactive: { type: 'list', body: { text: m.text }, action: { button: listButton, sections: [{ rows }] } } };
  }
  const buttons = m.items.map((i) => ({ type: 'reply', reply: { id: i.payload, title: i.title } }));
  return { ...base, type: 'interactive', interactive: { type: 'button', body: { text: m.text }, action: { buttons } } };
}

export function renderForWhatsApp(to: string, replies: Reply[]) {
  const { messages, offered } = renderReplies(replies, WHATSAPP_CAPABILITIES);
  return { payloads: messages.map((m) => toWhatsAppPayload(to, m)), offered };
}

async function toPlatformError(res: Response): Promise<PlatformError> {
  const body = await res.text().catch(() => '');
  let code: string | undefined;
  // Only the numeric code is kept: the error's message may echo the request (a phone number, text).
  try {
    const err = (JSON.parse(body) as { error?: { code?: number | string } }).error;
    if (err?.code !== undefined && /^\d{1,9}$/.test(String(err.code))) code = String(err.code);
  } catch {
    /* not JSON */
  }
  const message = `WhatsApp answered ${res.status}${code ? ` (code ${code})` : ''}`;
  return new PlatformError('whatsapp', res.status, code, message, parseRetryAfter(res.headers.get('retry-after')), code !== undefined && THROTTLED_CODES.has(code));
}

// ---------------------------------------------------------------------------------------------
// The channel

export type WhatsAppChannelDeps = PlatformChannelDeps;

export interface WhatsAppChannel {
  /** GET handshake: the challenge to echo, or undefined (→ 403). */
  verifySubscription(query: URLSearchParams): string | undefined;
  /** X-Hub-Signature-256: sha256=<hex HMAC of the raw body with the app secret> (timing-safe). */
  verify(rawBody: Buffer, signature: string | undefined): boolean;
  /** A verified body: record the service window, drop retries, schedule turns. BAD_REQUEST when malformed. */
  accept(body: unknown): Promise<number>;
  drain(): Promise<void>;
  /** True while the customer wrote within the last 24 hours. */
  windowOpen(waId: string): Promise<boolean>;
  outbound: OutboundChannel;
}

export function whatsappConfigured(config: Config): boolean {
  return Boolean(config.WHATSAPP_VERIFY_TOKEN && config.WHATSAPP_APP_SECRET && config.WHATSAPP_ACCESS_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID);
}

class WindowClosed extends Error {}

/** The WhatsApp channel, or undefined when any WHATSAPP_* credential is unset. */
export function createWhatsAppChannel(deps: WhatsAppChannelDeps): WhatsAppChannel | undefined {
  const { config, router, storage } = deps;
  if (!whatsappConfigured(config)) return undefined;
  const logger = deps.logger.child({ channel: WHATSAPP_CHANNEL_ID });
  const now = deps.now ?? Date.now;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const phoneNumberId = config.WHATSAPP_PHONE_NUMBER_ID!;
  const endpoint = `${config.WHATSAPP_API_BASE_URL.replace(/\/+$/, '')}/${encodeURIComponent(phoneNumberId)}/messages`;
  const memory = new ChoiceMemory(storage);
  const queues = new SerialQueues();
  const claims = new EdgeClaims(storage, {
    claimTtlMs: claimTtlMs(config.LOCK_WAIT_MS, config.LOCK_TTL_MS, sendTimeoutMs(config), retry),
    doneTtlMs: EDGE_SEEN_TTL_MS,
  });

  async function post(payload: Record<string, unknown>): Promise<void> {
    await withRetry(
      async () => {
        let res: Response;
        try {
          res = await postJson(endpoint, { authorization: `Bearer ${config.WHATSAPP_ACCESS_TOKEN}` }, JSON.stringify(payload), sendTimeoutMs(config));
        } catch (err) {
          throw new PlatformError('whatsapp', 0, undefined, `WhatsApp not reachable (${(err as Error).name})`);
        }
        if (!res.ok) throw await toPlatformError(res);
        await res.body?.cancel().catch(() => undefined);
      },
      retry,
      (e, attempt, delayMs) =>
        logger.warn({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode, attempt, delayMs }, 'WhatsApp send failed; retrying'),
    );
  }

  async function windowOpen(waId: string): Promise<boolean> {
    const last = (await storage.get<number>(whatsappKeys.lastInbound(waId)))?.value;
    return typeof last === 'number' && now() - last < SERVICE_WINDOW_MS;
  }

  async function recordInbound(m: WaMessage): Promise<void> {
    const sent = m.timestamp && /^\d+$/.test(m.timestamp) ? Number(m.timestamp) * 1000 : now();
    const at = Math.min(sent, now());
    const key = whatsappKeys.lastInbound(m.from);
    const before = (await storage.get<number>(key))?.value;
    if (typeof before !== 'number' || at > before) await storage.set(key, at, SERVICE_WINDOW_MS + 3600_000);
  }

  /** One API call per message, in order. Throws WindowClosed without calling the API outside the window. */
  async function deliver(to: string, replies: Reply[]): Promise<void> {
    if (!(await windowOpen(to))) throw new WindowClosed();
    const { payloads, offered } = renderForWhatsApp(to, replies);
    await memory.remember(conversationKey(WHATSAPP_CHANNEL_ID, to), offered);
    for (const p of payloads) await post(p);
  }

  /**
   * One message's turn and delivery. Marked done only once its replies are delivered; replies kept
   * by an instance that died while delivering them are sent as they are.
   */
  async function runTurn(input: TurnInput, eventId: string, isText: boolean): Promise<void> {
    const convKey = conversationKey(WHATSAPP_CHANNEL_ID, input.conversationId);
    const log = logger.child({ conversation: hashId(convKey), activity: input.activityId });
    let replies: Reply[];
    let failed = false;
    try {
      const kept = await claims.pendingReplies(convKey, eventId);
      if (kept) replies = kept;
      else {
        if (isText && input.text) {
          const picked = await memory.resolve(convKey, input.text);
          if (picked) input = { ...input, text: picked };
        }
        replies = await router.handle(input);
        if (replies.length) await claims.keepReplies(convKey, eventId, replies);
      }
    } catch (err) {
      log.error({ err, code: errorCode(err) }, 'turn failed');
      failed = true;
      await claims.release(convKey, eventId).catch(() => undefined); // let a retry of the webhook try again
      replies = [{ text: apologyFor(err), support: { kind: 'system' } }];
    }
    if (replies.length) {
      try {
        await deliver(input.conversationId, replies);
      } catch (err) {
        if (err instanceof WindowClosed) log.warn({ code: 'CHANNEL_SEND_FAILED', reason: 'window-closed' }, 'not sent: service window closed');
        else {
          const e = err instanceof PlatformError ? err : new PlatformError('whatsapp', 0, undefined, 'send failed');
          log.error({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode }, 'WhatsApp rejected the replies');
        }
      }
    }
    if (!failed) await claims.done(convKey, eventId).catch((err) => log.warn({ err, code: errorCode(err) }, 'WhatsApp message not marked done'));
  }

  function logStatus(raw: unknown): void {
    const s = WaStatus.safeParse(raw);
    if (!s.success) return;
    if (s.data.status === 'failed') {
      logger.warn({ code: 'CHANNEL_SEND_FAILED', platformCode: s.data.errors?.map((e) => String(e.code ?? '')).join(',') }, 'WhatsApp reports a failed delivery');
    } else logger.debug({ status: s.data.status }, 'WhatsApp status callback');
  }

  return {
    verifySubscription(query) {
      const token = query.get('hub.verify_token') ?? '';
      const expected = Buffer.from(config.WHATSAPP_VERIFY_TOKEN!);
      const given = Buffer.from(token);
      const ok = query.get('hub.mode') === 'subscribe' && given.length === expected.length && timingSafeEqual(given, expected);
      return ok ? (query.get('hub.challenge') ?? '') : undefined;
    },

    verify(rawBody, signature) {
      const m = /^sha256=([0-9a-f]{64})$/i.exec(signature?.trim() ?? '');
      if (!m) return false;
      const expected = createHmac('sha256', config.WHATSAPP_APP_SECRET!).update(rawBody).digest();
      return timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected);
    },

    async accept(body) {
      const parsed = WaWebhook.safeParse(body);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'Expected a WhatsApp webhook body: { object, entry: [...] }.');
      let scheduled = 0;
      for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
        if (change.field !== 'messages') continue;
        const value = WaValue.safeParse(change.value);
        if (!value.success) {
          logger.warn({ code: 'BAD_REQUEST' }, 'WhatsApp change ignored: unexpected shape');
          continue;
        }
        const target = value.data.metadata?.phone_number_id;
        if (target && target !== phoneNumberId) {
          logger.info({ code: 'BAD_REQUEST' }, 'WhatsApp change for another phone number ignored');
          continue;
        }
        for (const s of value.data.statuses ?? []) logStatus(s);
        for (const raw of value.data.messages ?? []) {
          const m = WaMessage.safeParse(raw);
          if (!m.success) {
            logger.warn({ code: 'BAD_REQUEST', type: eventTypeLabel(raw) }, 'WhatsApp message ignored: unexpected shape');
            continue;
          }
          await recordInbound(m.data);
          const name = value.data.contacts?.find((c) => c.wa_id === m.data.from)?.profile?.name;
          const input = waMessageToTurn(m.data, now(), name);
          const convKey = conversationKey(WHATSAPP_CHANNEL_ID, input.conversationId);
          const eventId = input.activityId ?? randomUUID();
          const claim = await claims.claim(convKey, eventId);
          if (claim !== 'claimed') {
            logger.info({ activity: input.activityId, state: claim }, claim === 'done' ? 'WhatsApp message already handled' : 'WhatsApp message being handled elsewhere');
            continue;
          }
          scheduled += 1;
          queues.run(convKey, () => runTurn(input, eventId, m.data.type === 'text'));
        }
      }
      return scheduled;
    },

    drain: () => queues.drain(),
    windowOpen,

    outbound: {
      channelIds: [WHATSAPP_CHANNEL_ID],
      async send(state, replies): Promise<SendResult> {
        const ref = state.conversationRef as Partial<WhatsAppConversationRef> | undefined;
        if (typeof ref?.to !== 'string') return { ok: false, reason: 'no-reference' };
        try {
          await deliver(ref.to, replies);
          return { ok: true };
        } catch (err) {
          if (err instanceof WindowClosed || (err instanceof PlatformError && err.platformCode === WINDOW_CLOSED_CODE)) {
            return {
              ok: false,
              reason: 'window-closed',
              detail: 'The customer last wrote more than 24 hours ago; WhatsApp allows only approved templates until they write again.',
            };
          }
          const e = err instanceof PlatformError ? err : new PlatformError('whatsapp', 0, undefined, 'send failed');
          logger.warn({ code: 'CHANNEL_SEND_FAILED', status: e.status, platformCode: e.platformCode, conversation: hashId(state.id) }, 'WhatsApp send failed');
          return { ok: false, reason: 'rejected', detail: `WhatsApp ${e.status}${e.platformCode ? ` (code ${e.platformCode})` : ''}` };
        }
      },
    },
  };
}
