// Running the Astro site that ships with planc (site/) over the prepared data. The site is
// built into a fresh folder and swapped in only when Astro succeeds, so a failed build
// leaves the previous site in place.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from '../emit/plan-json.ts';
import { VERSION } from '../version.ts';
import { mermaidScript } from '../render/mermaid.ts';
import type { SiteData } from './prepare.ts';

export const SITE_ROOT = fileURLToPath(new URL('../../site/', import.meta.url));

/** Where planc keeps rendered diagrams and Astro's cache for a project. */
export function cacheFolder(root: string, env: Readonly<Record<string, string | undefined>>): string {
  if (env.PLANC_CACHE_DIR) return resolve(env.PLANC_CACHE_DIR);
  if (existsSync(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'planc');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'planc');
}

export interface AstroOptions {
  out: string;
  /** The path the site is served under, e.g. `/my-repo/`. */
  base: string;
  /** The full address it is published at, if known. */
  url?: string;
}

/** Normalises a base path to `/`, or `/a/b/` with one slash at each end. */
export function basePath(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The file that marks a folder as a site planc wrote (and may therefore replace). */
export const SITE_MARKER = '.planc-site.json';

/**
 * Why `planc site` must not write into `folder`, if it must not: it is a file, or a
 * folder with contents that no earlier `planc site` wrote (a project's own `dist/`, say).
 * The whole folder is replaced, so anything else in it would be lost.
 */
export function siteTargetProblem(folder: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  if (!statSync(folder).isDirectory()) return 'is a file';
  if (readdirSync(folder).length === 0 || existsSync(join(folder, SITE_MARKER))) return undefined;
  return 'holds files that planc site did not write';
}

/** Renames a folder, or copies it when the target is on another file system. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

const VITE_BUILTINS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/** Sets (or, with undefined, removes) environment variables; returns what puts them back. */
function setEnvironment(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (entries: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  return () => apply(saved);
}

/** Removes the work folders of builds whose process is gone (killed half way). */
function removeAbandoned(works: string): void {
  if (!existsSync(works)) return;
  for (const name of readdirSync(works)) {
    const pid = Number(name.split('-')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (error) {
      alive = (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive) rmSync(join(works, name), { recursive: true, force: true });
  }
}

export async function buildAstroSite(data: SiteData, options: AstroOptions): Promise<void> {
  const target = resolve(options.out);
  // Astro builds from a copy of the template, one per build, inside planc's own folder:
  // the pages run from chunks Astro writes there, which import Astro, Starlight and
  // friends by name (they resolve only from inside planc's folder), and Astro keeps its
  // generated files and prerendering chunks under `.astro/` of the root and of the working
  // folder. A copy per build keeps two builds at once (two repositories, or tests) apart.
  const works = join(SITE_ROOT, '..', '.planc-site');
  removeAbandoned(works);
  const work = join(works, `${process.pid}-${Date.now().toString(36)}`);
  const root = join(work, 'site');
  const dataDir = join(work, 'data');
  const output = join(work, 'dist');
  const staging = `${target}.planc-${process.pid}`;
  const previous = `${target}.planc-old-${process.pid}`;
  cpSync(SITE_ROOT, root, { recursive: true, filter: (path) => !/[\\/](\.astro|node_modules|dist)$/.test(path) });
  mkdirSync(dataDir, { recursive: true });
  // What the site's content loader reads (site/src/loader.ts): a file per collection, the
  // site's own facts (astro.config.mjs needs the title and the sidebar before anything
  // else), and each plan's document in its own file.
  mkdirSync(join(dataDir, 'plans'), { recursive: true });
  writeFileSync(join(dataDir, 'site.json'), JSON.stringify({ ...data.site, plans: data.plans.map((plan) => ({ id: plan.id, title: plan.title })) }));
  writeFileSync(join(dataDir, 'plans.json'), JSON.stringify(data.plans.map(({ html, plan, ...entry }) => entry)));
  for (const plan of data.plans) writeFileSync(join(dataDir, 'plans', `${plan.id}.html`), plan.html);
  for (const kind of ['decisions', 'risks', 'diagnostics'] as const) writeFileSync(join(dataDir, `${kind}.json`), JSON.stringify(data[kind]));
  rmSync(staging, { recursive: true, force: true });
  const restore = setEnvironment({
    PLANC_SITE_DATA: dataDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Vite reads these from the environment over its own settings (a CI job, or a test
    // runner, may well have BASE_URL or NODE_ENV=test set; Starlight then builds its
    // development variant, without search): the build is planc's to set.
    ...Object.fromEntries(VITE_BUILTINS.map((name) => [name, undefined])),
    NODE_ENV: 'production',
  });
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { build } = await import('astro');
    await build({
      root,
      outDir: output,
      base: basePath(options.base),
      ...(options.url ? { site: options.url } : {}),
      cacheDir: join(work, 'cache'),
      vite: { cacheDir: join(work, 'vite') },
      logLevel: 'error',
    });
    writeFileSync(join(output, SITE_MARKER), `${JSON.stringify({ generator: 'planc site', version: VERSION })}\n`);
    // Each plan's analysed model beside its page, for other tools (docs/plan-json.md).
    for (const plan of data.plans) {
      mkdirSync(join(output, 'plans', plan.id), { recursive: true });
      writeFileSync(join(output, 'plans', plan.id, 'plan.json'), stringify(plan.plan));
    }
    if (data.site.diagrams === 'browser') {
      mkdirSync(join(output, '_planc'), { recursive: true });
      cpSync(mermaidScript(), join(output, '_planc', 'mermaid.min.js'));
    }
    mkdirSync(dirname(target), { recursive: true });
    move(output, staging);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
    try {
      rmdirSync(works);
    } catch {
      // Another build is using it.
    }
    rmSync(staging, { recursive: true, force: true });
    restore();
  }
}
