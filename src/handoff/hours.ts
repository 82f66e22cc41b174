/**
 * Business hours per market, computed with Intl in the market's own time zone (knowledge/contacts.json).
 * `openingHours: null` means the documents do not state the hours: we cannot say open or closed.
 */
import type { Contact } from '../retrieval/knowledge-schema.js';

export type HoursStatus =
  | { kind: 'unknown' }
  | { kind: 'alwaysOpen' }
  | { kind: 'open'; closesAt: string }
  /** `next`: when the team is back, `ahead` days from today (0 today, 1 tomorrow), on weekday `day` (0 = Sunday), at `time` local. */
  | { kind: 'closed'; next?: { ahead: number; day: number; time: string } };
const SHORT_WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday (0 = Sunday) and minutes since midnight at `at` in `timeZone`. */
export function localTime(at: number, timeZone: string): { weekday: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { weekday: SHORT_WEEKDAY[parts.weekday!] ?? 0, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function hoursStatus(contact: Pick<Contact, 'timeZone' | 'openingHours'>, at: number): HoursStatus {
  const rules = contact.openingHours;
  if (!rules) return { kind: 'unknown' };
  if (rules.some((r) => r.days.length === 7 && toMinutes(r.open) === 0 && toMinutes(r.close) >= 1440)) return { kind: 'alwaysOpen' };
  const { weekday, minutes } = localTime(at, contact.timeZone);
  for (const r of rules) {
    if (r.days.includes(weekday) && minutes >= toMinutes(r.open) && minutes < toMinutes(r.close)) {
      return { kind: 'open', closesAt: r.close };
    }
  }
  // Next opening: the earliest rule start from now on, looking at most a week ahead.
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = (weekday + ahead) % 7;
    const starts = rules
      .filter((r) => r.days.includes(day))
      .map((r) => r.open)
      .filter((open) => ahead > 0 || toMinutes(open) > minutes)
      .sort();
    if (starts.length) {
      return { kind: 'closed', next: { ahead, day, time: starts[0]! } };
    }
  }
  return { kind: 'closed' };
}
