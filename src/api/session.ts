// The compiler session: a long-lived compiler that keeps what it compiled and, asked again
// after files changed, does again only what the change can affect. Every file's result is
// kept with its bytes; a file whose bytes are the same is not compiled again. Plans are
// linked and analysed in groups that references join (src/compile.ts, linkedGroups); a
// group made of the very same plans as last time keeps its link and analysis. So an edit
// to one plan recompiles that file and re-analyses its plan and the plans linked to it,
// and nothing else — which `work` reports, for tests and for tools that show it.
import { relative, resolve } from 'node:path';
import { parseConfig, readConfig, type Config, type ConfigSource, type LoadedConfig } from '../config/config.ts';
import { compileFile, compileGroup, linkedGroups, resolveAll, Sources, type FileInput, type FileResult, type GroupResult } from '../compile.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { discover } from '../load/discover.ts';
import type { Plan } from '../model/plan.ts';
import { configResult } from './config.ts';
import { UsageError } from './errors.ts';
import { readInputs } from './files.ts';
import { makeResult, type CheckResult } from './result.ts';

export interface SessionOptions {
  /** The folder paths are relative to, and where the nearest planc.config.yaml is looked for. */
  cwd: string;
  /** A config file to use instead of the nearest planc.config.yaml, relative to `cwd`. */
  config?: string;
}

export interface CheckRequest {
  /** Files, folders and globs, relative to `cwd`; by default the config's `plans`. */
  paths?: string[];
  /**
   * Texts to check instead of what is on disk, by path relative to `cwd` (an editor's unsaved
   * buffer, an agent's draft); a path that is not on disk is checked too.
   */
  overlays?: Readonly<Record<string, string>>;
  /** Run the Monte Carlo simulation of three-point estimates (plan.json and the site show it; a check does not need it). */
  simulate?: boolean;
}

/** What the last check did. */
export interface Work {
  /** Files read, parsed, validated and built: new ones, and those whose bytes changed. */
  compiled: string[];
  /** Plans linked and analysed again (by id), with the plans linked to them. */
  analysed: string[];
}

interface Kept {
  input: FileInput;
  result: FileResult;
}

function sameInput(a: FileInput, b: FileInput): boolean {
  if (a.error !== b.error || a.size !== b.size) return false;
  if (!a.bytes || !b.bytes) return a.bytes === b.bytes;
  return Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).equals(b.bytes);
}

function samePlans(a: readonly Plan[], b: readonly Plan[]): boolean {
  return a.length === b.length && a.every((plan, i) => plan === b[i]);
}

const encoder = new TextEncoder();

export class CompilerSession {
  readonly cwd: string;
  readonly #configPath: string | undefined;
  #config: { source: ConfigSource | undefined; loaded: LoadedConfig } | undefined;
  #compilation = new Compilation();
  #work: Work = { compiled: [], analysed: [] };
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SessionOptions) {
    this.cwd = resolve(options.cwd);
    this.#configPath = options.config;
  }

  /** What the last `check` compiled and analysed. */
  get work(): Readonly<Work> {
    return this.#work;
  }

  /**
   * Checks the plans: reads the configuration and the files again, and compiles what
   * changed. Throws UsageError when a named path does not exist or no plan file matched.
   */
  check(request: CheckRequest = {}): Promise<CheckResult> {
    // One check at a time: a second call waits for the first, whose files it then reuses.
    const run = this.#queue.then(() => this.#check(request));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #check(request: CheckRequest): Promise<CheckResult> {
    const work: Work = { compiled: [], analysed: [] };
    this.#work = work;
    const { cwd } = this;
    const loaded = this.#configuration();
    const { config } = loaded;
    if (loaded.diagnostics.length > 0) {
      return makeResult({ ...configResult(loaded, cwd), files: [], plans: [], analysis: { plans: new Map() } });
    }

    const paths = request.paths ?? [];
    if (paths.some((path) => path.trim() === '')) {
      throw new UsageError('an empty path was given', 'Name plan files, folders or globs (or none: the plans folder).');
    }
    // Paths of the request are relative to cwd; those in the config to the config's folder.
    const patterns = paths.length > 0 ? paths : config.plans.map((pattern) => relative(cwd, resolve(config.root, pattern)) || '.');
    const overlays = new Map(Object.entries(request.overlays ?? {}).map(([path, text]) => [this.#relative(path), text]));
    const found = await discover(patterns, cwd);
    // Before reading anything: a named path that does not exist stops the run (a typo in CI must not pass).
    if (found.missing.length > 0) {
      throw new UsageError(
        `${found.missing.length === 1 ? 'no such file or folder' : 'no such files or folders'}: ${found.missing.map((p) => `\`${p}\``).join(', ')}`,
        'Name existing plan files or folders, or globs.',
      );
    }
    const files = [...new Set([...found.files, ...overlays.keys()])].sort();
    if (files.length === 0) {
      throw new UsageError(
        `no plan files matched ${patterns.map((p) => `\`${p}\``).join(', ')}`,
        'Pass plan files, folders or globs, or set `plans:` in planc.config.yaml.',
      );
    }

    const onDisk = readInputs(files.filter((file) => !overlays.has(file)), cwd, config.maxFileSize);
    const byPath = new Map(onDisk.map((input) => [input.path, input]));
    const inputs = files.flatMap((file): FileInput[] => {
      const text = overlays.get(file);
      if (text !== undefined) return [{ path: file, bytes: encoder.encode(text) }];
      const input = byPath.get(file);
      return input ? [input] : [];
    });

    return this.#compilation.run(inputs, config, cwd, work, { simulate: request.simulate ?? false, unmatched: found.unmatched });
  }

  /** The configuration, read again; when its file changed, everything compiled with the old one is dropped. */
  #configuration(): LoadedConfig {
    const source = readConfig(this.cwd, this.#configPath);
    const previous = this.#config;
    if (previous && previous.source?.path === source?.path && sameInput(previous.source ?? { path: '' }, source ?? { path: '' })) {
      return previous.loaded;
    }
    const loaded = parseConfig(source, this.cwd);
    this.#config = { source, loaded };
    this.#compilation = new Compilation();
    return loaded;
  }

  #relative(path: string): string {
    const rel = relative(this.cwd, resolve(this.cwd, path)).split('\\').join('/');
    return rel === '' ? path : rel;
  }
}

/**
 * The one assembly of the stages over a set of files: compile each file, link and analyse
 * the plans in the groups references join, resolve the diagnostics. What it did last time
 * is kept, so a file with the same bytes, or a group of the very same plans, is reused.
 */
class Compilation {
  #files = new Map<string, Kept>();
  #groups = new Map<Plan, GroupResult>();
  #planIds: readonly string[] = [];
  readonly #sources = new Sources();

  run(inputs: readonly FileInput[], config: Config, cwd: string, work: Work, options: { simulate: boolean; unmatched?: string[] }): CheckResult {
    const kept = new Map<string, Kept>();
    for (const input of inputs) {
      const previous = this.#files.get(input.path);
      if (previous && sameInput(previous.input, input)) {
        kept.set(input.path, previous);
        continue;
      }
      work.compiled.push(input.path);
      const result = compileFile(input, config);
      if (result.text !== undefined) this.#sources.set(input.path, result.text);
      else this.#sources.delete(input.path);
      kept.set(input.path, { input, result });
    }
    for (const path of this.#files.keys()) if (!kept.has(path)) this.#sources.delete(path);
    this.#files = kept;

    const results = [...kept.values()].map((entry) => entry.result);
    const plans = results.flatMap((result) => (result.plan ? [result.plan] : []));
    const planIds = plans.map((plan) => plan.id);
    const idsChanged = planIds.length !== this.#planIds.length || planIds.some((id, i) => id !== this.#planIds[i]);
    const groups = new Map<Plan, GroupResult>();
    const analysis = { plans: new Map() as CheckResult['analysis']['plans'] };
    const diagnostics: Diagnostic[] = results.flatMap((result) => result.diagnostics);
    for (const group of linkedGroups(plans)) {
      const previous = this.#groups.get(group[0]!);
      const reusable =
        previous !== undefined &&
        samePlans(previous.plans, group) &&
        (previous.simulated || !options.simulate) &&
        // "Did you mean" for an unknown plan looks at every plan id.
        !(previous.unknownPlans && idsChanged);
      const result = reusable ? previous : compileGroup(group, planIds, config, { simulate: options.simulate });
      if (!reusable) work.analysed.push(...group.map((plan) => plan.id));
      groups.set(group[0]!, result);
      for (const [plan, planAnalysis] of result.analysis) analysis.plans.set(plan, planAnalysis);
      diagnostics.push(...result.diagnostics);
    }
    this.#groups = groups;
    this.#planIds = planIds;

    const fileList = results.map((result) => result.path);
    const sources = this.#sources;
    return makeResult({
      cwd,
      config,
      files: fileList,
      unmatched: options.unmatched ?? [],
      plans,
      analysis,
      diagnostics: resolveAll(results, diagnostics, sources),
      source: (path) => sources.get(path),
    });
  }
}

/**
 * Compiles files held in memory with a configuration given: what a fresh session's check
 * gives for them (tests, tools that hold plans in memory).
 */
export function compileFiles(inputs: readonly FileInput[], config: Config, options: { cwd: string; simulate?: boolean }): CheckResult {
  return new Compilation().run(inputs, config, options.cwd, { compiled: [], analysed: [] }, { simulate: options.simulate ?? false });
}
