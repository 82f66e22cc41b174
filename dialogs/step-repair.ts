/**
 * Conversation repair per step (issue 16): the simpler form of a free-text question (the re-prompt
 * ladder's second rung) and what a step asks and where to find it (for "I don't know", "I lost it",
 * "what is that?"). Only facts the documents or the catalogue already state; a step without its own
 * words gets the generic ones.
 */
import { msg, type Msg } from '../src/language/message.js';
import type { Market } from '../src/lib/types.js';
import type { DialogId } from './types.js';

type Kind = 'model' | 'purchaseDate' | 'date' | 'proof' | 'phone' | 'email' | 'name' | 'address' | 'amount' | 'months';

const KINDS: Partial<Record<`${DialogId}.${string}`, Kind>> = {
  'repairBooking.askingModel': 'model',
  'noWater.askingModel': 'model',
  'repairBooking.askingPurchaseDate': 'purchaseDate',
  'repairBooking.askingManufacturingDate': 'date',
  'repairBooking.askingLastRepair': 'date',
  'cancellationPenalty.askingReceivedDate': 'date',
  'repairBooking.askingProof': 'proof',
  'repairBooking.askingPhone': 'phone',
  'repairBooking.askingEmail': 'email',
  'repairBooking.askingName': 'name',
  'repairBooking.askingAddress': 'address',
  'cancellationPenalty.askingPriceWithout': 'amount',
  'cancellationPenalty.askingPriceWith': 'amount',
  'cancellationPenalty.askingElapsed': 'months',
};

function kindOf(dialog: DialogId, step: string): Kind | undefined {
  return KINDS[`${dialog}.${step}`];
}

function addressParts(market: Market): Msg {
  return msg(market === 'TW' ? 'ans.address.partsTW' : market === 'KR' ? 'ans.address.partsKR' : 'ans.address.parts');
}

/** The question in a simpler form, for a step whose answer is typed (steps with choices show them as buttons instead). */
export function simplerQuestion(dialog: DialogId, step: string, market: Market): Msg {
  switch (kindOf(dialog, step)) {
    case 'model':
      return msg('repair.simple.model');
    case 'purchaseDate':
    case 'date':
      return msg('repair.simple.date');
    case 'phone':
      return msg('repair.simple.phone');
    case 'email':
      return msg('repair.simple.email');
    case 'name':
      return msg('repair.simple.name');
    case 'address':
      return msg('repair.simple.address', { parts: addressParts(market) });
    case 'amount':
      return msg('repair.simple.amount');
    case 'months':
      return msg('repair.simple.months');
    default:
      return msg('repair.simple.other');
  }
}

/** What the step asks and where to find it. */
export function stepHelp(dialog: DialogId, step: string): Msg {
  switch (kindOf(dialog, step)) {
    case 'model':
      return msg('repair.help.model');
    case 'purchaseDate':
      return msg('repair.help.date');
    case 'proof':
      return msg('repair.help.proof');
    case 'phone':
      return msg('repair.help.phone');
    case 'email':
    case 'name':
    case 'address':
      return msg('repair.help.booking');
    default:
      return msg('repair.help.generic');
  }
}
