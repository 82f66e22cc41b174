/** The hand-written check of an inbound activity accepts exactly what the InboundActivity schema accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InboundActivity, isInboundActivity } from '../../src/channels/activity.js';

const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 3 }));
const text = (max: number) => fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('é'.repeat(max), 'x'.repeat(max + 1)));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: junk });
const account = fc.record({ id: maybe(text(512)), name: maybe(text(512)), role: fc.constant('user') }, { requiredKeys: [] });
const url = fc.oneof(
  fc.constantFrom('http://127.0.0.1:3978', 'https://smba.trafficmanager.net/emea/', 'ftp://x', 'not a url', 'http://', 'javascript:alert(1)', 'HTTPS://EXAMPLE.COM'),
  fc.webUrl(),
  fc.constantFrom(`http://a/${'x'.repeat(2039)}`, `http://a/${'x'.repeat(2040)}`),
);
const activity = fc.record(
  {
    type: maybe(text(64)),
    id: maybe(text(512)),
    channelId: maybe(text(128)),
    serviceUrl: maybe(url),
    conversation: maybe(fc.record({ id: maybe(text(512)), isGroup: fc.boolean() }, { requiredKeys: [] })),
    from: maybe(account),
    recipient: maybe(account),
    text: maybe(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('x'.repeat(100_000), 'x'.repeat(100_001)))),
    locale: maybe(text(64)),
    deliveryMode: maybe(text(32)),
    membersAdded: maybe(fc.array(maybe(account), { maxLength: 3 })),
    name: maybe(text(256)),
    value: junk,
  },
  { requiredKeys: [] },
);

describe('isInboundActivity', () => {
  it('agrees with InboundActivity.safeParse', () => {
    fc.assert(
      fc.property(fc.oneof(activity, junk), (a) => {
        expect(isInboundActivity(a)).toBe(InboundActivity.safeParse(a).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on activities that are valid but for at most one field', () => {
    const base = { type: 'message', id: 'a1', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' }, from: { id: 'u', name: 'U' }, recipient: { id: 'b' }, text: 'hi', locale: 'fr-FR', deliveryMode: 'expectReplies', membersAdded: [{ id: 'u' }], name: 'n' };
    let valid = 0;
    fc.assert(
      fc.property(activity, fc.constantFrom(...Object.keys(base), 'none'), (a, field) => {
        const one = field === 'none' ? base : { ...base, [field]: (a as Record<string, unknown>)[field] };
        const ok = InboundActivity.safeParse(one).success;
        if (ok) valid += 1;
        expect(isInboundActivity(one)).toBe(ok);
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(500);
  });

  it('a typical activity passes, and so does one with 100 members; 101 do not', () => {
    const a = { type: 'message', channelId: 'emulator', serviceUrl: 'http://localhost:1', conversation: { id: 'c' }, from: { id: 'u' }, text: 'hi' };
    expect(isInboundActivity(a)).toBe(true);
    const m = (n: number) => ({ ...a, type: 'conversationUpdate', membersAdded: Array.from({ length: n }, (_, i) => ({ id: `m${i}` })) });
    expect(isInboundActivity(m(100))).toBe(true);
    expect(isInboundActivity(m(101))).toBe(false);
    expect(InboundActivity.safeParse(m(101)).success).toBe(false);
  });
});
