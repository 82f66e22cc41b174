import { describe, expect, it } from 'vitest';
import { detectCommand, detectSmalltalk, yesNo } from '../../src/router/commands.js';

describe('global commands', () => {
  it.each([
    ['cancel', 'cancel'],
    ['Stop!', 'cancel'],
    ['start over', 'startOver'],
    ['help', 'help'],
    ['talk to a person', 'agent'],
    ['I want to speak to a human', 'agent'],
    ['agent please', 'agent'],
    ['change country', 'changeCountry'],
    ['delete my data', 'forgetMe'],
  ])('%s → %s', (text, cmd) => {
    expect(detectCommand(text)).toBe(cmd);
  });

  it('does not mistake questions for commands', () => {
    expect(detectCommand('how do I cancel my subscription?')).toBeUndefined();
    expect(detectCommand('can the agent repair my machine under warranty')).toBeUndefined();
    expect(detectCommand('help my machine has no water')).toBeUndefined();
  });

  it('recognises small talk and yes/no', () => {
    expect(detectSmalltalk('hello')).toBe('greeting');
    expect(detectSmalltalk('thanks!')).toBe('thanks');
    expect(detectSmalltalk('hello, my machine leaks')).toBeUndefined();
    expect(yesNo('👍 Yes')).toBe('yes');
    expect(yesNo('no, that did not help')).toBe('no');
    expect(yesNo('maybe')).toBeUndefined();
  });
});
