/**
 * The Bot Framework `handoff.initiate` event (botbuilder EventFactory) for channels whose own hub
 * routes hand-offs (e.g. Teams / Omnichannel). Sent proactively on the stored conversation
 * reference, because EventFactory needs a TurnContext. Direct Line (our own web chat), LINE and
 * WhatsApp have no such hub: the agent console serves them.
 */
import { ActivityTypes, EventFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { Config } from '../config.js';
import type { ConversationState, TranscriptLine } from '../conversation/conversation.js';
import type { BotFrameworkChannel } from './bot-framework.js';

const NO_HUB = new Set(['directline', 'line', 'whatsapp']);

export function handoffInitiator(channel: BotFrameworkChannel, config: Config) {
  return async (state: ConversationState, packet: unknown, transcript: TranscriptLine[]): Promise<boolean> => {
    const ref = state.conversationRef as ConversationReference | undefined;
    if (NO_HUB.has(state.channelId) || !ref?.serviceUrl) return false;
    await channel.adapter.continueConversationAsync(config.MicrosoftAppId ?? '', ref, async (context) => {
      const activities: Partial<Activity>[] = transcript.map((line) => ({
        type: ActivityTypes.Message,
        text: line.text,
        timestamp: new Date(line.at),
        from: line.from === 'user' ? ref.user : { ...ref.bot, role: line.from === 'agent' ? 'agent' : 'bot' },
        conversation: ref.conversation,
        channelId: ref.channelId,
      })) as Partial<Activity>[];
      const event = EventFactory.createHandoffInitiation(context, packet, { activities: activities as Activity[] });
      await context.sendActivity(event);
    });
    return true;
  };
}
