// What the commands that run until stopped share (`planc watch`, `planc build --watch`,
// `planc preview`): the formats a watcher prints, each run as it is printed, and waiting
// for Ctrl-C or SIGTERM.
import { reportInput, type ReportOptions } from '../api/report.ts';
import type { CheckResult } from '../api/result.ts';
import type { PlanWatcher, WatchRun } from '../api/watch.ts';
import { COLOUR, PLAIN, wantsColour } from '../report/terminal.ts';
import { CLEAR_SCREEN, statusLine, watchJson, watchText } from '../report/watch.ts';
import { describeFailure } from './failure.ts';
import { EXIT, UsageError, type Io } from './io.ts';
import type { ParsedArgs } from './commands/index.ts';

export type WatchFormat = 'stylish' | 'json';

/** `--format stylish` (the default) or `json` (one object per line per run); a watcher prints no other format. */
export function watchFormat(values: ParsedArgs['values']): WatchFormat {
  const given = ([] as unknown[]).concat(values.format ?? []).map(String);
  if (given.length === 0) return 'stylish';
  if (given.length === 1 && (given[0] === 'stylish' || given[0] === 'json')) return given[0];
  throw new UsageError(
    `a watcher prints \`stylish\` or \`json\`, not ${given.map((name) => `\`${name}\``).join(', ')}`,
    'Use `planc check --format …` for the formats of CI (one report per run).',
  );
}

export interface RunScreen {
  /** Prints a run: on a terminal the screen is cleared first (unless the output is kept), then its findings and status line. */
  show(run: WatchRun<unknown>, extra?: { lines?: string[]; json?: Record<string, unknown> }): void;
  /** A warning of the watcher's own (on standard error). */
  warn(message: string): void;
}

export function runScreen(io: Io, format: WatchFormat, options: ReportOptions & { preserve?: boolean }): RunScreen {
  const tty = Boolean(io.stdout.isTTY);
  const style = wantsColour(io.env, tty) ? COLOUR : PLAIN;
  return {
    show(run, extra = {}) {
      if (format === 'json') {
        if (run.ok) io.stdout.write(watchJson({ ...run, work: run.work }, { input: reportInput(run.result, options) }, extra.json));
        else io.stdout.write(watchJson(run, { failure: failureOf(run.error, io) }, extra.json));
        return;
      }
      let text = tty && !options.preserve ? CLEAR_SCREEN : '';
      if (run.ok || run.result) {
        const result = run.result as CheckResult;
        text += watchText(reportInput(result, options), run.startedAt, style, result.configInvalid ? { mark: '✖', text: `${result.config.file ?? 'the configuration'} has errors: nothing was checked` } : undefined);
      }
      if (!run.ok) {
        const failure = describeFailure(run.error, io.env);
        text += failure.text + statusLine({ mark: '✖', text: failure.kind === 'usage' ? 'nothing was checked' : 'planc failed' }, run.startedAt, style);
      }
      for (const line of extra.lines ?? []) text += `${line}\n`;
      if (tty) text += `${style.dim('Watching for changes · Ctrl-C to stop')}\n`;
      io.stdout.write(text);
    },
    warn(message) {
      io.stderr.write(`planc: warning: ${message}\n`);
    },
  };
}

function failureOf(error: unknown, io: Io): { kind: 'usage' | 'internal'; message: string; hint?: string } {
  const { kind, message, hint } = describeFailure(error, io.env);
  return { kind, message, ...(hint ? { hint } : {}) };
}

/**
 * Runs until the user stops planc (Ctrl-C or SIGTERM), then closes the watcher: the run
 * under way ends first, so no output is left half-written. A callback that threw (a bug)
 * ends it too, as an internal error.
 */
export async function untilStopped(io: Io, watcher: Pick<PlanWatcher, 'done' | 'close'>): Promise<number> {
  let unsubscribe: (() => void) | undefined;
  const stopped = new Promise<void>((done) => {
    unsubscribe = io.onStop?.(() => done());
  });
  try {
    await Promise.race([stopped, watcher.done]);
  } finally {
    await watcher.close();
    unsubscribe?.();
  }
  await watcher.done;
  return EXIT.clean;
}
