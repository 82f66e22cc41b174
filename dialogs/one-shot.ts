/**
 * One-shot tasks (issue 16): a message that carries a task's inputs gets the result at once. Pure: reads the
 * message, and words the result with the tasks' own texts (the penalty with its working, the warranty decision
 * and the KR repair price, from src/retrieval/policy.ts). Undefined when an input is missing: the task then
 * starts with what the message gives and asks only for the rest, or the FAQ answers.
 */
import { msg, type Msg, type Text } from '../src/language/message.js';
import { addMonths } from '../src/policy/dates.js';
import { krRepairCost } from '../src/policy/kr-repair-cost.js';
import { warrantyRules } from '../src/policy/tables.js';
import { squash } from '../src/language/understand/index.js';
import { cancellationContext, cancellationCorrectable, finishedReply, penaltyReply, type CancellationContext } from './cancellation-penalty.machine.js';
import { correctionIn } from './step-kit.js';
import { asksForRepair, detectDialog, durationsIn, IN_KOREA, purchaseSlotsIn, REGISTERED, registrationOf } from './detect.js';
import { modelIn } from './models.js';
import { parseDate, type ParsedDate } from './parse.js';
import { withDigits } from './parse-numbers.js';
import { readingOf } from './reading.js';
import { krCostText, needsKrRegistration, termsText, warrantyOf, type RepairContext } from './repair-booking.texts.js';
import type { DialogId, DialogInput, Slots } from './types.js';

export type OneShotTask = 'cancellationPenalty' | 'warranty' | 'krRepairPrice';

export interface OneShotResult {
  task: OneShotTask;
  text: Msg[];
  /** The task that naturally follows (offered as a button). */
  followUp?: DialogId;
  /**
   * What the customer told us that the follow-up task asks again (model, purchase date and its precision, proof,
   * KR origin and registration), or the penalty's figures a correction may change: only what the message said,
   * never what the result assumed.
   */
  slots?: Slots;
}

// Patterns list English, Traditional Chinese, Korean, French and Portuguese, read against the squashed text.

/** Asking whether a machine is (still) under warranty. */
const WARRANTY = /warrant|warrent|warant|guarantee|\bcovered\b|保固|保修|保證|보증|워런티|무상 ?(수리|as|에이에스)|garantie|garanti|garentie|couverte?\b|garantia|coberta?\b|coberto/u;
/** The warranty said to be over: the customer asks what a repair costs, not whether it is covered. */
const WARRANTY_OVER =
  /out of warranty|warranty (ran out|has run out|expired|is over|ended|has ended)|no longer (under|covered)|(過了|超過)保固|保固(已經?|早就)(過期|到期|結束)|保固(過期|到期|結束)了|보증[^.]{0,6}(끝났|끝난|지났|지난|만료됐|만료된)|무상[^.]{0,6}(끝났|끝난|지났|지난)|hors garantie|plus sous garantie|garantie (est )?(expirée|terminée|finie)|fora da garantia|garantia (já )?(expirou|terminou|acabou)|acabar a garantia|saiu da garantia|já não (tem|está (na|em)) garantia|sem garantia|n'est plus (sous )?garantie|warranty (is )?(over|gone)|過保|已經?過了?保固|保固已經?(過|到期)|保固(已經?|早就)?(過期|到期|結束)(了|快|很久|好久|\d|[一二兩三四五六七八九十半幾])|(早就|已經|已)沒(有)?(保固|保修)/u;
/** Asking what something costs. */
const PRICE = /how much|\bvalor\b|\bmontant\b|\b(cost|costs|price|prices|fee|fees|charge|charges)\b|多少錢|多少|費用|價格|價錢|收費|維修費|얼마|비용|수리비|가격|요금|combien|\b(prix|coût|coûte|tarif)\b|quanto|\bqto\b|\b(preço|custo|custa)\b/u;
const REPAIR = /repair|fix|維修|修理|送修|修(?!改|正|訂)|수리|고치|고쳐|고칠|(?<![a-z])as(?![a-z])|répar|repar|arranj|consert/u;
/**
 * "How much / how many" words that also ask how long (얼마나 걸려요, combien de temps, quanto tempo, 多少天), and the
 * words that can only ask about money: a question about time with no money word is not a price question.
 */
const DURATION = /how long|얼마나 ?(걸|오래|돼|되)|(?<!(무상|보증|보증 |무상 ))기간|며칠|몇 ?(일|주|달|개월)|combien de (temps|jours|semaines|mois)|quanto tempo|quant[oa]s (dias|semanas|meses)|多久|多少(天|時間|個月|週)|期間|期限/u;
const MONEY = /\b(cost|costs|price|prices|fee|fees|charge|charges)\b|錢|費用|維修費|修理費|價|收費|비용|수리비|가격|요금|얼마 ?(드|들|나와|나오)|\b(prix|coût|coûte|coûterait|tarif)\b|\b(preço|custo|custa|custaria)\b/u;
const OVERSEAS = /\b(overseas|abroad)\b|海外|國外|해외|직구|à l'étranger|no estrangeiro|fora de portugal/u;
/** A receipt kept, in words the repair task's own reading does not cover. */
const PROOF_KEPT = /\b(receipt|invoice|proof of purchase)( is)? (kept|saved)\b|\bkept (the |my )?(receipt|invoice)\b|(收據|發票)[^。]{0,4}(還在|有留|保留|留著)|保留[^。]{0,3}(收據|發票)|(영수증|증빙)[^.]{0,6}(보관|챙겨)|(gardé|conservé)[^.]{0,10}(facture|ticket|preuve)|(facture|ticket) (gardée?|conservée?)|guardei[^.]{0,10}(fatura|talão|recibo|comprovativo)/u;

const PURCHASE_VERB = /bought|purchased|got it|買|購|구매|구입|샀|(?:^|\s)산 ?지|선물 받|achet|compr/u;
/** The machine's age said instead of when it was bought: "10 months old", "用了10個月", "쓴 지 10개월", "elle a 10 mois", "tem 10 meses". */
const MACHINE_AGE = /\d\s*(months?|years?) old\b|用了|(쓴|사용한) ?지|\d\s*(개월|년) ?(됐|된|썼)|\b(elle|il) a \d|\btem \d|\bcom \d|\bdepuis \d|\bhad (it|her|him|this|my [\w ]{1,20}?) for \d|\bhá \d/u;
const CLAUSE = /[,，、。;；!?！？()（）]|\.(?!\d)|\s[-–—]\s|\s\/\s/u;

/**
 * When the machine was bought: the purchase clause as the repair task reads it, else a clause with a date in it
 * (not the registration's), else "bought 16 months ago" said as a length ("買了16個月", "comprada há 16 meses") or as
 * the machine's age ("it's 16 months old").
 */
function purchaseWhen(text: string, clause: unknown, input: Omit<DialogInput, 'slots'>): ParsedDate | undefined {
  // A date after today is not when the machine was bought ("買完一個禮拜內就有登錄" reads as a week from now).
  const parse = (c: string) => {
    const d = parseDate(c, input.today, input.market, input.lang);
    return d && d.date <= input.today ? d : undefined;
  };
  const clauses = text.split(CLAUSE).map((c) => c.trim()).filter(Boolean);
  const own = typeof clause === 'string' ? parse(clause) : undefined;
  if (own) return own;
  const bought = clauses.filter((c) => PURCHASE_VERB.test(c.toLowerCase()));
  for (const c of [...bought, ...clauses.filter((c) => !REGISTERED.test(c.toLowerCase()) && !bought.includes(c))]) {
    const d = parse(c);
    if (d) return d;
  }
  for (const c of [...bought, ...clauses.filter((c) => MACHINE_AGE.test(c.toLowerCase()) && !bought.includes(c))]) {
    const months = durationsIn(c)[0]?.months;
    if (months !== undefined) return { date: addMonths(input.today, -months), precision: 'ago' };
  }
  return undefined;
}

function paragraphs(t: Text): Msg[] {
  if (Array.isArray(t)) return t;
  return 'sentences' in t ? t.sentences : [t];
}

function repairContext(input: Omit<DialogInput, 'slots'>, model: string): RepairContext {
  return { market: input.market, contact: { ...input.contact }, today: input.today, bookingId: '', model };
}

/** FR: the penalty with its working, or free once the commitment is over. */
function penalty(text: string, input: Omit<DialogInput, 'slots'>): OneShotResult | undefined {
  if (input.market !== 'FR') return undefined;
  const d = detectDialog(text);
  if (d?.dialog !== 'cancellationPenalty') return undefined;
  return penaltyOf(cancellationContext({ ...input, slots: d.slots }));
}

const FIGURES = ['commitment', 'elapsed', 'finished', 'priceWithout', 'priceWith'] as const;

/** The penalty result of these figures (none while one is missing), keeping the figures for a correction. */
function penaltyOf(ctx: CancellationContext): OneShotResult | undefined {
  const slots: Slots = {};
  for (const k of FIGURES) if (ctx[k] !== undefined) slots[k] = ctx[k];
  const over = ctx.finished === true || (ctx.commitment !== undefined && ctx.elapsed !== undefined && ctx.elapsed >= ctx.commitment);
  if (over) return { task: 'cancellationPenalty', text: finishedReply(ctx), slots };
  if (ctx.commitment === undefined || ctx.elapsed === undefined || ctx.priceWith === undefined || ctx.priceWithout === undefined) return undefined;
  return { task: 'cancellationPenalty', text: penaltyReply(ctx), slots };
}

/**
 * Right after a penalty result, a message that names one of its figures anew ("actually it was a 24-month
 * commitment", "en fait ça fait 10 mois", "no, I paid 49 €") gets the result again with that figure changed
 * (issue 16). The reading is the penalty task's own correction (cancellationCorrectable): a figure named by what
 * it is, different from the one kept. `figures`: all of them after the change; no `result` when the change leaves
 * one missing (a commitment that was over and no longer is, with no prices said): the task then asks for it.
 * Undefined when the message corrects none of the kept figures.
 */
export function correctedPenalty(text: string, kept: Slots, input: Omit<DialogInput, 'slots'>): { result?: OneShotResult; figures: Slots } | undefined {
  if (input.market !== 'FR' || !FIGURES.some((k) => kept[k] !== undefined)) return undefined;
  const ctx = cancellationContext({ ...input, slots: kept });
  const fix = correctionIn(cancellationCorrectable, text, ctx, 'done');
  if (!fix) return undefined;
  const changed = { ...ctx, ...fix };
  const figures: Slots = {};
  for (const k of FIGURES) if (changed[k] !== undefined) figures[k] = changed[k];
  const result = penaltyOf(changed);
  return result ? { result, figures } : { figures };
}

/** KR and FR: the warranty decision from the model, when it was bought, and (KR) proof and registration. */
function warranty(text: string, t: string, input: Omit<DialogInput, 'slots'>, known: { model?: string }): OneShotResult | undefined {
  if ((input.market !== 'KR' && input.market !== 'FR') || !WARRANTY.test(t) || WARRANTY_OVER.test(t)) return undefined;
  const p = purchaseSlotsIn(text);
  if (typeof p.model !== 'string' && known.model) p.model = known.model;
  if (typeof p.model !== 'string') return undefined;
  const when = purchaseWhen(text, p.purchaseDate, input);
  if (!when || when.date > input.today) return undefined;
  const ctx = repairContext(input, p.model);
  ctx.purchaseDate = when.date;
  ctx.purchasePrecision = when.precision;
  const proofKept = p.hasProof === true || PROOF_KEPT.test(t);
  // The common case: a receipt. Without one (KR) the start date moves; the result says so.
  const assumedProof = input.market === 'KR' && p.hasProof === undefined && !proofKept;
  ctx.hasProof = p.hasProof === false ? false : true;
  const slots: Slots = { model: p.model, purchaseDate: when.date, purchasePrecision: when.precision };
  if (p.hasProof !== undefined || proofKept) slots.hasProof = ctx.hasProof;
  if (input.market === 'KR') {
    ctx.overseas = p.overseas === true || (OVERSEAS.test(t) && !IN_KOREA.test(t));
    Object.assign(ctx, registrationOf(withDigits(t)));
    Object.assign(slots, saidOrigin(p, t));
    // Registered "within N days" is what the booking asks; "registered" alone it asks again, more precisely.
    if (ctx.registered === false || ctx.registeredWithinDays !== undefined) Object.assign(slots, { registered: ctx.registered, ...(ctx.registeredWithinDays !== undefined ? { registeredWithinDays: ctx.registeredWithinDays } : {}) });
  }
  const text_ = paragraphs(termsText(ctx));
  if (assumedProof) text_.push(msg('os.w.assumedProof', { months: warrantyRules.KR.noProofStartMonthsAfterManufacturing }));
  // KR, registration not said: the result above is without it; name the date a registration in time would give.
  if (input.market === 'KR' && ctx.registered === undefined && needsKrRegistration(ctx)) {
    const { withinDays } = warrantyRules.KR.registrationBonus;
    const registered = warrantyOf({ ...ctx, registered: true, registeredWithinDays: withinDays }).decision;
    // Right after the decision it qualifies, before the price of a paid repair.
    if (registered.endDate && registered.endDate !== warrantyOf(ctx).decision.endDate) text_.splice(1, 0, msg('os.w.ifRegistered', { days: withinDays, date: { date: registered.endDate } }));
  }
  return { task: 'warranty', text: text_, followUp: 'repairBooking', slots };
}

/** KR: where the machine was bought, when the message says so (bought in Korea is assumed by a result, never kept). */
function saidOrigin(p: Slots, t: string): Slots {
  if (p.overseas === true || (OVERSEAS.test(t) && !IN_KOREA.test(t))) return { overseas: true };
  return p.overseas === false || IN_KOREA.test(t) ? { overseas: false } : {};
}

/** KR: the paid-repair price of the model's tier; bought in Korea is the common case and overseas is named. */
function krRepairPrice(text: string, t: string, input: Omit<DialogInput, 'slots'>, known: { model?: string }): OneShotResult | undefined {
  if (input.market !== 'KR' || !PRICE.test(t) || !REPAIR.test(t)) return undefined;
  if (DURATION.test(t) && !MONEY.test(t)) return undefined;
  const p = purchaseSlotsIn(text);
  if (typeof p.model !== 'string' && known.model) p.model = known.model;
  if (typeof p.model !== 'string') return undefined;
  const ctx = repairContext(input, p.model);
  const overseas = p.overseas === true || (OVERSEAS.test(t) && !IN_KOREA.test(t));
  if (overseas) ctx.overseas = true;
  const out: Msg[] = [krCostText(ctx)];
  const korea = krRepairCost(p.model, { rental: true });
  if (!overseas && !IN_KOREA.test(t) && korea.kind === 'tier') {
    const abroad = krRepairCost(p.model, { rental: true, overseas: true });
    if (abroad.kind !== 'tier') out.push(msg('os.kr.overseasNone', { contact: { contact: input.market } }));
    else if (abroad.listed === korea.listed) out.push(msg('os.kr.overseasSame'));
    else out.push(msg('os.kr.overseasOther', { amount: { money: abroad.listed, currency: 'KRW' } }));
  }
  if (!overseas) out.push(msg('rb.kr.free'));
  return { task: 'krRepairPrice', text: out, followUp: 'repairBooking', slots: { model: p.model, ...saidOrigin(p, t) } };
}

/**
 * "Book it", "幫我預約", "예약해 주세요", "réservez-la", "pode marcar": the result's follow-up asked for with no object
 * named: read only while this conversation's last result offers a booking (a message that names the repair is a task request).
 */
const BOOK_IT =
  /\b(book|schedule|arrange) (it|that|one|me in)\b|\bgo ahead\b|\blet'?s (book|do) (it|that)\b|預約|幫我(約|安排)|安排維修|예약(해|할게|하고|해줘|해 ?주|부탁|진행)|접수(해|할게|해줘|해 ?주|부탁|진행)|\br[ée]serve[rz]?\b|r[ée]servez-la|prenez (le )?rendez-vous|prendre rendez-vous|\ballez-y\b|\b(marque|marca|marcar|agende|agendar|avance|avançar)\b/u;

export function asksToBookIt(text: string): boolean {
  // "How long does it take if I book it?" asks about the booking; it does not ask for one.
  return BOOK_IT.test(squash(text)) && readingOf(text) === 'request';
}

/**
 * The result a message gets at once, if it carries a whole task's inputs. `known`: what the conversation already
 * holds (the machine of the task in progress), used where the message names none ("bought it 8 months ago, still
 * under warranty?" in the middle of the no-water steps for a CitiZ).
 */
export function oneShotResult(text: string, input: Omit<DialogInput, 'slots'>, known: { model?: string } = {}): OneShotResult | undefined {
  const t = squash(text).replace(/\s+/g, ' ');
  const penaltyResult = penalty(text, input);
  if (penaltyResult) return penaltyResult;
  // Asked to book the repair ("it's under warranty, please book a repair"): the repair task starts and checks the
  // warranty and the price itself; the result alone would not do what was asked.
  if (asksForRepair(text)) return undefined;
  // The task keeps the machine as its name ("CitiZ"); the results read its catalogue id.
  const machine = known.model ? { model: modelIn(known.model) ?? known.model } : {};
  return warranty(text, t, input, machine) ?? krRepairPrice(text, t, input, machine);
}
