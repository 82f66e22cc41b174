/** A cue pattern with accents also matches its words typed without them; other scripts are untouched. */
import { describe, expect, it } from 'vitest';
import { withoutAccents } from '../../dialogs/accents.js';

describe('withoutAccents', () => {
  it('matches with and without the accents, and nothing more', () => {
    const re = withoutAccents(/résilier|não sai água|subscrição/);
    for (const text of ['résilier', 'resilier', 'não sai água', 'nao sai agua', 'subscricao', 'subscrição']) expect(re.test(text), text).toBe(true);
    expect(re.test('reselier')).toBe(false);
  });

  it('keeps classes, escapes, flags, Hangul and Han', () => {
    const re = withoutAccents(/[éa]x\.é|물이 안 나와|不出水/u);
    expect(re.flags).toBe('u');
    expect(re.test('ex.e')).toBe(true);
    expect(re.test('ax.é')).toBe(true);
    expect(re.test('exxe')).toBe(false);
    expect(re.test('물이 안 나와요')).toBe(true);
    expect(re.test('機器不出水')).toBe(true);
  });
});
