// Paths as messages show them.
import { isAbsolute, relative } from 'node:path';

/** A path relative to the working folder when inside it, `.` for the folder itself, else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
