/**
 * Messages to the customer outside a turn (agent replies, "joined", "back with the assistant"):
 * sent through the customer's own channel, then written to the transcript and the console stream.
 */
import type { Logger } from '../lib/logger.js';
import { Renderer, type ReplyData } from '../language/render.js';
import type { Reply } from '../lib/types.js';
import type { ConversationState, TranscriptLine } from '../conversation/conversation.js';
import type { AgentEventHub } from './events.js';
import type { ConversationAccess, CustomerSender, Delivery } from './ports.js';

export class CustomerDelivery {
  constructor(
    private readonly deps: {
      conversations: () => ConversationAccess;
      sender: () => CustomerSender | undefined;
      events: AgentEventHub;
      logger: Logger;
      now: () => number;
      /** Words the replies in the conversation's language. */
      renderer: Renderer;
    },
  ) {}

  /** Send; on success record each reply as a transcript line `from` and push it to the consoles. */
  async deliver(id: string, data: ReplyData[], from: TranscriptLine['from'], known?: ConversationState): Promise<Delivery> {
    const state = known ?? (await this.deps.conversations().loadConversation(id));
    if (!state) return { delivered: false, reason: 'no-conversation', message: 'The conversation has expired.' };
    const replies = this.render(state, data);
    const result = await this.sendRendered(state, replies);
    if (result.delivered) {
      for (const r of replies) await this.record(id, { at: this.deps.now(), from, text: r.text, kind: r.support.kind });
    }
    return result;
  }

  /** Send only (the caller records). */
  send(state: ConversationState, data: ReplyData[]): Promise<Delivery> {
    return this.sendRendered(state, this.render(state, data));
  }

  private render(state: ConversationState, data: ReplyData[]): Reply[] {
    return data.map((r) => this.deps.renderer.reply(r, state.lang ?? 'en'));
  }

  private async sendRendered(state: ConversationState, replies: Reply[]): Promise<Delivery> {
    const sender = this.deps.sender();
    if (!sender) return { delivered: false, reason: 'unsupported-channel', message: 'No channel sender is configured.' };
    const result = await sender.send(state, replies).catch((err: Error) => ({ ok: false as const, reason: 'rejected', detail: err.message }));
    if (result.ok) return { delivered: true };
    this.deps.logger.warn({ conversation: state.id, reason: result.reason, code: 'CHANNEL_SEND_FAILED' }, 'message to the customer not delivered');
    return { delivered: false, reason: result.reason, message: deliveryMessage(state.channelId, result.reason, result.detail) };
  }

  /** A line in the transcript (agent message, system note), also pushed to every console. */
  async record(id: string, line: TranscriptLine): Promise<void> {
    await this.deps.conversations().appendTranscript(id, line);
    await this.deps.events.publish({ type: 'message', id, line });
  }
}

export function deliveryMessage(channel: string, reason: string, detail?: string): string {
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
