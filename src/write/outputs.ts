// Writing outputs: every file through a temporary file and a rename, so a reader never
// sees half a file; unchanged files are left alone (watchers and caches stay quiet); files
// a previous build wrote and this one did not are removed, using a manifest, so planc only
// ever deletes what it wrote itself.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

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

async function atomicWrite(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function same(existing: Buffer, content: string | Uint8Array): boolean {
  return existing.equals(typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}

/**
 * Writes `files` under `root`. `keep(path)` protects files of the previous build that this
 * one did not produce (the outputs of plans skipped for errors).
 */
export async function writeOutputs(root: string, files: OutputFile[], keep: (path: string) => boolean = () => false): Promise<WriteSummary> {
  await mkdir(root, { recursive: true });
  const previous = await readFile(join(root, MANIFEST), 'utf8')
    .then((text) => (JSON.parse(text) as { files?: string[] }).files ?? [])
    .catch(() => [] as string[]);
  const summary: WriteSummary = { written: 0, unchanged: 0, removed: 0 };
  const current = new Set<string>();
  for (const file of files) {
    const target = inside(root, file.path);
    current.add(file.path);
    const existing = await readFile(target).catch(() => undefined);
    if (existing && same(existing, file.content)) {
      summary.unchanged += 1;
      continue;
    }
    await atomicWrite(target, file.content);
    summary.written += 1;
  }
  for (const path of previous) {
    if (current.has(path)) continue;
    if (keep(path)) {
      current.add(path);
      continue;
    }
    await rm(inside(root, path), { force: true });
    summary.removed += 1;
  }
  await atomicWrite(join(root, MANIFEST), `${JSON.stringify({ files: [...current].sort() }, null, 2)}\n`);
  return summary;
}
