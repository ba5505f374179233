// Watching plans: a compiler session kept warm and fed by a file watcher (chokidar), as
// `tsc --watch` keeps its program. The watcher only says that something changed; each run
// asks the session to check again, and the session reads the files and the configuration
// and compiles what changed (its bytes), so an editor's atomic save, a file added, removed
// or renamed, a folder created and a changed planc.config.yaml are all the same thing: the
// next run sees the disk as it is. One run at a time: changes seen during a run make one
// more run after it. A check that finds nothing changed (a file touched, saved unchanged)
// is not reported again.
import { join, relative, resolve } from 'node:path';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { CONFIG_FILES, findConfig } from '../config/config.ts';
import { planMatcher, type PlanMatcher } from '../load/discover.ts';
import { isWithin } from '../util/paths.ts';
import { loadConfig } from './config.ts';
import type { CheckResult } from './result.ts';
import { CompilerSession, type SessionOptions, type Work } from './session.ts';

export interface WatchOptions<T> extends SessionOptions {
  /** Files, folders and globs, relative to `cwd`, as `check` takes them; by default the config's `plans`. */
  paths?: string[];
  /** A session to compile with, instead of a new one. */
  session?: CompilerSession;
  /** Check with the Monte Carlo simulation (what a build or a site needs, so that its own check reuses this one). */
  simulate?: boolean;
  /** How long to wait after the first change of a burst for the rest of it, in ms (default 25). */
  settle?: number;
  /** What to make of each check that found a change: the check itself, or a build, a site. */
  task(result: CheckResult, session: CompilerSession): Promise<T>;
  /** Every run, in order: what it checked and what the task made of it, or why it failed. */
  onRun(run: WatchRun<T>): void;
  /** A change is seen (relative to `cwd`); its run starts once the burst has settled and no run is under way. */
  onChange?(path: string): void;
  /** A run starts (a server shows "rebuilding…"). */
  onStart?(changed: readonly string[]): void;
  /** The check of a run is done and found changes; the task starts (a preview shows a plan's errors before its site is built). */
  onCheck?(result: CheckResult, changed: readonly string[]): void;
  /** A problem of the file watcher itself (the system's limit of watched files reached): runs go on. */
  onWatchError?(error: Error): void;
}

interface RunFacts {
  /** 1 for the first run. */
  number: number;
  /** The paths whose change started it, relative to `cwd`, sorted (none for the first run). */
  changed: string[];
  startedAt: Date;
  /** From the first change seen (the start, for the first run) to the end of the run, in ms. */
  elapsed: number;
}

export type WatchRun<T> = RunFacts &
  (
    | {
        ok: true;
        /** The check. */
        result: CheckResult;
        /** What the check compiled and analysed again. */
        work: Work;
        /** What the task made of it. */
        value: T;
      }
    | {
        ok: false;
        /** The check, when it was the task that failed. */
        result?: CheckResult;
        /** A UsageError (a named file removed, no plan file left), or what the task threw. */
        error: unknown;
      }
  );

export interface PlanWatcher {
  /** Resolves when the files are watched and the first run is reported. */
  readonly ready: Promise<void>;
  /** What is watched: absolute paths of folders and files (which may not exist yet). */
  readonly watched: readonly string[];
  /** Stops watching, and resolves when the run under way (if any) has ended. Never starts another. */
  close(): Promise<void>;
  /** Resolves once closed; rejects if a callback threw (a bug of the caller's, not a plan's). */
  readonly done: Promise<void>;
}

const SETTLE = 25;

/** Watches the plans and checks them again on every change, until closed. */
export function watchPlans<T>(options: WatchOptions<T>): PlanWatcher {
  return new Watcher(options);
}

class Watcher<T> implements PlanWatcher {
  readonly ready: Promise<void>;
  readonly done: Promise<void>;
  readonly #options: WatchOptions<T>;
  readonly #cwd: string;
  readonly #session: CompilerSession;
  /** The file watchers open: one, but for a moment when what is watched changes (see #rewatch). */
  readonly #watchers = new Set<FSWatcher>();
  #matcher: PlanMatcher;
  #configFiles = new Set<string>();
  #roots: string[] = [];
  #pending = new Set<string>();
  /** A run is due though no file was seen to change (what is watched changed). */
  #recheck = false;
  #firstSeen = 0;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #runs = 0;
  /** The last run's check, when its task succeeded: a check that changes nothing since is not reported. */
  #last: CheckResult | undefined;
  #lastError: string | undefined;
  #closed = false;
  #fail!: (error: unknown) => void;
  #finish!: () => void;

  constructor(options: WatchOptions<T>) {
    this.#options = options;
    this.#cwd = resolve(options.cwd);
    this.#session = options.session ?? new CompilerSession(options);
    this.done = new Promise((finish, fail) => {
      this.#finish = finish;
      this.#fail = fail;
    });
    // Where the plans are before the first check: the configuration as it is now.
    const loaded = loadConfig(options);
    this.#matcher = this.#matcherFor(loaded.config);
    this.#configFiles = this.#configCandidates(loaded.config.file);
    this.#roots = this.#targets();
    this.ready = this.#open(this.#roots).then(() => {
      if (this.#closed) return;
      this.#firstSeen = performance.now();
      return this.#start([]);
    });
    this.ready.catch((error: unknown) => this.#fail(error));
  }

  get watched(): readonly string[] {
    return this.#roots;
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      clearTimeout(this.#timer);
      await Promise.all([...this.#watchers].map((watcher) => watcher.close()));
    }
    await this.#running;
    this.#finish();
  }

  /** A file watcher over `roots`; resolves once it watches them all. */
  #open(roots: string[]): Promise<FSWatcher> {
    const watcher = watchFiles(roots, {
      ignoreInitial: true,
      // Each run reads the disk as it is, so an editor's save through a temporary file and
      // a rename needs no pairing of its unlink and add: the settling wait (below) takes
      // the burst as one change, without chokidar's 100 ms wait on every unlink.
      atomic: false,
      ignored: (path, stats) => this.#ignored(path, stats),
    });
    this.#watchers.add(watcher);
    watcher.on('all', (event, path) => {
      if (event === 'addDir') return;
      if (event === 'unlinkDir' ? this.#holdsPlans(path) : this.#relevant(path)) this.#changed(path);
    });
    watcher.on('error', (error) => this.#options.onWatchError?.(error instanceof Error ? error : new Error(String(error))));
    return new Promise((done) => watcher.once('ready', () => done(watcher)));
  }

  /**
   * Watches other roots: a new watcher over them all, and once it watches them, the old one
   * closed and one more run, for what changed before the new one watched (chokidar's
   * \`add()\` tells no moment from which a new path is watched).
   */
  #rewatch(roots: string[]): void {
    const old = [...this.#watchers];
    void this.#open(roots).then(async (watcher) => {
      if (this.#closed) return watcher.close();
      await Promise.all(old.map((previous) => previous.close().then(() => this.#watchers.delete(previous))));
      this.#recheck = true;
      this.#schedule();
    });
  }

  #changed(path: string): void {
    if (this.#closed) return;
    if (this.#pending.size === 0) this.#firstSeen = performance.now();
    const shown = relative(this.#cwd, path).split('\\').join('/') || path;
    this.#pending.add(shown);
    this.#options.onChange?.(shown);
    this.#schedule();
  }

  #schedule(): void {
    if (!this.#closed && !this.#running && !this.#timer) this.#timer = setTimeout(() => this.#next(), this.#options.settle ?? SETTLE);
  }

  #next(): void {
    this.#timer = undefined;
    if (this.#closed || this.#running || (this.#pending.size === 0 && !this.#recheck)) return;
    const changed = [...this.#pending].sort();
    this.#pending.clear();
    this.#recheck = false;
    void this.#start(changed);
  }

  #start(changed: string[]): Promise<void> {
    const running = this.#run(changed)
      .catch((error: unknown) => this.#fail(error))
      .finally(() => {
        this.#running = undefined;
        // Changes seen during the run: one more run, now (they have waited long enough).
        if ((this.#pending.size > 0 || this.#recheck) && !this.#closed) this.#next();
      });
    this.#running = running;
    return running;
  }

  async #run(changed: string[]): Promise<void> {
    const { onRun, onStart, onCheck, task, paths, simulate } = this.#options;
    const startedAt = new Date();
    const since = this.#firstSeen;
    const facts = () => ({ number: ++this.#runs, changed, startedAt, elapsed: performance.now() - since });
    onStart?.(changed);
    let result: CheckResult;
    let work: Work;
    try {
      result = await this.#session.check({ ...(paths ? { paths } : {}), simulate: simulate ?? false });
      work = { compiled: [...this.#session.work.compiled], analysed: [...this.#session.work.analysed] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#last = undefined;
      // The same failure again (a file still missing) is not news.
      if (message === this.#lastError) return;
      this.#lastError = message;
      onRun({ ...facts(), ok: false, error });
      return;
    }
    this.#lastError = undefined;
    this.#follow(result);
    if (this.#last && unchanged(result, work, this.#last)) return;
    onCheck?.(result, changed);
    let value: T;
    try {
      value = await task(result, this.#session);
    } catch (error) {
      this.#last = undefined;
      onRun({ ...facts(), ok: false, result, error });
      return;
    }
    this.#last = result;
    onRun({ ...facts(), ok: true, result, work, value });
  }

  /** After a check: a changed configuration may name other plan folders, or another config file. */
  #follow(result: CheckResult): void {
    if (this.#closed) return;
    const configFiles = this.#configCandidates(result.config.file);
    // A configuration with errors says nothing of where the plans are: keep watching where they were.
    const matcher = result.configInvalid ? this.#matcher : this.#matcherFor(result.config);
    this.#configFiles = configFiles;
    this.#matcher = matcher;
    const roots = this.#targets();
    const same = roots.length === this.#roots.length && roots.every((root, i) => root === this.#roots[i]);
    this.#roots = roots;
    if (!same) this.#rewatch(roots);
  }

  #matcherFor(config: CheckResult['config']): PlanMatcher {
    const configured = config.plans.map((pattern) => resolve(config.root, pattern));
    // Named files are checked among the configured plans: a change to either counts.
    return planMatcher([...configured, ...(this.#options.paths ?? []).map((path) => resolve(this.#cwd, path))], this.#cwd);
  }

  /** The config file in use, and those that, written, would be used instead. */
  #configCandidates(file: string | undefined): Set<string> {
    const { config } = this.#options;
    if (config !== undefined) return new Set([resolve(this.#cwd, config)]);
    const found = findConfig(this.#cwd);
    return new Set([...CONFIG_FILES.map((name) => join(this.#cwd, name)), ...(found ? [found] : []), ...(file ? [resolve(this.#cwd, file)] : [])]);
  }

  #targets(): string[] {
    return [...new Set([...this.#matcher.roots, ...this.#configFiles])].sort();
  }

  #relevant(path: string): boolean {
    return this.#configFiles.has(path) || this.#matcher.matches(path);
  }

  /** A folder removed held plans if a watched folder was in it, or it was in one. */
  #holdsPlans(path: string): boolean {
    return this.#matcher.roots.some((root) => isWithin(root, path) || isWithin(path, root));
  }

  #ignored(path: string, stats?: { isFile(): boolean; isDirectory(): boolean }): boolean {
    if (this.#roots.includes(path) || this.#configFiles.has(path)) return false;
    const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    // What discover never takes: dot files and folders, node_modules; and files that are not YAML.
    if (name.startsWith('.') || name === 'node_modules') return true;
    return stats?.isFile() === true && !/\.ya?ml$/i.test(name);
  }
}

/** A check that compiled nothing again, over the same files and configuration, changes nothing. */
function unchanged(result: CheckResult, work: Work, last: CheckResult): boolean {
  return (
    work.compiled.length === 0 &&
    result.config === last.config &&
    result.configInvalid === last.configInvalid &&
    result.files.length === last.files.length &&
    result.files.every((file, i) => file === last.files[i])
  );
}
