// Working-day offsets ↔ calendar dates. Offset x means "x working days after the start of
// the first working day": a task with ES 2.5 starts mid-way through the third working day;
// one with EF 4 finishes at the end of the fourth. Counting is arithmetic over whole weeks
// plus a binary search over holidays, so it costs O(log holidays), never a day-by-day walk.
import { dayLabel } from '../util/words.ts';
import type { Calendar, Weekday } from '../model/plan.ts';
import { epochDay, isoDate, weekdayOf } from '../util/dates.ts';
import { EPSILON } from '../util/duration.ts';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/**
 * The working day (0 = the first) on which work at `offset` happens: a start. Offset x is
 * "x working days after the start of the first working day", so a start at 2.5 is on day 2.
 */
export function startIndex(offset: number): number {
  return Math.max(0, Math.floor(offset + EPSILON));
}

/** The working day (0 = the first) on which work ending at `offset` ends: the day it completes, so a finish at 4 is on day 3. */
export function finishIndex(offset: number): number {
  return Math.max(0, Math.ceil(offset - EPSILON) - 1);
}

/** A start as messages give it: its date, or its working day ("day 3") without a calendar. */
export function startLabel(offset: number, calendar: WorkCalendar | undefined): string {
  return calendar ? calendar.startDate(offset) : dayLabel(startIndex(offset) + 1);
}

/** A finish as messages give it: its date, or its working day without a calendar. */
export function finishLabel(offset: number, calendar: WorkCalendar | undefined): string {
  return calendar ? calendar.finishDate(offset) : dayLabel(finishIndex(offset) + 1);
}


export class WorkCalendar {
  /** The first working day on or after the start date. */
  readonly firstDay: number;
  readonly #working: boolean[];
  readonly #perWeek: number;
  /** Holidays that fall on working weekdays, sorted (before the start too: a due date may be earlier). */
  readonly #holidays: number[];

  constructor(calendar: Calendar, start: string) {
    this.#working = WEEKDAYS.map((day) => calendar.workdays.includes(day));
    this.#perWeek = this.#working.filter(Boolean).length;
    const holidays = new Set(calendar.holidays.map(epochDay));
    let first = epochDay(start);
    // With at least one working day a week, a run of holidays must end within the list's length.
    for (let guard = 0; guard < 7 + holidays.size && (!this.#working[weekdayOf(first)] || holidays.has(first)); guard++) first += 1;
    this.firstDay = first;
    this.#holidays = [...holidays].filter((day) => this.#working[weekdayOf(day)]).sort((a, b) => a - b);
  }

  isWorkday(day: number): boolean {
    return this.#working[weekdayOf(day)]! && !this.#isHoliday(day);
  }

  /** Whether a day of the week is a working one (0 = Monday … 6 = Sunday). */
  isWorkingWeekday(day: number): boolean {
    return this.#working[weekdayOf(day)]!;
  }

  #isHoliday(day: number): boolean {
    return this.#holidaysBefore(day + 1) - this.#holidaysBefore(day) === 1;
  }

  /** Holidays (on working weekdays) strictly before `day`. */
  #holidaysBefore(day: number): number {
    let low = 0;
    let high = this.#holidays.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#holidays[mid]! < day) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Working days in [from, to), from ≤ to: whole weeks counted at once. */
  #workdaysIn(from: number, to: number): number {
    const weeks = Math.floor((to - from) / 7);
    let count = weeks * this.#perWeek;
    for (let d = from + weeks * 7; d < to; d++) if (this.#working[weekdayOf(d)]) count += 1;
    return count - (this.#holidaysBefore(to) - this.#holidaysBefore(from));
  }

  /**
   * Working days in [firstDay, day): the offset at which `day` starts. Before the first day
   * it is negative: minus the working days in [day, firstDay) (a due date before the start
   * is that many working days early).
   */
  workdaysBefore(day: number): number {
    return day >= this.firstDay ? this.#workdaysIn(this.firstDay, day) : -this.#workdaysIn(day, this.firstDay);
  }

  /** The calendar day of working day number `index` (0 = firstDay). */
  dayOf(index: number): number {
    // The answer lies within the weeks needed plus one more week per holiday before it.
    let low = this.firstDay + Math.floor(index / this.#perWeek) * 7;
    let high = low + 7 + Math.ceil((this.#holidays.length / this.#perWeek) * 7) + 7;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (this.workdaysBefore(mid + 1) >= index + 1) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  readonly #dates = new Map<number, string>();

  /** The date of working day number `index`, remembered: a plan asks for the same few days often. */
  dateOf(index: number): string {
    let date = this.#dates.get(index);
    if (date === undefined) {
      date = isoDate(this.dayOf(index));
      this.#dates.set(index, date);
    }
    return date;
  }

  /** The date on which work at offset `offset` happens (a start). */
  startDate(offset: number): string {
    return this.dateOf(startIndex(offset));
  }

  /** The date on which work ending at offset `offset` ends (a finish): the day it completes. */
  finishDate(offset: number): string {
    return this.dateOf(finishIndex(offset));
  }

  /** The offset at the end of `date` (when something due that day must be done by). */
  endOfDay(date: string): number {
    return this.workdaysBefore(epochDay(date) + 1);
  }

  /** Working days from the end of `earlier` to the end of `later` (later ≥ earlier). */
  workdaysBetween(earlier: string, later: string): number {
    return this.workdaysBefore(epochDay(later) + 1) - this.workdaysBefore(epochDay(earlier) + 1);
  }

  /**
   * Where a start at `offset` is drawn, in calendar time (epoch days, fractional): on the
   * day containing it, plus the share of that day already gone (2.5 is noon of day 2).
   */
  startTime(offset: number): number {
    const index = startIndex(offset);
    return this.dayOf(index) + Math.min(1, Math.max(0, offset - index));
  }

  /**
   * Where a finish at `offset` is drawn: on the day it completes, plus the share of that
   * day used (a whole number of days ends at the end of its last day; 0 is the very start).
   */
  finishTime(offset: number): number {
    const index = finishIndex(offset);
    return this.dayOf(index) + Math.min(1, Math.max(0, offset - index));
  }

  /** Calendar time (epoch days, fractional) of a point on the working-day axis. */
  toTime(offset: number): number {
    const whole = Math.floor(offset + EPSILON);
    return this.dayOf(Math.max(0, whole)) + Math.max(0, offset - whole);
  }

  /** The working-day offset of a calendar time: non-working days collapse to a point, and time before the first day to 0. */
  fromTime(time: number): number {
    const day = Math.floor(time);
    if (day < this.firstDay) return 0;
    const before = this.workdaysBefore(day);
    return this.isWorkday(day) ? before + (time - day) : before;
  }
}
