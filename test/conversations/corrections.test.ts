/**
 * Corrections in passing beyond the model and the phone (issue 16), in the five languages through the real
 * service: the cancellation penalty's commitment, months and price said again at a later step change that
 * figure and the task goes on from there; the repair booking's name said again at a later step changes it.
 * (A purchase date corrected in passing: result-to-booking.test.ts.)
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
  /** Asks to cancel and says the machine cost 99 € under the subscription. */
  start: string;
  twelve: string;
  commitmentFix: string;
  elapsedFix: string;
  priceFix: string;
}

const PENALTY: PenaltyCase[] = [
  {
    lang: 'en',
    locale: 'en-FR',
    start: 'I would like to cancel my machine subscription, I paid 99 € for the machine',
    twelve: '12 months',
    commitmentFix: 'actually it was a 24-month commitment',
    elapsedFix: 'it has been 10 months',
    priceFix: 'no, I paid 49 €',
  },
  {
    lang: 'zh-TW',
    locale: 'zh-FR',
    start: '我想解約咖啡機訂閱方案，機器我付了99歐元',
    twelve: '12個月',
    commitmentFix: '其實是24個月的合約',
    elapsedFix: '已經用了10個月',
    priceFix: '不對，我付了49歐元',
  },
  {
    lang: 'ko',
    locale: 'ko-FR',
    start: '머신 구독 해지하고 싶어요. 기계값으로 99유로 냈어요',
    twelve: '12개월',
    commitmentFix: '아 약정이 24개월이었어요',
    elapsedFix: '벌써 10개월 됐어요',
    priceFix: '아니요, 49유로 냈어요',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    start: 'je veux résilier mon abonnement machine, je l’ai payée 99 €',
    twelve: '12 mois',
    commitmentFix: 'en fait mon engagement était de 24 mois',
    elapsedFix: 'ça fait 10 mois',
    priceFix: 'non, j’ai payé 49 €',
  },
  {
    lang: 'pt',
    locale: 'pt-FR',
    start: 'quero cancelar a subscrição da máquina, paguei 99 € pela máquina',
    twelve: '12 meses',
    commitmentFix: 'afinal a fidelização era de 24 meses',
    elapsedFix: 'já passaram 10 meses',
    priceFix: 'não, paguei 49 €',
  },
];

describe.each(PENALTY)('cancellation penalty corrections in $lang', (c) => {
  it('the commitment, the months and the price said again at a later step change that figure; the task goes on from there', async () => {
    const x = new Chat(svc, c.locale, c.lang, 'FR');
    const corrected = CATALOGUES[c.lang]['repair.corrected'];
    await x.step(c.start, 'cancellationPenalty', 'askingCommitment');
    await x.step(c.twelve, 'cancellationPenalty', 'askingElapsed');
    const ask = await x.step('8', 'cancellationPenalty', 'askingPriceWithout');

    for (const fix of [c.commitmentFix, c.elapsedFix, c.priceFix]) {
      const [ack, again] = await x.say(fix);
      expect(ack?.text, fix).toBe(corrected);
      expect(dialogOf(again)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWithout' });
      expect(again?.text).toBe(ask.text);
    }

    // 80% × 279 − 49 (not − 99), 10 months into 24 (not 8 into 12): 14 months left.
    const [penalty] = await x.say('279');
    expect(dialogOf(penalty)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(penalty?.text).toMatch(/174[.,]20/);
    expect(penalty?.text).not.toMatch(/124[.,]20/);
    expect(penalty?.text).toMatch(/(?<!\d)14(?!\d)/);
  });
});

describe('cancellation penalty: what is not a correction, and a correction that ends the task', () => {
  it('a bare "24 months" at the months question is the months, not a new commitment', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.step('how much is the penalty to cancel my machine subscription?', 'cancellationPenalty', 'askingCommitment');
    await x.step('12 months', 'cancellationPenalty', 'askingElapsed');
    const replies = await x.say('24 months');
    expect(replies.map((r) => r.text)).not.toContain(CATALOGUES.en['repair.corrected']);
    expect(dialogOf(replies.at(-1))).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(replies.at(-1)?.text).toContain('Your 12-month commitment is complete');
  });

  it('a commitment corrected to one already over ends the task with free cancellation', async () => {
    const x = new Chat(svc, 'fr-FR', 'fr', 'FR');
    await x.step('je veux résilier mon abonnement machine de 24 mois', 'cancellationPenalty', 'askingElapsed');
    await x.step('14', 'cancellationPenalty', 'askingPriceWithout');
    // The change is acknowledged before the result it leads to, as at any other step.
    const [ack, done] = await x.say('ah non pardon, c’était un engagement de 12 mois');
    expect(ack?.text).toBe(CATALOGUES.fr['repair.corrected']);
    expect(dialogOf(done)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(done?.text).toContain('12 mois');
  });
});

interface NameCase {
  lang: Lang;
  locale: string;
  market: string;
  /** From the start of a booking to the phone question, with the first name given. */
  toPhone: string[];
  oldName: string;
  nameFix: string;
  newName: string;
  phone: string;
  email: string;
  address: string;
}

const NAMES: NameCase[] = [
  {
    lang: 'en',
    locale: 'en-KR',
    market: 'KR',
    toPhone: ['I want to get my CitiZ repaired', 'I bought it from Nespresso Korea', 'I bought it in March last year', 'yes, I kept the receipt', 'no, I never registered it', 'Kim Minju'],
    oldName: 'Kim Minju',
    nameFix: 'sorry, the name is Kim Minji',
    newName: 'Kim Minji',
    phone: '010-1234-5678',
    email: 'minji@example.kr',
    address: '12 Sejong-daero, Jung-gu, Seoul',
  },
  {
    lang: 'zh-TW',
    locale: 'zh-TW',
    market: 'TW',
    toPhone: ['我的 CitiZ 壞了，想預約維修', '我是2024年3月5日在門市買的', '有，我有發票', '沒有', '王小明'],
    oldName: '王小明',
    nameFix: '不好意思，名字是林美玲',
    newName: '林美玲',
    phone: '0912 345 678',
    email: 'mei@example.tw',
    address: '台北市信義路五段7號',
  },
  {
    lang: 'ko',
    locale: 'ko-KR',
    market: 'KR',
    toPhone: ['시티즈 수리 예약하고 싶어요', '네스프레소 코리아에서 샀어요', '작년 3월에 샀어요', '네, 영수증 있어요', '아니요', '아니요, 수리한 적 없어요', '아니요, 필요 없어요', '김민주'],
    oldName: '김민주',
    nameFix: '죄송해요, 이름은 김민지예요',
    newName: '김민지',
    phone: '010-1234-5678',
    email: 'minji@example.kr',
    address: '서울시 중구 세종대로 12',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    market: 'FR',
    toPhone: ['je voudrais faire réparer ma CitiZ', "je l'ai achetée le 10 septembre 2024", "oui, j'ai la facture", 'oui', 'non', 'Réparation', 'Jean Dupond'],
    oldName: 'Jean Dupond',
    nameFix: "pardon, le nom c'est Jean Dupont",
    newName: 'Jean Dupont',
    phone: '06 12 34 56 78',
    email: 'jean@example.fr',
    address: '10 rue de Rivoli, 75001 Paris',
  },
  {
    lang: 'pt',
    locale: 'pt-PT',
    market: 'PT',
    toPhone: ['quero marcar uma reparação da minha CitiZ', 'comprei-a em março do ano passado', 'sim, tenho a fatura', 'Maria Silvia'],
    oldName: 'Maria Silvia',
    nameFix: 'desculpe, o nome é Maria Silva',
    newName: 'Maria Silva',
    phone: '912 345 678',
    email: 'maria@example.pt',
    address: 'Rua Augusta 10, 1100-053 Lisboa',
  },
];

describe.each(NAMES)('repair booking: the name corrected in passing in $lang ($market)', (c) => {
  it('"the name is …" at the phone question changes the name; the booking goes on at the phone question', async () => {
    const x = new Chat(svc, c.locale, c.lang, c.market);
    const script = [...c.toPhone];
    const last = script.pop()!;
    for (const line of script) await x.say(line);
    const ask = await x.step(last, 'repairBooking', 'askingPhone');

    const [ack, again] = await x.say(c.nameFix);
    expect(ack?.text).toBe(CATALOGUES[c.lang]['repair.corrected']);
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingPhone' });
    expect(again?.text).toBe(ask.text);

    await x.step(c.phone, 'repairBooking', 'askingEmail');
    await x.step(c.email, 'repairBooking', 'askingAddress');
    const summary = await x.step(c.address, 'repairBooking', 'confirming');
    expect(summary.text).toContain(c.newName);
    expect(summary.text).not.toContain(c.oldName);
  });
});
