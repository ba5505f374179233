// `planc init` in an empty repository and in one that is set up already; the workflow it
// writes and the repository's action.yml, read by GitHub's own workflow parser and by
// action-validator (the schemastore schemas); and the command line's manners in CI.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { workflow } from '../../src/api/workflow.ts';
import { VERSION } from '../../src/version.ts';
import { cli } from '../helpers/cli.ts';
import { ROOT, tempRepos } from '../helpers/repo.ts';

const VALIDATOR = join(ROOT, 'node_modules', '.bin', 'action-validator');

const repo = tempRepos();

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** GitHub's parser's errors for a workflow or an action, and action-validator's verdict. */
async function readByGitHub(kind: 'workflow' | 'action', path: string): Promise<{ errors: string[]; validator: number | null; jobs?: string[] }> {
  const content = readFileSync(path, 'utf8');
  const validator = spawnSync(VALIDATOR, [path], { encoding: 'utf8' });
  if (kind === 'action') {
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
    return { errors: parsed.context.errors.getErrors().map(String), validator: validator.status };
  }
  const parsed = parseWorkflow({ name: 'plans.yml', content }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  return {
    errors: [...parsed.context.errors.getErrors().map(String), ...(template.errors ?? []).map((e) => String(e.Message))],
    validator: validator.status,
    jobs: template.jobs.map((job) => String(job.id.value)),
  };
}

describe('planc init', () => {
  it('sets up an empty repository: config, a first plan that checks clean, .gitignore, and a workflow GitHub accepts', async () => {
    const { dir } = repo();
    git(dir, 'init', '-q', '-b', 'trunk');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:Acme/shop.git');
    const result = await cli(['init'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      '  planc.config.yaml            wrote',
      '  plans/first-plan.plan.yaml   wrote',
      '  .gitignore                   wrote',
      '  .github/workflows/plans.yml  wrote',
    ]);
    expect(parse(readFileSync(join(dir, 'planc.config.yaml'), 'utf8'))).toEqual({
      plans: ['plans'],
      site: { title: 'shop plans', url: 'https://acme.github.io', base: '/shop/', repository: 'https://github.com/Acme/shop', branch: 'trunk' },
    });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('# planc: the site and the reports it writes\n_site/\nplanc.sarif\nplanc-diff.md\nplanc-impact.md\n.planc-cache/\n');
    expect((await cli(['check'], { cwd: dir })).stdout).toBe('✔ 1 plan file checked: no problems\n');

    const path = join(dir, '.github', 'workflows', 'plans.yml');
    const read = await readByGitHub('workflow', path);
    expect(read).toEqual({ errors: [], validator: 0, jobs: ['check', 'diff', 'impact', 'site', 'status'] });
    const flow = parse(readFileSync(path, 'utf8'));
    expect(flow.on.push.branches).toEqual(['trunk']);
    const steps = (job: string) => flow.jobs[job].steps as Array<{ uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }>;
    expect(steps('check').find((step) => step.run?.includes('check'))!.run).toBe(`npx --yes planc@${VERSION} check --format github --format sarif=planc.sarif`);
    expect(steps('check').find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!.with).toEqual({ sarif_file: 'planc.sarif', category: 'planc' });
    expect(flow.jobs.check.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(flow.jobs.site.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    // On pull requests, the diff: the whole history (for the merge base), the comment file, permission to comment.
    expect(flow.jobs.diff.if).toBe("github.event_name == 'pull_request'");
    expect(flow.jobs.diff.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(steps('diff')[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps('diff').find((step) => step.run?.includes(' diff '))!.run).toBe(`npx --yes planc@${VERSION} diff --format markdown=planc-diff.md`);
    expect(steps('impact').find((step) => step.run?.includes('impact'))!.run).toBe(`npx --yes planc@${VERSION} impact --base "origin/$GITHUB_BASE_REF" --format markdown=planc-impact.md`);
    expect(steps('site').map((step) => step.uses?.split('@')[0] ?? 'run')).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'browser-actions/setup-chrome',
      'actions/configure-pages',
      'actions/cache',
      'run',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    // The site and the status report are judged on the day they are made.
    expect(steps('site')[5]!.run).toBe(`npx --yes planc@${VERSION} site --status-date today --base "\${{ steps.pages.outputs.base_path }}/" || [ $? -eq 1 ]`);
    expect(steps('status').at(-1)!.run).toBe(`npx --yes planc@${VERSION} report --status-date today >> "$GITHUB_STEP_SUMMARY"`);
    expect(flow.jobs.status.if).toBe("github.event_name != 'pull_request'");
    expect(flow.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
    expect(steps('site')[4]!.with!.key).toBe("planc-diagrams-${{ runner.os }}-${{ hashFiles('plans/**', 'planc.config.yaml') }}");
  });

  it('in a repository that has its setup, changes nothing without --force, and adds only the missing .gitignore lines', async () => {
    const config = 'plans: [docs/plans]\nsite: { title: Ours }\n';
    const { dir } = repo({
      'planc.config.yaml': config,
      'docs/plans/ours.plan.yaml': readFileSync(join(ROOT, 'plans', 'jwt-auth-refactor.plan.yaml'), 'utf8'),
      '.gitignore': 'node_modules/\n_site/',
      'package.json': JSON.stringify({ name: 'ours', devDependencies: { planc: '^0.1.0' } }),
      'package-lock.json': '{}',
    });
    const first = await cli(['init'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n').slice(0, 3)).toEqual([
      '  planc.config.yaml            kept (exists; --force replaces it)',
      '  .gitignore                   updated',
      '  .github/workflows/plans.yml  wrote',
    ]);
    expect(readFileSync(join(dir, 'planc.config.yaml'), 'utf8')).toBe(config);
    expect(existsSync(join(dir, 'plans'))).toBe(false);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n_site/\n\n# planc: the site and the reports it writes\nplanc.sarif\nplanc-diff.md\nplanc-impact.md\n.planc-cache/\n');
    // The repository's own planc, from its lockfile; the cache keyed on its plans folder.
    const flow = parse(readFileSync(join(dir, '.github', 'workflows', 'plans.yml'), 'utf8'));
    const runs = flow.jobs.check.steps.filter((step: { run?: string }) => step.run).map((step: { run: string }) => step.run);
    expect(runs).toEqual(['npm ci', 'npx planc check --format github --format sarif=planc.sarif']);
    expect(flow.jobs.site.steps[5].with.key).toBe("planc-diagrams-${{ runner.os }}-${{ hashFiles('docs/plans/**', 'planc.config.yaml') }}");
    expect((await readByGitHub('workflow', join(dir, '.github', 'workflows', 'plans.yml'))).errors).toEqual([]);

    const again = await cli(['init'], { cwd: dir });
    expect(again.stdout.split('\n').slice(0, 3)).toEqual([
      '  planc.config.yaml            kept (exists; --force replaces it)',
      '  .gitignore                   kept (has the entries)',
      '  .github/workflows/plans.yml  kept (exists; --force replaces it)',
    ]);
    const forced = await cli(['init', '--force'], { cwd: dir });
    expect(forced.stdout.split('\n')[0]).toBe('  planc.config.yaml            replaced');
  });

  it('stops with the configuration\'s diagnostics when the existing one is broken', async () => {
    const { dir } = repo({ 'planc.config.yaml': 'plans: 3\n' });
    const result = await cli(['init'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^planc\.config\.yaml:1:8 - error PLAN6001: Invalid configuration: Expected a list/);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('escapes a branch name and plan globs in the workflow it writes', async () => {
    const text = workflow({ defaultBranch: 'release/"1.x"', install: 'npx', plans: ["it's/**"] });
    const flow = parse(text);
    expect(flow.on.push.branches).toEqual(['release/"1.x"']);
    expect(flow.jobs.site.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/cache')).with.key).toBe("planc-diagrams-${{ runner.os }}-${{ hashFiles('it''s/**', 'planc.config.yaml') }}");
  });
});

describe('the repository\'s action.yml', () => {
  it('is a composite action GitHub accepts, which passes its inputs through the environment', async () => {
    const path = join(ROOT, 'action.yml');
    expect(await readByGitHub('action', path)).toEqual({ errors: [], validator: 0 });
    const action = parse(readFileSync(path, 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'sarif', 'junit', 'fail-severity', 'version']);
    // No input is spliced into the script (a path like `$(rm -rf ~)` stays text).
    const step = action.runs.steps[0];
    expect(step.run).not.toContain('${{');
    expect(Object.values(step.env)).toEqual(Object.keys(action.inputs).map((input) => `\${{ inputs.${input} }}`));
  });
});

describe('planc in CI: exit codes and messages', () => {
  const clean = 'title: Clean\nrollback: { trigger: errors rise, steps: [revert] }\nphases:\n  - id: build\n    title: Build\n    tasks: [{ id: a, title: A, duration: 1d }, { id: b, title: B }]\n';
  const { dir } = repo({ 'plans/clean.plan.yaml': clean });

  it('fails on the severity asked for, and --quiet reports errors only', async () => {
    expect((await cli(['check'], { cwd: dir })).status).toBe(0);
    expect((await cli(['check', '--fail-severity', 'warning'], { cwd: dir })).status).toBe(1);
    expect((await cli(['check', '--fail-severity', 'info'], { cwd: dir })).status).toBe(1);
    const quiet = await cli(['check', '--quiet', '--fail-severity', 'warning'], { cwd: dir });
    expect(quiet).toMatchObject({ status: 0, stdout: '✔ 1 plan file checked: no problems\n' });
    const bad = await cli(['check', '--fail-severity', 'fatal'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('planc: --fail-severity takes `info`, `warning`, `error`, not `fatal`');
  });

  it('says "did you mean" for a misspelt command or option', async () => {
    const command = await cli(['chek'], { cwd: dir });
    expect(command).toMatchObject({ status: 2, stderr: 'planc: unknown command `chek`; did you mean `check`?\nCommands: check, explain, fix, init, build, site, diff, impact, report, new, mcp, guide, schema, watch, preview.\n' });
    const option = await cli(['check', '--fromat', 'json'], { cwd: dir });
    expect(option).toMatchObject({ status: 2, stderr: 'planc: unknown option `--fromat`; did you mean `--format`?\nRun `planc check --help`.\n' });
  });

  it('refuses a Chromium named explicitly that does not exist, instead of quietly drawing in the browser', async () => {
    const nowhere = join(dir, 'no-chromium');
    for (const [args, env, source] of [
      [['--chromium', nowhere], {}, '`--chromium`'],
      [[], { PLANC_CHROMIUM: nowhere }, 'PLANC_CHROMIUM'],
    ] as const) {
      const result = await cli(['site', '--out', 'site-out', ...args], { cwd: dir, env });
      expect(result.status, source).toBe(2);
      expect(result.stderr, source).toBe(
        `planc: ${source} names \`${nowhere}\`, which does not exist\nPoint it at a Chromium or Chrome that is installed, or set it to \`none\` to leave the diagrams to the reader's browser.\n`,
      );
      expect(existsSync(join(dir, 'site-out')), source).toBe(false);
    }
  });

  it('explains a code in the terminal: what it means, the fix, the example and what planc prints for it', async () => {
    const result = await cli(['explain', 'PLAN4002'], { cwd: dir });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['PLAN4002 owner-overloaded: Owner overloaded', 'warning by default; the configuration may change it (rules: { owner-overloaded: error | warning | info | off })']);
    expect(result.stdout).toContain('Fix: Re-assign or sequence the tasks');
    expect(result.stdout).toContain('  plans/example.plan.yaml:\n    title: Example\n');
    expect(result.stdout).toContain('    plans/example.plan.yaml:7:15 - warning PLAN4002: `ana` has 2 tasks at once');
    expect(lines.at(-2)).toBe(`More: https://github.com/planc-dev/planc/blob/v${VERSION}/docs/diagnostics.md#plan4002`);
    const byName = await cli(['explain', 'owner-overloaded', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(byName.stdout)).toMatchObject({ code: 'PLAN4002', name: 'owner-overloaded', configurable: true, example: { output: expect.stringContaining('PLAN4002') } });
    const unknown = await cli(['explain', 'PLAN4020'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('planc: there is no diagnostic `PLAN4020`; did you mean `PLAN4002`?');
  });
});
