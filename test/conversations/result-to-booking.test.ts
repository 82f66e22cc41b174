/**
 * A repair booking after a one-shot result (issue 16), in the five languages through the real service: "book
 * it" (or the button) after a warranty or KR repair-price result begins the booking with what the customer
 * already said, says what it kept and asks only what is missing; a date corrected in passing changes the
 * warranty the booking reports. What is kept comes from this conversation's last result only: not for another
 * machine, not in a new conversation, and asked about first where the "same machine?" hygiene applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/language/catalog/index.js';
import { choices, Customer, dialogOf, startAtToday, support, type TestService } from './support.js';
import { Chat, type Lang } from './languages/chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

interface Case {
  lang: Lang;
  locale: string;
  market: 'KR' | 'FR';
  /** A warranty question that carries the model, the purchase date and the receipt. */
  warranty: string;
  bookIt: string;
  kept: string;
  dateFix: string;
  /** The answers from the registration question to the warranty the booking reports. */
  toTerms: string[];
  /** The warranty's end for the corrected date (12 May), and for the first one (3 March). */
  newEnd: string;
  oldEnd: string;
}

const CASES: Case[] = [
  {
    lang: 'en',
    locale: 'en-KR',
    market: 'KR',
    warranty: 'is my Pixie still under warranty? I got it on 3 March 2025 from Nespresso Korea and kept the receipt',
    bookIt: 'ok book it',
    kept: 'Booking a repair for your Pixie bought on March 3, 2025.',
    dateFix: 'sorry, I bought it on 12 May, not 3 March',
    toTerms: ['no, never registered'],
    newEnd: 'until May 11, 2026',
    oldEnd: 'until March 2, 2026',
  },
  {
    lang: 'zh-TW',
    locale: 'zh-KR',
    market: 'KR',
    warranty: '我的 Pixie 還在保固內嗎？2025年3月3日在韓國買的，有發票',
    bookIt: '好，幫我預約',
    kept: '為您預約 Pixie 的維修（購買日期：2025年3月3日）。',
    dateFix: '不好意思，不是3月3日，是5月12日買的',
    toTerms: ['沒有'],
    newEnd: '保固至 2026年5月11日',
    oldEnd: '2026年3月2日',
  },
  {
    lang: 'ko',
    locale: 'ko-KR',
    market: 'KR',
    warranty: '시티즈 보증 기간 남았나요? 2025년 3월 3일에 네스프레소 코리아에서 샀고 영수증 있어요',
    bookIt: '접수해 주세요',
    kept: '2025년 3월 3일에 구매하신 CitiZ 수리 접수를 진행할게요.',
    dateFix: '죄송해요, 3월 3일이 아니라 5월 12일에 샀어요',
    toTerms: ['아니요'],
    newEnd: '2026년 5월 11일까지',
    oldEnd: '2026년 3월 2일',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    market: 'FR',
    warranty: 'ma Pixie est-elle encore sous garantie ? je l’ai achetée le 3 mars 2024, j’ai gardé la facture',
    bookIt: 'ok, réservez-la',
    kept: 'Je lance la demande de réparation de votre Pixie achetée le 3 mars 2024.',
    dateFix: 'pardon, je l’ai achetée le 12 mai 2024, pas le 3 mars',
    toTerms: ['oui', 'non'],
    newEnd: "jusqu'au 11 mai 2026",
    oldEnd: '2 mars 2026',
  },
  {
    lang: 'pt',
    locale: 'pt-FR',
    market: 'FR',
    warranty: 'a minha Essenza Mini ainda está na garantia? comprei-a a 3 de março de 2024, tenho a fatura',
    bookIt: 'sim, pode marcar',
    kept: 'Vou fazer o pedido de reparação da sua Essenza Mini comprada a 3 de março de 2024.',
    dateFix: 'desculpe, comprei-a a 12 de maio de 2024, não a 3 de março',
    toTerms: ['sim', 'não'],
    newEnd: 'até 11 de maio de 2026',
    oldEnd: '2 de março de 2026',
  },
];

describe.each(CASES)('after a result, in $lang ($market)', (c) => {
  const words = CATALOGUES[c.lang];
  const chat = () => new Chat(svc, c.locale, c.lang, c.market);

  it('"book it" keeps the model, the date and the receipt, says so, and asks only what is missing; a date corrected in passing changes the warranty reported', async () => {
    const x = chat();
    const [result] = await x.say(c.warranty);
    expect(support(result)).toMatchObject({ kind: 'dialog', dialog: 'repairBooking', step: 'result', task: 'warranty' });
    expect(result?.text).toContain(c.oldEnd);

    const replies = await x.say(c.bookIt);
    expect(replies.map((r) => r.text)[0]).toBe(c.kept);
    expect(dialogOf(replies[0])).toEqual({ dialog: 'repairBooking', step: 'kept' });
    // Model, date and receipt were given: the booking goes straight to the registration.
    expect(dialogOf(replies.at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingRegistration' });
    expect(replies).toHaveLength(2);

    const [ack, again] = await x.say(c.dateFix);
    expect(ack?.text).toBe(words['repair.corrected']);
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingRegistration' });

    let terms;
    for (const line of c.toTerms) terms = (await x.say(line)).find((r) => dialogOf(r).step === 'reportingTerms');
    expect(terms?.text).toContain(c.newEnd);
    expect(terms?.text).not.toContain(c.oldEnd);
  });

  it('a new conversation of the same customer keeps nothing: the booking asks for the model', async () => {
    const first = chat();
    await first.say(c.warranty);
    const later = new Customer(svc, { locale: c.locale, userId: first.customer.userId });
    const [ask] = await later.say('task:repairBooking');
    expect(dialogOf(ask)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
  });
});

describe('what a result keeps, and when it is not used', () => {
  it('ko: the KR repair price keeps the model; tapping "Book a repair" asks where it was bought next', async () => {
    const x = new Chat(svc, 'ko-KR', 'ko', 'KR');
    const [price] = await x.say('픽시 수리비 얼마예요?');
    expect(support(price)).toMatchObject({ task: 'krRepairPrice' });
    expect(choices(price)).toContain(CATALOGUES.ko['label.bookRepair']);
    const [kept, origin] = await x.say('task:repairBooking');
    expect(kept?.text).toBe('Pixie 수리 접수를 진행할게요.');
    expect(dialogOf(origin)).toEqual({ dialog: 'repairBooking', step: 'askingOrigin' });
    expect(origin?.text).toContain('Pixie');
  });

  it('zh-TW: a question about booking after the result is not a request to book', async () => {
    const x = new Chat(svc, 'zh-KR', 'zh-TW', 'KR');
    await x.say('我的 Pixie 還在保固內嗎？2025年3月3日在韓國買的，有發票');
    const replies = await x.say('預約的話要等多久？');
    expect(replies.some((r) => dialogOf(r).dialog === 'repairBooking' && dialogOf(r).step !== 'result')).toBe(false);
    // Asked for afterwards, the booking still keeps the result.
    const [kept] = await x.say('好，幫我預約');
    expect(kept?.text).toBe('為您預約 Pixie 的維修（購買日期：2025年3月3日）。');
  });

  it('pt: another machine named for the booking keeps nothing of the result', async () => {
    const x = new Chat(svc, 'pt-FR', 'pt', 'FR');
    await x.say('a minha Essenza Mini ainda está na garantia? comprei-a a 3 de março de 2024, tenho a fatura');
    const replies = await x.say('quero marcar a reparação da minha Vertuo Next');
    expect(replies.some((r) => dialogOf(r).step === 'kept')).toBe(false);
    expect(dialogOf(replies.at(-1))).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    expect(replies.at(-1)?.text).toContain('Vertuo Next');
  });

  it('en: where a machine is known from before, the result\'s machine is asked about first; "the same" keeps the result, "another machine" keeps nothing', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.step('my Pixie gives no water', 'noWater', 'tryingFix');
    await x.say('cmd:cancel');
    await x.say('is my CitiZ still under warranty? I bought it on 12 January 2024');

    const same = await x.step('task:repairBooking', 'repairBooking', 'askingSameMachine');
    expect(same.text).toBe('Is the booking for the CitiZ you just asked about?');
    expect(choices(same)).toEqual(['Yes, the same one', 'Another machine']);
    const [kept, proof] = await x.say('same-machine');
    expect(kept?.text).toBe('Booking a repair for your CitiZ bought on January 12, 2024.');
    expect(dialogOf(proof)).toEqual({ dialog: 'repairBooking', step: 'askingProof' });

    await x.say('cmd:cancel');
    await x.say('is my CitiZ still under warranty? I bought it on 12 January 2024');
    await x.step('book it', 'repairBooking', 'askingSameMachine');
    const [other] = await x.say('other-machine');
    expect(dialogOf(other)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
  });

  it('fr: where a machine is known from before, "oui" to the question keeps the result', async () => {
    const x = new Chat(svc, 'fr-FR', 'fr', 'FR');
    await x.step('mon Inissia ne donne plus d’eau', 'noWater', 'tryingFix');
    await x.say('cmd:cancel');
    await x.say('ma Pixie est-elle encore sous garantie ? je l’ai achetée le 3 mars 2024');
    const same = await x.step('je voudrais prendre rendez-vous pour la réparation', 'repairBooking', 'askingSameMachine');
    expect(same.text).toBe('La demande concerne-t-elle la Pixie dont vous venez de parler ?');
    const [kept, proof] = await x.say('oui');
    expect(kept?.text).toBe('Je lance la demande de réparation de votre Pixie achetée le 3 mars 2024.');
    expect(dialogOf(proof)).toEqual({ dialog: 'repairBooking', step: 'askingProof' });
  });
});
