import { describe, expect, it } from 'vitest';
import { MAX_TRIES, noWaterMachine } from '../../dialogs/no-water.machine.js';
import { chat, inputFor, steps, texts } from './helpers.js';

describe('no water: model and steps', () => {
  it('asks the model when it is not known, re-prompting on an unknown one', () => {
    const c = chat(noWaterMachine, { input: inputFor('TW') });
    expect(c.replies[0]).toMatchObject({ step: 'askingModel', choices: expect.arrayContaining([{ label: 'Prodigio', value: 'Prodigio' }]) });
    const bad = c.say('my toaster');
    expect(bad[0]!.text).toMatch(/^I do not know that model\. Please pick it from the list/);
    expect(c.step).toBe('askingModel');
    c.say('Lattisima One');
    expect(c.context.model).toBe('lattissima-one');
  });

  it('never asks the model given in the first message ("my prodigio gives no water") and gives the slider steps', () => {
    const c = chat(noWaterMachine, { input: inputFor('TW', { model: 'prodigio' }) });
    expect(steps(c.replies)).toEqual(['tryingFix']);
    expect(c.replies[0]!.text).toMatch(/open and close the slider a few times/i);
    expect(c.replies[0]!.text).not.toMatch(/large cup button/);
  });

  it.each(['inissia', 'essenza-mini', 'citiz', 'pixie', 'expert', 'lattissima', 'lattissima-one', 'maestria', 'creatista'])('gives the auto-prime steps for %s', (model) => {
    const c = chat(noWaterMachine, { input: inputFor('FR', { model }) });
    const text = c.replies[0]!.text;
    for (const step of ['Fill the water tank', 'Eject any capsule', 'Close the coffee lever', 'Press the large cup button', 'auto-prime']) expect(text).toContain(step);
  });

  it('says honestly when the documents cover no priming method for the model', () => {
    const c = chat(noWaterMachine, { input: inputFor('KR', { model: 'vertuo-next' }) });
    expect(c.replies[0]).toMatchObject({ step: 'offeringHelp' });
    expect(c.replies[0]!.text).toMatch(/only describe this fix for .*not for the Vertuo Next/);
    expect(c.replies[0]!.text).toContain('080-734-1111');
  });

  it('handles "Another model" the same way', () => {
    const c = chat(noWaterMachine, { input: inputFor('PT') });
    c.say(String(12));
    expect(c.step).toBe('offeringHelp');
    expect(c.replies.at(-1)!.text).toContain('800 260 260');
  });
});

describe('no water: tries, rest and help', () => {
  it('counts the tries, asks for a 30-minute rest after 5, then offers a repair booking with the model filled', () => {
    const c = chat(noWaterMachine, { input: inputFor('TW', { model: 'citiz' }) });
    for (let i = 1; i < MAX_TRIES; i++) expect(c.say('no')[0]!.text).toMatch(new RegExp(`That was try ${i} of 5`));
    const rest = c.say('No, still nothing');
    expect(rest[0]).toMatchObject({ step: 'resting' });
    expect(rest[0]!.text).toMatch(/rest for 30 minutes/);
    const help = c.say('no');
    expect(help[0]).toMatchObject({ step: 'offeringHelp', choices: [{ value: 'repair' }, { value: 'person' }, { value: 'no thanks' }] });
    expect(help[0]!.text).toContain('0809 001 886');
    c.say('Book a repair');
    expect(c.output).toMatchObject({ outcome: 'switch', switchTo: { dialog: 'repairBooking', slots: { model: 'citiz' } } });
  });

  it('takes the tries already made from the first message', () => {
    const c = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie', tries: 5 }) });
    expect(steps(c.replies)).toEqual(['resting']);
  });

  it('ends happily when water flows, and hands off to a person on request', () => {
    const ok = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie' }) });
    ok.say('yes it works');
    expect(ok.output).toMatchObject({ outcome: 'completed', reason: 'water flows again' });
    expect(texts(ok.replies)).toMatch(/air bubble has been released/);

    const person = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie', tries: 5 }) });
    person.say('no');
    person.say('2');
    expect(person.output).toMatchObject({ outcome: 'handoff' });
  });

  it('re-prompts a reply that is neither yes nor no', () => {
    const c = chat(noWaterMachine, { input: inputFor('FR', { model: 'pixie' }) });
    const r = c.say('what about descaling?');
    expect(r[0]!.text).toMatch(/^Please tell me whether water came out: yes or no\./);
    expect(c.context.tries).toBe(0);
  });
});

describe('no water: persistence', () => {
  it('survives a persist → restore round trip without repeating itself', () => {
    const c = chat(noWaterMachine, { input: inputFor('TW', { model: 'u' }) });
    c.say('no');
    c.say('no');
    const saved = c.persisted();
    expect(JSON.stringify(saved).length).toBeLessThan(2048);
    const again = chat(noWaterMachine, { snapshot: saved });
    expect(again.replies).toEqual([]);
    expect(again.step).toBe('tryingFix');
    expect(again.context.tries).toBe(2);
    expect(again.say('no')[0]!.text).toMatch(/That was try 3 of 5/);
  });
});
