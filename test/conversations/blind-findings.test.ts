/**
 * What blind testers found, one per language, each writing as a customer of their market through the real service
 * (round 10): a commitment corrected without its name, a task given up in a sentence, where the customer lives said
 * by a city, a Korean "예약 취소" (cancel the booking) read as "yes".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/language/catalog/index.js';
import { choices, support } from '../helpers/service.js';
import { dialogOf, startAtToday, TODAY, type TestService } from './support.js';
import { marketFromText } from '../../src/router/market.js';
import { command, smalltalk } from '../../src/language/understand/index.js';
import { PersonName } from '../../dialogs/parse.js';
import { Chat, REFERENCE, type Lang } from './languages/chat.js';
import { parseDate } from '../../dialogs/parse-dates.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const COMMITMENT: Array<{ lang: Lang; locale: string; start: string; twelve: string; fix: string }> = [
  { lang: 'en', locale: 'en-FR', start: 'what is the fee to cancel my machine subscription?', twelve: '12 months', fix: 'sorry it was 24 months not 12' },
  { lang: 'zh-TW', locale: 'zh-FR', start: '咖啡機訂閱提前解約要付多少？', twelve: '12個月', fix: '等等 不對 是24個月' },
  { lang: 'ko', locale: 'ko-FR', start: '머신 구독 해지 위약금 얼마예요?', twelve: '12개월', fix: '아 잠깐 24개월이에요' },
  { lang: 'fr', locale: 'fr-FR', start: 'frais de résiliation abonnement', twelve: '12 mois', fix: "attendez non, mon engagement c'est 24 mois" },
  { lang: 'pt', locale: 'pt-FR', start: 'quanto pago para cancelar a subscrição da máquina?', twelve: '12 meses', fix: 'ah não, espera, afinal é de 24 meses' },
];

describe.each(COMMITMENT)('a commitment corrected without its name in $lang', (c) => {
  it('changes the commitment and asks the months again, never "your commitment is over, cancelling is free"', async () => {
    const x = new Chat(svc, c.locale, c.lang, 'FR');
    await x.step(c.start, 'cancellationPenalty', 'askingCommitment');
    const months12 = await x.step(c.twelve, 'cancellationPenalty', 'askingElapsed');
    const [ack, again] = await x.say(c.fix);
    expect(ack?.text).toBe(CATALOGUES[c.lang]['repair.corrected']);
    expect(dialogOf(again)).toEqual({ dialog: 'cancellationPenalty', step: 'askingElapsed' });
    expect(again?.text).not.toBe(months12.text);
    expect(again?.text).toContain('24');
  });
});

const QUIT: Array<{ lang: Lang; locale: string; market: string; start: string; model: string; quit: string }> = [
  { lang: 'en', locale: 'en-TW', market: 'TW', start: 'my machine gives no water, help me', model: 'Pixie', quit: 'forget it, how long does a repair take?' },
  { lang: 'zh-TW', locale: 'zh-TW', market: 'TW', start: '我的咖啡機不出水 幫我看一下', model: 'Pixie', quit: '算了 不弄了 維修要幾天？' },
  { lang: 'ko', locale: 'ko-TW', market: 'TW', start: '머신에서 물이 안 나와요 도와주세요', model: '픽시', quit: '그만할게요 대만에서 수리 며칠 걸려요?' },
  { lang: 'fr', locale: 'fr-TW', market: 'TW', start: "ma machine ne sort plus d'eau, aidez-moi", model: 'Pixie', quit: 'laissez tomber, la réparation prend combien de jours ?' },
  { lang: 'pt', locale: 'pt-TW', market: 'TW', start: 'a minha máquina não deita água, ajudem-me', model: 'Pixie', quit: 'esquece, quantos dias demora a reparação?' },
];

describe.each(QUIT)('a task given up in a sentence in $lang', (c) => {
  it('ends the task and answers what else the message asks', async () => {
    const x = new Chat(svc, c.locale, c.lang, c.market);
    await x.step(c.start, 'noWater', 'askingModel');
    await x.step(c.model, 'noWater', 'tryingFix');
    const [stopped, answer] = await x.say(c.quit);
    expect(stopped?.text).toBe(CATALOGUES[c.lang]['cancel.done']);
    expect(support(answer)?.faqId).toBe('tw-repair-duration');
    // The task is over: a "no" now is not the no-water step's answer.
    expect(dialogOf((await x.say('no')).at(-1))?.dialog).not.toBe('noWater');
  });
});

describe('where the customer lives, said by a city', () => {
  it('"im in taipei btw" answers the country question and then the question that waited for it', async () => {
    const x = new Chat(svc, 'en-US', 'en', 'TW');
    const asked = await x.customer.say('how do i get a refund for a parcel that was sent back to you?');
    expect(choices(asked.at(-1))).toContain('Taiwan');
    const replies = await x.customer.say('im in taipei btw');
    expect(replies[0]?.text).toBe(CATALOGUES.en.marketSet.replace('{market}', 'Taiwan'));
    expect(replies.length).toBeGreaterThan(1);
  });

  it.each([
    ['pt-PT', 'pt', 'vivo em Seul. qual é a garantia da minha máquina?', 'KR', '12 meses'],
    ['fr-FR', 'fr', "j'habite à Séoul, combien de temps dure la garantie de ma machine ?", 'KR', '12'],
    ['zh-TW', 'zh-TW', '我住首爾 客服電話幾號', 'KR', '080-734-1111'],
  ] as const)('%s "%s" is answered for the city\'s market', async (locale, lang, text, market, fact) => {
    const x = new Chat(svc, locale, lang, market);
    const replies = await x.say(text);
    expect(replies.map((r) => r.text).join('\n')).toContain(fact);
  });
});

describe('Korean yes is a word of its own', () => {
  it('"예약 취소" at the summary cancels the booking, never saves it; "네스프레소 …" is no yes', async () => {
    const c = new Chat(svc, 'ko-KR', 'ko', 'KR');
    await c.step('시티즈 수리 예약하고 싶어요', 'repairBooking', 'askingOrigin');
    await c.step('네스프레소 코리아에서 샀어요', 'repairBooking', 'askingPurchaseDate');
    await c.step('작년 3월에 샀어요', 'repairBooking', 'askingProof');
    await c.step('네, 영수증 있어요', 'repairBooking', 'askingRegistration');
    await c.step('아니요', 'repairBooking', 'askingLastRepair');
    await c.say('아니요, 수리한 적 없어요');
    await c.step('아니요, 필요 없어요', 'repairBooking', 'askingName');
    await c.step('김민지', 'repairBooking', 'askingPhone');
    await c.step('010-1234-5678', 'repairBooking', 'askingEmail');
    await c.step('minji@example.kr', 'repairBooking', 'askingAddress');
    await c.step('서울시 중구 세종대로 12', 'repairBooking', 'confirming');
    const replies = await c.say('예약 취소');
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(REFERENCE);
    expect(replies.at(-1)?.text).toContain(CATALOGUES.ko['rb.cancelled']);
  });
});

describe('the no-water steps as blind testers answered them', () => {
  it.each([
    ['fr-FR', 'fr', 'FR', "pas d'eau qui sort de ma Pixie", undefined, "en fait c'est une U pas une pixie", 'U'],
    ['pt-PT', 'pt', 'PT', 'a minha máquina não deita água', 'CitiZ', 'desculpe, confundi, a maquina é a U e nao a citiz', 'U'],
    ['pt-PT', 'pt', 'PT', 'a minha máquina não deita água', 'CitiZ', 'espera, enganei-me, afinal é uma Pixie', 'Pixie'],
    ['ko-KR', 'ko', 'KR', '머신에서 물이 안 나와요', '버츄오 넥스트요', '아 잠깐 아니다 픽시에요', 'Pixie'],
  ] as const)('%s: a model corrected ("%s" then "%s") starts the steps for that machine', async (locale, lang, market, start, model, fix, name) => {
    const x = new Chat(svc, locale, lang, market);
    await x.say(start);
    if (model) await x.say(model);
    const [steps] = await x.say(fix);
    expect(dialogOf(steps)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(steps?.text).toContain(name);
  });

  it('"ok" is no answer to "did water come out?"; "ok did that, still dead" is a failed try', async () => {
    const x = new Chat(svc, 'en-TW', 'en', 'TW');
    await x.step('my machine gives no water', 'noWater', 'askingModel');
    const first = await x.step('Pixie', 'noWater', 'tryingFix');
    const [again] = await x.say('ok');
    expect(again?.text).not.toMatch(/working again/);
    expect(again?.text).toContain(CATALOGUES.en['nw.reask.yesNo']);
    const [next] = await x.say('ok did that, still dead');
    expect(next?.text).not.toBe(first.text);
    expect(next?.text).toMatch(/try 1 of 5/);
  });

  it('"沒有 還是沒水" after a question in the middle of the steps is a failed try, not "stop"', async () => {
    const x = new Chat(svc, 'zh-TW', 'zh-TW', 'TW');
    await x.step('我的機器不出水 是 CitiZ', 'noWater', 'tryingFix');
    const goOn = await x.say('會員編號在哪看');
    expect(dialogOf(goOn.at(-1))?.step).toBe('goOn');
    const [next] = await x.say('沒有 還是沒水');
    expect(dialogOf(next)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
  });
});

describe('a person, asked about and waited for', () => {
  it.each([
    ['en-FR', 'en', 'are you a bot or a real person lol'],
    ['zh-TW', 'zh-TW', '你是真人還是機器人啊'],
    ['ko-KR', 'ko', '너 사람이야 봇이야?'],
    ['fr-FR', 'fr', 'vous êtes un robot ?'],
    ['pt-PT', 'pt', 'és um robô ou uma pessoa?'],
  ] as const)('%s "%s" is told what the bot is, a person one tap away, and not queued', async (locale, lang, text) => {
    const x = new Chat(svc, locale, lang, locale.slice(-2) === 'TW' ? 'TW' : locale.slice(-2));
    const [said] = await x.say(text);
    expect(said?.text).toBe(CATALOGUES[lang].areYouBot);
    expect(support(said)?.kind).toBe('smalltalk');
    expect(choices(said)).toEqual([CATALOGUES[lang]['label.person']]);
  });

  it('"ok and how do i cancel…?" at an offer of a person answers the question, no queue', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.say('what is the capital of mongolia');
    const offered = await x.say('what is the capital of mongolia?');
    expect(choices(offered.at(-1))).toContain(CATALOGUES.en['label.person']);
    const [answer] = await x.say('ok and how do i cancel my machine subscription, is there a fee?');
    expect(support(answer)?.kind).not.toBe('handoff');
  });

  it('while queued, "hello? anyone there" gets where the customer stands and "stop waiting" leaves the queue', async () => {
    const x = new Chat(svc, 'en-TW', 'en', 'TW');
    await x.say("I didn't get the reset email");
    await x.say('talk to a person');
    const [asked] = await x.say('hello? anyone there');
    expect(asked?.text).toMatch(/^You're already waiting for a person\./);
    const [left] = await x.say('no no i didnt ask for a person. stop waiting');
    expect(support(left)?.kind).toBe('handoff');
    expect(left?.text).not.toMatch(/already waiting/);
    const [after] = await x.say('how long is the reset link valid?');
    expect(after?.text).toContain('72');
  });
});

describe('what the documents say, and only that', () => {
  it('a Portuguese or French speaker in Korea means the 10th of January by "10/01/2025"; an English speaker there, October', () => {
    expect(parseDate('10/01/2025', '2026-12-08', 'KR', 'pt')?.date).toBe('2025-01-10');
    expect(parseDate('10/01/2025', '2026-12-08', 'KR', 'fr')?.date).toBe('2025-01-10');
    expect(parseDate('10/01/2025', '2026-12-08', 'KR', 'en')?.date).toBe('2025-10-01');
  });

  it('France and Taiwan: a repair\'s own warranty without Korea\'s "same fault"; Taiwan\'s hours without "every day"', async () => {
    const tw = new Chat(svc, 'en-TW', 'en', 'TW');
    const contact = (await tw.say('what is your phone number?')).map((r) => r.text).join('\n');
    expect(contact).toContain('0809 001 886');
    expect(contact).not.toMatch(/every day/);
    for (const text of [CATALOGUES.en['rb.askLastRepairFR'], CATALOGUES.en['rb.askLastRepairTW'], CATALOGUES.en['rb.rule.afterRepair']]) expect(text).not.toMatch(/same fault/);
    expect(CATALOGUES.en['rb.rule.afterRepairKR']).toMatch(/same fault/);
  });

  it('in French, the way to cancel names the site\'s French labels, as the French FAQ answer does', async () => {
    const x = new Chat(svc, 'fr-FR', 'fr', 'FR');
    await x.step('frais de résiliation abonnement', 'cancellationPenalty', 'askingCommitment');
    await x.step('12 mois', 'cancellationPenalty', 'askingElapsed');
    await x.step('1', 'cancellationPenalty', 'askingPriceWithout');
    await x.step('279', 'cancellationPenalty', 'askingPriceWith');
    const [done] = await x.say('99');
    expect(done?.text).toContain('« Mon Compte » → « Mes Abonnements » → « Résilier mon abonnement »');
    expect(done?.text).not.toContain('My Account');
    expect(done?.text).toContain('1 mois sur 12');
  });

  it('"1 month into 12", not "1 months"', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    const [done] = await x.say('cancel my machine subscription: 12 month commitment, i started last month, the machine is 199 euros and i paid 1 euro');
    expect(done?.text).not.toMatch(/\b1 months\b/);
  });
});

describe('what was said is not asked again, and answers are not names', () => {
  it('"買完一週內就有登錄" in the first message: Korea\'s repair booking does not ask about registration', async () => {
    const x = new Chat(svc, 'zh-KR', 'zh-TW', 'KR');
    await x.step('我住在韓國，我的 Lattissima One 壞了要送修，2025年1月20號買的，買完一週內就有登錄', 'repairBooking', 'askingOrigin');
    await x.step('向韓國 Nespresso 購買', 'repairBooking', 'askingProof');
    const replies = await x.say('有');
    expect(replies.map((r) => dialogOf(r).step)).not.toContain('askingRegistration');
  });

  it.each([
    ['en-TW', 'en', 'TW', 'no'],
    ['ko-KR', 'ko', 'KR', '아니요'],
    ['zh-TW', 'zh-TW', 'TW', '回上一步'],
  ] as const)('%s: "%s" is no name for the booking', async (locale, lang, market, notAName) => {
    const x = new Chat(svc, locale, lang, market);
    await x.say('task:repairBooking');
    await x.say('Pixie');
    if (market === 'KR') await x.say('1');
    await x.say('2025-01-20');
    await x.say(market === 'KR' ? '네' : lang === 'zh-TW' ? '有' : 'yes');
    // Walk on to the name with the answers each step takes.
    for (let i = 0; i < 4; i += 1) {
      const last = (await x.customer.say(lang === 'ko' ? '아니요' : lang === 'zh-TW' ? '否' : 'no')).at(-1);
      if (dialogOf(last).step === 'askingName') break;
    }
    const [reply] = await x.say(notAName);
    expect(dialogOf(reply)).toEqual({ dialog: 'repairBooking', step: 'askingName' });
    expect(reply?.text).toContain(CATALOGUES[lang]['ans.name.notAName']);
  });

  it('"계속하기" typed, as the button says it, goes on with the task', async () => {
    const x = new Chat(svc, 'ko-KR', 'ko', 'KR');
    await x.step('머신에서 물이 안 나와요', 'noWater', 'askingModel');
    await x.step('픽시', 'noWater', 'tryingFix');
    const asked = await x.say('회원 번호는 어디서 봐요?');
    expect(dialogOf(asked.at(-1)).step).toBe('goOn');
    await x.step('계속하기', 'noWater', 'tryingFix');
  });

  it('"我的是 essenza mini" after the no-water answer starts the steps for that machine', async () => {
    const x = new Chat(svc, 'zh-TW', 'zh-TW', 'TW');
    const [faq] = await x.say('咖啡機按了都沒有水出來 是壞了嗎');
    expect(support(faq)?.faqId).toBe('tw-no-water');
    const steps = await x.step('我的是 essenza mini', 'noWater', 'tryingFix');
    expect(steps.text).toContain('Essenza Mini');
  });
});

describe('thanks, then a question', () => {
  it('"ok merci c\'est quoi le num du service client" after an answer answers the question, not "glad it helped"', async () => {
    const x = new Chat(svc, 'fr-FR', 'fr', 'FR');
    await x.say('comment résilier mon abonnement ?');
    const [reply] = await x.say("ok merci c'est quoi le num du service client");
    expect(support(reply)?.faqId).toBe('fr-contact');
    expect(reply?.text).toContain('0800 55 52 53');
  });
});

describe('second round: figures and dates as customers write them', () => {
  it.each([
    ['en-FR', 'en', 'I live in France. cancel subscription penalty: 24 months commitment, 3 months in, machine normally 1 099,00 € and I paid 349,90 € with the subscription', /529[.,]30/],
    ['en-FR', 'en', 'cancel subscription penalty: 24 months commitment, 3 months in, machine normally €1,099 and I paid €349.90 with the subscription', /529[.,]30/],
    ['en-FR', 'en', "got a Lattissima One on subscription 24 months, paid 99€ for it, normal price is 279€. I'm 10 months in, what's the penalty?", /124[.,]20/],
    ['fr-FR', 'fr', "j'ai une Lattissima One en abonnement, 24 mois d'engagement, 7 mois écoulés, 279 € sans abo, 99 € avec", /124,20/],
  ] as const)('%s: %s', async (locale, lang, text, amount) => {
    const x = new Chat(svc, locale, lang, 'FR');
    const replies = await x.say(text);
    expect(replies.map((r) => r.text).join('\n')).toMatch(amount);
  });

  it('"I\'ve done 10 months" of 24 is 10 months gone by, not a commitment over', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.step('what is the fee to cancel my machine subscription?', 'cancellationPenalty', 'askingCommitment');
    await x.step('24 months', 'cancellationPenalty', 'askingElapsed');
    await x.step("I've done 10 months", 'cancellationPenalty', 'askingPriceWithout');
  });

  it('a start date said again at the price question is the months, never a price of 2,025', async () => {
    const x = new Chat(svc, 'en-FR', 'en', 'FR');
    await x.step('cancel my machine subscription fee', 'cancellationPenalty', 'askingCommitment');
    await x.step('24 months', 'cancellationPenalty', 'askingElapsed');
    await x.step('5 months', 'cancellationPenalty', 'askingPriceWithout');
    await x.step('€1,099', 'cancellationPenalty', 'askingPriceWith');
    const replies = await x.say('oh sorry I got the months wrong, it started in March 2025');
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/2,025|2 025/);
    expect(dialogOf(replies.at(-1))).toEqual({ dialog: 'cancellationPenalty', step: 'askingPriceWith' });
  });

  it.each([
    ['24년 12월 1일에 산 시티즈', 'KR', 'ko', '2024-12-01'],
    ['24.12.1에 샀어요', 'KR', 'ko', '2024-12-01'],
    ['114年3月5日買的', 'KR', 'zh-TW', '2025-03-05'],
    ['民國114年3月5日', 'TW', 'zh-TW', '2025-03-05'],
  ] as const)('a date as written in Korea and Taiwan: %s → %s', (text, market, lang, date) => {
    expect(parseDate(text, TODAY, market, lang)?.date).toBe(date);
  });

  it('"bought my Citiz on 2022.05.10" is that day, not "about 2022"', async () => {
    const x = new Chat(svc, 'en-KR', 'en', 'KR');
    const replies = await x.say('bought my Citiz on 2022.05.10 from nespresso korea, still under warranty?');
    const said = replies.map((r) => r.text).join('\n');
    expect(said).toMatch(/May 9, 2024/);
    expect(said).not.toMatch(/approximate/);
  });
});

describe('second round: where the customer lives, and asking for a person', () => {
  it.each([
    ['Seoul here. how often should i descale?', 'KR'],
    ['english speaker in Lyon here', 'FR'],
    ['moro em Nice, França. devolvi uma encomenda', 'FR'],
    ['vivo em Bordéus. Subscrição de 12 meses', 'FR'],
    ['프랑스에 사는데요 캡슐 주문하면 배송 며칠 걸려요?', 'FR'],
    ['프랑스 니스 살아요', 'FR'],
  ] as const)('%s → %s', (text, market) => {
    expect(marketFromText(text)).toBe(market);
  });

  it('"I\'m in Lyon, what\'s your phone number?" is answered, the city taken as where the customer is', async () => {
    const x = new Chat(svc, 'en-US', 'en', 'FR');
    const [reply] = await x.say("I'm in Lyon, what's your phone number?");
    expect(reply?.text).toContain('0800 55 52 53');
  });

  it.each([
    ['en-FR', 'ugh. just get me a human'],
    ['pt-PT', 'isto é muito complicado, passe-me a um assistente humano por favor'],
    ['pt-PT', 'quero falar com um funcionário, não com um robô'],
    ['ko-KR', '사람 좀 바꿔주세요'],
    ['ko-KR', '상담원이랑 채팅하고싶어요 봇 말고'],
  ] as const)('%s "%s" is a request for a person', (_locale, text) => {
    expect(command(text)).toBe('agent');
  });
});

/** A Taiwan CitiZ booking in Chinese, walked to the phone question (a 2024 purchase, a receipt, no earlier repair). */
async function taiwanBookingToPhone(): Promise<Chat> {
  const x = new Chat(svc, 'zh-TW', 'zh-TW', 'TW');
  await x.step('我的CitiZ壞了想送修', 'repairBooking', 'askingPurchaseDate');
  await x.say('2024年3月5日');
  await x.say('有');
  await x.say('否');
  await x.step('林美', 'repairBooking', 'askingPhone');
  return x;
}

describe('second round: the booking and its steps', () => {
  it('Taiwan: an address on an outlying island is refused for the collection, with the way on', async () => {
    const x = await taiwanBookingToPhone();
    await x.step('0912 345 678', 'repairBooking', 'askingEmail');
    await x.step('mei@example.tw', 'repairBooking', 'askingAddress');
    const [refused] = await x.say('澎湖縣馬公市中正路10號');
    expect(dialogOf(refused)).toEqual({ dialog: 'repairBooking', step: 'askingAddress' });
    expect(refused?.text).toContain('離島');
    expect(refused?.text).toContain('0809 001 886');
    await x.step('台北市信義路五段7號', 'repairBooking', 'confirming');
  });

  it('"不用租" after a question at the loan-machine step answers that step, and the booking goes on', async () => {
    const x = new Chat(svc, 'zh-KR', 'zh-TW', 'KR');
    await x.say('我住在韓國 我的Pixie壞了想送修');
    await x.say('向韓國 Nespresso 購買');
    await x.say('2023年3月5日');
    await x.say('有');
    await x.say('沒有');
    const rental = await x.say('沒有');
    expect(dialogOf(rental.at(-1)).step).toBe('askingRental');
    const asked = await x.say('先問一下 如果有在30天內註冊保固會多久？');
    expect(dialogOf(asked.at(-1)).step).toBe('goOn');
    await x.step('不用租', 'repairBooking', 'askingName');
  });

  it('"não obrigado. <a question>" ends the step and answers the question', async () => {
    const x = new Chat(svc, 'pt-PT', 'pt', 'PT');
    await x.say('esqueci-me da palavra-passe');
    await x.say('não');
    const replies = await x.say('não obrigado. quanto tempo é que o link de reposição é válido?');
    expect(replies.length).toBeGreaterThan(1);
    expect(dialogOf(replies[0]).dialog).toBe('passwordReset');
    expect(dialogOf(replies.at(-1)).dialog).toBeUndefined();
  });

  it.each(['não sei', 'I want to change my answer to the previous question'])('"%s" is no name', (text) => {
    expect(PersonName.safeParse(text).success).toBe(false);
  });

  it.each(['Maria da Conceição Ferreira dos Santos', 'Sim Soo-jin', 'I Made Wirawan', '林美'])('"%s" is a name', (text) => {
    expect(PersonName.safeParse(text).success).toBe(true);
  });

  it.each([
    ['merci bcp, bonne journée', 'bye'],
    ['obrigadinho', 'thanks'],
    ['cheers mate', 'thanks'],
    ['安安', 'greeting'],
  ] as const)('small talk: %s → %s', (text, kind) => {
    expect(smalltalk(text)).toBe(kind);
  });
});

describe('second round: a phone or a date said again as a correction, without naming it', () => {
  it('"啊打錯 是0912-345-687" at the e-mail question corrects the phone', async () => {
    const x = await taiwanBookingToPhone();
    await x.step('0912-345-678', 'repairBooking', 'askingEmail');
    const [ack, again] = await x.say('啊打錯 是0912-345-687');
    expect(ack?.text).toBe(CATALOGUES['zh-TW']['repair.corrected']);
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
    await x.step('mei@example.tw', 'repairBooking', 'askingAddress');
    const summary = await x.step('台北市信義路五段7號', 'repairBooking', 'confirming');
    expect(summary.text).toContain('0912345687');
  });

  it.each([
    ['zh-TW', 'zh-TW', 'TW', '我的CitiZ壞了想送修', '2024年11月20號買的', '等等 日期講錯 是2024年10月20號'],
    ['pt-PT', 'pt', 'PT', 'quero marcar uma reparação da minha CitiZ', '12/11/2024', 'enganei-me, foi a 11/12/2024'],
  ] as const)('%s: "%s" … "%s" corrects the purchase date', async (locale, lang, market, start, date, fix) => {
    const x = new Chat(svc, locale, lang, market);
    await x.say(start);
    await x.step(date, 'repairBooking', 'askingProof');
    const [ack] = await x.say(fix);
    expect(ack?.text).toBe(CATALOGUES[lang]['repair.corrected']);
  });
});
