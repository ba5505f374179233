// Reading what a watcher prints with `--format json`: one object per run, one line each.
import { vi } from 'vitest';
import type { StartedCli } from './cli.ts';

export interface Line {
  run: number;
  changed: string[];
  work?: { compiled: string[]; analysed: string[] };
  summary?: { files: number; plans: number; errors: number; warnings: number };
  diagnostics?: Array<{ code: string; file: string; range: { start: { line: number; column: number } } }>;
  error?: { kind: string; message: string };
  [field: string]: unknown;
}

export function lines(watch: StartedCli): Line[] {
  return watch
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Line);
}

/** Waits for run `number` and returns it (runs are printed in order, one line each). */
export async function run(watch: StartedCli, number: number, timeout = 15_000): Promise<Line> {
  return vi.waitFor(
    () => {
      const line = lines(watch).find((line) => line.run === number);
      if (!line) throw new Error(`no run ${number} yet; printed: ${watch.stdout()}${watch.stderr()}`);
      return line;
    },
    { timeout, interval: 10 },
  );
}

/** What a run found, in short: `code file:line:column`. */
export const found = (line: Line) => (line.diagnostics ?? []).map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`);
