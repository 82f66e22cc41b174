/** The French machine subscription's cancellation penalty (knowledge/policy/subscription.json), as numbers. */
import { subscriptionTerms } from './tables.js';

export interface CancellationPenalty {
  /** The numbers of the working: (priceWithout × rate) − priceWith = raw. */
  priceWithout: number;
  rate: number;
  priceWith: number;
  /** The working's result in euros (cents), below 0 when the subscription price exceeds rate × price. */
  raw: number;
  /** What is owed in euros (cents): raw, never below 0. */
  amount: number;
  /** Rounded to the euro, as in Nespresso's own example ((€279 × 0.8) − €99 = €124). */
  rounded: number;
  clampedToZero: boolean;
}

/** Before the end of the commitment: rate × price without subscription − price under subscription, never below 0. */
export function cancellationPenalty(p: { priceWithout: number; priceWith: number }): CancellationPenalty {
  const rate = subscriptionTerms.FR.penaltyRate;
  const raw = Math.round((p.priceWithout * rate - p.priceWith) * 100) / 100;
  const amount = Math.max(0, raw);
  return { priceWithout: p.priceWithout, rate, priceWith: p.priceWith, raw, amount, rounded: Math.round(amount), clampedToZero: raw < 0 };
}
