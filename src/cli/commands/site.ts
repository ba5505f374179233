import { buildSite } from '../../api/site.ts';
import { shownPath } from '../../util/paths.ts';
import { plural } from '../../util/words.ts';
import type { Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, formatTargets, printReports, request, writerStreams } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const targets = formatTargets(values);
  const progress = progressLine(io);
  let result;
  try {
    result = await buildSite({
      ...request(args, io),
      ...(values.out !== undefined ? { out: String(values.out) } : {}),
      ...(values.base !== undefined ? { base: String(values.base) } : {}),
      ...(values.chromium !== undefined ? { chromium: String(values.chromium), chromiumLabel: '`--chromium`' } : {}),
      env: io.env,
      onProgress: (step) => progress.show(step.stage === 'diagrams' ? 'drawing diagrams' : 'writing pages', step.done, step.total),
    });
  } finally {
    progress.clear();
  }
  const streams = writerStreams(targets, io);
  printReports(result, targets, streams.report, io, { quietWhenEmpty: true });
  const { site } = result;
  if (site) {
    const { diagrams } = site;
    if (diagrams.reason) {
      io.stderr.write(`planc: diagrams will be drawn by Mermaid in the reader's browser: ${diagrams.reason}.\n`);
    } else if (diagrams.failures.length > 0) {
      io.stderr.write(`planc: ${plural(diagrams.failures.length, 'diagram drawing')} failed at build time; the browser will draw those diagrams:\n`);
      for (const failure of diagrams.failures) io.stderr.write(`  ${failure.diagram} (${failure.theme}): ${failure.reason}\n`);
    }
    const drawn = diagrams.chromium && !diagrams.reason ? `; SVG drawings (light and dark): ${diagrams.rendered} rendered, ${diagrams.cached} from the cache` : '; diagrams drawn in the browser';
    streams.summary.write(`Built the site of ${plural(site.plans, 'plan')} into ${shownPath(result.out, io.cwd)}/: ${plural(site.pages, 'page')}${drawn}.\n`);
    if (result.notBuilt.length > 0) streams.summary.write(`Left out (errors): ${result.notBuilt.map((entry) => entry.file).join(', ')}.\n`);
  }
  return exitCode(result);
}
