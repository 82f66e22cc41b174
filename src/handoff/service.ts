/**
 * The hand-off service: implements the router's HandoffPort (request; relay while queued or with an
 * agent) and the agent operations behind /api/agent (queue, accept, message, end). State lives in
 * the Storage (records, queue, transcripts), so it survives restarts and works across instances.
 */
import type { Logger } from '../lib/logger.js';
import { decodeButton } from '../conversation/buttons.js';
import { Renderer, type ReplyData } from '../language/render.js';
import { MENU } from '../language/menu.js';
import { knowledgeRenderSource } from '../language/render-source.js';
import { aboutWaiting, command as readCommand, quitIn } from '../language/understand/index.js';
import type { Retriever } from '../retrieval/decide.js';
import type { Knowledge } from '../retrieval/knowledge.js';
import type { ConversationState, TranscriptLine } from '../conversation/conversation.js';
import type { DialogEngine } from '../conversation/dialog-port.js';
import type { HandoffContext, HandoffPort, Relay } from '../conversation/handoff-port.js';
import type { Storage } from '../state/storage.js';
import { CustomerDelivery } from './delivery.js';
import { AgentEventHub } from './events.js';
import { hoursStatus } from './hours.js';
import * as say from './messages.js';
import { buildPacket, candidatesFromTranscript, type ContextPacket } from './packet.js';
import type { AgentResult, ConversationAccess, CustomerSender, Delivery, HandoffInitiator, QueueItem } from './ports.js';
import { RECORD_VERSION, isOpen, type HandoffRecord } from './record.js';
import { HubStatus } from './schemas.js';
import { HandoffStore } from './store.js';

export type { AgentResult, ConversationAccess, CustomerSender, Delivery, HandoffInitiator, QueueItem } from './ports.js';

export interface HandoffServiceOptions {
  storage: Storage;
  logger: Logger;
  knowledge: Knowledge;
  retriever?: Retriever;
  dialogs?: DialogEngine;
  ttlMs: number;
  now?: () => number;
  /** Metrics: seconds a customer waited before an agent accepted. */
  onAccepted?: (waitSeconds: number) => void;
}

/** Channels where the customer, not a hub, writes the activities: their handoff.status is not trusted. */
const CUSTOMER_CHANNELS = new Set(['directline', 'line', 'whatsapp']);

export class HandoffService implements HandoffPort {
  readonly store: HandoffStore;
  readonly events: AgentEventHub;
  private readonly now: () => number;
  private readonly delivery: CustomerDelivery;
  private conversations?: ConversationAccess;
  private sender?: CustomerSender;
  private initiate?: HandoffInitiator;
  /** handoff.initiate sends under way (not awaited inside the customer's turn). */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly opts: HandoffServiceOptions) {
    this.store = new HandoffStore(opts.storage, opts.ttlMs);
    this.events = new AgentEventHub(opts.storage, opts.logger);
    this.now = opts.now ?? Date.now;
    const renderer = new Renderer(knowledgeRenderSource(opts.knowledge));
    this.delivery = new CustomerDelivery({ conversations: () => this.convs, sender: () => this.sender, events: this.events, logger: opts.logger, now: this.now, renderer });
  }

  /** Late wiring: the router and the channels are built after the service (they depend on it). */
  connect(deps: { conversations: ConversationAccess; sender: CustomerSender; initiate?: HandoffInitiator }): void {
    this.conversations = deps.conversations;
    this.sender = deps.sender;
    this.initiate = deps.initiate;
  }

  /** Shutdown: let handoff.initiate sends finish (briefly), then end the console streams. */
  async close(): Promise<void> {
    await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => setTimeout(r, 2000).unref())]);
    await this.events.close();
  }

  private get convs(): ConversationAccess {
    if (!this.conversations) throw new Error('HandoffService used before connect()');
    return this.conversations;
  }

  // ---- HandoffPort (called by the router inside the conversation's turn) ----

  async request(ctx: Parameters<HandoffPort['request']>[0]): Promise<ReplyData[]> {
    const { state, reason } = ctx;
    const now = this.now();
    const market = state.market;
    const contact = market ? this.opts.knowledge.contacts[market] : undefined;
    const hours = contact ? hoursStatus(contact, now) : undefined;
    state.pending = undefined; // a question the bot asked before does not survive the hand-off

    if (isOpen(await this.store.get(state.id))) return [say.alreadyQueued(market, await this.store.position(state.id))];

    const transcript = await this.convs.transcript(state.id).catch(() => []);
    const packet = buildPacket({
      conversationId: state.id,
      channel: state.channelId,
      market,
      locale: state.locale,
      lang: state.lang,
      reason,
      customer: { userId: state.userId, ...(ctx.input.userName ? { name: ctx.input.userName } : {}) },
      dialog: ctx.dialog
        ? { ...ctx.dialog, slots: ctx.dialogSlots ?? {} }
        : state.dialog
          ? { machine: state.dialog.machine, step: this.currentStep(state), slots: ctx.dialogSlots ?? {} }
          : undefined,
      candidates: ctx.candidates?.length ? ctx.candidates : candidatesFromTranscript(this.opts.retriever, transcript, market),
      rejected:
        reason === 'thumbs-down' && state.lastFaqId
          ? { faqId: state.lastFaqId, question: this.opts.knowledge.byId.get(state.lastFaqId)?.question }
          : undefined,
      bookings: await this.convs.bookings.forConversation(state.id).catch(() => []),
      contact,
      hours,
    });
    const record: HandoffRecord = {
      v: RECORD_VERSION,
      id: state.id,
      status: 'queued',
      reason,
      channelId: state.channelId,
      ...(market ? { market } : {}),
      afterHours: packet.afterHours,
      queuedAt: now,
      packet,
    };
    const { created } = await this.store.open(record);
    state.outcome = 'handedOff';
    if (created) {
      this.opts.logger.info({ conversation: state.id, reason, market, afterHours: record.afterHours }, 'hand-off queued');
      await this.events.publish({ type: 'queue', action: 'queued', id: state.id, status: 'queued', at: now });
      this.sendInitiation(structuredClone(state), packet, transcript);
    }
    return [say.queued({ market, contact, hours, position: await this.store.position(state.id) })];
  }

  async onCustomerMessage(ctx: HandoffContext): Promise<Relay | null> {
    const { state, input, text } = ctx;
    const rec = await this.store.get(state.id);
    const last: HandoffRecord | undefined = rec;
    if (!isOpen(rec)) {
      // The first message since an agent (or a channel's hub) handed back: it answers "shall we go on with your task?".
      const handedBack = last?.status === 'ended' && last.endedBy !== 'customer' && (last.endedAt ?? 0) >= state.updatedAt && !!state.dialog;
      return handedBack ? { replies: [], final: false, handedBack } : null;
    }
    if (input.type === 'event') return { replies: await this.onChannelEvent(rec, ctx), final: true };
    if (input.type !== 'message') return { replies: [], final: true };

    const line: TranscriptLine = { at: this.now(), from: 'user', text: text || '[a message without text]' };
    if (!text) await this.convs.appendTranscript(state.id, line); // the router keeps only lines with text
    await this.events.publish({ type: 'message', id: state.id, line });
    if (rec.status === 'withAgent') return { replies: [], final: true }; // the agent answers; the bot says nothing of its own

    const button = text ? decodeButton(text) : undefined;
    const command = button?.type === 'cmd' ? button.command : text && !button ? readCommand(text, state.lang) : undefined;
    // "stop waiting", "afinal não preciso", "안 기다릴래요", or giving up in a sentence: leaving the queue, as "cancel".
    const waiting = text && !button ? aboutWaiting(text, state.lang) : undefined;
    if (command === 'cancel' || waiting === 'stop' || (text && !button && quitIn(text, state.lang))) {
      const t = await this.store.apply(state.id, { type: 'customer.left', at: this.now() });
      if (!t.ok) return { replies: [], final: true };
      await this.events.publish({ type: 'queue', action: 'left', id: state.id, status: 'ended', at: this.now() });
      // "cancel" stops everything: a guided task left waiting behind the queue ends too, rather
      // than silently taking the customer's next message as its answer.
      state.dialog = undefined;
      state.pending = undefined;
      return { replies: [say.leftQueue(state.market, MENU)], final: true };
    }
    // A person asked for again, or the wait asked about ("anyone there?", "還要等多久", "몇 번째예요?"): where they stand.
    if (command === 'agent' || waiting === 'ask') return { replies: [say.alreadyQueued(state.market, await this.store.position(state.id))], final: true };
    // Waiting: the bot keeps answering; the first message is acknowledged once.
    if (!rec.acknowledged && (await this.store.apply(state.id, { type: 'customer.acknowledged' })).ok) {
      return { replies: [say.messageKept(state.market, rec.afterHours, await this.store.position(state.id))], final: false, afterHours: rec.afterHours };
    }
    return { replies: [], final: false, afterHours: rec.afterHours };
  }

  /** `handoff.status` from a Bot Framework channel hub: accepted → with agent; completed/failed → back to the bot. */
  private async onChannelEvent(rec: HandoffRecord, ctx: HandoffContext): Promise<ReplyData[]> {
    if (ctx.input.eventName !== 'handoff.status') return [];
    // Only a Bot Framework channel's hand-off hub reports status; our own channels' customers
    // could otherwise post it themselves and take their request out of the queue.
    if (CUSTOMER_CHANNELS.has(ctx.input.channelId)) {
      this.opts.logger.info({ conversation: rec.id, channel: ctx.input.channelId }, 'handoff.status from a customer channel ignored');
      return [];
    }
    const parsed = HubStatus.safeParse(ctx.input.value);
    if (!parsed.success) {
      this.opts.logger.info({ conversation: rec.id }, 'handoff.status event without a known state ignored');
      return [];
    }
    const t = await this.store.apply(rec.id, { type: 'hub.status', state: parsed.data.state, at: this.now() });
    if (!t.ok) return [];
    const action = t.next.status === 'ended' ? 'ended' : 'accepted';
    await this.events.publish({ type: 'queue', action, id: rec.id, status: t.next.status, agent: t.next.agent, at: this.now() });
    if (t.next.status !== 'ended') return [];
    if (ctx.state.dialog) ctx.state.pending = { type: 'goOn', asked: true }; // the resume question asks first
    return this.resumeReplies(ctx.state, t.next.agent);
  }

  // ---- Agent operations (/api/agent) ----

  async accept(id: string, agent: string | undefined): Promise<AgentResult<{ handoff: HandoffRecord; delivery: Delivery }>> {
    const t = await this.store.apply(id, { type: 'agent.accepted', agent: agent ?? 'Agent', at: this.now() });
    if (!t.ok) return t;
    this.opts.onAccepted?.((t.next.acceptedAt! - t.next.queuedAt) / 1000);
    this.opts.logger.info({ conversation: id }, 'hand-off accepted');
    await this.events.publish({ type: 'queue', action: 'accepted', id, status: 'withAgent', agent: t.next.agent, at: this.now() });
    await this.note(id, `${t.next.agent} joined the conversation.`);
    const delivery = await this.delivery.deliver(id, [say.agentJoined(t.next.market, agent)], 'bot');
    return { ok: true, value: { handoff: t.next, delivery } };
  }

  async agentMessage(id: string, text: string, agent: string | undefined): Promise<AgentResult<{ line: TranscriptLine }>> {
    const rec = await this.store.get(id);
    if (!rec) return { ok: false, status: 404, message: 'This conversation has no hand-off.' };
    if (rec.status !== 'withAgent') {
      return { ok: false, status: 409, message: rec.status === 'queued' ? 'Accept the conversation before replying.' : 'This hand-off has ended.' };
    }
    if (agent && rec.agent && agent !== rec.agent) return { ok: false, status: 409, message: `${rec.agent} holds this conversation.` };
    const state = await this.convs.loadConversation(id);
    if (!state) return { ok: false, status: 404, message: 'The conversation has expired.' };
    const sent = await this.delivery.send(state, [say.agentMessage(rec.market, text, agent ?? rec.agent)]);
    if (!sent.delivered) return { ok: false, status: sent.reason === 'window-closed' ? 409 : 502, reason: sent.reason, message: sent.message! };
    const line: TranscriptLine = { at: this.now(), from: 'agent', text, kind: 'handoff' };
    await this.delivery.record(id, line);
    return { ok: true, value: { line } };
  }

  /**
   * The agent is typing: a typing indicator on the customer's channel where it has one (web chat),
   * signed with the agent's name. Nothing is recorded; channels without indicators answer `sent: false`.
   */
  async agentTyping(id: string, agent: string | undefined): Promise<AgentResult<{ sent: boolean }>> {
    const rec = await this.store.get(id);
    if (!rec) return { ok: false, status: 404, message: 'This conversation has no hand-off.' };
    if (rec.status !== 'withAgent') return { ok: false, status: 409, message: 'Only the agent holding the conversation can type to the customer.' };
    const state = await this.convs.loadConversation(id);
    if (!state) return { ok: false, status: 404, message: 'The conversation has expired.' };
    const result = (await this.sender?.typing?.(state, agent ?? rec.agent ?? 'Agent').catch(() => undefined)) ?? { ok: false };
    return { ok: true, value: { sent: result.ok } };
  }

  /** The customer is typing (web chat's typing activity): the consoles are told while the hand-off is open. */
  async customerTyping(id: string): Promise<void> {
    if (isOpen(await this.store.get(id))) await this.events.publish({ type: 'typing', id, from: 'user', at: this.now() });
  }

  async end(id: string, note: string | undefined): Promise<AgentResult<{ handoff: HandoffRecord; delivery: Delivery }>> {
    const t = await this.store.apply(id, { type: 'agent.ended', note, at: this.now() });
    if (!t.ok) return t;
    this.opts.logger.info({ conversation: id }, 'hand-off ended by agent');
    await this.events.publish({ type: 'queue', action: 'ended', id, status: 'ended', agent: t.next.agent, at: this.now() });
    await this.note(id, `${t.next.agent ?? 'An agent'} ended the hand-off${note ? ` — note: ${note}` : ''}.`);
    const state = await this.convs.loadConversation(id);
    const delivery: Delivery = state
      ? await this.delivery.deliver(id, this.resumeReplies(state, t.next.agent), 'bot', state)
      : { delivered: false, reason: 'no-conversation', message: 'The conversation has expired.' };
    return { ok: true, value: { handoff: t.next, delivery } };
  }

  /** The queue (waiting, oldest first, with places) and the conversations agents hold. */
  async queue(): Promise<{ waiting: QueueItem[]; withAgents: QueueItem[] }> {
    const item = async (r: HandoffRecord, position?: number): Promise<QueueItem> => ({
      id: r.id,
      status: r.status,
      position,
      reason: r.reason,
      reasonText: r.packet.reasonText,
      market: r.market,
      marketName: r.packet.marketName,
      channel: r.channelId,
      customerName: r.packet.customer.name,
      afterHours: r.afterHours,
      queuedAt: r.queuedAt,
      acceptedAt: r.acceptedAt,
      agent: r.agent,
      lastCustomerMessage: await this.lastCustomerLine(r.id),
    });
    const [waiting, withAgents] = await Promise.all([this.store.waiting(), this.store.withAgents()]);
    return {
      waiting: await Promise.all(waiting.map((r, i) => item(r, i + 1))),
      withAgents: await Promise.all(withAgents.map((r) => item(r))),
    };
  }

  async conversation(id: string): Promise<{ handoff: HandoffRecord; position?: number; transcript: TranscriptLine[] } | undefined> {
    const handoff = await this.store.get(id);
    if (!handoff) return undefined;
    return { handoff, position: await this.store.position(id), transcript: await this.convs.transcript(id) };
  }

  // ---- helpers ----

  /** The Bot Framework `handoff.initiate` event, sent without holding up the customer's turn. */
  private sendInitiation(state: ConversationState, packet: ContextPacket, transcript: TranscriptLine[]): void {
    if (!this.initiate) return;
    const sending = this.initiate(state, packet, transcript)
      .catch((err) => this.opts.logger.warn({ err, code: 'CHANNEL_SEND_FAILED', conversation: state.id }, 'handoff.initiate not sent'))
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  private resumeReplies(state: ConversationState, agent?: string): ReplyData[] {
    try {
      return say.resume(state, this.opts.dialogs, agent);
    } catch (err) {
      this.opts.logger.warn({ err, conversation: state.id }, 'could not ask whether to go on with the task after a hand-off');
      return [say.backWithBot(state.market, agent)];
    }
  }

  private note(id: string, text: string): Promise<void> {
    return this.delivery.record(id, { at: this.now(), from: 'system', text, kind: 'handoff' });
  }

  private async lastCustomerLine(id: string): Promise<string | undefined> {
    const lines = await this.convs.transcript(id, 20).catch(() => [] as TranscriptLine[]);
    return [...lines].reverse().find((l) => l.from === 'user')?.text.slice(0, 140);
  }

  private currentStep(state: ConversationState): string | undefined {
    try {
      return state.dialog && this.opts.dialogs ? this.opts.dialogs.currentStep(state.dialog) : undefined;
    } catch {
      return undefined;
    }
  }
}
