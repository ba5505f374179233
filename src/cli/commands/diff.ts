// `planc diff`: argv → the library's diff → its reporters → exit code. Each format goes to
// standard output or its file (`--format markdown=planc-diff.md`); in a GitHub Actions job
// the markdown also goes into the job summary; `--fail-on` gates decide the exit code.
import { checkGates, checkMarker, DEFAULT_MARKER, diff, diffReporters, evaluateGates, type DiffStep } from '../../api/diff.ts';
import { formatResult } from '../../api/report.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { EXIT, type Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import type { ParsedArgs } from './index.ts';
import { appendJobSummary, formatTargets, request, writeReportFile } from './shared.ts';

/** The steps of a diff, as the progress line counts them: reading each side, compiling, comparing. */
const STEPS = 4;

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  // Every option is checked before git is asked anything.
  const targets = formatTargets(values, Object.keys(diffReporters));
  const gates = ([] as unknown[])
    .concat(values['fail-on'] ?? [])
    .flatMap((value) => String(value).split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  checkGates(gates);
  const marker = values['comment-marker'] === undefined ? DEFAULT_MARKER : String(values['comment-marker']);
  checkMarker(marker);

  const progress = progressLine(io);
  let step = 0;
  const show = (what: DiffStep) => progress.show(what.step === 'reading' ? `reading ${what.label}` : what.step === 'compiling' ? 'checking both sides' : 'comparing', ++step, STEPS);
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
    io.stderr.write(formatResult(result, 'stylish', wantsColour(io.env, Boolean(io.stderr.isTTY)) ? COLOUR : PLAIN));
    return EXIT.usage;
  }

  const evaluated = evaluateGates(result, gates);
  for (const target of targets) {
    const reporter = diffReporters[target.name]!;
    if (target.file !== undefined) {
      writeReportFile(io, { name: target.name, file: target.file }, reporter(result, { style: PLAIN, marker, gates: evaluated }));
      continue;
    }
    const style = wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN;
    io.stdout.write(reporter(result, { style, marker, gates: evaluated }));
  }
  // The job summary is the run's page, not a comment to find again: no marker.
  appendJobSummary(io, () => `${diffReporters.markdown!(result, { style: PLAIN, marker: false })}\n`);
  const held = evaluated.filter((gate) => gate.holds);
  for (const gate of held) io.stderr.write(`planc: --fail-on ${gate.gate}: ${gate.reasons.join('; ')}\n`);
  return held.length > 0 ? EXIT.findings : EXIT.clean;
}
