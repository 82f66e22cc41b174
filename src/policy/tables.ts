/**
 * Policy tables (knowledge/policy/*.json) validated with zod at module load, plus the pure helpers
 * the dialogs use: model lookup, warranty decision, KR repair cost, FR cancellation penalty.
 * Every number comes from the JSON files, which cite their source documents.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { z } from 'zod';
import type { Market } from '../lib/types.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Source = z.object({ document: z.string().min(1), section: z.string().min(1) });

export const KrTier = z.enum(['A', 'B', 'C', 'D', 'Vertuo', 'VertuoLattissima', 'partsOrTradeIn']);
export type KrTier = z.infer<typeof KrTier>;

export const CatalogueModel = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  line: z.enum(['Original', 'Vertuo', 'Pro', 'Accessory']),
  category: z.enum(['household', 'business']),
  noWater: z.enum(['autoPrime', 'slider', 'noneDocumented']),
  krTier: KrTier.nullable(),
  variants: z.array(z.string()).optional(),
  aliases: z.array(z.string().min(1)).min(1),
});
export type CatalogueModel = z.infer<typeof CatalogueModel>;
export const Catalogue = z.object({ note: z.string(), sources: z.array(Source), models: z.array(CatalogueModel).min(1) });
export type Catalogue = z.infer<typeof Catalogue>;

export const WarrantyRules = z.object({
  KR: z.object({
    source: Source,
    householdMonths: z.number().int().positive(),
    businessMonths: z.number().int().positive(),
    modelMonths: z.record(z.string(), z.number().int().positive()),
    registrationBonus: z.object({ months: z.number().int().positive(), withinDays: z.number().int().positive(), purchasedFrom: IsoDate }),
    householdBeforeMonths: z.number().int().positive(),
    noProofStartMonthsAfterManufacturing: z.number().int().positive(),
    repairWarrantyMonths: z.object({ household: z.number().int().positive(), business: z.number().int().positive() }),
    overseasCovered: z.boolean(),
  }),
  FR: z.object({
    source: Source,
    lines: z.array(z.string()),
    brands: z.array(z.string()),
    years: z.number().int().positive(),
    sparePartsYears: z.record(z.string(), z.number().int().positive()),
    registrationRequired: z.boolean(),
    serviceOfferSince: IsoDate,
    repairWarrantyMonths: z.number().int().positive(),
    refurbishedExchangeYears: z.number().int().positive(),
    ambassadorOfferSince: IsoDate,
    ambassadorNewMachineYears: z.number().int().positive(),
  }),
  TW: z.object({
    source: Source,
    warrantyStated: z.literal(false),
    repairedPartsMinMonths: z.number().int().positive(),
    repairWorkingDays: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
  }),
  PT: z.object({ source: Source, warrantyStated: z.literal(false), byManufacturer: z.literal(true) }),
});
export type WarrantyRules = z.infer<typeof WarrantyRules>;

export const KrRepairPrices = z.object({
  note: z.string(),
  source: Source,
  currency: z.literal('KRW'),
  tiers: z.array(z.object({ id: KrTier, label: z.string(), korea: z.number().int().positive(), overseas: z.number().int().positive().nullable() })),
  rental: z.number().int().positive(),
  noFaultDeduction: z.number().int().positive(),
  paidInAdvance: z.boolean(),
  professionalClubPhone: z.string().min(5),
});
export type KrRepairPrices = z.infer<typeof KrRepairPrices>;

export const SubscriptionTerms = z.object({
  FR: z.object({
    source: Source,
    penaltyRate: z.number().gt(0).lt(1),
    commitmentMonths: z.array(z.number().int().positive()).min(1),
    reminderMonthsBefore: z.number().int().positive(),
    example: z.object({ model: z.string(), priceWithout: z.number(), priceWith: z.number(), penalty: z.number() }),
    cancelPath: z.array(z.string()).min(1),
    appCanCancel: z.boolean(),
  }),
  KR: z.object({ source: Source, returnWithinDays: z.number().int().positive() }),
});
export type SubscriptionTerms = z.infer<typeof SubscriptionTerms>;

/** Reads and validates one policy file; throws with the file path when it is missing or invalid. */
export function loadPolicyFile<T>(file: string, schema: z.ZodType<T>, baseUrl: URL = new URL('../../knowledge/policy/', import.meta.url)): T {
  const url = new URL(file, baseUrl);
  const path = fileURLToPath(url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new Error(`Policy file ${path} cannot be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Policy file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const catalogue = loadPolicyFile('catalogue.json', Catalogue);
export const warrantyRules = loadPolicyFile('warranty.json', WarrantyRules);
export const krRepairPrices = loadPolicyFile('kr-repair-prices.json', KrRepairPrices);
export const subscriptionTerms = loadPolicyFile('subscription.json', SubscriptionTerms);

// ── models ────────────────────────────────────────────────────────────────────────────────────────

const byId = new Map(catalogue.models.map((m) => [m.id, m]));
export function getModel(id: string): CatalogueModel | undefined {
  return byId.get(id);
}

export function normaliseModelText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const aliasRows = catalogue.models.flatMap((m) =>
  [m.name, ...m.aliases].map((alias) => ({ id: m.id, alias: normaliseModelText(alias) })).filter((r) => r.alias.length > 1),
);
/** Words of model names and multi-word aliases: the vocabulary misspelt words are corrected to. */
const vocabulary = [
  ...new Set(
    aliasRows
      .filter((r) => r.alias.includes(' ') || catalogue.models.some((m) => normaliseModelText(m.name) === r.alias))
      .flatMap((r) => r.alias.split(' ')),
  ),
];
const vocabularySet = new Set(vocabulary);
const fuse = new Fuse(vocabulary, { includeScore: true, threshold: 0.34 });
/** Everyday words that sit close to a model name and must not be "corrected" into one. */
const EVERYDAY = new Set(['expect', 'expected', 'export', 'pixel', 'pixels', 'much', 'such', 'ones', 'none', 'done', 'gone', 'plug', 'plan', 'maker', 'make', 'makes', 'milky', 'tour', 'tower', 'momentarily', 'moment', 'water', 'machine', 'coffee', 'nespresso']);

function correctSpelling(norm: string): string {
  return norm
    .split(' ')
    .map((w) => {
      if (w.length < 4 || vocabularySet.has(w) || EVERYDAY.has(w) || /\d/.test(w)) return w;
      const hit = fuse.search(w, { limit: 1 })[0];
      return hit && Math.abs(hit.item.length - w.length) <= 2 ? hit.item : w;
    })
    .join(' ');
}

/** The catalogue model named in `text` (names, aliases, then misspellings corrected with fuse.js), or undefined. */
export function findModel(text: string): CatalogueModel | undefined {
  const norm = normaliseModelText(text);
  if (!norm) return undefined;
  const found = longestAlias(norm);
  const corrected = longestAlias(correctSpelling(norm));
  const best = corrected && (!found || corrected.len > found.len) ? corrected : found;
  if (best) return byId.get(best.id);
  // "U" alone is a model name but also chat shorthand for "you": only an upper-case U counts.
  if (norm === 'u' || /(^|[^\p{L}])U(?![\p{L}\p{N}])/u.test(text)) return byId.get('u');
  return undefined;
}

function longestAlias(norm: string): { id: string; len: number } | undefined {
  const padded = ` ${norm} `;
  let best: { id: string; len: number } | undefined;
  for (const row of aliasRows) {
    if (padded.includes(` ${row.alias} `) && (!best || row.alias.length > best.len)) best = { id: row.id, len: row.alias.length };
  }
  return best;
}

// ── dates (ISO YYYY-MM-DD, calendar arithmetic in UTC) ─────────────────────────────────────────────

function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}
/** Adds calendar months, clamping to the month's last day (2023-01-31 + 1 month = 2023-02-28). */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtc(target);
}
export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}
/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
/** Last day covered by a period of `months` starting on `start`. */
function lastDayOf(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

// ── warranty ──────────────────────────────────────────────────────────────────────────────────────

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
  /** The rule applied, in words, for the customer. */
  rule: string;
}

function resolveModel(model: string | CatalogueModel): CatalogueModel | undefined {
  return typeof model === 'string' ? (byId.get(model) ?? findModel(model)) : model;
}

export function warrantyDecision(q: WarrantyQuery): WarrantyDecision {
  const model = resolveModel(q.model);
  switch (q.market) {
    case 'KR': {
      const business = model?.category === 'business';
      const kr = warrantyRules.KR;
      return withRepairWarranty(krWarranty(q, model), q, business ? kr.repairWarrantyMonths.business : kr.repairWarrantyMonths.household, 'the last repair is warranted');
    }
    case 'FR':
      return withRepairWarranty(frWarranty(q, model), q, warrantyRules.FR.repairWarrantyMonths, 'repairs made by the workshops are warranted');
    case 'TW': {
      const tw = warrantyRules.TW;
      const decision: WarrantyDecision = {
        status: 'undetermined',
        rule:
          `The Taiwan documents do not state the machine's warranty period. With the Nespresso Assistance Package, repaired parts are warranted ` +
          `for the unexpired portion of the original warranty or ${tw.repairedPartsMinMonths} months, whichever is greater.`,
      };
      return withRepairWarranty(decision, q, tw.repairedPartsMinMonths, 'the repaired parts are warranted');
    }
    case 'PT':
      return {
        status: 'undetermined',
        rule:
          `In Portugal, machines are guaranteed by the machine manufacturer under the terms in the original product documentation ` +
          `(without prejudice to your statutory rights); the documents I have give no duration.`,
      };
  }
}

/** A previous repair has its own warranty (same fault / repaired parts), which can outlast the machine's. */
function withRepairWarranty(d: WarrantyDecision, q: WarrantyQuery, months: number, what: string): WarrantyDecision {
  if (!q.lastRepairDate || d.status === 'notCovered') return d;
  const end = lastDayOf(q.lastRepairDate, months);
  const decision = { ...d, repairWarrantyEndDate: end };
  if (d.status !== 'covered' && q.today <= end) {
    decision.status = 'covered';
    decision.endDate = end;
    decision.rule = `${d.rule} After the repair of ${q.lastRepairDate}, ${what} for ${months} months, until ${end}, for the same fault.`;
  }
  return decision;
}

function withStatus(today: string, start: string, months: number, rule: string): WarrantyDecision {
  const endDate = lastDayOf(start, months);
  return { status: today <= endDate ? 'covered' : 'expired', startDate: start, endDate, months, rule };
}

function krWarranty(q: WarrantyQuery, model: CatalogueModel | undefined): WarrantyDecision {
  const kr = warrantyRules.KR;
  if (q.overseas && !kr.overseasCovered) {
    return {
      status: 'notCovered',
      rule: 'The Korean warranty does not apply to machines bought overseas: they follow the service criteria of the country of purchase. Paid repair is possible only for models with the same electrical and mechanical specifications as those sold in Korea.',
    };
  }
  let start: string | undefined;
  let startWords: string;
  if (q.hasProof && q.purchaseDate) {
    start = q.purchaseDate;
    startWords = 'from the purchase date on your proof of purchase';
  } else if (q.manufacturingDate) {
    start = addMonths(q.manufacturingDate, kr.noProofStartMonthsAfterManufacturing);
    startWords = `from ${start}: without proof of purchase the warranty starts ${kr.noProofStartMonthsAfterManufacturing} months after the manufacturing date (${q.manufacturingDate})`;
  } else {
    return {
      status: 'undetermined',
      rule: `Without proof of purchase, the warranty starts ${kr.noProofStartMonthsAfterManufacturing} months after the manufacturing date, which I do not have.`,
    };
  }
  const purchase = q.purchaseDate ?? start;
  const business = model?.category === 'business';
  const special = model ? kr.modelMonths[model.id] : undefined;
  let months: number;
  let why: string;
  if (special) {
    months = special;
    why = `${model?.name}: ${special} months`;
  } else if (business) {
    months = kr.businessMonths;
    why = `machines for business use: ${months} months`;
  } else if (purchase < kr.registrationBonus.purchasedFrom) {
    months = kr.householdBeforeMonths;
    why = `household machines bought before ${kr.registrationBonus.purchasedFrom}: ${months} months`;
  } else {
    const bonus = q.registeredWithinDays !== undefined && q.registeredWithinDays >= 0 && q.registeredWithinDays <= kr.registrationBonus.withinDays;
    months = kr.householdMonths + (bonus ? kr.registrationBonus.months : 0);
    why = bonus
      ? `household machines bought from ${kr.registrationBonus.purchasedFrom}: ${kr.householdMonths} months, plus ${kr.registrationBonus.months} because it was registered within ${kr.registrationBonus.withinDays} days of purchase`
      : `household machines bought from ${kr.registrationBonus.purchasedFrom}: ${kr.householdMonths} months (registering within ${kr.registrationBonus.withinDays} days of purchase would have added ${kr.registrationBonus.months})`;
  }
  return withStatus(q.today, start, months, `Korea, ${why}, counted ${startWords}.`);
}

function frWarranty(q: WarrantyQuery, model: CatalogueModel | undefined): WarrantyDecision {
  const fr = warrantyRules.FR;
  if (model && !fr.lines.includes(model.line)) {
    return { status: 'undetermined', rule: `The French warranty periods I have cover the ${fr.lines.join(' and ')} ranges; ${model.name} is not one of them.` };
  }
  if (!q.purchaseDate) return { status: 'undetermined', rule: `France: ${fr.years} years from purchase; I need the purchase date.` };
  const brand = fr.brands.find((b) => b.toLowerCase() === q.brand?.toLowerCase());
  const partsYears = brand ? fr.sparePartsYears[brand] : undefined;
  const rule = partsYears
    ? `France, ${brand}: ${fr.years} years (${partsYears} years for spare parts). The warranty does not cover problems caused by use or maintenance.`
    : `France, Nespresso System machines (Nespresso, Krups, De'Longhi, KitchenAid, Magimix): ${fr.years} years. The warranty does not cover problems caused by use or maintenance.`;
  const decision = withStatus(q.today, q.purchaseDate, fr.years * 12, rule);
  if (partsYears) {
    decision.partsEndDate = lastDayOf(q.purchaseDate, partsYears * 12);
    decision.partsCovered = q.today <= decision.partsEndDate;
  }
  return decision;
}

// ── KR repair cost ────────────────────────────────────────────────────────────────────────────────

export type KrRepairCost =
  | { kind: 'tier'; tier: KrTier; tierLabel: string; amount: number; listed: number; rental: number; noFaultDeduction: number; paidInAdvance: boolean }
  | { kind: 'variants'; options: Array<{ model: string; tier: KrTier; amount: number }>; noFaultDeduction: number; paidInAdvance: boolean }
  | { kind: 'partsOrTradeIn' }
  | { kind: 'notListed'; reason: 'notInTable' | 'overseasNotStated' | 'professional'; phone?: string };

/**
 * Paid-repair cost in KRW for a household machine. Listed amounts include the rental machine; without it
 * the rental (KRW 5,000) is excluded. If no fault is found, the cost is refunded minus the delivery deduction.
 */
export function krRepairCost(model: string | CatalogueModel, opts: { rental: boolean; overseas?: boolean }): KrRepairCost {
  const m = resolveModel(model);
  if (!m) return { kind: 'notListed', reason: 'notInTable' };
  if (m.category === 'business') return { kind: 'notListed', reason: 'professional', phone: krRepairPrices.professionalClubPhone };
  if (m.variants?.length) {
    const options = m.variants.flatMap((id) => {
      const c = krRepairCost(id, opts);
      const v = byId.get(id);
      return c.kind === 'tier' && v ? [{ model: v.name, tier: c.tier, amount: c.amount }] : [];
    });
    if (!options.length) return { kind: 'notListed', reason: opts.overseas ? 'overseasNotStated' : 'notInTable' };
    return { kind: 'variants', options, noFaultDeduction: krRepairPrices.noFaultDeduction, paidInAdvance: krRepairPrices.paidInAdvance };
  }
  if (m.krTier === 'partsOrTradeIn') return { kind: 'partsOrTradeIn' };
  const tier = krRepairPrices.tiers.find((t) => t.id === m.krTier);
  if (!tier) return { kind: 'notListed', reason: 'notInTable' };
  const listed = opts.overseas ? tier.overseas : tier.korea;
  if (listed === null) return { kind: 'notListed', reason: 'overseasNotStated' };
  const rental = opts.rental ? krRepairPrices.rental : 0;
  return {
    kind: 'tier',
    tier: tier.id,
    tierLabel: tier.label,
    listed,
    amount: listed - krRepairPrices.rental + rental,
    rental,
    noFaultDeduction: krRepairPrices.noFaultDeduction,
    paidInAdvance: krRepairPrices.paidInAdvance,
  };
}

export function formatKrw(amount: number): string {
  return `KRW ${amount.toLocaleString('en-US')}`;
}

// ── FR cancellation penalty ───────────────────────────────────────────────────────────────────────

export interface CancellationPenalty {
  /** Exact amount in euros (cents), never below 0. */
  amount: number;
  /** Rounded to the euro, as in Nespresso's own example ((€279 × 0.8) − €99 = €124). */
  rounded: number;
  /** The working, for the customer. */
  working: string;
  clampedToZero: boolean;
}

export function formatEuro(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return `${amount < 0 ? '−' : ''}€${text}`;
}

/** Before the end of the commitment: rate × price without subscription − price under subscription, never below 0. */
export function cancellationPenalty(p: { priceWithout: number; priceWith: number }): CancellationPenalty {
  const rate = subscriptionTerms.FR.penaltyRate;
  const raw = Math.round((p.priceWithout * rate - p.priceWith) * 100) / 100;
  const amount = Math.max(0, raw);
  let working = `(${formatEuro(p.priceWithout)} × ${rate}) − ${formatEuro(p.priceWith)} = ${formatEuro(raw)}`;
  if (raw < 0) working += `, which is below zero, so ${formatEuro(0)}`;
  return { amount, rounded: Math.round(amount), working, clampedToZero: raw < 0 };
}
