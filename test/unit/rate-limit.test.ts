import { describe, expect, it } from 'vitest';
import { AddressLimiter } from '../../src/http/rate-limit.js';

describe('per-address rate limit', () => {
  it('allows up to the limit per minute, then refuses until the window moves', () => {
    let now = 0;
    const l = new AddressLimiter(3, () => now);
    expect([l.allow('a'), l.allow('a'), l.allow('a'), l.allow('a')]).toEqual([true, true, true, false]);
    expect(l.allow('b')).toBe(true);
    expect(l.retryAfter('a')).toBe(60);
    now = 60_001;
    expect(l.allow('a')).toBe(true);
  });

  it('is off at 0', () => {
    const l = new AddressLimiter(0);
    for (let i = 0; i < 100; i++) expect(l.allow('a')).toBe(true);
  });
});
