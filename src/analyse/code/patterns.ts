// A path or glob of a task (`touches`, `creates`, `tests`), compiled once and matched
// against the repository's files. Globs are picomatch's (the matcher tinyglobby uses to
// find plan files), compiled once per pattern and tried only on the files under the
// pattern's literal folder. A literal path names a file, or a folder and everything in
// it; a leading `!` takes files out of what the list's other patterns match.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { FileIndex } from './files.ts';

/** Why a pattern cannot be resolved: it does not stay inside the repository. */
export type PatternProblem = 'absolute' | 'escapes';

export interface CompiledPattern {
  /** As written. */
  text: string;
  /** Takes files out (`!…`). */
  negated: boolean;
  /** The path without `./` and the `!`; the glob picomatch compiles. */
  path: string;
  /** The literal folder before any glob character (`src/auth` for `src/auth/**`); the whole path for a literal. */
  base: string;
  /** No glob characters: a file, or a folder and everything in it. */
  literal: boolean;
  /** The files it matches, when it is not literal; undefined for a literal. */
  test?: (path: string) => boolean;
  /** The glob after the base is `**`: every file under the base, with nothing to test. */
  everything: boolean;
  /** The last part of a glob when it is a plain name (`package.json`, after `**` and a slash): only files of that name can match. */
  name?: string;
}

const GLOB_OPTIONS = { dot: true } as const;

/** A pattern compiled, or why it cannot be resolved. */
export function compilePattern(text: string): CompiledPattern | { problem: PatternProblem } {
  const negated = text.startsWith('!');
  const written = negated ? text.slice(1) : text;
  if (written.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(written) || written.startsWith('\\') || written.startsWith('~/')) return { problem: 'absolute' };
  const segments = written.split('/');
  if (segments.includes('..')) {
    // Inner `..` that stays inside (`src/../lib`) is allowed; one that climbs out is not.
    const normal = posix.normalize(written);
    if (normal === '..' || normal.startsWith('../')) return { problem: 'escapes' };
  }
  const path = trimPath(segments.includes('..') ? posix.normalize(written) : written);
  const scan = picomatch.scan(path);
  if (!scan.isGlob) return { text, negated, path, base: path, literal: true, everything: false };
  const base = scan.base;
  const everything = scan.glob === '**';
  // The regular expression itself: picomatch's matcher function adds work per call that paths relative to a root never need.
  const regex = everything ? undefined : picomatch.makeRe(path, GLOB_OPTIONS);
  const last = path.slice(path.lastIndexOf('/') + 1);
  const name = last !== '' && !/[\\*?[\]{}()!+@]/.test(last) ? last : undefined;
  return {
    text,
    negated,
    path,
    base,
    literal: false,
    everything,
    ...(regex ? { test: (candidate: string) => regex.test(candidate) } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

/** `./src/x/` → `src/x`; `.` and `./` → `` (the whole repository). */
function trimPath(path: string): string {
  let trimmed = path;
  while (trimmed.startsWith('./')) trimmed = trimmed.slice(2);
  if (trimmed === '.') return '';
  while (trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
  return trimmed;
}

/** The files a compiled pattern matches, in the index's order. */
export function matchFiles(pattern: CompiledPattern, index: FileIndex): readonly string[] {
  if (pattern.literal) {
    if (pattern.path !== '' && index.has(pattern.path)) return [pattern.path];
    return index.inside(pattern.path);
  }
  if (pattern.everything) return index.inside(pattern.base);
  const test = pattern.test!;
  // A file whose name holds glob characters (`pages/[id].tsx`) is matched by its own name too.
  const own = pattern.path;
  // A glob that ends in a name (`**/package.json`, `services/*/src/index.ts`) can only match
  // files of that name: those are tried, not every file under the base.
  const candidates = pattern.name !== undefined ? index.named(pattern.name, pattern.base) : index.inside(pattern.base);
  return candidates.filter((file) => test(file) || file === own);
}

/**
 * Whether a pattern that matches nothing falls where another pattern says code will be
 * created: their literal folders are one inside the other (`src/auth/jwt/sign.ts` under
 * `creates: [src/auth/jwt/**]`).
 */
export function overlapsArea(a: CompiledPattern, b: CompiledPattern): boolean {
  return within(a.base, b.base) || within(b.base, a.base);
}

function within(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}

/** Whether a path (which may no longer exist: a deleted file) falls under a compiled pattern. */
export function coversPath(pattern: CompiledPattern, path: string): boolean {
  if (pattern.literal) return pattern.path === '' || path === pattern.path || path.startsWith(`${pattern.path}/`);
  if (!within(path, pattern.base)) return false;
  return pattern.everything || path === pattern.path || pattern.test!(path);
}
