// Which files to check: paths, folders (every .yaml/.yml inside) and globs.
import { statSync } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

const IGNORE = ['**/node_modules/**', '**/planc.config.{yaml,yml,json}'];

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
      matches = await glob(['**/*.yaml', '**/*.yml'], { cwd: absolute, ignore: IGNORE, absolute: true, dot: false });
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
