/**
 * A self-hosted Direct Line 3.0 subset, enough for the unmodified Web Chat: tokens, conversations,
 * activities over REST and a WebSocket stream. User activities are echoed into the conversation's
 * log (Web Chat waits for that echo) and handed to the router in-process; the router's replies and
 * agent messages are appended as bot activities. Nothing is POSTed anywhere: clients read the log.
 */
import type { Activity } from 'botbuilder';
import type { Config } from '../../config.js';
import { AppError, errorCode } from '../../lib/errors.js';
import { hashId } from '../../lib/redact.js';
import type { Logger } from '../../lib/logger.js';
import type { Reply } from '../../lib/types.js';
import type { Router } from '../../router/router.js';
import type { Storage } from '../../state/storage.js';
import { activityToTurn, replyToActivity } from '../activity.js';
import { apologyFor } from '../bot-framework.js';
import type { OutboundChannel } from '../outbound.js';
import { ActivityLog, type ConversationMeta, type DirectLineActivity } from './log.js';
import {
  bearerOf,
  CONVERSATION_ID,
  GenerateTokenBody,
  InboundActivity,
  MAX_ACTIVITY_BYTES,
  MAX_ACTIVITY_TEXT,
  MAX_EXTRA_BYTES,
  MAX_LOG_BYTES,
  parseBody,
  parseWatermark,
  StartConversationBody,
} from './schema.js';
import { withDisplayText } from './render.js';
import { DirectLineStream } from './stream.js';
import { DirectLineTokens, randomId, type TokenClaims } from './tokens.js';
import { conversationTtlMs } from '../../state/index.js';

export const CHANNEL_ID = 'directline';
/** Never dialled: Direct Line replies are stored in the log, not POSTed to a connector. */
export const SERVICE_URL = 'urn:support-bot:directline';
export const BOT = { id: 'bot', name: 'Support', role: 'bot' } as const;

/** The sender of an agent's message or typing indicator: on the bot's side, under the agent's display name. */
export function agentAccount(name: string): { id: string; name: string; role: 'bot' } {
  return { id: `agent:${name.slice(0, 60)}`, name: name.slice(0, 60), role: 'bot' };
}
const MAX_ACTIVITIES_PER_CONVERSATION = 500;

export interface TokenResponse {
  conversationId: string;
  token: string;
  expires_in: number;
}
export interface ConversationResponse extends TokenResponse {
  streamUrl: string;
}
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark?: string;
}

export interface DirectLineDeps {
  config: Config;
  router: Router;
  storage: Storage;
  logger: Logger;
  now?: () => number;
  pingIntervalMs?: number;
  /** The customer is typing (a `typing` activity), with the router's conversation key (`directline:<id>`). */
  onCustomerTyping?: (conversationKey: string) => void;
}

export class DirectLineChannel {
  readonly tokens: DirectLineTokens;
  readonly log: ActivityLog;
  readonly stream: DirectLineStream;
  private readonly router: Router;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly onCustomerTyping?: (conversationKey: string) => void;

  constructor(deps: DirectLineDeps) {
    const { config } = deps;
    this.onCustomerTyping = deps.onCustomerTyping;
    this.router = deps.router;
    this.now = deps.now ?? Date.now;
    this.logger = deps.logger.child({ channel: CHANNEL_ID });
    this.tokens = new DirectLineTokens(config.DIRECTLINE_SECRET, config.DIRECTLINE_TOKEN_TTL_SECONDS, deps.now);
    this.log = new ActivityLog(deps.storage, {
      ttlMs: conversationTtlMs(config),
      maxActivities: MAX_ACTIVITIES_PER_CONVERSATION,
      maxBytes: MAX_LOG_BYTES,
      // Longer than an append can take (its lock wait and TTL); short enough that a process that
      // died between claim and echo does not block the client's retry for long.
      pendingClaimTtlMs: config.LOCK_WAIT_MS + config.LOCK_TTL_MS,
      lockTtlMs: config.LOCK_TTL_MS,
      lockWaitMs: config.LOCK_WAIT_MS,
      now: deps.now,
    });
    this.stream = new DirectLineStream(this.log, (id, token) => this.authorizeStream(id, token), this.logger, {
      pingIntervalMs: deps.pingIntervalMs,
      maxPerConversation: config.DIRECTLINE_SOCKETS_PER_CONVERSATION,
      maxPerAddress: config.DIRECTLINE_SOCKETS_PER_ADDRESS,
    });
  }

  // ── tokens ──────────────────────────────────────────────────────────────────────────────────

  /** POST tokens/generate: anonymous (the page) or with DIRECTLINE_SECRET (a website back end). */
  generateToken(authorization: string | string[] | undefined, body: unknown): TokenResponse {
    const bearer = bearerOf(authorization);
    if (authorization !== undefined && !this.tokens.isSecret(bearer)) throw new AppError('FORBIDDEN', 'Unknown Direct Line secret.');
    const parsed = parseBody(GenerateTokenBody, body);
    const trusted = bearer !== undefined;
    const user = trusted && parsed?.user ? (parsed.user.id.startsWith('dl_') ? parsed.user.id : `dl_${parsed.user.id}`) : `dl_${randomId(12)}`;
    const conversationId = randomId(16);
    return { conversationId, ...this.tokens.issue(conversationId, user) };
  }

  /** POST tokens/refresh: a fresh expiry for a token that is still valid. */
  refreshToken(authorization: string | string[] | undefined): TokenResponse {
    const claims = this.claims(authorization);
    return { conversationId: claims.conv, ...this.tokens.issue(claims.conv, claims.user) };
  }

  // ── conversations ───────────────────────────────────────────────────────────────────────────

  /**
   * POST conversations: start the token's conversation (idempotent) and greet the user: the router
   * gets a conversationUpdate with the user in membersAdded, its welcome goes into the log.
   */
  async startConversation(authorization: string | string[] | undefined, body: unknown, origin: string): Promise<ConversationResponse & { created: boolean }> {
    const claims = this.claims(authorization);
    const start = parseBody(StartConversationBody, body);
    const meta: ConversationMeta = { conversationId: claims.conv, userId: claims.user, locale: start?.locale, createdAt: this.now() };
    const created = await this.log.create(meta);
    if (created) {
      const joined: Partial<Activity> = {
        ...this.envelope(meta),
        type: 'conversationUpdate',
        locale: meta.locale,
        from: { id: meta.userId, name: start?.user?.name ?? '', role: 'user' },
        membersAdded: [{ id: meta.userId, name: start?.user?.name ?? '' }],
      };
      await this.turn(meta, joined);
    }
    return { ...this.conversationResponse(claims, origin), created };
  }

  /** GET conversations/:id?watermark=: reconnect; a new streamUrl that replays after the watermark. */
  async reconnect(authorization: string | string[] | undefined, id: string, watermark: unknown, origin: string): Promise<ConversationResponse> {
    const claims = this.claims(authorization, id);
    const mark = parseWatermark(watermark);
    if (mark === 'invalid') throw new AppError('BAD_REQUEST', 'watermark: expected the index of an activity.');
    await this.requireConversation(id);
    return this.conversationResponse(claims, origin, mark);
  }

  // ── activities ──────────────────────────────────────────────────────────────────────────────

  /** GET conversations/:id/activities?watermark=: what was appended after the watermark. */
  async getActivities(authorization: string | string[] | undefined, id: string, watermark: unknown): Promise<ActivitySet> {
    this.claims(authorization, id);
    const mark = parseWatermark(watermark);
    if (mark === 'invalid') throw new AppError('BAD_REQUEST', 'watermark: expected the index of an activity.');
    await this.requireConversation(id);
    const entries = await this.log.read(id, mark);
    const last = entries.at(-1)?.seq ?? mark;
    return { activities: entries.map((e) => e.activity), ...(last !== undefined ? { watermark: String(last) } : {}) };
  }

  /**
   * POST conversations/:id/activities: echo the user's activity (server id, timestamp, role user,
   * channelData.clientActivityID kept) and run the turn; replies are in the log before this returns.
   * A resend of a clientActivityID is answered with the first id, and its turn is run again unless it
   * is known to have finished (the instance that took it may have died mid-turn): the router's lock
   * and its per-activity marker make that run once.
   */
  async postActivity(authorization: string | string[] | undefined, id: string, body: unknown): Promise<{ id: string }> {
    const claims = this.claims(authorization, id);
    const meta = await this.requireConversation(id);
    const inbound = this.validateActivity(body);

    const clientActivityId = typeof inbound.channelData?.clientActivityID === 'string' ? inbound.channelData.clientActivityID.slice(0, 128) : undefined;
    if (clientActivityId) {
      const claim = await this.log.claimClientActivity(id, clientActivityId);
      if (!claim.first) {
        if (!claim.id) throw new AppError('CONFLICT', 'This activity is still being processed.');
        if (!claim.done) await this.finishResent(meta, claim.id, clientActivityId);
        return { id: claim.id }; // a resend: same answer, processed once
      }
    }

    const locale = inbound.locale ?? meta.locale;
    const activity: Partial<Activity> = {
      ...(inbound.type === 'typing' ? typingOnly(inbound) : (inbound as Partial<Activity>)),
      ...this.envelope(meta),
      from: { id: claims.user, name: inbound.from?.name ?? '', role: 'user' },
      locale,
    };
    let echoed: DirectLineActivity;
    try {
      echoed = (await this.log.append(id, [activity]))[0]!.activity;
    } catch (err) {
      if (clientActivityId) await this.log.releaseClientActivity(id, clientActivityId).catch(() => undefined);
      throw err;
    }
    const hasTurn = echoed.type === 'message' || echoed.type === 'event';
    if (clientActivityId) await this.log.recordClientActivity(id, clientActivityId, echoed.id, !hasTurn);
    if (locale !== meta.locale) meta.locale = locale;
    await this.log.touch(meta);

    if (echoed.type === 'typing') this.onCustomerTyping?.(`${CHANNEL_ID}:${id}`);
    if (hasTurn) {
      await this.turn(meta, echoed);
      if (clientActivityId) await this.log.recordClientActivity(id, clientActivityId, echoed.id, true);
    }
    return { id: echoed.id };
  }

  /** A resend whose echo is stored but whose turn may not have finished: run it (once, by the router). */
  private async finishResent(meta: ConversationMeta, echoId: string, clientActivityId: string): Promise<void> {
    const echoed = await this.log.find(meta.conversationId, echoId);
    if (echoed && (echoed.type === 'message' || echoed.type === 'event')) {
      let replies: Reply[];
      try {
        replies = await this.router.handle(activityToTurn(echoed));
      } catch (err) {
        // Still running elsewhere (the lock is held): the client may retry; its claim is kept.
        if (errorCode(err) === 'BOT_LOCK_FAILED') throw new AppError('CONFLICT', 'This activity is still being processed.', { cause: err });
        this.logger.error({ err, code: errorCode(err), conversation: hashId(meta.conversationId) }, 'turn failed');
        replies = [{ text: apologyFor(err), support: { kind: 'system' } }];
      }
      await this.appendReplies(meta, replies, echoId);
    }
    await this.log.recordClientActivity(meta.conversationId, clientActivityId, echoId, true);
  }

  // ── outbound (agent messages) ───────────────────────────────────────────────────────────────

  readonly outbound: OutboundChannel = {
    channelIds: [CHANNEL_ID],
    send: (state, replies) => this.appendOutbound(state, (meta) => this.appendReplies(meta, replies)),
    // Web Chat shows a bot-side typing activity for a few seconds, under the sender's name.
    typing: (state, agent) =>
      this.appendOutbound(state, async (meta) => {
        await this.log.append(meta.conversationId, [{ type: 'typing', ...this.envelope(meta), from: agentAccount(agent), recipient: { id: meta.userId, name: '', role: 'user' } }]);
      }),
  };

  private async appendOutbound(state: Parameters<OutboundChannel['send']>[0], append: (meta: ConversationMeta) => Promise<void>): ReturnType<OutboundChannel['send']> {
    const ref = state.conversationRef as { conversation?: { id?: string } } | undefined;
    const id = ref?.conversation?.id ?? (state.id.startsWith(`${CHANNEL_ID}:`) ? state.id.slice(CHANNEL_ID.length + 1) : state.id);
    const meta = await this.log.meta(id);
    if (!meta) return { ok: false, reason: 'no-reference', detail: 'the web chat conversation has expired' };
    try {
      await append(meta);
      return { ok: true };
    } catch (err) {
      this.logger.warn({ err, code: errorCode(err), conversation: hashId(id) }, 'direct line outbound append failed');
      return { ok: false, reason: 'rejected', detail: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.stream.close();
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  /** Verify the bearer token; with `conversationId`, it must be that conversation's token. */
  private claims(authorization: string | string[] | undefined, conversationId?: string): TokenClaims {
    const token = bearerOf(authorization);
    if (!token) throw new AppError('UNAUTHORIZED', 'A Direct Line token is required (Authorization: Bearer <token>).');
    const check = this.tokens.verify(token);
    if (!check.ok) throw new AppError('FORBIDDEN', check.reason === 'expired' ? 'The token has expired.' : 'The token is not valid.');
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      throw new AppError('FORBIDDEN', 'The token belongs to another conversation.');
    }
    return check.claims;
  }

  private async requireConversation(id: string): Promise<ConversationMeta> {
    const meta = CONVERSATION_ID.test(id) ? await this.log.meta(id) : undefined;
    if (!meta) throw new AppError('NOT_FOUND', 'Unknown conversation.');
    return meta;
  }

  private async authorizeStream(id: string, token: string | undefined): Promise<{ ok: true } | { ok: false; status: 401 | 403 | 404 }> {
    try {
      this.claims(token ? `Bearer ${token}` : undefined, id);
      await this.requireConversation(id);
      return { ok: true };
    } catch (err) {
      const status = err instanceof AppError ? err.status : 500;
      if (status === 401 || status === 403 || status === 404) return { ok: false, status };
      throw err;
    }
  }

  private validateActivity(body: unknown): InboundActivity {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_REQUEST', 'Expected an activity (a JSON object).');
    const text = (body as { text?: unknown }).text;
    if (typeof text === 'string' && text.length > MAX_ACTIVITY_TEXT) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The message is too long (at most ${MAX_ACTIVITY_TEXT} characters).`);
    }
    const inbound = parseBody(InboundActivity, body);
    for (const field of ['value', 'channelData', 'entities'] as const) {
      const v = inbound[field];
      if (v !== undefined && Buffer.byteLength(JSON.stringify(v) ?? '') > MAX_EXTRA_BYTES) {
        throw new AppError('PAYLOAD_TOO_LARGE', `${field} is too large (at most ${MAX_EXTRA_BYTES} bytes).`);
      }
    }
    if (Buffer.byteLength(JSON.stringify(inbound)) > MAX_ACTIVITY_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The activity is too large (at most ${MAX_ACTIVITY_BYTES} bytes).`);
    }
    return inbound;
  }

  /** The fields every activity in a conversation shares. */
  private envelope(meta: ConversationMeta): Partial<Activity> {
    return {
      channelId: CHANNEL_ID,
      serviceUrl: SERVICE_URL,
      conversation: { id: meta.conversationId } as Activity['conversation'],
      recipient: { ...BOT },
    };
  }

  /** Hand an activity to the router; append its replies (or an apology) as bot activities. */
  private async turn(meta: ConversationMeta, activity: Partial<Activity>): Promise<void> {
    let replies: Reply[];
    try {
      replies = await this.router.handle(activityToTurn(activity));
    } catch (err) {
      this.logger.error({ err, code: errorCode(err), conversation: hashId(meta.conversationId) }, 'turn failed');
      replies = [{ text: apologyFor(err), support: { kind: 'system' } }];
    }
    await this.appendReplies(meta, replies, activity.id);
  }

  private async appendReplies(meta: ConversationMeta, replies: Reply[], replyToId?: string): Promise<void> {
    const user = { id: meta.userId, name: '', role: 'user' };
    await this.log.append(
      meta.conversationId,
      replies.map((r) => ({
        ...withDisplayText(replyToActivity(r, meta.userId)),
        ...this.envelope(meta),
        // An agent's message (or notice) carries their display name as the sender (DESIGN.md §3).
        from: r.support.agent && r.support.notice === undefined ? agentAccount(r.support.agent) : { ...BOT },
        recipient: user,
        ...(replyToId ? { replyToId } : {}),
        ...(meta.locale ? { locale: meta.locale } : {}),
      })),
    );
  }

  private conversationResponse(claims: TokenClaims, origin: string, watermark?: number): ConversationResponse {
    const { token, expires_in } = this.tokens.issue(claims.conv, claims.user);
    const query = new URLSearchParams({ watermark: watermark === undefined ? '' : String(watermark), t: token });
    const streamUrl = `${origin}/v3/directline/conversations/${encodeURIComponent(claims.conv)}/stream?${query}`;
    return { conversationId: claims.conv, token, expires_in, streamUrl };
  }
}

/** A typing indicator carries nothing but itself (and Web Chat's id, for the echo it waits for). */
function typingOnly(inbound: InboundActivity): Partial<Activity> {
  const clientActivityID = inbound.channelData?.clientActivityID;
  return { type: 'typing', ...(typeof clientActivityID === 'string' ? { channelData: { clientActivityID: clientActivityID.slice(0, 128) } } : {}) };
}

export function createDirectLineChannel(deps: DirectLineDeps): DirectLineChannel {
  return new DirectLineChannel(deps);
}
