// Paths as messages show them.
import { relative } from 'node:path';

/** A path relative to the working folder when inside it, `.` for the folder itself, else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
