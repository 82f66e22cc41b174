/**
 * The hand-off service: implements the router's HandoffPort (request, relay while queued or with an
 * agent) and the agent operations behind /api/agent (queue, accept, message, end). State lives in
 * the Storage (records, queue, transcripts), so it survives restarts and works across instances.
 */
import type { Logger } from '../lib/logger.js';
import type { Market, Reply } from '../lib/types.js';
import type { Retriever } from '../retrieval/decide.js';
import type { Candidate } from '../retrieval/faq-index.js';
import type { Knowledge } from '../retrieval/knowledge.js';
import type { StoredBooking } from '../router/bookings.js';
import { detectCommand, yesNo } from '../router/commands.js';
import type { ConversationState, TranscriptLine } from '../router/conversation.js';
import type { DialogEngine } from '../router/dialog-port.js';
import type { HandoffContext, HandoffPort, HandoffReason } from '../router/handoff-port.js';
import { MENU } from '../router/replies.js';
import type { Storage } from '../state/storage.js';
import { AgentEventHub } from './events.js';
import { hoursStatus } from './hours.js';
import * as say from './messages.js';
import { buildPacket } from './packet.js';
import { RECORD_VERSION, isOpen, type HandoffRecord } from './record.js';
import { HandoffStore } from './store.js';
import { HubStatus } from './schemas.js';

/** What the service needs from the router (the Router class satisfies it). */
export interface ConversationAccess {
  loadConversation(id: string): Promise<ConversationState | undefined>;
  transcript(id: string, limit?: number): Promise<TranscriptLine[]>;
  appendTranscript(id: string, line: TranscriptLine): Promise<void>;
  bookings: { forConversation(id: string): Promise<StoredBooking[]> };
}

/** Proactive delivery to the customer's own channel (src/channels/outbound.ts satisfies it). */
export interface CustomerSender {
  send(state: ConversationState, replies: Reply[]): Promise<{ ok: true } | { ok: false; reason: string; detail?: string }>;
}

/** Sends the Bot Framework `handoff.initiate` event where the channel routes hand-offs itself; false when not applicable. */
export type HandoffInitiator = (state: ConversationState, packet: unknown, transcript: TranscriptLine[]) => Promise<boolean>;

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

export type AgentResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string; reason?: string };

export interface Delivery {
  delivered: boolean;
  reason?: string;
  message?: string;
}

export class HandoffService implements HandoffPort {
  readonly store: HandoffStore;
  readonly events: AgentEventHub;
  private readonly now: () => number;
  private conversations?: ConversationAccess;
  private sender?: CustomerSender;
  private initiate?: HandoffInitiator;

  constructor(private readonly opts: HandoffServiceOptions) {
    this.store = new HandoffStore(opts.storage, opts.ttlMs);
    this.events = new AgentEventHub(opts.storage, opts.logger);
    this.now = opts.now ?? Date.now;
  }

  /** Late wiring: the router and the channels are built after the service (they depend on it). */
  connect(deps: { conversations: ConversationAccess; sender: CustomerSender; initiate?: HandoffInitiator }): void {
    this.conversations = deps.conversations;
    this.sender = deps.sender;
    this.initiate = deps.initiate;
  }

  private get convs(): ConversationAccess {
    if (!this.conversations) throw new Error('HandoffService used before connect()');
    return this.conversations;
  }

  // ---- HandoffPort (called by the router inside the conversation's turn) ----

  async request(ctx: Parameters<HandoffPort['request']>[0]): Promise<Reply[]> {
    const { state, input, reason } = ctx;
    const now = this.now();
    const market = state.market;
    const contact = market ? this.opts.knowledge.contacts[market] : undefined;
    const hours = contact ? hoursStatus(contact, now) : undefined;
    state.pending = undefined; // a question the bot asked before does not survive the hand-off

    const existing = await this.store.get(state.id);
    if (isOpen(existing)) return [say.alreadyQueued(market, await this.store.position(state.id))];

    const transcript = await this.convs.transcript(state.id).catch(() => []);
    const candidates = ctx.candidates?.length ? ctx.candidates : this.guessCandidates(transcript, market);
    const packet = buildPacket({
      conversationId: state.id,
      channel: state.channelId,
      market,
      locale: state.locale,
      reason,
      customer: { userId: state.userId, ...(input.userName ? { name: input.userName } : {}) },
      dialog: ctx.dialog
        ? { ...ctx.dialog, slots: ctx.dialogSlots ?? {} }
        : state.dialog
          ? { machine: state.dialog.machine, step: this.safeStep(state), slots: ctx.dialogSlots ?? {} }
          : undefined,
      candidates,
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
      if (this.initiate) {
        await this.initiate(state, packet, transcript).catch((err) =>
          this.opts.logger.warn({ err, code: 'CHANNEL_SEND_FAILED', conversation: state.id }, 'handoff.initiate not sent'),
        );
      }
    }
    return [say.queued({ market, contact, hours, position: await this.store.position(state.id) })];
  }

  async onCustomerMessage(ctx: HandoffContext): Promise<Reply[] | null> {
    const { state, input, text } = ctx;
    const rec = await this.store.get(state.id);
    if (!isOpen(rec)) return null;
    if (input.type === 'event') return this.onChannelEvent(rec, ctx);
    if (input.type !== 'message') return [];

    const line: TranscriptLine = { at: this.now(), from: 'user', text: text || '[a message without text]' };
    if (!text) await this.convs.appendTranscript(state.id, line); // the router keeps only lines with text
    await this.events.publish({ type: 'message', id: state.id, line });
    if (rec.status === 'withAgent') return []; // the agent answers; the bot says nothing of its own

    const command = text ? detectCommand(text) : undefined;
    if (command === 'cancel') {
      const t = await this.store.apply(state.id, { type: 'customer.left', at: this.now() });
      if (t.ok) {
        await this.events.publish({ type: 'queue', action: 'left', id: state.id, status: 'ended', at: this.now() });
        return [say.leftQueue(state.market, MENU)];
      }
      return [];
    }
    if (command === 'agent') return [say.alreadyQueued(state.market, await this.store.position(state.id))];
    if (!rec.acknowledged) {
      const t = await this.store.apply(state.id, { type: 'customer.acknowledged' });
      if (t.ok) return [say.messageKept(state.market, rec.afterHours, await this.store.position(state.id))];
    }
    return [];
  }

  /** `handoff.status` from a Bot Framework channel hub: accepted → with agent; completed/failed → back to the bot. */
  private async onChannelEvent(rec: HandoffRecord, ctx: HandoffContext): Promise<Reply[]> {
    if (ctx.input.eventName !== 'handoff.status') return [];
    const parsed = HubStatus.safeParse(ctx.input.value);
    if (!parsed.success) {
      this.opts.logger.info({ conversation: rec.id }, 'handoff.status event without a known state ignored');
      return [];
    }
    const t = await this.store.apply(rec.id, { type: 'hub.status', state: parsed.data.state, at: this.now() });
    if (!t.ok) return [];
    const action = t.next.status === 'ended' ? 'ended' : 'accepted';
    await this.events.publish({ type: 'queue', action, id: rec.id, status: t.next.status, agent: t.next.agent, at: this.now() });
    return t.next.status === 'ended' ? this.backReplies(ctx.state) : [];
  }

  // ---- Agent operations (/api/agent) ----

  async accept(id: string, agent: string | undefined): Promise<AgentResult<{ handoff: HandoffRecord; delivery: Delivery }>> {
    const t = await this.store.apply(id, { type: 'agent.accepted', agent: agent ?? 'Agent', at: this.now() });
    if (!t.ok) return t;
    this.opts.onAccepted?.((t.next.acceptedAt! - t.next.queuedAt) / 1000);
    this.opts.logger.info({ conversation: id }, 'hand-off accepted');
    await this.events.publish({ type: 'queue', action: 'accepted', id, status: 'withAgent', agent: t.next.agent, at: this.now() });
    await this.note(id, `${t.next.agent} joined the conversation.`);
    const delivery = await this.deliver(id, [say.agentJoined(t.next.market, agent)], 'bot');
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
    const result = await this.sendTo(state, [say.agentMessage(rec.market, text)]);
    if (!result.delivered) return { ok: false, status: result.reason === 'window-closed' ? 409 : 502, reason: result.reason, message: result.message! };
    const line: TranscriptLine = { at: this.now(), from: 'agent', text, kind: 'handoff' };
    await this.convs.appendTranscript(id, line);
    await this.events.publish({ type: 'message', id, line });
    return { ok: true, value: { line } };
  }

  async end(id: string, note: string | undefined): Promise<AgentResult<{ handoff: HandoffRecord; delivery: Delivery }>> {
    const t = await this.store.apply(id, { type: 'agent.ended', note, at: this.now() });
    if (!t.ok) return t;
    this.opts.logger.info({ conversation: id }, 'hand-off ended by agent');
    await this.events.publish({ type: 'queue', action: 'ended', id, status: 'ended', agent: t.next.agent, at: this.now() });
    await this.note(id, `${t.next.agent ?? 'An agent'} ended the hand-off${note ? ` — note: ${note}` : ''}.`);
    const state = await this.convs.loadConversation(id);
    const delivery = state ? await this.deliver(id, this.backReplies(state), 'bot', state) : { delivered: false, reason: 'no-conversation', message: 'The conversation has expired.' };
    return { ok: true, value: { handoff: t.next, delivery } };
  }

  /** The queue (waiting, oldest first, with places) and the conversations agents hold. */
  async queue(): Promise<{ waiting: QueueItem[]; withAgents: QueueItem[] }> {
    const waiting = await this.store.waiting();
    const withAgents = await this.store.withAgents();
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

  private backReplies(state: ConversationState): Reply[] {
    const market = state.market;
    const dialogs = this.opts.dialogs;
    if (state.dialog && dialogs && market) {
      try {
        const c = this.opts.knowledge.contacts[market];
        const p = dialogs.repeatPrompt(state.dialog, {
          market,
          contact: { phone: c.phone, hours: c.hours },
          slots: {},
          today: new Date(this.now()).toISOString().slice(0, 10),
        });
        return [
          say.backWithBot(market, true),
          { text: p.text, choices: p.choices, support: { kind: 'dialog', market, dialog: state.dialog.machine, step: p.step } },
        ];
      } catch (err) {
        this.opts.logger.warn({ err, conversation: state.id }, 'could not repeat the dialog prompt after a hand-off');
      }
    }
    return [say.backWithBot(market, false)];
  }

  private async deliver(id: string, replies: Reply[], from: 'bot', known?: ConversationState): Promise<Delivery> {
    const state = known ?? (await this.convs.loadConversation(id));
    if (!state) return { delivered: false, reason: 'no-conversation', message: 'The conversation has expired.' };
    const result = await this.sendTo(state, replies);
    if (result.delivered) {
      for (const r of replies) {
        const line: TranscriptLine = { at: this.now(), from, text: r.text, kind: r.support.kind };
        await this.convs.appendTranscript(id, line);
        await this.events.publish({ type: 'message', id, line });
      }
    }
    return result;
  }

  private async sendTo(state: ConversationState, replies: Reply[]): Promise<Delivery> {
    if (!this.sender) return { delivered: false, reason: 'unsupported-channel', message: 'No channel sender is configured.' };
    const result = await this.sender.send(state, replies).catch((err: Error) => ({ ok: false as const, reason: 'rejected', detail: err.message }));
    if (result.ok) return { delivered: true };
    this.opts.logger.warn({ conversation: state.id, reason: result.reason, code: 'CHANNEL_SEND_FAILED' }, 'message to the customer not delivered');
    return { delivered: false, reason: result.reason, message: deliveryMessage(state.channelId, result.reason, result.detail) };
  }

  private async note(id: string, text: string): Promise<void> {
    const line: TranscriptLine = { at: this.now(), from: 'system', text, kind: 'handoff' };
    await this.convs.appendTranscript(id, line);
    await this.events.publish({ type: 'message', id, line });
  }

  private async lastCustomerLine(id: string): Promise<string | undefined> {
    const lines = await this.convs.transcript(id, 20).catch(() => [] as TranscriptLine[]);
    const last = [...lines].reverse().find((l) => l.from === 'user');
    return last ? last.text.slice(0, 140) : undefined;
  }

  /** FAQ candidates for the customer's last real question (not "talk to a person" or "no, that did not help"). */
  private guessCandidates(transcript: TranscriptLine[], market: Market | undefined): Candidate[] {
    if (!this.opts.retriever) return [];
    for (let i = transcript.length - 1; i >= 0; i--) {
      const l = transcript[i]!;
      if (l.from !== 'user' || l.text.length < 4 || detectCommand(l.text) || yesNo(l.text)) continue;
      try {
        return this.opts.retriever.decide(l.text, market).candidates;
      } catch {
        return [];
      }
    }
    return [];
  }

  private safeStep(state: ConversationState): string | undefined {
    try {
      return state.dialog && this.opts.dialogs ? this.opts.dialogs.currentStep(state.dialog) : undefined;
    } catch {
      return undefined;
    }
  }
}

export interface QueueItem {
  id: string;
  status: HandoffRecord['status'];
  position?: number;
  reason: HandoffReason;
  reasonText: string;
  market?: Market;
  marketName?: string;
  channel: string;
  customerName?: string;
  afterHours: boolean;
  queuedAt: number;
  acceptedAt?: number;
  agent?: string;
  lastCustomerMessage?: string;
}

function deliveryMessage(channel: string, reason: string, detail?: string): string {
  switch (reason) {
    case 'window-closed':
      return "WhatsApp's 24-hour window is closed: the customer last wrote more than 24 hours ago, so WhatsApp will not deliver this message. It is not sent; it can be sent once the customer writes again.";
    case 'no-reference':
      return `The customer's channel (${channel}) left no address to reply to, so the message is not sent.`;
    case 'unsupported-channel':
      return `Replies to ${channel} customers are not supported yet, so the message is not sent.`;
    default:
      return `The ${channel} channel rejected the message${detail ? ` (${detail.slice(0, 200)})` : ''}.`;
  }
}
