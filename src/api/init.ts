// `planc init`: sets a repository up — planc.config.yaml, a first plan when there is none,
// the entries `.gitignore` needs, and the GitHub workflow that checks the plans on pull
// requests and publishes them from the default branch. A file that exists is left as it
// is unless `force` says otherwise (`.gitignore` only gets the lines it lacks).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { discover } from '../load/discover.ts';
import { writeAtomically } from '../util/atomic.ts';
import { loadConfig } from './config.ts';
import { ConfigError } from './errors.ts';
import { HOME_PAGE } from '../version.ts';
import { createPlan, schemaReference } from './new.ts';
import { workflow, type WorkflowOptions } from './workflow.ts';

export interface InitOptions {
  /** The repository's root. */
  cwd: string;
  /** Replace files that exist. */
  force?: boolean;
  /** The date the first plan starts after (default: today). */
  today?: Date;
}

export interface InitFile {
  /** Relative to `cwd`. */
  path: string;
  /** `written` new, `replaced` (with `force`), `updated` (lines added), `kept` as it was. */
  action: 'written' | 'replaced' | 'updated' | 'kept';
}

export interface InitResult {
  files: InitFile[];
}

/** The lines `.gitignore` gets: the site and the reports planc writes. */
const IGNORED = ['_site/', 'planc.sarif', 'planc-diff.md', 'planc-impact.md', '.planc-cache/'];

/** The GitHub repository `origin` points to, if it is one. */
function githubRemote(cwd: string): { owner: string; name: string } | undefined {
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8' });
  if (remote.status !== 0) return undefined;
  const match = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\s*$/.exec(remote.stdout);
  return match ? { owner: match[1]!, name: match[2]! } : undefined;
}

/** The repository's default branch: origin's, else the current one, else `main`. */
function defaultBranch(cwd: string): string {
  const head = spawnSync('git', ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], { cwd, encoding: 'utf8' });
  if (head.status === 0 && head.stdout.trim()) return head.stdout.trim().replace(/^origin\//, '');
  const current = spawnSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd, encoding: 'utf8' });
  return current.status === 0 && current.stdout.trim() ? current.stdout.trim() : 'main';
}

/** Whether the repository's package.json lists planc, so the workflow runs its own copy. */
function projectHasPlanc(cwd: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return Boolean(manifest.dependencies?.planc ?? manifest.devDependencies?.planc) && existsSync(join(cwd, 'package-lock.json'));
  } catch {
    return false;
  }
}

function configText(remote: { owner: string; name: string } | undefined, branch: string, cwd: string): string {
  const schema = schemaReference('config.schema.json', cwd, cwd);
  const site = remote
    ? [
        'site:',
        `  title: ${JSON.stringify(`${remote.name} plans`)}`,
        `  # Where GitHub Pages publishes it: diagnostics link to their page of the site.`,
        `  url: https://${remote.owner.toLowerCase()}.github.io`,
        `  base: /${remote.name}/`,
        `  repository: https://github.com/${remote.owner}/${remote.name}`,
        `  branch: ${JSON.stringify(branch)}`,
      ]
    : ['site:', '  title: Plans', '  # url: https://owner.github.io   # where the site is published', '  # base: /repository/', '  # repository: https://github.com/owner/repository'];
  return [
    `# yaml-language-server: $schema=${schema.reference}`,
    `# planc's settings for this repository: ${HOME_PAGE.replace(/#.*$/, '')}#configuration`,
    'plans: [plans]',
    ...site,
    '# rules:              # a severity per rule: error | warning | info | off',
    '#   owner-overloaded: warning',
    '',
  ].join('\n');
}

export async function initRepository(options: InitOptions): Promise<InitResult> {
  const { cwd } = options;
  const files: InitFile[] = [];
  const put = (path: string, content: string) => {
    const target = join(cwd, path);
    const exists = existsSync(target);
    if (exists && !options.force) {
      files.push({ path, action: 'kept' });
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeAtomically(target, content);
    files.push({ path, action: exists ? 'replaced' : 'written' });
  };

  const remote = githubRemote(cwd);
  const branch = defaultBranch(cwd);
  put('planc.config.yaml', configText(remote, branch, cwd));
  const loaded = loadConfig({ cwd });
  if (loaded.configInvalid) throw new ConfigError(loaded);
  const { config } = loaded;
  const patterns = config.plans.map((pattern) => relative(cwd, join(config.root, pattern)) || '.');

  // A first plan, where the next check finds it, unless the repository has plans already.
  const existing = await discover(patterns, cwd);
  if (existing.files.length === 0) {
    const plan = await createPlan({ cwd, id: 'first-plan', template: 'implementation', title: 'First plan', ...(options.today ? { today: options.today } : {}) });
    files.push({ path: plan.file, action: 'written' });
  }

  const ignore = join(cwd, '.gitignore');
  const had = existsSync(ignore) ? readFileSync(ignore, 'utf8') : undefined;
  const present = new Set((had ?? '').split(/\r?\n/).map((line) => line.trim()));
  const missing = IGNORED.filter((line) => !present.has(line) && !present.has(`/${line}`));
  if (missing.length > 0) {
    const lead = had === undefined || had === '' ? '' : had.endsWith('\n') ? '\n' : '\n\n';
    writeFileSync(ignore, `${had ?? ''}${lead}# planc: the site and the reports it writes\n${missing.join('\n')}\n`);
    files.push({ path: '.gitignore', action: had === undefined ? 'written' : 'updated' });
  } else {
    files.push({ path: '.gitignore', action: 'kept' });
  }

  const workflowOptions: WorkflowOptions = { defaultBranch: branch, install: projectHasPlanc(cwd) ? 'project' : 'npx', plans: patterns.map((pattern) => (/[*?[{]/.test(pattern) || /\.ya?ml$/.test(pattern) ? pattern : `${pattern}/**`)) };
  put('.github/workflows/plans.yml', workflow(workflowOptions));
  return { files };
}
