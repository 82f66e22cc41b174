/**
 * A correction right after the one-shot cancellation penalty (issue 16), in the five languages through the real
 * service: a message that names one of the result's figures anew (the commitment, the months, the price paid)
 * gets "Thanks, I have changed that." and the penalty again, worked out with that figure changed, each correction
 * building on the last. What is not such a correction behaves as before; the figures are this conversation's
 * last result only, and start-over forgets them.
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

interface Case {
  lang: Lang;
  locale: string;
  /** A 12-month commitment, 8 months in, 99 € under the subscription, 279 € normally: the penalty at once. */
  oneShot: string;
  commitmentFix: string;
  elapsedFix: string;
  priceFix: string;
  /** The same commitment said again: nothing changes. */
  sameCommitment: string;
}

const CASES: Case[] = [
  {
    lang: 'en',
    locale: 'en-FR',
    oneShot: "12-month machine subscription, 8 months in, I paid 99 € with the sub and it's 279 € normally. What does it cost to cancel?",
    commitmentFix: "sorry, it's a 24-month contract actually",
    elapsedFix: "oh wait, I've had it for 10 months",
    priceFix: 'hmm no, I paid 49 € for it',
    sameCommitment: "it's a 24-month contract",
  },
  {
    lang: 'zh-TW',
    locale: 'zh-FR',
    oneShot: '我的咖啡機訂閱是12個月的合約，已經用了8個月，訂閱價99歐元，原價279歐元，現在解約要付多少？',
    commitmentFix: '不好意思，是24個月的合約才對',
    elapsedFix: '其實已經用了10個月',
    priceFix: '我記錯了，我付了49歐元',
    sameCommitment: '合約是24個月',
  },
  {
    lang: 'ko',
    locale: 'ko-FR',
    oneShot: '머신 구독 12개월 약정인데 8개월 사용했어요. 구독가 99유로, 정가 279유로인데 해지하면 위약금이 얼마예요?',
    commitmentFix: '죄송해요, 24개월 약정이에요',
    elapsedFix: '사실 사용한 지 10개월 됐어요',
    priceFix: '아, 49유로 냈어요',
    sameCommitment: '약정은 24개월이에요',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    oneShot: "abonnement machine de 12 mois commencé il y a 8 mois, payée 99 € avec l'abonnement au lieu de 279 €, combien pour résilier ?",
    commitmentFix: "pardon, c'est un engagement de 24 mois",
    elapsedFix: 'en fait ça fait 10 mois',
    priceFix: "non, je l'ai payée 49 €",
    sameCommitment: "mon engagement est de 24 mois",
  },
  {
    lang: 'pt',
    locale: 'pt-FR',
    oneShot: 'assinatura de 12 meses há 8 meses, paguei 99 € com a assinatura, 279 € sem ela; quanto pago para sair?',
    commitmentFix: 'desculpe, a fidelização é de 24 meses',
    elapsedFix: 'na verdade foi há 10 meses',
    priceFix: 'enganei-me, afinal paguei 49 € pela máquina',
    sameCommitment: 'a fidelização é de 24 meses',
  },
];

const LEFT = (n: number) => new RegExp(`(?<!\\d)${n}(?!\\d)`);

describe.each(CASES)('a correction right after the penalty result in $lang', (c) => {
  it('the commitment, then the months, then the price paid: each acknowledged and the penalty worked out again with it', async () => {
    const x = new Chat(svc, c.locale, c.lang, 'FR');
    const corrected = CATALOGUES[c.lang]['repair.corrected'];
    const [first] = await x.say(c.oneShot);
    expect(dialogOf(first)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(first?.text).toMatch(/124[.,]20/);
    expect(first?.text).toMatch(LEFT(4));

    // 8 months into 24 (not 12): the same fee, 16 months left.
    const [ack1, second] = await x.say(c.commitmentFix);
    expect(ack1?.text, c.commitmentFix).toBe(corrected);
    expect(dialogOf(second)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(second?.text).toMatch(/124[.,]20/);
    expect(second?.text).toMatch(LEFT(16));

    // 10 months into 24: 14 left.
    const [ack2, third] = await x.say(c.elapsedFix);
    expect(ack2?.text, c.elapsedFix).toBe(corrected);
    expect(third?.text).toMatch(LEFT(14));
    expect(third?.text).not.toMatch(LEFT(16));

    // 80% × 279 − 49 (not − 99), still 10 months into 24.
    const [ack3, fourth] = await x.say(c.priceFix);
    expect(ack3?.text, c.priceFix).toBe(corrected);
    expect(dialogOf(fourth)).toEqual({ dialog: 'cancellationPenalty', step: 'done' });
    expect(fourth?.text).toMatch(/174[.,]20/);
    expect(fourth?.text).not.toMatch(/124[.,]20/);
    expect(fourth?.text).toMatch(LEFT(14));

    // The figure it already has, said again, is no correction.
    const again = await x.say(c.sameCommitment);
    expect(again.map((r) => r.text)).not.toContain(corrected);
  });
});

describe('what is not a correction after the penalty result', () => {
  /** The texts a fresh conversation gets for `text`: what the message gets with no result before it. */
  const fresh = async (locale: string, lang: Lang, text: string) => (await new Chat(svc, locale, lang, 'FR').say(text)).map((r) => r.text);

  it('start-over forgets the figures: the same correction then gets what it gets in a new conversation', async () => {
    const x = new Chat(svc, 'fr-FR', 'fr', 'FR');
    await x.say(CASES[3]!.oneShot);
    await x.say('recommencer');
    const texts = (await x.say(CASES[3]!.commitmentFix)).map((r) => r.text);
    expect(texts).not.toContain(CATALOGUES.fr['repair.corrected']);
    expect(texts).toEqual(await fresh('fr-FR', 'fr', CASES[3]!.commitmentFix));
  });

  it('a message that names no figure after the result is answered as it would be without it', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.say(CASES[0]!.oneShot);
    const question = 'how do I descale my machine?';
    const texts = (await x.say(question)).map((r) => r.text);
    expect(texts).not.toContain(CATALOGUES.en['repair.corrected']);
    expect(texts).toEqual(await fresh('en-FR', 'en', question));
  });

  it('a task started after the result ends the figures: a correction then is not one of the result', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.say(CASES[0]!.oneShot);
    const started = await x.say('no water comes out of my Pixie');
    expect(dialogOf(started.at(-1))?.dialog).toBe('noWater');
    await x.say('cancel');
    const texts = (await x.say(CASES[0]!.commitmentFix)).map((r) => r.text);
    expect(texts).not.toContain(CATALOGUES.en['repair.corrected']);
  });

  it('a commitment corrected to one already over gives free cancellation; one over corrected to one still running asks the prices', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.say(CASES[0]!.oneShot);
    const [ack, free] = await x.say('sorry, I meant I have had it for 14 months');
    expect(ack?.text).toBe(CATALOGUES.en['repair.corrected']);
    expect(free?.text).toContain('Your 12-month commitment is complete');

    const y = new Chat(svc, 'en-FR', 'en', 'FR');
    const [over] = await y.say('my 12-month machine subscription started 14 months ago, how much to cancel?');
    expect(over?.text).toContain('Your 12-month commitment is complete');
    const [ack2, ask] = await y.say("oh sorry, it's a 24-month contract");
    expect(ack2?.text).toBe(CATALOGUES.en['repair.corrected']);
    expect(dialogOf(ask)).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWithout' });
  });
});
