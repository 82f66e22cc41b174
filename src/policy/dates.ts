/** Dates as ISO strings (YYYY-MM-DD), calendar arithmetic in UTC. */

function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}
/** Adds calendar months, clamping to the month's last day (2023-01-31 + 1 month = 2023-02-28). */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtc(target);
}
export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}
/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
/** Last day covered by a period of `months` starting on `start`. */
export function lastDayOf(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}
