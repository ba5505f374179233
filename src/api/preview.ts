// `planc preview` as a library call: the site built as `planc site` builds it, served on
// 127.0.0.1, and built again on every change through the watcher (the compiler session
// compiles what changed; the render cache keeps every diagram drawn, so only changed ones
// are drawn again). After each build the open pages whose HTML changed reload; a plan whose
// file has errors is shown as an overlay with its diagnostics, as soon as the check has
// found them, on its page (which the rebuilt site no longer has), instead of a stale page.
// Nothing is written to the process's streams: runs and progress come through callbacks.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { frame } from '../report/stylish.ts';
import { PLAIN } from '../report/terminal.ts';
import { basePath, siteTargetProblem } from '../site/build.ts';
import type { PreviewProblem, PreviewState } from '../site/preview-client.ts';
import { ListenError, startPreviewServer, type PreviewServer } from '../site/serve.ts';
import { shownPath } from '../util/paths.ts';
import { loadConfig } from './config.ts';
import { UsageError } from './errors.ts';
import type { CheckResult } from './result.ts';
import type { SessionOptions } from './session.ts';
import { buildSite, type SiteOptions, type SiteProgress, type SiteResult } from './site.ts';
import { watchPlans, type WatchRun } from './watch.ts';

export interface PreviewOptions extends SessionOptions, Pick<SiteOptions, 'paths' | 'base' | 'chromium' | 'chromiumLabel' | 'env'> {
  /** Where the site is built, relative to `cwd` (default: a new temporary folder, removed when the preview is closed). */
  out?: string;
  /** The address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** The port (default 4321, or the next free one; a port given must be free). */
  port?: number;
  /** Every run: the site it built and the pages that changed, or why it failed. */
  onRun?(run: WatchRun<PreviewBuild>): void;
  /** A change was seen and the site is being built again. */
  onStart?(changed: readonly string[]): void;
  onProgress?(progress: SiteProgress): void;
  /** A problem of the file watcher itself: runs go on. */
  onWatchError?(error: Error): void;
}

export interface PreviewBuild {
  site: SiteResult;
  /** The pages this build added, changed or removed, relative to the base (`plans/id/`, `404.html`): the open ones reload. */
  pages: string[];
}

export interface Preview {
  /** The site's address, with its base path. */
  readonly url: string;
  /** The folder the site is built in. */
  readonly out: string;
  /** Resolves when the first build is done (or failed) and its state was sent. */
  readonly ready: Promise<void>;
  /** Resolves once closed; rejects if a callback threw. */
  readonly done: Promise<void>;
  /** Stops watching (the build under way ends first) and serving; removes the temporary folder. */
  close(): Promise<void>;
}

const DEFAULT_PORT = 4321;

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const cwd = resolve(options.cwd);
  const configured = loadConfig(options).config;
  const base = basePath(options.base ?? configured.site.base);
  const temporary = options.out === undefined ? mkdtempSync(join(tmpdir(), 'planc-preview-')) : undefined;
  const out = temporary ? join(temporary, 'site') : resolve(cwd, options.out!);
  const removeTemporary = () => temporary && rmSync(temporary, { recursive: true, force: true });
  const problem = siteTargetProblem(out);
  if (problem) throw new UsageError(`the output folder \`${shownPath(out, cwd)}\` ${problem}`, 'planc preview replaces the whole folder: choose another with --out, or leave it out (a temporary folder).');
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`the port must be a whole number from 0 to 65535, not ${port}`);

  let server: PreviewServer;
  try {
    server = await startPreviewServer({ folder: out, base, host: options.host ?? '127.0.0.1', port, strictPort: options.port !== undefined });
  } catch (error) {
    removeTemporary();
    if (!(error instanceof ListenError)) throw error;
    throw new UsageError(error.message, error.code === 'EADDRINUSE' ? 'Choose another with --port (or leave it out for the next free one).' : 'Check --host and --port.');
  }

  const pages = new PageHashes(out);
  const planPages = new PlanPages();
  const watcher = watchPlans({
    cwd,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.paths ? { paths: options.paths } : {}),
    simulate: true,
    ...(options.onStart ? { onStart: options.onStart } : {}),
    // The overlay comes before the build: the check is done in milliseconds, a site in seconds.
    onCheck: (result) => server.state({ building: true, problems: planPages.problems(result) }),
    task: async (_, session) => {
      const site = await buildSite({
        cwd,
        ...(options.config !== undefined ? { config: options.config } : {}),
        ...(options.paths ? { paths: options.paths } : {}),
        out,
        base,
        ...(options.chromium !== undefined ? { chromium: options.chromium } : {}),
        ...(options.chromiumLabel !== undefined ? { chromiumLabel: options.chromiumLabel } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        session,
      });
      return { site, pages: site.site ? pages.changed() : [] };
    },
    onRun: (run) => {
      if (run.ok) {
        server.state({ building: false, problems: planPages.problems(run.value.site) });
        if (run.value.pages.length > 0) server.reload({ pages: run.value.pages });
      } else {
        const { message, hint } = run.error instanceof UsageError ? run.error : { message: `internal error: ${run.error instanceof Error ? run.error.message : String(run.error)}`, hint: undefined };
        server.state({ building: false, problems: run.result ? planPages.problems(run.result) : [], failure: { message, ...(hint ? { hint } : {}) } });
      }
      options.onRun?.(run);
    },
    ...(options.onWatchError ? { onWatchError: options.onWatchError } : {}),
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await watcher.close();
      } finally {
        await server.close();
        removeTemporary();
      }
    })());
  return { url: server.url, out, ready: watcher.ready, done: watcher.done, close };
}

/** The diagnostics of each file with errors, with the page of its plan (where the overlay opens). */
class PlanPages {
  /** The plan id each file held when last it built one: a file whose YAML is broken still has its page. */
  readonly #ids = new Map<string, string>();

  problems(result: CheckResult): PreviewProblem[] {
    for (const plan of result.plans) this.#ids.set(plan.file, plan.id);
    // A page belongs to the plan built under its id; a file whose id another plan took has none.
    const built = new Set(result.built.map((plan) => plan.id));
    const files = result.configInvalid ? [...new Set(result.diagnostics.map((d) => d.file))] : result.notBuilt.map((entry) => entry.file);
    return files.map((file) => {
      const id = this.#ids.get(file);
      const diagnostics = result.configInvalid ? result.diagnostics.filter((d) => d.file === file) : (result.byFile.get(file) ?? []);
      const source = result.source(file);
      return {
        file,
        ...(id !== undefined && !built.has(id) && !result.configInvalid ? { page: `plans/${id}/` } : {}),
        everywhere: result.configInvalid,
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          line: d.range.start.line,
          column: d.range.start.column,
          message: d.message,
          ...(d.help ? { help: d.help } : {}),
          frame: source && source.text.length > 0 ? frame(source, d, PLAIN).join('\n') : '',
          explanation: `diagnostics/${d.code}/`,
        })),
      };
    });
  }
}

/** The HTML pages of the built site by their content: what a build changed. */
class PageHashes {
  readonly #folder: string;
  #hashes = new Map<string, string>();

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** The pages added, changed or removed since the last call. */
  changed(): string[] {
    const hashes = new Map<string, string>();
    for (const entry of readdirSync(this.#folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const path = join(entry.parentPath, entry.name);
      const page = relative(this.#folder, path).split('\\').join('/').replace(/(^|\/)index\.html$/, '$1');
      hashes.set(page, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
    const changed = [...hashes].filter(([page, hash]) => this.#hashes.get(page) !== hash).map(([page]) => page);
    const removed = [...this.#hashes.keys()].filter((page) => !hashes.has(page));
    this.#hashes = hashes;
    return [...changed, ...removed].sort();
  }
}
