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
  const checked = plural(files, 'plan file');
  const aside = suppressed > 0 ? ` (${suppressed} suppressed)` : '';
  if (counts.errors + counts.warnings + counts.infos === 0) return { mark: '✔', text: `${checked} checked: no problems${aside}` };
  if (counts.errors + counts.warnings === 0) return { mark: '✔', text: `${checked} checked: ${plural(counts.infos, 'note')}${aside}` };
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), ...(counts.infos ? [plural(counts.infos, 'note')] : [])];
  return { mark: counts.errors > 0 ? '✖' : '⚠', text: `${parts.join(', ')} in ${checked}${aside}` };
}
