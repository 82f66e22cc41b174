import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/conversation/lang.js';
import { CATALOGUES, EN, type MessageKey } from '../../src/language/catalog/index.js';

const TASK_KEYS = (Object.keys(EN) as MessageKey[]).filter((k) => /^(pr|nw|cp)\./.test(k));
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');

describe('password reset, no water and cancellation catalogues', () => {
  it.each(LANGS)('%s: every key has the English placeholders, and button labels fit LINE and WhatsApp (≤ 20 characters)', (lang) => {
    const problems: string[] = [];
    for (const key of TASK_KEYS) {
      const text = CATALOGUES[lang][key];
      if (placeholders(text) !== placeholders(EN[key])) problems.push(`${key}: placeholders ${placeholders(text)} ≠ ${placeholders(EN[key])}`);
      // A {months} slot holds at most two digits.
      if (key.includes('.label.') && [...text.replace(/\{\w+\}/g, '24')].length > 20) problems.push(`${key}: "${text}" is longer than 20 characters`);
      if (lang !== 'en' && text === EN[key] && /[a-z]{4,} [a-z]{4,}/.test(text)) problems.push(`${key}: still English`);
    }
    expect(problems).toEqual([]);
  });
});
