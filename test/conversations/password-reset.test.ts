/**
 * Password reset through the real service: Taiwan's procedure (link valid 72 hours, trash/junk/spam,
 * contact), Portugal's misuse question, France and Korea honestly silent with their own contact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/state/memory.js';
import { agent, choices, Customer, dialogOf, sameCustomer, sentSince, startAtToday, storeDialogFromOtherVersion, support, type TestService } from './support.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startAtToday();
});
afterEach(async () => {
  await svc.close();
});

describe('password reset', () => {
  it('Taiwan: the forgot-password link, valid 72 hours, and it worked', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [link] = await c.say('I forgot my password');
    expect(dialogOf(link)).toEqual({ dialog: 'passwordReset', step: 'askingIfWorked' });
    expect(link?.text).toContain('go to www.nespresso.com and click the link "forgot your password?"');
    expect(link?.text).toContain('The reset link is only valid for 72 hours.');
    expect(choices(link)).toEqual(['Yes, it worked', 'Email did not come', 'The link expired']);

    const [done] = await c.say('Yes, it worked');
    expect(dialogOf(done)).toEqual({ dialog: 'passwordReset', step: 'done' });
    expect(done?.text).toMatch(/^Great, you are back in/);
  });

  it('Taiwan, in Chinese: a question that starts like a yes ("可以…嗎") is a digression, answered before "shall we go on?"', async () => {
    const c = new Customer(svc, { locale: 'zh-TW' });
    const [ask] = await c.say('密碼忘記了怎麼辦');
    expect(dialogOf(ask)?.dialog).toBe('passwordReset');
    const [answer, goOn] = await c.say('可以在全聯或家樂福買到膠囊嗎');
    expect(support(answer)).toMatchObject({ kind: 'faq', faqId: 'tw-supermarkets', lang: 'zh-TW' });
    expect(dialogOf(goOn)).toEqual({ dialog: 'passwordReset', step: 'goOn' });
  });

  it('Taiwan: "the email never came" in the first message skips the question, then trash/junk/spam, then the contact', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [folders] = await c.say("I asked for a password reset but I didn't receive the email");
    expect(dialogOf(folders)).toEqual({ dialog: 'passwordReset', step: 'askingIfFound' });
    expect(folders?.text).toMatch(/trash bin and your junk and spam folders/);

    const [contact] = await c.say('no');
    expect(dialogOf(contact)).toEqual({ dialog: 'passwordReset', step: 'offeringPerson' });
    expect(contact?.text).toContain('If the email is not in any of those folders, please contact Nespresso on 0809 001 886 (toll-free, 08:00–22:00) or by email.');
    expect(choices(contact)).toEqual(['Talk to a person', 'No, thanks']);

    const [bye] = await c.say('No, thanks');
    expect(bye?.text).toBe('All right. You can reach Nespresso on 0809 001 886 (toll-free, 08:00–22:00).');
  });

  it('Taiwan: an answer that is not an option is asked again with the options; a number picks one', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });

    const [ask] = await c.say("I can't log in to my account");
    expect(dialogOf(ask)).toEqual({ dialog: 'passwordReset', step: 'askingSituation' });
    expect(choices(ask)).toEqual(['I forgot my password', 'The link expired', 'Email never came', 'I forgot my email', 'Bought elsewhere']);

    const [again] = await c.say('banana');
    expect(dialogOf(again)).toEqual({ dialog: 'passwordReset', step: 'askingSituation' });
    expect(again?.text).toMatch(/^Sorry, I did not catch that\. Please pick one of the options\.\n\nI can help you get back into your Nespresso account/);
    expect(choices(again)).toHaveLength(5);

    const [expired] = await c.say('2');
    expect(dialogOf(expired)).toEqual({ dialog: 'passwordReset', step: 'askingIfWorked' });
    expect(expired?.text).toMatch(/^Reset links are only valid for 72 hours, so you need a new one/);
  });

  it('France: the documents are silent, so no guess — the French number, and a person on request', async () => {
    const c = new Customer(svc, { locale: 'en-FR' });

    const [silent] = await c.say('I forgot my password');
    expect(dialogOf(silent)).toEqual({ dialog: 'passwordReset', step: 'offeringPerson' });
    expect(silent?.text).toContain("My documents for France do not describe how to reset a password, so I won't guess.");
    expect(silent?.text).toContain('0800 55 52 53 (free call, Monday to Saturday, 8am to 8pm)');
    expect(silent?.text).not.toMatch(/72 hours|0809 001 886/);

    const [person] = await c.say('Talk to a person');
    expect(support(person)).toMatchObject({ kind: 'handoff', market: 'FR' });
    expect(person?.text).toMatch(/^I'm connecting you with a person from our support team\. You're next in the queue\. Our team for France is available Monday to Saturday, 8am to 8pm/);
  });

  it('Korea: the Korean contact, never Taiwan’s link', async () => {
    const c = new Customer(svc, { locale: 'en-KR' });

    const [silent] = await c.say('reset my password please');
    expect(silent?.text).toContain("My documents for Korea do not describe how to reset a password, so I won't guess. Please contact Nespresso on 080-734-1111 (free of charge, 24 hours a day, all year round).");
    expect(silent?.text).not.toMatch(/nespresso\.com|72 hours/);

    const [bye] = await c.say('no');
    expect(bye?.text).toBe('All right. You can reach Nespresso on 080-734-1111 (free of charge, 24 hours a day, all year round).');
  });

  it('Portugal: keep the password confidential; a possible misuse is reported at once', async () => {
    const c = new Customer(svc, { locale: 'en-PT' });

    const [misuse] = await c.say('I forgot my password');
    expect(dialogOf(misuse)).toEqual({ dialog: 'passwordReset', step: 'askingMisuse' });
    expect(misuse?.text).toMatch(/Portuguese terms of sale ask you to keep your password strictly confidential/);

    const [again] = await c.say('perhaps');
    expect(again?.text).toMatch(/^Please answer yes or no\.\n\nThe Portuguese terms/);

    const [report] = await c.say('yes');
    expect(dialogOf(report)).toEqual({ dialog: 'passwordReset', step: 'offeringPerson' });
    expect(report?.text).toMatch(/^Please notify Nespresso immediately: call 800 260 260 or use the contact form on nespresso.com\./);
  });

  it('a FAQ question mid-dialog is answered, then "shall we go on?"; "yes" asks the pending step again and the next "yes" answers it', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('I forgot my password');

    const [answer, prompt] = await c.say('how often do i need to descale my machine');
    expect(support(answer)).toMatchObject({ kind: 'faq', market: 'TW', faqId: 'tw-descaling' });
    expect(answer?.text).toMatch(/every 1 or 1 and half year/);
    // No "did this help?" buttons here: a "yes" now would be read as the answer to the dialog's question.
    expect(choices(answer)).not.toContain('👍 Yes');
    expect(answer?.text).not.toMatch(/Did this answer your question\?/);
    expect(prompt?.text).toBe('Shall we go on with your password reset?');
    const [again] = await c.say('yes');
    expect(dialogOf(again)).toEqual({ dialog: 'passwordReset', step: 'askingIfWorked' });
    expect(again?.text).toMatch(/forgot your password\?.*\n\nDid that work\?$/s);

    const [done] = await c.say('yes');
    expect(dialogOf(done)).toEqual({ dialog: 'passwordReset', step: 'done' });
  });

  it('"cancel" mid-dialog stops it: the next "yes" is not taken as "it worked"', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say('I forgot my password');

    const [stopped] = await c.say('cancel');
    expect(stopped?.text).toBe('OK, I stopped that task. What else can I help with?');
    expect(choices(stopped)).toContain('Reset my password');

    const [after] = await c.say('Yes, it worked');
    expect(support(after)?.dialog).toBeUndefined();
    expect(after?.text).not.toMatch(/you are back in/);
  });

  it('"talk to a person" mid-dialog queues for an agent who sees the step; when the agent ends, the bot asks before going on with the task', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say("I didn't get the reset email");

    const [queued] = await c.say('talk to a person');
    expect(support(queued)).toMatchObject({ kind: 'handoff', market: 'TW' });
    expect(queued?.text).toMatch(/connecting you with a person.*Our team for Taiwan is available 08:00–22:00 \(Taipei time\)/);

    const desk = agent(svc);
    const seen = await desk.handoffOf(c);
    expect(seen.body.handoff.packet).toMatchObject({ reason: 'customer-request', market: 'TW', dialog: { machine: 'passwordReset', step: 'askingIfFound' } });
    // Asking about the wait is answered with where the customer stands, never read as the task's answer.
    const asked = await c.say('are you there?');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.text).toMatch(/^You're already waiting for a person\. An agent will reply here\./);
    const waiting = await c.say('i looked everywhere');
    expect(waiting[0]?.text).toMatch(/the agent will see your message when they join/); // once
    expect(waiting).toHaveLength(2); // and the bot goes on with the task while the customer waits
    expect((await desk.accept(c)).status).toBe(200);
    const from = svc.channel.forConversation(c.id).length;
    expect((await desk.end(c)).status).toBe(200);
    const back = sentSince(svc, c, from);
    expect(back.map((a) => a.text)).toEqual(["You're back with the assistant. Shall we go on with your password reset?"]);
    expect(choices(back[0])).toEqual(['Continue', 'Stop the task']);

    const [step] = await c.say('yes');
    expect(dialogOf(step)).toEqual({ dialog: 'passwordReset', step: 'askingIfFound' });
    const [found] = await c.say('yes');
    expect(found?.text).toMatch(/^Good\. Use the link in that email soon: it is only valid for 72 hours/);
  });

  it('a restart of the process mid-dialog resumes at the same step', async () => {
    const storage = new MemoryStorage();
    const first = await startAtToday(storage);
    const c = new Customer(first, { locale: 'en-TW' });
    const [ask] = await c.say("I didn't receive the password reset email");
    expect(dialogOf(ask)).toEqual({ dialog: 'passwordReset', step: 'askingIfFound' });
    await first.close();

    const second = await startAtToday(storage);
    try {
      const [contact] = await sameCustomer(c, second, 'en-TW').say('no');
      expect(dialogOf(contact)).toEqual({ dialog: 'passwordReset', step: 'offeringPerson' });
      expect(contact?.text).toMatch(/^If the email is not in any of those folders, please contact Nespresso on 0809 001 886/);
    } finally {
      await second.close();
    }
  });

  it('a dialog saved by another version restarts politely from the first question', async () => {
    const c = new Customer(svc, { locale: 'en-TW' });
    await c.say("I didn't receive the password reset email");
    await storeDialogFromOtherVersion(svc, c);

    const [sorry, ask] = await c.say('no');
    expect(sorry?.text).toBe('Sorry, I lost track of where we were in this conversation, so let us pick it up again from the start.');
    expect(dialogOf(ask)).toEqual({ dialog: 'passwordReset', step: 'askingSituation' });
    expect(ask?.text).toMatch(/What happened\?$/);
  });
});
