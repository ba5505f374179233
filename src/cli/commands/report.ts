import { statusReports } from '../../api/status-report.ts';
import { shownPath } from '../../util/paths.ts';
import { findingsText, plural } from '../../util/words.ts';
import { EXIT, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { request } from './shared.ts';

/**
 * The status report goes to standard output (or, with --out, into a folder, and a summary
 * line to standard output). Findings are `planc check`'s business: here one line on
 * standard error says how many there are. Late work is what a report is for, so it does
 * not fail the command; a plan file with errors, which cannot be reported, does (exit 1).
 */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const result = await statusReports({
    ...request(args, io),
    ...(values.since !== undefined ? { since: String(values.since) } : {}),
    ...(values.out !== undefined ? { out: String(values.out) } : {}),
  });
  if (result.configInvalid) {
    io.stderr.write(`planc: the configuration has errors: run \`planc check\` to see them\n`);
    return EXIT.usage;
  }
  for (const pattern of result.unmatched) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
  if (result.diagnostics.length > 0) io.stderr.write(`planc: ${findingsText(result.summary)} in the plans; \`planc check\` shows them\n`);
  if (result.out !== undefined && result.written) {
    io.stdout.write(
      `Wrote the status reports of ${plural(result.reports.length, 'plan')} on ${result.statusDate} into ${shownPath(result.out, io.cwd)}/: ${plural(result.written.written, 'file')} written, ${result.written.unchanged} unchanged, ${result.written.removed} removed.\n`,
    );
  } else {
    io.stdout.write(result.markdown);
  }
  if (result.notBuilt.length > 0) {
    io.stderr.write(`planc: not reported (errors): ${result.notBuilt.map((entry) => entry.file).join(', ')}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}
