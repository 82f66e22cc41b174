/** "Status of R-AB12CD", or "where is my repair booking?" with the conversation's own bookings. */
import { msg } from '../../language/message.js';
import { bookingStatus as statusOf } from '../actions.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

/** "what's the status of my booking / repair?" without a reference. */
const BOOKING_STATUS = /\b(?:status|update|news|progress|where(?:'s| is))\b.{0,30}\b(?:my|the) (?:booking|repair(?: booking)?)\b|\b(?:my|the) (?:booking|repair)(?: booking)?\b.{0,20}\bstatus\b|예약 ?(?:상태|조회)|預約(?:狀態|進度)|(?:statut|suivi) de (?:ma|la) (?:réservation|réparation)|estado da (?:minha )?(?:marcação|reparação)/iu;

export const bookingStatus: Stage = async (t) => {
  const { s, state, text } = t;
  const reference = s.dialogs?.parseBookingReference(text);
  if (reference) return statusOf(t, reference);
  if (state.dialog || !BOOKING_STATUS.test(text)) return undefined;
  const mine = await s.bookings.forConversation(state.id);
  if (mine.length === 1) return statusOf(t, mine[0]!.reference);
  if (mine.length > 1) {
    return [say.system(msg('booking.which'), t.market, mine.slice(-5).map((b) => ({ label: b.reference, value: b.reference })))];
  }
  return [say.system(msg('booking.needReference'), t.market)];
};
