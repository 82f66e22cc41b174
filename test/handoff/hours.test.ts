/** Business hours in each market's own time zone (knowledge/contacts.json), as the customer is told them. */
import { describe, expect, it } from 'vitest';
import { hoursStatus, localTime } from '../../src/handoff/hours.js';
import { loadKnowledge } from '../../src/retrieval/knowledge.js';

const contacts = loadKnowledge().contacts;
const at = (iso: string) => Date.parse(iso);

describe('hoursStatus', () => {
  it('reads the clock in the market time zone, not the server one', () => {
    // 2026-11-23 is a Monday. 23:30 UTC is 07:30 Tuesday in Taipei.
    expect(localTime(at('2026-11-23T23:30:00Z'), 'Asia/Taipei')).toEqual({ weekday: 2, minutes: 7 * 60 + 30 });
    expect(localTime(at('2026-07-01T12:00:00Z'), 'Europe/Paris').minutes).toBe(14 * 60); // summer time: UTC+2
  });

  it('Taiwan: open 08:00–22:00 Taipei time', () => {
    expect(hoursStatus(contacts.TW, at('2026-11-23T01:00:00Z'))).toEqual({ kind: 'open', closesAt: '22:00' }); // 09:00
    expect(hoursStatus(contacts.TW, at('2026-11-23T14:30:00Z'))).toEqual({ kind: 'closed', next: { ahead: 1, day: 2, time: '08:00' } }); // Monday 22:30: back Tuesday
    expect(hoursStatus(contacts.TW, at('2026-11-22T23:00:00Z'))).toEqual({ kind: 'closed', next: { ahead: 0, day: 1, time: '08:00' } }); // 07:00
  });

  it('France: Monday to Saturday 8–20, closed on Sunday until Monday 08:00', () => {
    expect(hoursStatus(contacts.FR, at('2026-11-21T10:00:00Z')).kind).toBe('open'); // Saturday 11:00
    expect(hoursStatus(contacts.FR, at('2026-11-21T19:30:00Z'))).toEqual({ kind: 'closed', next: { ahead: 2, day: 1, time: '08:00' } }); // Saturday 20:30
    expect(hoursStatus(contacts.FR, at('2026-11-22T11:00:00Z'))).toEqual({ kind: 'closed', next: { ahead: 1, day: 1, time: '08:00' } }); // Sunday noon
  });

  it('Korea: 24 hours, always open; Portugal: hours not stated, so unknown', () => {
    expect(hoursStatus(contacts.KR, at('2026-11-22T18:00:00Z'))).toEqual({ kind: 'alwaysOpen' });
    expect(hoursStatus(contacts.PT, at('2026-11-22T18:00:00Z'))).toEqual({ kind: 'unknown' });
  });
});
