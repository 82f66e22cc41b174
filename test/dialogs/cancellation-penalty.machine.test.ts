import { describe, expect, it } from 'vitest';
import { cancellationPenaltyMachine } from '../../dialogs/cancellation-penalty.machine.js';
import { detectDialog } from '../../dialogs/detect.js';
import { chat, inputFor, steps, texts } from './helpers.js';

describe('cancellation penalty in France', () => {
  it('answers at once when the first message gives every figure ("I pay 99 for a lattissima one that costs 279, 5 months into 24")', () => {
    const d = detectDialog('I pay 99 for a lattissima one that costs 279, 5 months into 24')!;
    expect(d).toMatchObject({ dialog: 'cancellationPenalty', slots: { priceWith: 99, priceWithout: 279, elapsed: 5, commitment: 24 } });
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', d.slots) });
    expect(steps(c.replies)).toEqual(['done']);
    const text = texts(c.replies);
    expect(text).toContain('(€279 × 0.8) − €99 = €124.20 (about €124)');
    expect(text).toMatch(/5 months into 24: after the remaining 19 months, cancelling is free/);
    expect(c.output).toMatchObject({ outcome: 'completed', reason: 'penalty calculated' });
  });

  it('asks commitment, time elapsed and both prices, re-prompting bad answers', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR') });
    expect(c.replies[0]).toMatchObject({ step: 'askingCommitment', choices: [{ value: '12' }, { value: '24' }] });
    expect(c.say('18')[0]!.text).toMatch(/^Machine subscriptions commit you for 12 or 24 months\. Which one is yours\?/);
    expect(c.say('2')[0]).toMatchObject({ step: 'askingElapsed' });
    expect(c.say('ages')[0]!.text).toMatch(/^Please tell me how many months/);
    expect(c.say('since March 2025')[0]).toMatchObject({ step: 'askingPriceWithout' });
    expect(c.context.elapsed).toBe(3);
    expect(c.say('around three hundred')[0]!.text).toMatch(/^Please give an amount in euros/);
    expect(c.say('€279')[0]).toMatchObject({ step: 'askingPriceWith' });
    const r = c.say('99 euros');
    expect(r[0]!.text).toContain('(€279 × 0.8) − €99 = €124.20');
    expect(r[0]!.text).toMatch(/3 months into 24/);
  });

  it('takes several figures from one answer', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR') });
    c.say("it's 24 months, I'm 20 months in, I pay 99 for a machine that costs 279");
    expect(c.step).toBe('done');
    expect(c.context).toMatchObject({ commitment: 24, elapsed: 20, priceWith: 99, priceWithout: 279 });
  });

  it('never charges a negative penalty', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', { commitment: 12, elapsed: 4, priceWithout: 100, priceWith: 99 }) });
    expect(texts(c.replies)).toMatch(/\(€100 × 0\.8\) − €99 = −€19, which is below zero, so €0\.[\s\S]*would cost nothing/);
  });

  it('near the end: the reminder email two months before and the tacit renewal', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', { commitment: 24, elapsed: 23, priceWithout: 279, priceWith: 99 }) });
    const text = texts(c.replies);
    expect(text).toMatch(/after the remaining 1 month, cancelling is free/);
    expect(text).toMatch(/email 2 months before the end of your contract/);
    expect(text).toMatch(/renews tacitly, and you can contact Nespresso at any time to remove the tacit renewal/);
  });

  it.each([
    [{ commitment: 12, elapsed: 12 }, /Your 12-month commitment is complete/],
    [{ finished: true }, /Once your 12- or 24-month commitment is completed/],
  ])('after the commitment: free, from My Account, payments stop, the machine stays (%o)', (slots, opening) => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', slots) });
    const text = texts(c.replies);
    expect(text).toMatch(opening);
    expect(text).toMatch(/without any fees/);
    expect(text).toContain('My Account → My Subscriptions → Cancel My Subscription');
    expect(text).toMatch(/not possible in the Nespresso app/);
    expect(text).toMatch(/Payments stop as soon as the cancellation is recorded/);
    expect(text).toMatch(/machine remains your property/);
    expect(text).not.toMatch(/×/);
  });

  it('takes "the commitment is over" as an answer to the time elapsed', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', { commitment: 24 }) });
    c.say('The commitment is over');
    expect(texts(c.replies)).toMatch(/Your 24-month commitment is complete/);
  });
});

describe('cancellation in the other markets', () => {
  it.each([
    ['2025-06-12', true, /received it 3 days ago and it is unopened, so you can still return it/],
    ['2025-06-08', true, /received it 7 days ago and it is unopened, so you can still return it/],
    ['2025-06-07', true, /8 days ago, more than 7 days/],
    ['2025-06-12', false, /has been opened, the change-of-mind return does not apply/],
  ])('KR: Plus programme rules (received %s, unopened %s)', (received, unopened, verdict) => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('KR') });
    expect(c.replies[0]).toMatchObject({ step: 'askingReceivedDate' });
    expect(c.replies[0]!.text).toMatch(/do not describe a machine subscription; they describe the Nespresso Plus programme/);
    c.say(received);
    c.say(unopened ? 'yes' : 'no');
    const text = texts(c.replies);
    expect(text).toMatch(/only for unopened products, within 7 days of receiving them/);
    expect(text).toMatch(/return the discounted amount and pay the related delivery fee/);
    expect(text).toMatch(verdict);
    expect(text).not.toMatch(/€|80%/);
  });

  it('KR: re-prompts a receipt date in the future', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('KR') });
    expect(c.say('2025-07-01')[0]!.text).toMatch(/cannot be in the future/);
  });

  it.each([
    ['TW', 'Taiwan', '0809 001 886'],
    ['PT', 'Portugal', '800 260 260'],
  ] as const)('%s: no machine subscription in the documents; gives the contact', (market, name, phone) => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor(market, { priceWith: 99, priceWithout: 279, commitment: 24, elapsed: 5 }) });
    expect(c.replies[0]).toMatchObject({ step: 'offeringPerson' });
    expect(c.replies[0]!.text).toContain(`My documents for ${name} do not describe a machine subscription`);
    expect(c.replies[0]!.text).toContain(phone);
    expect(c.replies[0]!.text).not.toMatch(/€124|80%/);
    expect(/Easyordering/.test(c.replies[0]!.text)).toBe(market === 'PT');
    c.say('Talk to a person');
    expect(c.output).toMatchObject({ outcome: 'handoff' });
  });
});

describe('cancellation persistence', () => {
  it('survives a persist → restore round trip', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('FR', { commitment: 24 }) });
    c.say('5 months');
    const saved = c.persisted();
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
    const again = chat(cancellationPenaltyMachine, { snapshot: saved });
    expect(again.replies).toEqual([]);
    expect(again.step).toBe('askingPriceWithout');
    again.say('279');
    again.say('99');
    expect(texts(again.replies)).toContain('(€279 × 0.8) − €99 = €124.20');
  });
});
