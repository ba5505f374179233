// Calendar dates as days since 1970-01-01 ("epoch days"), without Date objects.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The year, month (1–12) and day of the month of an epoch day (Howard Hinnant's civil-from-days; no Date objects). */
export function civil(day: number): { year: number; month: number; date: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, date };
}

/** The ISO date of an epoch day. */
export function isoDate(day: number): string {
  const { year: y, month: m, date: d } = civil(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isoDate(epochDay(text)) === text;
}

/** Today's date where the caller is (its local calendar day), YYYY-MM-DD: only the command line asks for it. */
export function localDate(now: Date): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The days of the week as the plan language writes them, Monday first. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The day of the week of an epoch day: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The day a week starts on (0 = Monday): Monday, or the first working day after the days
 * off (Sunday for a Sunday-to-Thursday week), as calendars that people use show it.
 */
export function weekStart(workdays: readonly string[]): number {
  const working = WEEKDAYS.map((day) => workdays.includes(day));
  for (let d = 0; d < 7; d++) if (working[d] && !working[(d + 6) % 7]) return d;
  return 0;
}
