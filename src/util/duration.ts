// Durations in the plan language: a number of working days, or `4h` (hours, 8 a day),
// `3d` (days), `2w` (weeks of 5 working days). Negative values are lags (leads).

const UNIT_DAYS: Record<string, number> = { h: 1 / 8, d: 1, w: 5 };

/** Working days for a schema-valid duration or lag. */
export function toWorkingDays(value: number | string): number {
  if (typeof value === 'number') return value;
  const unit = value.at(-1)!;
  return Number(value.slice(0, -1)) * UNIT_DAYS[unit]!;
}

/** Working days closer than this are equal: schedules add fractions of days, and floating point adds noise. */
export const EPSILON = 1e-9;

/** Rounds away floating-point noise (0.1 + 0.2) for output. */
export function roundDays(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}
