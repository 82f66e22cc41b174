import { describe, expect, it } from 'vitest';
import { passwordResetMachine } from '../../dialogs/password-reset.machine.js';
import { chat, inputFor, steps, texts } from './helpers.js';

describe('password reset in Taiwan', () => {
  it('asks what happened, then gives the "forgot your password?" link and its 72-hour validity', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW') });
    expect(c.replies[0]).toMatchObject({ step: 'askingSituation' });
    expect(c.replies[0]!.choices).toHaveLength(5);
    const r = c.say('1');
    expect(r[0]).toMatchObject({ step: 'askingIfWorked' });
    expect(r[0]!.text).toContain('www.nespresso.com');
    expect(r[0]!.text).toContain('"forgot your password?"');
    expect(r[0]!.text).toContain('72 hours');
    c.say('yes');
    expect(c.output).toMatchObject({ outcome: 'completed' });
  });

  it('never asks the situation given in the first message', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'expired' }) });
    expect(steps(c.replies)).toEqual(['askingIfWorked']);
    expect(c.replies[0]!.text).toMatch(/only valid for 72 hours, so you need a new one/);
  });

  it('sends an email that never came to trash, junk and spam, then to the Nespresso Club', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgot' }) });
    const r = c.say('The email did not come');
    expect(r[0]).toMatchObject({ step: 'askingIfFound' });
    expect(r[0]!.text).toMatch(/trash bin.*junk and spam/);
    const contact = c.say('no');
    expect(contact[0]).toMatchObject({ step: 'offeringPerson' });
    expect(contact[0]!.text).toMatch(/0809 001 886 \(toll-free, 08:00–22:00\) or by email/);
    c.say('Talk to a person');
    expect(c.output).toMatchObject({ outcome: 'handoff' });
  });

  it('reminds that the link expires when the email is found', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'notReceived' }) });
    c.say('yes');
    expect(c.output).toMatchObject({ outcome: 'completed' });
    expect(texts(c.replies)).toMatch(/only valid for 72 hours/);
  });

  it('sends a forgotten registered email straight to the contact', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgotEmail' }) });
    expect(c.replies[0]).toMatchObject({ step: 'offeringPerson' });
    expect(c.replies[0]!.text).toMatch(/email address registered on your account.*0809 001 886/);
    c.say('no thanks');
    expect(c.output).toMatchObject({ outcome: 'completed' });
    expect(c.replies.at(-1)!.text).toContain('0809 001 886');
  });

  it('sends MOMO / PCHOME / YAHOO orders to the Nespresso Club', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'otherChannel' }) });
    expect(c.replies[0]).toMatchObject({ step: 'askingOrderChannel' });
    const r = c.say('I ordered on PChome');
    expect(r[0]!.text).toMatch(/MOMO, PCHOME, YAHOO.*0809 001 886/);
  });

  it('explains the reset email sent to customers of other channels who gave their email', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'otherChannel' }) });
    const r = c.say('I gave my email to Nespresso');
    expect(r[0]!.text).toMatch(/valid for 72 hours.*"forgot your password\?".*junk and spam/s);
  });

  it('offers a person after two failed attempts', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW', { situation: 'forgot' }) });
    c.say('The link expired');
    const r = c.say('expired again');
    expect(r[0]).toMatchObject({ step: 'offeringPerson' });
  });

  it('re-prompts an answer it cannot place', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW') });
    const r = c.say('purple');
    expect(r[0]!.text).toMatch(/^Sorry, I did not catch that\. Please pick one of the options\./);
    expect(c.step).toBe('askingSituation');
  });
});

describe('password reset in the other markets', () => {
  it.each([
    ['FR', 'France', '0800 55 52 53'],
    ['KR', 'Korea', '080-734-1111'],
  ] as const)('%s: says the documents are silent and gives the contact', (market, name, phone) => {
    const c = chat(passwordResetMachine, { input: inputFor(market, { situation: 'forgot' }) });
    expect(c.replies[0]).toMatchObject({ step: 'offeringPerson' });
    expect(c.replies[0]!.text).toContain(`My documents for ${name} do not describe how to reset a password`);
    expect(c.replies[0]!.text).toContain(phone);
    expect(c.replies[0]!.text).not.toMatch(/72 hours|forgot your password/);
  });

  it('PT: keep the password confidential; notify Nespresso if someone else knows it', () => {
    const c = chat(passwordResetMachine, { input: inputFor('PT') });
    expect(c.replies[0]).toMatchObject({ step: 'askingMisuse' });
    expect(c.replies[0]!.text).toMatch(/strictly confidential/);
    expect(c.say('maybe')[0]!.text).toMatch(/^Please answer yes or no\./);
    const r = c.say('yes');
    expect(r[0]!.text).toMatch(/notify Nespresso immediately: call 800 260 260/);
  });

  it('PT: says the terms do not describe the reset procedure', () => {
    const c = chat(passwordResetMachine, { input: inputFor('PT') });
    expect(c.say('no')[0]!.text).toMatch(/terms do not describe how to reset a password.*800 260 260/);
  });
});

describe('password reset persistence', () => {
  it('survives a persist → restore round trip', () => {
    const c = chat(passwordResetMachine, { input: inputFor('TW') });
    c.say('The reset email never came');
    const saved = c.persisted();
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
    const again = chat(passwordResetMachine, { snapshot: saved });
    expect(again.replies).toEqual([]);
    expect(again.step).toBe('askingIfFound');
    again.say('yes');
    expect(again.output).toMatchObject({ outcome: 'completed' });
  });
});
