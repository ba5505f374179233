// The baseline: findings a team has accepted, kept in a file (`planc check --baseline
// planc-baseline.json`, written by `--update-baseline`), so that a check fails only on new
// ones. A finding is matched by its plan, its code and the item it is about — the path of
// ids from the plan down (`phases[build]/tasks[code]/owner`), not its line — so editing a
// plan elsewhere does not invalidate its baseline. The same finding twice is counted twice.
import type { Plan } from '../model/plan.ts';
import { byCode } from './catalogue.ts';
import type { SuppressedDiagnostic } from './suppressions.ts';
import type { ResolvedDiagnostic } from './types.ts';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** The plan's id, or the file's path when it has no plan (it did not build). */
  plan: string;
  code: string;
  /** The item, as a path of ids: `phases[build]/tasks[code]/owner`; `` for the plan itself. */
  item: string;
  /** How many such findings there are (one when left out). */
  count?: number;
  /** The message when it was accepted, for people reading the file. */
  message?: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

const keyOf = (entry: Pick<BaselineEntry, 'plan' | 'code' | 'item'>) => `${entry.plan}\u0000${entry.code}\u0000${entry.item}`;

/** Only what the configuration could turn off can be accepted: the rest stops a plan from building. */
function acceptable(diagnostic: ResolvedDiagnostic): boolean {
  return byCode.get(diagnostic.code)?.configurable === true;
}

/** What a finding is in a baseline. */
function baselineEntry(diagnostic: ResolvedDiagnostic, plan: Plan | undefined): BaselineEntry {
  return { plan: plan?.id ?? diagnostic.file, code: diagnostic.code, item: diagnostic.item ?? '' };
}

/** The baseline of these findings: one entry per plan, code and item, sorted. */
export function makeBaseline(diagnostics: readonly ResolvedDiagnostic[], planOf: (file: string) => Plan | undefined): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const diagnostic of diagnostics) {
    if (!acceptable(diagnostic)) continue;
    const entry = baselineEntry(diagnostic, planOf(diagnostic.file));
    const key = keyOf(entry);
    const known = entries.get(key);
    if (known) known.count = (known.count ?? 1) + 1;
    else entries.set(key, { ...entry, message: diagnostic.message });
  }
  const findings = [...entries.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { version: BASELINE_VERSION, findings };
}

export interface BaselineMatch {
  kept: ResolvedDiagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** Entries of the baseline that matched no finding (fixed since it was written). */
  stale: number;
}

/** Suppresses the findings the baseline holds, as many of each as it counts. */
export function applyBaseline(diagnostics: readonly ResolvedDiagnostic[], planOf: (file: string) => Plan | undefined, baseline: Baseline): BaselineMatch {
  const left = new Map<string, number>();
  for (const entry of baseline.findings) left.set(keyOf(entry), (left.get(keyOf(entry)) ?? 0) + (entry.count ?? 1));
  const kept: ResolvedDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = keyOf(baselineEntry(diagnostic, planOf(diagnostic.file)));
    const count = left.get(key) ?? 0;
    if (count > 0 && acceptable(diagnostic)) {
      left.set(key, count - 1);
      suppressed.push({ ...diagnostic, suppression: { kind: 'baseline' } });
    } else {
      kept.push(diagnostic);
    }
  }
  let stale = 0;
  for (const count of left.values()) stale += count;
  return { kept, suppressed, stale };
}
