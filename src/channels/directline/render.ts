/**
 * Direct Line's reply rendering on top of the shared replyToActivity (src/channels/activity.ts):
 * what Web Chat needs beyond the Bot Framework defaults.
 */
import type { Activity } from 'botbuilder';

/**
 * Web Chat shows an imBack's value as the user's message ("start no water"). Where the value
 * differs from the label, send a messageBack instead: the bot still gets the value as text, the
 * transcript shows the label the customer tapped (channelData.messageBack.displayText).
 */
export function withDisplayText(activity: Partial<Activity>): Partial<Activity> {
  const actions = activity.suggestedActions?.actions;
  if (!actions?.length) return activity;
  return {
    ...activity,
    suggestedActions: {
      ...activity.suggestedActions!,
      actions: actions.map((a) =>
        a.type === 'imBack' && typeof a.value === 'string' && a.value !== a.title
          ? { type: 'messageBack', title: a.title, text: a.value, displayText: a.title, value: undefined }
          : a,
      ),
    },
  };
}
