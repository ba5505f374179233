// Paths as messages show them.
import { isAbsolute, relative, sep } from 'node:path';

/** A path relative to the working folder when inside it, `.` for the folder itself, else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  // `..x` is a name inside the folder; only `..` itself or `../…` leaves it.
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A repository's web address for a file: its page (`blob`) or its editor (`edit`) on a branch, GitHub's way. */
export function repositoryUrl(repository: string, branch: string, kind: 'blob' | 'edit', path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${repository.replace(/\/+$/, '')}/${kind}/${branch}/${encoded}`;
}
