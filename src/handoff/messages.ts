/** What the customer is told during a hand-off, in one place. Every reply carries support.kind 'handoff'. */
import { MARKET_NAMES, type Choice, type Market, type Reply } from '../lib/types.js';
import type { Contact } from '../retrieval/knowledge-schema.js';
import type { ConversationState } from '../router/conversation.js';
import type { DialogEngine } from '../router/dialog-port.js';
import { zoneLabel, type HoursStatus } from './hours.js';

const STOP_WAITING: Choice[] = [{ label: 'Stop waiting', value: 'cancel' }];

function reply(text: string, market?: Market, choices?: Choice[]): Reply {
  return { text, choices, support: { kind: 'handoff', market } };
}

function placeLine(position: number | undefined): string {
  if (!position) return '';
  return position === 1 ? "You're next in the queue." : `You're number ${position} in the queue.`;
}

function hoursLine(market: Market, contact: Contact, hours: HoursStatus): string {
  const name = MARKET_NAMES[market];
  switch (hours.kind) {
    case 'alwaysOpen':
      return `Our team for ${name} is available ${contact.hours}.`;
    case 'open':
      return `Our team for ${name} is available ${contact.hours} (${zoneLabel(contact.timeZone)}).`;
    case 'unknown':
      return `Our documents don't state the support team's hours for ${name}, so I can't promise a time; you can also call ${contact.phone}.`;
    case 'closed':
      return `Our team for ${name} is available ${contact.hours} (${zoneLabel(contact.timeZone)}), so nobody is in right now${hours.nextOpening ? ` — they're back ${hours.nextOpening}` : ''}.`;
  }
}

export interface QueuedInfo {
  market?: Market;
  contact?: Contact;
  hours?: HoursStatus;
  position?: number;
}

/** Just queued: what happens next, the place in the queue, the hours; out of hours, leave a message. */
export function queued(info: QueuedInfo): Reply {
  const { market, contact, hours, position } = info;
  const hoursText = market && contact && hours ? hoursLine(market, contact, hours) : '';
  if (hours?.kind === 'closed') {
    return reply(
      [
        "I'll pass this conversation to a person from our support team.",
        hoursText,
        'Leave a message here: describe what you need, and an agent will read it and reply in this chat when the team is back.',
        placeLine(position),
      ]
        .filter(Boolean)
        .join(' '),
      market,
      STOP_WAITING,
    );
  }
  return reply(
    [
      "I'm connecting you with a person from our support team.",
      placeLine(position),
      hoursText,
      'An agent will reply here as soon as one is free — keep this chat open, and feel free to describe your question while you wait.',
    ]
      .filter(Boolean)
      .join(' '),
    market,
    STOP_WAITING,
  );
}

export function alreadyQueued(market: Market | undefined, position: number | undefined): Reply {
  return reply(`You're already waiting for a person. ${placeLine(position)} An agent will reply here.`.trim(), market, STOP_WAITING);
}

/** First message from a waiting customer: say it was kept (once). */
export function messageKept(market: Market | undefined, afterHours: boolean, position: number | undefined): Reply {
  return afterHours
    ? reply('Thanks — your message is saved. An agent will read it and reply in this chat when the team is back.', market)
    : reply(`Thanks — the agent will see your message when they join. ${placeLine(position)}`.trim(), market);
}

export function leftQueue(market: Market | undefined, menu: Choice[]): Reply {
  return reply("OK, you've left the queue. You're back with the assistant — what can I help you with?", market, menu);
}

export function agentJoined(market: Market | undefined, agent: string | undefined): Reply {
  return reply(`${agent ? `${agent} from our support team` : 'An agent from our support team'} has joined the chat.`, market);
}

export function agentMessage(market: Market | undefined, text: string): Reply {
  return reply(text, market);
}

/** The hand-off ended: the bot is back; `resume` says a dialog's question follows. */
export function backWithBot(market: Market | undefined, resume: boolean): Reply {
  return reply(
    resume
      ? "You're back with the assistant. Let's pick up where we left off:"
      : "You're back with the assistant. Ask me anything else, or type \"talk to a person\" to reach an agent again.",
    market,
  );
}

/**
 * What the bot says when the hand-off ends: that it is back, then the pending question of the dialog
 * the customer was in (if any), so they can carry on where they left off.
 */
export function resume(state: ConversationState, dialogs: DialogEngine | undefined, contacts: Record<Market, Contact>, today: string): Reply[] {
  const market = state.market;
  if (state.dialog && dialogs && market) {
    const c = contacts[market];
    const p = dialogs.repeatPrompt(state.dialog, { market, contact: { phone: c.phone, hours: c.hours }, slots: {}, today });
    return [backWithBot(market, true), { text: p.text, choices: p.choices, support: { kind: 'dialog', market, dialog: state.dialog.machine, step: p.step } }];
  }
  return [backWithBot(market, false)];
}
