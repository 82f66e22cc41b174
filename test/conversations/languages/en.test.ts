/**
 * English, a customer in Korea (locale en-KR): the four guided tasks as chats, every reply in English,
 * Korea's numbers, rules and costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices, dialogOf, startAtToday, support, type TestService } from '../support.js';
import { Chat, REFERENCE } from './chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const chat = () => new Chat(svc, 'en-KR', 'en', 'KR');
const KR_CONTACT = '080-734-1111 (free of charge, 24 hours a day, all year round)';

describe('en (Korea)', () => {
  it("password: Korea's documents say nothing, so the contact; then \"can I just talk to a real person please\"", async () => {
    const c = chat();

    const contact = await c.step('I forgot my password', 'passwordReset', 'offeringPerson');
    expect(contact.text).toMatch(/^My documents for Korea do not describe how to reset a password, so I won't guess\./);
    expect(contact.text).toContain(`Please contact Nespresso on ${KR_CONTACT}.`);
    expect(choices(contact)).toEqual(['Talk to a person', 'No, thanks']);

    const [handoff] = await c.say('can I just talk to a real person please');
    expect(support(handoff)?.kind).toBe('handoff');
    expect(handoff?.text).toMatch(/^I'm connecting you with a person from our support team\./);
    expect(handoff?.text).toContain('Our team for Korea is available 24 hours a day, all year round.');
    expect(choices(handoff)).toEqual(['Stop waiting']);
  });

  it('no water: a Pixie, "that didn\'t work" is try 1, "actually it\'s an Essenza Mini" starts again, then water comes out', async () => {
    const c = chat();

    const model = await c.step('no water comes out of my machine', 'noWater', 'askingModel');
    expect(model.text).toBe('Which Nespresso machine do you have? The steps depend on the model.');

    const steps = await c.step("it's a Pixie", 'noWater', 'tryingFix');
    expect(steps.text).toMatch(/^When no water comes out of the spout, your Pixie may have an air bubble/);
    expect(choices(steps)).toEqual(['Yes, water flows', 'No, still nothing']);

    const again = await c.step("that didn't work", 'noWater', 'tryingFix');
    expect(again.text).toMatch(/^That was try 1 of 5\. Please try once more:/);

    const replies = await c.say("actually it's an Essenza Mini");
    expect(replies).toHaveLength(1);
    expect(dialogOf(replies[0])).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(replies[0]?.text).toMatch(/^When no water comes out of the spout, your Essenza Mini may have an air bubble/);
    expect(replies[0]?.text).toMatch(/Did water come out\?$/);

    const fixed = await c.step('yes, water comes out now', 'noWater', 'resolved');
    expect(fixed.text).toBe('Good news: the air bubble has been released and your Essenza Mini is working again. Enjoy your coffee!');
  });

  it('repair booking: "I bought it in March last year", under warranty in Korea, a Seoul address and an 010 number, a reference', async () => {
    const c = chat();

    const origin = await c.step('I want to get my CitiZ repaired', 'repairBooking', 'askingOrigin');
    expect(choices(origin)).toEqual(['From Nespresso Korea', 'Overseas']);
    await c.step('I bought it from Nespresso Korea', 'repairBooking', 'askingPurchaseDate');
    await c.step('I bought it in March last year', 'repairBooking', 'askingProof');
    const registered = await c.step('yes, I kept the receipt', 'repairBooking', 'askingRegistration');
    expect(registered.text).toContain('Registering within 30 days of purchase adds 12 months to the warranty.');

    const [terms, name] = await c.say("no, I never registered it");
    expect(terms?.text).toMatch(/^Your CitiZ is under warranty until February 28, 2026\. \(Korea, household machines bought from August 23, 2022: 12 months/);
    expect(terms?.text).toContain('I counted from March 1, 2025, as you gave an approximate date; the date on your receipt decides.');
    expect(terms?.text).toContain('During the warranty period Nespresso repairs, replaces or refunds the product at no charge');
    expect(name?.text).toBe('What name should the booking be under?');

    await c.step('Kim Minji', 'repairBooking', 'askingPhone');
    await c.step('010-1234-5678', 'repairBooking', 'askingEmail');
    const address = await c.step('minji@example.kr', 'repairBooking', 'askingAddress');
    expect(address.text).toBe('What is the pickup address for the machine (city, district, road and building number)?');
    const summary = await c.step('12 Sejong-daero, Jung-gu, Seoul', 'repairBooking', 'confirming');
    expect(summary.text).toContain('• Machine: CitiZ\n• Purchase date: March 1, 2025 (approximate); proof of purchase: yes');
    expect(summary.text).toContain('• Warranty: covered until February 28, 2026\n• Cost: free of charge (under warranty)');
    expect(summary.text).toContain('• Name: Kim Minji\n• Phone: 01012345678\n• Email: minji@example.kr\n• Address: 12 Sejong-daero, Jung-gu, Seoul');

    const saved = await c.step('Confirm', 'repairBooking', 'done');
    expect(saved.text).toMatch(/^Your repair booking is saved\. Your reference is R-[A-Z0-9]{6}: please quote it when you contact Nespresso on 080-734-1111/);
    expect(saved.text).toMatch(REFERENCE);
  });

  it('Plus programme return: "I got it on June 13", still sealed → 3 days ago, can still be returned', async () => {
    const c = chat();

    // The question is answered, with the task one tap away; tapping it asks for the customer's own dates.
    const [answer] = await c.say('can I return the machine from the plus programme and get a refund');
    expect(support(answer)).toMatchObject({ kind: 'faq', faqId: 'kr-plus-return-period' });
    expect(answer?.text).toContain('only unopened products may be exchanged or refunded, within seven days from receiving the product');
    const received = await c.step('task:cancellationPenalty', 'cancellationPenalty', 'askingReceivedDate');
    expect(received.text).toMatch(/^My Korean documents do not describe a machine subscription; they describe the Nespresso Plus programme/);

    await c.step('I got it on June 13', 'cancellationPenalty', 'askingUnopened');
    const rules = await c.step("yes it's still sealed", 'cancellationPenalty', 'done');
    expect(rules.text).toContain('only for unopened products, within 7 days of receiving them');
    expect(rules.text).toContain('You received it 3 days ago and it is unopened, so you can still return it.');
    expect(rules.text).toContain(`Nespresso Club on ${KR_CONTACT}`);
    expect(rules.text).not.toMatch(/€|0\.8/);
  });
});
