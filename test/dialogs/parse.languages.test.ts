/** The answer parsers in the five languages: yes/no with negation winning, amounts, durations, dates, phones, addresses, models. */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/conversation/lang.js';
import { CATALOGUES } from '../../src/language/catalog/index.js';
import { answers } from '../../src/language/catalog/en/answers.js';
import { repairBooking } from '../../src/language/catalog/en/repair-booking.js';
import { modelIn } from '../../dialogs/models.js';
import { address, check, Email, Money, parseAmount, parseChoice, parseDate, parseMonths, parseYesNoAnswer, PersonName, phone } from '../../dialogs/parse.js';
import { YES_NO } from '../../dialogs/step-kit.js';
import { renderer } from './helpers.js';

const TODAY = '2025-06-15';

describe('yes / no / don\'t know in five languages', () => {
  it.each([
    ["that didn't work", 'no'],
    ['I checked everywhere, it is not there', 'no'],
    ['沒有用', 'no'],
    ['還是不行', 'no'],
    ['안 돼요', 'no'],
    ['아니요', 'no'],
    ["ça n'a pas marché", 'no'],
    ["non, ça n'a pas marché", 'no'],
    ['não resultou', 'no'],
    ['I have no receipt', 'no'],
    ["I'm not sure", 'dontKnow'],
    ['모르겠어요', 'dontKnow'],
    ['네, 있어요', 'yes'],
    ['有', 'yes'],
    ['oui', 'yes'],
    ['sim', 'yes'],
    ['banana', undefined],
  ])('%s → %s', (text, v) => {
    expect(parseYesNoAnswer(text)).toBe(v);
  });

  it('takes a Yes / No button typed back in any language, and its number', () => {
    expect(parseChoice('아니요', YES_NO)).toBe('no');
    expect(parseChoice('Não', YES_NO)).toBe('no');
    expect(parseChoice('是', YES_NO)).toBe('yes');
    expect(parseYesNoAnswer('2', YES_NO)).toBe('no');
  });
});

describe('numbers and amounts inside sentences', () => {
  it.each([
    ['it normally sells for 199 euros', 199, 'EUR'],
    ['cent quatre-vingt-dix-neuf euros', 199, 'EUR'],
    ['cento e noventa e nove euros', 199, 'EUR'],
    ['299€', 299, 'EUR'],
    ['NT$3,000', 3000, 'TWD'],
    ['4만원', 40000, 'KRW'],
    ['3만 5천원이에요', 35000, 'KRW'],
    ['大概三千元', 3000, 'TWD'],
  ])('%s → %s %s', (text, amount, currency) => {
    expect(parseAmount(text)).toMatchObject({ amount, currency });
  });

  it('Money takes euros in a sentence and refuses other currencies and approximations', () => {
    expect(check(Money, "je l'ai payée 279,90 €")).toEqual({ ok: true, value: 279.9 });
    expect(check(Money, 'cent quatre-vingt-dix-neuf euros')).toEqual({ ok: true, value: 199 });
    expect(check(Money, 'NT$3,000').ok).toBe(false);
    expect(check(Money, 'à peu près trois cents').ok).toBe(false);
  });

  it.each([
    ['三個月', 3],
    ['3개월', 3],
    ['1년 6개월', 18],
    ['8 mois', 8],
    ['um ano e meio', 18],
    ["it's 24 months, I'm 20 months in", 24],
    ['depuis mars 2024', 15],
  ])('%s → %s months', (text, months) => {
    expect(parseMonths(text, TODAY)).toBe(months);
  });
});

describe('dates in five languages', () => {
  it.each([
    ['작년 3월', '2024-03-01', 'month'],
    ['2년 전', '2023-06-15', 'ago'],
    ['2024년 3월 5일에 샀어요', '2024-03-05', 'day'],
    ['há 8 meses', '2024-10-15', 'ago'],
    ['em março de 2024', '2024-03-01', 'month'],
    ['il y a 8 mois', '2024-10-15', 'ago'],
    ['le 5 mars 2024', '2024-03-05', 'day'],
    ['mars dernier', '2025-03-01', 'month'],
    ['去年三月', '2024-03-01', 'month'],
    ['三個月前', '2025-03-15', 'ago'],
    ['我2024年3月5日買的', '2024-03-05', 'day'],
    // A Korean day without its year: this year's, or last year's when it is still to come.
    ['5월 12일에 샀어요', '2025-05-12', 'day'],
    ['8월 3일에 샀어요', '2024-08-03', 'day'],
    // A locale that reads no month or year ("comprei a …" is "now" to French) gives way to the one that reads the day.
    ['comprei a 12 de maio', '2025-05-12', 'day'],
    // …and one that drops the year written ("3 de março de 2024" is "3 de mar" to French) to the one that reads it.
    ['comprei-a a 3 de março de 2024', '2024-03-03', 'day'],
  ])('"%s" → %s (%s)', (text, date, precision) => {
    expect(parseDate(text, TODAY, 'FR')).toEqual({ date, precision });
  });
});

describe('contact details by market', () => {
  it('reads phone numbers inside sentences by the market\'s numbering', () => {
    expect(check(phone('KR'), '제 번호는 010-1234-5678이에요')).toEqual({ ok: true, value: '01012345678' });
    expect(check(phone('TW'), '電話是 0912-345-678')).toEqual({ ok: true, value: '0912345678' });
    expect(check(phone('FR'), 'mon numéro est le 06 12 34 56 78')).toEqual({ ok: true, value: '0612345678' });
    expect(check(phone('PT'), 'o meu número é 912 345 678')).toEqual({ ok: true, value: '912345678' });
    expect(check(phone('FR'), '+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
    expect(check(phone('PT'), '0612345678').ok).toBe(false);
  });

  it.each([
    ['KR', '12 Sejong-daero, Jung-gu, Seoul'],
    ['KR', '서울시 중구 세종대로 12'],
    ['TW', 'No. 7, Section 5, Xinyi Road, Taipei'],
    ['TW', '台北市信義路五段7號'],
    ['TW', '台北市信義路五段七號'],
    ['PT', 'Rua Augusta 10, Lisboa'],
    ['FR', '10 rue de Rivoli, Paris'],
  ] as const)('%s address "%s" is complete', (market, text) => {
    expect(check(address(market), text).ok).toBe(true);
  });

  it('says in the customer\'s language what an address lacks', () => {
    const r = check(address('KR'), '서울');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(renderer.text(r.reason, 'ko')).toBe('주소가 너무 짧아요. 수거 주소를 전부 알려 주세요: 시, 구, 도로명, 건물 번호.');
  });

  it('finds the e-mail and the name inside a sentence', () => {
    expect(check(Email, 'mon e-mail : Jean@Exemple.fr')).toEqual({ ok: true, value: 'jean@exemple.fr' });
    expect(check(PersonName, '제 이름은 김민준입니다')).toEqual({ ok: true, value: '김민준' });
    expect(check(PersonName, '我叫陳美')).toEqual({ ok: true, value: '陳美' });
    expect(check(PersonName, 'Chamo-me Ana Silva')).toEqual({ ok: true, value: 'Ana Silva' });
  });

  it('reads machine models typed in Hangul', () => {
    expect(modelIn('픽시')).toBe('pixie');
    expect(modelIn('버츄오 넥스트 고장났어요')).toBe('vertuo-next');
    expect(modelIn('라티시마 원')).toBe('lattissima-one');
    expect(modelIn('CitiZ')).toBe('citiz');
  });

  it('reads a Latin model name written against Chinese or Korean', () => {
    expect(modelIn('我的Pixie保固過期了')).toBe('pixie');
    expect(modelIn('我的Vertuo Next已經過保固了')).toBe('vertuo-next');
    expect(modelIn('Essenza Mini에서 물이 안 나와요')).toBe('essenza-mini');
  });
});

describe('the answers and repairBooking catalogues', () => {
  const keys = [...Object.keys(answers), ...Object.keys(repairBooking)] as Array<keyof (typeof CATALOGUES)['en']>;
  const slots = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();

  it.each(LANGS)('%s: button labels fit in 20 characters and every {param} matches English', (lang) => {
    for (const k of keys) {
      const text = CATALOGUES[lang][k];
      if (k.includes('.label.')) expect([...text].length, `${lang} ${k}`).toBeLessThanOrEqual(20);
      expect(slots(text), `${lang} ${k}`).toEqual(slots(CATALOGUES.en[k]));
    }
  });
});
