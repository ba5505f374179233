import { startPreview } from '../../api/preview.ts';
import { plural } from '../../util/words.ts';
import { UsageError, type Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import { runScreen, untilStopped, watchFormat } from '../watching.ts';
import type { ParsedArgs } from './index.ts';
import { request } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const format = watchFormat(values);
  const screen = runScreen(io, format, {});
  const progress = progressLine(io);
  const preview = await startPreview({
    ...request(args, io),
    ...(values.out !== undefined ? { out: String(values.out) } : {}),
    ...(values.base !== undefined ? { base: String(values.base) } : {}),
    ...(values.chromium !== undefined ? { chromium: String(values.chromium), chromiumLabel: '`--chromium`' } : {}),
    ...(values.host !== undefined ? { host: String(values.host) } : {}),
    ...(values.port !== undefined ? { port: port(values.port) } : {}),
    env: io.env,
    onProgress: (step) => progress.show(step.stage === 'diagrams' ? 'drawing diagrams' : 'writing pages', step.done, step.total),
    onRun: (finished) => {
      progress.clear();
      if (!finished.ok) return screen.show(finished, { json: { url: preview.url } });
      const { site, pages } = finished.value;
      const built = site.site ? `The site of ${plural(site.site.plans, 'plan')}: ${plural(site.site.pages, 'page')}, ${pages.length} changed` : 'The site was not built';
      const diagrams = site.site ? { rendered: site.site.diagrams.rendered, cached: site.site.diagrams.cached } : undefined;
      screen.show(finished, { lines: [`${built} · ${preview.url}`], json: { url: preview.url, pages, ...(diagrams ? { diagrams } : {}) } });
    },
    onWatchError: (error) => screen.warn(`the file watcher: ${error.message}`),
  });
  if (format === 'stylish') io.stdout.write(`planc preview: ${preview.url} (building the site…)\n`);
  return untilStopped(io, preview);
}

function port(value: unknown): number {
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 65_535) throw new UsageError(`--port takes a port number from 0 to 65535, not \`${text}\``);
  return Number(text);
}
