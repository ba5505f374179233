import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MARKER, diff, diffReporters, evaluateGates, type DiffStep } from '../../api/diff.ts';
import { stylish } from '../../report/stylish.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { writeAtomically } from '../../util/atomic.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import type { ParsedArgs } from './index.ts';
import { request } from './shared.ts';

/** The steps of a diff, as the progress line counts them. */
const STEPS = 4;

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const format = String(values.format);
  const reporter = diffReporters[format];
  if (!reporter) throw new UsageError(`unknown format \`${format}\``, `Formats: ${Object.keys(diffReporters).join(', ')}.`);
  const gates = ((values['fail-on'] as string[] | undefined) ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  const marker = values['comment-marker'] === undefined ? DEFAULT_MARKER : String(values['comment-marker']);

  const progress = progressLine(io);
  let step = 0;
  const show = (what: DiffStep) =>
    progress.show(what.step === 'reading' ? `reading ${what.label}` : what.step === 'compiling' ? 'checking both sides' : 'comparing', ++step, STEPS);
  let result;
  try {
    result = await diff({
      ...request(args, io),
      ...(values.base !== undefined ? { base: String(values.base) } : {}),
      ...(values.head !== undefined ? { head: String(values.head) } : {}),
      env: io.env,
      onProgress: show,
    });
  } finally {
    progress.clear();
  }
  for (const pattern of result.unmatched) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
  if (!result.diff) {
    // The head's configuration has errors: reported as `check` reports them.
    const style = wantsColour(io.env, Boolean(io.stderr.isTTY)) ? COLOUR : PLAIN;
    io.stderr.write(stylish({ diagnostics: result.diagnostics, files: 0, plans: 0, source: result.source }, style));
    return EXIT.usage;
  }

  const evaluated = evaluateGates(result, gates);
  const output = values.output === undefined ? undefined : resolve(io.cwd, String(values.output));
  const style = !output && wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN;
  const report = reporter(result, { style, marker, gates: evaluated });
  if (output) write(output, () => writeAtomically(output, report));
  else io.stdout.write(report);
  // In a GitHub Actions job, the diff also goes into the job's summary.
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    const markdown = diffReporters.markdown!(result, { style: PLAIN, marker: false });
    write(summary, () => appendFileSync(summary, `${markdown}\n`));
  }
  const held = evaluated.filter((gate) => gate.holds);
  for (const gate of held) io.stderr.write(`planc: --fail-on ${gate.gate}: ${gate.reasons.join('; ')}\n`);
  return held.length > 0 ? EXIT.findings : EXIT.clean;
}

/** A file that cannot be written is the machine's problem, not the plans': exit 2, nothing half-written. */
function write(path: string, writeIt: () => void): void {
  try {
    writeIt();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`could not write \`${path}\` (${code})`);
  }
}
