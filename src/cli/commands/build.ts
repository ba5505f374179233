import { buildOutputs, type BuildResult } from '../../api/build.ts';
import { watchPlans } from '../../api/watch.ts';
import { shownPath } from '../../util/paths.ts';
import { plural } from '../../util/words.ts';
import type { Io } from '../io.ts';
import { runScreen, untilStopped, watchFormat } from '../watching.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, formatTargets, printReports, request, writerStreams } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.values.watch === true) return watch(args, io);
  const targets = formatTargets(args.values);
  const result = await buildOutputs({ ...request(args, io), ...out(args) });
  const streams = writerStreams(targets, io);
  printReports(result, targets, streams.report, io, { quietWhenEmpty: true });
  for (const line of summary(result, io)) streams.summary.write(`${line}\n`);
  return exitCode(result);
}

function out(args: ParsedArgs): { out?: string } {
  return args.values.out !== undefined ? { out: String(args.values.out) } : {};
}

/** What a build wrote, in a line or two. */
function summary(result: BuildResult, io: Io): string[] {
  const { written } = result;
  if (!written) return [];
  return [
    `Built ${plural(result.built.length, 'plan')} into ${shownPath(result.out, io.cwd)}/: ${plural(written.written, 'file')} written, ${written.unchanged} unchanged, ${written.removed} removed.`,
    ...(result.notBuilt.length > 0 ? [`Not built (errors): ${result.notBuilt.map((entry) => entry.file).join(', ')}; their previous outputs were kept.`] : []),
  ];
}

/** `--watch`: builds again on every change, until stopped; each run's findings and what it wrote. */
function watch(args: ParsedArgs, io: Io): Promise<number> {
  const screen = runScreen(io, watchFormat(args.values), {});
  const base = request(args, io);
  const watcher = watchPlans({
    ...base,
    simulate: true,
    task: (_, session) => buildOutputs({ ...base, ...out(args), session }),
    onRun: (finished) =>
      screen.show(finished, finished.ok ? { lines: summary(finished.value, io), json: { out: finished.value.out, ...(finished.value.written ? { written: finished.value.written } : {}) } } : {}),
    onWatchError: (error) => screen.warn(`the file watcher: ${error.message}`),
  });
  return untilStopped(io, watcher);
}
