/**
 * Repair booking: the context, the market's terms in words (warranty, cost, service), the summary and the
 * booking record. Facts come from src/retrieval/policy.ts; this file only puts them into sentences.
 */
import {
  addDays,
  addMonths,
  formatKrw,
  getModel,
  krRepairCost,
  krRepairPrices,
  warrantyDecision,
  warrantyRules,
  type WarrantyDecision,
} from '../src/retrieval/policy.js';
import type { ParsedDate } from './parse.js';
import { contactLine } from './step-kit.js';
import type { BaseContext, RepairBooking } from './types.js';

export interface RepairContext extends BaseContext {
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
  closing?: string;
}

const FRW = warrantyRules.FR;
const TWW = warrantyRules.TW;
const KRW = warrantyRules.KR;

export const modelName = (ctx: RepairContext) => (ctx.model && getModel(ctx.model)?.name) || 'machine';

/** The purchase dates a vague answer ("March 2024", "2 years ago") may mean. */
function purchaseRange(ctx: RepairContext): [string, string] | undefined {
  if (!ctx.purchaseDate) return undefined;
  const clip = (d: string) => (d > ctx.today ? ctx.today : d);
  if (ctx.purchasePrecision === 'month') return [ctx.purchaseDate, clip(addDays(addMonths(ctx.purchaseDate, 1), -1))];
  if (ctx.purchasePrecision === 'approx') return [addMonths(ctx.purchaseDate, -6), clip(addMonths(ctx.purchaseDate, 6))];
  return [ctx.purchaseDate, ctx.purchaseDate];
}

export function warrantyOf(ctx: RepairContext, brand = ctx.brand): { decision: WarrantyDecision; uncertain: boolean } {
  const query = (purchaseDate: string | undefined) =>
    warrantyDecision({
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
    });
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

/** The cost in one line, where the documents give one. */
export function estimatedCost(ctx: RepairContext): string | undefined {
  if (ctx.market === 'FR') return 'after-sales offer prices as published by Nespresso France';
  if (ctx.market !== 'KR' || !ctx.model) return undefined;
  if (!isPaidKr(ctx)) return 'free of charge (under warranty)';
  const c = krRepairCost(ctx.model, { rental: ctx.rental ?? true, overseas: ctx.overseas });
  const rentalNote = ctx.rental === undefined ? 'with a rental machine' : ctx.rental ? 'with a rental machine' : 'without a rental machine';
  switch (c.kind) {
    case 'tier':
      return `${formatKrw(c.amount)} ${rentalNote}, paid in advance`;
    case 'variants':
      return `${c.options.map((o) => `${formatKrw(o.amount)} (${o.model})`).join(' or ')} ${rentalNote}, paid in advance`;
    case 'partsOrTradeIn':
      return 'parts purchase or trade-in';
    case 'notListed':
      return c.reason === 'professional' ? `to be confirmed by the Nespresso Professional club (${c.phone})` : 'to be confirmed by the Nespresso Club';
  }
}

function krCostText(ctx: RepairContext): string {
  const c = krRepairCost(ctx.model ?? '', { rental: true, overseas: ctx.overseas });
  const tail = `The cost is paid in advance when the repair request is received; if the machine turns out to have no fault to repair, it is refunded minus ${formatKrw(krRepairPrices.noFaultDeduction)} for delivery.`;
  const rental = `This includes a rental machine for the duration of the repair (${formatKrw(krRepairPrices.rental)}), which is left out if you do not want one`;
  switch (c.kind) {
    case 'tier':
      return `Paid repairs are priced by the machine's suggested retail price: the ${modelName(ctx)} is in group ${c.tierLabel}, ${formatKrw(c.listed)}${ctx.overseas ? ' for a machine bought overseas' : ''}. ${rental} (${formatKrw(c.listed - krRepairPrices.rental)} without it). ${tail}`;
    case 'variants':
      return `Paid repairs are priced by model: ${c.options.map((o) => `${formatKrw(o.amount)} for the ${o.model}`).join(', ')}. ${rental}. ${tail}`;
    case 'partsOrTradeIn':
      return `The ${modelName(ctx)} is not repaired: the faulty part is replaced, through a sellable parts purchase or a trade-in.`;
    case 'notListed':
      if (c.reason === 'professional') return `For professional machines, please contact the Nespresso Professional club on ${c.phone}.`;
      if (c.reason === 'overseasNotStated') return `The price table gives no amount for a ${modelName(ctx)} bought overseas; the Nespresso Club on ${contactLine(ctx)} can tell you the cost and whether it can be repaired in Korea.`;
      return `The price table does not list the ${modelName(ctx)}; the Nespresso Club on ${contactLine(ctx)} will confirm the cost.`;
  }
}

function warrantyText(ctx: RepairContext): string {
  const { decision: d, uncertain } = warrantyOf(ctx);
  const name = modelName(ctx);
  if (uncertain) {
    return `Whether your ${name} is still under warranty depends on the exact purchase date on your receipt. The rule: ${d.rule}`;
  }
  const approx = ctx.purchasePrecision && ctx.purchasePrecision !== 'day' ? ` I counted from ${ctx.purchaseDate}, as you gave an approximate date; the date on your receipt decides.` : '';
  switch (d.status) {
    case 'covered':
      return `Your ${name} is under warranty until ${d.endDate}. (${d.rule})${approx}`;
    case 'expired':
      return `The warranty of your ${name} ended on ${d.endDate}. (${d.rule})${d.partsCovered ? ` Its spare parts are covered until ${d.partsEndDate}.` : ''}${approx}`;
    default:
      return d.rule;
  }
}

/** What the customer needs to know before giving their details: warranty, terms, cost. */
export function termsText(ctx: RepairContext): string {
  switch (ctx.market) {
    case 'KR': {
      const { decision, uncertain } = warrantyOf(ctx);
      const free = decision.status === 'covered' && !uncertain;
      const parts = [warrantyText(ctx)];
      if (free) parts.push('During the warranty period Nespresso repairs, replaces or refunds the product at no charge, except for damage from misuse, unauthorised repair or modification.');
      if (free && ctx.model && getModel(ctx.model)?.krTier === 'partsOrTradeIn') parts.push(`For the ${modelName(ctx)}, the faulty part is replaced rather than repaired.`);
      if (decision.status === 'notCovered') parts.push(`Please check with the Nespresso Club on ${contactLine(ctx)} that your machine can be repaired in Korea.`);
      if (!free) parts.push(`${decision.status === 'undetermined' || uncertain ? 'If it is no longer under warranty: ' : ''}${krCostText(ctx)}`);
      return parts.join('\n\n');
    }
    case 'FR':
      return [
        warrantyText(ctx),
        'The prices of the after-sales offer are published by Nespresso France; my documents do not list them. A machine that cannot be repaired goes to the appropriate recycling circuit.',
      ].join('\n\n');
    case 'TW':
      return `In Taiwan, a Nespresso machine specialist first diagnoses the machine by phone, on ${contactLine(ctx)}. If appropriate, they advise the Nespresso Assistance Package: collection of the machine from your home or an address of your choice (outlying island areas excluded), repair and a full check of its components in ${TWW.repairWorkingDays.min}–${TWW.repairWorkingDays.max} working days, and return to the same address. Repaired parts are warranted for the unexpired portion of the original warranty or ${TWW.repairedPartsMinMonths} months, whichever is greater. My documents do not give the warranty period or a price. I will take your details so your request is ready.`;
    case 'PT':
      return `${warrantyText(ctx)} For after-sales service, Nespresso advises you by phone on ${contactLine(ctx)}; if the problem cannot be solved by phone, they propose after-sales options. My documents give no prices. I will take your details so the team has them.`;
  }
}

export function serviceOptionText(ctx: RepairContext): string {
  const base = `Since 1 July 2025, whether or not your machine is under warranty, Nespresso offers two options: repair in its workshops, with a ${FRW.repairWarrantyMonths}-month warranty on the repair; or an exchange for an identical refurbished model guaranteed ${FRW.refurbishedExchangeYears} years (subject to availability).`;
  const amb = ` As an Ambassador customer you can instead have an identical new model (subject to availability), guaranteed ${FRW.ambassadorNewMachineYears} years, if a technician confirms the fault after tests.`;
  return `${base}${ctx.ambassador ? amb : ''} Which would you like?`;
}

export const SERVICE_OPTION_LABEL = { repair: 'Repair (6-month warranty)', refurbished: 'Refurbished exchange', newMachine: 'New machine' } as const;

export function summaryText(ctx: RepairContext): string {
  const { decision, uncertain } = warrantyOf(ctx);
  const lines = [
    `• Machine: ${modelName(ctx)}${ctx.overseas ? ' (bought overseas)' : ''}`,
    `• Purchase date: ${ctx.purchaseDate}${ctx.purchasePrecision !== 'day' ? ' (approximate)' : ''}; proof of purchase: ${ctx.hasProof ? 'yes' : 'no'}`,
  ];
  if (ctx.manufacturingDate) lines.push(`• Manufacturing date: ${ctx.manufacturingDate}`);
  if (ctx.registered !== undefined) lines.push(`• Registered with Nespresso: ${ctx.registered ? 'yes' : 'no'}`);
  if (ctx.lastRepairDate) lines.push(`• Last repair: ${ctx.lastRepairDate}`);
  if (ctx.market === 'FR') lines.push(`• Ambassador customer: ${ctx.ambassador ? 'yes' : 'no'}`);
  if (ctx.brand) lines.push(`• Brand: ${ctx.brand}`);
  const parts = decision.partsCovered ? `; spare parts covered until ${decision.partsEndDate}` : '';
  lines.push(`• Warranty: ${uncertain ? 'depends on the receipt date' : decision.status === 'covered' ? `covered until ${decision.endDate}` : decision.status === 'expired' ? `ended ${decision.endDate}${parts}` : decision.status === 'notCovered' ? 'not covered in Korea' : 'not stated in my documents'}`);
  const cost = estimatedCost(ctx);
  if (cost) lines.push(`• Cost: ${cost}`);
  if (ctx.serviceOption) lines.push(`• Option: ${SERVICE_OPTION_LABEL[ctx.serviceOption]}`);
  lines.push(`• Name: ${ctx.name}`, `• Phone: ${ctx.phone}`, `• Email: ${ctx.email}`, `• Address: ${ctx.address}`);
  return `Here is your repair booking:\n${lines.join('\n')}\n\nIs everything correct?`;
}

export function bookingOf(ctx: RepairContext): RepairBooking {
  const { decision, uncertain } = warrantyOf(ctx);
  const warranty = `${uncertain ? 'depends on the exact purchase date' : decision.status}${decision.endDate ? ` (end ${decision.endDate})` : ''}: ${decision.rule}`;
  const b: RepairBooking = {
    id: ctx.bookingId,
    market: ctx.market,
    model: modelName(ctx),
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
    estimatedCost: estimatedCost(ctx),
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
