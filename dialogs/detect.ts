/**
 * Which dialog a customer's message starts, and the slots it already fills ("my prodigio gives no water",
 * "I pay 99 for a lattissima one that costs 279, 5 months into 24"). Pure: relative dates are kept as
 * text and resolved by the machine against the dialog's `today`.
 */
import { findModel } from '../src/retrieval/policy.js';
import type { DialogId, Slots } from './types.js';

export interface Detection {
  dialog: DialogId;
  slots: Slots;
  confidence: number;
}

const PAYLOADS: Record<string, DialogId> = {
  'start password reset': 'passwordReset',
  'start no water': 'noWater',
  'start repair booking': 'repairBooking',
  'start cancellation penalty': 'cancellationPenalty',
};

/** A booking reference in free text: "R-7KQ2ZD", "r 7kq2zd". */
export function parseBookingReference(text: string): string | undefined {
  const m = /(?:^|[^\p{L}\p{N}])R(?:-|\s)?([A-Z0-9]{6})(?![\p{L}\p{N}])/iu.exec(text);
  if (!m?.[1]) return undefined;
  const hasSeparator = /R[-\s]/i.test(m[0]);
  return hasSeparator || /\d/.test(m[1]) ? `R-${m[1].toUpperCase()}` : undefined;
}

export function detectDialog(text: string): Detection | undefined {
  const t = text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  // Own keys only: 'constructor' or '__proto__' must not find Object.prototype's members.
  const payload = Object.hasOwn(PAYLOADS, t) ? PAYLOADS[t] : undefined;
  if (payload) return { dialog: payload, slots: {}, confidence: 1 };
  const found = [passwordReset(t), noWater(t, text), repairBooking(t, text), cancellation(t)].filter((d): d is Detection => d !== undefined);
  return found.sort((a, b) => b.confidence - a.confidence)[0];
}

function passwordReset(t: string): Detection | undefined {
  if (/\b(wi-?fi|router|modem|bluetooth|phone lock|laptop|windows)\b/.test(t)) return undefined;
  const strong = /\b(forg[eo]t(ten)?|lost|reset|recover|change)\b.{0,25}\bpass ?word|pass ?word\b.{0,30}\b(reset|forg[eo]t|expired|link|email)|reset (link|email)|can'?t (log ?in|sign ?in)|cannot (log ?in|sign ?in)/.test(t);
  if (!strong) return undefined;
  const slots: Slots = {};
  if (/momo|pchome|yahoo|other (channel|shop|store)|another (channel|shop|store)/.test(t)) slots.situation = 'otherChannel';
  else if (/\bexpired?|no longer valid|invalid link|link (doesn'?t|does not|won'?t) work/.test(t)) slots.situation = 'expired';
  else if (/(didn'?t|did not|never|haven'?t|have not|not) (get|got|receive|received|arrive|arrived|come|came)|no (reset )?e-?mail/.test(t)) slots.situation = 'notReceived';
  else if (/forg[eo]t.{0,20}(e-?mail|login|user ?name)|which e-?mail|registered e-?mail/.test(t)) slots.situation = 'forgotEmail';
  else if (/\b(forg[eo]t(ten)?|lost)\b.{0,25}\bpass ?word/.test(t)) slots.situation = 'forgot';
  return { dialog: 'passwordReset', slots, confidence: 0.9 };
}

function noWater(t: string, raw: string): Detection | undefined {
  const hit =
    /\bno water\b|gives? no water|water (doesn'?t|does not|won'?t|will not|isn'?t|is not|not) (come|coming|flow|flowing|run|running|go|going)|nothing (comes?|coming) out|not (pumping|priming)|air bubble|no (water|flow) (comes?|coming) out/.test(t);
  if (!hit) return undefined;
  const slots: Slots = {};
  const model = findModel(raw);
  if (model) slots.model = model.id;
  const tries = /\b(?:tried|tries|attempts?|did it)\D{0,20}?(\d{1,2})\s*(?:times|tries|attempts)?\b/.exec(t) ?? /\b(\d{1,2})\s*(?:times|tries|attempts)\b/.exec(t);
  if (tries?.[1]) slots.tries = Number(tries[1]);
  return { dialog: 'noWater', slots, confidence: 0.9 };
}

function repairBooking(t: string, raw: string): Detection | undefined {
  if (parseBookingReference(raw) && /\b(status|where|track|booking|reference)\b/.test(t)) return undefined;
  const strong =
    /\b(book|arrange|schedule|request|need|want|get)\b.{0,25}\b(repair|fix(ed)?|service)\b|\brepair (booking|request)\b|\b(send|take)\b.{0,25}\b(for|to) (repair|service)\b|\b(machine|it)('s| is) (broken|faulty|defective|not working)\b|\b(broken|faulty|defective) (machine|nespresso)\b|\b(get|have) (it|my \w+( \w+)?) repaired\b/.test(t);
  const weak = /\b(repair|broken|faulty|defective|after-?sales)\b/.test(t);
  if (!strong && !weak) return undefined;
  const slots: Slots = {};
  const model = findModel(raw);
  if (model) slots.model = model.id;
  const bought = /\b(?:bought|purchased|got)\b(?: it| this| the machine| my \w+(?: \w+)?)?\s+((?:on|in|last|about|around|\d|a |an |two |three |four |five |january|february|march|april|may|june|july|august|september|october|november|december)[^,.;!?]*)/.exec(t);
  if (bought?.[1]) slots.purchaseDate = bought[1].split(/\s+(?:and|but|with|so|because)\s+/)[0]!.replace(/^(on|about|around)\s+/, '').trim();
  if (/\b(no|without( a| the)?|lost( my| the)?|don'?t have( a| the)?|do not have( a| the)?)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = false;
  else if (/\b(have|got|kept|with)\s+(the|my|a)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = true;
  if (/\b(bought|purchased)\b.{0,30}\b(abroad|overseas)\b/.test(t)) slots.overseas = true;
  return { dialog: 'repairBooking', slots, confidence: strong || (model && /\b(broken|faulty|defective|repair)\b/.test(t)) ? 0.85 : 0.55 };
}

const MONEY_BEFORE_WITH = /\b(pay|paid|paying|pay only)\s*(?:€|eur\s*)?$/;
const MONEY_BEFORE_WITHOUT = /\b(costs?|costing|worth|price is|priced at|retails? (?:at|for)|normally|normal price(?: is| of)?)\s*(?:€|eur\s*)?$/;

function cancellation(t: string): Detection | undefined {
  const hit =
    /\bcancel(l?ing|l?ation|led)?\b.{0,40}\bsubscription|\bsubscription\b.{0,40}\bcancel|\b(cancellation|termination|early exit|exit) (fee|penalty|charge|cost)s?\b|\bpenalt(y|ies)\b.{0,40}\b(subscription|cancel|commitment)|\b(end|terminate|stop|quit|leave)\b.{0,20}\b(machine )?subscription\b|\bplus program(me)?\b.{0,40}\b(cancel|return|refund)|\b(cancel|return|refund)\b.{0,40}\bplus program(me)?\b/.test(t);
  if (/\beasy ?ordering\b/.test(t)) return undefined;
  const slots = cancellationSlotsIn(t);
  // "I pay 99 for a lattissima one that costs 279, 5 months into 24": no trigger word, but only a subscription reads so.
  const implied = !hit && slots.commitment !== undefined && (slots.priceWith !== undefined || slots.priceWithout !== undefined);
  if (!hit && !implied) return undefined;
  return { dialog: 'cancellationPenalty', slots, confidence: hit ? 0.9 : 0.7 };
}

/** Commitment, months elapsed and the two prices, wherever they appear in a message. */
export function cancellationSlotsIn(text: string): Slots {
  const t = text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  const slots: Slots = {};
  const into = /(\d{1,2})\s*(?:months?|mos?)?\s*(?:into|in|out of|of)\s*(?:a |my |the )?(12|24)\b/.exec(t);
  if (into) {
    slots.elapsed = Number(into[1]);
    slots.commitment = Number(into[2]);
  }
  const commitment = /\b(12|24)[- ]?months?(?: long)? (?:commitment|subscription|contract|plan)/.exec(t) ?? /\b(?:commitment|contract|subscription) (?:of|for) (12|24) months?/.exec(t);
  if (commitment?.[1] && slots.commitment === undefined) slots.commitment = Number(commitment[1]);
  const elapsed = /\b(?:for|since|been|had it for)\s+(\d{1,2})\s*months?\b/.exec(t) ?? /\b(\d{1,2})\s*months?\s+(?:in|ago|now|so far)\b/.exec(t);
  if (elapsed?.[1] && slots.elapsed === undefined) slots.elapsed = Number(elapsed[1]);
  if (/\b(commitment|contract)\b.{0,20}\b(is |has )?(over|ended|finished|completed)\b|\bafter (the|my) commitment\b/.test(t)) slots.finished = true;
  Object.assign(slots, prices(t));
  return slots;
}

/** Money amounts and which price each one is, from the words around it. */
function prices(t: string): Slots {
  const out: Slots = {};
  const loose: number[] = [];
  for (const m of t.matchAll(/(€\s*)?(\d{1,5}(?:[.,]\d{1,2})?)\s*(€|euros?|eur\b)?/g)) {
    const at = m.index ?? 0;
    const before = t.slice(Math.max(0, at - 25), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 30);
    const value = Number(m[2]!.replace(',', '.'));
    if (/^\s*[- ]?(months?|mos?|years?|days?)\b/.test(after) || /\b(into|of|in|out of)\s*$/.test(before) || /^(19|20)\d\d$/.test(m[2]!)) continue;
    if (/^(12|24)$/.test(m[2]!) && /^\s*[- ]?months?/.test(after)) continue;
    if (MONEY_BEFORE_WITH.test(before) || /^\s*(?:€|euros?)?\s*(?:under|with|on) (?:the |a |my )?subscription/.test(after)) out.priceWith ??= value;
    else if (MONEY_BEFORE_WITHOUT.test(before) || /^\s*(?:€|euros?)?\s*without/.test(after)) out.priceWithout ??= value;
    else if (m[1] || m[3]) loose.push(value);
  }
  if (loose.length === 2 && out.priceWith === undefined && out.priceWithout === undefined) {
    out.priceWithout = Math.max(...loose);
    out.priceWith = Math.min(...loose);
  } else if (loose.length === 1) {
    if (out.priceWith !== undefined && out.priceWithout === undefined) out.priceWithout = loose[0]!;
    else if (out.priceWithout !== undefined && out.priceWith === undefined) out.priceWith = loose[0]!;
  }
  return out;
}
