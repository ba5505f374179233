// `planc diff` as a library call: the plans as they are at a base revision (read from git's
// objects, never checked out) and at the head (the working tree, or another revision),
// each side checked with its own configuration as `check` would, then compared plan by
// plan (src/diff/). With one configuration on both sides the head reuses what the base
// compiled for files with the same bytes, and groups of plans that did not change are
// analysed once; Monte Carlo runs only for the groups that changed (their P80 is compared).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { planIdFromFile } from '../build/build.ts';
import type { FileInput } from '../compile.ts';
import { CONFIG_FILES, parseConfig, readConfig, type Config, type ConfigFiles, type LoadedConfig } from '../config/config.ts';
import { diffPlans } from '../diff/compare.ts';
import { describeDiff } from '../diff/describe.ts';
import { GATES, heldGates } from '../diff/gates.ts';
import type { Diff } from '../diff/types.ts';
import { DEFAULT_MARKER, markdownDiff, MARKER_PATTERN } from '../emit/markdown/diff.ts';
import { type Env, GitProblem } from '../git/git.ts';
import { commitOf, defaultBranch, FETCH_HINT, listTree, mergeBase, openRepository, readBlobs, repositoryPath, type Repository, type TreeFile } from '../git/revision.ts';
import { planReferences } from '../link/link.ts';
import { discover, discoverIn, type Discovered } from '../load/discover.ts';
import type { Plan } from '../model/plan.ts';
import { jsonDiff, stylishDiff, type GateResult } from '../report/diff.ts';
import type { Style } from '../report/terminal.ts';
import { suggest } from '../util/suggest.ts';
import { configResult } from './config.ts';
import { UsageError } from './errors.ts';
import { explanationUrl, planPages } from './report.ts';
import { makeResult, type CheckResult } from './result.ts';
import { compileFiles, compileVersions, configuredPatterns, missingPaths, sameInput, noPlanFiles, readPlanInputs, requestPatterns, type SessionOptions, type Version } from './session.ts';

export { DEFAULT_MARKER };

export interface DiffOptions extends SessionOptions {
  /** The base revision (default: the merge base of the head with the default branch: GITHUB_BASE_REF's, origin/HEAD, main or master). */
  base?: string;
  /** The head revision (default: the working tree, as `check` sees it). */
  head?: string;
  /** Files, folders and globs, relative to `cwd`, on both sides; by default each side's configured `plans`. */
  paths?: string[];
  /** The environment git runs with (and GITHUB_BASE_REF is read from); default: this process's. */
  env?: Env;
  /** Each step as it starts (the command line shows them on a terminal). */
  onProgress?: (step: DiffStep) => void;
}

export type DiffStep = { step: 'reading'; side: 'base' | 'head'; label: string } | { step: 'compiling' } | { step: 'comparing' };

/** One side of the diff. */
export interface Revision {
  /** The ref as asked for (or found: `origin/main`); undefined for the working tree. */
  ref?: string;
  /** The commit it names; undefined for the working tree. */
  commit?: string;
  /** The merge base of the default branch and the head was taken (no `--base` given). */
  mergeBase?: boolean;
  /** How messages name it: `origin/main (1a2b3c4)`, `the merge base with origin/main (1a2b3c4)`, `the working tree`. */
  label: string;
}

/** The head side's check (the result every call returns), with the base side's and what differs. */
export interface DiffResult extends CheckResult {
  /** The base side's check (its configuration's errors included, in its `diagnostics`). */
  base: CheckResult;
  revisions: { base: Revision; head: Revision };
  /** What differs; undefined when the head's configuration has errors (in `diagnostics`). */
  diff?: Diff;
}

/** A side as read: its configuration, and its plan files' inputs. */
interface Side {
  loaded: LoadedConfig;
  /** The files the paths (or the configuration) name. */
  found: Discovered;
  /** Those files' inputs and, when paths are named, the configured plans' too (what they link). */
  inputs: FileInput[];
  patterns: string[];
  /** When paths are named: the files compared (the others are compiled for what they link). */
  reported?: ReadonlySet<string>;
}

export async function diff(options: DiffOptions): Promise<DiffResult> {
  const cwd = resolve(options.cwd);
  const env = options.env ?? process.env;
  const repository = await usage(openRepository({ cwd, env }));
  const revisions = await usage(pickRevisions(repository, options));
  // git names the top folder by its real path; the working folder may be reached through a link.
  const tree = new TreeView(repository, cwd, realpathSync(cwd));

  options.onProgress?.({ step: 'reading', side: 'head', label: revisions.head.label });
  const headTree = revisions.head.commit ? await usage(tree.files(revisions.head.commit)) : undefined;
  const headLoaded = headTree ? await usage(tree.config(headTree, options.config)) : parseConfig(readConfig(cwd, options.config), cwd);
  const base = await usage(readBase(tree, revisions.base, options));
  if (headLoaded.diagnostics.length > 0) {
    const result = makeResult({ ...configResult(headLoaded, cwd), files: [], plans: [], analysis: { plans: new Map() } });
    return { ...result, base: emptyResult(base.loaded, cwd), revisions };
  }
  const head = headTree ? await usage(tree.side(headTree, headLoaded, options.paths)) : await workingTree(cwd, headLoaded, options.paths);
  if (base.loaded.diagnostics.length === 0) {
    // A path named outright must exist on one side at least (a typo in CI must not pass).
    const missing = head.found.missing.filter((path) => base.found.missing.includes(path));
    if (missing.length > 0) throw missingPaths(missing);
    if (head.found.files.length === 0 && base.found.files.length === 0) throw noPlanFiles(head.patterns);
  } else if (head.found.missing.length > 0) {
    throw missingPaths(head.found.missing);
  }

  options.onProgress?.({ step: 'compiling' });
  const sameConfig = JSON.stringify(base.loaded.config) === JSON.stringify(headLoaded.config);
  const changed = touchedFiles(base.inputs, head.inputs);
  const version = (side: Side): Version => ({ inputs: side.inputs, config: side.loaded.config, unmatched: side.found.unmatched, ...(side.reported ? { reported: side.reported } : {}) });
  const [baseResult, headResult] =
    base.loaded.diagnostics.length > 0
      ? [emptyResult(base.loaded, cwd), compileFiles(head.inputs, headLoaded.config, { cwd, simulate: true, ...version(head) })]
      : compileVersions(version(base), version(head), {
          cwd,
          // Monte Carlo only where the P80 can differ: the groups of plans holding a file that changed.
          simulate: (group) => !sameConfig || group.some((plan) => changed.has(plan.file)),
        });

  options.onProgress?.({ step: 'comparing' });
  const compared = diffPlans({
    base: baseResult,
    head: headResult,
    config: {
      ...(base.loaded.config.file ? { base: base.loaded.config.file } : {}),
      ...(headLoaded.config.file ? { head: headLoaded.config.file } : {}),
      changed: !sameConfig,
    },
    planIdFromFile,
    referencedPlans,
    explanation: (code) => explanationUrl(code, headLoaded.config.site),
    touched: changed,
  });
  return { ...headResult, base: baseResult, revisions, diff: compared };
}

/** The other plans a plan's references name. */
function* referencedPlans(plan: Plan): Iterable<string> {
  for (const [reference] of planReferences(plan)) if (reference.plan !== undefined && reference.plan !== plan.id) yield reference.plan;
}

/** The files whose bytes differ between the sides, or that one side lacks. */
function touchedFiles(base: readonly FileInput[], head: readonly FileInput[]): Set<string> {
  const before = new Map(base.map((input) => [input.path, input]));
  const touched = new Set<string>();
  for (const input of head) {
    const was = before.get(input.path);
    before.delete(input.path);
    if (!was || !sameInput(was, input)) touched.add(input.path);
  }
  for (const path of before.keys()) touched.add(path);
  return touched;
}

/** A check of nothing, with a configuration's diagnostics: a side whose configuration has errors. */
function emptyResult(loaded: LoadedConfig, cwd: string): CheckResult {
  return makeResult({ ...configResult(loaded, cwd), files: [], plans: [], analysis: { plans: new Map() } });
}

/** git's problems are the user's repository, not planc: usage errors (exit 2). */
async function usage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GitProblem) {
      throw new UsageError(error.message, error.kind === 'not-installed' ? 'planc diff reads the base revision through git: install git, or put it on the PATH.' : error.hint);
    }
    throw error;
  }
}

const short = (commit: string) => commit.slice(0, 7);

async function pickRevisions(repository: Repository, options: DiffOptions): Promise<DiffResult['revisions']> {
  const head: Revision = options.head !== undefined ? await named(repository, options.head) : { label: 'the working tree' };
  if (options.base !== undefined) return { base: await named(repository, options.base), head };
  const branch = await defaultBranch(repository);
  if (!branch) {
    if (repository.shallow) throw new GitProblem('this shallow clone holds no default branch to compare with', FETCH_HINT);
    throw new GitProblem('there is no default branch to compare with (no origin/HEAD, main or master)', 'Name the base revision with --base (a branch, tag or commit).');
  }
  const tip = await commitOf(repository, branch);
  const commit = await mergeBase(repository, tip, head.commit ?? (await commitOf(repository, 'HEAD')), [branch, options.head ?? 'HEAD']);
  return { base: { ref: branch, commit, mergeBase: true, label: `the merge base with ${branch} (${short(commit)})` }, head };
}

async function named(repository: Repository, ref: string): Promise<Revision> {
  const commit = await commitOf(repository, ref);
  return { ref, commit, label: `${ref} (${short(commit)})` };
}

async function readBase(tree: TreeView, revision: Revision, options: DiffOptions): Promise<Side> {
  options.onProgress?.({ step: 'reading', side: 'base', label: revision.label });
  const files = await tree.files(revision.commit!);
  const loaded = await tree.config(files, options.config);
  if (loaded.diagnostics.length > 0) return { loaded, found: { files: [], unmatched: [], missing: [] }, inputs: [], patterns: [] };
  return tree.side(files, loaded, options.paths);
}

const pathsNamed = (paths: readonly string[] | undefined): boolean => paths !== undefined && paths.length > 0;

/** The working tree's plan files, found and read as `check` finds and reads them. */
async function workingTree(cwd: string, loaded: LoadedConfig, paths: string[] | undefined): Promise<Side> {
  const patterns = requestPatterns(paths, loaded.config, cwd);
  const found = await discover(patterns, cwd);
  // A path named that is not there (a plan the change removes) is only missing on this side.
  const context = pathsNamed(paths) ? (await discover(configuredPatterns(loaded.config, cwd), cwd)).files : [];
  return withContext({ loaded, found, patterns }, context, (files) => readPlanInputs(files, cwd, loaded.config), pathsNamed(paths));
}

/**
 * A side read: named files are compared among the configured plans (`context`), as `check`
 * checks them, so that their references resolve and their schedules are a whole check's.
 */
async function withContext(
  side: Omit<Side, 'inputs'>,
  context: readonly string[],
  read: (files: string[]) => FileInput[] | Promise<FileInput[]>,
  isNamed: boolean,
): Promise<Side> {
  const files = [...new Set([...side.found.files, ...context])].sort();
  return { ...side, inputs: await read(files), ...(isNamed ? { reported: new Set(side.found.files) } : {}) };
}

/** A commit's files as the working folder sees them: paths relative to it, bytes from git's objects. */
class TreeView {
  readonly #repository: Repository;
  readonly #cwd: string;
  readonly #real: string;

  constructor(repository: Repository, cwd: string, real: string) {
    this.#repository = repository;
    this.#cwd = cwd;
    this.#real = real;
  }

  /** Every file of the commit, by its path relative to the working folder. */
  async files(commit: string): Promise<Map<string, TreeFile>> {
    const listed = await listTree(this.#repository, commit);
    return new Map(listed.map((file) => [relative(this.#real, join(this.#repository.root, file.path)).split('\\').join('/'), file]));
  }

  /** The configuration at the commit: the nearest config file (or the one named), as `check` would find it there. */
  async config(files: Map<string, TreeFile>, explicit: string | undefined): Promise<LoadedConfig> {
    const cwd = this.#cwd;
    const key = (path: string) => relative(cwd, path).split('\\').join('/');
    const inside = (path: string) => repositoryPath(this.#repository, join(this.#real, relative(cwd, path))) !== undefined;
    const candidates = [...files].filter(([path]) => CONFIG_FILES.some((name) => path === name || path.endsWith(`/${name}`))).map(([, file]) => file);
    const named = explicit !== undefined ? files.get(key(resolve(cwd, explicit))) : undefined;
    const blobs = await readBlobs(this.#repository, [...candidates, ...(named ? [named] : [])].map((file) => file.oid));
    const source: ConfigFiles = {
      // Inside the repository, the commit's files; above it (the same for both sides), the disk's.
      exists: (path) => (inside(path) ? files.has(key(path)) : existsSync(path)),
      read: (path) => {
        if (!inside(path)) return readFileSync(path);
        const bytes = blobs.get(files.get(key(path))?.oid ?? '');
        if (!bytes) throw Object.assign(new Error(`${key(path)} is not in the revision`), { code: 'ENOENT' });
        return bytes;
      },
    };
    // A config file named that the revision does not hold yet: that revision had the defaults.
    if (explicit !== undefined && !named && inside(resolve(cwd, explicit))) return parseConfig(undefined, cwd);
    return parseConfig(readConfig(cwd, explicit, source), cwd);
  }

  /** The plan files the configuration (or the paths) name at the commit, read from git's objects. */
  async side(files: Map<string, TreeFile>, loaded: LoadedConfig, paths: string[] | undefined): Promise<Side> {
    const { config } = loaded;
    const listing = [...files.keys()];
    const patterns = requestPatterns(paths, config, this.#cwd);
    const found = discoverIn(patterns, this.#cwd, listing);
    const context = pathsNamed(paths) ? discoverIn(configuredPatterns(config, this.#cwd), this.#cwd, listing).files : [];
    return withContext({ loaded, found, patterns }, context, (wanted) => this.#read(wanted, files, config), pathsNamed(paths));
  }

  async #read(paths: readonly string[], files: Map<string, TreeFile>, config: Config): Promise<FileInput[]> {
    // A symbolic link is followed once, inside the revision.
    const links = paths.map((path) => files.get(path)!).filter((file) => file.link);
    const targets = await readBlobs(this.#repository, links.map((file) => file.oid));
    const entries = paths.map((path): [string, TreeFile | string] => {
      const file = files.get(path)!;
      if (!file.link) return [path, file];
      const target = new TextDecoder().decode(targets.get(file.oid) ?? new Uint8Array());
      const followed = files.get(relative(this.#real, resolve(dirname(join(this.#real, path)), target)).split('\\').join('/'));
      return [path, followed && !followed.link ? followed : 'it is a symbolic link to a file the revision does not hold'];
    });
    const wanted = entries.flatMap(([, file]) => (typeof file !== 'string' && file.size <= config.maxFileSize ? [file.oid] : []));
    const blobs = await readBlobs(this.#repository, wanted);
    return entries.map(([path, file]): FileInput => {
      if (typeof file === 'string') return { path, error: file };
      // A file over the size limit is not read at all, as on disk.
      if (file.size > config.maxFileSize) return { path, size: file.size };
      const bytes = blobs.get(file.oid);
      return bytes ? { path, bytes } : { path, error: 'its object is missing from the repository' };
    });
  }
}

/** What a diff reporter is given besides the result. */
export interface DiffReportOptions {
  style: Style;
  /** The hidden marker of the markdown (a pull request comment's), `planc-diff` by default; `false` for none. */
  marker?: string | false;
  /** The `--fail-on` gates asked for, evaluated (`json` lists them). */
  gates?: readonly GateResult[];
}

export type DiffReporter = (result: DiffResult, options: DiffReportOptions) => string;

/** A diff result's sides, as the reporters name them. */
function describe(result: DiffResult) {
  return describeDiff(compared(result), { base: result.revisions.base.label, head: result.revisions.head.label });
}

function compared(result: DiffResult): Diff {
  if (!result.diff) throw new UsageError('the configuration file has errors: there is no diff to report');
  return result.diff;
}


/** The formats of `planc diff`, by name. */
export const diffReporters: Readonly<Record<string, DiffReporter>> = {
  stylish: (result, { style }) => stylishDiff(describe(result), style),
  markdown: (result, { marker }) => {
    const name = marker === undefined ? DEFAULT_MARKER : marker;
    if (name !== false) checkMarker(name);
    return markdownDiff(describe(result), { ...(name !== false ? { marker: name } : {}), planUrl: planPages(result) });
  },
  json: (result, { gates }) => jsonDiff({ diff: compared(result), base: result.revisions.base, head: result.revisions.head, gates: gates ?? [] }),
};

/** A comment marker goes into an HTML comment: a word of letters, digits and `-_.:`, or a usage error. */
export function checkMarker(name: string): void {
  if (!MARKER_PATTERN.test(name)) throw new UsageError(`\`${name}\` cannot be a comment marker`, 'A marker is a word of letters, digits and `-_.:` (it goes into an HTML comment).');
}

/** Gates by name (`GATES` lists them); an unknown name is a usage error. */
export function checkGates(names: readonly string[]): void {
  for (const name of names) {
    if (!(name in GATES)) {
      const suggestion = suggest(name, Object.keys(GATES));
      throw new UsageError(`there is no gate \`${name}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`, `Gates: ${Object.keys(GATES).join(', ')}.`);
    }
  }
}

/** Evaluates `--fail-on` gates by name (`GATES` lists them); an unknown name is a usage error. */
export function evaluateGates(result: DiffResult, names: readonly string[]): GateResult[] {
  checkGates(names);
  const held = new Map(heldGates(compared(result), names).map(({ gate, reasons }) => [gate, reasons]));
  return [...new Set(names)].map((gate) => ({ gate, holds: held.has(gate), reasons: held.get(gate) ?? [] }));
}
