// Figures as outputs show them.

/** A fraction (0…1) in whole percent. */
export function percent(fraction: number): number {
  return Math.round(fraction * 100);
}

/** `part` of `whole` in whole percent; `empty` when the whole is nothing. */
export function percentOf(part: number, whole: number, empty: number): number {
  return whole > 0 ? percent(part / whole) : empty;
}
