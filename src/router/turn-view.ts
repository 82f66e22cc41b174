/**
 * What every stage of the turn sees (DESIGN.md §1 step 3): the services, the message, the
 * conversation's draft state and user record, the market and language resolved once for the turn,
 * and the effects the router performs after its compare-and-set save.
 */
import type { Config } from '../config.js';
import type { ButtonValue } from '../conversation/buttons.js';
import type { Lang } from '../conversation/lang.js';
import type { ReplyData } from '../language/render.js';
import type { Logger } from '../lib/logger.js';
import type { Market, TurnInput } from '../lib/types.js';
import type { Retriever } from '../retrieval/decide.js';
import type { Knowledge } from '../retrieval/knowledge.js';
import type { Storage } from '../state/storage.js';
import type { BookingStore } from '../conversation/bookings.js';
import type { ConversationState, UserState } from '../conversation/conversation.js';
import type { DialogEngine } from '../conversation/dialog-port.js';
import type { HandoffPort, HandoffReason } from '../conversation/handoff-port.js';

export interface TurnServices {
  config: Config;
  knowledge: Knowledge;
  retriever: Retriever;
  dialogs?: DialogEngine;
  handoff?: HandoffPort;
  bookings: BookingStore;
  storage: Storage;
  logger: Logger;
  now: () => number;
}

/** Records the router writes once the turn's state is saved; a failure is logged, never fails the turn. */
export type Effect =
  | { type: 'record'; list: 'unanswered' | 'feedback' | 'outcomes'; item: Record<string, unknown> }
  | { type: 'handoffRequested'; reason: HandoffReason };

export interface Turn {
  s: TurnServices;
  input: TurnInput;
  text: string;
  /** The conversation and user as this turn will save them (the router saves with compare-and-set). */
  state: ConversationState;
  user: UserState;
  market?: Market;
  /** The conversation's language, resolved once for the turn (DESIGN.md §10). */
  lang: Lang;
  /** A button's neutral value, when the message is one. */
  button?: ButtonValue;
  /** A market the message states ("I'm in Korea", "한국"), and the market before this turn. */
  said?: Market;
  marketBefore?: Market;
  /** The message answers the active task's pending step. */
  answersStep: boolean;
  /** The customer chose a language with this message. */
  langChosen: boolean;
  effects: Effect[];
  /** The customer is waiting for a person: the hand-off's acknowledgement goes first. */
  waiting?: { before: ReplyData[] };
}

export type Reply = ReplyData;

/** One stage: replies when it handles the message, undefined to pass it to the next stage. */
export type Stage = (t: Turn) => Promise<Reply[] | undefined> | Reply[] | undefined;
