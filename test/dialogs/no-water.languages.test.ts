import { describe, expect, it } from 'vitest';
import { MAX_TRIES, noWaterMachine } from '../../dialogs/no-water.machine.js';
import { chat, inputFor } from './helpers.js';

describe('no water in Traditional Chinese', () => {
  it('gives the auto-prime steps in Chinese, counts "還是不行" as a failed try, and ends happily on "出水了"', () => {
    const c = chat(noWaterMachine, { input: inputFor('TW', { model: 'citiz' }, '2025-06-15', 'zh-TW') });
    expect(c.replies[0]!.text).toContain('您的 CitiZ 可能有氣泡');
    expect(c.replies[0]!.text).toContain('按下大杯按鈕');
    expect(c.replies[0]!.choices!.map((x) => x.label)).toEqual(['有，出水了', '沒有，還是不出水']);
    expect(c.say('還是不行')[0]!.text).toMatch(/^這是第 1 次嘗試（共 5 次）/);
    c.say('出水了！');
    expect(c.output).toMatchObject({ outcome: 'completed', reason: 'water flows again' });
    expect(c.replies.at(-1)!.text).toContain('您的 CitiZ 又能正常運作了');
  });
});

describe('no water in Korean', () => {
  it('asks the model in Korean, takes "모르겠어요" as an unlisted model and offers help with the 080 line', () => {
    const c = chat(noWaterMachine, { input: inputFor('KR', {}, '2025-06-15', 'ko') });
    expect(c.replies[0]!.text).toBe('어떤 네스프레소 머신을 쓰고 계세요? 모델에 따라 방법이 달라요.');
    expect(c.replies[0]!.choices!.at(-1)).toEqual({ label: '다른 모델', value: 'another model' });
    expect(c.say('토스터')[0]!.text).toMatch(/^모르는 모델이에요\..*"다른 모델"/);
    const r = c.say('모르겠어요');
    expect(r[0]).toMatchObject({ step: 'offeringHelp' });
    expect(r[0]!.text).toContain('080-734-1111');
    expect(r[0]!.text).toMatch(/Inissia, Essenza Mini.*Creatista\(자동 프라이밍\)와 U.*Prodigio\(슬라이더\)/);
    expect(r[0]!.choices!.map((x) => x.label)).toEqual(['수리 예약', '상담원 연결', '괜찮아요']);
    c.say('수리 예약할게요');
    expect(c.output).toMatchObject({ outcome: 'switch', switchTo: { dialog: 'repairBooking' } });
  });

  it('reads "아니요, 안 나와요" as no and rests the machine 30 minutes after 5 tries', () => {
    const c = chat(noWaterMachine, { input: inputFor('KR', { model: 'prodigio' }, '2025-06-15', 'ko') });
    expect(c.replies[0]!.text).toContain('슬라이더를 여러 번 열었다 닫아 주세요');
    for (let i = 0; i < MAX_TRIES; i++) c.say('아니요, 안 나와요');
    expect(c.step).toBe('resting');
    expect(c.replies.at(-1)!.text).toBe('5번 시도하셨으니 머신을 30분 동안 쉬게 한 뒤 한 번 더 해 보세요. 해 보시고 알려 주세요. 쉬게 한 뒤에 물이 나왔나요?');
  });
});

describe('no water in French', () => {
  it('counts "non, ça n\'a pas marché" as a failed try and never as a yes', () => {
    const c = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie' }, '2025-06-15', 'fr') });
    expect(c.replies[0]!.text).toContain('Appuyez sur le bouton grande tasse');
    const r = c.say("non, ça n'a pas marché");
    expect(r[0]!.text).toMatch(/^C’était l’essai 1 sur 5\./);
    expect(c.context.worked).toBeUndefined();
    expect(c.say('peut-être')[0]!.text).toMatch(/^Dites-moi si l’eau est sortie : oui ou non\./);
    c.say("oui, l'eau coule");
    expect(c.replies.at(-1)!.text).toBe('Bonne nouvelle : la bulle d’air a été évacuée et votre Pixie fonctionne de nouveau. Bon café !');
  });

  it('after the rest, "toujours rien" offers a repair or a person at the free call line', () => {
    const c = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie', tries: 5 }, '2025-06-15', 'fr') });
    expect(c.replies[0]!.text).toMatch(/^Après 5 essais, laissez la machine reposer 30 minutes/);
    const r = c.say('non, toujours rien');
    expect(r[0]!.text).toMatch(/^Je suis désolé que la Pixie ne donne toujours pas d’eau\..*0800 55 52 53/);
    c.say('parler à un conseiller');
    expect(c.output).toMatchObject({ outcome: 'handoff' });
  });
});

describe('no water in European Portuguese', () => {
  it('reads "não resultou" as no and "já sai água" as yes', () => {
    const c = chat(noWaterMachine, { input: inputFor('PT', { model: 'essenza-mini' }, '2025-06-15', 'pt') });
    expect(c.replies[0]!.text).toContain('a sua Essenza Mini pode ter uma bolha de ar');
    expect(c.say('não resultou')[0]!.text).toMatch(/^Essa foi a tentativa 1 de 5\./);
    c.say('sim, já sai água');
    expect(c.output).toMatchObject({ outcome: 'completed' });
    expect(c.replies.at(-1)!.text).toMatch(/^Boas notícias/);
  });

  it('a model without documented steps: says so in Portuguese with 800 260 260', () => {
    const c = chat(noWaterMachine, { input: inputFor('PT', { model: 'vertuo-next' }, '2025-06-15', 'pt') });
    expect(c.replies[0]!.text).toMatch(/não para a Vertuo Next\. A Nespresso pode ajudar através do 800 260 260\./);
    c.say('não, obrigado');
    expect(c.output).toMatchObject({ outcome: 'completed', reason: 'declined further help' });
  });
});

describe('no water: the language survives a persist → restore round trip', () => {
  it('a Korean dialog restored from storage keeps reading and writing Korean', () => {
    const c = chat(noWaterMachine, { input: inputFor('KR', { model: 'citiz' }, '2025-06-15', 'ko') });
    c.say('아니요');
    const saved = c.persisted();
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
    const again = chat(noWaterMachine, { snapshot: saved, lang: 'ko' });
    expect(again.context).toMatchObject({ lang: 'ko', tries: 1 });
    expect(again.say('아직도 안 나와요')[0]!.text).toMatch(/^5번 중 2번째 시도였어요\./);
  });
});
