// Runs one Astro build, in a process of its own: `planc site` starts it with the working
// folder and the environment the build needs (Astro writes its prerendering chunks under
// `.astro/` of the working folder, and Vite reads BASE_URL, NODE_ENV and the like from the
// environment over its own settings), so the process that asked — a CLI, an editor's
// server, a test runner — keeps its own. Usage: node astro-run.js '<json AstroRun>'.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroInlineConfig } from 'astro';

export interface AstroRun {
  root: string;
  outDir: string;
  base: string;
  site?: string;
  cacheDir: string;
  viteCacheDir: string;
}

const run = JSON.parse(process.argv[2] ?? '{}') as AstroRun;
// Astro as the site's own folder reaches it (through the work folder's link, build.ts), so
// that the config's imports and this one load the same copy.
const astro = createRequire(join(run.root, 'package.json')).resolve('astro');
const { build } = (await import(pathToFileURL(astro).href)) as typeof import('astro');
const config: AstroInlineConfig = {
  root: run.root,
  outDir: run.outDir,
  base: run.base,
  ...(run.site ? { site: run.site } : {}),
  cacheDir: run.cacheDir,
  // The work folder reaches planc's packages through a link: module paths keep it (build.ts).
  vite: { cacheDir: run.viteCacheDir, resolve: { preserveSymlinks: true } },
  // Info-level lines name each page written: the parent counts them for its progress.
  logLevel: 'info',
};
try {
  await build(config);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
