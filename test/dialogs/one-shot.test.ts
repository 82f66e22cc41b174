/** One-shot results: given only when the message carries the task's inputs, for the markets whose documents decide. */
import { describe, expect, it } from 'vitest';
import { cancellationSlotsIn, durationsIn, withoutStatedCancellationSlot } from '../../dialogs/detect.js';
import { correctedPenalty, oneShotResult } from '../../dialogs/one-shot.js';
import type { Market } from '../../src/lib/types.js';

const input = (market: Market) => ({ market, contact: { phone: '080-734-1111', hours: '24 h' }, today: '2025-06-16' });
const taskOf = (text: string, market: Market) => oneShotResult(text, input(market))?.task;

describe('oneShotResult', () => {
  it('the FR penalty needs every figure; with one missing, the task asks for it instead', () => {
    expect(taskOf('24 month sub, 8 months in, 99 on the sub, 279 normally, how much to get out?', 'FR')).toBe('cancellationPenalty');
    expect(taskOf('24 month sub, 8 months in, 99 on the sub, how much to get out?', 'FR')).toBeUndefined();
    expect(taskOf('24 month sub, 8 months in, 99 on the sub, 279 normally, how much to get out?', 'TW')).toBeUndefined();
  });

  it('a commitment that is over is free, whatever the prices', () => {
    const r = oneShotResult('my 12 month subscription, 14 months in, cancel fee?', input('FR'));
    expect(r?.task).toBe('cancellationPenalty');
    expect(JSON.stringify(r?.text)).toContain('"cp.finished"');
    expect(JSON.stringify(r?.text)).not.toContain('cp.penalty');
  });

  it('a warranty asked about is decided; a warranty said to be over asks the repair price', () => {
    expect(taskOf('bought my pixie 3 months ago, is it under warranty?', 'KR')).toBe('warranty');
    expect(taskOf('픽시 2025년 1월 구매, 보증 언제 끝나요?', 'KR')).toBe('warranty');
    expect(taskOf('my pixie is out of warranty, how much is a repair?', 'KR')).toBe('krRepairPrice');
    expect(taskOf('is my pixie under warranty?', 'KR')).toBeUndefined();
    expect(taskOf('bought my pixie 3 months ago, is it under warranty?', 'PT')).toBeUndefined();
  });

  it('reads the machine\'s age and the free-repair period in Korean, and skips a date after today', () => {
    expect(taskOf('산 지 8개월 된 픽시인데 보증 되나요?', 'KR')).toBe('warranty');
    expect(taskOf('시티즈 2025년 3월에 샀어요. 무상 AS 아직 되나요?', 'KR')).toBe('warranty');
    // "a week after buying" reads as a week from today; the age said before it decides.
    const r = oneShotResult('在首爾買的 Pixie 用了快十個月，買完兩個禮拜內就登錄了，還在保固嗎？', input('KR'));
    expect(r?.task).toBe('warranty');
    expect(r?.slots).toMatchObject({ model: 'pixie', purchasePrecision: 'ago', registered: true, registeredWithinDays: 14 });
  });

  it('when the subscription began, said as a date, gives the months elapsed (against today, 2025-06-16)', () => {
    const penaltyOf = (text: string) => oneShotResult(text, input('FR'));
    for (const text of [
      'I signed up for a 24-month machine subscription in February 2025. Paid 49 euros with it, 199 without. What is my penalty?',
      '버츄오 머신 구독을 24개월 약정으로 2025년 2월에 시작했어요. 구독가 49유로, 원래 가격 199유로예요. 해지하면 얼마예요?',
      "Abonnement de 24 mois souscrit en février 2025, machine à 49€ avec l'abonnement et 199€ sans. Combien pour résilier ?",
    ]) {
      const r = penaltyOf(text);
      expect(r?.task, text).toBe('cancellationPenalty');
      expect(JSON.stringify(r?.text), text).toContain('"elapsed":4');
    }
    // A start date in the future is no figure: the task asks how long it has run.
    expect(penaltyOf('24-month subscription, I signed up in March 2026, 49 euros with it, 199 without. What is my penalty?')).toBeUndefined();
  });

  it('"one-year commitment" and "halfway through my 24-month contract" are figures', () => {
    expect(cancellationSlotsIn('Vertuo Next for 59 euros on subscription (full price 179 euros), one-year commitment, 4 months done. Exit fee?')).toMatchObject({ commitment: 12, elapsed: 4 });
    expect(cancellationSlotsIn('Half way through my 24-month contract. I paid 99 for the Lattissima; it retails at 349. Cost to terminate early?')).toMatchObject({ commitment: 24, elapsed: 12 });
    expect(taskOf('Half way through my 24-month contract. I paid 99 for the Lattissima; it retails at 349. Cost to terminate early?', 'FR')).toBe('cancellationPenalty');
    expect(cancellationSlotsIn('24-month contract, 99 with it and 349 without. Cost to terminate early?').elapsed).toBeUndefined();
  });

  it('the price without a subscription, said in Chinese as 不訂閱 / 沒有訂閱 / 單買', () => {
    for (const text of [
      '24個月方案，用了10個月，機器訂閱價1歐元，不訂閱的價格是149歐元，提前解約要多少錢？',
      '綁約12個月，已經5個月，訂閱價49歐元，沒有訂閱要199歐元，取消要多少？',
      '訂閱12個月已經3個月了，單買的話是129歐元，訂閱時付29歐元，解約費多少？',
    ]) {
      expect(cancellationSlotsIn(text).priceWithout, text).toBeGreaterThan(100);
      expect(taskOf(text, 'FR'), text).toBe('cancellationPenalty');
    }
  });

  it('asked to book the repair, the task starts (it checks warranty and price itself): no result alone', () => {
    for (const [text, market] of [
      ['My Pixie bought 8 months ago in Paris stopped heating. It should still be under warranty, please book a repair.', 'FR'],
      ['My CitiZ is out of warranty and leaking. Please arrange a repair, I know it will cost something.', 'KR'],
      ['픽시가 고장났어요. 작년 5월에 샀고 영수증 있어요. 보증 수리 접수해 주세요', 'KR'],
      ['保固內的 Pixie 壞了，3個月前在首爾買的，我要送修', 'KR'],
      ["Ma Vertuo achetée il y a 6 mois fuit, elle est sous garantie, je voudrais la faire réparer", 'FR'],
      ['A minha Pixie comprada há 6 meses em Paris avariou. Está na garantia, quero marcar a reparação.', 'FR'],
    ] as [string, Market][]) {
      expect(taskOf(text, market), text).toBeUndefined();
    }
    // The same machines asked about: the result at once.
    expect(taskOf('My Pixie bought 8 months ago in Paris stopped heating. Is it still under warranty?', 'FR')).toBe('warranty');
    expect(taskOf('My CitiZ is out of warranty and leaking. How much would a repair cost?', 'KR')).toBe('krRepairPrice');
  });

  it('reads the inputs in the words customers use: a repair said as "고치다" or "修", a machine owned "depuis 20 mois", "garentie"', () => {
    expect(taskOf('집에 U 머신 있는데 보증은 끝났고요, 돈 내고 고치면 얼마 들어요?', 'KR')).toBe('krRepairPrice');
    expect(taskOf('Vertuo Next 쓰고 있는데 보증기간 끝나서 유료로 고쳐야 된대요. 비용이 얼마인가요?', 'KR')).toBe('krRepairPrice');
    expect(taskOf("J'ai une CitiZ de chez Magimix depuis 20 mois. Elle est encore couverte par la garantie ou pas ?", 'FR')).toBe('warranty');
    expect(taskOf("Ma Lattissima One achetée le 15 septembre 2024 commence à faire des siennes. Est-ce qu'elle est toujours sous garentie ?", 'FR')).toBe('warranty');
    // "修改" is changing something, not a repair.
    expect(taskOf('CitiZ 修改密碼要多少錢', 'KR')).toBeUndefined();
  });

  it('the KR price names the overseas exception unless the customer said where it was bought', () => {
    const keys = (text: string) => oneShotResult(text, input('KR'))?.text.map((m) => m.key);
    expect(keys('how much is a repair for a vertuo next?')).toContain('os.kr.overseasOther');
    expect(keys('how much is a repair for an expert?')).toContain('os.kr.overseasSame');
    expect(keys('how much is a repair for my vertuo next? bought it in Korea')).not.toContain('os.kr.overseasOther');
    expect(keys('how much is a repair for my vertuo next, bought overseas')).not.toContain('rb.kr.free');
    expect(taskOf('how much is a repair for a vertuo next?', 'FR')).toBeUndefined();
  });

  it('a KR warranty without a word on the receipt counts from the purchase date and says so', () => {
    expect(oneShotResult('bought my pixie 3 months ago, is it under warranty?', input('KR'))?.text.map((m) => m.key)).toContain('os.w.assumedProof');
    expect(oneShotResult('bought my pixie 3 months ago, kept the receipt, is it under warranty?', input('KR'))?.text.map((m) => m.key)).not.toContain('os.w.assumedProof');
  });
});

describe('what a result keeps for the booking that follows', () => {
  it('only what the message said: the model, the date and its precision, a receipt named, where it was bought, registration with its delay', () => {
    expect(oneShotResult('is my pixie still under warranty? bought it on 3 March 2025', input('KR'))?.slots).toEqual({
      model: 'pixie',
      purchaseDate: '2025-03-03',
      purchasePrecision: 'day',
    });
    expect(oneShotResult('is my pixie still under warranty? bought it 3 March 2025 in Korea, kept the receipt, registered it the same day', input('KR'))?.slots).toEqual({
      model: 'pixie',
      purchaseDate: '2025-03-03',
      purchasePrecision: 'day',
      hasProof: true,
      overseas: false,
      registered: true,
      registeredWithinDays: 0,
    });
    expect(oneShotResult('is my citiz still under warranty? it is 10 months old', input('FR'))?.slots).toEqual({ model: 'citiz', purchaseDate: '2024-08-16', purchasePrecision: 'ago' });
    expect(oneShotResult('how much is a repair for my pixie bought overseas?', input('KR'))?.slots).toEqual({ model: 'pixie', overseas: true });
    // A foreign country named where it was bought is overseas, in every language; a friend from Japan is not.
    for (const text of ['how much is a repair for my pixie? I bought it in the US', '일본에서 산 픽시 수리비 얼마예요?', '在美國買的Pixie修理要多少錢？', "réparer ma Pixie achetée aux États-Unis, ça coûte combien ?", 'quanto custa reparar a Pixie que comprei nos EUA?']) {
      expect(oneShotResult(text, input('KR'))?.slots, text).toMatchObject({ model: 'pixie', overseas: true });
    }
    expect(oneShotResult('how much is a repair for my pixie? a friend from Japan recommended it', input('KR'))?.slots).not.toHaveProperty('overseas', true);
    // The penalty offers no booking; it keeps the figures it was given, which a correction right after it changes.
    expect(oneShotResult('24 month sub, 8 months in, 99 on the sub, 279 normally, how much to get out?', input('FR'))?.slots).toEqual({ commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 });
    expect(oneShotResult('my 12-month machine subscription started 14 months ago, how much to cancel?', input('FR'))?.slots).toEqual({ commitment: 12, elapsed: 14 });
  });
});

describe('a correction right after the penalty result', () => {
  const kept = { commitment: 24, elapsed: 8, priceWith: 99, priceWithout: 279 };
  it('a figure named anew is changed and the penalty worked out again; the others stay', () => {
    const fix = correctedPenalty('no, I paid 49 €', kept, input('FR'));
    expect(fix?.figures).toEqual({ ...kept, priceWith: 49 });
    expect(fix?.result?.task).toBe('cancellationPenalty');
    expect(correctedPenalty('en fait ça fait 10 mois', kept, input('FR'))?.figures).toEqual({ ...kept, elapsed: 10 });
  });
  it('nothing for a bare number, the same figure, another market, or no figures kept', () => {
    expect(correctedPenalty('49', kept, input('FR'))).toBeUndefined();
    expect(correctedPenalty('it was a 24-month commitment', kept, input('FR'))).toBeUndefined();
    expect(correctedPenalty('no, I paid 49 €', kept, input('KR'))).toBeUndefined();
    expect(correctedPenalty('no, I paid 49 €', { model: 'pixie' }, input('FR'))).toBeUndefined();
  });
});

describe('a message without the figure a correction read', () => {
  it('takes out only the words that state that figure, in any order and language', () => {
    expect(withoutStatedCancellationSlot("279, and it's been 10 months", 'elapsed')).toBe("279, and it's");
    expect(withoutStatedCancellationSlot('ah pardon, ça fait 10 mois en fait. 279', 'elapsed')).toBe('ah pardon, en fait. 279');
    expect(withoutStatedCancellationSlot('죄송해요, 49유로 냈어요. 279유로예요', 'priceWith')).toBe('죄송해요, 유로 냈어요. 279유로예요');
    expect(withoutStatedCancellationSlot('其實是24個月的合約，279', 'commitment')).toBe('其實是 ,279');
    // Nothing stated for that figure: the message whole.
    expect(withoutStatedCancellationSlot('279', 'elapsed')).toBe('279');
  });
});

describe('durations', () => {
  it('reads lengths in the five languages, and which ones are a time ago', () => {
    expect(durationsIn('2 yr commitment, been 8 months')).toEqual([
      { months: 24, ago: false },
      { months: 8, ago: true },
    ]);
    expect(durationsIn("un an et demi d'écoulé").map((d) => d.months)).toEqual([18]);
    expect(durationsIn('vou no 10.º mês').map((d) => d.months)).toEqual([10]);
    expect(durationsIn('두 달밖에 안 됐어요').map((d) => d.months)).toEqual([2]);
    expect(durationsIn('사용기간 반년').map((d) => d.months)).toEqual([6]);
  });

  it('a 12 or 24 beside another length is the commitment, the other how long it has run', () => {
    expect(cancellationSlotsIn('1년 약정했는데 두 달밖에 안 됐어요')).toMatchObject({ commitment: 12, elapsed: 2 });
    expect(cancellationSlotsIn('O compromisso é de 12 meses e só passaram 4')).toMatchObject({ commitment: 12, elapsed: 4 });
  });

  it('loosely phrased inputs give the result: a commitment, "já passaram 20", both prices with their words', () => {
    expect(taskOf('assinatura de 24 meses, já passaram 20, paguei 249 euros pela máquina que custa 599 euros sem assinatura. quanto pago para sair?', 'FR')).toBe('cancellationPenalty');
    expect(taskOf("engagement 24 mois, 9 mois déjà passés, j'ai payé 149 euros, elle coûte 399 euros sans abonnement, combien pour résilier ?", 'FR')).toBe('cancellationPenalty');
    expect(cancellationSlotsIn('já passaram 20, paguei 249 euros')).toMatchObject({ elapsed: 20, priceWith: 249 });
    expect(taskOf('compromisso de 12 meses, já vão 4, paguei 99 euros, a máquina custa 249 euros sem a assinatura, quanto pago?', 'FR')).toBe('cancellationPenalty');
    expect(taskOf("12 mois d'engagement, 4 écoulés, payée 99 euros, prix sans abonnement 249 euros, combien je paie si je résilie ?", 'FR')).toBe('cancellationPenalty');
    expect(cancellationSlotsIn('já passaram 20,5 meses')).not.toMatchObject({ elapsed: 20 });
  });

  it('a model said to be out of warranty asks the KR repair price, in the five languages', () => {
    for (const text of [
      'my Pixie is no longer under warranty, what would a paid repair cost?',
      '我的Vertuo Next已經過保固了，付費維修要多少錢？',
      '버츄오 넥스트 보증 기간이 끝났는데 유상 수리 비용이 얼마예요?',
      "ma Vertuo Next n'est plus garantie, combien coûterait une réparation ?",
      'a minha Vertuo Next saiu da garantia, quanto custaria uma reparação paga?',
      'Pixie保固過期了，維修費多少？',
      'a garantia da minha Pixie acabou, quanto custa repará-la?',
      // with when it was bought: the warranty said to be over still asks the price, not the warranty decision
      'comprei a minha Pixie há 3 anos, já saiu da garantia, quanto custa a reparação?',
      'I bought my Pixie 3 years ago, the warranty is over, how much is a repair?',
      "j'ai acheté ma Pixie il y a 3 ans, elle n'est plus garantie, combien coûte une réparation ?",
      '我的Pixie三年前買的，已經過保固了，維修要多少錢？',
      // said the way people type it: "over for almost half a year", "long out of warranty", "the free period has
      // passed … what will it take", "qto" for quanto
      'Vertuo Next 在韓國買的 保固過期快半年了，最近燈一直閃，修理費要多少？',
      '我的CitiZ用了三年多早就沒保固了，按鈕壓下去沒反應，修理要多少錢?',
      'Creatista Plus 무상기간 지났는데 우유 스팀쪽이 고장이에요. 고치려면 얼마 드나요?',
      'Vertuo Next, comprada na coreia, a garantia acabou em setembro. qto fica arranjá-la?',
    ])
      expect(taskOf(text, 'KR'), text).toBe('krRepairPrice');
  });

  it('KR, registration not said: the result names the date a registration within 30 days would give', () => {
    // today 2025-06-16: bought 2024-03-03, so 12 months ran out on 2025-03-02; registered in time, 24 months.
    const keys = (text: string) => oneShotResult(text, input('KR'))?.text.map((m) => m.key);
    const ifRegistered = oneShotResult('bought my Pixie on 3 March 2024 in Seoul, kept the receipt, still under warranty?', input('KR'))?.text.find((m) => m.key === 'os.w.ifRegistered');
    expect(ifRegistered?.params).toMatchObject({ days: 30, date: { date: '2026-03-02' } });
    // said: registered the same week (as 當週 too), or never — nothing to add
    expect(keys('bought my Pixie on 3 March 2024 in Seoul, kept the receipt, registered it the same week, still under warranty?')).not.toContain('os.w.ifRegistered');
    expect(keys('我的Pixie是2024年3月3日在首爾買的，收據還在，買完當週就註冊了，還在保固內嗎？')).not.toContain('os.w.ifRegistered');
    expect(keys('bought my Pixie on 3 March 2024 in Seoul, kept the receipt, never registered it, still under warranty?')).not.toContain('os.w.ifRegistered');
  });

  it('how long a repair or the free-repair period lasts is not a price question, in the five languages', () => {
    for (const text of [
      '픽시 무상 수리 기간이 얼마나 돼요?',
      '픽시 수리 맡기면 얼마나 걸려요?',
      'how long does a repair of my Pixie take?',
      'Pixie送修要多少天？',
      'combien de temps dure la réparation de ma Pixie ?',
      'quanto tempo demora a reparação da minha Pixie?',
    ])
      expect(taskOf(text, 'KR'), text).not.toBe('krRepairPrice');
    // a money word keeps it a price question, even with a word that can also ask how long
    for (const text of ['픽시 수리비 얼마나 나와요?', 'Pixie維修費用要多少？', 'combien coûte la réparation de ma Pixie ?'])
      expect(taskOf(text, 'KR'), text).toBe('krRepairPrice');
  });

  it('the machine\'s age stands for when it was bought, in the five languages', () => {
    for (const [text, market] of [
      ['my Citiz is 10 months old, is it still under warranty?', 'KR'],
      ['我的Citiz用了10個月，還在保固內嗎？', 'KR'],
      ['시티즈 쓴 지 10개월 됐는데 보증 되나요?', 'KR'],
      ['ma Citiz a 10 mois, elle est encore sous garantie ?', 'FR'],
      ['a minha Citiz tem 10 meses, ainda está na garantia?', 'FR'],
    ] as const)
      expect(taskOf(text, market), text).toBe('warranty');
    expect(taskOf('is my Citiz still under warranty?', 'KR')).toBeUndefined();
  });
});

describe('"N months ago": as near as how long ago it was', () => {
  // Every message key of the result, nested ones too ("rb.then" holds the decision and what follows it).
  const keys = (text: string, market: Market = 'KR') => [...JSON.stringify(oneShotResult(text, input(market))?.text ?? []).matchAll(/"key":"([^"]+)"/g)].map((m) => m[1]);
  it('8 months ago is within a 12-month warranty whatever the exact day; 13 months ago depends on the receipt', () => {
    // ± 2 months around 8 months ago: 6 to 10 months, all covered.
    for (const [text, market] of [
      ['bought my pixie 8 months ago in Seoul, kept the receipt, is it still under warranty?', 'KR'],
      ["il y a 8 mois que j'ai acheté ma CitiZ, elle est encore sous garantie ?", 'FR'],
    ] as const) {
      expect(keys(text, market), text).toContain('rb.w.covered');
      expect(keys(text, market), text).not.toContain('rb.w.uncertain');
    }
    // ± 3 months around 13 months ago straddles the 12 months.
    expect(keys('bought my pixie 13 months ago in Seoul, kept the receipt, is it still under warranty?')).toContain('rb.w.uncertain');
    // "in 2024" is any time that year or so: still six months either side.
    expect(keys('bought my pixie in 2024 in Seoul, kept the receipt, is it still under warranty?')).toContain('rb.w.uncertain');
  });
});
