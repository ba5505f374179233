// Which files to check: paths, folders (every .yaml/.yml inside) and globs.
import { statSync } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isWithin } from '../util/paths.ts';

const IGNORE = ['**/node_modules/**', '**/planc.config.{yaml,yml,json}'];
/** What a folder named as a pattern holds: every YAML file in it, at any depth. */
const IN_A_FOLDER = ['**/*.yaml', '**/*.yml'];

export interface Discovered {
  /** Plan files, relative to cwd with forward slashes, sorted. */
  files: string[];
  /** Folders and globs that matched no plan file. */
  unmatched: string[];
  /** Paths (not globs) that do not exist. */
  missing: string[];
}

export async function discover(patterns: string[], cwd: string): Promise<Discovered> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  const missing: string[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const info = (await stat(absolute).catch(() => undefined)) ?? (await lstat(absolute).catch(() => undefined));
    let matches: string[];
    if (info?.isDirectory()) {
      matches = await glob(IN_A_FOLDER, { cwd: absolute, ignore: IGNORE, absolute: true, dot: false });
    } else if (info) {
      // A path named on its own is taken whatever it is (a device, a broken link): reading
      // it reports why it is not a plan file, as it does for such a file found in a folder.
      matches = [absolute];
    } else if (isDynamicPattern(pattern)) {
      matches = await glob([pattern], { cwd, ignore: IGNORE, absolute: true, dot: false });
    } else {
      // A path named outright that does not exist: a mistake, not an empty match.
      missing.push(pattern);
      continue;
    }
    // A pattern whose files an earlier one already named still matched them.
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) found.add(toRelative(cwd, match));
  }
  return { files: [...found].sort(), unmatched, missing };
}

/**
 * What `discover` finds for the same patterns among the files of a listing instead of the
 * disk (a git revision's files, relative to `cwd` with forward slashes): a pattern names a
 * listed file, a folder that holds listed files, or a glob; anything else is missing.
 */
export function discoverIn(patterns: string[], cwd: string, listing: readonly string[]): Discovered {
  const found = new Set<string>();
  const unmatched: string[] = [];
  const missing: string[] = [];
  const inFolder = picomatch(IN_A_FOLDER, { dot: false, ignore: IGNORE });
  for (const pattern of patterns) {
    const path = relative(cwd, resolve(cwd, pattern)).split('\\').join('/');
    // The working folder itself is '' (every listed file is inside it, or above it as `../…`).
    const folder = path === '' ? '' : `${path}/`;
    let matches: string[];
    if (path !== '' && listing.includes(path)) {
      matches = [path];
    } else if (listing.some((file) => inside(file, folder))) {
      matches = listing.filter((file) => inside(file, folder) && inFolder(file.slice(folder.length)));
    } else if (isDynamicPattern(pattern)) {
      const matcher = picomatch(isAbsolute(pattern) ? toRelative(cwd, pattern) : pattern, { dot: false, ignore: IGNORE });
      matches = listing.filter((file) => matcher(file));
    } else {
      missing.push(pattern);
      continue;
    }
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) found.add(match);
  }
  return { files: [...found].sort(), unmatched, missing };
}

/** Whether a listed path is in a folder (`''`: the working folder, which `../…` is not). */
function inside(file: string, folder: string): boolean {
  return file.startsWith(folder) && (folder !== '' || !file.startsWith('../'));
}

/** Which paths a set of patterns takes as plan files, for a watcher: the folders to watch and a test of each path. */
export interface PlanMatcher {
  /** Absolute paths to watch: the folders named, the folders globs start from, the files named (which may not exist yet). */
  roots: string[];
  /** Whether `discover` would take this file (absolute path), were it there. */
  matches(path: string): boolean;
}

/**
 * The watcher's side of `discover`: the same patterns, the same rules (every `.yaml`/`.yml`
 * in a folder, no dot files, nothing in `node_modules`, no config file; globs through
 * picomatch, as tinyglobby matches them), answered for one path at a time without reading
 * the disk. A path that does not exist yet is a folder unless it names a YAML file.
 */
export function planMatcher(patterns: string[], cwd: string): PlanMatcher {
  const roots: string[] = [];
  const tests: Array<(path: string) => boolean> = [];
  const options = { dot: false, ignore: IGNORE };
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info && isDynamicPattern(pattern)) {
      const match = picomatch(pattern, options);
      const base = resolve(cwd, picomatch.scan(pattern).base);
      roots.push(base);
      tests.push((path) => isWithin(path, base) && match(isAbsolute(pattern) ? slashes(path) : slashes(relative(cwd, path))));
    } else if (info ? info.isDirectory() : !/\.ya?ml$/i.test(pattern)) {
      const match = picomatch(IN_A_FOLDER, options);
      roots.push(absolute);
      tests.push((path) => isWithin(path, absolute) && path !== absolute && match(slashes(relative(absolute, path))));
    } else {
      roots.push(absolute);
      tests.push((path) => path === absolute);
    }
  }
  return { roots: [...new Set(roots)], matches: (path) => tests.some((test) => test(path)) };
}

function slashes(path: string): string {
  return path.split('\\').join('/');
}

// The folder a new plan file named `name` goes into so that `patterns` (relative to
// `root`) find it: the first pattern naming a folder, or the folder a glob starts from
// (`docs/plans/**/*.plan.yaml` → `docs/plans`) when the glob takes the file there.
// Undefined when no pattern would find it (`plans/*.yml`, `plans/*/*.yaml`).
export function folderForNewPlan(root: string, patterns: string[], name: string): string | undefined {
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const absolute = resolve(root, pattern);
      const info = statSync(absolute, { throwIfNoEntry: false });
      // A pattern naming one file (existing, or by its extension) is no folder for more.
      if (info ? info.isDirectory() : !/\.ya?ml$/i.test(pattern)) return absolute;
      continue;
    }
    const folder = resolve(root, picomatch.scan(pattern).base);
    const file = join(folder, name);
    const candidate = (isAbsolute(pattern) ? file : relative(root, file)).split('\\').join('/');
    // tinyglobby matches with picomatch, as discover calls it.
    if (picomatch(pattern, { dot: false })(candidate)) return folder;
  }
  return undefined;
}

function toRelative(cwd: string, path: string): string {
  const rel = relative(cwd, path).split('\\').join('/');
  return rel === '' ? path : rel;
}
