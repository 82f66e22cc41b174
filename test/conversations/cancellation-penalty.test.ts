/**
 * Cancelling a machine subscription through the real service: France's penalty (80% × price without
 * subscription − price under it, never below 0), free after the commitment; Korea's Plus programme
 * return rules; Taiwan and Portugal honestly "not covered" with their contact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { choices, Customer, dialogOf, sameCustomer, startAtToday, storeDialogFromOtherVersion, support, type TestService } from './support.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startAtToday();
});
afterEach(async () => {
  await svc.close();
});

describe('cancellation penalty', () => {
  it('France: commitment, months, both prices → "(€279 × 0.8) − €99", free after the remaining months, how to cancel', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });

    const [commitment] = await c.say('how much is the penalty to cancel my machine subscription?');
    expect(dialogOf(commitment)).toEqual({ dialog: 'cancellationPenalty', step: 'askingCommitment' });
    expect(commitment?.text).toBe('Is your machine subscription a 12- or 24-month commitment?');
    expect(choices(commitment)).toEqual(['12 months', '24 months']);

    const [elapsed] = await c.say('24 months');
    expect(elapsed?.text).toMatch(/^How many months ago did your 24-month subscription start\?/);
    const [without] = await c.say('5 months');
    expect(without?.text).toBe('What is the price of your machine without a subscription (its normal price)?');
    const [withSub] = await c.say('€279');
    expect(withSub?.text).toBe('And what price did you pay for the machine under the subscription?');

    const [penalty] = await c.say('99 euros');
    expect(dialogOf(penalty)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(penalty?.text).toContain("the cancellation fee is 80% of the machine's price without subscription, minus its price under the subscription, and never below zero");
    expect(penalty?.text).toContain('(€279 × 0.8) − €99 = €124.20 (about €124).');
    expect(penalty?.text).toContain('So cancelling now would cost about €124. You are 5 months into 24: after the remaining 19 months, cancelling is free.');
    expect(penalty?.text).toContain('the subscription renews tacitly');
    expect(penalty?.text).toContain('My Account → My Subscriptions → Cancel My Subscription');
    expect(penalty?.text).toContain('the machine remains your property whenever you cancel');
  });

  it('France: every figure in the first message → the answer at once, no question asked', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });

    const replies = await c.say('I pay 99 for a lattissima one that costs 279, 5 months into 24');
    expect(replies).toHaveLength(1);
    expect(support(replies[0])).toMatchObject({ kind: 'dialog', dialog: 'cancellationPenalty', step: 'done', task: 'cancellationPenalty', market: 'FR' });
    expect(replies[0]?.text).toContain('(€279 × 0.8) − €99 = €124.20 (about €124).');
  });

  it('France: never below zero', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });

    const [penalty] = await c.say('I want to cancel my machine subscription, 3 months into 12, it costs 249 and I pay 229');
    expect(penalty?.text).toContain('(€249 × 0.8) − €229 = −€29.80, which is below zero, so €0.');
    expect(penalty?.text).toContain('So cancelling now would cost nothing. You are 3 months into 12: after the remaining 9 months, cancelling is free.');
  });

  it('France: once the commitment is over, cancelling is free', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('what is the cancellation fee for my subscription');
    await c.say('12 months');

    const [free] = await c.say('The commitment is over');
    expect(dialogOf(free)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(free?.text).toMatch(/^Your 12-month commitment is complete, so you can cancel your subscription at any time, without any fees\./);
    expect(free?.text).not.toMatch(/0\.8/);
  });

  it('France: bad answers are asked again with what is expected — the commitment, then an amount', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');

    const replies = await c.say('18');
    expect(replies.map((r) => support(r)?.kind)).toEqual(['dialog']);
    expect(replies[0]?.text).toMatch(/^Machine subscriptions commit you for 12 or 24 months\. Which one is yours\?\n\nIs your machine subscription/);

    await c.say('24');
    await c.say('5 months');
    const [amount] = await c.say('cheap');
    expect(dialogOf(amount)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWithout' });
    expect(amount?.text).toMatch(/^Please give an amount in euros, e\.g\. "€279" or "279 euros"\./);
  });

  it('Korea: the Plus programme rules — unopened and received 3 days ago, so it can still be returned', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });

    const [received] = await c.say('I want to return the machine from the plus programme and get a refund');
    expect(dialogOf(received)).toEqual({ dialog: 'cancellationPenalty', step: 'askingReceivedDate' });
    expect(received?.text).toMatch(/^My Korean documents do not describe a machine subscription; they describe the Nespresso Plus programme/);

    const [unopened] = await c.say('2025-06-13');
    expect(unopened?.text).toBe('Is the product still unopened?');

    const [rules] = await c.say('yes');
    expect(rules?.text).toContain('exchange or refund for a simple change of mind only for unopened products, within 7 days of receiving them');
    expect(rules?.text).toContain('return the discounted amount and pay the related delivery fee');
    expect(rules?.text).toContain('You received it 3 days ago and it is unopened, so you can still return it.');
    expect(rules?.text).toContain('080-734-1111');
    expect(rules?.text).not.toMatch(/€|0\.8/);
  });

  it('Korea: an opened product is past the change-of-mind return; a date in the future is asked again', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });
    await c.say('I want to cancel my plus programme and return the machine');

    const [future] = await c.say('this Friday');
    expect(dialogOf(future)).toEqual({ dialog: 'cancellationPenalty', step: 'askingReceivedDate' });
    expect(future?.text).toMatch(/^The date you received it cannot be in the future \(today is June 16, 2025\)/);

    await c.say('2025-06-10');
    const [rules] = await c.say('no, I opened it');
    expect(rules?.text).toContain('As the product has been opened, the change-of-mind return does not apply; a machine that has not been used can still be returned at a boutique.');
  });

  it('Taiwan: not covered by the documents — says so, gives the Taiwan contact', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    // A question is answered: the documents for Taiwan are silent, so the bot says so with Taiwan's contact.
    const [answer] = await c.say('how do I cancel my machine subscription');
    expect(support(answer)).toMatchObject({ kind: 'fallback', market: 'TW' });
    expect(answer?.text).toBe("Our documents for Taiwan don't cover that (what I have on it applies to France only), so I won't guess. Please call 0809 001 886 (toll-free, 08:00–22:00).");

    // Asking to do it starts the task, which says the same and offers a person.
    const [silent] = await c.say('I want to cancel my machine subscription');
    expect(dialogOf(silent)).toEqual({ dialog: 'cancellationPenalty', step: 'offeringPerson' });
    expect(silent?.text).toMatch(/^My documents for Taiwan do not describe a machine subscription or how to cancel one, so I won't guess\. Please contact Nespresso on 0809 001 886 \(toll-free, 08:00–22:00\)\./);
    expect(silent?.text).not.toMatch(/€|0\.8|Plus programme/);

    const [bye] = await c.say('No, thanks');
    expect(bye?.text).toBe('All right. You can reach Nespresso on 0809 001 886 (toll-free, 08:00–22:00).');
  });

  it('Portugal: not covered (Easyordering is free to cancel), and a person on request', async () => {
    const c = new Customer(svc, { locale: 'en-PT' });

    const [silent] = await c.say('what is the penalty for cancelling my subscription');
    expect(silent?.text).toContain("My documents for Portugal do not describe a machine subscription or how to cancel one, so I won't guess. Please contact Nespresso on 800 260 260.");
    expect(silent?.text).toContain('If you mean Easyordering (automatic re-orders of capsules), the terms of sale say you can cancel it at any time and for free.');

    const [person] = await c.say('Talk to a person');
    expect(support(person)).toMatchObject({ kind: 'handoff', market: 'PT' });
    expect(person?.text).toMatch(/^I'm connecting you with a person from our support team\. You're next in the queue\. Our documents don't state the support team's hours for Portugal, so I can't promise a time; you can also call 800 260 260\./);
  });

  it('a FAQ question mid-dialog is answered, then "shall we go on?"; an answer to the pending question goes on with the task', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');
    await c.say('24 months');

    const [answer, prompt] = await c.say('how long do I have to wait for my refund after returning an order?');
    expect(support(answer)).toMatchObject({ kind: 'faq', market: 'FR', faqId: 'fr-refund-returned-order' });
    expect(prompt?.text).toBe('Shall we go on with your cancellation penalty?');
    expect(dialogOf(prompt)).toEqual({ dialog: 'cancellationPenalty', step: 'goOn' });

    const [next] = await c.say('5 months');
    expect(dialogOf(next)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWithout' });
  });

  it('"cancel" mid-dialog stops it', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');

    const [stopped] = await c.say('never mind');
    expect(stopped?.text).toBe('OK, I stopped that task. What else can I help with?');
    const [after] = await c.say('24 months');
    expect(support(after)?.dialog).toBeUndefined();
  });

  it('"help" mid-dialog shows the menu, then the question again; a task picked from the menu starts that task', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');

    const [help, prompt] = await c.say('help');
    expect(help?.text).toContain('"cancel" stops the current task');
    expect(choices(help)).toContain('Book a repair');
    expect(dialogOf(prompt)).toEqual({ dialog: 'cancellationPenalty', step: 'askingCommitment' });

    const [model] = await c.say('task:repairBooking'); // the menu button's value
    expect(dialogOf(model)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
  });

  it('"talk to a person" mid-dialog queues for an agent', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');

    const [queued] = await c.say('talk to a person');
    expect(support(queued)).toMatchObject({ kind: 'handoff', market: 'FR' });
    expect(queued?.text).toMatch(/^I'm connecting you with a person from our support team\. You're next in the queue\. Our team for France is available Monday to Saturday, 8am to 8pm \(Paris time\)\./);
    // While queued, the bot does not answer the dialog's question itself.
    const [kept] = await c.say('24 months');
    expect(support(kept)).toMatchObject({ kind: 'handoff' });
    expect(kept?.text).toMatch(/^Thanks — the agent will see your message when they join\./);
  });

  it('a restart of the process mid-dialog resumes at the same step with the figures given before', async () => {
    const storage = new MemoryStorage();
    const first = await startAtToday(storage);
    const c = new Customer(first, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');
    await c.say('24 months');
    await c.say('5 months');
    const [withSub] = await c.say('€279');
    expect(dialogOf(withSub)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWith' });
    await first.close();

    const second = await startAtToday(storage);
    try {
      const [penalty] = await sameCustomer(c, second, 'en-FR').say('99 euros');
      expect(penalty?.text).toContain('(€279 × 0.8) − €99 = €124.20 (about €124).');
    } finally {
      await second.close();
    }
  });

  it('a dialog saved by another version restarts politely from the first question', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('how much is the penalty to cancel my machine subscription?');
    await c.say('24 months');
    await storeDialogFromOtherVersion(svc, c);

    const [sorry, ask] = await c.say('5 months');
    expect(sorry?.text).toBe('Sorry, I lost track of where we were in this conversation, so let us pick it up again from the start.');
    expect(dialogOf(ask)).toEqual({ dialog: 'cancellationPenalty', step: 'askingCommitment' });
  });
});
