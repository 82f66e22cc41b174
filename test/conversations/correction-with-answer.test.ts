/**
 * A correction and an answer in one message inside a task (issue 16), through the real service: the correction
 * is taken ("Thanks, I have changed that.") and the rest of the message answers the pending question, so the task
 * moves on instead of asking it again; the figure the correction read is never also read as the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/language/catalog/index.js';
import { dialogOf, startAtToday, type TestService } from './support.js';
import { Chat, type Lang } from './languages/chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

interface PenaltyCase {
  lang: Lang;
  locale: string;
  start: string;
  twelve: string;
  /** At the normal-price question: 279 and the months corrected to 10, the answer first. */
  answerThenFix: string;
  /** The same, the correction first: its 10 must not be read as the price. */
  fixThenAnswer: string;
  /** Asks to cancel and says the machine cost 99 € under the subscription. */
  startPaid: string;
  /** At the normal-price question: the price paid corrected to 49 €, then 279 €: 49 is not also the normal price. */
  paidFixThenAnswer: string;
}

const PENALTY: PenaltyCase[] = [
  {
    lang: 'en',
    locale: 'en-FR',
    start: 'how much would it cost me to end my machine subscription early?',
    twelve: '12 months',
    answerThenFix: "279, and it's been 10 months",
    fixThenAnswer: "sorry, it's been 10 months actually. it was 279",
    startPaid: 'I would like to cancel my machine subscription early, I paid 99 € for the machine',
    paidFixThenAnswer: 'sorry, I paid 49 € for it. 279 €',
  },
  {
    lang: 'zh-TW',
    locale: 'zh-FR',
    start: '提前解除咖啡機訂閱要付多少錢？',
    twelve: '12個月',
    answerThenFix: '279，另外其實已經用了10個月',
    fixThenAnswer: '更正一下，已經用了10個月。279',
    startPaid: '我想提前解約咖啡機訂閱，機器我付了99歐元',
    paidFixThenAnswer: '不好意思，我付了49歐元。279歐元',
  },
  {
    lang: 'ko',
    locale: 'ko-FR',
    start: '머신 구독을 중간에 해지하면 얼마 내야 해요?',
    twelve: '12개월',
    answerThenFix: '279유로요, 그리고 사실 10개월 사용했어요',
    fixThenAnswer: '아 사실 벌써 10개월 됐어요. 279유로요',
    startPaid: '머신 구독 해지하고 싶어요. 기계값으로 99유로 냈어요',
    paidFixThenAnswer: '죄송해요, 49유로 냈어요. 279유로예요',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    start: 'combien ça me coûte de résilier mon abonnement machine avant la fin ?',
    twelve: '12 mois',
    answerThenFix: '279, et en fait ça fait 10 mois',
    fixThenAnswer: 'ah pardon, ça fait 10 mois en fait. 279',
    startPaid: "je veux résilier mon abonnement machine, je l'ai payée 99 €",
    paidFixThenAnswer: "pardon, je l'ai payée 49 €. 279 €",
  },
  {
    lang: 'pt',
    locale: 'pt-FR',
    start: 'quanto pago para cancelar a assinatura da máquina antes do fim?',
    twelve: '12 meses',
    answerThenFix: '279, e afinal já passaram 10 meses',
    fixThenAnswer: 'desculpe, afinal já passaram 10 meses. 279',
    startPaid: 'quero cancelar a subscrição da máquina, paguei 99 € pela máquina',
    paidFixThenAnswer: 'desculpe, paguei 49 €. 279 €',
  },
];

describe.each(PENALTY)('cancellation penalty: a correction with the answer in $lang', (c) => {
  for (const order of ['answerThenFix', 'fixThenAnswer'] as const) {
    it(`${order}: the months are changed and 279 is the normal price; the task asks the subscription price next`, async () => {
      const x = new Chat(svc, c.locale, c.lang, 'FR');
      await x.step(c.start, 'cancellationPenalty', 'askingCommitment');
      await x.step(c.twelve, 'cancellationPenalty', 'askingElapsed');
      await x.step('8', 'cancellationPenalty', 'askingPriceWithout');

      const [ack, next] = await x.say(c[order]);
      expect(ack?.text, c[order]).toBe(CATALOGUES[c.lang]['repair.corrected']);
      expect(dialogOf(next)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWith' });

      // (279 × 0.8) − 99 = 124.20; 10 months into 12 (not 8): 2 left.
      const [penalty] = await x.say('99');
      expect(dialogOf(penalty)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
      expect(penalty?.text).toMatch(/124[.,]20/);
      expect(penalty?.text).toMatch(/(?<!\d)2(?!\d)/);
      expect(penalty?.text).not.toMatch(/(?<!\d)4(?!\d)/);
    });
  }

  it('the price paid corrected with the normal price after it: 49 € is the price paid only, and the penalty follows', async () => {
    const x = new Chat(svc, c.locale, c.lang, 'FR');
    await x.step(c.startPaid, 'cancellationPenalty', 'askingCommitment');
    await x.step(c.twelve, 'cancellationPenalty', 'askingElapsed');
    await x.step('8', 'cancellationPenalty', 'askingPriceWithout');

    const [ack, penalty] = await x.say(c.paidFixThenAnswer);
    expect(ack?.text, c.paidFixThenAnswer).toBe(CATALOGUES[c.lang]['repair.corrected']);
    expect(dialogOf(penalty)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    // (279 × 0.8) − 49, not (49 × 0.8) − 49.
    expect(penalty?.text).toMatch(/174[.,]20/);
  });
});

interface PhoneCase {
  lang: Lang;
  locale: string;
  market: string;
  /** From the start of a booking of a CitiZ to the phone question. */
  toPhone: string[];
  /** The phone number and the machine corrected to an Essenza Mini. */
  phoneAndModel: string;
  phone: RegExp;
  /** The answers the machine's change leaves open again (its registration and what follows from it). */
  reAnswers: string[];
  email: string;
  address: string;
}

const PHONE: PhoneCase[] = [
  {
    lang: 'en',
    locale: 'en-KR',
    market: 'KR',
    toPhone: ['I want to get my CitiZ repaired', 'I bought it from Nespresso Korea', 'I bought it in March last year', 'yes, I kept the receipt', 'no, I never registered it', 'Kim Minju'],
    phoneAndModel: "010-1234-5678 — oh and it's an Essenza Mini, not a CitiZ",
    phone: /010[- ]?1234[- ]?5678/,
    reAnswers: ['no, I never registered it'],
    email: 'minju@example.kr',
    address: '12 Sejong-daero, Jung-gu, Seoul',
  },
  {
    lang: 'ko',
    locale: 'ko-KR',
    market: 'KR',
    toPhone: ['시티즈 수리 예약하고 싶어요', '네스프레소 코리아에서 샀어요', '작년 3월에 샀어요', '네, 영수증 있어요', '아니요', '아니요, 수리한 적 없어요', '아니요, 필요 없어요', '김민주'],
    phoneAndModel: '010-1234-5678이에요. 아 그리고 제 기계는 에센자 미니예요',
    phone: /010[- ]?1234[- ]?5678/,
    reAnswers: ['아니요', '아니요, 수리한 적 없어요', '아니요, 필요 없어요'],
    email: 'minju@example.kr',
    address: '서울시 중구 세종대로 12',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    market: 'FR',
    toPhone: ['je voudrais faire réparer ma CitiZ', "je l'ai achetée le 10 septembre 2024", "oui, j'ai la facture", 'oui', 'non', 'Réparation', 'Jean Dupont'],
    phoneAndModel: "06 12 34 56 78 — ah et c'est une Essenza Mini, pas une CitiZ",
    phone: /06 ?12 ?34 ?56 ?78/,
    reAnswers: ['oui'],
    email: 'jean@example.fr',
    address: '10 rue de Rivoli, 75001 Paris',
  },
];

describe.each(PHONE)('repair booking: the phone and the machine corrected in one message in $lang', (c) => {
  it('the machine is changed and the number taken: the booking asks what the change left open, then the e-mail, never the phone again', async () => {
    const x = new Chat(svc, c.locale, c.lang, c.market);
    const script = [...c.toPhone];
    const last = script.pop()!;
    for (const line of script) await x.say(line);
    await x.step(last, 'repairBooking', 'askingPhone');

    const replies = await x.say(c.phoneAndModel);
    expect(replies[0]?.text).toBe(CATALOGUES[c.lang]['repair.corrected']);
    expect(dialogOf(replies.at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingRegistration' });
    let step = dialogOf(replies.at(-1));
    for (const answer of c.reAnswers) {
      expect(step?.step, answer).not.toBe('askingPhone');
      step = dialogOf((await x.say(answer)).at(-1));
    }
    expect(step).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
    await x.step(c.email, 'repairBooking', 'askingAddress');
    const summary = await x.step(c.address, 'repairBooking', 'confirming');
    expect(summary.text).toMatch(c.phone);
    expect(summary.text).toMatch(/Essenza Mini|에센자 미니/);
    expect(summary.text).not.toMatch(/CitiZ|시티즈/);
  });
});
