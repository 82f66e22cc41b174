/**
 * No water through the real service: the model (asked unless given), auto-prime or slider steps, tries
 * counted to five, a 30-minute rest, then a repair booking (model already known) or a person.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { agent, choices, Customer, dialogOf, sameCustomer, startAtToday, storeDialogFromOtherVersion, support, type TestService } from './support.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startAtToday();
});
afterEach(async () => {
  await svc.close();
});

describe('no water', () => {
  it('"my prodigio gives no water" skips the model question: slider steps, then fixed', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [steps] = await c.say('my prodigio gives no water');
    expect(dialogOf(steps)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(steps?.text).toMatch(/^When no water comes out of the spout, your Prodigio may have an air bubble/);
    expect(steps?.text).toContain('Open and close the slider a few times.');
    expect(steps?.text).not.toContain('large cup button');
    expect(choices(steps)).toEqual(['Yes, water flows', 'No, still nothing']);

    const [fixed] = await c.say('Yes, water flows');
    expect(dialogOf(fixed)).toEqual({ dialog: 'noWater', step: 'resolved' });
    expect(fixed?.text).toBe('Good news: the air bubble has been released and your Prodigio is working again. Enjoy your coffee!');
  });

  it('asks the model when it is not known; an unknown model is asked again with the list; CitiZ gets auto-prime steps', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [model] = await c.say('no water comes out of my machine');
    expect(dialogOf(model)).toEqual({ dialog: 'noWater', step: 'askingModel' });
    expect(model?.text).toBe('Which Nespresso machine do you have? The steps depend on the model.');
    expect(choices(model)).toEqual(expect.arrayContaining(['Inissia', 'CitiZ', 'Prodigio', 'Another model']));

    const [again] = await c.say('my toaster');
    expect(dialogOf(again)).toEqual({ dialog: 'noWater', step: 'askingModel' });
    expect(again?.text).toMatch(/^I do not know that model\. Please pick it from the list, type its name as written on the machine, or choose "Another model"\./);
    expect(choices(again)).toContain('Another model');

    const [steps] = await c.say('CitiZ');
    expect(dialogOf(steps)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(steps?.text).toContain('1. Fill the water tank.\n2. Eject any capsule from the chamber.\n3. Close the coffee lever.\n4. Press the large cup button');
  });

  it('"maybe" is not an answer: asks yes or no again, without counting a try', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('my pixie gives no water');

    const [again] = await c.say('maybe');
    expect(dialogOf(again)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(again?.text).toMatch(/^Please tell me whether water came out: yes or no\.\n\nWhen no water comes out/);

    const [next] = await c.say('no');
    expect(next?.text).toMatch(/^That was try 1 of 5\. Please try once more:/);
  });

  it('after 5 tries: rest 30 minutes; still nothing → repair booking for the same model, without asking it again', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('my citiz gives no water');
    for (const n of [1, 2, 3, 4]) {
      const [again] = await c.say('No, still nothing');
      expect(again?.text).toMatch(new RegExp(`^That was try ${n} of 5\\.`));
    }

    const [rest] = await c.say('No, still nothing');
    expect(dialogOf(rest)).toEqual({ dialog: 'noWater', step: 'resting' });
    expect(rest?.text).toMatch(/^After 5 tries, please let the machine rest for 30 minutes, then try once more\./);

    const [offer] = await c.say('no');
    expect(dialogOf(offer)).toEqual({ dialog: 'noWater', step: 'offeringHelp' });
    expect(offer?.text).toBe(
      'I am sorry the CitiZ still gives no water. I can start a repair booking for it, or put you through to a person. You can also call Nespresso on 0809 001 886 (toll-free, 08:00–22:00).',
    );
    expect(choices(offer)).toEqual(['Book a repair', 'Talk to a person', 'No, thanks']);

    const [date] = await c.say('Book a repair');
    expect(dialogOf(date)).toEqual({ dialog: 'repairBooking', step: 'askingPurchaseDate' });
    expect(date?.text).toMatch(/^When did you buy your CitiZ\?/);
  });

  it('"I tried 5 times" in the first message goes straight to the rest', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [rest] = await c.say('my essenza mini gives no water, I tried 5 times');
    expect(dialogOf(rest)).toEqual({ dialog: 'noWater', step: 'resting' });
    expect(rest?.text).toMatch(/rest for 30 minutes/);
  });

  it('a model without documented steps: says so, gives the contact, offers a repair or a person', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });
    await c.say('no water comes out of my machine');

    const [offer] = await c.say('Another model');
    expect(dialogOf(offer)).toEqual({ dialog: 'noWater', step: 'offeringHelp' });
    expect(offer?.text).toMatch(/^My documents only describe this fix for Inissia, .* and U and Prodigio \(slider\)\. Nespresso can help on 080-734-1111/);

    const [person] = await c.say('Talk to a person');
    expect(support(person)).toMatchObject({ kind: 'handoff', market: 'KR' });
    expect(person?.text).toMatch(/^I'm connecting you with a person from our support team\./);
  });

  it('a FAQ question mid-dialog is answered, then "shall we go on?"; "continue" asks the same step again', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });
    await c.say('my pixie gives no water');
    await c.say('no');

    const [answer, prompt] = await c.say('how long do I have to wait for my refund after returning an order?');
    expect(support(answer)).toMatchObject({ kind: 'faq', market: 'FR', faqId: 'fr-refund-returned-order' });
    expect(answer?.text).toMatch(/refund is automatically made within 14 days/);
    expect(prompt?.text).toBe('Shall we go on with the no-water steps?');
    const [again] = await c.say('continue');
    expect(dialogOf(again)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(again?.text).toMatch(/^That was try 1 of 5\./);

    const [next] = await c.say('no');
    expect(next?.text).toMatch(/^That was try 2 of 5\./);
  });

  it('"cancel" mid-dialog stops it; "no" afterwards is not counted as a try', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('my citiz gives no water');

    const [stopped] = await c.say('cancel');
    expect(stopped?.text).toBe('OK, I stopped that task. What else can I help with?');
    const [after] = await c.say('no');
    expect(after?.text).not.toMatch(/try 1 of 5/);
    expect(support(after)?.dialog).toBeUndefined();
  });

  it('"talk to a person" mid-dialog: queued, and the agent sees the model and the tries so far', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('my citiz gives no water');
    await c.say('no');

    const [queued] = await c.say('I want to talk to a person');
    expect(support(queued)).toMatchObject({ kind: 'handoff', market: 'TW' });
    expect(queued?.text).toMatch(/^I'm connecting you with a person from our support team\. You're next in the queue\./);
    const seen = await agent(svc).handoffOf(c);
    expect(seen.body.handoff.packet.dialog).toMatchObject({ machine: 'noWater', step: 'tryingFix', slots: { model: 'CitiZ', tries: 1 } });
  });

  it('after leaving the queue, a task picked from the menu starts that task', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('my citiz gives no water');
    await c.say('talk to a person');

    const [back] = await c.say('cancel');
    expect(back?.text).toMatch(/^OK, you've left the queue\. You're back with the assistant/);
    expect(choices(back)).toContain('Reset my password');

    const [reset] = await c.say('start password reset');
    expect(dialogOf(reset)).toEqual({ dialog: 'passwordReset', step: 'askingSituation' });
  });

  it('a restart of the process mid-dialog resumes with the tries counted so far', async () => {
    const storage = new MemoryStorage();
    const first = await startAtToday(storage);
    const c = new Customer(first, { locale: 'en-TW' });
    await c.say('my prodigio gives no water');
    await c.say('no');
    const [second2] = await c.say('no');
    expect(second2?.text).toMatch(/^That was try 2 of 5\./);
    await first.close();

    const second = await startAtToday(storage);
    try {
      const [third] = await sameCustomer(c, second, 'en-TW').say('no');
      expect(dialogOf(third)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
      expect(third?.text).toMatch(/^That was try 3 of 5\. Please try once more:\nOpen and close the slider/);
    } finally {
      await second.close();
    }
  });

  it('a dialog saved by another version restarts politely: the model is asked again', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('no water comes out of my machine');
    await storeDialogFromOtherVersion(svc, c);

    const [sorry, ask] = await c.say('CitiZ');
    expect(sorry?.text).toMatch(/^Sorry, I lost track of where we were in this conversation/);
    expect(dialogOf(ask)).toEqual({ dialog: 'noWater', step: 'askingModel' });
  });
});

/**
 * A warranty question in the middle of the no-water steps: the warranty result for `resultMachine`, then "shall we go
 * on?"; `goOn` brings back the steps for `stepsMachine`.
 */
async function warrantyThenGoOn(c: Customer, question: string, resultMachine: string, goOn: string, stepsMachine: string): Promise<void> {
  const [result, askGoOn] = await c.say(question);
  expect(support(result)).toMatchObject({ kind: 'dialog', task: 'warranty' });
  expect(result?.text).toContain(resultMachine);
  expect(dialogOf(askGoOn)).toEqual({ dialog: 'noWater', step: 'goOn' });

  const [again] = await c.say(goOn);
  expect(dialogOf(again)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
  expect(again?.text).toContain(stepsMachine);
}

describe('a question that names a machine, in the middle of the no-water steps', () => {
  it.each([
    { locale: 'ko-KR', start: '에센자 미니에서 물이 한 방울도 안 나와요', question: '산 지 1년 반 된 시티즈예요. 보증 아직 되나요?', fix: '아 사실 시티즈예요', goOn: '계속하기' },
    { locale: 'en-KR', start: 'my essenza mini gives no water', question: 'It is a CitiZ I bought 18 months ago. Is it still under warranty?', fix: "actually it's a CitiZ", goOn: 'Continue' },
    { locale: 'fr-FR', start: "mon essenza mini ne donne plus d'eau", question: "C'est une CitiZ achetée il y a 18 mois. Est-elle encore sous garantie ?", fix: "en fait c'est une CitiZ", goOn: 'Continuer' },
  ])('$locale: is a digression answered with the warranty decision, not a switch of machine; a correction still switches', async ({ locale, start, question, fix, goOn }) => {
    const c = new Customer(svc, { locale });
    const [steps] = await c.say(start);
    expect(dialogOf(steps)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(steps?.text).toContain('Essenza Mini');

    await warrantyThenGoOn(c, question, 'CitiZ', goOn, 'Essenza Mini');

    const [switched] = await c.say(fix);
    expect(dialogOf(switched)).toEqual({ dialog: 'noWater', step: 'tryingFix' });
    expect(switched?.text).toContain('CitiZ');
  });
});

describe('a warranty question that names no machine, in the middle of the no-water steps', () => {
  it.each([
    { locale: 'en-KR', start: 'my citiz gives no water, help me', question: 'I bought it 8 months ago in Seoul, is it still under warranty?', goOn: 'Continue' },
    { locale: 'ko-KR', start: '시티즈에서 물이 안 나와요 도와주세요', question: '서울에서 8개월 전에 샀는데 보증 아직 되나요?', goOn: '계속하기' },
    { locale: 'fr-FR', start: "ma citiz ne donne plus d'eau, aidez-moi", question: "Je l'ai achetée il y a 8 mois, est-elle encore sous garantie ?", goOn: 'Continuer' },
  ])('$locale: is decided for the machine of the steps, then the steps go on', async ({ locale, start, question, goOn }) => {
    const c = new Customer(svc, { locale });
    const [steps] = await c.say(start);
    expect(dialogOf(steps)).toEqual({ dialog: 'noWater', step: 'tryingFix' });

    // The task's machine by name, not "the machine": the task keeps its name, the result reads its id.
    await warrantyThenGoOn(c, question, 'CitiZ', goOn, 'CitiZ');
  });
});
