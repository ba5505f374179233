// Writing a file so that a reader never sees half of it: the content goes to a temporary
// file beside the target, which is then renamed over it (a rename within a folder is
// atomic). A write that fails removes its temporary file.
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `content` to a new temporary file beside `target` and returns its path; nothing is left behind if it fails. */
export function writeTemporary(target: string, content: string | Uint8Array): string {
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, content);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** Replaces `target` with `content` in one step. */
export function writeAtomically(target: string, content: string | Uint8Array): void {
  renameSync(writeTemporary(target, content), target);
}
