import { describe, expect, it } from 'vitest';
import { redact } from '../../src/lib/redact.js';

describe('redaction of personal data', () => {
  it.each([
    ['write to jane.doe+support@example.co.uk please', 'write to [email] please'],
    ['my card is 4111 1111 1111 1111', 'my card is [card]'],
    ['call me on +33 6 12 34 56 78', 'call me on [phone]'],
    ['my number is 0912-345-678', 'my number is [phone]'],
    ['I live at 12 Rue de Rivoli, Paris', 'I live at [address], Paris'],
    ['send it to 221B Baker Street', 'send it to [address]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text, prices and dates alone', () => {
    expect(redact('my lattissima one cost €279 on 2022-08-23, warranty 24 months')).toBe(
      'my lattissima one cost €279 on 2022-08-23, warranty 24 months',
    );
    // 16 digits that fail the Luhn check are not a card number.
    expect(redact('order 1234 5678 9012 3456')).not.toContain('[card]');
  });
});
