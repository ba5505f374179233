import { buildOutputs } from '../../api/build.ts';
import { shownPath } from '../../util/paths.ts';
import { plural } from '../../util/words.ts';
import type { Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, formatTargets, printReports, request, writerStreams } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const targets = formatTargets(args.values);
  const result = await buildOutputs({ ...request(args, io), ...(args.values.out !== undefined ? { out: String(args.values.out) } : {}) });
  const streams = writerStreams(targets, io);
  printReports(result, targets, streams.report, io, { quietWhenEmpty: true });
  const { written } = result;
  if (written) {
    streams.summary.write(
      `Built ${plural(result.built.length, 'plan')} into ${shownPath(result.out, io.cwd)}/: ${plural(written.written, 'file')} written, ${written.unchanged} unchanged, ${written.removed} removed.\n`,
    );
    if (result.notBuilt.length > 0) {
      streams.summary.write(`Not built (errors): ${result.notBuilt.map((entry) => entry.file).join(', ')}; their previous outputs were kept.\n`);
    }
  }
  return exitCode(result);
}
