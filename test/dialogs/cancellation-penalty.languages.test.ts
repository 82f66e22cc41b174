import { describe, expect, it } from 'vitest';
import { cancellationPenaltyMachine } from '../../dialogs/cancellation-penalty.machine.js';
import { chat, inputFor, texts } from './helpers.js';

/** Intl puts a (narrow) no-break space before the euro sign in French and Portuguese. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const fr = (slots = {}, lang: 'zh-TW' | 'ko' | 'fr' | 'pt') => chat(cancellationPenaltyMachine, { input: inputFor('FR', slots, '2025-06-15', lang) });

describe('cancellation penalty in Traditional Chinese', () => {
  it('reads months and amounts inside Chinese sentences and words the penalty with the exact figures', () => {
    const c = fr({}, 'zh-TW');
    expect(c.replies[0]!.choices!.map((x) => x.label)).toEqual(['12 個月', '24 個月']);
    c.say('我的是24個月的合約');
    c.say('已經用了8個月');
    expect(c.say('大概三百')[0]!.text).toMatch(/^請提供歐元金額/);
    c.say('原價是279歐元');
    c.say('我付了99歐元');
    const text = plain(texts(c.replies));
    expect(text).toContain('(€279 × 0.8) − €99 = €124.20（約 €124）');
    expect(text).toContain('所以現在解約需支付約 €124。');
    expect(text).toContain('您的 24 個月合約已過了 8 個月：剩下的 16 個月過後，即可免費解約。');
  });
});

describe('cancellation penalty in Korean', () => {
  it('takes "24개월 약정 8개월 사용" in one message, then the prices', () => {
    const c = fr({}, 'ko');
    c.say('24개월 약정 8개월 사용');
    expect(c.context).toMatchObject({ commitment: 24, elapsed: 8 });
    expect(c.step).toBe('askingPriceWithout');
    c.say('정가는 279유로예요');
    c.say('99유로 냈어요');
    const text = plain(texts(c.replies));
    expect(text).toContain('24개월 중 8개월이 지났어요. 남은 16개월이 지나면 무료로 해지할 수 있어요.');
    expect(text).toContain('€124.20');
    expect(text).toContain('계약 종료 2개월 전에');
  });

  it('Korea: the Plus programme rules in Korean, a date inside a sentence and "아니요, 뜯었어요"', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('KR', {}, '2025-06-15', 'ko') });
    expect(c.replies[0]!.text).toMatch(/^제 한국 자료에는 머신 구독이 나와 있지 않고/);
    expect(c.say('2025년 7월 1일에 받았어요')[0]!.text).toMatch(/^받으신 날짜는 미래일 수 없어요\(오늘은 2025년 6월 15일이에요\)/);
    c.say('2025년 6월 12일에 받았어요');
    c.say('아니요, 뜯었어요');
    const text = plain(texts(c.replies));
    expect(text).toContain('받으신 날부터 7일 이내에만');
    expect(text).toContain('제품을 개봉하셨으므로 단순 변심 반품은 적용되지 않아요.');
    expect(text).toContain('080-734-1111');
    expect(text).not.toMatch(/€|80%/);
  });
});

describe('cancellation penalty in French', () => {
  it('reads "abonnement de 24 mois, 8 mois écoulés, 99 € au lieu de 279 €" and answers in French with French number formats', () => {
    const c = fr({}, 'fr');
    c.say('abonnement de 24 mois, 8 mois écoulés, 99 € au lieu de 279 €');
    expect(c.step).toBe('done');
    const text = plain(texts(c.replies));
    expect(text).toContain('(279 € × 0,8) − 99 € = 124,20 € (environ 124 €).');
    expect(text).toContain('Résilier maintenant vous coûterait donc environ 124 €.');
    expect(text).toContain('Vous en êtes à 8 mois sur 24 : après les 16 mois restants, la résiliation est gratuite.');
    expect(text).toContain('tacite reconduction');
  });

  it('a correction: a price said with words around it replaces nothing already given and fills the pending one', () => {
    const c = fr({ commitment: 12, elapsed: 11 }, 'fr');
    expect(c.say('environ trois cents')[0]!.text).toMatch(/^Indiquez un montant en euros/);
    c.say('elle coûte normalement 199 euros');
    expect(c.context.priceWithout).toBe(199);
    c.say("j'ai payé 49,90 €");
    const text = plain(texts(c.replies));
    expect(text).toContain('(199 € × 0,8) − 49,90 € = 109,30 € (environ 109 €).');
    expect(text).toContain('après le mois restant');
  });

  it('"engagement terminé" ends free of charge', () => {
    const c = fr({ commitment: 24 }, 'fr');
    c.say("c'est terminé, l'engagement est fini");
    expect(texts(c.replies)).toContain('Votre engagement de 24 mois est terminé');
  });
});

describe('cancellation penalty in European Portuguese', () => {
  it('"quanto pago" with the figures in a sentence: the fee clamped to zero', () => {
    const c = fr({}, 'pt');
    c.say('subscrição de 24 meses, há 3 meses, paguei 99 € e a máquina custa 100 €');
    const text = plain(texts(c.replies));
    expect(text).toContain('(100 € × 0,8) − 99 € = −19 €, que é inferior a zero, portanto 0 €.');
    expect(text).toContain('Portanto, cancelar agora não lhe custaria nada.');
    expect(text).toContain('Já passaram 3 dos 24 meses: depois dos 21 meses restantes, cancelar é gratuito.');
  });

  it('Portugal: no subscription in the documents; Easyordering noted; "não, obrigado" closes with 800 260 260', () => {
    const c = chat(cancellationPenaltyMachine, { input: inputFor('PT', {}, '2025-06-15', 'pt') });
    expect(c.replies[0]!.text).toMatch(/^Os meus documentos para Portugal não descrevem uma subscrição de máquina/);
    expect(c.replies[0]!.text).toContain('Easyordering');
    c.say('não, obrigado');
    expect(c.output).toMatchObject({ outcome: 'completed' });
    expect(c.replies.at(-1)!.text).toBe('Muito bem. Pode contactar a Nespresso através do 800 260 260.');
  });
});
