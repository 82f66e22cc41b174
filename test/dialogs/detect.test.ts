import { describe, expect, it } from 'vitest';
import { detectDialog, parseBookingReference } from '../../src/router/dialog-runtime.js';
import { cancellationSlotsIn } from '../../dialogs/detect.js';

describe('detectDialog', () => {
  it.each([
    ['start password reset', 'passwordReset'],
    ['start no water', 'noWater'],
    ['Start repair booking', 'repairBooking'],
    ['start cancellation penalty', 'cancellationPenalty'],
  ])('starts on the payload "%s"', (text, dialog) => {
    expect(detectDialog(text)).toEqual({ dialog, slots: {}, confidence: 1, reading: 'request' });
  });

  it.each([
    ['I forgot my password', { situation: 'forgot' }],
    ['my password reset link expired', { situation: 'expired' }],
    ["I didn't receive the reset password email", { situation: 'notReceived' }],
    ['I forgot which email I used, need to reset my password', { situation: 'forgotEmail' }],
    ['I bought on MOMO, how do I reset my password', { situation: 'otherChannel' }],
  ])('password reset: "%s"', (text, slots) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'passwordReset', slots });
  });

  it('ignores near misses such as a wifi router password', () => {
    expect(detectDialog('how do I reset my wifi router password')).toBeUndefined();
  });

  it.each([
    ['my prodigio gives no water', { model: 'prodigio' }],
    ['No water coming out of my Lattissima One, tried 5 times', { model: 'lattissima-one', tries: 5 }],
    ['water does not come out', {}],
  ])('no water: "%s"', (text, slots) => {
    expect(detectDialog(text)).toEqual({ dialog: 'noWater', slots, confidence: 0.9, reading: 'request' });
  });

  it('repair booking with model, purchase date and proof from the first message', () => {
    expect(detectDialog('I need to book a repair for my citiz, bought it last March, I have the receipt')).toEqual({
      dialog: 'repairBooking',
      slots: { model: 'citiz', purchaseDate: 'last march', hasProof: true },
      confidence: 0.85,
      reading: 'request',
    });
    expect(detectDialog('my vertuo is broken, purchased in January 2021 and I lost the receipt')).toMatchObject({
      slots: { model: 'vertuo', purchaseDate: 'in january 2021', hasProof: false },
    });
  });

  it('leaves a booking status question to the router', () => {
    expect(detectDialog("what's the status of booking R-7KQ2ZD")).toBeUndefined();
  });

  it.each([
    ['I pay 99 for a lattissima one that costs 279, 5 months into 24', { priceWith: 99, priceWithout: 279, elapsed: 5, commitment: 24 }],
    ['how much is the cancellation fee for my 12-month subscription?', { commitment: 12 }],
    ['I want to cancel my subscription, my commitment is over', { finished: true }],
    ['cancel subscription: €279 machine, €99 with the subscription', { priceWithout: 279, priceWith: 99 }],
  ])('cancellation: "%s"', (text, slots) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'cancellationPenalty', slots });
  });

  it('finds nothing in an ordinary question', () => {
    expect(detectDialog('how often should I descale my machine')).toBeUndefined();
  });
});

describe('cancellationSlotsIn', () => {
  it('reads "sub for 24 months" as the commitment and the other duration as the time elapsed', () => {
    expect(cancellationSlotsIn('quick one: sub for 24 months, been a year now, machine was 49 € instead of 199 €')).toMatchObject({ commitment: 24, elapsed: 12, priceWith: 49, priceWithout: 199 });
    expect(cancellationSlotsIn('my contract is for 12 months and it has been 5 months')).toMatchObject({ commitment: 12, elapsed: 5 });
  });
});

describe('parseBookingReference', () => {
  it.each([
    ["what's the status of booking R-7KQ2ZD", 'R-7KQ2ZD'],
    ['status r-7kq2zd please', 'R-7KQ2ZD'],
    ['R 7KQ2ZD', 'R-7KQ2ZD'],
    ['booking R7KQ2ZD', 'R-7KQ2ZD'],
  ])('%s → %s', (text, ref) => {
    expect(parseBookingReference(text)).toBe(ref);
  });

  it.each(['hello', 'R-ABC12', 'R-ABC1234', 'rabcdef is a word'])('finds no reference in "%s"', (text) => {
    expect(parseBookingReference(text)).toBeUndefined();
  });
});
