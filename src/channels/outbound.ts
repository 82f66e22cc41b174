/**
 * Proactive sends (agent messages, hand-off notices) to a customer on whatever channel their
 * conversation came from. Each channel registers a sender for its channelIds; the hand-off service
 * calls send() with the stored conversation state and never needs to know the channel.
 */
import type { Reply } from '../lib/types.js';
import type { ConversationState } from '../conversation/conversation.js';

export type SendResult =
  | { ok: true }
  /** The platform will not deliver now (e.g. WhatsApp's 24-hour window closed): say so to the sender. */
  | { ok: false; reason: 'window-closed' | 'no-reference' | 'unsupported-channel' | 'rejected'; detail?: string };

export interface OutboundChannel {
  /** channelIds this sender serves (e.g. ['line'], ['whatsapp'], ['directline'], ['*'] for Bot Framework). */
  channelIds: string[];
  send(state: ConversationState, replies: Reply[]): Promise<SendResult>;
  /** A typing indicator from `agent` (display name); channels without one leave it out. */
  typing?(state: ConversationState, agent: string): Promise<SendResult>;
}

export class Outbound {
  private readonly byChannel = new Map<string, OutboundChannel>();
  private fallback?: OutboundChannel;

  register(channel: OutboundChannel): void {
    for (const id of channel.channelIds) {
      if (id === '*') this.fallback = channel;
      else this.byChannel.set(id, channel);
    }
  }

  async send(state: ConversationState, replies: Reply[]): Promise<SendResult> {
    const channel = this.byChannel.get(state.channelId) ?? this.fallback;
    if (!channel) return { ok: false, reason: 'unsupported-channel', detail: state.channelId };
    return channel.send(state, replies);
  }

  async typing(state: ConversationState, agent: string): Promise<SendResult> {
    const channel = this.byChannel.get(state.channelId) ?? this.fallback;
    if (!channel?.typing) return { ok: false, reason: 'unsupported-channel', detail: state.channelId };
    return channel.typing(state, agent);
  }
}
