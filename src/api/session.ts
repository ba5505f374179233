// The compiler session: a long-lived compiler that keeps what it compiled and, asked again
// after files changed, does again only what the change can affect. Every file's result is
// kept with its bytes; a file whose bytes are the same is not compiled again. Plans are
// linked and analysed in groups that references join (src/compile.ts, linkedGroups); a
// group made of the very same plans as last time keeps its link and analysis. So an edit
// to one plan recompiles that file and re-analyses its plan and the plans linked to it,
// and nothing else — which `work` reports, for tests and for tools that show it.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseConfig, readConfig, type Config, type ConfigSource, type LoadedConfig } from '../config/config.ts';
import { compileFile, compileGroup, linkedGroups, resolveAll, Sources, type FileInput, type FileResult, type GroupResult } from '../compile.ts';
import { applyBaseline, BASELINE_VERSION, makeBaseline, type Baseline, type BaselineEntry } from '../diagnostics/baseline.ts';
import { itemPath } from '../diagnostics/item-path.ts';
import { Diagnostics } from '../diagnostics/sink.ts';
import { suppressInFile, type SuppressedDiagnostic } from '../diagnostics/suppressions.ts';
import type { Diagnostic, ResolvedDiagnostic } from '../diagnostics/types.ts';
import { writeAtomically } from '../util/atomic.ts';
import { discover } from '../load/discover.ts';
import { isIsoDate } from '../util/dates.ts';
import type { Plan } from '../model/plan.ts';
import { configResult } from './config.ts';
import { UsageError } from './errors.ts';
import { readInputs } from './files.ts';
import { makeResult, type BaselineState, type CheckResult } from './result.ts';
import { analyseCode, CodeCache, namesCode } from '../analyse/code/analyse.ts';
import type { PatternCache } from '../analyse/code/resolve.ts';
import type { Repository } from '../analyse/code/types.ts';
import type { PlanAnalysis } from '../analyse/types.ts';
import { locateRepository, RepositoryCache } from './repository.ts';

export interface SessionOptions {
  /** The folder paths are relative to, and where the nearest planc.config.yaml is looked for. */
  cwd: string;
  /** A config file to use instead of the nearest planc.config.yaml, relative to `cwd`. */
  config?: string;
}

export interface CheckRequest {
  /**
   * Files, folders and globs, relative to `cwd`; by default the config's `plans`. When
   * paths are named, the configured plans are compiled with them (so that references to
   * them resolve, and schedules are what a whole check gives), but only the named files'
   * findings are reported.
   */
  paths?: string[];
  /**
   * Texts to check instead of what is on disk, by path relative to `cwd` (an editor's unsaved
   * buffer, an agent's draft, standard input). A path that is not on disk is checked too;
   * when `paths` are named, an overlay is reported only if its path is among them.
   */
  overlays?: Readonly<Record<string, string | Uint8Array>>;
  /** Run the Monte Carlo simulation of three-point estimates (plan.json and the site show it; a check does not need it). */
  simulate?: boolean;
  /** A baseline file (relative to `cwd`): the findings it holds are suppressed. */
  baseline?: string;
  /** Write the baseline file with the findings of this check (which are then suppressed). */
  updateBaseline?: boolean;
  /**
   * The day progress is judged on, YYYY-MM-DD (over the configuration's `statusDate`): late
   * tasks and overdue milestones are reported, and unfinished work is scheduled from it.
   * The library never reads the clock: a caller that wants today passes today's date.
   */
  statusDate?: string;
}

/** The check request within a larger call's options (a build's, a site's): its paths, overlays and status date. */
export function checkRequest(options: Omit<CheckRequest, 'simulate'>): Omit<CheckRequest, 'simulate'> {
  return {
    ...(options.paths ? { paths: options.paths } : {}),
    ...(options.overlays ? { overlays: options.overlays } : {}),
    ...(options.statusDate !== undefined ? { statusDate: options.statusDate } : {}),
  };
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

/** Whether two inputs are the same file content (or the same reason it could not be read). */
export function sameInput(a: FileInput, b: FileInput): boolean {
  if (a.error !== b.error || a.size !== b.size) return false;
  if (!a.bytes || !b.bytes) return a.bytes === b.bytes;
  return Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).equals(b.bytes);
}

function samePlans(a: readonly Plan[], b: readonly Plan[]): boolean {
  return a.length === b.length && a.every((plan, i) => plan === b[i]);
}

const encoder = new TextEncoder();

/**
 * The patterns a request names, relative to `cwd`: its paths, or the configuration's
 * `plans` (relative to the configuration's folder). Throws UsageError for an empty path.
 */
export function requestPatterns(paths: readonly string[] | undefined, config: Config, cwd: string): string[] {
  const given = paths ?? [];
  if (given.some((path) => path.trim() === '')) {
    throw new UsageError('an empty path was given', 'Name plan files, folders or globs (or none: the plans folder).');
  }
  return given.length > 0 ? [...given] : configuredPatterns(config, cwd);
}

/** The configuration's `plans`, relative to `cwd` (they are written relative to the configuration's folder). */
export function configuredPatterns(config: Config, cwd: string): string[] {
  return config.plans.map((pattern) => relative(cwd, resolve(config.root, pattern)) || '.');
}

/** A named path that does not exist: a mistake, not an empty match. */
export function missingPaths(missing: readonly string[]): UsageError {
  return new UsageError(
    `${missing.length === 1 ? 'no such file or folder' : 'no such files or folders'}: ${missing.map((p) => `\`${p}\``).join(', ')}`,
    'Name existing plan files or folders, or globs.',
  );
}

export function noPlanFiles(patterns: readonly string[]): UsageError {
  return new UsageError(
    `no plan files matched ${patterns.map((p) => `\`${p}\``).join(', ')}`,
    'Pass plan files, folders or globs, or set `plans:` in planc.config.yaml.',
  );
}

/** The inputs of the files found (relative to `cwd`, in order): read from disk, or the overlay's text instead. */
export function readPlanInputs(files: readonly string[], cwd: string, config: Config, overlays: ReadonlyMap<string, string | Uint8Array> = new Map()): FileInput[] {
  const onDisk = readInputs(files.filter((file) => !overlays.has(file)), cwd, config.maxFileSize);
  const byPath = new Map(onDisk.map((input) => [input.path, input]));
  return files.flatMap((file): FileInput[] => {
    const text = overlays.get(file);
    if (text !== undefined) return [{ path: file, bytes: typeof text === 'string' ? encoder.encode(text) : text }];
    const input = byPath.get(file);
    return input ? [input] : [];
  });
}

/** The configuration with the request's status date over its own; UsageError for one that is not a date. */
function withStatusDate(config: Config, statusDate: string | undefined): Config {
  if (statusDate === undefined) return config;
  if (!isIsoDate(statusDate)) throw new UsageError(`the status date \`${statusDate}\` is not a date written YYYY-MM-DD`, 'Pass a date such as 2026-12-15 (on the command line, `--status-date today` means today).');
  return { ...config, statusDate };
}

export class CompilerSession {
  readonly cwd: string;
  readonly #configPath: string | undefined;
  #config: { source: ConfigSource | undefined; loaded: LoadedConfig } | undefined;
  #compilation = new Compilation();
  readonly #repositories = new RepositoryCache();
  /** The repository the last check read (when a plan named code). */
  #repository: Repository | undefined;
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
    this.#repository = undefined;
    const { cwd } = this;
    const loaded = this.#configuration();
    const config = withStatusDate(loaded.config, request.statusDate);
    if (loaded.diagnostics.length > 0) {
      return makeResult({ ...configResult(loaded, cwd), files: [], plans: [], analysis: { plans: new Map() } });
    }

    const requested = requestPatterns(request.paths, config, cwd);
    const overlays = new Map(Object.entries(request.overlays ?? {}).map(([path, text]) => [this.#relative(path), text]));
    const configured = configuredPatterns(config, cwd);
    const named = request.paths !== undefined && request.paths.length > 0;
    const namedOverlays = named ? requested.map((path) => this.#relative(path)).filter((path) => overlays.has(path)) : [];
    const patterns = named ? requested.filter((path) => !overlays.has(this.#relative(path))) : configured;
    const found = patterns.length > 0 ? await discover(patterns, cwd) : { files: [], unmatched: [], missing: [] };
    // Before reading anything: a named path that does not exist stops the run (a typo in CI must not pass).
    if (found.missing.length > 0) throw missingPaths(found.missing);
    const reported = new Set([...found.files, ...(named ? namedOverlays : overlays.keys())]);
    if (reported.size === 0) throw noPlanFiles(patterns);
    // Named files are checked among the configured plans (a folder that is not there is no error here).
    const context = named ? (await discover(configured, cwd)).files : [];
    const files = [...new Set([...reported, ...context, ...overlays.keys()])].sort();
    const inputs = readPlanInputs(files, cwd, config, overlays);

    const baseline = request.baseline !== undefined && !request.updateBaseline ? readBaseline(cwd, request.baseline) : undefined;
    const result = this.#compilation.run(inputs, config, cwd, work, {
      simulate: request.simulate ?? false,
      unmatched: found.unmatched,
      reported,
      // Located once for this check (git's work tree found once), read only when a plan names code.
      repository: () => (this.#repository = this.#readRepository(config)),
      ...(baseline ? { baseline } : {}),
    });
    if (request.baseline !== undefined && request.updateBaseline) return writeBaseline(result, cwd, request.baseline);
    return result;
  }

  /**
   * The repository the plans' paths are resolved against (`code.root`, or the git work
   * tree holding the configuration), as the last check read it or, when none did, read now.
   */
  repository(): Repository {
    return this.#repository ?? this.#readRepository(this.#configuration().config);
  }

  #readRepository(config: Config): Repository {
    return this.#repositories.read(locateRepository(config.code.root, config.root));
  }

  /** The paths of plans compiled by the checks, kept for the next (what `impact` matches changed files with). */
  get patterns(): PatternCache {
    return this.#compilation.patterns;
  }

  /** The configuration the next check uses (its file read again; parsed again only when it changed). */
  config(): Config {
    return this.#configuration().config;
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
  readonly #code = new CodeCache();

  /** The compiled paths of the plans, kept between runs. */
  get patterns(): PatternCache {
    return this.#code.patterns;
  }

  run(inputs: readonly FileInput[], config: Config, cwd: string, work: Work, options: RunOptions): CheckResult {
    const kept = new Map<string, Kept>();
    for (const input of inputs) {
      const previous = this.#files.get(input.path);
      if (previous && sameInput(previous.input, input)) {
        kept.set(input.path, previous);
        continue;
      }
      work.compiled.push(input.path);
      const result = compileFile(input, config);
      if (result.text !== undefined) this.#sources.set(input.path, result.text, result.bom);
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
      const simulate = typeof options.simulate === 'function' ? options.simulate(group) : options.simulate;
      const reusable =
        previous !== undefined &&
        samePlans(previous.plans, group) &&
        (previous.simulated || !simulate) &&
        previous.statusDate === config.statusDate &&
        // "Did you mean" for an unknown plan looks at every plan id.
        !(previous.unknownPlans && idsChanged);
      const result = reusable ? previous : compileGroup(group, planIds, config, { simulate });
      if (!reusable) work.analysed.push(...group.map((plan) => plan.id));
      groups.set(group[0]!, result);
      for (const [plan, planAnalysis] of result.analysis) analysis.plans.set(plan, planAnalysis);
      diagnostics.push(...result.diagnostics);
    }
    this.#groups = groups;
    this.#planIds = planIds;

    // The code the plans touch, over every plan: the repository is read only when a task names code.
    const { repository: given } = options;
    const repository = given !== undefined && namesCode(plans) ? (typeof given === 'function' ? given() : given) : undefined;
    const code = analyseCode(plans.map((plan) => ({ plan, analysis: analysis.plans.get(plan)! })), repository, config, this.#code);
    diagnostics.push(...code.diagnostics);
    for (const [plan, planCode] of code.plans) analysis.plans.set(plan, { ...analysis.plans.get(plan)!, code: planCode } satisfies PlanAnalysis);

    // Only the files asked about are reported: the others were compiled for what they link.
    const reported = options.reported;
    const shown = reported ? results.filter((result) => reported.has(result.path)) : results;
    const ownDiagnostics = reported ? diagnostics.filter((d) => reported.has(d.location.file)) : diagnostics;
    // The texts of this run: the next may replace a file's text, and this result's code frames must still show this one.
    const sources = this.#sources.snapshot();
    const found = suppress(shown, withItems(shown, resolveAll(shown, ownDiagnostics, sources)), config, sources, options.baseline);
    return makeResult({
      cwd,
      config,
      files: shown.map((result) => result.path),
      unmatched: options.unmatched ?? [],
      plans: reported ? plans.filter((plan) => reported.has(plan.file)) : plans,
      analysis,
      diagnostics: found.diagnostics,
      suppressed: found.suppressed,
      ...(found.baseline ? { baseline: found.baseline } : {}),
      source: (path) => sources.get(path),
    });
  }
}

interface RunOptions {
  simulate: Simulate;
  unmatched?: string[];
  /** The files whose findings and plans the result holds (by default, all). */
  reported?: ReadonlySet<string>;
  baseline?: { file: string; baseline: Baseline };
  /** The repository the plans' paths are resolved against, or how to read it when a plan names code. */
  repository?: Repository | (() => Repository);
}

/**
 * The findings that stay once the files' suppression comments and the baseline are
 * applied, with the problems of the comments themselves; the suppressed ones apart.
 */
function suppress(
  results: readonly FileResult[],
  resolved: ResolvedDiagnostic[],
  config: Config,
  sources: Sources,
  baseline: RunOptions['baseline'],
): { diagnostics: ResolvedDiagnostic[]; suppressed: SuppressedDiagnostic[]; baseline?: BaselineState } {
  const byFile = new Map<string, ResolvedDiagnostic[]>(results.map((result) => [result.path, []]));
  for (const d of resolved) byFile.get(d.file)?.push(d) ?? byFile.set(d.file, [d]);
  const texts = new Map(results.map((result) => [result.path, result.text]));
  let diagnostics: ResolvedDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const [file, own] of byFile) {
    const text = texts.get(file);
    if (text === undefined) {
      diagnostics.push(...own);
      continue;
    }
    const inFile = suppressInFile(text, own);
    suppressed.push(...inFile.suppressed);
    if (inFile.problems.length === 0) {
      diagnostics.push(...inFile.kept);
      continue;
    }
    const sink = new Diagnostics(config.rules);
    for (const problem of inFile.problems) sink.report(problem.definition, problem.payload as never, { file, span: { start: problem.start, end: problem.end }, pointer: '' });
    const all = [...inFile.kept, ...sink.items.map((d) => sources.resolve(d))];
    diagnostics.push(...all.sort(byPosition));
  }
  if (!baseline) return { diagnostics, suppressed };
  const planOf = planOfFile(results);
  const matched = applyBaseline(diagnostics, planOf, baseline.baseline);
  diagnostics = matched.kept;
  suppressed.push(...matched.suppressed);
  return { diagnostics, suppressed, baseline: { file: baseline.file, stale: matched.stale, written: false } };
}

/** Each finding with what it is about (`item`), walked through its file's plan where there is one. */
function withItems(results: readonly FileResult[], resolved: ResolvedDiagnostic[]): ResolvedDiagnostic[] {
  const planOf = planOfFile(results);
  return resolved.map((d) => {
    if (d.item !== undefined || d.pointer === '') return d;
    const plan = planOf(d.file);
    return plan ? { ...d, item: itemPath(plan, d.pointer) } : d;
  });
}

/** Within a file: by line, column, then code. */
function byPosition(a: ResolvedDiagnostic, b: ResolvedDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || a.code.localeCompare(b.code);
}

/** The plan each file holds. */
function planOfFile(results: readonly FileResult[]): (file: string) => Plan | undefined {
  const plans = new Map(results.flatMap((result) => (result.plan ? [[result.path, result.plan] as const] : [])));
  return (file) => plans.get(file);
}

/** A baseline file as the session reads it; a file that is missing or not a baseline is a usage error. */
function readBaseline(cwd: string, file: string): { file: string; baseline: Baseline } {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`the baseline \`${file}\` does not exist`, `Write it with \`planc check --baseline ${file} --update-baseline\`.`);
    throw new UsageError(`cannot read the baseline \`${file}\` (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the baseline \`${file}\` is not JSON: ${(error as Error).message}`, `Write it again with \`planc check --baseline ${file} --update-baseline\`.`);
  }
  const problem = baselineProblem(value);
  if (problem) throw new UsageError(`the baseline \`${file}\` ${problem}`, `Write it again with \`planc check --baseline ${file} --update-baseline\`.`);
  return { file, baseline: value as Baseline };
}

/** Why a value is not a baseline, if it is not. */
function baselineProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object';
  const { version, findings } = value as Partial<Baseline>;
  if (version !== BASELINE_VERSION) return `has version ${JSON.stringify(version)}; this planc reads version ${BASELINE_VERSION}`;
  if (!Array.isArray(findings)) return 'has no `findings` list';
  const bad = findings.findIndex(
    (entry: unknown) =>
      entry === null ||
      typeof entry !== 'object' ||
      !['plan', 'code', 'item'].every((key) => typeof (entry as Record<string, unknown>)[key] === 'string') ||
      ((entry as BaselineEntry).count !== undefined && !(Number.isInteger((entry as BaselineEntry).count) && (entry as BaselineEntry).count! > 0)),
  );
  return bad === -1 ? undefined : `has a finding that is not \`{ plan, code, item, count? }\` (entry ${bad + 1})`;
}

/** Writes the baseline of a check's findings, and returns the check with them suppressed. */
function writeBaseline(result: CheckResult, cwd: string, file: string): CheckResult {
  const planOf = (path: string) => result.plans.find((plan) => plan.file === path);
  const baseline = makeBaseline(result.diagnostics, planOf);
  const path = resolve(cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeAtomically(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`could not write the baseline \`${file}\` (${(error as Error).message})`);
  }
  const matched = applyBaseline(result.diagnostics, planOf, baseline);
  return makeResult({ ...result, diagnostics: matched.kept, suppressed: [...result.suppressed, ...matched.suppressed], baseline: { file, stale: 0, written: true } });
}

/** Whether to run the Monte Carlo simulation: for every group of linked plans, or for those a test picks. */
export type Simulate = boolean | ((group: readonly Plan[]) => boolean);

/**
 * Compiles files held in memory with a configuration given: what a fresh session's check
 * gives for them (tests, tools that hold plans in memory). Paths in plans are resolved
 * against `repository` when one is given (a file list held in memory too); without one,
 * only their form is checked.
 */
export function compileFiles(
  inputs: readonly FileInput[],
  config: Config,
  options: { cwd: string; simulate?: boolean; unmatched?: string[]; reported?: ReadonlySet<string>; repository?: Repository },
): CheckResult {
  return new Compilation().run(inputs, config, options.cwd, { compiled: [], analysed: [] }, {
    simulate: options.simulate ?? false,
    ...runOptions(options),
    ...(options.repository ? { repository: options.repository } : {}),
  });
}

/** A version's (or a request's) unmatched patterns and reported files, as the run takes them. */
function runOptions(version: { unmatched?: string[]; reported?: ReadonlySet<string> }): Pick<RunOptions, 'unmatched' | 'reported'> {
  return { ...(version.unmatched ? { unmatched: version.unmatched } : {}), ...(version.reported ? { reported: version.reported } : {}) };
}

/** One version of a set of plan files, with the configuration it is checked with. */
export interface Version {
  inputs: readonly FileInput[];
  config: Config;
  /** Folders and globs that matched no plan file. */
  unmatched?: string[];
  /** The files named (the others are compiled for what they link): only theirs are in the result. */
  reported?: ReadonlySet<string>;
}

/**
 * Compiles two versions of a set of plan files (a diff's base and head), as two fresh
 * checks would. With one configuration, the second reuses what the first compiled: a file
 * with the same bytes is not compiled again, and a group of the very same plans is not
 * analysed again (its plans and analysis are the same objects in both results, which is
 * how a caller tells that nothing about them changed). `simulate` picks the groups whose
 * Monte Carlo figures are wanted.
 */
export function compileVersions(base: Version, head: Version, options: { cwd: string; simulate: Simulate }): [CheckResult, CheckResult] {
  const same = JSON.stringify(base.config) === JSON.stringify(head.config);
  const first = new Compilation();
  const second = same ? first : new Compilation();
  const work = (): Work => ({ compiled: [], analysed: [] });
  const run = (compilation: Compilation, version: Version) =>
    compilation.run(version.inputs, version.config, options.cwd, work(), { simulate: options.simulate, ...runOptions(version) });
  return [run(first, base), run(second, head)];
}
