/**
 * Repair booking through the real service: each market's terms (TW Assistance Package, FR 2 years and
 * the two options, KR tiers and costs), contact details validated, summary, a saved reference the
 * customer can look up, and the dialog surviving digressions, hand-offs and restarts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { agent, choices, Customer, dialogOf, sameCustomer, startAtToday, storeDialogFromOtherVersion, support, type TestService } from './support.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startAtToday();
});
afterEach(async () => {
  await svc.close();
});

const REFERENCE = /\bR-[A-Z0-9]{6}\b/;

/** Name, phone, email and address, each answered in turn; returns the summary. */
async function giveDetails(c: Customer, details: [string, string, string, string]) {
  const [name, phone, email, address] = details;
  expect(dialogOf((await c.say(name)).at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingPhone' });
  expect(dialogOf((await c.say(phone)).at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
  expect(dialogOf((await c.say(email)).at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingAddress' });
  const [summary] = await c.say(address);
  expect(dialogOf(summary)).toEqual({ dialog: 'repairBooking', step: 'confirming' });
  return summary;
}

describe('repair booking', () => {
  it('Taiwan: Assistance Package (collection, 5–7 working days), summary, saved reference, then its status', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [date] = await c.say('I need to book a repair for my CitiZ');
    expect(dialogOf(date)).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    expect(date?.text).toMatch(/^When did you buy your CitiZ\?/);

    const [proof] = await c.say('2024-03-05');
    expect(dialogOf(proof)).toEqual({ dialog: 'repairBooking', step: 'askingProof' });
    const [lastRepair] = await c.say('yes');
    expect(dialogOf(lastRepair)).toEqual({ dialog: 'repairBooking', step: 'askingLastRepair' });

    const [terms, name] = await c.say('No');
    expect(dialogOf(terms)).toEqual({ dialog: 'repairBooking', step: 'reportingTerms' });
    expect(terms?.text).toMatch(/^In Taiwan, a Nespresso machine specialist first diagnoses the machine by phone, on 0809 001 886/);
    expect(terms?.text).toContain('Nespresso Assistance Package: collection of the machine from your home or an address of your choice (outlying island areas excluded), repair and a full check of its components in 5–7 working days, and return to the same address.');
    expect(terms?.text).toContain('My documents do not give the warranty period or a price.');
    expect(name?.text).toBe('What name should the booking be under?');

    const summary = await giveDetails(c, ['Lin Mei', '0912 345 678', 'mei@example.tw', 'No. 7, Section 5, Xinyi Road, Xinyi District, Taipei 110']);
    expect(summary?.text).toContain('• Machine: CitiZ\n• Purchase date: March 5, 2024; proof of purchase: yes');
    expect(summary?.text).toContain('• Phone: 0912345678\n• Email: mei@example.tw');
    expect(choices(summary)).toEqual(['Confirm', 'Change something', 'Cancel booking']);

    const [saved] = await c.say('Confirm');
    expect(dialogOf(saved)).toEqual({ dialog: 'repairBooking', step: 'done' });
    expect(saved?.text).toMatch(/^Your repair booking is saved\. Your reference is R-[A-Z0-9]{6}: please quote it when you contact Nespresso on 0809 001 886/);
    const reference = REFERENCE.exec(saved?.text ?? '')![0];

    const [status] = await c.say(`what's the status of booking ${reference}?`);
    expect(support(status)).toMatchObject({ kind: 'dialog', dialog: 'repairBooking', step: 'status', market: 'TW' });
    expect(status?.text).toBe(
      `Booking ${reference}: CitiZ repair, received on June 16, 2025. Status: received — our service team will contact you at the phone number you gave.`,
    );

    // Without the reference, the booking of this conversation is found.
    const [mine] = await c.say("what's the status of my booking?");
    expect(mine?.text).toMatch(new RegExp(`^Booking ${reference}: CitiZ repair`));
  });

  it('asks for the reference when the conversation has no booking', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    const [ask] = await c.say('where is my repair?');
    expect(ask?.text).toMatch(/I need the booking reference/);
  });

  it('France: model, date and proof from the first message; 2-year warranty, registration, then repair or refurbished exchange', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });

    const [registered] = await c.say('my lattissima one is broken, I bought it on 2024-09-10 and I have the receipt');
    expect(dialogOf(registered)).toEqual({ dialog: 'repairBooking', step: 'askingRegistration' });
    expect(registered?.text).toMatch(/^Is the machine registered in your Nespresso customer account\?/);

    const [ambassador] = await c.say('yes');
    expect(ambassador?.text).toBe('Are you a Nespresso Ambassador customer?');

    const [terms, options] = await c.say('no');
    expect(terms?.text).toMatch(/^Your Lattissima One is under warranty until September 9, 2026\. \(France, .*: 2 years\./);
    expect(terms?.text).toContain('The prices of the after-sales offer are published by Nespresso France; my documents do not list them.');
    expect(dialogOf(options)).toEqual({ dialog: 'repairBooking', step: 'askingServiceOption' });
    expect(options?.text).toContain('repair in its workshops, with a 6-month warranty on the repair; or an exchange for an identical refurbished model guaranteed 2 years');
    expect(choices(options)).toEqual(['Repair', 'Refurbished exchange']);

    const [again] = await c.say('whatever is fastest');
    expect(again?.text).toMatch(/^Please choose "Repair \(6-month warranty\)" or "Refurbished exchange"\./);

    const [name] = await c.say('Refurbished exchange');
    expect(dialogOf(name)).toEqual({ dialog: 'repairBooking', step: 'askingName' });
    const summary = await giveDetails(c, ['Jean Dupont', '06 12 34 56 78', 'jean@example.fr', '12 rue de la Paix, 75002 Paris']);
    expect(summary?.text).toContain('• Warranty: covered until September 9, 2026');
    expect(summary?.text).toContain('• Option: Refurbished exchange');
  });

  it('France: an Ambassador customer is also offered a new machine; an unregistered machine must be registered first', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('my citiz is broken, I bought it on 2025-01-20 and I have the receipt');

    const [register] = await c.say('no');
    expect(dialogOf(register)).toEqual({ dialog: 'repairBooking', step: 'awaitingRegistration' });
    expect(register?.text).toMatch(/must be registered in your Nespresso customer account before the after-sales service can take it over\. Please register it first/);
    expect(choices(register)).toEqual(['It is registered now', 'Talk to a person', 'Stop here']);

    const [ambassador] = await c.say('It is registered now');
    expect(ambassador?.text).toBe('Are you a Nespresso Ambassador customer?');
    const [, options] = await c.say('yes');
    expect(options?.text).toContain('As an Ambassador customer you can instead have an identical new model (subject to availability), guaranteed');
    expect(choices(options)).toEqual(['Repair', 'Refurbished exchange', 'New machine']);
  });

  it('Korea: out of warranty, priced by tier (group C, KRW 40,000, rental KRW 5,000 optional, KRW 10,000 kept if no fault)', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });

    const [origin] = await c.say('I want to get my CitiZ repaired');
    expect(dialogOf(origin)).toEqual({ dialog: 'repairBooking', step: 'askingOrigin' });
    expect(choices(origin)).toEqual(['From Nespresso Korea', 'Overseas']);

    const [date] = await c.say('From Nespresso Korea');
    expect(dialogOf(date)).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    await c.say('2021-01-10');
    await c.say('yes');

    const [terms, rental] = await c.say('no');
    expect(terms?.text).toMatch(/^The warranty of your CitiZ ended on January 9, 2023\. \(Korea, household machines bought before August 23, 2022: 24 months/);
    expect(terms?.text).toContain('the CitiZ is in group C (suggested retail price ₩200,000 and above), ₩40,000.');
    expect(terms?.text).toContain('a rental machine for the duration of the repair (₩5,000), which is left out if you do not want one (₩35,000 without it)');
    expect(terms?.text).toContain('paid in advance when the repair request is received; if the machine turns out to have no fault to repair, it is refunded minus ₩10,000 for delivery.');
    expect(dialogOf(rental)).toEqual({ dialog: 'repairBooking', step: 'askingRental' });

    await c.say('no');
    const summary = await giveDetails(c, ['Kim Minji', '010-1234-5678', 'minji@example.kr', '12 Teheran-ro, Gangnam-gu, Seoul 06236']);
    expect(summary?.text).toContain('• Warranty: ended January 9, 2023\n• Cost: ₩35,000 without a rental machine, paid in advance');
  });

  it('Korea: "Korea" answers where the machine was bought (it is not a change of country)', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });
    await c.say('I want to get my pixie repaired');

    const [date] = await c.say('Korea');
    expect(dialogOf(date)).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    expect(date?.text).toMatch(/^When did you buy your Pixie\?/);
  });

  it('bad answers are asked again with what is expected: a future date, a short phone number, an incomplete email', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('I need to book a repair for my Essenza Mini');

    const [future] = await c.say('2030-01-01');
    expect(dialogOf(future)).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    expect(future?.text).toMatch(/^The purchase date cannot be in the future \(today is June 16, 2025\)\. Please give it again\./);

    await c.say('2025-02-01');
    await c.say('yes'); // receipt
    await c.say('yes'); // registered
    await c.say('no'); // not an Ambassador
    await c.say('Repair');
    await c.say('Jean Dupont');

    const [phone] = await c.say('12345');
    expect(dialogOf(phone)).toEqual({ dialog: 'repairBooking', step: 'askingPhone' });
    expect(phone?.text).toMatch(/^That does not look like a phone number\. Please type it with its digits only, e\.g\. 06 12 34 56 78\./);
    await c.say('06 12 34 56 78');

    const [email] = await c.say('jean@example');
    expect(dialogOf(email)).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
    expect(email?.text).toMatch(/^That email address looks incomplete\. It should look like name@example\.com\./);
  });

  it('a detail corrected from the summary is asked again and the summary shows the new value', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('I need to book a repair for my Pixie');
    await c.say('2025-01-20');
    await c.say('yes');
    await c.say('no');
    await giveDetails(c, ['Lin Mei', '0912 345 678', 'mei@example.tw', 'No. 7, Section 5, Xinyi Road, Xinyi District, Taipei 110']);

    const [phone] = await c.say('change the phone number');
    expect(dialogOf(phone)).toEqual({ dialog: 'repairBooking', step: 'askingPhone' });
    const [summary] = await c.say('0922 000 111');
    expect(dialogOf(summary)).toEqual({ dialog: 'repairBooking', step: 'confirming' });
    expect(summary?.text).toContain('• Phone: 0922000111');
    expect(summary?.text).toContain('• Name: Lin Mei');
  });

  it('a FAQ question mid-dialog is answered, then the bot asks whether to go on; Continue asks the pending question again', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('my lattissima one is broken, I bought it on 2024-09-10 and I have the receipt');
    await c.say('yes');

    const [answer, prompt] = await c.say('how long do I have to wait for my refund after returning an order?');
    expect(support(answer)).toMatchObject({ kind: 'faq', market: 'FR', faqId: 'fr-refund-returned-order' });
    expect(answer?.text).toMatch(/within 14 days/);
    expect(prompt?.text).toBe('Shall we go on with your repair booking?');
    expect(choices(prompt)).toEqual(['Continue', 'Stop the task']);
    const [again] = await c.say('continue');
    expect(again?.text).toBe('Are you a Nespresso Ambassador customer?');
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingAmbassador' });
  });

  it('"yes" to a question that wants an option is asked again, not answered from the FAQ', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('my lattissima one is broken, I bought it on 2024-09-10 and I have the receipt');
    await c.say('yes');
    await c.say('no');

    const replies = await c.say('yes');
    expect(replies.map((r) => support(r)?.kind)).toEqual(['dialog']);
    expect(replies[0]?.text).toMatch(/^Please choose "Repair \(6-month warranty\)" or "Refurbished exchange"\./);
  });

  it('"Cancel booking" at the summary books nothing; "cancel" mid-dialog stops it', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('I need to book a repair for my Pixie');
    await c.say('2025-01-20');
    await c.say('yes');
    await c.say('no');
    await giveDetails(c, ['Lin Mei', '0912 345 678', 'mei@example.tw', 'No. 7, Section 5, Xinyi Road, Xinyi District, Taipei 110']);

    const [nothing] = await c.say('Cancel booking');
    expect(nothing?.text).toBe('All right, I have not booked anything.');
    expect(await svc.app.router.bookings.forConversation(`emulator:${c.id}`)).toEqual([]);

    await c.say('I need to book a repair for my CitiZ');
    const [stopped] = await c.say('cancel');
    expect(stopped?.text).toBe('OK, I stopped that task. What else can I help with?');
  });

  it('"talk to a person" mid-dialog: queued, and the agent sees the booking so far', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });
    await c.say('I want to get my CitiZ repaired');
    await c.say('From Nespresso Korea');

    const [queued] = await c.say('can I speak to a human');
    expect(support(queued)).toMatchObject({ kind: 'handoff', market: 'KR' });
    expect(queued?.text).toBe(
      "I'm connecting you with a person from our support team. You're next in the queue. Our team for Korea is available 24 hours a day, all year round. An agent will reply here as soon as one is free — keep this chat open, and feel free to describe your question while you wait.",
    );
    const seen = await agent(svc).handoffOf(c);
    expect(seen.body.handoff.packet.dialog).toMatchObject({ machine: 'repairBooking', step: 'askingPurchaseDate', slots: { model: 'CitiZ', overseas: false } });
  });

  it('an unknown reference is not found', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    const [status] = await c.say('status of R-ZZZ999');
    expect(status?.text).toBe("I can't find a booking with the reference R-ZZZ999. Please check it, or ask for a person.");
  });

  it('a restart of the process mid-dialog resumes at the same step with what was given before', async () => {
    const storage = new MemoryStorage();
    const first = await startAtToday(storage);
    const c = new Customer(first, { locale: 'en-TW' });
    await c.say('I need to book a repair for my CitiZ');
    await c.say('2024-03-05');
    await c.say('yes');
    await c.say('no');
    await c.say('Lin Mei');
    const [email] = await c.say('0912 345 678');
    expect(dialogOf(email)).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
    await first.close();

    const second = await startAtToday(storage);
    try {
      const c2 = sameCustomer(c, second, 'en-TW');
      const [address] = await c2.say('mei@example.tw');
      expect(dialogOf(address)).toEqual({ dialog: 'repairBooking', step: 'askingAddress' });
      const [summary] = await c2.say('No. 7, Section 5, Xinyi Road, Xinyi District, Taipei 110');
      expect(summary?.text).toContain('• Name: Lin Mei\n• Phone: 0912345678\n• Email: mei@example.tw');
      const [saved] = await c2.say('confirm');
      const reference = REFERENCE.exec(saved?.text ?? '')?.[0];
      expect(reference).toBeDefined();
      const [status] = await c2.say(`status of ${reference}`);
      expect(status?.text).toMatch(new RegExp(`^Booking ${reference}: CitiZ repair`));
    } finally {
      await second.close();
    }
  });

  it('a dialog saved by another version restarts politely: the model is asked again', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('I need to book a repair for my Essenza Mini');
    await c.say('2025-02-01');
    await c.say('yes');
    await storeDialogFromOtherVersion(svc, c);

    const [sorry, ask] = await c.say('yes');
    expect(sorry?.text).toMatch(/^Sorry, I lost track of where we were in this conversation, so let us pick it up again from the start\.$/);
    expect(dialogOf(ask)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
    expect(ask?.text).toMatch(/^Which Nespresso machine needs repairing\?/);
  });
});
