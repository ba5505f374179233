import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, isOff } from '../../render/chromium.ts';
import { basePath, buildAstroSite, cacheFolder, siteTargetProblem } from '../../site/build.ts';
import { prepareSite } from '../../site/prepare.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { compileAndReport, shownPath } from './shared.ts';
import { plural } from '../../util/words.ts';

function countPages(folder: string): number {
  let pages = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages += 1;
  }
  return pages;
}

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  const compiled = await compileAndReport(values, positionals, io);
  if (typeof compiled === 'number') return compiled;
  const { result, diagnostics } = compiled;
  const { config } = result;
  const site = config.site;
  const out = values.out !== undefined ? resolve(io.cwd, String(values.out)) : resolve(config.root, site.out);
  const problem = siteTargetProblem(out);
  if (problem) {
    throw new UsageError(
      `the output folder \`${shownPath(out, io.cwd)}\` ${problem}`,
      'planc site replaces the whole folder: choose another with --out (or `site.out` in planc.config.yaml), or empty it.',
    );
  }
  const cacheDir = cacheFolder(config.root, io.env);

  // --chromium on the command line beats PLANC_CHROMIUM, which beats the config.
  const lookup = findChromium({
    ...(values.chromium !== undefined ? { option: String(values.chromium) } : {}),
    ...(site.chromium !== undefined ? { configured: isOff(site.chromium) ? site.chromium : resolve(config.root, site.chromium) } : {}),
    env: io.env,
  });
  const prepared = await prepareSite(result, {
    title: site.title,
    ...(site.repository ? { repository: site.repository } : {}),
    branch: site.branch,
    root: config.root,
    cwd: io.cwd,
    ...(lookup.found ? { chromium: lookup.found.path } : {}),
    cacheDir,
  });
  const { data, stats } = prepared;
  if (!lookup.found) {
    io.stderr.write(`planc: diagrams will be drawn by Mermaid in the reader's browser: ${lookup.reason}.\n`);
  } else if (prepared.renderError) {
    io.stderr.write(
      `planc: diagrams will be drawn by Mermaid in the reader's browser: Chromium at ${lookup.found.path} (from ${lookup.found.source}) could not draw them: ${prepared.renderError}\n`,
    );
  } else if (stats && stats.failed > 0) {
    io.stderr.write(`planc: ${plural(stats.failed, 'diagram drawing')} failed at build time; the browser will draw those diagrams:\n`);
    for (const failure of stats.failures) {
      io.stderr.write(`  ${prepared.diagramNames.get(failure.source) ?? 'a diagram'} (${failure.theme}): ${failure.reason}\n`);
    }
  }

  await buildAstroSite(data, { out, base: basePath(values.base !== undefined ? String(values.base) : site.base), ...(site.url ? { url: site.url } : {}) });

  const shown = shownPath(out, io.cwd);
  const drawn = stats ? `; SVG drawings (light and dark): ${stats.rendered} rendered, ${stats.cached} from the cache` : '; diagrams drawn in the browser';
  io.stdout.write(`Built the site of ${plural(data.plans.length, 'plan')} into ${shown}/: ${plural(countPages(out), 'page')}${drawn}.\n`);
  if (data.site.notBuilt.length > 0) {
    io.stdout.write(`Left out (errors): ${data.site.notBuilt.map((entry) => entry.file).join(', ')}.\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.clean;
}
