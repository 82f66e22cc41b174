import { describe, expect, it } from 'vitest';
import { chat, inputFor, steps, texts } from './helpers.js';
import { CONTACT_ANSWERS, fakeStore } from './repair-fakes.js';

const FR_CONTACT = ['Jean Dupont', '06 12 34 56 78', 'jean@example.fr', '12 rue de la Paix, 75002 Paris'];

describe('repair booking in Korea', () => {
  it('asks registration for machines bought from 2022-08-23, not for those bought on 2022-08-22', () => {
    const on23 = chat(fakeStore().machine, { input: inputFor('KR', { model: 'citiz', purchaseDate: '2022-08-23', hasProof: true, overseas: false }) });
    expect(steps(on23.replies)).toEqual(['askingRegistration']);
    const on22 = chat(fakeStore().machine, { input: inputFor('KR', { model: 'citiz', purchaseDate: '2022-08-22', hasProof: true, overseas: false }) });
    expect(steps(on22.replies)).toEqual(['askingLastRepair']);
    expect(on22.say('no')[0]!.text).toMatch(/bought before August 23, 2022: 24 months/);
  });

  it('extends the warranty when registered on day 30, not on day 31', () => {
    const input = { model: 'pixie', purchaseDate: '2024-05-01', hasProof: true, overseas: false };
    const day30 = chat(fakeStore().machine, { input: inputFor('KR', input) });
    expect(day30.say('2024-05-31')[0]!.text).toMatch(/under warranty until April 30, 2026.*plus 12 because it was registered within 30 days/);
    const day31 = chat(fakeStore().machine, { input: inputFor('KR', input) });
    expect(day31.say('2024-06-01')[0]).toMatchObject({ step: 'askingLastRepair' });
    expect(day31.say('no')[0]!.text).toMatch(/warranty of your Pixie ended on April 30, 2025/);
  });

  it('prices a paid repair by tier, with the optional KRW 5,000 rental, paid in advance, KRW 10,000 kept if no fault', async () => {
    const store = fakeStore();
    const c = chat(store.machine, { input: inputFor('KR', { model: 'citiz', purchaseDate: '2021-01-10', hasProof: true, overseas: false }) });
    const terms = c.say('No')[0]!.text;
    expect(terms).toMatch(/ended on January 9, 2023/);
    expect(terms).toMatch(/group C .* ₩40,000/);
    expect(terms).toMatch(/rental machine .*₩5,000.*₩35,000 without it/);
    expect(terms).toMatch(/paid in advance/);
    expect(terms).toMatch(/refunded minus ₩10,000 for delivery/);
    expect(c.replies.at(-1)).toMatchObject({ step: 'askingRental' });
    c.say('no');
    for (const a of CONTACT_ANSWERS) c.say(a);
    expect(c.replies.at(-1)!.text).toContain('₩35,000 without a rental machine');
    await c.sayAndSettle('confirm');
    expect(store.saved[0]).toMatchObject({ rental: false, estimatedCost: '₩35,000 without a rental machine, paid in advance' });
  });

  it('prices a Vertuo bought overseas at KRW 80,000 and says the Korean warranty does not apply', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'vertuo-next', purchaseDate: '2025-01-10', hasProof: true, overseas: true }) });
    const terms = c.replies[0]!.text;
    expect(terms).toMatch(/Korean warranty does not apply to machines bought overseas/);
    expect(terms).toMatch(/₩80,000 for a machine bought overseas/);
  });

  it('starts the warranty six months after manufacturing when there is no proof of purchase', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'citiz', purchaseDate: '2023-01-10', overseas: false }) });
    c.say('no');
    expect(c.step).toBe('askingManufacturingDate');
    expect(c.replies.at(-1)!.text).toMatch(/starts 6 months after the machine's manufacturing date/);
    c.say('2022-10-01');
    c.say('later');
    c.say('no');
    expect(texts(c.replies)).toMatch(/counted from April 1, 2023: without proof of purchase/);
  });

  it('says the cost depends on the warranty when the manufacturing date is unknown', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'lattissima-one', purchaseDate: '2023-01-10', hasProof: false, overseas: false }) });
    c.say("I don't know");
    c.say('no');
    c.say('no');
    const terms = c.replies.find((r) => r.step === 'reportingTerms')!.text;
    expect(terms).toMatch(/If it is no longer under warranty: Paid repairs are priced by model: ₩60,000 for the Lattissima One \(F111\) and ₩75,000 for the Lattissima One \(F121\)/);
  });

  it('asks where the machine was bought', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'citiz' }) });
    expect(c.replies[0]).toMatchObject({ step: 'askingOrigin', choices: [{ value: 'korea' }, { value: 'overseas' }] });
    expect(c.say('on the moon')[0]!.text).toMatch(/^Sorry, I did not catch that\./);
    c.say('I bought it abroad');
    expect(c.context.overseas).toBe(true);
  });

  it('sends professional machines to the Nespresso Professional club', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'zenius' }) });
    expect(c.output).toMatchObject({ outcome: 'completed', reason: 'professional machine' });
    expect(texts(c.replies)).toContain('080-734-1113');
  });
});

describe('repair booking in France', () => {
  it('requires registration in the customer account before service, then offers the post-July-2025 options', async () => {
    const store = fakeStore();
    const c = chat(store.machine, { input: inputFor('FR', { model: 'vertuo-next', purchaseDate: '2024-09-01', hasProof: true }) });
    expect(c.replies[0]).toMatchObject({ step: 'askingRegistration' });
    expect(c.say('no')[0]).toMatchObject({ step: 'awaitingRegistration' });
    expect(c.replies.at(-1)!.text).toMatch(/must be registered in your Nespresso customer account before the after-sales service can take it over/);
    expect(c.say('It is registered now')[0]).toMatchObject({ step: 'askingAmbassador' });
    const r = c.say('no');
    expect(r[0]!.text).toMatch(/under warranty until August 31, 2026.*2 years/s);
    expect(r[0]!.text).toMatch(/prices of the after-sales offer are published by Nespresso France/);
    expect(r[1]).toMatchObject({ step: 'askingServiceOption', choices: [{ value: 'repair' }, { value: 'refurbished' }] });
    expect(r[1]!.text).toMatch(/Since 1 July 2025.*6-month warranty on the repair.*refurbished model guaranteed 2 years \(subject to availability\)/);
    c.say('refurbished exchange');
    for (const a of FR_CONTACT) c.say(a);
    await c.sayAndSettle('confirm');
    expect(store.saved[0]).toMatchObject({ market: 'FR', registered: true, ambassador: false, serviceOption: 'refurbished' });
  });

  it('offers Ambassador customers a new identical machine', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2024-09-01', hasProof: true }) });
    c.say('yes');
    const r = c.say('yes');
    const option = r.find((x) => x.step === 'askingServiceOption')!;
    expect(option.text).toMatch(/Ambassador customer you can instead have an identical new model \(subject to availability\), guaranteed 2 years, if a technician confirms the fault/);
    expect(option.choices).toContainEqual({ label: 'New machine', value: 'newMachine' });
    c.say('3');
    expect(c.context.serviceOption).toBe('newMachine');
  });

  it('asks the brand only when Magimix spare parts could still be covered, and says they are', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2022-09-01', hasProof: true }) });
    c.say('yes');
    const r = c.say('no');
    expect(r[0]).toMatchObject({ step: 'askingBrand' });
    c.say('Magimix');
    const terms = c.say('no');
    expect(terms[0]!.text).toMatch(/ended on August 31, 2024.*Magimix: 2 years \(3 years for spare parts\).*spare parts are covered until August 31, 2025/s);

    const recent = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2024-09-01', hasProof: true }) });
    recent.say('yes');
    expect(steps(recent.say('no'))).not.toContain('askingBrand');
  });

  it('stops when the customer does not want to register the machine', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2024-09-01', hasProof: true }) });
    c.say('no');
    c.say('Stop here');
    expect(c.output).toMatchObject({ outcome: 'cancelled' });
  });
});

describe('repair booking: a previous repair', () => {
  it('KR: covers the same fault for 6 months after a repair even when the machine warranty has ended', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'citiz', purchaseDate: '2021-01-10', hasProof: true, overseas: false }) });
    expect(c.say('yes')[0]!.text).toMatch(/^When was it repaired\?/);
    expect(c.say('2020-01-01')[0]!.text).toMatch(/before the purchase date/);
    const r = c.say('2025-02-01');
    expect(r[0]!.text).toMatch(/under warranty until July 31, 2025.*After the repair of February 1, 2025, the last repair is warranted for 6 months/s);
    expect(steps(r)).not.toContain('askingRental');
  });

  it('FR: the 6-month warranty on repairs made by the workshops', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2020-01-10', hasProof: true }) });
    c.say('yes');
    c.say('no');
    c.say('Krups');
    expect(c.say('2025-03-01')[0]!.text).toMatch(/repairs made by the workshops are warranted for 6 months, until August 31, 2025/);
  });

  it('does not ask about earlier repairs when the machine is under warranty', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz', purchaseDate: '2025-01-10', hasProof: true }) });
    c.say('yes');
    expect(steps(c.say('no'))).toEqual(['reportingTerms', 'askingServiceOption']);
  });
});

describe('repair booking in Taiwan and Portugal', () => {
  it('TW: the Nespresso Assistance Package terms, no registration, outlying islands excluded', () => {
    const c = chat(fakeStore().machine, { input: inputFor('TW', { model: 'pixie', purchaseDate: '2024-12-01', hasProof: true }) });
    expect(c.replies[0]).toMatchObject({ step: 'askingLastRepair' });
    expect(c.replies[0]!.text).toMatch(/the repaired parts are warranted for the rest of the original warranty or 6 months, whichever is longer/);
    const terms = c.say('no')[0]!.text;
    for (const s of ['diagnoses the machine by phone, on 0809 001 886', 'Nespresso Assistance Package', 'collection of the machine from your home or an address of your choice (outlying island areas excluded)', '5–7 working days', 'return to the same address', 'unexpired portion of the original warranty or 6 months, whichever is greater']) {
      expect(terms).toContain(s);
    }
    expect(terms).not.toMatch(/KRW|€/);
    for (const a of ['Chen Mei', '0912 345 678', 'chen@example.tw']) c.say(a);
    expect(c.replies.at(-1)!.text).toMatch(/outlying island areas are excluded/);
  });

  it('PT: the manufacturer\'s warranty and after-sales by phone on 800 260 260', () => {
    const c = chat(fakeStore().machine, { input: inputFor('PT', { model: 'essenza-mini', purchaseDate: '2024-12-01', hasProof: true }) });
    const terms = c.replies[0]!.text;
    expect(terms).toMatch(/guaranteed by the machine manufacturer under the terms in the original product documentation/);
    expect(terms).toMatch(/by phone on 800 260 260/);
    expect(steps(c.replies)).not.toContain('askingRegistration');
  });
});
