// Which files to check: paths, folders (every .yaml/.yml inside) and globs.
import { realpathSync, statSync } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

const IGNORE = ['**/node_modules/**', '**/planc.config.{yaml,yml,json}'];

export interface Discovered {
  /** Plan files, relative to cwd with forward slashes, sorted. */
  files: string[];
  /** Arguments that named nothing: neither an existing path, nor a glob with matches. */
  unmatched: string[];
}

export async function discover(patterns: string[], cwd: string): Promise<Discovered> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const info = (await stat(absolute).catch(() => undefined)) ?? (await lstat(absolute).catch(() => undefined));
    let matches: string[];
    if (info?.isDirectory()) {
      matches = await glob(['**/*.yaml', '**/*.yml'], { cwd: absolute, ignore: IGNORE, absolute: true, dot: false });
    } else if (info) {
      // A path named on its own is taken whatever it is (a device, a broken link): reading
      // it reports why it is not a plan file, as it does for such a file found in a folder.
      matches = [absolute];
    } else if (isDynamicPattern(pattern)) {
      matches = await glob([pattern], { cwd, ignore: IGNORE, absolute: true, dot: false });
    } else {
      matches = [];
    }
    // A pattern whose files an earlier one already named still matched them.
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) found.add(toRelative(cwd, match));
  }
  // One file reached by two paths (two symlinked folders to one place) is checked once,
  // under the first of its paths: twice, it would define its plan twice.
  const files: string[] = [];
  const real = new Set<string>();
  for (const file of [...found].sort()) {
    let key: string;
    try {
      key = realpathSync(resolve(cwd, file));
    } catch {
      key = resolve(cwd, file);
    }
    if (real.has(key)) continue;
    real.add(key);
    files.push(file);
  }
  return { files, unmatched };
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
