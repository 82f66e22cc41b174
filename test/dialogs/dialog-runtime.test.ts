import { describe, expect, it } from 'vitest';
import {
  acceptsAnswer,
  continueDialog,
  currentStep,
  dialogSlots,
  repeatPrompt,
  startDialog,
  type DialogDeps,
  type DialogEnvelope,
  type DialogStep,
} from '../../src/router/dialog-runtime.js';
import type { RepairBooking } from '../../dialogs/types.js';
import { NO_WATER_VERSION } from '../../dialogs/no-water.machine.js';
import { PASSWORD_RESET_VERSION } from '../../dialogs/password-reset.machine.js';
import { inputFor, rendered } from './helpers.js';

function deps(reference = 'R-7KQ2ZD') {
  const saved: RepairBooking[] = [];
  const d: DialogDeps = {
    async saveBooking(b) {
      saved.push(b);
      return { reference };
    },
  };
  return { saved, deps: d };
}

/** As the router stores it: through JSON. */
const stored = (step: DialogStep): DialogEnvelope => JSON.parse(JSON.stringify(step.envelope));

describe('dialog runtime: turns', () => {
  it('starts a dialog, returns the first prompt and a versioned envelope', async () => {
    const step = await startDialog('noWater', inputFor('TW', { model: 'prodigio' }), deps().deps);
    expect(step.replies).toHaveLength(1);
    expect(step.replies[0]!.step).toBe('tryingFix');
    expect(step.envelope).toMatchObject({ machine: 'noWater', version: NO_WATER_VERSION });
    expect(step.output).toBeUndefined();
    expect(JSON.stringify(step.envelope).length).toBeLessThan(2048);
  });

  it('continues from a stored envelope until the dialog completes', async () => {
    const { deps: d } = deps();
    const input = inputFor('FR');
    let step = await startDialog('cancellationPenalty', input, d);
    for (const text of ['24 months', '5 months', '€279']) {
      step = await continueDialog(stored(step), text, input, d);
      expect(step.envelope).toBeDefined();
    }
    step = await continueDialog(stored(step), '99 euros', input, d);
    expect(step.envelope).toBeUndefined();
    expect(step.output).toMatchObject({ outcome: 'completed' });
    expect(rendered(step.replies[0]!).text).toContain('(€279 × 0.8) − €99 = €124.20');
  });

  it('books a repair through the injected saveBooking, keeping every stored snapshot under 2 KB', async () => {
    const store = deps('R-ABC123');
    const input = inputFor('KR', { model: 'citiz', purchaseDate: '2021-01-10', hasProof: true });
    let step = await startDialog('repairBooking', input, store.deps);
    for (const text of ['korea', 'no', 'yes', 'Kim Min-jun', '010-1234-5678', 'kim@example.com', 'Seoul, Gangnam-gu, Teheran-ro 123']) {
      expect(JSON.stringify(step.envelope).length).toBeLessThan(2048);
      step = await continueDialog(stored(step), text, input, store.deps);
    }
    expect(currentStep(step.envelope!)).toBe('confirming');
    step = await continueDialog(stored(step), 'confirm', input, store.deps);
    expect(step.output).toMatchObject({ outcome: 'completed', summary: 'Repair booking R-ABC123: CitiZ (KR)' });
    expect(rendered(step.replies.at(-1)!).text).toContain('R-ABC123');
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0]).toMatchObject({ rental: true, estimatedCost: '₩40,000 with a rental machine, paid in advance' });
  });

  it('keeps each conversation\'s saveBooking its own when bookings are confirmed at the same time', async () => {
    // Two conversations at the confirmation, their saves in flight together (the slower one first):
    // each booking goes to its own conversation's store and comes back with its own reference.
    const conversation = async (market: 'PT' | 'FR', reference: string, delayMs: number) => {
      const saved: RepairBooking[] = [];
      const d: DialogDeps = {
        saveBooking: (b) => {
          saved.push(b);
          return new Promise((resolve) => setTimeout(() => resolve({ reference }), delayMs));
        },
      };
      const input = inputFor(market, { model: 'citiz', purchaseDate: '2024-01-10', hasProof: true });
      let step = await startDialog('repairBooking', input, d);
      const answers = market === 'PT' ? ['Ana Silva', '912345678', 'ana@example.pt', 'Rua Augusta 10, 1100-053 Lisboa'] : ['yes', 'no', 'repair', 'Jean Dupont', '0612345678', 'jean@example.fr', '10 rue de Rivoli, 75001 Paris'];
      for (const text of answers) step = await continueDialog(stored(step), text, input, d);
      expect(currentStep(step.envelope!)).toBe('confirming');
      return { envelope: stored(step), input, d, saved };
    };
    const a = await conversation('PT', 'R-AAAAAA', 40);
    const b = await conversation('FR', 'R-BBBBBB', 5);
    const [doneA, doneB] = await Promise.all([continueDialog(a.envelope, 'confirm', a.input, a.d), continueDialog(b.envelope, 'confirm', b.input, b.d)]);
    expect(doneA.output).toMatchObject({ outcome: 'completed', summary: expect.stringContaining('R-AAAAAA') });
    expect(doneB.output).toMatchObject({ outcome: 'completed', summary: expect.stringContaining('R-BBBBBB') });
    expect(a.saved.map((x) => x.market)).toEqual(['PT']);
    expect(b.saved.map((x) => x.market)).toEqual(['FR']);
  });

  it('offers a retry when the store fails', async () => {
    const input = inputFor('PT', { model: 'citiz', purchaseDate: '2024-01-10', hasProof: true });
    const failing: DialogDeps = { saveBooking: () => Promise.reject(new Error('down')) };
    let step = await startDialog('repairBooking', input, failing);
    for (const text of ['Ana Silva', '912345678', 'ana@example.pt', 'Rua Augusta 10, 1100-053 Lisboa', 'confirm']) step = await continueDialog(stored(step), text, input, failing);
    expect(step.replies.at(-1)!.step).toBe('retryingSave');
    expect(step.envelope).toBeDefined();
  });

  it('starts the repair booking a no-water dialog switches to, with the model filled', async () => {
    const { deps: d } = deps();
    const input = inputFor('TW', { model: 'citiz', tries: 5 });
    let step = await startDialog('noWater', input, d);
    step = await continueDialog(stored(step), 'no', input, d);
    step = await continueDialog(stored(step), 'Book a repair', input, d);
    expect(step.output).toMatchObject({ outcome: 'switch', switchTo: { dialog: 'repairBooking', slots: { model: 'citiz' } } });
    const repair = await startDialog('repairBooking', inputFor('TW', step.output!.switchTo!.slots), d);
    expect(repair.replies[0]!.step).toBe('askingPurchaseDate');
  });
});

describe('dialog runtime: restarts', () => {
  it('restarts politely on an unknown version', async () => {
    const { deps: d } = deps();
    const first = await startDialog('passwordReset', inputFor('TW'), d);
    const step = await continueDialog({ ...stored(first), version: 99 }, 'I forgot my password', inputFor('TW'), d);
    expect(step.restarted).toBe(true);
    expect(step.replies[0]).toMatchObject({ step: 'restart', text: expect.stringMatching(/^Sorry, I lost track/) });
    expect(step.replies[1]!.step).toBe('askingSituation');
    expect(step.envelope).toMatchObject({ machine: 'passwordReset', version: PASSWORD_RESET_VERSION });
  });

  it.each([
    ['garbage', 'not a snapshot'],
    ['an unknown state', { status: 'active', value: 'flying', context: { market: 'TW', today: '2025-06-15' }, children: {}, historyValue: {} }],
  ])('restarts politely on a broken snapshot (%s)', async (_what, snapshot) => {
    const { deps: d } = deps();
    const step = await continueDialog({ machine: 'noWater', version: NO_WATER_VERSION, snapshot }, 'citiz', inputFor('TW'), d);
    expect(step.restarted).toBe(true);
    expect(step.replies[1]!.step).toBe('askingModel');
  });

  it('ends politely on an unknown dialog', async () => {
    const step = await continueDialog({ machine: 'coffeeOrder' as never, version: 1, snapshot: {} }, 'hi', inputFor('TW'), deps().deps);
    expect(step).toMatchObject({ restarted: true, output: { outcome: 'cancelled' } });
    expect(step.envelope).toBeUndefined();
  });

  it('starts again for a new market, keeping what the customer said and applying the new market\'s rules', async () => {
    const { deps: d } = deps();
    const first = await startDialog('repairBooking', inputFor('FR', { model: 'citiz' }), d);
    const step = await continueDialog(stored(first), '2024-09-01', inputFor('TW'), d);
    expect(dialogSlots(step.envelope!)).toMatchObject({ market: 'TW', model: 'CitiZ', purchaseDate: '2024-09-01' });
    expect(step.replies.map((r) => r.step)).not.toContain('askingRegistration');
    expect(currentStep(step.envelope!)).toBe('askingProof');
  });
});

describe('dialog runtime: answers and digressions', () => {
  it('tells an answer from a digression', async () => {
    const input = inputFor('FR', { model: 'citiz', purchaseDate: '2024-09-01', hasProof: true });
    let step = await startDialog('repairBooking', input, deps().deps);
    expect(currentStep(step.envelope!)).toBe('askingRegistration');
    expect(acceptsAnswer(step.envelope!, 'yes')).toBe(true);
    expect(acceptsAnswer(step.envelope!, 'How long is the warranty in France?')).toBe(false);
    for (const t of ['yes', 'no', 'repair']) step = await continueDialog(stored(step), t, input, deps().deps);
    expect(currentStep(step.envelope!)).toBe('askingName');
    expect(acceptsAnswer(step.envelope!, 'Jean Dupont')).toBe(true);
    expect(acceptsAnswer(step.envelope!, 'how do I descale my machine')).toBe(false);
  });

  it('repeats the pending prompt after a digression', async () => {
    const step = await startDialog('noWater', inputFor('KR'), deps().deps);
    const again = repeatPrompt(stored(step), inputFor('KR'));
    expect(again).toEqual(step.replies[0]);
  });

  it('lists the filled slots for the agent without bookkeeping fields', async () => {
    const input = inputFor('KR', { model: 'prodigio', purchaseDate: '2021-01-10', hasProof: true });
    const step = await startDialog('repairBooking', input, deps().deps);
    const slots = dialogSlots(step.envelope!);
    expect(slots).toEqual({ market: 'KR', model: 'Prodigio', purchaseDate: '2021-01-10', purchasePrecision: 'day', hasProof: true });
  });
});
