// The Gantt chart's time axis: calendar days (or, for a plan without dates, working days)
// to pixels, at a scale chosen by the span so that half a day stays visible on a short
// plan and a long one stays a few screens wide; and the two tiers of ticks that suit the
// scale (days under months, weeks under months, months under years…), weeks starting on
// the calendar's first working day.
import type { WorkCalendar } from '../../analyse/calendar.ts';
import { civil, epochDay, weekdayOf, weekStart } from '../../util/dates.ts';
import type { Weekday } from '../../model/plan.ts';

export interface Tick {
  /** x of the tick, in pixels. */
  x: number;
  label: string;
}

export interface TimeScale {
  /** Calendar days (epoch days) when true; working days from the plan's start when false. */
  dated: boolean;
  /** The time at x = 0. */
  origin: number;
  /** Pixels per day. */
  unit: number;
  /** The width of the chart, in pixels. */
  width: number;
  /** The bottom tier (days, weeks, months or quarters) and the top one (weeks, months or years). */
  minor: Tick[];
  major: Tick[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The narrowest a chart is drawn: short plans spread over the room a column gives. */
export const MIN_WIDTH = 640;


/** Pixels per day for a span of `days`: the finest scale that keeps the chart a few screens wide. */
function unitFor(days: number, dated: boolean): number {
  const steps = dated ? [[45, 30], [120, 14], [400, 5], [1200, 1.6]] : [[30, 30], [90, 14], [300, 5], [900, 1.6]];
  for (const [span, unit] of steps) if (days <= span!) return unit!;
  return 0.5;
}

function parts(day: number): { year: number; month: number; date: number } {
  const { year, month, date } = civil(day);
  return { year, month: month - 1, date };
}

/** The first day of the month after `day`'s. */
function nextMonth(day: number): number {
  const { year, month, date } = civil(day);
  return day - date + 1 + DAYS_IN_MONTH[month - 1]! + (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0);
}

export function timeScale(options: { from: number; to: number; dated: boolean; workdays: readonly Weekday[] }): TimeScale {
  const span = Math.max(1, options.to - options.from);
  const unit = Math.max(unitFor(span, options.dated), MIN_WIDTH / span);
  const origin = options.from;
  const width = Math.ceil(span * unit);
  const x = (time: number) => (time - origin) * unit;
  const minor: Tick[] = [];
  const major: Tick[] = [];
  const first = Math.floor(options.from);
  const last = Math.ceil(options.to);
  if (!options.dated) {
    // Working days: a tick every 1, 5, 10, 20… days, at least 36 px apart; day 1 first.
    const every = [1, 5, 10, 20, 50, 100, 200].find((step) => step * unit >= 36) ?? 500;
    for (let d = 0; d <= last; d += every) if (d >= first) minor.push({ x: x(d), label: `day ${d + 1}` });
    return { dated: false, origin, unit, width, minor, major };
  }
  const start = weekStart(options.workdays);
  if (unit >= 20) {
    for (let d = first; d < last; d++) minor.push({ x: x(d), label: String(parts(d).date) });
  } else if (unit >= 2.5) {
    const short = unit < 8;
    for (let d = first; d < last; d++) {
      if (weekdayOf(d) !== start) continue;
      const { month, date } = parts(d);
      minor.push({ x: x(d), label: short ? String(date) : `${MONTHS[month]} ${date}` });
    }
  } else {
    for (let d = first - parts(first).date + 1; d < last; d = nextMonth(d)) {
      const { month } = parts(d);
      if (unit >= 0.8 || month % 3 === 0) minor.push({ x: x(d), label: unit >= 0.8 ? MONTHS[month]! : `Q${month / 3 + 1}` });
    }
  }
  // The top tier: months (their names as long as they fit), or years on the coarser scales.
  for (let d = first - parts(first).date + 1; d < last; d = nextMonth(d)) {
    const { year, month } = parts(d);
    if (unit >= 2.5) major.push({ x: x(d), label: unit * 28 >= 120 ? `${LONG_MONTHS[month]} ${year}` : `${MONTHS[month]} ${year}` });
    else if (month === 0 || major.length === 0) major.push({ x: x(d), label: String(year) });
  }
  return { dated: true, origin, unit, width, minor, major };
}

/** Where items are drawn: working-day offsets to pixels, through the calendar when the plan has one. */
export class Placement {
  readonly scale: TimeScale;
  readonly #calendar: WorkCalendar | undefined;

  constructor(scale: TimeScale, calendar: WorkCalendar | undefined) {
    this.scale = scale;
    this.#calendar = calendar;
  }

  /** x of a start at a working-day offset. */
  start(offset: number): number {
    return this.#x(this.#calendar ? this.#calendar.startTime(offset) : offset);
  }

  /** x of a finish (or of a zero-length item) at a working-day offset. */
  finish(offset: number): number {
    return this.#x(this.#calendar ? this.#calendar.finishTime(offset) : offset);
  }

  /** x of the start of a calendar day (dated plans). */
  day(date: string): number {
    return this.#x(epochDay(date));
  }

  #x(time: number): number {
    return (time - this.scale.origin) * this.scale.unit;
  }
}

