// `planc impact` as a library call: check the plans, find the files a change touches (named,
// or what git says changed since a base), and the tasks of every plan whose paths cover
// each one, with their status; and the changed files no plan covers.
import { isAbsolute, relative, resolve } from 'node:path';
import { analyseImpact, type ChangeSource, type ImpactReport } from '../analyse/code/impact.ts';
import type { Repository } from '../analyse/code/types.ts';
import { changedFiles } from '../git/changes.ts';
import { GitProblem, type Env } from '../git/git.ts';
import { IMPACT_MARKER, impactReporters, type ImpactInput } from '../report/impact.ts';
import type { Style } from '../report/terminal.ts';
import { repositoryUrl } from '../util/paths.ts';
import { planPages } from './report.ts';
import { UsageError } from './errors.ts';
import type { CheckResult } from './result.ts';
import { CompilerSession, type SessionOptions } from './session.ts';

export interface ImpactOptions extends SessionOptions {
  /** The changed files, relative to `cwd` (they need not exist: a deleted file changed too). */
  files?: string[];
  /** A git revision: the files changed between it and HEAD (`git diff base...HEAD`). Without files or a base, the work tree's changes. */
  base?: string;
  /** A session to compile with (a watcher's), instead of a new one. */
  session?: CompilerSession;
  /** The environment git runs with; default: this process's. */
  env?: Env;
}

export interface ImpactResult extends CheckResult {
  /** The repository root, absolute: the impact's paths are relative to it. */
  root: string;
  /** The root's place in the git work tree (`''` at its top), for links to the repository's pages. */
  prefix: string;
  /** Where the changed files came from. */
  changes: ChangeSource;
  /** Undefined when the configuration has errors. */
  impact?: ImpactReport;
}

export async function impact(options: ImpactOptions): Promise<ImpactResult> {
  const cwd = resolve(options.cwd);
  if (options.files && options.files.length > 0 && options.base !== undefined) {
    throw new UsageError('name the changed files or give --base, not both');
  }
  const session = options.session ?? new CompilerSession(options);
  const result = await session.check();
  const changes: ChangeSource =
    options.files && options.files.length > 0 ? { from: 'files' } : options.base !== undefined ? { from: 'base', base: options.base } : { from: 'work tree' };
  if (result.configInvalid) return { ...result, root: cwd, prefix: '', changes };
  const repository = session.repository();
  const root = repository.root;
  const changed = changes.from === 'files' ? namedFiles(options.files!, cwd, root) : await gitChanges(repository, changes, options.env ?? process.env);
  const plans = result.built.map((plan) => ({ plan, analysis: result.analysis.plans.get(plan)! }));
  return { ...result, root, prefix: repository.prefix, changes, impact: analyseImpact(changes, changed, plans, session.patterns) };
}

/** Named changed files, relative to the repository root; a usage error for one outside it. */
function namedFiles(files: readonly string[], cwd: string, root: string): string[] {
  return files.map((file) => {
    if (file.trim() === '') throw new UsageError('an empty path was given', 'Name the changed files.');
    const path = relative(root, resolve(cwd, file)).split('\\').join('/');
    if (path === '' || path === '..' || path.startsWith('../') || isAbsolute(path)) {
      throw new UsageError(`\`${file}\` is not inside the repository \`${relative(cwd, root) || '.'}\``, 'Name files of the repository the plans describe (`code.root` in planc.config.yaml).');
    }
    return path;
  });
}

/** What git says changed under the root; its problems are the user's repository or machine (usage errors, exit 2). */
async function gitChanges({ root, workTree }: Repository, changes: ChangeSource, env: Env): Promise<string[]> {
  if (workTree === undefined) throw new UsageError(`\`${root}\` is not in a git repository, so planc cannot tell what changed`, 'Name the changed files: `planc impact <paths…>`.');
  try {
    return await changedFiles({ cwd: root, env }, changes.from === 'base' ? changes.base : undefined);
  } catch (error) {
    if (!(error instanceof GitProblem)) throw error;
    throw new UsageError(error.message, error.kind === 'not-installed' ? 'planc impact asks git what changed: install git, or name the changed files.' : error.hint);
  }
}

/** The formats an impact is reported in (`planc impact --format`). */
export const IMPACT_FORMATS: readonly string[] = Object.keys(impactReporters);

export interface ImpactReportOptions {
  style: Style;
  /** The hidden marker the markdown starts with (`planc-impact` by default), so that a workflow finds its comment again; `false` for none. */
  marker?: string | false;
}

/**
 * An impact in a format (`stylish`, `markdown`, `json`): plans linked to their pages of the
 * published site (`site.url`), files to the repository's pages (`site.repository`).
 */
export function formatImpact(result: ImpactResult & { impact: ImpactReport }, format: string, options: ImpactReportOptions): string {
  const reporter = impactReporters[format];
  if (!reporter) throw new Error(`there is no impact format \`${format}\``);
  const { site } = result.config;
  const planPage = planPages(result);
  const input: ImpactInput = {
    report: result.impact,
    root: relative(result.cwd, result.root).split('\\').join('/') || '.',
    planPage: (plan) => planPage(plan.id),
    filePage: (path) => (site.repository ? repositoryUrl(site.repository, site.branch, 'blob', result.prefix ? `${result.prefix}/${path}` : path) : undefined),
  };
  const marker = options.marker === undefined ? IMPACT_MARKER : options.marker;
  return reporter(input, { style: options.style, ...(marker !== false ? { marker } : {}) });
}
