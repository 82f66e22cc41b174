/**
 * Numbers customers write in words, in the five languages, read as digits before a task's inputs are read from a
 * message (dialogs/parse-numbers.ts withDigits; dialogs/detect.ts cancellationSlotsIn).
 */
import { describe, expect, it } from 'vitest';
import { cancellationSlotsIn, detectDialog } from '../../dialogs/detect.js';
import { withDigits } from '../../dialogs/parse-numbers.js';

describe('withDigits', () => {
  it('writes number words in digits in English, French and Portuguese', () => {
    expect(withDigits('twelve month commitment, eight months done, one hundred and ninety-nine euros')).toBe('12 month commitment, 8 months done, 199 euros');
    expect(withDigits('cent quarante-neuf euros hors abonnement, payée un euro')).toBe('149 euros hors abonnement, payée 1 euro');
    expect(withDigits('quatre-vingt-dix-neuf euros')).toBe('99 euros');
    expect(withDigits('paguei quarenta e nove euros, o preço normal é cento e quarenta e nove')).toBe('paguei 49 euros, o preço normal é 149');
  });

  it('writes Chinese and Korean numerals in digits only before a unit or a currency', () => {
    expect(withDigits('綁約兩年，已經繳了十四個月，訂閱價一百九十九歐')).toBe('綁約2年，已經繳了14個月，訂閱價199歐');
    expect(withDigits('一般價格一直是這樣')).toBe('一般價格一直是這樣');
    expect(withDigits('정가 삼백구십구 유로, 지금 일곱 달째고 약정은 열두 달')).toBe('정가 399 유로, 지금 7 달째고 약정은 12 달');
    expect(withDigits('이 머신은 사용 중이에요')).toBe('이 머신은 사용 중이에요');
  });

  it('leaves articles alone unless a month, a year or a currency follows, and never reads "un an" as two', () => {
    expect(withDigits("j'ai une machine")).toBe("j'ai une machine");
    expect(withDigits('il y a un an et demi')).toBe('il y a un an et demi');
    expect(withDigits('a machine for a friend')).toBe('a machine for a friend');
  });

  it('never adds an article to the number word after it ("a twelve month commitment" is 12), but counts it before a scale word', () => {
    expect(withDigits('a twelve month commitment')).toBe('a 12 month commitment');
    expect(withDigits('a one-year plan, an eleven month old pixie')).toBe('a 1-year plan, an 11 month old pixie');
    expect(withDigits('a hundred euros')).toBe('100 euros');
    expect(withDigits('vingt et un mois, trinta e um meses')).toBe('21 mois, 31 meses');
  });
});

describe('the penalty inputs said in words or in odd orders', () => {
  it('reads every input of the penalty from words', () => {
    expect(cancellationSlotsIn('twelve month commitment, eight months done so far. one hundred and ninety-nine euros without the subscription and forty-nine with it')).toMatchObject({
      commitment: 12,
      elapsed: 8,
      priceWithout: 199,
      priceWith: 49,
    });
    expect(cancellationSlotsIn('我在法國的機器訂閱是12個月約，已經過了五個月了。不綁約要兩百歐，綁約是一歐')).toMatchObject({ commitment: 12, elapsed: 5, priceWithout: 200, priceWith: 1 });
    expect(cancellationSlotsIn('정가 삼백구십구 유로짜리 Vertuo를 구독으로 백구십구 유로에 받았어요. 지금 일곱 달째고 약정은 열두 달이에요')).toMatchObject({
      commitment: 12,
      elapsed: 7,
      priceWithout: 399,
      priceWith: 199,
    });
  });

  it('reads a commitment given by its number alone ("un engagement de 24", "mês 15 de 24")', () => {
    expect(cancellationSlotsIn('Prix avec abonnement 49€, prix normal 199€, 7 mois écoulés sur un engagement de 24.')).toMatchObject({ commitment: 24, elapsed: 7 });
    expect(cancellationSlotsIn('preço sem assinatura 199€, com assinatura 1€, estou no mês 15 de 24.')).toMatchObject({ commitment: 24, elapsed: 15 });
  });

  it('reads a commitment said to be over in longer sentences, and not one still running', () => {
    expect(cancellationSlotsIn('My 24-month commitment on the machine subscription finished back in March.').finished).toBe(true);
    expect(cancellationSlotsIn('機器訂閱12個月的承諾期上個月已經滿了').finished).toBe(true);
    expect(cancellationSlotsIn('O compromisso de 12 meses da minha assinatura de máquina em França já terminou em março.').finished).toBe(true);
    expect(cancellationSlotsIn('O compromisso ainda não terminou.').finished).toBeUndefined();
    expect(cancellationSlotsIn('the commitment is not over before March').finished).toBeUndefined();
  });

  it('reads "what penalty I will have to pay" as asking for the own figure: the task starts', () => {
    expect(detectDialog("I have to end my Nespresso machine subscription early. Can you tell me what penalty I'll have to pay?")).toMatchObject({
      dialog: 'cancellationPenalty',
      reading: 'request',
    });
  });
});
