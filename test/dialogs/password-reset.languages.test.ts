import { describe, expect, it } from 'vitest';
import { passwordResetMachine } from '../../dialogs/password-reset.machine.js';
import { chat, inputFor, texts } from './helpers.js';

describe('password reset in Traditional Chinese', () => {
  const start = (slots = {}) => chat(passwordResetMachine, { input: inputFor('TW', slots, '2025-06-15', 'zh-TW') });

  it('words the link, the 72 hours and the buttons in Chinese', () => {
    const c = start();
    expect(c.replies[0]!.text).toContain('Nespresso 帳戶');
    expect(c.replies[0]!.choices!.map((x) => x.label)).toEqual(['我忘記密碼了', '連結已過期', '沒收到郵件', '我忘記電子郵件了', '在其他通路購買']);
    const r = c.say('我忘記密碼了');
    expect(r[0]).toMatchObject({ step: 'askingIfWorked' });
    expect(r[0]!.text).toContain('「忘記密碼？」');
    expect(r[0]!.text).toContain('72 小時');
  });

  it('reads "還是沒收到" as the email not arriving, then "沒有" as not found, and gives the toll-free line in Chinese', () => {
    const c = start({ situation: 'forgot' });
    expect(c.say('還是沒收到信')[0]).toMatchObject({ step: 'askingIfFound' });
    expect(texts(c.replies)).toMatch(/垃圾桶.*垃圾郵件/);
    const r = c.say('沒有，找不到');
    expect(r[0]).toMatchObject({ step: 'offeringPerson' });
    expect(r[0]!.text).toContain('0809 001 886（免付費');
    expect(r[0]!.text).not.toMatch(/please|contact Nespresso/i);
    c.say('不用了');
    expect(c.output).toMatchObject({ outcome: 'completed' });
    expect(c.replies.at(-1)!.text).toMatch(/^好的。您可以透過 0809 001 886/);
  });
});

describe('password reset in Korean', () => {
  it('takes "아니요, 안 왔어요" as the email not arriving, re-prompts a vague answer in Korean', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgot' }, '2025-06-15', 'ko') });
    expect(c.replies[0]!.text).toContain('72시간 동안만 유효해요');
    expect(c.say('글쎄요')[0]!.text).toMatch(/^해결됐는지, 아니면 어떤 문제가 있었는지 알려 주세요\./);
    expect(c.say('아니요, 메일이 안 왔어요')[0]).toMatchObject({ step: 'askingIfFound' });
    c.say('네, 스팸함에 있었어요');
    expect(c.output).toMatchObject({ outcome: 'completed', reason: 'reset email found' });
    expect(c.replies.at(-1)!.text).toContain('72시간 동안만 유효하니');
  });

  it('Korea: says honestly the documents do not cover it, with the 080 line in Korean', () => {
    const c = chat(passwordResetMachine, { input: inputFor('KR', {}, '2025-06-15', 'ko') });
    expect(c.replies[0]!.text).toMatch(/^한국 관련 제 자료에는 비밀번호 재설정 방법이 나와 있지 않아서/);
    expect(c.replies[0]!.text).toContain('080-734-1111 (무료, 연중무휴 24시간)');
    expect(c.replies[0]!.choices!.map((x) => x.label)).toEqual(['상담원 연결', '괜찮아요']);
    c.say('상담원 연결');
    expect(c.output).toMatchObject({ outcome: 'handoff' });
  });
});

describe('password reset in French', () => {
  it('reads "non, ça n\'a pas marché" and "le lien a expiré", and corrects to the expired link', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgot' }, '2025-06-15', 'fr') });
    expect(c.replies[0]!.text).toContain('« mot de passe oublié ? »');
    expect(c.replies[0]!.text).toContain('valable que 72 heures');
    const r = c.say('non, en fait le lien a expiré');
    expect(r[0]).toMatchObject({ step: 'askingIfWorked' });
    expect(r[0]!.text).toMatch(/^Les liens de réinitialisation ne sont valables que 72 heures/);
    // A second failed try goes to the contact.
    const stuck = c.say("non, ça n'a pas marché");
    expect(stuck[0]).toMatchObject({ step: 'offeringPerson' });
    expect(stuck[0]!.text).toContain('contactez Nespresso au 0809 001 886 (numéro gratuit');
  });

  it('France: contact at the free call line, worded in French', () => {
    const c = chat(passwordResetMachine, { input: inputFor('FR', {}, '2025-06-15', 'fr') });
    expect(c.replies[0]!.text).toContain('Mes documents pour ce pays (France)');
    expect(c.replies[0]!.text).toContain('0800 55 52 53 (appel gratuit');
    c.say('non merci');
    expect(c.output).toMatchObject({ outcome: 'completed' });
  });
});

describe('password reset in European Portuguese', () => {
  it('Portugal: "não" to misuse gives the terms note and 800 260 260 in Portuguese; "sim" asks to notify Nespresso', () => {
    const no = chat(passwordResetMachine, { input: inputFor('PT', {}, '2025-06-15', 'pt') });
    expect(no.replies[0]!.text).toContain('estritamente confidencial');
    expect(no.say('talvez')[0]!.text).toMatch(/^Responda sim ou não\./);
    const r = no.say('não, acho que ninguém a conhece');
    expect(r[0]!.text).toMatch(/^As condições portuguesas não descrevem como repor uma palavra-passe.*800 260 260/);
    const yes = chat(passwordResetMachine, { input: inputFor('PT', {}, '2025-06-15', 'pt') });
    expect(yes.say('sim')[0]!.text).toMatch(/^Avise a Nespresso imediatamente: ligue para o 800 260 260/);
  });

  it('reads a Portuguese answer in a Taiwan conversation: "não chegou nada" is the email not arriving', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgot' }, '2025-06-15', 'pt') });
    expect(c.replies[0]!.text).toContain('só é válida durante 72 horas');
    expect(c.say('o email não chegou')[0]).toMatchObject({ step: 'askingIfFound' });
  });
});
