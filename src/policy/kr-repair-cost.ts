/** The Korean paid-repair cost (knowledge/policy/kr-repair-prices.json), as amounts in KRW and reasons as codes. */
import { getModel, resolveModel } from './catalogue.js';
import { krRepairPrices, type CatalogueModel, type KrTier } from './tables.js';

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
      const v = getModel(id);
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
