// Temporary repositories for tests: write files, run planc in them, clean up.
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ExampleFile } from '../../src/diagnostics/define.ts';
import { validateWrittenPlanJson, WRITERS } from './plan-json.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'planc.js');

export function tempRepo(files: Record<string, ExampleFile> = {}): { dir: string; write(files: Record<string, ExampleFile>): void; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'planc-test-'));
  const write = (entries: Record<string, ExampleFile>) => {
    for (const [path, content] of Object.entries(entries)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, typeof content === 'string' ? content : Buffer.from(content.latin1, 'latin1'));
    }
  };
  write(files);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A maker of temporary repositories for one test file: each is removed after the file's tests. */
export function tempRepos(): (files?: Record<string, ExampleFile>) => ReturnType<typeof tempRepo> {
  const made: Array<() => void> = [];
  afterAll(() => made.forEach((cleanup) => cleanup()));
  return (files = {}) => {
    const repo = tempRepo(files);
    made.push(repo.cleanup);
    return repo;
  };
}

/** The example code tree the bundled plans' paths name (planc's own config points `code.root` at it). */
export const EXAMPLE_CODE = join(ROOT, 'examples', 'acme-shop');

/**
 * The bundled plans in `dir`, as in a repository of their own: `plans/`, and the example
 * code tree at the top, so their paths resolve there with the default configuration.
 */
export function copyBundled(dir: string): void {
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(EXAMPLE_CODE, dir, { recursive: true });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/** Runs the real planc binary (as a user would), with a time limit. */
export function planc(args: string[], options: { cwd: string; env?: Record<string, string>; timeout?: number }): CliResult {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  const started = Date.now() - 1000;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
    input: '',
  });
  if (WRITERS.has(args[0] ?? '')) validateWrittenPlanJson(options.cwd, started);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/** Runs the real planc binary without blocking the test's thread (for long builds, or several at once). */
export function plancAsync(args: string[], options: { cwd: string; env?: Record<string, string>; timeout?: number }): Promise<CliResult> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  const started = Date.now() - 1000;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeout ?? 180_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status, signal) => {
      try {
        if (WRITERS.has(args[0] ?? '')) validateWrittenPlanJson(options.cwd, started);
        done({ status, signal, stdout, stderr });
      } catch (error) {
        fail(error);
      }
    });
  });
}
