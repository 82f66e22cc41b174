/**
 * What the customer is told during a hand-off, as data: message keys worded by the renderer in the
 * conversation's language. Every reply carries support.kind 'handoff'.
 */
import { msg, type Msg, type Text } from '../language/message.js';
import type { ChoiceData, ReplyData } from '../language/render.js';
import type { Market } from '../lib/types.js';
import type { Contact } from '../retrieval/knowledge-schema.js';
import type { ConversationState } from '../conversation/conversation.js';
import type { DialogEngine } from '../conversation/dialog-port.js';
import type { HoursStatus } from './hours.js';

const STOP_WAITING: ChoiceData[] = [{ label: msg('label.stopWaiting'), value: 'cmd:cancel' }];

function reply(text: Text | string, market?: Market, choices?: ChoiceData[], extra: Pick<ReplyData['support'], 'agent' | 'notice'> = {}): ReplyData {
  return { text, choices, support: { kind: 'handoff', market, ...extra } };
}

function placeLine(position: number | undefined): Msg[] {
  if (!position) return [];
  return [position === 1 ? msg('queue.next') : msg('queue.position', { position })];
}

function hoursLine(market: Market, contact: Contact, hours: HoursStatus): Msg {
  const m = { market };
  switch (hours.kind) {
    case 'alwaysOpen':
      return msg('hours.alwaysOpen', { market: m, hours: { hours: market } });
    case 'open':
      return msg('hours.open', { market: m, hours: { hours: market }, zone: { zone: contact.timeZone } });
    case 'unknown':
      return msg('hours.unknown', { market: m, phone: contact.phone });
    case 'closed': {
      if (!hours.next) return msg('hours.closed', { market: m, hours: { hours: market }, zone: { zone: contact.timeZone } });
      const { ahead, day, time } = hours.next;
      const when = ahead === 0 ? msg('hours.today', { time }) : ahead === 1 ? msg('hours.tomorrow', { time }) : msg('hours.weekday', { day: { weekday: day }, time });
      return msg('hours.closedBack', { market: m, hours: { hours: market }, zone: { zone: contact.timeZone }, when });
    }
  }
}

export interface QueuedInfo {
  market?: Market;
  contact?: Contact;
  hours?: HoursStatus;
  position?: number;
}

/** Just queued: what happens next, the place in the queue, the hours; out of hours, leave a message. */
export function queued(info: QueuedInfo): ReplyData {
  const { market, contact, hours, position } = info;
  const hoursText = market && contact && hours ? [hoursLine(market, contact, hours)] : [];
  if (hours?.kind === 'closed') {
    return reply({ sentences: [msg('handoff.passing'), ...hoursText, msg('handoff.leaveMessage'), ...placeLine(position)] }, market, STOP_WAITING);
  }
  return reply({ sentences: [msg('handoff.connecting'), ...placeLine(position), ...hoursText, msg('handoff.wait')] }, market, STOP_WAITING);
}

export function alreadyQueued(market: Market | undefined, position: number | undefined): ReplyData {
  return reply({ sentences: [msg('handoff.already'), ...placeLine(position)] }, market, STOP_WAITING);
}

/** First message from a waiting customer: say it was kept (once). */
export function messageKept(market: Market | undefined, afterHours: boolean, position: number | undefined): ReplyData {
  return afterHours ? reply(msg('handoff.savedAfterHours'), market) : reply({ sentences: [msg('handoff.savedQueued'), ...placeLine(position)] }, market);
}

export function leftQueue(market: Market | undefined, menu: ChoiceData[]): ReplyData {
  return reply(msg('handoff.left'), market, menu);
}

export function agentJoined(market: Market | undefined, agent: string | undefined): ReplyData {
  return reply(agent ? msg('handoff.joined', { agent }) : msg('handoff.joinedAnonymous'), market, undefined, { notice: 'agentJoined', ...(agent ? { agent } : {}) });
}

/** An agent's own words, verbatim, signed with their display name (the channel shows who wrote it). */
export function agentMessage(market: Market | undefined, text: string, agent: string | undefined): ReplyData {
  return reply(text, market, undefined, agent ? { agent } : {});
}

/** The hand-off ended: the bot is back (`agent` left); `resume` says a dialog's question follows. */
export function backWithBot(market: Market | undefined, resume: boolean, agent?: string): ReplyData {
  return reply(msg(resume ? 'handoff.backResume' : 'handoff.back'), market, undefined, { notice: 'agentLeft', ...(agent ? { agent } : {}) });
}

/**
 * What the bot says when the hand-off ends: that it is back, then the pending question of the dialog
 * the customer was in (if any), so they can carry on where they left off.
 */
export function resume(state: ConversationState, dialogs: DialogEngine | undefined, contacts: Record<Market, Contact>, today: string, agent?: string): ReplyData[] {
  const market = state.market;
  if (state.dialog && dialogs && market) {
    const c = contacts[market];
    const p = dialogs.repeatPrompt(state.dialog, { market, lang: state.lang, contact: { phone: c.phone, hours: c.hours }, slots: {}, today });
    return [backWithBot(market, true, agent), { text: p.text, choices: p.choices, support: { kind: 'dialog', market, dialog: state.dialog.machine, step: p.step } }];
  }
  return [backWithBot(market, false, agent)];
}
