import { describe, expect, it } from 'vitest';
import { LINE_CAPABILITIES, WHATSAPP_CAPABILITIES } from '../../src/channels/capabilities.js';
import { ChoiceMemory, numberHint, packMessages, parseChoiceNumber, planChoices, renderReplies, splitText, splitWithTail } from '../../src/channels/render-text.js';
import type { Choice, Reply } from '../../src/lib/types.js';
import { MemoryStorage } from '../../src/state/memory.js';

const sentence = (i: number) => `Sentence number ${i} explains one step of descaling the machine.`;
const reply = (text: string, choices?: Choice[]): Reply => ({ text, choices, support: { kind: 'faq' } });
const choices = (n: number, label = (i: number) => `Option ${i}`): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ label: label(i + 1), value: `value ${i + 1}` }));

describe('splitText', () => {
  it('leaves text within the limit alone', () => {
    expect(splitText('Short answer.', 5000)).toEqual(['Short answer.']);
  });

  it('cuts long text on sentence boundaries, every chunk within the limit, nothing lost', () => {
    const text = Array.from({ length: 300 }, (_, i) => sentence(i)).join(' ');
    const chunks = splitText(text, 5000);
    expect(text.length).toBeGreaterThan(15000);
    expect(chunks.length).toBe(4);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(5000);
      expect(c).toMatch(/^Sentence number \d+ .*machine\.$/s);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('prefers a paragraph break in the second half of the window', () => {
    const a = 'A'.repeat(30) + '. ' + 'B'.repeat(30) + '.';
    const text = `${a}\n\n${'C'.repeat(20)}. ${'D'.repeat(40)}.`;
    expect(splitText(text, 90)).toEqual([a, `${'C'.repeat(20)}. ${'D'.repeat(40)}.`]);
  });

  it('handles CJK sentence ends without spaces', () => {
    const text = '請先關機。'.repeat(10);
    const chunks = splitText(text, 12);
    expect(chunks.every((c) => c.length <= 12 && c.endsWith('。'))).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('falls back to words, then to a hard cut that keeps emoji whole', () => {
    expect(splitText('alpha beta gamma delta', 11)).toEqual(['alpha beta', 'gamma delta']);
    const emoji = '☕😀'.repeat(5); // 😀 is two UTF-16 units
    const chunks = splitText(emoji, 4);
    expect(chunks.join('')).toBe(emoji);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(4);
      expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it('keeps the last chunk within the interactive limit', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = splitWithTail(text, 4096, 1024);
    expect(chunks.at(-1)!.length).toBeLessThanOrEqual(1024);
    expect(chunks.every((c) => c.length <= 4096)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });

  it('gives the interactive tail as much as it may hold, the rest in one message', () => {
    const text = Array.from({ length: 45 }, (_, i) => sentence(i)).join(' '); // about 3000 characters
    const [head, tail, ...rest] = splitWithTail(text, 4096, 1024);
    expect(rest).toEqual([]);
    expect(tail!.length).toBeLessThanOrEqual(1024);
    expect(tail!.length).toBeGreaterThan(1024 - sentence(99).length - 1);
    expect(`${head} ${tail}`).toBe(text);
    expect(splitWithTail('x'.repeat(30), 100, 10)).toEqual(['x'.repeat(20), 'x'.repeat(10)]);
  });
});

describe('planChoices', () => {
  it('LINE: quick replies up to 13, numbered text beyond', () => {
    expect(planChoices(choices(13), LINE_CAPABILITIES)).toMatchObject({ kind: 'quickReplies', numberInText: false });
    expect(planChoices(choices(14), LINE_CAPABILITIES)).toEqual({ kind: 'numbered' });
  });

  it('LINE: long labels are shortened to 20 with a number, and the tap still sends the full value', () => {
    const long = [
      { label: 'How do I reset my password on the website?', value: 'How do I reset my password on the website?' },
      { label: 'How do I reset my email address?', value: 'How do I reset my email address?' },
    ];
    const plan = planChoices(long, LINE_CAPABILITIES);
    expect(plan).toMatchObject({ kind: 'quickReplies', numberInText: true });
    if (plan.kind !== 'quickReplies') throw new Error('unreachable');
    expect(plan.items.map((i) => i.title)).toEqual(['1. How do I reset m…', '2. How do I reset m…']);
    expect(plan.items.every((i) => i.title.length <= 20)).toBe(true);
    expect(plan.items.map((i) => i.payload)).toEqual(long.map((c) => c.value));
  });

  it('WhatsApp: buttons up to 3, a list up to 10, numbered text beyond', () => {
    expect(planChoices(choices(3), WHATSAPP_CAPABILITIES).kind).toBe('buttons');
    expect(planChoices(choices(4), WHATSAPP_CAPABILITIES).kind).toBe('list');
    expect(planChoices(choices(10), WHATSAPP_CAPABILITIES).kind).toBe('list');
    expect(planChoices(choices(11), WHATSAPP_CAPABILITIES).kind).toBe('numbered');
  });

  it('WhatsApp: a label too long for a button moves to a list row with the full label as description', () => {
    const cs = choices(2, (i) => `A rather long choice label ${i}`); // 28 characters
    const plan = planChoices(cs, WHATSAPP_CAPABILITIES);
    expect(plan.kind).toBe('list');
    if (plan.kind !== 'list') throw new Error('unreachable');
    expect(plan.items[0]).toEqual({ title: 'A rather long choice la…', payload: 'value 1', label: 'A rather long choice label 1', description: 'A rather long choice label 1' });
  });

  it('WhatsApp: labels beyond a row description go to numbered text', () => {
    expect(planChoices(choices(2, (i) => `${'x'.repeat(80)} ${i}`), WHATSAPP_CAPABILITIES).kind).toBe('numbered');
  });

  it('no choices, no plan', () => {
    expect(planChoices(undefined, LINE_CAPABILITIES)).toEqual({ kind: 'none' });
    expect(planChoices([], WHATSAPP_CAPABILITIES)).toEqual({ kind: 'none' });
  });
});

describe('renderReplies', () => {
  it('numbered text lists the labels and says how to answer', () => {
    const { messages, offered } = renderReplies([reply('Pick one:', choices(11))], WHATSAPP_CAPABILITIES);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toEqual({ type: 'text', text: `Pick one:\n\n${choices(11).map((c, i) => `${i + 1}. ${c.label}`).join('\n')}\n\n${numberHint()}` });
    expect(offered).toHaveLength(11);
  });

  it('WhatsApp: a long text with buttons becomes text messages then buttons with a short body', () => {
    const text = Array.from({ length: 150 }, (_, i) => sentence(i)).join(' ');
    const { messages } = renderReplies([reply(text, choices(2))], WHATSAPP_CAPABILITIES);
    const last = messages.at(-1)!;
    expect(last.type).toBe('choices');
    expect(last.text.length).toBeLessThanOrEqual(1024);
    expect(messages.slice(0, -1).every((m) => m.type === 'text' && m.text.length <= 4096)).toBe(true);
    expect(messages.map((m) => m.text).join(' ')).toBe(text);
  });

  it('LINE: only the last reply offers quick replies (earlier ones would vanish anyway)', () => {
    const { messages, offered } = renderReplies([reply('First.', choices(2)), reply('Second?', choices(3))], LINE_CAPABILITIES);
    expect(messages.map((m) => m.type)).toEqual(['text', 'choices']);
    expect(offered).toEqual(choices(3));
  });
});

describe('packMessages', () => {
  it('merges short texts so a turn fits one LINE call of at most 5', () => {
    const replies = Array.from({ length: 7 }, (_, i) => reply(`Reply ${i}.`));
    const calls = packMessages(renderReplies(replies, LINE_CAPABILITIES).messages, LINE_CAPABILITIES);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.length).toBeLessThanOrEqual(5);
    expect(calls[0]!.map((m) => m.text).join('\n\n')).toBe(replies.map((r) => r.text).join('\n\n'));
  });

  it('splits into several calls when the messages cannot be merged', () => {
    const big = Array.from({ length: 7 }, () => reply('x'.repeat(4000)));
    const calls = packMessages(renderReplies(big, LINE_CAPABILITIES).messages, LINE_CAPABILITIES);
    expect(calls.map((c) => c.length)).toEqual([5, 2]);
  });
});

describe('typed numbers', () => {
  it('parses a number within range only', () => {
    expect(parseChoiceNumber(' 2 ', 3)).toBe(2);
    expect(parseChoiceNumber('3.', 3)).toBe(3);
    expect(parseChoiceNumber('4', 3)).toBeUndefined();
    expect(parseChoiceNumber('0', 3)).toBeUndefined();
    expect(parseChoiceNumber('2 cups', 3)).toBeUndefined();
  });

  it('ChoiceMemory maps "2" back to the second value until choices are withdrawn', async () => {
    const memory = new ChoiceMemory(new MemoryStorage());
    await memory.remember('whatsapp:886900000001', choices(3));
    expect(await memory.resolve('whatsapp:886900000001', '2')).toBe('value 2');
    expect(await memory.resolve('whatsapp:886900000001', '7')).toBeUndefined();
    expect(await memory.resolve('whatsapp:886900000002', '2')).toBeUndefined();
    await memory.remember('whatsapp:886900000001', undefined);
    expect(await memory.resolve('whatsapp:886900000001', '2')).toBeUndefined();
  });
});
