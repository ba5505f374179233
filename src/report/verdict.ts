// The one-line verdict every format for people ends or begins with.
import type { Counts } from '../diagnostics/types.ts';
import { plural } from '../util/words.ts';

export interface Verdict {
  /** ✔ nothing that fails, ✖ errors, ⚠ warnings. */
  mark: '✔' | '✖' | '⚠';
  /** "2 errors, 1 warning in 3 plan files", "3 plan files checked: no problems". */
  text: string;
}

export function verdict(counts: Counts, files: number, suppressed = 0): Verdict {
  return worded(counts, suppressed, plural(files, 'plan file'), (checked, what) => `${checked} checked: ${what}`);
}

/** The status line of a watcher (`planc watch`), shorter: "2 plans, no problems", "1 error, 0 warnings in 2 plans". */
export function watchVerdict(counts: Counts, files: number, suppressed = 0): Verdict {
  return worded(counts, suppressed, plural(files, 'plan'), (checked, what) => `${checked}, ${what}`);
}

function worded(counts: Counts, suppressed: number, checked: string, clean: (checked: string, what: string) => string): Verdict {
  const aside = suppressed > 0 ? ` (${suppressed} suppressed)` : '';
  if (counts.errors + counts.warnings + counts.infos === 0) return { mark: '✔', text: `${clean(checked, 'no problems')}${aside}` };
  if (counts.errors + counts.warnings === 0) return { mark: '✔', text: `${clean(checked, plural(counts.infos, 'note'))}${aside}` };
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), ...(counts.infos ? [plural(counts.infos, 'note')] : [])];
  return { mark: counts.errors > 0 ? '✖' : '⚠', text: `${parts.join(', ')} in ${checked}${aside}` };
}
