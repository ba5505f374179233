// Which files to check: paths, folders (every .yaml/.yml inside) and globs.
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const IGNORE = ['**/node_modules/**', '**/planc.config.{yaml,yml,json}'];

export interface Discovered {
  /** Plan files, relative to cwd with forward slashes, sorted. */
  files: string[];
  /** Arguments that named nothing: neither a file, a folder, nor a glob with matches. */
  unmatched: string[];
}

export async function discover(patterns: string[], cwd: string): Promise<Discovered> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const before = found.size;
    const absolute = resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      found.add(toRelative(cwd, absolute));
    } else if (info?.isDirectory()) {
      const matches = await glob(['**/*.yaml', '**/*.yml'], { cwd: absolute, ignore: IGNORE, absolute: true, dot: false });
      for (const match of matches) found.add(toRelative(cwd, match));
    } else if (isDynamicPattern(pattern)) {
      const matches = await glob([pattern], { cwd, ignore: IGNORE, absolute: true, dot: false });
      for (const match of matches) found.add(toRelative(cwd, match));
    }
    if (found.size === before && !info?.isFile()) unmatched.push(pattern);
  }
  return { files: [...found].sort(), unmatched };
}

function toRelative(cwd: string, path: string): string {
  const rel = relative(cwd, path).split('\\').join('/');
  return rel === '' ? path : rel;
}
