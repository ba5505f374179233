// What a watcher prints for each run (`planc watch`, `planc build --watch`). For people: the
// findings as `stylish` shows them, then one status line — "✔ 2 plans, no problems ·
// 12:04:31" — with the screen cleared before each run on a terminal, as `tsc --watch` does.
// For programs: one JSON object per run, on one line (the `json` report with the run's facts).
import { countFindings } from '../diagnostics/counts.ts';
import { JSON_FORMAT_VERSION, jsonReport } from './json.ts';
import { painted, stylish } from './stylish.ts';
import type { Style } from './terminal.ts';
import type { ReportInput } from './types.ts';
import { watchVerdict, type Verdict } from './verdict.ts';

/** Clears the screen and its scrollback, and puts the cursor home (what `tsc --watch` writes). */
export const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

/** What a run was, as the reports show it. */
export interface RunFacts {
  /** 1 for the first run. */
  number: number;
  startedAt: Date;
  /** The paths whose change started it (none for the first). */
  changed: readonly string[];
  /** From the change to the result, in ms. */
  elapsed: number;
  /** What was compiled and analysed again. */
  work?: { compiled: readonly string[]; analysed: readonly string[] };
}

/** A run that could not check: a usage error (a named file gone), or planc's own. */
interface RunFailure {
  kind: 'usage' | 'internal';
  message: string;
  hint?: string;
}

/** The clock time of a run, as the status line shows it: `12:04:31`. */
function clockTime(time: Date): string {
  return time.toTimeString().slice(0, 8);
}

/** The status line: the verdict and the time. */
export function statusLine(verdict: Verdict, time: Date, style: Style): string {
  return `${painted(verdict, style)} ${style.dim(`· ${clockTime(time)}`)}\n`;
}

/** The findings of a run and its status line; `verdict` replaces the one worked out from the findings (a configuration with errors). */
export function watchText(input: ReportInput, time: Date, style: Style, verdict?: Verdict): string {
  const shown = verdict ?? watchVerdict(countFindings(input.diagnostics), input.files.length, input.suppressed.length);
  return stylish(input, style, { summary: false }) + statusLine(shown, time, style);
}

/** One run as one line of JSON: the run's facts, then the `json` report's fields (or `error`), then `extra` (what a build wrote). */
export function watchJson(run: RunFacts, outcome: { input: ReportInput } | { failure: RunFailure }, extra: Record<string, unknown> = {}): string {
  const facts = {
    run: run.number,
    time: run.startedAt.toISOString(),
    changed: run.changed,
    elapsed: Math.round(run.elapsed),
    ...(run.work ? { work: run.work } : {}),
  };
  const report = 'input' in outcome ? jsonReport(outcome.input) : { version: JSON_FORMAT_VERSION, error: outcome.failure };
  const { version, ...rest } = report;
  return `${JSON.stringify({ version, ...facts, ...rest, ...extra })}\n`;
}
