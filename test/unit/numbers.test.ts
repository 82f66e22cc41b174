import { describe, expect, it } from 'vitest';
import { chineseNumeral, numberProblems, statedNumbers } from '../../src/retrieval/numbers.js';

const nums = (s: string) => [...statedNumbers(s).numbers].sort();

describe('numbers an answer states, in any language', () => {
  it('reads 12개월, 12 mois, 12 meses and 十二個月 as 12', () => {
    for (const s of ['12개월', '12 mois', '12 meses', '十二個月', '12 months']) expect(nums(s)).toEqual(['12']);
  });

  it('reads Chinese numerals before a counter (七天, 三個月, 兩台) and not in words (零件, 十分)', () => {
    expect(nums('七天內')).toEqual(['7']);
    expect(nums('三個月')).toEqual(['3']);
    expect(nums('兩台以上')).toEqual(['2']);
    expect(nums('零件十分重要')).toEqual([]);
    expect(chineseNumeral('二十四')).toBe(24);
    expect(chineseNumeral('一萬五千')).toBe(15000);
  });

  it('reads amounts in every convention, 만 and 萬 included', () => {
    for (const s of ['₩50,000', '50.000 ₩', '50 000 ₩', '5만 원', '5萬元']) expect(nums(s)).toEqual(['50000']);
  });

  it('reads hours as the 24-hour clock and month names as numbers', () => {
    expect(nums('8am to 8pm')).toEqual(['20', '8']);
    expect(nums('de 8h du matin à 8h du soir')).toEqual(['20', '8']);
    expect(nums('오전 8시부터 오후 8시까지')).toEqual(['20', '8']);
    expect(nums('August 23, 2022')).toEqual(nums('2022년 8월 23일'));
    expect(nums('23 de agosto de 2022')).toEqual(nums('23 août 2022'));
  });

  it('compares phones by their digits, with or without the country code', () => {
    expect([...statedNumbers('call 0800 55 52 53').phones]).toEqual([...statedNumbers('appelez le 0800-555-253').phones]);
    expect(statedNumbers('+351 800 260 260').phones).toEqual(statedNumbers('800 260 260').phones);
  });
});

describe('the cross-language number check', () => {
  it('passes a translation that states the same numbers', () => {
    expect(numberProblems('You have 14 days; return costs about €16 max.', 'Tem 14 dias; custos de devolução de cerca de 16 € no máximo.', 'pt')).toEqual([]);
    expect(numberProblems('Repairs take two to three weeks.', '수리는 2~3주 걸려요.', 'ko')).toEqual([]);
  });

  it('names a number the translation adds and one it drops', () => {
    expect(numberProblems('You have 14 days.', 'Vous avez 15 jours.', 'fr')).toEqual([
      'the fr answer states 15, the English answer does not',
      'the English answer states 14, the fr answer does not',
    ]);
  });

  it('names a phone number that differs', () => {
    expect(numberProblems('Call 080-023-4567.', '請撥打 080-023-4568。', 'zh-TW')).toEqual([
      'the zh-TW answer gives phone 800234568, the English answer does not',
      'the English answer gives phone 800234567, the zh-TW answer does not',
    ]);
  });
});
