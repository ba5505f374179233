// Figures as outputs show them.

/** `part` of `whole` in whole percent; `empty` when the whole is nothing. */
export function percentOf(part: number, whole: number, empty: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : empty;
}
