// The pipeline: files → load → validate → build (per file) → link → analyse (all plans).
// Stages never import each other; this module wires them and decides what is fatal.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse, type ProjectAnalysis } from './analyse/analyse.ts';
import { buildPlan } from './build/build.ts';
import type { Config } from './config/config.ts';
import { fileTooLarge, unreadableFile } from './diagnostics/catalogue.ts';
import { resolveDiagnostic } from './diagnostics/resolve.ts';
import { Diagnostics } from './diagnostics/sink.ts';
import { SourceText } from './diagnostics/source.ts';
import type { Diagnostic, ResolvedDiagnostic } from './diagnostics/types.ts';
import { link, type Project } from './link/link.ts';
import { decode } from './load/decode.ts';
import { parseYaml } from './load/parse.ts';
import type { Plan } from './model/plan.ts';
import { planSchema } from './schema/plan-schema.ts';
import { validate } from './validate/validate.ts';

/** A plan file handed to the compiler: its bytes, or why they could not be had. */
export interface FileInput {
  path: string;
  bytes?: Uint8Array;
  /** The file's size, when it was too large to read. */
  size?: number;
  /** Why the file could not be read. */
  error?: string;
}

/** What the per-file stages produce. */
export interface FileResult {
  path: string;
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export type FileSettings = Pick<Config, 'estimates' | 'calendar' | 'rules' | 'maxFileSize'>;

export interface CompileResult {
  config: Config;
  files: string[];
  /** Plans that were built (files with YAML or schema errors have none). */
  plans: Plan[];
  project: Project;
  analysis: ProjectAnalysis;
  diagnostics: Diagnostic[];
  sources: Sources;
}

export interface CompileOptions {
  /** Run the Monte Carlo simulation of three-point estimates (plan.json wants it; check does not). */
  simulate?: boolean;
}

/** The text of every file, decoded on demand (only files with findings need it). */
export class Sources {
  readonly #bytes = new Map<string, Uint8Array | string>();
  readonly #texts = new Map<string, SourceText>();

  add(path: string, content: Uint8Array | string): void {
    this.#bytes.set(path, content);
  }

  get(path: string): SourceText | undefined {
    let source = this.#texts.get(path);
    if (!source) {
      const content = this.#bytes.get(path);
      if (content === undefined) return undefined;
      const text = typeof content === 'string' ? content : decode(content, path, new Diagnostics()).text;
      source = new SourceText(path, text);
      this.#texts.set(path, source);
    }
    return source;
  }

  resolve(diagnostic: Diagnostic): ResolvedDiagnostic {
    return resolveDiagnostic(diagnostic, (path) => this.get(path));
  }
}

/** load → validate → build for one file. */
export function compileFile(input: FileInput, settings: FileSettings): FileResult {
  const diagnostics = new Diagnostics(settings.rules);
  const file = input.path;
  const at = { file, span: { start: 0, end: 0 }, pointer: '' };
  if (input.size !== undefined && input.size > settings.maxFileSize) {
    diagnostics.report(fileTooLarge, { size: input.size, limit: settings.maxFileSize }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  if (!input.bytes) {
    diagnostics.report(unreadableFile, { reason: input.error ?? 'unknown error' }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  if (input.bytes.length > settings.maxFileSize) {
    diagnostics.report(fileTooLarge, { size: input.bytes.length, limit: settings.maxFileSize }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  const { text, ok } = decode(input.bytes, file, diagnostics);
  if (!ok) return { path: file, diagnostics: diagnostics.items };
  const parsed = parseYaml(text, file, diagnostics);
  if (!parsed) return { path: file, diagnostics: diagnostics.items };
  const valid = validate({ value: parsed.value, source: parsed.source, file, schema: planSchema }, diagnostics);
  if (!valid) return { path: file, diagnostics: withoutCoveredWarnings(diagnostics.items) };
  const plan = buildPlan(
    { value: parsed.value, source: parsed.source, file, defaults: { estimates: settings.estimates, calendar: settings.calendar } },
    diagnostics,
  );
  return { path: file, plan, diagnostics: diagnostics.items };
}

/** A YAML 1.1 boolean warning adds nothing where a type error already explains the value. */
function withoutCoveredWarnings(diagnostics: Diagnostic[]): Diagnostic[] {
  const typeErrors = new Set(
    diagnostics.filter((d) => d.rule === 'wrong-type').map((d) => `${d.location.span.start}:${d.location.span.end}`),
  );
  return diagnostics.filter(
    (d) => d.rule !== 'ambiguous-boolean' || !typeErrors.has(`${d.location.span.start}:${d.location.span.end}`),
  );
}

/**
 * Reads plan files; a file over the size limit is not read at all. Synchronous on purpose:
 * for a thousand small files, one blocking read after another beats a thousand promises.
 */
export function readInputs(paths: string[], cwd: string, maxFileSize: number): FileInput[] {
  // One file reached by two paths (two symlinked folders to one place) is read once, under
  // the first of its paths: twice, it would define its plan twice.
  const seen = new Set<string>();
  return paths.flatMap((path): FileInput[] => {
    let fd: number | undefined;
    try {
      // Non-blocking, so that opening a named pipe does not wait for a writer.
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

export function compile(inputs: FileInput[], config: Config, options: CompileOptions = {}): CompileResult {
  const sources = new Sources();
  const results = inputs.map((input) => {
    if (input.bytes) sources.add(input.path, input.bytes);
    return compileFile(input, config);
  });
  return assemble(results, sources, config, options);
}

/** The stages over all plans together, once the per-file results are in. */
export function assemble(results: FileResult[], sources: Sources, config: Config, options: CompileOptions = {}): CompileResult {
  const diagnostics = new Diagnostics(config.rules);
  const plans = results.flatMap((result) => (result.plan ? [result.plan] : []));
  const project = link(plans, diagnostics);
  const analysis = analyse(project, config, diagnostics, { simulate: options.simulate ?? false });
  const order = new Map(results.map((result, index) => [result.path, index]));
  const all = [...results.flatMap((result) => result.diagnostics), ...diagnostics.items].sort(
    (a, b) =>
      (order.get(a.location.file) ?? 0) - (order.get(b.location.file) ?? 0) ||
      a.location.span.start - b.location.span.start ||
      a.code.localeCompare(b.code),
  );
  return { config, files: results.map((result) => result.path), plans, project, analysis, diagnostics: all, sources };
}
