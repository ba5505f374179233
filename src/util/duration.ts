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

/** Unit words people write, by the unit of the language they mean. */
const UNIT_WORDS: ReadonlyMap<string, 'h' | 'd' | 'w'> = new Map([
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((word) => [word, 'h'] as const),
  ...['', 'd', 'day', 'days', 'working day', 'working days', 'business day', 'business days', 'workday', 'workdays'].map((word) => [word, 'd'] as const),
  ...['w', 'wk', 'wks', 'week', 'weeks'].map((word) => [word, 'w'] as const),
]);

/**
 * A duration written in words (`3 days`, `1 week`, `4 hours`, `1.5 working days`, `"2"`) in
 * the language's form (`3d`, `1w`, `4h`, `1.5d`, `2d`); undefined for anything else.
 */
export function durationFromWords(text: string): string | undefined {
  const match = /^\s*(-?(?:\d+(?:\.\d+)?|\.\d+))\s*([a-z]+(?: [a-z]+)?)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = UNIT_WORDS.get((match[2] ?? '').toLowerCase());
  if (unit === undefined) return undefined;
  const amount = Number(match[1]);
  return `${String(amount)}${unit}`;
}
