/**
 * The contract between the dialogs and the router (src/router/dialog-runtime.ts). Channel-neutral and
 * JSON-serialisable: replies are data, the router renders them.
 */
import { z } from 'zod';
import type { Lang } from '../src/conversation/lang.js';
import type { Text } from '../src/language/message.js';
import type { ChoiceData } from '../src/language/render.js';
import type { Market } from '../src/lib/types.js';

export type DialogId = 'passwordReset' | 'noWater' | 'repairBooking' | 'cancellationPenalty';
export const DIALOG_IDS = ['passwordReset', 'noWater', 'repairBooking', 'cancellationPenalty'] as const satisfies readonly DialogId[];

export type Slots = Record<string, string | number | boolean>;

export interface DialogInput {
  market: Market;
  /** The conversation's language: answers are read in it first (any language is understood). */
  lang?: Lang;
  /** The market's contact from knowledge/contacts.json; `note` e.g. "toll-free", `other` e.g. the contact form. */
  contact: { phone: string; hours: string; note?: string; other?: string[] };
  slots: Slots;
  today: string /* YYYY-MM-DD */;
}

export interface DialogReply {
  /** Message keys from src/language/catalog (a plain string only while a task is being moved to the catalogue). */
  text: Text | string;
  choices?: ChoiceData[];
  /** The step that produced the reply (state name), for channelData.support.step. */
  step: string;
}

export interface DialogOutput {
  outcome: 'completed' | 'cancelled' | 'handoff' | 'switch';
  reason?: string;
  switchTo?: { dialog: DialogId; slots: Slots };
  /** One line for the agent / transcript. */
  summary?: string;
}

export interface RepairBooking {
  /** Client-generated, stable across retries: saveBooking must be idempotent on it. */
  id: string;
  reference?: string;
  market: Market;
  model: string;
  purchaseDate: string;
  hasProof: boolean;
  registered?: boolean;
  warranty: string;
  estimatedCost?: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  rental?: boolean;
  createdAt: string;
  /** Catalogue id of the model. */
  modelId?: string;
  /** KR: bought outside Nestlé Korea's distribution. */
  overseas?: boolean;
  /** KR without proof of purchase. */
  manufacturingDate?: string;
  /** FR. */
  brand?: string;
  ambassador?: boolean;
  serviceOption?: 'repair' | 'refurbished' | 'newMachine';
  /** Date of a previous repair by Nespresso, when the customer gave one. */
  lastRepairDate?: string;
}

/** A booking reference customers can quote: `R-` and six upper-case letters or digits. */
export const BookingReference = z.string().regex(/^R-[A-Z0-9]{6}$/);
export type BookingReference = z.infer<typeof BookingReference>;

/** The event the runtime sends for every customer message (typed text or a tapped choice's value). */
export interface UserSaid {
  type: 'user.said';
  text: string;
}

/** Emitted by every machine for each bot message. */
export interface ReplyEmitted {
  type: 'reply';
  reply: DialogReply;
}

/** Context fields every machine carries (small, JSON-serialisable). */
export interface BaseContext {
  market: Market;
  contact: DialogInput['contact'];
  today: string;
  outcome?: DialogOutput;
}
