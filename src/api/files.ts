// Reading plan files for the compiler. Synchronous on purpose: for a thousand small files,
// one blocking read after another beats a thousand promises.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileInput } from '../compile.ts';

/**
 * Reads plan files; a file over the size limit is not read at all, and a named pipe is
 * opened without waiting for a writer. One file reached by two paths (two symlinked
 * folders to one place) is read once, under the first of its paths: twice, it would
 * define its plan twice.
 */
export function readInputs(paths: string[], cwd: string, maxFileSize: number): FileInput[] {
  const seen = new Set<string>();
  return paths.flatMap((path): FileInput[] => {
    let fd: number | undefined;
    try {
      fd = openSync(resolve(cwd, path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      const info = fstatSync(fd);
      const identity = `${info.dev}:${info.ino}`;
      if (seen.has(identity)) return [];
      seen.add(identity);
      if (!info.isFile()) return [{ path, error: 'it is not a regular file' }];
      if (info.size > maxFileSize) return [{ path, size: info.size }];
      return [{ path, bytes: readFileSync(fd) }];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return [{ path, error: code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error) }];
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  });
}
