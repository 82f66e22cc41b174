/**
 * Conversation repair inside a guided task (issue 16), in each of the five languages through the real
 * service: the re-prompt ladder, "I don't know", corrections at any step (also at "Change something"),
 * a question or small talk in the middle of a task, and an agent handing back before an old task resumes.
 */
import { resolveKoreanParticles } from '../../src/language/korean-particles.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey } from '../../src/language/catalog/index.js';
import { agent, choices, dialogOf, sentSince, startAtToday, support, type TestService } from './support.js';
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
  market: string;
  dontKnow: string;
  lost: string;
  whatIsThat: string;
  modelFix: string;
  /** Denies the machine just given and names another: the one named as it is wins. */
  modelDeny: string;
  thanks: string;
  question: string;
  /** A question our documents do not answer. */
  offTopic: string;
  /** From the start of a booking for a CitiZ to the email step. */
  toEmail: string[];
  email: string;
  address: string;
  phoneSaid: (p: string) => string;
  phoneWrong: (p: string) => string;
  phones: [string, string];
}

const CASES: Case[] = [
  {
    lang: 'en',
    locale: 'en-KR',
    market: 'KR',
    dontKnow: "I'm not sure",
    lost: 'I lost it',
    whatIsThat: 'what is that?',
    modelFix: "actually it's an Essenza Mini",
    modelDeny: "no wait, not the Essenza Mini, it's a CitiZ",
    thanks: 'thanks',
    question: 'how long is the warranty on a household machine?',
    offTopic: 'will it rain in Seoul tomorrow?',
    toEmail: ['I want to get my CitiZ repaired', 'I bought it from Nespresso Korea', 'I bought it in March last year', 'yes, I kept the receipt', 'no, I never registered it', 'Kim Minji', '010-1234-5678'],
    email: 'minji@example.kr',
    address: '12 Sejong-daero, Jung-gu, Seoul',
    phoneSaid: (p) => `my phone is ${p}`,
    phoneWrong: (p) => `the phone number is wrong, it should be ${p}`,
    phones: ['010-9876-5432', '010-5555-4444'],
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    market: 'FR',
    dontKnow: 'je ne sais pas',
    lost: "je l'ai perdue",
    whatIsThat: "c'est quoi ?",
    modelFix: "en fait c'est une Essenza Mini",
    modelDeny: "pardon, ce n'est pas une Essenza Mini mais une CitiZ",
    thanks: 'merci',
    question: 'quels sont les horaires du service client ?',
    offTopic: 'il va pleuvoir à Paris demain ?',
    toEmail: ['je voudrais faire réparer ma CitiZ', "je l'ai achetée le 10 septembre 2024", "oui, j'ai la facture", 'oui', 'non', 'Réparation', 'Jean Dupont', '06 12 34 56 78'],
    email: 'jean@example.fr',
    address: '10 rue de Rivoli, 75001 Paris',
    phoneSaid: (p) => `mon téléphone c'est le ${p}`,
    phoneWrong: (p) => `le numéro de téléphone est faux, c'est le ${p}`,
    phones: ['06 98 76 54 32', '07 11 22 33 44'],
  },
  {
    lang: 'ko',
    locale: 'ko-KR',
    market: 'KR',
    dontKnow: '모르겠어요',
    lost: '잃어버렸어요',
    whatIsThat: '그게 뭐예요?',
    modelFix: '아, 사실 에센자 미니예요',
    modelDeny: '에센자 미니가 아니라 시티즈예요',
    thanks: '감사합니다',
    question: '보증 기간 언제까지예요',
    offTopic: '내일 서울에 비 와요?',
    toEmail: ['시티즈 수리 예약하고 싶어요', '네스프레소 코리아에서 샀어요', '작년 3월에 샀어요', '네, 영수증 있어요', '아니요', '아니요, 수리한 적 없어요', '아니요, 필요 없어요', '김민지', '010-1234-5678'],
    email: 'minji@example.kr',
    address: '서울시 중구 세종대로 12',
    phoneSaid: (p) => `제 전화번호는 ${p}이에요`,
    phoneWrong: (p) => `전화번호가 틀렸어요, ${p}가 맞아요`,
    phones: ['010-9876-5432', '010-5555-4444'],
  },
  {
    lang: 'pt',
    locale: 'pt-PT',
    market: 'PT',
    dontKnow: 'não sei',
    lost: 'perdi-a',
    whatIsThat: 'o que é isso?',
    modelFix: 'afinal é uma Essenza Mini',
    modelDeny: 'desculpe, não é uma Essenza Mini, é uma CitiZ',
    thanks: 'obrigado',
    question: 'Que termos e condições se aplicam à minha encomenda online?',
    offTopic: 'vai chover em Lisboa amanhã?',
    toEmail: ['quero marcar uma reparação da minha CitiZ', 'comprei-a em março do ano passado', 'sim, tenho a fatura', 'Maria Silva', '912 345 678'],
    email: 'maria@example.pt',
    address: 'Rua Augusta 10, 1100-053 Lisboa',
    phoneSaid: (p) => `o meu telefone é ${p}`,
    phoneWrong: (p) => `o número de telefone está errado, é o ${p}`,
    phones: ['913 222 333', '936 444 555'],
  },
  {
    lang: 'zh-TW',
    locale: 'zh-TW',
    market: 'TW',
    dontKnow: '不知道',
    lost: '弄丟了',
    whatIsThat: '那是什麼？',
    modelFix: '其實是 Essenza Mini',
    modelDeny: '不好意思，不是 Essenza Mini，是 CitiZ',
    thanks: '謝謝',
    question: '最近有什麼優惠活動嗎',
    offTopic: '明天台北會下雨嗎？',
    toEmail: ['我的 CitiZ 壞了，想預約維修', '我是2024年3月5日在門市買的', '有，我有發票', '沒有', '林美', '0912 345 678'],
    email: 'mei@example.tw',
    address: '台北市信義路五段7號',
    phoneSaid: (p) => `我的電話是 ${p}`,
    phoneWrong: (p) => `電話號碼錯了，應該是 ${p}`,
    phones: ['0987 654 321', '0933 111 222'],
  },
];

const digits = (p: string) => p.replace(/\D/g, '');

describe.each(CASES)('conversation repair in $lang ($market)', (c) => {
  const words = (key: MessageKey) => CATALOGUES[c.lang][key];
  // The renderer writes the Korean particle the word before it takes ("{model}와(과)" → "CitiZ와").
  const rendered = (text: string) => (c.lang === 'ko' ? resolveKoreanParticles(text) : text);
  const chat = () => new Chat(svc, c.locale, c.lang, c.market);

  it('re-prompt ladder: the step re-prompt, then a simpler question, then a person offered; "Keep going" asks again', async () => {
    const x = chat();
    const ask = await x.step('task:repairBooking', 'repairBooking', 'askingModel');

    const [first] = await x.say('blorp');
    expect(dialogOf(first)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
    expect(first?.text).toContain(words('rb.unknownModel'));

    const [second] = await x.say('blorp');
    expect(second?.text).toBe(words('repair.simple.model'));
    expect(dialogOf(second)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });

    const [third] = await x.say('blorp');
    expect(third?.text).toBe(words('repair.offerPerson'));
    expect(choices(third)).toEqual([words('label.person'), words('repair.label.keepGoing'), words('repair.label.stop')]);

    const [again] = await x.say('continue');
    expect(again?.text).toBe(ask.text);
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
  });

  it('a step with choices: the second miss shows them as buttons', async () => {
    const x = chat();
    await x.step('task:repairBooking', 'repairBooking', 'askingModel');
    await x.say('Pixie');
    if (c.market === 'KR') await x.step('2', 'repairBooking', 'askingPurchaseDate'); // overseas or not: the second button
    await x.step('2025-01-20', 'repairBooking', 'askingProof');
    const [first] = await x.say('blorp');
    const [second] = await x.say('blorp');
    expect(second?.text).not.toBe(first?.text);
    expect(second?.text).toBe(words('repair.pick'));
    expect(choices(second)).toEqual([words('label.yes'), words('label.no')]);
    // "I lost it": what proof of purchase is, and the way on without it.
    const [lost] = await x.say(c.lost);
    expect(lost?.text).toBe(`${words('repair.help.proof')}\n\n${words('repair.wayForward')}`);
    expect(choices(lost)).toEqual([words('label.yes'), words('label.no'), words('label.person'), words('repair.label.stop')]);
    const [what] = await x.say(c.whatIsThat);
    expect(what?.text).toBe(lost?.text);
    // "No" (the way on without it) is taken: the booking moves to its next step.
    const [on] = await x.say('no');
    expect(dialogOf(on).dialog).toBe('repairBooking');
    expect(dialogOf(on).step).not.toBe('askingProof');
  });

  it('"I don\'t know" explains the step and offers a way forward; a correction ("actually it\'s an Essenza Mini") goes on from there', async () => {
    const x = chat();
    await x.step('task:repairBooking', 'repairBooking', 'askingModel');
    const [help] = await x.say(c.dontKnow);
    expect(help?.text).toBe(`${words('repair.help.model')}\n\n${words('repair.wayForward')}`);
    expect(choices(help)).toEqual([words('label.person'), words('repair.label.stop')]);
    expect(dialogOf(help)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });

    const [next] = await x.say('Pixie');
    const step = dialogOf(next);
    expect(next?.text).toContain('Pixie');
    const replies = await x.say(c.modelFix);
    expect(replies[0]?.text).toBe(words('repair.corrected'));
    expect(dialogOf(replies.at(-1))).toEqual(step);
    expect(replies.at(-1)?.text).toContain('Essenza Mini');

    const denied = await x.say(c.modelDeny);
    expect(denied[0]?.text).toBe(words('repair.corrected'));
    expect(dialogOf(denied.at(-1))).toEqual(step);
    expect(denied.at(-1)?.text).toContain('CitiZ');
    expect(denied.at(-1)?.text).not.toContain('Essenza Mini');
  });

  it('"my phone is …" at another step, and at "Change something" a sentence with the new number, change the phone; the next booking asks "the same CitiZ?"', async () => {
    const x = chat();
    const script = [...c.toEmail];
    const last = script.pop()!;
    for (const line of script) await x.say(line);
    await x.step(last, 'repairBooking', 'askingEmail');

    const [ack, email] = await x.say(c.phoneSaid(c.phones[0]));
    expect(ack?.text).toBe(words('repair.corrected'));
    expect(dialogOf(email)).toEqual({ dialog: 'repairBooking', step: 'askingEmail' });
    await x.step(c.email, 'repairBooking', 'askingAddress');
    const summary = await x.step(c.address, 'repairBooking', 'confirming');
    expect(summary.text).toContain(digits(c.phones[0]));

    await x.step('change', 'repairBooking', 'askingField');
    const [ack2, summary2] = await x.say(c.phoneWrong(c.phones[1]));
    expect(ack2?.text).toBe(words('repair.corrected'));
    expect(dialogOf(summary2)).toEqual({ dialog: 'repairBooking', step: 'confirming' });
    expect(summary2?.text).toContain(digits(c.phones[1]));
    expect(summary2?.text).not.toContain(digits(c.phones[0]));

    // The booking done, a new one that names no machine asks whether it is the same CitiZ.
    await x.step('confirm', 'repairBooking', 'done');
    const same = await x.step('task:repairBooking', 'repairBooking', 'askingSameMachine');
    expect(same.text).toBe(rendered(words('repair.sameMachine').replace('{model}', 'CitiZ')));
    expect(choices(same)).toEqual([words('repair.label.sameMachine'), words('repair.label.otherMachine')]);
    const next = await x.step('same-machine', 'repairBooking', c.market === 'KR' ? 'askingOrigin' : 'askingPurchaseDate');
    expect(next.text).toContain('CitiZ');
    await x.say('cmd:cancel');
    await x.step('task:repairBooking', 'repairBooking', 'askingSameMachine');
    await x.step('other-machine', 'repairBooking', 'askingModel');
  });

  it('a question mid-task is answered, then "shall we go on?"; small talk keeps the step', async () => {
    const x = chat();
    const ask = await x.step('task:repairBooking', 'repairBooking', 'askingModel');
    const [answer, goOn] = await x.say(c.question);
    expect(support(answer)?.kind).toBe('faq');
    expect(goOn?.text).toBe(rendered(words('repair.goOn').replace('{task}', words('repair.task.repairBooking'))));
    expect(choices(goOn)).toEqual([words('repair.label.continue'), words('repair.label.stop')]);
    const [again] = await x.say('continue');
    expect(again?.text).toBe(ask.text);

    // A question the documents do not answer is a digression too: said so, then "shall we go on?", not a re-prompt.
    const [notSure, goOn2] = await x.say(c.offTopic);
    expect(support(notSure)?.kind, notSure?.text).toBe('fallback');
    expect(goOn2?.text).toBe(rendered(words('repair.goOn').replace('{task}', words('repair.task.repairBooking'))));
    expect(choices(goOn2)).toEqual(expect.arrayContaining([words('repair.label.continue'), words('repair.label.stop')]));
    const [again2] = await x.say('continue');
    expect(again2?.text).toBe(ask.text);

    const [thanks, step] = await x.say(c.thanks);
    expect(support(thanks)?.kind).toBe('smalltalk');
    expect(step?.text).toBe(ask.text);
    await x.step('Pixie', 'repairBooking', c.market === 'KR' ? 'askingOrigin' : 'askingPurchaseDate');
  });

  it('after an agent hands back, the bot asks before going on with the unfinished task', async () => {
    const x = chat();
    const ask = await x.step('task:repairBooking', 'repairBooking', 'askingModel');
    const [queued] = await x.say('cmd:agent');
    expect(support(queued)?.kind).toBe('handoff');
    const desk = agent(svc);
    expect((await desk.accept(x.customer)).status).toBe(200);
    const from = svc.channel.forConversation(x.customer.id).length;
    expect((await desk.end(x.customer)).status).toBe(200);
    const back = sentSince(svc, x.customer, from);
    expect(back.map((a) => a.text)).toEqual([rendered(words('repair.backGoOn').replace('{task}', words('repair.task.repairBooking')))]);
    expect(choices(back[0])).toEqual([words('repair.label.continue'), words('repair.label.stop')]);

    const [again] = await x.say('continue');
    expect(again?.text).toBe(ask.text);
    expect(dialogOf(again)).toEqual({ dialog: 'repairBooking', step: 'askingModel' });
  });
});
