// `planc impact` as a library call: check the plans, find the files a change touches (named,
// or what git says changed since a base), and the tasks of every plan whose paths cover
// each one, with their status; and the changed files no plan covers.
import { isAbsolute, relative, resolve } from 'node:path';
import { analyseImpact, type ChangeSource, type ImpactReport } from '../analyse/code/impact.ts';
import { PatternCache } from '../analyse/code/resolve.ts';
import { impactReporters, type ImpactInput } from '../report/impact.ts';
import type { Style } from '../report/terminal.ts';
import { repositoryUrl } from '../util/paths.ts';
import { sitePage } from './report.ts';
import { UsageError } from './errors.ts';
import { changedFiles } from './repository.ts';
import type { CheckResult } from './result.ts';
import { CompilerSession, type SessionOptions } from './session.ts';

export interface ImpactOptions extends SessionOptions {
  /** The changed files, relative to `cwd` (they need not exist: a deleted file changed too). */
  files?: string[];
  /** A git revision: the files changed between it and HEAD (`git diff base...HEAD`). Without files or a base, the work tree's changes. */
  base?: string;
  /** A session to compile with (a watcher's), instead of a new one. */
  session?: CompilerSession;
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
  const changed =
    changes.from === 'files'
      ? options.files!.map((file) => {
          if (file.trim() === '') throw new UsageError('an empty path was given', 'Name the changed files.');
          const path = relative(root, resolve(cwd, file)).split('\\').join('/');
          if (path === '' || path === '..' || path.startsWith('../') || isAbsolute(path)) {
            throw new UsageError(`\`${file}\` is not inside the repository \`${relative(cwd, root) || '.'}\``, 'Name files of the repository the plans describe (`code.root` in planc.config.yaml).');
          }
          return path;
        })
      : changedFiles(root, changes.from === 'base' ? changes.base : undefined);
  const plans = result.built.map((plan) => ({ plan, analysis: result.analysis.plans.get(plan)! }));
  return { ...result, root, prefix: repository.prefix, changes, impact: analyseImpact(changes, changed, plans, new PatternCache()) };
}

/** The formats an impact is reported in (`planc impact --format`). */
export const IMPACT_FORMATS: readonly string[] = Object.keys(impactReporters);

/**
 * An impact in a format (`stylish`, `markdown`, `json`): plans linked to their pages of the
 * published site (`site.url`), files to the repository's pages (`site.repository`).
 */
export function formatImpact(result: ImpactResult & { impact: ImpactReport }, format: string, style: Style): string {
  const reporter = impactReporters[format];
  if (!reporter) throw new Error(`there is no impact format \`${format}\``);
  const { site } = result.config;
  const input: ImpactInput = {
    report: result.impact,
    root: relative(result.cwd, result.root).split('\\').join('/') || '.',
    planPage: (plan) => sitePage(site, `plans/${encodeURIComponent(plan.id)}/`),
    filePage: (path) => (site.repository ? repositoryUrl(site.repository, site.branch, 'blob', result.prefix ? `${result.prefix}/${path}` : path) : undefined),
  };
  return reporter(input, style);
}
