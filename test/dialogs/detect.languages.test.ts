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
    // Changing it: the same "forgot your password?" link (Taiwan's FAQ: it is also how a password is amended).
    ['I want to change my password, I think someone knows it', 'passwordReset', { situation: 'forgot' }],
    ['我懷疑有人知道我的密碼 想馬上換掉 麻煩幫我', 'passwordReset', { situation: 'forgot' }],
    ['비밀번호 변경하고 싶어요', 'passwordReset', { situation: 'forgot' }],
    ['je veux changer mon mot de passe', 'passwordReset', { situation: 'forgot' }],
    ['queria mudar a password da minha conta', 'passwordReset', { situation: 'forgot' }],
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
    ['약정 다 채운 다음에 해지하면 돈 내야 돼요?', { finished: true }],
    // Months left, not gone by: with the commitment, the months gone by are the rest.
    ['24 month commitment, 10 months left, paid 99, normally 279', { commitment: 24, elapsed: 14, priceWith: 99, priceWithout: 279 }],
    ['綁24個月，還剩15個月', { commitment: 24, elapsed: 9 }],
    ['24개월 약정인데 4개월 남았어요', { commitment: 24, elapsed: 20 }],
    ['engagement de 24 mois, il me reste 10 mois', { commitment: 24, elapsed: 14 }],
    ['compromisso de 24 meses e ainda faltam 10. Paguei 199€, sem assinatura está a 599€', { commitment: 24, elapsed: 14, priceWith: 199, priceWithout: 599 }],
    // without the commitment, months left are not months gone by
    ['I have 10 months left on my sub', {}],
    // "and" is not the French "an" (a year) after a price.
    ['I want to cancel my machine subscription, 3 months into 12, it costs 249 and I pay 229', { elapsed: 3, commitment: 12, priceWithout: 249, priceWith: 229 }],
  ])('"%s"', (text, slots) => {
    expect(cancellationSlotsIn(text)).toEqual(slots);
  });
});

describe('requests and figures in longer or informal messages', () => {
  it.each([
    // Asking them to come and fetch it, to book the after-sales service, to teach the reset.
    ['podem vir buscar a máquina para a arranjarem? já não liga', 'repairBooking', 'request'],
    ['venham buscar a minha Pixie para reparar, por favor', 'repairBooking', 'request'],
    ['에센자 전원이 안 켜져요. AS 맡기고 싶은데 예약 가능할까요?', 'repairBooking', 'request'],
    ['A minha CitiZ avariou. Dá para marcarem a recolha amanhã?', 'repairBooking', 'request'],
    ['官網帳號密碼想重設，可以教我怎麼做嗎', 'passwordReset', 'request'],
    ['登入時一直顯示密碼錯誤，試了好幾次，要怎麼辦', 'passwordReset', 'request'],
    ['quero trocar a senha da minha conta', 'passwordReset', 'request'],
    ['queria mudar a password da minha conta Nespresso porque é fraca. Pode guiar-me?', 'passwordReset', 'request'],
    ['nenhum de nós se lembra da senha da conta. Quero repô-la por favor.', 'passwordReset', 'request'],
    ['我懷疑有人知道我的密碼 想馬上換掉 麻煩幫我', 'passwordReset', 'request'],
    // No water, said the way people type it.
    ['시티즈에서 커피가 안 내려와요 어떡해요', 'noWater', 'request'],
    ['픽시 물이 한방울도 안나와요', 'noWater', 'request'],
    ['機器一滴水都流不出來，怎麼處理', 'noWater', 'request'],
    ['今天開機按下去完全沒有咖啡流出來，請問要怎麼處理', 'noWater', 'request'],
    ['CitiZ 물이 한방울도 안나와요 윙 소리만 나고.. 어케 해야돼요??', 'noWater', 'request'],
    ['커피가 안나옴 ㅡㅡ Vertuo Next에요 빨리 좀 알려주세요', 'noWater', 'request'],
    // The Plus programme named by its short name.
    ['플러스로 산 머신 반품하고 싶어요', 'cancellationPenalty', 'request'],
    ["J'ai acheté une machine avec le programme Nespresso Plus à Séoul, je veux annuler le programme. Combien je vais devoir payer ?", 'cancellationPenalty', 'request'],
  ])('"%s" → %s (%s)', (text, dialog, reading) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading });
  });

  it('a figure quoted from the documents is the rule asked about, not the customer\'s own', () => {
    expect(detectDialog('the website says that when no water comes out I should try 5 times and then let the machine rest. How long should it rest?')?.reading).toBe('question');
    expect(detectDialog('I tried 5 times and my pixie still gives no water')?.reading).toBe('request');
  });

  it.each([
    ['Vertuo 綁兩年，訂閱價49歐，原價199歐', { commitment: 24, priceWith: 49, priceWithout: 199 }],
    ['1년 약정으로 구독했어요', { commitment: 12 }],
    ["engagement d'un an", { commitment: 12 }],
    ['compromisso de dois anos', { commitment: 24 }],
    ['a one-year machine subscription', { commitment: 12 }],
  ])('a commitment in years: "%s"', (text, slots) => {
    expect(cancellationSlotsIn(text)).toMatchObject(slots);
  });

  it.each(['구독 1년 됐어요', '訂閱1年了'])('a year gone by is not the commitment: "%s"', (text) => {
    expect(cancellationSlotsIn(text).commitment).toBeUndefined();
  });

  it.each([
    '兩年的約已經綁滿了，現在取消要錢嗎',
    'já cumpri os 24 meses do contrato, posso cancelar sem pagar?',
    "I've completed my 12 months, can I stop now?",
    "j'ai terminé mes 24 mois, je peux arrêter ?",
  ])('a commitment said to be over: "%s"', (text) => {
    expect(cancellationSlotsIn(text).finished).toBe(true);
  });

  it.each(["I haven't finished my 12 months yet", '約還沒綁滿', 'ainda não cumpri os 24 meses'])('not over: "%s"', (text) => {
    expect(cancellationSlotsIn(text).finished).toBeUndefined();
  });

  it.each([
    ['Vertuo, 99€ au lieu de 299€, abonnement de 24 mois depuis le 3 mars 2025', '3 mars 2025'],
    ['assinatura de 12 meses desde 1 de fevereiro de 2025, paguei 1 € em vez de 99 €', 'fevereiro de 2025'],
    ['Fiz em 10/01/2025 uma subscrição de 24 meses', '10/01/2025'],
  ])('when it began, said with "since" or "fiz": "%s"', (text, part) => {
    expect(String(cancellationSlotsIn(text).started)).toContain(part);
  });
});
