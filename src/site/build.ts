// Running the Astro site that ships with planc (site/) over the prepared data. The site is
// built into a fresh folder and swapped in only when Astro succeeds, so a failed build
// leaves the previous site in place.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from '../util/json.ts';
import { VERSION } from '../version.ts';
import type { AstroRun } from './astro-run.ts';
import type { SiteData } from './prepare.ts';

export const SITE_ROOT = fileURLToPath(new URL('../../site/', import.meta.url));
/** The Astro runner beside this module (astro-run.ts from source, astro-run.js once built). */
const RUNNER = fileURLToPath(new URL(`./astro-run${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export type Env = Readonly<Record<string, string | undefined>>;

/** Where planc keeps rendered diagrams for a project. */
export function cacheFolder(root: string, env: Env): string {
  if (env.PLANC_CACHE_DIR) return resolve(env.PLANC_CACHE_DIR);
  if (existsSync(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'planc');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'planc');
}

/**
 * The `node_modules` folder planc's own imports resolve from: the nearest one above planc
 * that holds Astro (planc's own in a global install, the project's in a hoisted one).
 * Looked up by path rather than by resolving Astro, which gives the real path: under pnpm
 * that is Astro's own store folder, where Starlight is not.
 */
function packagesFolder(): string {
  for (let dir = dirname(SITE_ROOT); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', 'astro', 'package.json'))) return join(dir, 'node_modules');
    if (dirname(dir) === dir) return dirname(realpathSync(dirname(createRequire(import.meta.url).resolve('astro/package.json'))));
  }
}

/** The packages site/ imports; their versions are planc's own (package.json). */
const SITE_PACKAGES = { astro: '*', '@astrojs/starlight': '*' };

/**
 * The folder this user's site builds with this install of planc share, in the system's
 * temporary folder: it holds the `node_modules` link (below), and each build a folder of
 * its own beside it. Its name is the same for every build because module paths are: Astro
 * scopes a component's CSS by a hash of its path, which for Starlight's components (outside
 * the project root) is the whole path, so a path that changed would change every page.
 * A folder another user made, or may write in, is not used (its link could lead anywhere):
 * then a new folder of random name, removed after the build, whose pages differ from
 * another build's only in those hashes.
 */
function sharedFolder(packages: string): { folder: string; shared: boolean } {
  const uid = process.getuid?.();
  const folder = join(tmpdir(), `planc-site-${uid ?? 'user'}-${createHash('sha256').update(packages).digest('hex').slice(0, 12)}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(folder);
  const ours = stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
  if (!ours) {
    const fresh = mkdtempSync(join(tmpdir(), 'planc-site-'));
    symlinkSync(packages, join(fresh, 'node_modules'), 'junction');
    return { folder: fresh, shared: false };
  }
  const link = join(folder, 'node_modules');
  for (let attempt = 0; attempt < 3; attempt++) {
    let target: string | undefined;
    try {
      target = readlinkSync(link);
    } catch {
      // Not there yet.
    }
    if (target === packages) break;
    rmSync(link, { force: true });
    try {
      symlinkSync(packages, link, 'junction');
    } catch (error) {
      // Another build made it at the same moment: read it again.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { folder, shared: true };
}

/**
 * Where Astro builds: a new folder in the shared one (above), never inside planc's install
 * folder (which may be read-only, or shared by every user of a global install). The shared
 * folder's `node_modules` links to the packages planc runs with, because the pages run from
 * chunks Astro writes under the build's folder, which import Astro, Starlight and their
 * packages by name; Node and Vite are told to keep that link in module paths (astro-run.ts),
 * because Astro 7 mistakes files that share no folder with the project root but `/` for
 * paths inside the root. Builds whose process is gone (killed half way) are removed.
 */
function workFolder(): { work: string; done(): void } {
  const { folder, shared } = sharedFolder(packagesFolder());
  if (shared) removeAbandoned(folder);
  const work = mkdtempSync(join(folder, `${process.pid}-`));
  return { work, done: () => rmSync(shared ? work : folder, { recursive: true, force: true }) };
}

export interface AstroOptions {
  out: string;
  /** The path the site is served under, e.g. `/my-repo/`. */
  base: string;
  /** The full address it is published at, if known. */
  url?: string;
  /** The environment Astro's process starts from (planc's own settings go over it). */
  env: Env;
  /** Told of each page Astro writes. */
  onPage?: (page: string) => void;
  /** Mermaid's script, shipped with the site when its diagrams are drawn in the reader's browser. */
  mermaidScript: string;
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

/** Environment variables Vite reads over its own settings: a CI job or a test runner may have BASE_URL or NODE_ENV=test set. */
const VITE_BUILTINS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV']);

/** Removes the folders of builds whose process is gone. */
function removeAbandoned(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = Number(name.split('-')[0]);
    if (name === 'node_modules' || !Number.isInteger(pid)) continue;
    try {
      process.kill(pid, 0);
      continue;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPERM') continue;
    }
    rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** Runs Astro in its own process; resolves when it is done, rejects with what it said when it fails. */
function runAstro(run: AstroRun, env: Record<string, string>, onPage: ((page: string) => void) | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--preserve-symlinks', RUNNER, JSON.stringify(run)], { cwd: run.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      // Astro names each page it writes: "  ├─ /plans/x/index.html (+12ms)".
      for (const line of lines) {
        const page = /[├└]─ (\S+\.html)\b/.exec(line)?.[1];
        if (page) onPage?.(page);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errors = (errors + chunk).slice(-20_000);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`Astro could not build the site (${signal ?? `exit code ${code}`}): ${errors.trim().split('\n').slice(0, 12).join('\n')}`));
    });
  });
}

export async function buildAstroSite(data: SiteData, options: AstroOptions): Promise<void> {
  const target = resolve(options.out);
  // A copy of the template per build keeps two builds at once (two repositories, or tests) apart.
  const { work, done } = workFolder();
  const root = join(work, 'site');
  const dataDir = join(work, 'data');
  const output = join(work, 'dist');
  // Beside the target (a rename does not cross file systems), named after this build's own
  // work folder so that two builds at once in one process stay apart.
  const staging = `${target}.planc-${basename(work)}`;
  const previous = `${staging}-old`;
  cpSync(SITE_ROOT, root, { recursive: true, filter: (path) => !/[\\/](\.astro|node_modules|dist)$/.test(path) });
  // The packages the site uses, as Astro finds them: it bundles those that depend on Astro
  // (Starlight's components) instead of leaving them to Node.
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'planc-site', private: true, type: 'module', dependencies: SITE_PACKAGES }, null, 2)}\n`);
  // What the site's content loader reads (site/src/loader.ts): a file per collection, the
  // site's own facts (astro.config.mjs needs the title and the sidebar before anything
  // else), and each plan's document in its own file.
  mkdirSync(join(dataDir, 'plans'), { recursive: true });
  const { timelineSvg: _timeline, ...facts } = data.site;
  writeFileSync(join(dataDir, 'site.json'), JSON.stringify({ ...facts, plans: data.plans.map((plan) => ({ id: plan.id, title: plan.title })) }));
  writeFileSync(join(dataDir, 'plans.json'), JSON.stringify(data.plans.map(({ html, plan, svgFiles, statusHtml, ...entry }) => entry)));
  for (const plan of data.plans) {
    writeFileSync(join(dataDir, 'plans', `${plan.id}.html`), plan.html);
    if (plan.statusHtml !== undefined) writeFileSync(join(dataDir, 'plans', `${plan.id}.status.html`), plan.statusHtml);
  }
  for (const kind of ['decisions', 'risks', 'diagnostics'] as const) writeFileSync(join(dataDir, `${kind}.json`), JSON.stringify(data[kind]));
  rmSync(staging, { recursive: true, force: true });
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined && !VITE_BUILTINS.has(name)) env[name] = value;
  Object.assign(env, { PLANC_SITE_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
  try {
    await runAstro(
      {
        root,
        outDir: output,
        base: basePath(options.base),
        ...(options.url ? { site: options.url } : {}),
        cacheDir: join(work, 'cache'),
        viteCacheDir: join(work, 'vite'),
      },
      env,
      options.onPage,
    );
    writeFileSync(join(output, SITE_MARKER), `${JSON.stringify({ generator: 'planc site', version: VERSION })}\n`);
    // Each plan's analysed model beside its page, for other tools (docs/plan-json.md), and its timeline as SVG.
    for (const plan of data.plans) {
      mkdirSync(join(output, 'plans', plan.id), { recursive: true });
      writeFileSync(join(output, 'plans', plan.id, 'plan.json'), stringify(plan.plan));
      for (const [name, svg] of Object.entries(plan.svgFiles)) writeFileSync(join(output, 'plans', plan.id, name), svg);
    }
    if (data.site.timelineSvg) writeFileSync(join(output, 'timeline.svg'), data.site.timelineSvg);
    if (data.site.diagrams === 'browser') {
      mkdirSync(join(output, '_planc'), { recursive: true });
      cpSync(options.mermaidScript, join(output, '_planc', 'mermaid.min.js'));
    }
    mkdirSync(dirname(target), { recursive: true });
    move(output, staging);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    done();
    rmSync(staging, { recursive: true, force: true });
  }
}
