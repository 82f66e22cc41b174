import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../src/policy/catalogue.js';
import { krRepairCost } from '../../src/policy/kr-repair-cost.js';
import { cancellationPenalty } from '../../src/policy/subscription.js';
import { Catalogue, loadPolicyFile, policyProblems, subscriptionTerms } from '../../src/policy/tables.js';
import { warrantyDecision } from '../../src/policy/warranty.js';

const KR = { market: 'KR' as const, hasProof: true, today: '2024-01-15' };

describe('warrantyDecision — Korea', () => {
  it('gives 24 months to household machines bought on 2022-08-22, the day before the cut-off', () => {
    const d = warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2022-08-22', today: '2024-08-21' });
    expect(d).toMatchObject({ status: 'covered', months: 24, endDate: '2024-08-21' });
    expect(d.rule).toEqual({ code: 'kr.householdBefore', months: 24, before: '2022-08-23', counted: { basis: 'proof' } });
    expect(warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2022-08-22', today: '2024-08-22' }).status).toBe('expired');
  });

  it('gives 12 months to household machines bought on 2022-08-23 and not registered', () => {
    const d = warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2022-08-23', today: '2023-08-22' });
    expect(d).toMatchObject({ status: 'covered', months: 12, endDate: '2023-08-22' });
    expect(d.rule).toEqual({ code: 'kr.householdNoBonus', months: 12, bonusMonths: 12, withinDays: 30, from: '2022-08-23', counted: { basis: 'proof' } });
    expect(warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2022-08-23', today: '2023-08-23' }).status).toBe('expired');
  });

  it('adds 12 months when registered on day 30 after purchase, not on day 31', () => {
    const day30 = warrantyDecision({ ...KR, model: 'pixie', purchaseDate: '2023-03-01', registeredWithinDays: 30, today: '2024-06-01' });
    expect(day30).toMatchObject({ status: 'covered', months: 24, endDate: '2025-02-28' });
    expect(day30.rule).toEqual({ code: 'kr.householdWithBonus', months: 12, bonusMonths: 12, withinDays: 30, from: '2022-08-23', counted: { basis: 'proof' } });
    const day31 = warrantyDecision({ ...KR, model: 'pixie', purchaseDate: '2023-03-01', registeredWithinDays: 31, today: '2024-06-01' });
    expect(day31).toMatchObject({ status: 'expired', months: 12, endDate: '2024-02-29', rule: { code: 'kr.householdNoBonus' } });
  });

  it('gives no registration bonus to machines bought before 2022-08-23 (they already have 24 months)', () => {
    expect(warrantyDecision({ ...KR, model: 'pixie', purchaseDate: '2022-01-10', registeredWithinDays: 3 }).months).toBe(24);
  });

  it('gives Aguila 24 months and other professional machines 12', () => {
    expect(warrantyDecision({ ...KR, model: 'aguila', purchaseDate: '2023-06-01' })).toMatchObject({ months: 24, status: 'covered', rule: { code: 'kr.model', model: 'Aguila', months: 24 } });
    expect(warrantyDecision({ ...KR, model: 'zenius', purchaseDate: '2023-06-01', today: '2024-06-01' })).toMatchObject({ months: 12, status: 'expired', rule: { code: 'kr.business', months: 12 } });
  });

  it('gives the Aeroccino 24 months', () => {
    expect(warrantyDecision({ ...KR, model: 'aeroccino', purchaseDate: '2023-06-01' })).toMatchObject({ months: 24, status: 'covered', endDate: '2025-05-31' });
  });

  it('starts the warranty 6 months after the manufacturing date when there is no proof of purchase', () => {
    const d = warrantyDecision({ ...KR, model: 'citiz', hasProof: false, purchaseDate: '2023-09-01', manufacturingDate: '2023-01-10', today: '2024-07-09' });
    expect(d).toMatchObject({ startDate: '2023-07-10', endDate: '2024-07-09', status: 'covered' });
    expect(d.rule).toMatchObject({ counted: { basis: 'manufacturing', start: '2023-07-10', monthsAfter: 6, manufacturingDate: '2023-01-10' } });
    expect(warrantyDecision({ ...KR, model: 'citiz', hasProof: false, purchaseDate: '2023-09-01' })).toMatchObject({
      status: 'undetermined',
      rule: { code: 'kr.noManufacturingDate', monthsAfterManufacturing: 6 },
    });
  });

  it('covers the same fault for 6 months after a repair (3 months for business machines)', () => {
    const d = warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2022-09-01', lastRepairDate: '2023-12-01', today: '2024-05-31' });
    expect(d).toMatchObject({ status: 'covered', repairWarrantyEndDate: '2024-05-31', afterRepair: { lastRepairDate: '2023-12-01', months: 6, endDate: '2024-05-31' } });
    expect(warrantyDecision({ ...KR, model: 'zenius', purchaseDate: '2022-09-01', lastRepairDate: '2023-12-01' }).repairWarrantyEndDate).toBe('2024-02-29');
  });

  it('does not apply the Korean warranty to machines bought overseas', () => {
    expect(warrantyDecision({ ...KR, model: 'citiz', purchaseDate: '2023-12-01', overseas: true })).toEqual({ status: 'notCovered', rule: { code: 'kr.overseas' } });
  });
});

describe('warrantyDecision — France, Taiwan, Portugal', () => {
  const FR = { market: 'FR' as const, hasProof: true };

  it('gives 2 years to Nespresso, Krups, De\'Longhi and KitchenAid machines', () => {
    expect(warrantyDecision({ ...FR, model: 'vertuo-next', brand: 'Krups', purchaseDate: '2023-05-10', today: '2025-05-09' })).toMatchObject({ status: 'covered', endDate: '2025-05-09' });
    const after = warrantyDecision({ ...FR, model: 'vertuo-next', brand: 'Krups', purchaseDate: '2023-05-10', today: '2025-05-10' });
    expect(after).toMatchObject({ status: 'expired', rule: { code: 'fr.nespressoSystem', years: 2 } });
    expect(after.partsEndDate).toBeUndefined();
  });

  it('covers Magimix spare parts for 3 years', () => {
    const d = warrantyDecision({ ...FR, model: 'citiz', brand: 'magimix', purchaseDate: '2022-05-01', today: '2025-04-30' });
    expect(d).toMatchObject({ status: 'expired', partsEndDate: '2025-04-30', partsCovered: true, rule: { code: 'fr.brand', brand: 'Magimix', years: 2, partsYears: 3 } });
    expect(warrantyDecision({ ...FR, model: 'citiz', brand: 'Magimix', purchaseDate: '2022-05-01', today: '2025-05-01' }).partsCovered).toBe(false);
  });

  it('does not stretch the French ranges to professional machines', () => {
    expect(warrantyDecision({ ...FR, model: 'aguila', purchaseDate: '2024-05-01', today: '2024-06-01' })).toEqual({
      status: 'undetermined',
      rule: { code: 'fr.otherLine', lines: ['Original', 'Vertuo'], model: 'Aguila' },
    });
    expect(warrantyDecision({ ...FR, model: 'citiz', today: '2024-06-01' }).rule).toEqual({ code: 'fr.needPurchaseDate', years: 2 });
  });

  it('says Taiwan states no warranty period, only the six-month repaired-parts rule', () => {
    const d = warrantyDecision({ market: 'TW', model: 'citiz', hasProof: true, purchaseDate: '2024-01-01', today: '2024-06-01' });
    expect(d.status).toBe('undetermined');
    expect(d.rule).toEqual({ code: 'tw.notStated', repairedPartsMonths: 6 });
    expect(d.afterRepair).toBeUndefined();
  });

  it('warrants French workshop repairs and Taiwanese repaired parts for 6 months', () => {
    const fr = warrantyDecision({ ...FR, model: 'citiz', purchaseDate: '2020-01-01', lastRepairDate: '2025-01-15', today: '2025-07-14' });
    expect(fr).toMatchObject({ status: 'covered', endDate: '2025-07-14', repairWarrantyEndDate: '2025-07-14' });
    expect(warrantyDecision({ ...FR, model: 'citiz', purchaseDate: '2020-01-01', lastRepairDate: '2025-01-15', today: '2025-07-15' }).status).toBe('expired');
    const tw = warrantyDecision({ market: 'TW', model: 'citiz', hasProof: true, purchaseDate: '2020-01-01', lastRepairDate: '2025-01-15', today: '2025-07-14' });
    expect(tw).toMatchObject({ status: 'covered', repairWarrantyEndDate: '2025-07-14' });
  });

  it('sends Portugal to the manufacturer\'s warranty', () => {
    const d = warrantyDecision({ market: 'PT', model: 'citiz', hasProof: true, purchaseDate: '2024-01-01', today: '2024-06-01' });
    expect(d.status).toBe('undetermined');
    expect(d.rule).toEqual({ code: 'pt.manufacturer' });
  });
});

describe('krRepairCost', () => {
  it.each([
    ['creatista-plus', 'A', 75_000],
    ['lattissima-one-f121', 'A', 75_000],
    ['lattissima-one-f111', 'B', 60_000],
    ['prodigio', 'B', 60_000],
    ['citiz', 'C', 40_000],
    ['u', 'C', 40_000],
    ['inissia', 'D', 30_000],
    ['vertuo-pop', 'Vertuo', 50_000],
    ['vertuo-lattissima', 'VertuoLattissima', 75_000],
  ])('%s is tier %s at KRW %i with the rental machine', (model, tier, amount) => {
    expect(krRepairCost(model, { rental: true })).toMatchObject({ kind: 'tier', tier, amount, noFaultDeduction: 10_000, paidInAdvance: true });
  });

  it('excludes the KRW 5,000 rental when the customer does not want a machine', () => {
    expect(krRepairCost('citiz', { rental: false })).toMatchObject({ amount: 35_000, listed: 40_000, rental: 0 });
  });

  it('charges overseas Vertuo machines KRW 80,000 and admits the table has no overseas amount for tiers C and D', () => {
    expect(krRepairCost('vertuo', { rental: true, overseas: true })).toMatchObject({ amount: 80_000 });
    expect(krRepairCost('expert', { rental: true, overseas: true })).toMatchObject({ amount: 75_000 });
    expect(krRepairCost('pixie', { rental: true, overseas: true })).toEqual({ kind: 'notListed', reason: 'overseasNotStated' });
  });

  it('gives both Lattissima One versions when the version is unknown', () => {
    const c = krRepairCost('lattissima-one', { rental: true });
    expect(c).toMatchObject({ kind: 'variants', options: [{ tier: 'B', amount: 60_000 }, { tier: 'A', amount: 75_000 }] });
  });

  it('knows the Aeroccino and Barista are parts or trade-in, Maestria is not in the table, Pro machines go to the Professional club', () => {
    expect(krRepairCost('aeroccino', { rental: true }).kind).toBe('partsOrTradeIn');
    expect(krRepairCost('barista-recipe-maker', { rental: true }).kind).toBe('partsOrTradeIn');
    expect(krRepairCost('maestria', { rental: true })).toEqual({ kind: 'notListed', reason: 'notInTable' });
    expect(krRepairCost('zenius', { rental: true })).toEqual({ kind: 'notListed', reason: 'professional', phone: '080-734-1113' });
  });
});

describe('cancellationPenalty', () => {
  it('reproduces the document\'s example: Lattissima One €279 / €99 → €124', () => {
    const p = cancellationPenalty({ priceWithout: 279, priceWith: 99 });
    expect(p.rounded).toBe(124);
    expect(p.amount).toBeCloseTo(124.2, 2);
    expect(p).toMatchObject({ priceWithout: 279, rate: 0.8, priceWith: 99, raw: 124.2, clampedToZero: false });
    const ex = subscriptionTerms.FR.example;
    expect(cancellationPenalty(ex).rounded).toBe(ex.penalty);
  });

  it('never goes below zero', () => {
    const p = cancellationPenalty({ priceWithout: 100, priceWith: 99 });
    expect(p).toMatchObject({ amount: 0, rounded: 0, clampedToZero: true, raw: -19 });
  });

  it('is exactly zero when 80% of the price equals the subscription price', () => {
    expect(cancellationPenalty({ priceWithout: 125, priceWith: 100 })).toMatchObject({ amount: 0, clampedToZero: false });
  });
});

describe('findModel', () => {
  it.each([
    ['my prodigio gives no water', 'prodigio'],
    ['prodigo', 'prodigio'],
    ['Lattisima One', 'lattissima-one'],
    ['lattissima one F121', 'lattissima-one-f121'],
    ['citiz & milk', 'citiz-and-milk'],
    ['inisia', 'inissia'],
    ['essenza mni', 'essenza-mini'],
    ['vertou next', 'vertuo-next'],
    ['creatsta', 'creatista'],
    ['pixy', 'pixie'],
    ['I have a Creatista+', 'creatista-plus'],
    ['U', 'u'],
    ['my U is dry', 'u'],
  ])('%s → %s', (text, id) => {
    expect(findModel(text)?.id).toBe(id);
  });

  it.each(['my machine is broken', 'reset my wifi router password', 'can u help me', 'I did not expect that', 'no water coming out', 'il va pleuvoir à Paris demain ?', 'pixels and paris'])('finds no model in "%s"', (text) => {
    expect(findModel(text)).toBeUndefined();
  });
});

describe('policy files', () => {
  it('are checked by knowledge:check: every table of knowledge/ is valid, a broken one is named with its path', () => {
    const policyDir = fileURLToPath(new URL('../../knowledge/policy/', import.meta.url));
    expect(policyProblems(policyDir)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    for (const file of readdirSync(policyDir)) writeFileSync(join(dir, file), readFileSync(join(policyDir, file)));
    const warranty = JSON.parse(readFileSync(join(dir, 'warranty.json'), 'utf8'));
    warranty.KR.householdMonths = 'twelve';
    writeFileSync(join(dir, 'warranty.json'), JSON.stringify(warranty));
    const problems = policyProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(join(dir, 'warranty.json'));
    expect(problems[0]).toMatch(/householdMonths/);
  });

  it('refuses an invalid file and names its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    writeFileSync(join(dir, 'catalogue.json'), JSON.stringify({ note: 'x', sources: [], models: [{ id: 'Bad Id' }] }));
    expect(() => loadPolicyFile('catalogue.json', Catalogue, pathToFileURL(`${dir}/`))).toThrow(/catalogue\.json is invalid/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadPolicyFile('broken.json', Catalogue, pathToFileURL(`${dir}/`))).toThrow(new RegExp(`${dir}/broken\\.json`));
  });

  it('holds only numbers and dates that appear in the source documents', () => {
    const sourcesDir = new URL('../../knowledge/sources/', import.meta.url);
    const sources = readdirSync(sourcesDir).map((f) => readFileSync(new URL(f, sourcesDir), 'utf8')).join('\n');
    const policyDir = new URL('../../knowledge/policy/', import.meta.url);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const words: Record<number, string> = { 2: 'two', 6: 'six', 7: 'seven' };
    const missing: string[] = [];
    for (const file of readdirSync(policyDir)) {
      const walk = (v: unknown, key: string): void => {
        if (key === 'note') return;
        if (typeof v === 'number') {
          const forms = [String(v), v.toLocaleString('en-US'), words[v], v % 12 === 0 ? `${v / 12} year` : undefined].filter(Boolean) as string[];
          if (!forms.some((f) => new RegExp(`(^|[^\\d.,])${f.replace('.', '\\.')}(?![\\d])`).test(sources))) missing.push(`${file} ${key}=${v}`);
        } else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
          const [y, m, d] = v.split('-').map(Number);
          if (!sources.includes(`${months[m! - 1]} ${d}, ${y}`)) missing.push(`${file} ${key}=${v}`);
        } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(JSON.parse(readFileSync(new URL(file, policyDir), 'utf8')), file);
    }
    expect(missing).toEqual([]);
  });
});
