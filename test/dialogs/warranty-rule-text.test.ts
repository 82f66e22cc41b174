import { describe, expect, it } from 'vitest';
import { warrantyRuleText } from '../../dialogs/repair-booking.texts.js';
import { LANGS } from '../../src/conversation/lang.js';
import { Renderer } from '../../src/language/render.js';
import { warrantyDecision, type WarrantyQuery, type WarrantyRuleCode } from '../../src/policy/warranty.js';

const words = new Renderer();
const KR = { market: 'KR' as const, hasProof: true, today: '2024-06-01' };

/** One query per rule code the warranty decision can give. */
const QUERIES: Record<WarrantyRuleCode, WarrantyQuery> = {
  'kr.overseas': { ...KR, model: 'citiz', purchaseDate: '2023-12-01', overseas: true },
  'kr.noManufacturingDate': { ...KR, model: 'citiz', hasProof: false, purchaseDate: '2023-09-01' },
  'kr.model': { ...KR, model: 'aguila', purchaseDate: '2023-06-01' },
  'kr.business': { ...KR, model: 'zenius', purchaseDate: '2023-06-01' },
  'kr.householdBefore': { ...KR, model: 'citiz', purchaseDate: '2022-01-10' },
  'kr.householdWithBonus': { ...KR, model: 'pixie', purchaseDate: '2023-03-01', registeredWithinDays: 30 },
  'kr.householdNoBonus': { ...KR, model: 'citiz', hasProof: false, purchaseDate: '2023-09-01', manufacturingDate: '2023-01-10' },
  'fr.otherLine': { market: 'FR', hasProof: true, model: 'aguila', purchaseDate: '2024-05-01', today: '2024-06-01' },
  'fr.needPurchaseDate': { market: 'FR', hasProof: true, model: 'citiz', today: '2024-06-01' },
  'fr.brand': { market: 'FR', hasProof: true, model: 'citiz', brand: 'magimix', purchaseDate: '2023-05-01', today: '2024-06-01' },
  'fr.nespressoSystem': { market: 'FR', hasProof: true, model: 'citiz', purchaseDate: '2023-05-01', today: '2024-06-01' },
  'tw.notStated': { market: 'TW', hasProof: true, model: 'citiz', purchaseDate: '2024-01-01', today: '2024-06-01' },
  'pt.manufacturer': { market: 'PT', hasProof: true, model: 'citiz', purchaseDate: '2024-01-01', today: '2024-06-01' },
};

describe('warranty rules in words', () => {
  it.each(Object.entries(QUERIES))('%s is worded in every language with its numbers', (code, query) => {
    const rule = warrantyDecision(query).rule;
    expect(rule.code).toBe(code);
    for (const lang of LANGS) {
      const text = words.text(warrantyRuleText(rule), lang);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const n of Object.entries(rule).flatMap(([k, v]) => (typeof v === 'number' && k !== 'code' ? [String(v)] : []))) expect(text).toContain(n);
    }
  });

  it('words the Korean registration bonus and the brand', () => {
    expect(words.text(warrantyRuleText(warrantyDecision(QUERIES['kr.householdWithBonus']).rule), 'en')).toBe(
      'Korea, household machines bought from August 23, 2022: 12 months, plus 12 because it was registered within 30 days of purchase, counted from the purchase date on your proof of purchase.',
    );
    expect(words.text(warrantyRuleText(warrantyDecision(QUERIES['fr.brand']).rule), 'fr')).toContain('Magimix');
  });
});
