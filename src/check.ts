// The library's entry for "check these paths": config → discovery → reading → compile.
import { compile, readInputs, type CompileResult } from './compile.ts';
import { loadConfig, type Config } from './config/config.ts';
import { resolveDiagnostic } from './diagnostics/resolve.ts';
import { SourceText } from './diagnostics/source.ts';
import type { ResolvedDiagnostic } from './diagnostics/types.ts';
import { discover } from './load/discover.ts';
import { relative, resolve } from 'node:path';

export interface CheckOptions {
  cwd: string;
  /** Files, folders and globs; defaults to the config's `plans`. */
  paths?: string[];
  /** A config file to use instead of the nearest planc.config.yaml. */
  config?: string;
  /** Run the Monte Carlo simulation (plan.json wants it; a check does not). */
  simulate?: boolean;
}

export type CheckOutcome =
  | { kind: 'config-error'; diagnostics: ResolvedDiagnostic[]; source: (path: string) => SourceText | undefined }
  | { kind: 'missing'; missing: string[] }
  | { kind: 'no-files'; patterns: string[]; unmatched: string[]; config: Config }
  | { kind: 'compiled'; result: CompileResult; unmatched: string[] };

export async function check(options: CheckOptions): Promise<CheckOutcome> {
  const { cwd } = options;
  const loaded = await loadConfig(cwd, options.config);
  if (loaded.diagnostics.items.length > 0) {
    const source = new SourceText(loaded.config.file ?? '', loaded.text ?? '');
    const lookup = (path: string) => (path === source.path ? source : undefined);
    return {
      kind: 'config-error',
      diagnostics: loaded.diagnostics.items.map((d) => resolveDiagnostic(d, lookup)),
      source: lookup,
    };
  }
  const config = loaded.config;
  // Paths on the command line are relative to cwd; those in the config to the config's folder.
  const patterns = options.paths?.length
    ? options.paths
    : config.plans.map((pattern) => relative(cwd, resolve(config.root, pattern)) || '.');
  const { files, unmatched, missing } = await discover(patterns, cwd);
  // Before reading anything: a named path that does not exist stops the run.
  if (missing.length > 0) return { kind: 'missing', missing };
  if (files.length === 0) return { kind: 'no-files', patterns, unmatched, config };
  const inputs = readInputs(files, cwd, config.maxFileSize);
  return { kind: 'compiled', result: compile(inputs, config, { simulate: options.simulate ?? false }), unmatched };
}
