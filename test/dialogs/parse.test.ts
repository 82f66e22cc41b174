import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Address, check as checkData, Email, looksLikeQuestion, Money, parseChoice, parseDate, parseMonths, parseYesNo, pastDate, PersonName, phone } from '../../dialogs/parse.js';

import { renderer } from './helpers.js';

const TODAY = '2025-06-15';

/** A parser's verdict with its reason worded in English, as the customer reads it. */
function check<T>(schema: z.ZodType<T>, text: string) {
  const r = checkData(schema, text);
  return r.ok ? r : { ok: false as const, reason: renderer.text(r.reason, 'en') };
}

describe('dates', () => {
  it.each([
    ['last March', '2025-03-01', 'month'],
    ['2 years ago', '2023-06-15', 'ago'],
    ['two years ago', '2023-06-15', 'ago'],
    ['2 yrs ago', '2023-06-15', 'ago'],
    ['January 2021', '2021-01-01', 'month'],
    ['2021-03-05', '2021-03-05', 'day'],
    ['March 5th 2021', '2021-03-05', 'day'],
    ['in 2021', '2021-07-01', 'approx'],
    ['2022년 8월 22일', '2022-08-22', 'day'],
    ['2022年8月22日', '2022-08-22', 'day'],
  ])('"%s" → %s (%s)', (text, date, precision) => {
    expect(parseDate(text, TODAY)).toEqual({ date, precision });
  });

  it('reads "last March" said in February as March of the year before', () => {
    expect(parseDate('last March', '2025-02-10')?.date).toBe('2024-03-01');
  });

  it('reads 05/03/2021 day-first in France and Portugal, month-first elsewhere', () => {
    expect(parseDate('05/03/2021', TODAY, 'FR')?.date).toBe('2021-03-05');
    expect(parseDate('05/03/2021', TODAY, 'PT')?.date).toBe('2021-03-05');
    expect(parseDate('05/03/2021', TODAY, 'TW')?.date).toBe('2021-05-03');
  });

  it('refuses a future purchase date and a non-date, saying what is expected', () => {
    const schema = pastDate(TODAY, 'FR', 'purchase date');
    expect(check(schema, '2025-12-01')).toEqual({ ok: false, reason: expect.stringMatching(/cannot be in the future \(today is June 15, 2025\)/) });
    expect(check(schema, 'a while back')).toEqual({ ok: false, reason: expect.stringMatching(/e\.g\. "2024-03-05"/) });
  });
});

describe('yes/no and choices', () => {
  it.each([['yes', true], ['Yep!', true], ['oui', true], ['네', true], ['no', false], ['Nope', false], ['não', false], ['not yet', false], ['I have no receipt', false], ['it is not working', false], ['I have the receipt', true], ['banana', undefined]])('%s → %s', (text, v) => {
    expect(parseYesNo(text)).toBe(v);
  });

  const choices = [
    { label: 'Book a repair', value: 'repair' },
    { label: 'Talk to a person', value: 'person' },
  ];
  it('takes a label, a value, the number of the choice or a unique part of a label', () => {
    expect(parseChoice('Book a repair', choices)).toBe('repair');
    expect(parseChoice('person', choices)).toBe('person');
    expect(parseChoice('2', choices)).toBe('person');
    expect(parseChoice('#1', choices)).toBe('repair');
    expect(parseChoice('a person', choices)).toBe('person');
    expect(parseChoice('3', choices)).toBeUndefined();
    expect(parseChoice('I would like to book a repair please', choices)).toBe('repair');
    expect(parseChoice('not sure', [{ label: 'No', value: 'no' }, { label: 'Yes', value: 'yes' }])).toBeUndefined();
    expect(parseChoice('maybe', choices)).toBeUndefined();
  });
  it('takes the number of a Yes / No choice', () => {
    const yesNo = [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }];
    expect(parseYesNo('1', yesNo)).toBe(true);
    expect(parseYesNo('2', yesNo)).toBe(false);
    expect(parseYesNo('3', yesNo)).toBeUndefined();
    expect(parseYesNo('2')).toBeUndefined();
  });
});

describe('money and months', () => {
  it.each([['€279', 279], ['279 euros', 279], ['279€', 279], ['EUR 99', 99], ['279,90', 279.9], ['99', 99]])('%s → %s', (text, v) => {
    expect(check(Money, text)).toEqual({ ok: true, value: v });
  });

  it('refuses an amount in words', () => {
    expect(check(Money, 'around three hundred')).toEqual({ ok: false, reason: 'Please give an amount in euros, e.g. "€279" or "279 euros".' });
  });

  it.each([['5 months', 5], ['5', 5], ['five months', 5], ['1 year', 12], ['a year and a half', 18], ['2 years and 3 months', 27]])('%s → %s', (text, v) => {
    expect(parseMonths(text, TODAY)).toBe(v);
  });

  it('counts months from a start date', () => {
    expect(parseMonths('since March 2024', TODAY)).toBe(15);
  });
});

describe('contact details', () => {
  it('keeps the digits of a phone number and explains the format when wrong', () => {
    expect(check(phone('FR'), '06 12 34 56 78')).toEqual({ ok: true, value: '0612345678' });
    expect(check(phone('KR'), '010-1234-5678')).toEqual({ ok: true, value: '01012345678' });
    expect(check(phone('PT'), '+351 912 345 678')).toEqual({ ok: true, value: '+351912345678' });
    expect(check(phone('TW'), '12345')).toEqual({ ok: false, reason: expect.stringMatching(/e\.g\. 0912 345 678/) });
  });

  it('validates emails', () => {
    expect(check(Email, 'My email is Jean@Example.fr')).toEqual({ ok: true, value: 'jean@example.fr' });
    expect(check(Email, 'jean@example')).toEqual({ ok: false, reason: expect.stringMatching(/name@example\.com/) });
  });

  it('validates names', () => {
    expect(check(PersonName, "My name is Anne-Marie O'Neil")).toEqual({ ok: true, value: "Anne-Marie O'Neil" });
    expect(check(PersonName, '김민준')).toEqual({ ok: true, value: '김민준' });
    expect(check(PersonName, 'R2D2').ok).toBe(false);
    expect(check(PersonName, 'J').ok).toBe(false);
  });

  it('validates addresses', () => {
    expect(check(Address, '12 rue de la Paix, 75002 Paris').ok).toBe(true);
    expect(check(Address, '台北市信義區信義路五段7號').ok).toBe(true);
    expect(check(Address, 'Paris')).toEqual({ ok: false, reason: expect.stringMatching(/too short/) });
    expect(check(Address, 'somewhere in the city centre')).toEqual({ ok: false, reason: expect.stringMatching(/street number and postcode/) });
  });

  it('tells a question from an answer', () => {
    expect(looksLikeQuestion('How do I descale my machine')).toBe(true);
    expect(looksLikeQuestion('what is the warranty?')).toBe(true);
    expect(looksLikeQuestion('Jean Dupont')).toBe(false);
  });
});

describe('parseMonths with words that are object members', () => {
  it('is undefined for "constructor years", not NaN', () => {
    expect(parseMonths('constructor years')).toBeUndefined();
    expect(parseMonths('two years')).toBe(24);
  });
});
