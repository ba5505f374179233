// Small English for messages and documents: "1 warning", "3 warnings"; "a task", "an
// architecture diagram"; "3d", "1 working day"; "2 errors, 1 note".
import type { Counts } from '../diagnostics/types.ts';

/** A count with its noun, plural when the count is not one. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A noun with its indefinite article. */
export function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Working days as every output shows a length: exactly when they are whole hours (8 a
 * day: a 6h task is 0.75d, not 0.8d), else to a tenth (a PERT mean of 1.6667 is 1.7d).
 */
function shown(value: number): number {
  const hours = value * 8;
  if (Math.abs(hours - Math.round(hours)) < 1e-6) return Math.round(hours) / 8;
  return Math.round(value * 10) / 10;
}

/** Working days, briefly: 3d, 0.5d, 0.75d, 62.7d. */
export function days(value: number): string {
  return `${shown(value)}d`;
}

/** Working days in words: "1 working day", "62.7 working days". */
export function workingDays(value: number): string {
  return plural(shown(value), 'working day');
}

/** A working day as messages and documents name it without dates: "day 3" (the first is day 1). */
export function dayLabel(day: number): string {
  return `day ${day}`;
}

/** "none", or the findings by severity: "2 errors, 1 warning, 3 notes" (infos are notes, as `planc check` says). */
export function findingsText({ errors, warnings, infos }: Counts): string {
  const parts = [
    ...(errors ? [plural(errors, 'error')] : []),
    ...(warnings ? [plural(warnings, 'warning')] : []),
    ...(infos ? [plural(infos, 'note')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/**
 * "3 changed files since main: 2 in the areas of 4 tasks of 2 plans, 1 in no plan's" — the
 * one line every impact format states; `since` says where the changes came from.
 */
export function impactSentence(summary: { changed: number; covered: number; uncovered: number; tasks: number; plans: number }, since = ''): string {
  if (summary.changed === 0) return `No changed files${since}.`;
  const parts: string[] = [];
  if (summary.covered > 0) parts.push(`${summary.covered} in the areas of ${plural(summary.tasks, 'task')} of ${plural(summary.plans, 'plan')}`);
  if (summary.uncovered > 0) parts.push(`${summary.uncovered} in no plan's`);
  return `${plural(summary.changed, 'changed file')}${since}: ${parts.join(', ')}.`;
}
