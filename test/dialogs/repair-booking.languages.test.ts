/** The repair booking in each customer language: natural answers typed in that language, replies read in it. */
import { describe, expect, it } from 'vitest';
import { chat, inputFor, steps, texts } from './helpers.js';
import { fakeStore } from './repair-fakes.js';

const TODAY = '2025-06-15';

describe('repair booking in Korean', () => {
  it('reads a Hangul model name, relative dates and a natural no, and prices the repair in won', async () => {
    const store = fakeStore();
    const c = chat(store.machine, { input: inputFor('KR', {}, TODAY, 'ko') });
    expect(c.replies[0]!.text).toMatch(/어떤 네스프레소 기기를 수리해야 하나요/);
    expect(c.say('시티즈예요')[0]!.text).toMatch(/CitiZ를 네스프레소 코리아에서 구매하셨나요/);
    expect(c.replies.at(-1)!.choices!.map((x) => x.label)).toEqual(['네스프레소 코리아', '해외 구매']);
    c.say('한국에서 샀어요');
    expect(c.context.overseas).toBe(false);
    c.say('2021년 1월 10일에 샀어요');
    expect(c.context).toMatchObject({ purchaseDate: '2021-01-10', purchasePrecision: 'day' });
    c.say('네, 있어요');
    expect(c.step).toBe('askingLastRepair');
    const terms = c.say('아니요, 수리한 적 없어요');
    expect(steps(terms)).toEqual(['reportingTerms', 'askingRental']);
    expect(terms[0]!.text).toMatch(/CitiZ의 보증 기간은 2023년 1월 9일에 끝났어요/);
    expect(terms[0]!.text).toMatch(/2022년 8월 23일 이전에 구매한 가정용 기기: 24개월/);
    expect(terms[0]!.text).toMatch(/C\(권장 소비자 가격 200,000원 이상\) 그룹으로 40,000원이에요/);
    expect(terms[0]!.text).toMatch(/대여 기기\(5,000원\)/);
    expect(terms[0]!.text).toMatch(/배송비 10,000원/);
    c.say('아니요, 필요 없어요');
    expect(c.context.rental).toBe(false);
    for (const a of ['제 이름은 김민준입니다', '010-1234-5678', '제 이메일은 kim@example.com 이에요', '서울시 중구 세종대로 12']) c.say(a);
    const summary = c.replies.at(-1)!;
    expect(summary.step).toBe('confirming');
    expect(summary.text).toContain('• 구매일: 2021년 1월 10일, 구매 증빙: 예');
    expect(summary.text).toContain('• 비용: 35,000원(대여 기기 제외), 선결제');
    expect(summary.text).toContain('• 이름: 김민준');
    expect(summary.choices!.map((x) => x.label)).toEqual(['확인', '수정하기', '예약 취소']);
    // A correction typed in Korean goes straight to that field.
    expect(steps(c.say('전화번호가 틀렸어요'))).toEqual(['askingPhone']);
    expect(c.say('010 9876 5432')[0]!.text).toContain('• 전화번호: 01098765432');
    const done = await c.sayAndSettle('네');
    expect(texts(done)).toMatch(/수리 예약이 저장되었어요\. 예약 번호는 R-7KQ2ZD예요/);
    expect(store.saved[0]).toMatchObject({ phone: '01098765432', address: '서울시 중구 세종대로 12', rental: false });
  });

  it('takes "작년 3월" and "2년 전", and treats "모르겠어요" as not knowing, not as a bad yes/no', () => {
    const c = chat(fakeStore().machine, { input: inputFor('KR', { model: 'pixie', overseas: false }, TODAY, 'ko') });
    c.say('작년 3월에 샀어요');
    expect(c.context).toMatchObject({ purchaseDate: '2024-03-01', purchasePrecision: 'month' });
    expect(c.say('잘 모르겠어요')[0]!.text).toMatch(/^확실하지 않아도 괜찮아요/);
    c.say('아니요, 영수증이 없어요');
    expect(c.context.hasProof).toBe(false);
    c.say('모르겠어요');
    expect(c.context.manufacturingUnknown).toBe(true);

    const ago = chat(fakeStore().machine, { input: inputFor('KR', { model: 'pixie', overseas: false }, TODAY, 'ko') });
    ago.say('2년 전쯤이요');
    expect(ago.context).toMatchObject({ purchaseDate: '2023-06-15', purchasePrecision: 'ago' });
  });
});

describe('repair booking in French', () => {
  it("reads « non, elle n'est pas enregistrée », a date inside a sentence, and answers in French with French dates", () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'vertuo-next' }, TODAY, 'fr') });
    expect(c.replies[0]!.text).toMatch(/Quand avez-vous acheté votre Vertuo Next \?/);
    c.say("je l'ai achetée le 1er septembre 2024");
    expect(c.context).toMatchObject({ purchaseDate: '2024-09-01', purchasePrecision: 'day' });
    c.say("oui, j'ai la facture");
    expect(c.context.hasProof).toBe(true);
    expect(c.say("non, elle n'est pas enregistrée")[0]).toMatchObject({ step: 'awaitingRegistration' });
    expect(c.replies.at(-1)!.choices!.map((x) => x.label)).toEqual(["C'est enregistré", 'Parler à quelqu’un', 'Arrêter ici']);
    c.say("voilà, c'est fait");
    const r = c.say('non');
    expect(r[0]!.text).toMatch(/Votre Vertuo Next est sous garantie jusqu'au 31 août 2026\..*2 ans/s);
    expect(r[1]!.text).toMatch(/Depuis le 1er juillet 2025.*garantie de 6 mois sur la réparation.*garanti 2 ans \(sous réserve de disponibilité\)/);
    c.say("je préfère l'échange");
    expect(c.context.serviceOption).toBe('refurbished');
    for (const a of ["Je m'appelle Jean Dupont", 'mon numéro est le 06 12 34 56 78', 'jean@exemple.fr', '10 rue de Rivoli, Paris']) c.say(a);
    const summary = c.replies.at(-1)!.text;
    expect(summary).toContain('• Option : Échange contre un reconditionné');
    expect(summary).toContain('• Téléphone : 0612345678');
    expect(summary).toContain('• Adresse : 10 rue de Rivoli, Paris');
    // "ça n'a pas marché"-style negation wins; a typed correction names the field.
    expect(steps(c.say("non, l'adresse n'est pas bonne"))).toEqual(['askingAddress']);
  });

  it('re-prompts in French with the reason, and reads "il y a 8 mois"', () => {
    const c = chat(fakeStore().machine, { input: inputFor('FR', { model: 'citiz' }, TODAY, 'fr') });
    expect(c.say("l'année prochaine")[0]!.text).toMatch(/ne peut pas être dans le futur \(nous sommes le 15 juin 2025\)/);
    c.say('il y a 8 mois');
    expect(c.context).toMatchObject({ purchaseDate: '2024-10-15', purchasePrecision: 'ago' });
    expect(c.say('peut-être')[0]!.text).toMatch(/^Veuillez répondre par oui ou par non : avez-vous le ticket de caisse ou la facture \?/);
  });
});

describe('repair booking in Traditional Chinese', () => {
  it('reads 三個月前, 沒有, a Chinese address, and answers in zh-TW with the Taiwan terms', () => {
    const c = chat(fakeStore().machine, { input: inputFor('TW', { model: 'pixie' }, TODAY, 'zh-TW') });
    c.say('大概三個月前買的');
    expect(c.context).toMatchObject({ purchaseDate: '2025-03-15', purchasePrecision: 'ago' });
    c.say('有，我有發票');
    expect(c.replies.at(-1)!.text).toMatch(/Nespresso 以前維修過這台 Pixie 嗎？維修後，維修過的零件保固為原保固剩餘期間或 6 個月，以較長者為準/);
    const terms = c.say('沒有')[0]!.text;
    expect(terms).toMatch(/在台灣，Nespresso 咖啡機專員會先透過電話 0809 001 886/);
    expect(terms).toMatch(/在 5–7 個工作天內完成維修/);
    expect(terms).toMatch(/原保固剩餘期間或 6 個月，以較長者為準/);
    expect(c.say('請問維修要多久？')[0]!.text).toMatch(/^這聽起來像是一個問題/);
    for (const a of ['我叫陳美', '電話是 0912-345-678', 'chen@example.tw', '台北市信義路五段7號']) c.say(a);
    const summary = c.replies.at(-1)!.text;
    expect(summary).toContain('• 購買日期：2025年3月15日（大約）；購買證明：是');
    expect(summary).toContain('• 電話：0912345678');
    expect(summary).toContain('• 地址：台北市信義路五段7號');
    expect(steps(c.say('地址要改'))).toEqual(['askingAddress']);
    expect(c.say('台北')[0]!.text).toMatch(/這個地址看起來太短/);
  });

  it('reads 去年三月 and a price of NT$ as not euros', () => {
    const c = chat(fakeStore().machine, { input: inputFor('TW', { model: 'citiz' }, TODAY, 'zh-TW') });
    c.say('去年三月');
    expect(c.context).toMatchObject({ purchaseDate: '2024-03-01', purchasePrecision: 'month' });
  });
});

describe('repair booking in Portuguese', () => {
  it('reads "há 8 meses", "não tenho", a Lisbon address without postcode, and answers in European Portuguese', async () => {
    const store = fakeStore('R-ABC123');
    const c = chat(store.machine, { input: inputFor('PT', { model: 'essenza-mini' }, TODAY, 'pt') });
    expect(c.replies[0]!.text).toMatch(/Quando comprou a sua Essenza Mini\?/);
    c.say('comprei-a há 8 meses');
    expect(c.context).toMatchObject({ purchaseDate: '2024-10-15', purchasePrecision: 'ago' });
    const terms = c.say('não tenho, perdi o talão');
    expect(c.context.hasProof).toBe(false);
    expect(terms[0]!.text).toMatch(/garantidas pelo fabricante da máquina nos termos da documentação original do produto/);
    expect(terms[0]!.text).toMatch(/por telefone através do 800 260 260/);
    for (const a of ['Chamo-me Ana Silva', 'o meu número é 912 345 678', 'ana@example.pt', 'Rua Augusta 10, Lisboa']) c.say(a);
    const summary = c.replies.at(-1)!.text;
    expect(summary).toContain('• Data de compra: 15 de outubro de 2024 (aproximada); prova de compra: não');
    expect(summary).toContain('• Nome: Ana Silva');
    expect(summary).toContain('• Morada: Rua Augusta 10, Lisboa');
    expect(steps(c.say('o e-mail está errado'))).toEqual(['askingEmail']);
    c.say('ana.silva@example.pt');
    const done = await c.sayAndSettle('Confirmar');
    expect(texts(done)).toMatch(/A sua referência é R-ABC123/);
    expect(store.saved[0]).toMatchObject({ email: 'ana.silva@example.pt', phone: '912345678' });
  });

  it('refuses a phone number that is not Portuguese, in Portuguese', () => {
    const c = chat(fakeStore().machine, { input: inputFor('PT', { model: 'citiz', purchaseDate: '2024-01-10', hasProof: true, name: 'Ana' }, TODAY, 'pt') });
    c.say('Ana Silva');
    expect(c.say('12345')[0]!.text).toMatch(/^Isso não parece um número de telefone\. Escreva-o só com os algarismos, por exemplo 912 345 678\./);
  });
});
