/**
 * The warranty decision per market (knowledge/policy/warranty.json): a status, dates, and the rule applied
 * as a code with its numbers. It says nothing in words: the dialogs word the code from the catalogues.
 */
import type { Market } from '../lib/types.js';
import { resolveModel } from './catalogue.js';
import { addMonths, lastDayOf } from './dates.js';
import { warrantyRules, type CatalogueModel } from './tables.js';

export interface WarrantyQuery {
  market: Market;
  model: string | CatalogueModel;
  /** ISO date the customer gives; the receipt date decides. */
  purchaseDate?: string;
  hasProof: boolean;
  /** Days from purchase to registration with Nespresso (0 = same day); undefined when not registered. */
  registeredWithinDays?: number;
  /** KR without proof of purchase: the warranty starts six months after this date. */
  manufacturingDate?: string;
  /** KR: bought outside Nestlé Korea's distribution. */
  overseas?: boolean;
  /** FR: manufacturer brand (Magimix has longer cover for spare parts). */
  brand?: string;
  /** Date of the last repair, for the repair warranty. */
  lastRepairDate?: string;
  today: string;
}

/** Where a Korean warranty is counted from: the proof of purchase, or some months after the manufacturing date. */
export type KrCountedFrom = { basis: 'proof' } | { basis: 'manufacturing'; start: string; monthsAfter: number; manufacturingDate: string };

/** The rule a decision applied, with the numbers it used (months, days, dates, brand, model name). */
export type WarrantyRule =
  | { code: 'kr.overseas' }
  | { code: 'kr.noManufacturingDate'; monthsAfterManufacturing: number }
  | { code: 'kr.model'; model: string; months: number; counted: KrCountedFrom }
  | { code: 'kr.business'; months: number; counted: KrCountedFrom }
  | { code: 'kr.householdBefore'; months: number; before: string; counted: KrCountedFrom }
  | { code: 'kr.householdWithBonus'; months: number; bonusMonths: number; withinDays: number; from: string; counted: KrCountedFrom }
  | { code: 'kr.householdNoBonus'; months: number; bonusMonths: number; withinDays: number; from: string; counted: KrCountedFrom }
  | { code: 'fr.otherLine'; lines: string[]; model: string }
  | { code: 'fr.needPurchaseDate'; years: number }
  | { code: 'fr.brand'; brand: string; years: number; partsYears: number }
  | { code: 'fr.nespressoSystem'; years: number }
  | { code: 'tw.notStated'; repairedPartsMonths: number }
  | { code: 'pt.manufacturer' };

export type WarrantyRuleCode = WarrantyRule['code'];

export interface WarrantyDecision {
  status: 'covered' | 'expired' | 'notCovered' | 'undetermined';
  startDate?: string;
  /** Last day of cover. */
  endDate?: string;
  months?: number;
  /** FR Magimix: last day of the spare-parts cover, and whether it still runs today. */
  partsEndDate?: string;
  partsCovered?: boolean;
  /** Last day of the repair warranty (same fault only), when a last repair date was given. */
  repairWarrantyEndDate?: string;
  /** The rule applied to the machine. */
  rule: WarrantyRule;
  /** Set when the machine's own warranty does not cover it but the last repair's does (same fault). */
  afterRepair?: { lastRepairDate: string; months: number; endDate: string };
}

export function warrantyDecision(q: WarrantyQuery): WarrantyDecision {
  const model = resolveModel(q.model);
  switch (q.market) {
    case 'KR': {
      const business = model?.category === 'business';
      const kr = warrantyRules.KR;
      return withRepairWarranty(krWarranty(q, model), q, business ? kr.repairWarrantyMonths.business : kr.repairWarrantyMonths.household);
    }
    case 'FR':
      return withRepairWarranty(frWarranty(q, model), q, warrantyRules.FR.repairWarrantyMonths);
    case 'TW': {
      const months = warrantyRules.TW.repairedPartsMinMonths;
      return withRepairWarranty({ status: 'undetermined', rule: { code: 'tw.notStated', repairedPartsMonths: months } }, q, months);
    }
    case 'PT':
      return { status: 'undetermined', rule: { code: 'pt.manufacturer' } };
  }
}

/** A previous repair has its own warranty (same fault / repaired parts), which can outlast the machine's. */
function withRepairWarranty(d: WarrantyDecision, q: WarrantyQuery, months: number): WarrantyDecision {
  if (!q.lastRepairDate || d.status === 'notCovered') return d;
  const end = lastDayOf(q.lastRepairDate, months);
  const decision = { ...d, repairWarrantyEndDate: end };
  if (d.status !== 'covered' && q.today <= end) {
    decision.status = 'covered';
    decision.endDate = end;
    decision.afterRepair = { lastRepairDate: q.lastRepairDate, months, endDate: end };
  }
  return decision;
}

function withStatus(today: string, start: string, months: number, rule: WarrantyRule): WarrantyDecision {
  const endDate = lastDayOf(start, months);
  return { status: today <= endDate ? 'covered' : 'expired', startDate: start, endDate, months, rule };
}

function krWarranty(q: WarrantyQuery, model: CatalogueModel | undefined): WarrantyDecision {
  const kr = warrantyRules.KR;
  if (q.overseas && !kr.overseasCovered) return { status: 'notCovered', rule: { code: 'kr.overseas' } };
  let start: string;
  let counted: KrCountedFrom;
  if (q.hasProof && q.purchaseDate) {
    start = q.purchaseDate;
    counted = { basis: 'proof' };
  } else if (q.manufacturingDate) {
    start = addMonths(q.manufacturingDate, kr.noProofStartMonthsAfterManufacturing);
    counted = { basis: 'manufacturing', start, monthsAfter: kr.noProofStartMonthsAfterManufacturing, manufacturingDate: q.manufacturingDate };
  } else {
    return { status: 'undetermined', rule: { code: 'kr.noManufacturingDate', monthsAfterManufacturing: kr.noProofStartMonthsAfterManufacturing } };
  }
  const purchase = q.purchaseDate ?? start;
  const special = model ? kr.modelMonths[model.id] : undefined;
  if (model && special) return withStatus(q.today, start, special, { code: 'kr.model', model: model.name, months: special, counted });
  if (model?.category === 'business') return withStatus(q.today, start, kr.businessMonths, { code: 'kr.business', months: kr.businessMonths, counted });
  const { months: bonusMonths, withinDays, purchasedFrom: from } = kr.registrationBonus;
  if (purchase < from) return withStatus(q.today, start, kr.householdBeforeMonths, { code: 'kr.householdBefore', months: kr.householdBeforeMonths, before: from, counted });
  const bonus = q.registeredWithinDays !== undefined && q.registeredWithinDays >= 0 && q.registeredWithinDays <= withinDays;
  const rule: WarrantyRule = { code: bonus ? 'kr.householdWithBonus' : 'kr.householdNoBonus', months: kr.householdMonths, bonusMonths, withinDays, from, counted };
  return withStatus(q.today, start, kr.householdMonths + (bonus ? bonusMonths : 0), rule);
}

function frWarranty(q: WarrantyQuery, model: CatalogueModel | undefined): WarrantyDecision {
  const fr = warrantyRules.FR;
  if (model && !fr.lines.includes(model.line)) return { status: 'undetermined', rule: { code: 'fr.otherLine', lines: [...fr.lines], model: model.name } };
  if (!q.purchaseDate) return { status: 'undetermined', rule: { code: 'fr.needPurchaseDate', years: fr.years } };
  const brand = fr.brands.find((b) => b.toLowerCase() === q.brand?.toLowerCase());
  const partsYears = brand ? fr.sparePartsYears[brand] : undefined;
  const rule: WarrantyRule = brand && partsYears ? { code: 'fr.brand', brand, years: fr.years, partsYears } : { code: 'fr.nespressoSystem', years: fr.years };
  const decision = withStatus(q.today, q.purchaseDate, fr.years * 12, rule);
  if (partsYears) {
    decision.partsEndDate = lastDayOf(q.purchaseDate, partsYears * 12);
    decision.partsCovered = q.today <= decision.partsEndDate;
  }
  return decision;
}
