/**
 * The turn pipeline (DESIGN.md §1): lock → de-duplicate → load → decide → save → release.
 * Channel-neutral: takes a TurnInput, returns Reply[]; channels render and send them.
 */
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Reply, TurnInput } from '../lib/types.js';
import { langFromLocale, type Lang } from '../conversation/lang.js';
import { msg } from '../language/message.js';
import { Renderer, type ReplyData } from '../language/render.js';
import { knowledgeRenderSource } from '../language/render-source.js';
import { keys, type Storage } from '../state/storage.js';
import type { Knowledge } from '../retrieval/knowledge.js';
import type { Retriever } from '../retrieval/decide.js';
import { cleanText } from '../retrieval/normalise.js';
import { BookingStore } from '../conversation/bookings.js';
import { conversationKey, newConversation, type ConversationState, type TranscriptLine, type UserState } from '../conversation/conversation.js';
import type { DialogEngine } from '../conversation/dialog-port.js';
import type { HandoffPort } from '../conversation/handoff-port.js';
import { decideTurn, type Effect, type TurnServices } from './turn.js';
import * as say from './replies.js';
import { conversationTtlMs } from '../state/index.js';

export const MAX_TEXT = 2000;
/** Per-conversation rate limit: at most this many messages in RATE_WINDOW_MS. */
export const RATE_WINDOW_MS = 60_000;
const SEEN_TTL_MS = 24 * 3600_000;
const TRANSCRIPT_MAX = 200;

export interface RouterDeps {
  config: Config;
  logger: Logger;
  storage: Storage;
  knowledge: Knowledge;
  retriever: Retriever;
  dialogs?: DialogEngine;
  handoff?: HandoffPort;
  /** Called when a hand-off is requested (metrics). */
  onHandoff?: (reason: string) => void;
  /** Observers (metrics, outcomes): called after each turn, never allowed to fail the turn. */
  onTurn?: Array<(e: TurnEvent) => void>;
  now?: () => number;
}

export interface TurnEvent {
  input: TurnInput;
  replies: Reply[];
  state: ConversationState;
  /** The dialog that was active before this turn, and its pending step. */
  dialogBefore?: { machine: string; step: string };
  durationMs: number;
  duplicate: boolean;
  /** Refused by the per-conversation rate limit. */
  rateLimited?: boolean;
}

export class Router {
  readonly bookings: BookingStore;
  /** Words replies in the conversation's language, last (DESIGN.md §1 step 5). */
  readonly renderer: Renderer;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: RouterDeps) {
    this.bookings = new BookingStore(deps.storage);
    this.renderer = new Renderer(knowledgeRenderSource(deps.knowledge));
    this.ttlMs = conversationTtlMs(deps.config);
    this.now = deps.now ?? Date.now;
  }

  get storage(): Storage {
    return this.deps.storage;
  }

  async loadConversation(id: string): Promise<ConversationState | undefined> {
    return (await this.deps.storage.get<ConversationState>(keys.conversation(id)))?.value;
  }

  async transcript(id: string, limit?: number): Promise<TranscriptLine[]> {
    return this.deps.storage.listRange<TranscriptLine>(keys.transcript(id), limit);
  }

  async appendTranscript(id: string, line: TranscriptLine): Promise<void> {
    await this.deps.storage.listPush(keys.transcript(id), line, TRANSCRIPT_MAX, this.ttlMs);
  }

  /** "Delete my data": everything kept for this conversation and user, except confirmed bookings. */
  private async forget(id: string, userKey: string): Promise<void> {
    const { storage } = this.deps;
    await storage.delete(keys.conversation(id), keys.transcript(id), keys.handoff(id), userKey);
    await storage.zRemove(keys.handoffQueue(), id);
    await storage.zRemove(`${keys.prefix}handoff-active`, id);
  }

  /** Turns being handled right now. */
  get turnsInFlight(): number {
    return this.inFlight;
  }

  /** Resolves when no turn is in flight, or after timeoutMs (graceful shutdown). */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Handle one inbound activity. Throws AppError('BOT_LOCK_FAILED') when the conversation stays busy. */
  async handle(input: TurnInput, deliver?: (replies: Reply[]) => Promise<void>): Promise<Reply[]> {
    this.inFlight += 1;
    try {
      return await this.handleTurn(input, deliver);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  /** `deliver`, when given, sends the replies while the conversation is still locked, so replies of consecutive turns reach the channel in order. */
  private async handleTurn(input: TurnInput, deliver?: (replies: Reply[]) => Promise<void>): Promise<Reply[]> {
    const started = performance.now();
    const { storage, config } = this.deps;
    const id = conversationKey(input.channelId, input.conversationId);
    const token = await storage.acquireLock(keys.lock(id), config.LOCK_TTL_MS, config.LOCK_WAIT_MS);
    if (!token) throw new AppError('BOT_LOCK_FAILED');
    try {
      if (input.activityId && (await storage.get(keys.seen(id, input.activityId)))) {
        const state = (await this.loadConversation(id)) ?? newConversation(id, input.channelId, input.userId, this.now());
        this.emit({ input, replies: [], state, durationMs: performance.now() - started, duplicate: true });
        return [];
      }
      const loaded = await storage.get<ConversationState>(keys.conversation(id));
      // Storage.get parses the stored JSON on every call (memory and Redis alike): the value is the turn's own copy already.
      const state: ConversationState = loaded ? loaded.value : newConversation(id, input.channelId, input.userId, this.now());
      const userKey = keys.user(input.channelId, input.userId);
      const userLoaded = await storage.get<UserState>(userKey);
      const user: UserState = { ...(userLoaded?.value ?? {}) };
      const userBefore = JSON.stringify(user);

      if (input.conversationRef !== undefined) state.conversationRef = input.conversationRef;
      if (input.locale) state.locale = input.locale;
      const dialogBefore =
        state.dialog && this.deps.dialogs
          ? { machine: state.dialog.machine, step: safeStep(this.deps.dialogs, state.dialog) }
          : undefined;

      if (input.type === 'message' && config.RATE_LIMIT_PER_CONVERSATION > 0) {
        const now = this.now();
        state.recent = (state.recent ?? []).filter((t) => now - t < RATE_WINDOW_MS);
        if (state.recent.length >= config.RATE_LIMIT_PER_CONVERSATION) {
          const replies = this.render([say.system(msg('slowDown'), state.market)], state.lang ?? langFromLocale(input.locale) ?? 'en');
          await storage.compareAndSet(keys.conversation(id), state, loaded?.version, this.ttlMs);
          this.emit({ input, replies, state, dialogBefore, durationMs: performance.now() - started, duplicate: false, rateLimited: true });
          if (deliver) await deliver(replies);
          return replies;
        }
        state.recent.push(now);
      }

      const raw = typeof input.text === 'string' ? input.text : '';
      let text = cleanText(raw);
      const notes: ReplyData[] = [];
      if (text.length > MAX_TEXT) {
        text = text.slice(0, MAX_TEXT);
        notes.push(say.system(msg('tooLong', { max: MAX_TEXT })));
      }
      if (input.type === 'message' && text) await this.appendTranscript(id, { at: this.now(), from: 'user', text });

      const services: TurnServices = {
        config,
        knowledge: this.deps.knowledge,
        retriever: this.deps.retriever,
        dialogs: this.deps.dialogs,
        handoff: this.deps.handoff,
        bookings: this.bookings,
        storage,
        logger: this.deps.logger,
        now: this.now,
      };
      const decision = await decideTurn(services, input, text, state, user);
      const replies = this.render([...notes, ...decision.replies], state.lang ?? 'en');

      if (state.forgotten) {
        await this.forget(id, userKey);
        if (input.activityId) await storage.setIfAbsent(keys.seen(id, input.activityId), SEEN_TTL_MS);
        this.emit({ input, replies, state, dialogBefore, durationMs: performance.now() - started, duplicate: false });
        if (deliver && replies.length) await deliver(replies);
        return replies;
      }
      state.turns += 1;
      state.updatedAt = this.now();
      if (replies.length) {
        const last = replies[replies.length - 1]!.support;
        state.lastReplyKind = last.task ? 'result' : last.kind;
      }
      if ((await storage.compareAndSet(keys.conversation(id), state, loaded?.version, this.ttlMs)) === null) {
        throw new AppError('STATE_CONFLICT', 'the conversation changed during the turn');
      }
      if (JSON.stringify(user) !== userBefore) await storage.set(userKey, user, this.ttlMs);
      await this.perform(decision.effects);
      for (const r of replies) await this.appendTranscript(id, { at: this.now(), from: 'bot', text: r.text, kind: r.support.kind });
      if (input.activityId) await storage.setIfAbsent(keys.seen(id, input.activityId), SEEN_TTL_MS);
      this.emit({ input, replies, state, dialogBefore, durationMs: performance.now() - started, duplicate: false });
      if (deliver && replies.length) await deliver(replies);
      return replies;
    } finally {
      await storage.releaseLock(keys.lock(id), token).catch((err) => this.deps.logger.warn({ err, code: 'BOT_LOCK_FAILED' }, 'lock release failed'));
    }
  }

  /** The turn's records, once its state is saved; a failure is logged and never fails the turn. */
  private async perform(effects: Effect[]): Promise<void> {
    const { storage, logger } = this.deps;
    for (const e of effects) {
      if (e.type === 'handoffRequested') {
        this.deps.onHandoff?.(e.reason);
        continue;
      }
      const key = e.list === 'unanswered' ? keys.unanswered() : e.list === 'feedback' ? keys.feedback() : keys.outcomes();
      await storage.listPush(key, e.item, e.list === 'unanswered' ? 5000 : 20000).catch((err) => logger.warn({ err, list: e.list }, 'could not record'));
    }
  }

  private render(replies: ReplyData[], lang: Lang): Reply[] {
    return replies.map((r) => this.renderer.reply(r, lang));
  }

  private emit(e: TurnEvent): void {
    if (!this.deps.onTurn?.length) return;
    for (const fn of this.deps.onTurn ?? []) {
      try {
        fn(e);
      } catch (err) {
        this.deps.logger.warn({ err }, 'turn observer failed');
      }
    }
  }
}

function safeStep(dialogs: DialogEngine, envelope: NonNullable<ConversationState['dialog']>): string {
  try {
    return dialogs.currentStep(envelope);
  } catch {
    return 'unknown';
  }
}
