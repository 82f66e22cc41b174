/**
 * The policy tables (knowledge/policy/*.json): their zod schemas, validated at module load (a bad file
 * stops the start with its path) and by `npm run knowledge:check`. Every number comes from the JSON
 * files, which cite their source documents; the decisions beside this file read them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { projectPath } from '../lib/project-root.js';

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
export function loadPolicyFile<T>(file: string, schema: z.ZodType<T>, baseUrl: URL = pathToFileURL(join(projectPath('knowledge', 'policy'), '/'))): T {
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

/** The four tables and their schemas, by file name. */
export const POLICY_TABLES = { 'catalogue.json': Catalogue, 'warranty.json': WarrantyRules, 'kr-repair-prices.json': KrRepairPrices, 'subscription.json': SubscriptionTerms } as const;

/** Every problem with the policy tables under `policyDir` (one line each, naming its file), for `npm run knowledge:check`. */
export function policyProblems(policyDir: string): string[] {
  const base = pathToFileURL(join(policyDir, '/'));
  const problems: string[] = [];
  for (const [file, schema] of Object.entries(POLICY_TABLES)) {
    try {
      loadPolicyFile(file, schema as z.ZodType<unknown>, base);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return problems;
}

