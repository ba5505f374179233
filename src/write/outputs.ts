// Writing outputs: every file through a temporary file and a rename, so a reader never
// sees half a file; unchanged files are left alone (watchers and caches stay quiet); files
// a previous build wrote and this one did not are removed, using a manifest, so planc only
// ever deletes what it wrote itself, and it never replaces a file it did not write.
//
// In two steps: every changed file is first written beside its target; only when all of
// them are written are they renamed into place. A build that fails while writing (a full
// disk, a permission) removes its temporary files and the folders it made, and leaves the
// previous outputs as they were; what remains is the renames, which do not fail for want of space.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeAtomically, writeTemporary } from '../util/atomic.ts';

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string | Uint8Array;
}

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
}

export const MANIFEST = '.planc-manifest.json';

function inside(root: string, path: string): string {
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) throw new Error(`output path escapes the output folder: ${path}`);
  return target;
}

/** Why planc will not write into a folder (a usage error), found before it writes: `detail` completes "the output folder X …". */
export class OutputProblem extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(`the output folder ${detail}`);
    this.detail = detail;
  }
}

function readIfPresent(target: string, path: string): Buffer | undefined {
  try {
    return readFileSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new OutputProblem(`holds a folder where planc writes a file: \`${path}\``);
    return undefined;
  }
}

/** The problem with `root` as an output folder, if it exists and is not a folder. */
export function outputFolderProblem(root: string): string | undefined {
  try {
    return statSync(root).isDirectory() ? undefined : 'is not a folder';
  } catch {
    return undefined;
  }
}

/**
 * A temporary file beside `target` (its folder made first, once, and the first folder
 * made noted in `folders.made`, to be removed if the build fails), written in full, or
 * nothing. Synchronous on purpose: a build writes thousands of small files, and one
 * blocking call after another is several times faster than as many promises.
 */
function temporaryIn(target: string, content: string | Uint8Array, folders: { seen: Set<string>; made: string[] }): string {
  const folder = dirname(target);
  if (!folders.seen.has(folder)) {
    const made = mkdirSync(folder, { recursive: true });
    if (made !== undefined) folders.made.push(made);
    folders.seen.add(folder);
  }
  return writeTemporary(target, content);
}

function same(existing: Buffer, content: string | Uint8Array): boolean {
  return existing.equals(typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}

export interface Manifest {
  /** Every file the last build wrote (or kept), relative to the output folder. */
  files: string[];
  /** Which plan id each plan file produced, so a file that stops parsing keeps its outputs. */
  plans: Record<string, string>;
}

export async function readManifest(root: string): Promise<Manifest> {
  return readFile(join(root, MANIFEST), 'utf8')
    .then((text) => {
      const manifest = JSON.parse(text) as Partial<Manifest>;
      return { files: manifest.files ?? [], plans: manifest.plans ?? {} };
    })
    .catch(() => ({ files: [], plans: {} }));
}

/**
 * Writes `files` under `root`. `keep(path)` protects files of the previous build that this
 * one did not produce (the outputs of plans skipped for errors); `plans` is recorded for
 * the next build.
 */
export async function writeOutputs(
  root: string,
  files: Iterable<OutputFile>,
  options: { keep?: (path: string) => boolean; plans?: Record<string, string> } = {},
): Promise<WriteSummary> {
  const problem = outputFolderProblem(root);
  if (problem) throw new OutputProblem(problem);
  await mkdir(root, { recursive: true });
  const keep = options.keep ?? (() => false);
  const manifest = await readManifest(root);
  const previous = manifest.files;
  const ours = new Set(previous);
  const summary: WriteSummary = { written: 0, unchanged: 0, removed: 0 };
  const current = new Set<string>();
  const folders = { seen: new Set<string>(), made: [] as string[] };
  const foreign: string[] = [];
  // Each changed file is written beside its target as it comes (the files can be made one
  // by one: src/emit's emitFiles), and renamed into place only once all are written.
  const written: Array<{ temporary: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = inside(root, file.path);
      current.add(file.path);
      const existing = readIfPresent(target, file.path);
      if (existing && same(existing, file.content)) {
        summary.unchanged += 1;
        continue;
      }
      // A file planc did not write (a hand-written index.md, say) is never replaced.
      if (existing && !ours.has(file.path)) foreign.push(file.path);
      if (foreign.length === 0) written.push({ temporary: temporaryIn(target, file.content, folders), target });
    }
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 3).map((path) => `\`${path}\``).join(', ');
      throw new OutputProblem(
        `holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} planc did not write and would replace: ${shown}${foreign.length > 3 ? ', …' : ''}`,
      );
    }
  } catch (error) {
    for (const { temporary } of written) rmSync(temporary, { force: true });
    // Folders this build made hold nothing but its temporary files.
    for (const folder of folders.made.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  for (const { temporary, target } of written) renameSync(temporary, target);
  summary.written = written.length;
  for (const path of previous) {
    if (current.has(path)) continue;
    if (keep(path)) {
      current.add(path);
      continue;
    }
    rmSync(inside(root, path), { force: true });
    summary.removed += 1;
  }
  const plans = { ...manifest.plans, ...options.plans };
  const sorted = Object.fromEntries(Object.entries(plans).sort(([a], [b]) => a.localeCompare(b)));
  writeAtomically(join(root, MANIFEST), `${JSON.stringify({ files: [...current].sort(), plans: sorted }, null, 2)}\n`);
  return summary;
}
