import { fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { repairBookingMachine } from '../../dialogs/repair-booking.machine.js';
import { BookingReference, type RepairBooking } from '../../dialogs/types.js';
import { chat, inputFor, steps, texts } from './helpers.js';
import { CONTACT_ANSWERS, failingStore, fakeStore } from './repair-fakes.js';

const KR_FIRST = { model: 'citiz', purchaseDate: 'last march', hasProof: true };

describe('repair booking: slots and validation', () => {
  it('never asks what the first message gave (model, purchase date, proof)', () => {
    const { machine } = fakeStore();
    const c = chat(machine, { input: inputFor('KR', KR_FIRST) });
    c.say('From Nespresso Korea');
    c.say('Yes, within 30 days');
    for (const a of CONTACT_ANSWERS) c.say(a);
    const asked = steps(c.replies);
    expect(asked).not.toContain('askingModel');
    expect(asked).not.toContain('askingPurchaseDate');
    expect(asked).not.toContain('askingProof');
    expect(c.step).toBe('confirming');
    expect(c.context).toMatchObject({ model: 'citiz', purchaseDate: '2025-03-01', purchasePrecision: 'month', hasProof: true });
  });

  it('validates the model against the catalogue, accepting misspellings', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR') });
    expect(c.say('my coffee thing')[0]!.text).toMatch(/^I could not find that model/);
    c.say('prodigo');
    expect(c.context.model).toBe('prodigio');
  });

  it('re-prompts each bad answer with the reason', () => {
    const c = chat(fakeStore().machine, { input: inputFor('TW', { model: 'pixie' }) });
    expect(c.say('next year')[0]!.text).toMatch(/cannot be in the future/);
    c.say('2024-12-01');
    expect(c.say('perhaps')[0]!.text).toMatch(/^Please answer yes or no: do you have the receipt or invoice\?/);
    c.say('1');
    expect(c.context.hasProof).toBe(true);
    c.say('No');
    expect(c.say('How do I descale my machine')[0]!.text).toMatch(/^That sounds like a question/);
    expect(c.say('R2D2')[0]!.text).toMatch(/only hold letters/);
    c.say('Chen Mei');
    expect(c.say('12345')[0]!.text).toMatch(/does not look like a phone number.*0912 345 678/);
    c.say('0912 345 678');
    expect(c.say('chen@')[0]!.text).toMatch(/looks incomplete/);
    c.say('chen@example.tw');
    expect(c.say('Taipei')[0]!.text).toMatch(/too short/);
    c.say('台北市信義區信義路五段7號');
    expect(c.step).toBe('confirming');
    expect(c.context).toMatchObject({ name: 'Chen Mei', phone: '0912345678', email: 'chen@example.tw' });
  });
});

describe('repair booking: summary, correction and saving', () => {
  function atSummary(machine = fakeStore().machine) {
    const c = chat(machine, { input: inputFor('KR', KR_FIRST) });
    for (const a of ['korea', '2025-03-20', ...CONTACT_ANSWERS]) c.say(a);
    return c;
  }

  it('shows a summary of every field', () => {
    const c = atSummary();
    const summary = c.replies.at(-1)!;
    expect(summary).toMatchObject({ step: 'confirming', choices: [{ value: 'confirm' }, { value: 'change' }, { value: 'cancel' }] });
    for (const s of ['CitiZ', 'March 1, 2025 (approximate)', 'proof of purchase: yes', 'covered until February 28, 2027', 'free of charge', 'Kim Min-jun', '01012345678', 'kim@example.com', '테헤란로 123']) {
      expect(summary.text).toContain(s);
    }
  });

  it('corrects one field and comes back to the summary without asking the others again', () => {
    const c = atSummary();
    const r = c.say('the phone number is wrong');
    expect(steps(r)).toEqual(['askingPhone']);
    const back = c.say('010 9876 5432');
    expect(steps(back)).toEqual(['confirming']);
    expect(back[0]!.text).toContain('01098765432');
  });

  it('takes the new number given with the correction, at the summary and at "Change something"', () => {
    const c = atSummary();
    const r = c.say('the phone number is wrong, it should be 010 9876 5432');
    expect(steps(r)).toEqual(['confirming']);
    expect(r[0]!.text).toContain('01098765432');
    expect(steps(c.say('change'))).toEqual(['askingField']);
    const back = c.say('my phone is 010-5555-4444');
    expect(steps(back)).toEqual(['confirming']);
    expect(back[0]!.text).toContain('01055554444');
    expect(c.context.choosingField).toBe(false);
  });

  it('corrects an earlier answer at any step and goes on from there', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', KR_FIRST) });
    for (const a of ['korea', '2025-03-20', 'Kim Min-jun', '010-1234-5678']) c.say(a);
    expect(c.step).toBe('askingEmail');
    // Another number at the email step: the phone changes, the email is still asked.
    expect(steps(c.say('my phone is 010-9876-5432'))).toEqual(['askingEmail']);
    expect(c.context.phone).toBe('01098765432');
    // Another machine: what depends on it (registration, the terms) is asked again, then the email; name and phone are kept.
    const r = c.say("actually it's an Essenza Mini");
    expect(c.context.model).toBe('essenza-mini');
    expect(steps(r)).toEqual(['askingRegistration']);
    const terms = c.say('Yes, within 30 days');
    expect(steps(terms)).toEqual(['reportingTerms', 'askingEmail']);
    expect(texts(terms)).toContain('Essenza Mini');
    expect(c.context).toMatchObject({ name: 'Kim Min-jun', phone: '01098765432' });
    // The step the customer was at takes its answer as before.
    c.say('kim@example.com');
    expect(c.step).toBe('askingAddress');
  });

  it('lets the customer pick the field from a list', () => {
    const c = atSummary();
    expect(c.say('Change something')[0]).toMatchObject({ step: 'askingField' });
    expect(c.say('Email')[0]).toMatchObject({ step: 'askingEmail' });
  });

  it('re-decides the warranty when the purchase date changes', () => {
    const c = atSummary();
    c.say('change the purchase date');
    expect(steps(c.say('2022-08-22'))).toEqual(['askingLastRepair']);
    const r = c.say('no');
    expect(steps(r)).toEqual(['reportingTerms', 'askingRental']);
    expect(r[0]!.text).toMatch(/bought before August 23, 2022: 24 months/);
  });

  it('saves the booking with a client id and gives a reference the customer can quote', async () => {
    const store = fakeStore();
    const c = atSummary(store.machine);
    const r = await c.sayAndSettle('Confirm');
    expect(store.saved).toHaveLength(1);
    const b = store.saved[0]!;
    expect(b).toMatchObject({ market: 'KR', model: 'CitiZ', purchaseDate: '2025-03-01', hasProof: true, registered: true, name: 'Kim Min-jun', phone: '01012345678', email: 'kim@example.com' });
    expect(b.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.warranty).toMatch(/^covered \(end 2027-02-28\)/);
    expect(r.at(-1)!.text).toMatch(/Your reference is R-7KQ2ZD/);
    expect(c.output).toMatchObject({ outcome: 'completed', summary: 'Repair booking R-7KQ2ZD: CitiZ (KR)' });
    expect(BookingReference.safeParse('R-7KQ2ZD').success).toBe(true);
  });

  it('offers a retry when saving fails, keeping the same booking id', async () => {
    const store = failingStore(1);
    const c = atSummary(store.machine);
    const r = await c.sayAndSettle('yes');
    expect(steps(r)).toEqual(['retryingSave']);
    await c.sayAndSettle('Try again');
    expect(store.calls).toHaveLength(2);
    expect(store.calls[0]!.id).toBe(store.calls[1]!.id);
    expect(c.output).toMatchObject({ outcome: 'completed' });
  });

  it('refuses a reference that does not have the R-XXXXXX form', async () => {
    const store = failingStore(0, () => ({ reference: 'oops' }));
    const c = atSummary(store.machine);
    await c.sayAndSettle('confirm');
    expect(c.step).toBe('retryingSave');
    c.say('Talk to a person');
    expect(c.output).toMatchObject({ outcome: 'handoff', reason: 'booking-failed' });
  });

  it('cancels from the summary', () => {
    const c = atSummary();
    c.say('Cancel booking');
    expect(c.output).toMatchObject({ outcome: 'cancelled' });
  });
});

describe('repair booking: persistence', () => {
  it('survives a persist → restore round trip and saves under the same booking id', async () => {
    const first = fakeStore();
    const c = chat(first.machine, { input: inputFor('KR', KR_FIRST) });
    c.say('korea');
    const saved = c.persisted();
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
    const second = fakeStore();
    const again = chat(second.machine, { snapshot: saved });
    expect(again.replies).toEqual([]);
    expect(again.step).toBe('askingRegistration');
    for (const a of ['2025-03-20', ...CONTACT_ANSWERS]) again.say(a);
    expect(JSON.stringify(again.persisted()).length).toBeLessThan(2048);
    await again.sayAndSettle('confirm');
    expect(second.saved[0]!.id).toBe(c.context.bookingId);
  });

  it('re-runs a save that was in flight when the snapshot was taken, with the same id', async () => {
    const hanging = repairBookingMachine.provide({
      actors: { saveBooking: fromPromise<{ reference: string }, RepairBooking>(() => new Promise(() => {})) },
    });
    const c = chat(hanging, { input: inputFor('PT', { model: 'citiz', purchaseDate: '2024-01-10', hasProof: true }) });
    for (const a of ['Ana Silva', '912345678', 'ana@example.pt', 'Rua Augusta 10, 1100-053 Lisboa']) c.say(a);
    c.say('confirm');
    expect(c.step).toBe('saving');
    const inFlight = c.persisted();
    const store = fakeStore('R-ABC123');
    const again = chat(store.machine, { snapshot: inFlight });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.saved.map((b) => b.id)).toEqual([c.context.bookingId]);
    expect(again.output).toMatchObject({ outcome: 'completed', summary: expect.stringContaining('R-ABC123') });
    expect(texts(again.replies)).toContain('R-ABC123');
  });
});
