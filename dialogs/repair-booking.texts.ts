/**
 * Repair booking: the context, the market's terms in words (warranty, cost, service), the summary and the
 * booking record. Facts and decisions come from src/policy (rules as codes with their numbers); this file
 * only puts them into sentences.
 */
import type { Lang } from '../src/conversation/lang.js';
import { getModel } from '../src/policy/catalogue.js';
import { addDays, addMonths, daysBetween } from '../src/policy/dates.js';
import { krRepairCost } from '../src/policy/kr-repair-cost.js';
import { krRepairPrices, warrantyRules } from '../src/policy/tables.js';
import { warrantyDecision, type KrCountedFrom, type WarrantyDecision, type WarrantyRule } from '../src/policy/warranty.js';
import { msg, type Msg, type Param, type Text } from '../src/language/message.js';
import { Renderer } from '../src/language/render.js';
import type { ParsedDate } from './parse.js';
import type { BaseContext, RepairBooking } from './types.js';

export interface RepairContext extends BaseContext {
  /** The conversation's language: how dates are read ("10/01/2025" is day first in French and Portuguese). */
  lang?: Lang;
  bookingId: string;
  /** Catalogue id. */
  model?: string;
  overseas?: boolean;
  purchaseDate?: string;
  purchasePrecision?: ParsedDate['precision'];
  hasProof?: boolean;
  manufacturingDate?: string;
  manufacturingUnknown?: boolean;
  registered?: boolean;
  registeredWithinDays?: number;
  /** A previous repair by Nespresso (its own warranty can outlast the machine's). */
  priorRepair?: boolean;
  lastRepairDate?: string;
  ambassador?: boolean;
  brand?: string;
  warrantyShown?: boolean;
  rental?: boolean;
  serviceOption?: 'repair' | 'refurbished' | 'newMachine';
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  choosingField?: boolean;
  confirmed?: boolean;
  saveFailed?: boolean;
  reference?: string;
  closing?: Text;
}

const FRW = warrantyRules.FR;
const TWW = warrantyRules.TW;
const KRW = warrantyRules.KR;

/** The model's name (a brand name, the same in every language), or "machine" in the customer's words. */
export const modelName = (ctx: RepairContext): Param => (ctx.model && getModel(ctx.model)?.name) || msg('rb.machine');
/** The model's name for records and agents' one-line summaries. */
export const modelLabel = (ctx: RepairContext): string => (ctx.model && getModel(ctx.model)?.name) || 'machine';

/**
 * The purchase dates a vague answer may mean: "March 2024", that month; "in 2021", six months either side; "8 months
 * ago", a quarter of that either side (2 months), at least one and at most six ("2 years ago": six).
 */
function purchaseRange(ctx: RepairContext): [string, string] | undefined {
  if (!ctx.purchaseDate) return undefined;
  const clip = (d: string) => (d > ctx.today ? ctx.today : d);
  if (ctx.purchasePrecision === 'month') return [ctx.purchaseDate, clip(addDays(addMonths(ctx.purchaseDate, 1), -1))];
  if (ctx.purchasePrecision === 'approx') return [addMonths(ctx.purchaseDate, -6), clip(addMonths(ctx.purchaseDate, 6))];
  if (ctx.purchasePrecision === 'ago') {
    const monthsAgo = daysBetween(ctx.purchaseDate, ctx.today) / 30.44;
    const either = Math.min(6, Math.max(1, Math.round(monthsAgo / 4)));
    return [addMonths(ctx.purchaseDate, -either), clip(addMonths(ctx.purchaseDate, either))];
  }
  return [ctx.purchaseDate, ctx.purchaseDate];
}

function warrantyQueryOf(ctx: RepairContext, brand = ctx.brand, purchaseDate = ctx.purchaseDate) {
  return {
    market: ctx.market,
    model: ctx.model ?? '',
    purchaseDate,
    hasProof: ctx.hasProof ?? false,
    registeredWithinDays: ctx.registered ? ctx.registeredWithinDays : undefined,
    manufacturingDate: ctx.manufacturingDate,
    overseas: ctx.overseas,
    brand,
    lastRepairDate: ctx.lastRepairDate,
    today: ctx.today,
  };
}

export function warrantyOf(ctx: RepairContext, brand = ctx.brand): { decision: WarrantyDecision; uncertain: boolean } {
  const query = (purchaseDate: string | undefined) => warrantyDecision(warrantyQueryOf(ctx, brand, purchaseDate));
  const decision = query(ctx.purchaseDate);
  const range = purchaseRange(ctx);
  const uncertain = !!range && range[0] !== range[1] && (query(range[0]).status !== query(range[1]).status || query(range[0]).partsCovered !== query(range[1]).partsCovered);
  return { decision, uncertain };
}

/** KR household machine whose warranty a registration within 30 days would extend. */
export function needsKrRegistration(ctx: RepairContext): boolean {
  const m = ctx.model ? getModel(ctx.model) : undefined;
  if (ctx.market !== 'KR' || !m || m.category !== 'household' || KRW.modelMonths[m.id] || ctx.overseas) return false;
  const range = purchaseRange(ctx);
  return !!range && range[1] >= KRW.registrationBonus.purchasedFrom;
}

/** FR: the 2-year warranty is over but a Magimix's 3-year spare-parts cover might not be. */
export function needsFrBrand(ctx: RepairContext): boolean {
  if (ctx.market !== 'FR' || ctx.brand !== undefined) return false;
  const asMagimix = warrantyOf(ctx, 'Magimix').decision;
  return asMagimix.status === 'expired' && asMagimix.partsCovered === true;
}

/** KR, FR, TW: a repair has its own warranty; worth asking when the machine's own warranty does not cover it. */
export function needsLastRepair(ctx: RepairContext): boolean {
  if (ctx.priorRepair !== undefined || !['KR', 'FR', 'TW'].includes(ctx.market)) return false;
  const { decision, uncertain } = warrantyOf(ctx);
  return decision.status !== 'notCovered' && (decision.status !== 'covered' || uncertain);
}

/** Months a repair is warranted for, per market. */
export function repairWarrantyMonths(ctx: RepairContext): number {
  if (ctx.market === 'FR') return FRW.repairWarrantyMonths;
  if (ctx.market === 'TW') return TWW.repairedPartsMinMonths;
  return KRW.repairWarrantyMonths.household;
}

export function isPaidKr(ctx: RepairContext): boolean {
  if (ctx.market !== 'KR') return false;
  const { decision, uncertain } = warrantyOf(ctx);
  return decision.status !== 'covered' || uncertain;
}

export function needsRental(ctx: RepairContext): boolean {
  if (!isPaidKr(ctx) || !ctx.model) return false;
  const kind = krRepairCost(ctx.model, { rental: true, overseas: ctx.overseas }).kind;
  return kind === 'tier' || kind === 'variants';
}

const krw = (amount: number): Param => ({ money: amount, currency: 'KRW' });
const day = (date: string): Param => ({ date });

/** The cost in one line, where the documents give one. */
export function estimatedCost(ctx: RepairContext): Msg | undefined {
  if (ctx.market === 'FR') return msg('rb.cost.fr');
  if (ctx.market !== 'KR' || !ctx.model) return undefined;
  if (!isPaidKr(ctx)) return msg('rb.cost.free');
  const c = krRepairCost(ctx.model, { rental: ctx.rental ?? true, overseas: ctx.overseas });
  const rental = msg(ctx.rental === false ? 'rb.cost.withoutRental' : 'rb.cost.withRental');
  switch (c.kind) {
    case 'tier':
      return msg('rb.cost.amount', { amount: krw(c.amount), rental });
    case 'variants':
      return msg('rb.cost.amount', { amount: { list: c.options.map((o) => msg('rb.cost.variant', { amount: krw(o.amount), model: o.model })), type: 'disjunction' }, rental });
    case 'partsOrTradeIn':
      return msg('rb.cost.tradeIn');
    case 'notListed':
      return c.reason === 'professional' ? msg('rb.cost.pro', { phone: c.phone ?? '' }) : msg('rb.cost.club');
  }
}

/** A KR price group in words: "C (suggested retail price ₩200,000 and above)". */
function tierName(id: string, label: string): Param {
  if (id === 'Vertuo' || id === 'VertuoLattissima') return msg(`rb.tier.${id}`);
  const k = /KRW\s*([\d,]+)(K?)/.exec(label);
  if (!k) return id;
  const amount = krw(Number(k[1]!.replace(/,/g, '')) * (k[2] ? 1000 : 1));
  return msg(/below/i.test(label) ? 'rb.tier.below' : 'rb.tier.above', { tier: id, amount });
}

export function krCostText(ctx: RepairContext): Msg {
  const c = krRepairCost(ctx.model ?? '', { rental: true, overseas: ctx.overseas });
  const tail = msg('rb.kr.tail', { amount: krw(krRepairPrices.noFaultDeduction) });
  const rental = msg('rb.kr.rental', { amount: krw(krRepairPrices.rental) });
  const contact = { contact: ctx.market };
  switch (c.kind) {
    case 'tier':
      return msg('rb.kr.tier', {
        model: modelName(ctx),
        tier: tierName(c.tier, c.tierLabel),
        amount: krw(c.listed),
        overseas: ctx.overseas ? msg('rb.kr.tierOverseas') : '',
        rental,
        without: krw(c.listed - krRepairPrices.rental),
        tail,
      });
    case 'variants':
      return msg('rb.kr.variants', { options: { list: c.options.map((o) => msg('rb.kr.variant', { amount: krw(o.amount), model: o.model })) }, rental, tail });
    case 'partsOrTradeIn':
      return msg('rb.kr.tradeIn', { model: modelName(ctx) });
    case 'notListed':
      if (c.reason === 'professional') return msg('rb.kr.proClub', { phone: c.phone ?? '' });
      if (c.reason === 'overseasNotStated') return msg('rb.kr.overseasNotStated', { model: modelName(ctx), contact });
      return msg('rb.kr.notInTable', { model: modelName(ctx), contact });
  }
}

/** Where a Korean warranty is counted from, in words. */
function countedText(c: KrCountedFrom): Msg {
  return c.basis === 'proof' ? msg('rb.from.proof') : msg('rb.from.manufacturing', { start: day(c.start), months: c.monthsAfter, date: day(c.manufacturingDate) });
}

/** The rule a warranty decision applied (src/policy/warranty.ts), in the customer's words. */
export function warrantyRuleText(rule: WarrantyRule): Msg {
  switch (rule.code) {
    case 'kr.overseas':
      return msg('rb.rule.krOverseas');
    case 'kr.noManufacturingDate':
      return msg('rb.rule.krNoManufacturing', { months: rule.monthsAfterManufacturing });
    case 'kr.model':
      return msg('rb.rule.kr', { why: msg('rb.why.krModel', { model: rule.model, months: rule.months }), from: countedText(rule.counted) });
    case 'kr.business':
      return msg('rb.rule.kr', { why: msg('rb.why.krBusiness', { months: rule.months }), from: countedText(rule.counted) });
    case 'kr.householdBefore':
      return msg('rb.rule.kr', { why: msg('rb.why.krBefore', { date: day(rule.before), months: rule.months }), from: countedText(rule.counted) });
    case 'kr.householdWithBonus':
    case 'kr.householdNoBonus': {
      const why = msg(rule.code === 'kr.householdWithBonus' ? 'rb.why.krBonus' : 'rb.why.krNoBonus', { date: day(rule.from), months: rule.months, bonus: rule.bonusMonths, days: rule.withinDays });
      return msg('rb.rule.kr', { why, from: countedText(rule.counted) });
    }
    case 'fr.otherLine':
      return msg('rb.rule.frOtherLine', { lines: { list: rule.lines }, model: rule.model });
    case 'fr.needPurchaseDate':
      return msg('rb.rule.frNeedDate', { years: rule.years });
    case 'fr.brand':
      return msg('rb.rule.frBrand', { brand: brandName(rule.brand), years: rule.years, partsYears: rule.partsYears });
    case 'fr.nespressoSystem':
      return msg('rb.rule.frAll', { years: rule.years });
    case 'tw.notStated':
      return msg('rb.rule.tw', { months: rule.repairedPartsMonths });
    case 'pt.manufacturer':
      return msg('rb.rule.pt');
  }
}

/** A decision's rule in words, with the last repair's own warranty where that is what covers the machine. */
function ruleText(ctx: RepairContext, d: WarrantyDecision): Msg {
  const rule = warrantyRuleText(d.rule);
  if (!d.afterRepair) return rule;
  const what = msg(ctx.market === 'KR' ? 'rb.what.kr' : ctx.market === 'FR' ? 'rb.what.fr' : 'rb.what.tw');
  // Korea's repair warranty holds for the same fault only; Taiwan's and France's documents set no such limit.
  return msg(ctx.market === 'KR' ? 'rb.rule.afterRepairKR' : 'rb.rule.afterRepair', { rule, date: day(d.afterRepair.lastRepairDate), what, months: d.afterRepair.months, end: day(d.afterRepair.endDate) });
}

/** A brand as written: the table's "DeLonghi" is De'Longhi. */
const brandName = (brand: string): string => (brand === 'DeLonghi' ? "De'Longhi" : brand);

function warrantyText(ctx: RepairContext): Msg[] {
  const { decision: d, uncertain } = warrantyOf(ctx);
  const model = modelName(ctx);
  const rule = ruleText(ctx, d);
  if (uncertain) return [msg('rb.w.uncertain', { model, rule })];
  const approx = ctx.purchasePrecision && ctx.purchasePrecision !== 'day' && ctx.purchaseDate ? [msg('rb.w.approx', { date: day(ctx.purchaseDate) })] : [];
  switch (d.status) {
    case 'covered':
      return [msg('rb.w.covered', { model, end: day(d.endDate!), rule }), ...approx];
    case 'expired':
      return [msg('rb.w.expired', { model, end: day(d.endDate!), rule }), ...(d.partsCovered && d.partsEndDate ? [msg('rb.w.parts', { date: day(d.partsEndDate) })] : []), ...approx];
    default:
      return [rule];
  }
}

/** What the customer needs to know before giving their details: warranty, terms, cost (paragraphs). */
export function termsText(ctx: RepairContext): Text {
  const contact = { contact: ctx.market };
  switch (ctx.market) {
    case 'KR': {
      const { decision, uncertain } = warrantyOf(ctx);
      const free = decision.status === 'covered' && !uncertain;
      const parts: Msg[] = [sentencesOf(warrantyText(ctx))];
      if (free) parts.push(msg('rb.kr.free'));
      if (free && ctx.model && getModel(ctx.model)?.krTier === 'partsOrTradeIn') parts.push(msg('rb.kr.partsFree', { model: modelName(ctx) }));
      if (decision.status === 'notCovered') parts.push(msg('rb.kr.checkOverseas', { contact }));
      if (!free) parts.push(decision.status === 'undetermined' || uncertain ? msg('rb.kr.ifExpired', { cost: krCostText(ctx) }) : krCostText(ctx));
      return parts;
    }
    case 'FR':
      return [sentencesOf(warrantyText(ctx)), msg('rb.fr.prices')];
    case 'TW':
      return msg('rb.tw.terms', { contact, min: TWW.repairWorkingDays.min, max: TWW.repairWorkingDays.max, months: TWW.repairedPartsMinMonths });
    case 'PT':
      return msg('rb.pt.terms', { warranty: sentencesOf(warrantyText(ctx)), contact });
  }
}

/** Several sentences as one paragraph, joined the way the language joins sentences. */
function sentencesOf(parts: Msg[]): Msg {
  if (parts.length === 1) return parts[0]!;
  return parts.slice(1).reduce<Msg>((acc, m) => msg('rb.then', { first: acc, next: m }), parts[0]!);
}

export function serviceOptionText(ctx: RepairContext): Msg {
  const base = msg('rb.fr.options', { months: FRW.repairWarrantyMonths, years: FRW.refurbishedExchangeYears });
  return sentencesOf([base, ...(ctx.ambassador ? [msg('rb.fr.ambassador', { years: FRW.ambassadorNewMachineYears })] : []), msg('rb.fr.which')]);
}

export const SERVICE_OPTIONS = ['repair', 'refurbished', 'newMachine'] as const;
export function serviceOptionName(option: NonNullable<RepairContext['serviceOption']>): Msg {
  return option === 'repair' ? msg('rb.opt.repair', { months: FRW.repairWarrantyMonths }) : msg(`rb.opt.${option}`);
}

const yesNoWord = (v: boolean | undefined) => msg(v ? 'rb.yes' : 'rb.no');

export function summaryText(ctx: RepairContext): Text {
  const { decision, uncertain } = warrantyOf(ctx);
  const lines: Msg[] = [
    msg(ctx.overseas ? 'rb.sum.machineOverseas' : 'rb.sum.machine', { model: modelName(ctx) }),
    msg(ctx.purchasePrecision !== 'day' ? 'rb.sum.purchaseApprox' : 'rb.sum.purchase', { date: day(ctx.purchaseDate ?? ''), proof: yesNoWord(ctx.hasProof) }),
  ];
  if (ctx.manufacturingDate) lines.push(msg('rb.sum.manufacturing', { date: day(ctx.manufacturingDate) }));
  if (ctx.registered !== undefined) lines.push(msg('rb.sum.registered', { value: yesNoWord(ctx.registered) }));
  if (ctx.lastRepairDate) lines.push(msg('rb.sum.lastRepair', { date: day(ctx.lastRepairDate) }));
  if (ctx.market === 'FR') lines.push(msg('rb.sum.ambassador', { value: yesNoWord(ctx.ambassador) }));
  if (ctx.brand) lines.push(msg('rb.sum.brand', { brand: brandName(ctx.brand) }));
  const warranty = uncertain
    ? msg('rb.sum.wUncertain')
    : decision.status === 'covered'
      ? msg('rb.sum.wCovered', { date: day(decision.endDate!) })
      : decision.status === 'expired'
        ? decision.partsCovered
          ? msg('rb.sum.wExpiredParts', { date: day(decision.endDate!), parts: day(decision.partsEndDate!) })
          : msg('rb.sum.wExpired', { date: day(decision.endDate!) })
        : decision.status === 'notCovered'
          ? msg('rb.sum.wNotCovered')
          : msg('rb.sum.wUndetermined');
  lines.push(msg('rb.sum.warranty', { value: warranty }));
  const cost = estimatedCost(ctx);
  if (cost) lines.push(msg('rb.sum.cost', { cost }));
  if (ctx.serviceOption) lines.push(msg('rb.sum.option', { option: serviceOptionName(ctx.serviceOption) }));
  lines.push(msg('rb.sum.contact', { name: ctx.name ?? '', phone: ctx.phone ?? '', email: ctx.email ?? '', address: ctx.address ?? '' }));
  const body = lines.reduce<Msg>((acc, m) => msg('rb.line', { first: acc, next: m }), msg('rb.sum.title'));
  return [body, msg('rb.sum.question')];
}

/** Records are kept for the service team in English, worded by the same catalogue. */
const english = new Renderer();

export function bookingOf(ctx: RepairContext): RepairBooking {
  const { decision, uncertain } = warrantyOf(ctx);
  const warranty = `${uncertain ? 'depends on the exact purchase date' : decision.status}${decision.endDate ? ` (end ${decision.endDate})` : ''}: ${english.text(ruleText(ctx, decision), 'en')}`;
  const b: RepairBooking = {
    id: ctx.bookingId,
    market: ctx.market,
    model: modelLabel(ctx),
    modelId: ctx.model,
    purchaseDate: ctx.purchaseDate ?? '',
    hasProof: ctx.hasProof ?? false,
    warranty,
    name: ctx.name ?? '',
    phone: ctx.phone ?? '',
    email: ctx.email ?? '',
    address: ctx.address ?? '',
    createdAt: ctx.today,
  };
  const optional: Partial<RepairBooking> = {
    registered: ctx.registered,
    estimatedCost: ((c) => (c ? english.text(c, 'en') : undefined))(estimatedCost(ctx)),
    rental: ctx.rental,
    overseas: ctx.overseas,
    manufacturingDate: ctx.manufacturingDate,
    brand: ctx.brand,
    ambassador: ctx.ambassador,
    serviceOption: ctx.serviceOption,
    lastRepairDate: ctx.lastRepairDate,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (b as unknown as Record<string, unknown>)[k] = v;
  return b;
}
