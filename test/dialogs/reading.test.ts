/** Questions about a task's subject are read as questions; asking to do the task, or giving its figures, as a request. */
import { describe, expect, it } from 'vitest';
import { detectDialog } from '../../dialogs/detect.js';
import { readingOf } from '../../dialogs/reading.js';

const QUESTIONS = [
  'how long is the reset password link valid',
  'can I cancel the subscription from the nespresso app',
  'if I stop my subscription do I have to give the machine back',
  'my machine is faulty, what are my options',
  '重設密碼的連結有效多久？',
  '請問解約後機器要還嗎',
  '비밀번호 재설정 링크는 얼마나 유효한가요?',
  '구독 해지하면 머신을 반납해야 하나요',
  "Est-ce que je dois rendre la machine si j'arrête l'abonnement",
  "j'aimerais savoir combien de temps le lien est valable",
  'posso cancelar a assinatura na app?',
  'gostaria de saber quanto tempo demora a reparação',
];
const REQUESTS = [
  'book a repair',
  'I forgot my password',
  'my machine gives no water, help me',
  'I want to cancel my subscription',
  '我忘記密碼了',
  '幫我預約維修',
  '비밀번호를 잊어버렸어요',
  '수리 예약하고 싶어요',
  'je voudrais faire réparer ma machine',
  'mot de passe oublié',
  'quero marcar uma reparação',
  'esqueci-me da palavra-passe',
];

describe('readingOf', () => {
  it.each(QUESTIONS)('question: %s', (text) => expect(readingOf(text)).toBe('question'));
  it.each(REQUESTS)('request: %s', (text) => expect(readingOf(text)).toBe('request'));
});

describe('detectDialog reading', () => {
  it('a question about the subscription is read as a question, not a request to cancel', () => {
    expect(detectDialog('can I cancel the subscription from the nespresso app')).toMatchObject({ dialog: 'cancellationPenalty', reading: 'question' });
  });

  it('a question that gives the task its figures is a request for the task, in the five languages', () => {
    const figures = { commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 };
    for (const text of [
      'signed up for a 24 month machine sub 8 months ago, Lattissima One. how much to get out? was 99 on the sub, 279 normally',
      "abonnement machine de 24 mois souscrit il y a 8 mois, Lattissima One : combien pour résilier ? payée 99 avec l'abonnement, 279 normalement",
      'assinatura de 24 meses há 8 meses, Lattissima One, quanto pago para sair? paguei 99 com a assinatura, 279 normalmente',
      '24개월 머신 구독 8개월 전에 시작했어요. 구독가 99유로, 정가 279유로인데 해지하면 얼마예요?',
      '24個月的機器訂閱，8個月前開始，訂閱價99歐元，原價279歐元，解約要付多少？',
    ]) {
      expect(detectDialog(text), text).toMatchObject({ dialog: 'cancellationPenalty', slots: figures, reading: 'request' });
    }
  });

  it('a wish followed by a yes-or-no question beside it is a question; one that asks what the task gives, or for it, is the task', () => {
    for (const text of [
      'je veux résilier mon abonnement, je dois rendre la machine ?',
      'I want to cancel my machine subscription, do I have to give the machine back?',
      'quero cancelar a assinatura da máquina, tenho de devolver a máquina?',
      '기계 구독 해지하고 싶어요. 머신은 돌려드려야 하나요?',
      '我想解約機器訂閱，機器要還給你們嗎？',
    ]) {
      expect(detectDialog(text), text).toMatchObject({ dialog: 'cancellationPenalty', reading: 'question' });
    }
    for (const text of [
      'I want to cancel my machine subscription. What will I have to pay?',
      "je voudrais résilier mon abonnement machine, c'est possible ?",
      'je voudrais résilier mon abonnement machine, vous pouvez calculer ce que je devrai payer ?',
      'I want to cancel my machine subscription, can you help me?',
      'je veux résilier mon abonnement machine',
    ]) {
      expect(detectDialog(text), text).toMatchObject({ dialog: 'cancellationPenalty', reading: 'request' });
    }
  });

  it('a commitment said to be over in Chinese ("綁約滿了", "約滿") is over; one not yet over is not', () => {
    expect(detectDialog('機器訂閱綁約滿了之後再取消，還要付費嗎？')?.slots.finished).toBe(true);
    expect(detectDialog('合約已經約滿，取消要錢嗎')?.slots.finished).toBe(true);
    expect(detectDialog('訂閱還沒約滿，現在取消要付多少？')?.slots.finished).toBeUndefined();
    // Whether there is a fee at all, with no figure of one's own: the rule answers it.
    expect(detectDialog('訂閱取消之後還要付費嗎？')).toMatchObject({ dialog: 'cancellationPenalty', reading: 'question' });
  });

  it('a commitment said to be over in French ("mes 24 mois d\'engagement sont terminés") is over, and stopping it is cancelling', () => {
    expect(detectDialog("Mes 24 mois d'engagement sont terminés. Si j'arrête maintenant, vous me facturez quelque chose ?")).toMatchObject({
      dialog: 'cancellationPenalty',
      slots: { commitment: 24, finished: true },
    });
    expect(detectDialog('Mon engagement est terminé depuis 2 mois, je peux arrêter sans frais ?')?.slots.finished).toBe(true);
    expect(detectDialog("Mon engagement de 24 mois n'est pas terminé, combien je paie si j'arrête ?")?.slots.finished).toBeUndefined();
  });

  it('reads the requests customers wrote in the dev sets\' words: zero water, 물을 못 뽑, 來收去修, a long "esqueci-me … palavra-passe"', () => {
    expect(detectDialog('Pressed the button this morning and zero water came out of my machine. Can you help me fix it?')?.dialog).toBe('noWater');
    expect(detectDialog('Essenza Mini가 물을 못 뽑네요. 누가 좀 도와주실래요?')?.dialog).toBe('noWater');
    expect(detectDialog('CitiZ 用了三年，最近一直有怪聲音而且咖啡溫溫的，想請你們來收去修一下')).toMatchObject({ dialog: 'repairBooking', reading: 'request' });
    expect(detectDialog('Esqueci-me completamente da minha palavra-passe e preciso de uma nova. Ajudem-me por favor.')).toMatchObject({ dialog: 'passwordReset', reading: 'request' });
  });

  it('"12 months ago" is when it started, not the commitment', () => {
    expect(detectDialog('I started my machine subscription 12 months ago, how much to get out?')?.slots.commitment).toBeUndefined();
  });
});
