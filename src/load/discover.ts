// Which files to check: paths, folders (every .yaml/.yml inside) and globs.
import { lstat, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
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
  return { files: [...found].sort(), unmatched };
}

function toRelative(cwd: string, path: string): string {
  const rel = relative(cwd, path).split('\\').join('/');
  return rel === '' ? path : rel;
}
