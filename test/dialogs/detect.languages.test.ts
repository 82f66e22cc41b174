import { describe, expect, it } from 'vitest';
import { cancellationSlotsIn, detectDialog } from '../../dialogs/detect.js';

describe('detectDialog in five languages', () => {
  it.each([
    ['我忘記密碼了', 'passwordReset', { situation: 'forgot' }],
    ['我忘记密码了', 'passwordReset', { situation: 'forgot' }],
    ['密碼重設連結過期了', 'passwordReset', { situation: 'expired' }],
    ['비밀번호를 잊어버렸어요', 'passwordReset', { situation: 'forgot' }],
    ['비밀번호 재설정 메일이 안 왔어요', 'passwordReset', { situation: 'notReceived' }],
    ["j'ai oublié mon mot de passe", 'passwordReset', { situation: 'forgot' }],
    ["je n'ai pas reçu l'e-mail pour réinitialiser mon mot de passe", 'passwordReset', { situation: 'notReceived' }],
    ['esqueci-me da palavra-passe', 'passwordReset', { situation: 'forgot' }],
    ['커피머신에서 물이 안 나와요', 'noWater', {}],
    ['咖啡機不出水，試了5次', 'noWater', { tries: 5 }],
    ["ma citiz ne fait plus couler d'eau", 'noWater', { model: 'citiz' }],
    ['não sai água da minha pixie, tentei 3 vezes', 'noWater', { model: 'pixie', tries: 3 }],
    ['je voudrais faire réparer ma machine', 'repairBooking', {}],
    ['수리 예약하고 싶어요', 'repairBooking', {}],
    ['預約維修', 'repairBooking', {}],
    ['a minha máquina está avariada, quero marcar uma reparação', 'repairBooking', {}],
    ['quanto pago para cancelar a subscrição', 'cancellationPenalty', {}],
    ['구독 해지하면 위약금 얼마예요?', 'cancellationPenalty', {}],
    ['我想取消訂閱，要付多少違約金', 'cancellationPenalty', {}],
    ['je veux résilier mon abonnement de 24 mois', 'cancellationPenalty', { commitment: 24 }],
  ])('"%s" → %s', (text, dialog, slots) => {
    expect(detectDialog(text)).toMatchObject({ dialog, slots });
  });

  it.each(['how long is the reset link valid', '重設連結有效多久？', '비밀번호 재설정 링크 유효 기간이 얼마나 돼요?', 'combien de temps le lien de réinitialisation du mot de passe est-il valable ?', 'quanto tempo é válido o link para repor a palavra-passe?', '와이파이 공유기 비밀번호를 잊어버렸어요'])(
    'a question about the subject, or another password, starts nothing: "%s"',
    (text) => {
      expect(detectDialog(text)).toBeUndefined();
    },
  );
});

describe('cancellationSlotsIn in five languages', () => {
  it.each([
    ['24개월 약정 8개월 사용', { commitment: 24, elapsed: 8 }],
    ['정가 279유로인데 99유로 내고 샀어요', { priceWithout: 279, priceWith: 99 }],
    ['abonnement de 24 mois, 8 mois écoulés, 99 € au lieu de 279 €', { commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 }],
    ['subscrição de 24 meses, há 8 meses, pago 99 € e a máquina custa 279 €', { commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 }],
    ['24個月合約，用了8個月，我付了99歐元，原價279歐元', { commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 }],
    ["mon engagement est terminé", { finished: true }],
    // "and" is not the French "an" (a year) after a price.
    ['I want to cancel my machine subscription, 3 months into 12, it costs 249 and I pay 229', { elapsed: 3, commitment: 12, priceWithout: 249, priceWith: 229 }],
  ])('"%s"', (text, slots) => {
    expect(cancellationSlotsIn(text)).toEqual(slots);
  });
});
