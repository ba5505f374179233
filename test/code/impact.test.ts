// `planc impact` on scripted changes in a temporary git repository: named files (a deleted
// one too), a base branch, the work tree; its three formats and the job summary; the usage
// errors; one run of the real binary; and the workflow step the CI job runs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { formatImpact, impact } from '../../src/api/impact.ts';
import { CompilerSession } from '../../src/api/session.ts';
import { PatternCache } from '../../src/analyse/code/resolve.ts';
import { PLAIN } from '../../src/report/terminal.ts';
import { IMPACT_COMMENT_FILE, workflow } from '../../src/api/workflow.ts';
import { UNTOUCHED_MARKER } from '../../src/report/impact.ts';
import { runCommentStep } from '../helpers/gh.ts';
import { cli } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git.ts';
import { BIN, planc } from '../helpers/repo.ts';

const PLAN = `title: Auth
start: 2027-01-04
rollback: { trigger: Errors rise, steps: [Revert] }
phases:
  - id: work
    title: Work
    tasks:
      - { id: done-login, title: "Login | <b>form</b>", status: done, duration: 1d, touches: [src/auth/login.ts] }
      - { id: schema, title: Token schema, duration: 1d }
      - { id: tokens, title: Tokens, duration: 2d, dependsOn: [schema], touches: [src/auth/**, "!src/auth/legacy/**"], creates: [src/jwt/**], tests: [test/auth/**] }
      - { id: billing, title: Billing, status: in-progress, duration: 2d, touches: [src/billing/**] }
`;

const repo = gitRepo({
  'plans/auth.plan.yaml': PLAN,
  // Found from any folder below: its plans are the repository's.
  'planc.config.yaml': '# defaults\n',
  'src/auth/login.ts': 'export {};\n',
  'src/auth/legacy/old.ts': 'export {};\n',
  'src/billing/invoice.ts': 'export {};\n',
  'test/auth/login.test.ts': 'export {};\n',
  'README.md': '# Shop\n',
});
repo.commit('initial');
// A pull request: a branch off main that changes, adds and deletes files.
repo.git('checkout', '-q', '-b', 'feature');
repo.commit('the change', { 'src/auth/login.ts': 'export const changed = 1;\n', 'src/jwt/sign.ts': 'export {};\n', 'docs/notes.md': 'notes\n', 'src/billing/invoice.ts': null });
afterAll(() => repo.cleanup());

describe('planc impact', () => {
  it('finds the tasks each changed file belongs to, since a base, with what is worth saying about their status', async () => {
    const result = await impact({ cwd: repo.dir, base: 'main' });
    const report = result.impact!;
    expect(report.changed).toEqual(['docs/notes.md', 'src/auth/login.ts', 'src/billing/invoice.ts', 'src/jwt/sign.ts']);
    expect(report.tasks.map(({ task, files, note }) => ({ task: task.id, files, note: note?.kind }))).toEqual([
      { task: 'done-login', files: [{ path: 'src/auth/login.ts', list: 'touches' }], note: 'done-again' },
      { task: 'tokens', files: [{ path: 'src/auth/login.ts', list: 'touches' }, { path: 'src/jwt/sign.ts', list: 'creates' }], note: 'early' },
      // A deleted file is still in the area of the task that touches it.
      { task: 'billing', files: [{ path: 'src/billing/invoice.ts', list: 'touches' }], note: undefined },
    ]);
    expect(report.tasks[1]!.note).toEqual({ kind: 'early', waitsFor: [{ id: 'schema', status: 'todo' }], text: 'its code changes before what it waits for is done: schema (todo)' });
    expect(report.uncovered).toEqual(['docs/notes.md']);
    expect(report.summary).toEqual({ changed: 4, covered: 3, uncovered: 1, tasks: 3, plans: 1 });
  });

  it('matches the changed files with the paths its check compiled (the session\'s), and finds the same with a session that checked before', async () => {
    const session = new CompilerSession({ cwd: repo.dir });
    const get = vi.spyOn(PatternCache.prototype, 'get');
    try {
      const first = await impact({ cwd: repo.dir, base: 'main', session });
      expect(get.mock.contexts.length).toBeGreaterThan(0);
      expect(get.mock.contexts.every((cache) => cache === session.patterns)).toBe(true);
      // Watching: the same session again, its paths already compiled.
      const again = await impact({ cwd: repo.dir, base: 'main', session });
      expect(get.mock.contexts.every((cache) => cache === session.patterns)).toBe(true);
      expect(again.impact).toEqual(first.impact);
      expect((await impact({ cwd: repo.dir, base: 'main' })).impact).toEqual(first.impact);
    } finally {
      get.mockRestore();
    }
  });

  it('takes named files (relative to the working folder), and the work tree\'s changes when given neither', async () => {
    const named = await impact({ cwd: join(repo.dir, 'src'), files: ['auth/legacy/old.ts', '../test/auth/login.test.ts'] });
    expect(named.impact!.tasks.map(({ task, files }) => [task.id, files])).toEqual([['tokens', [{ path: 'test/auth/login.test.ts', list: 'tests' }]]]);
    expect(named.impact!.uncovered).toEqual(['src/auth/legacy/old.ts']);
    writeFileSync(join(repo.dir, 'src', 'auth', 'new.ts'), 'x\n');
    writeFileSync(join(repo.dir, 'README.md'), '# Shop, edited\n');
    try {
      const work = await impact({ cwd: repo.dir });
      expect(work.changes).toEqual({ from: 'work tree' });
      expect(work.impact!.changed).toEqual(['README.md', 'src/auth/new.ts']);
      expect(work.impact!.tasks.map(({ task }) => task.id)).toEqual(['tokens']);
    } finally {
      rmSync(join(repo.dir, 'src', 'auth', 'new.ts'));
      repo.git('checkout', '-q', '--', 'README.md');
    }
  });

  it('prints stylish, markdown (escaping plan text) and json, and adds the markdown to the job summary', async () => {
    const summary = join(repo.dir, '..', `summary-${process.pid}.md`);
    try {
      const stylish = await cli(['impact', '--base', 'main'], { cwd: repo.dir, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(stylish.status).toBe(0);
      expect(stylish.stdout).toBe(
        [
          'auth#done-login Login | <b>form</b> (done)',
          '  src/auth/login.ts touches',
          '  note: the task is done, and its code changes again',
          '',
          'auth#tokens Tokens (todo)',
          '  src/auth/login.ts touches',
          '  src/jwt/sign.ts creates',
          '  note: its code changes before what it waits for is done: schema (todo)',
          '',
          'auth#billing Billing (in-progress)',
          '  src/billing/invoice.ts touches',
          '',
          'In no plan:',
          '  docs/notes.md',
          '',
          "4 changed files since main: 3 in the areas of 3 tasks of 1 plan, 1 in no plan's.",
          '',
        ].join('\n'),
      );
      const markdown = await cli(['impact', '--base', 'main', '--format', 'markdown'], { cwd: repo.dir });
      expect(markdown.stdout).toContain('| `auth` | Login \\| \\<b>form\\</b> `done-login` | done | `src/auth/login.ts` | the task is done, and its code changes again |');
      expect(markdown.stdout).toContain('`src/jwt/sign.ts` (creates)');
      expect(markdown.stdout).toContain('**In no plan:** `docs/notes.md`');
      // The comment's marker first; the job summary is the same without it.
      expect(markdown.stdout.startsWith('<!-- planc-impact -->\n\n## Plans this change touches\n')).toBe(true);
      expect(readFileSync(summary, 'utf8')).toBe(markdown.stdout.replace('<!-- planc-impact -->\n\n', ''));
      const json = JSON.parse((await cli(['impact', '--format', 'json', 'src/auth/login.ts'], { cwd: repo.dir })).stdout);
      expect(json).toMatchObject({ version: 1, root: '.', changes: { from: 'files' }, changed: ['src/auth/login.ts'], uncovered: [] });
      expect(json.tasks.map((task: { task: string; status: string }) => `${task.task} ${task.status}`)).toEqual(['done-login done', 'tokens todo']);
    } finally {
      rmSync(summary, { force: true });
    }
  });

  it('writes formats to files as check does, and links plans to the site and files to the repository when their addresses are set', async () => {
    try {
      const run = await cli(['impact', 'src/auth/login.ts', '--format', 'markdown=reports/impact.md', '-o', 'impact.json', '--format', 'json'], { cwd: repo.dir, env: {} });
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n').at(-2)).toBe('1 changed file: 1 in the areas of 2 tasks of 1 plan.');
      expect(JSON.parse(readFileSync(join(repo.dir, 'impact.json'), 'utf8')).summary).toMatchObject({ changed: 1, tasks: 2 });
      expect(readFileSync(join(repo.dir, 'reports', 'impact.md'), 'utf8')).toMatch(/^<!-- planc-impact -->\n\n## Plans this change touches\n/);
      const twoToStdout = await cli(['impact', '--format', 'json', '--format', 'markdown', 'README.md'], { cwd: repo.dir });
      expect(twoToStdout.status).toBe(2);
      expect(twoToStdout.stderr).toMatch(/^planc: only one format can go to standard output/);
    } finally {
      rmSync(join(repo.dir, 'impact.json'), { force: true });
      rmSync(join(repo.dir, 'reports'), { recursive: true, force: true });
    }
    const result = await impact({ cwd: join(repo.dir, 'src'), files: ['auth/login.ts', '../docs/notes.md'] });
    const site = { ...result.config.site, url: 'https://acme.github.io', base: '/shop/', repository: 'https://github.com/acme/shop', branch: 'trunk' };
    const linked = formatImpact({ ...result, config: { ...result.config, site }, impact: result.impact! }, 'markdown', { style: PLAIN });
    expect(linked).toContain('| [`auth`](https://acme.github.io/shop/plans/auth/) | Login \\| \\<b>form\\</b> `done-login` | done | [`src/auth/login.ts`](https://github.com/acme/shop/blob/trunk/src/auth/login.ts) |');
    expect(linked).toContain('**In no plan:** [`docs/notes.md`](https://github.com/acme/shop/blob/trunk/docs/notes.md)');
    expect(JSON.parse(formatImpact({ ...result, impact: result.impact! }, 'json', { style: PLAIN })).root).toBe('..');
  });

  it('shows changed file names (which the pull request chooses) in code in its markdown, never as markup', async () => {
    const names = ['src/auth/`x`|<img src=x onerror=alert(1)>.ts', 'docs/[a](javascript:alert(1)).md', 'docs/\u202eevil.md'];
    const result = await impact({ cwd: repo.dir, files: names });
    const site = { ...result.config.site, repository: 'https://github.com/acme/shop' };
    const markdown = formatImpact({ ...result, config: { ...result.config, site }, impact: result.impact! }, 'markdown', { style: PLAIN });
    expect(markdown).not.toMatch(/[\u202a-\u202e]/);
    const codes: string[] = [];
    const urls: string[] = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root, (node) => {
      // The only HTML is planc's own marker.
      if (node.type === 'html') expect(node.value).toBe('<!-- planc-impact -->');
      if (node.type === 'inlineCode') codes.push(node.value);
      if (node.type === 'link') urls.push(node.url);
    });
    expect(codes).toEqual(expect.arrayContaining(names.map((name) => name.replace('\u202e', ''))));
    expect(urls.every((url) => url.startsWith('https://github.com/acme/shop/blob/main/'))).toBe(true);
  });

  it('keeps a comment within what GitHub takes, mentions no one, and marks one where no task\'s code changed', async () => {
    const result = await impact({ cwd: repo.dir, files: ['src/auth/login.ts', 'README.md'] });
    const [first] = result.impact!.tasks;
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `src/auth/a-rather-long-folder-name/and-a-longer-file-name-${i}.ts`, list: 'touches' as const }));
    const many = Array.from({ length: 3000 }, () => ({ ...first!, task: { ...first!.task, title: 'Ask @ana and @acme/backend' }, files }));
    const big = formatImpact({ ...result, impact: { ...result.impact!, tasks: many } }, 'markdown', { style: PLAIN });
    expect(big.length).toBeLessThanOrEqual(60_000);
    const rows = big.split('\n').filter((line) => line.startsWith('| `auth`')).length;
    expect(rows).toBeGreaterThan(50);
    expect(big).toContain(`… and ${3000 - rows} more tasks, too many for one comment: \`planc impact\` lists them all.`);
    expect(big).toContain('**In no plan:** `README.md`');
    expect(big).not.toMatch(/@(ana|acme)/);
    expect(big).toContain('Ask @\u2060ana and @\u2060acme/backend');

    const none = await impact({ cwd: repo.dir, files: ['README.md'] });
    expect(formatImpact({ ...none, impact: none.impact! }, 'markdown', { style: PLAIN })).toMatch(/^<!-- planc-impact -->\n\n<!-- planc-impact: no task touched -->\n\n## Plans this change touches\n/);
    expect(formatImpact({ ...none, impact: none.impact! }, 'markdown', { style: PLAIN, marker: false })).toMatch(/^<!-- planc-impact: no task touched -->\n\n## /);
  });

  it('is a usage error for a revision git does not know, files and a base at once, a file outside the repository, an unknown format, no git', async () => {
    for (const [args, message] of [
      [['--base', 'no-such-branch'], /^planc: there is no revision `no-such-branch` in this repository\n/],
      [['--base', 'main', 'README.md'], /name the changed files or give --base, not both/],
      [['../elsewhere.ts'], /is not inside the repository/],
      [['--format', 'sarif', 'README.md'], /unknown format `sarif`/],
    ] as const) {
      const run = await cli(['impact', ...args], { cwd: repo.dir });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    const noGit = await cli(['impact', '--base', 'main'], { cwd: repo.dir, env: { PATH: join(repo.dir, 'no-bin') } });
    expect(noGit).toMatchObject({ status: 2, stdout: '', stderr: 'planc: git was not found\nplanc impact asks git what changed: install git, or name the changed files.\n' });
    const plain = mkdtempSync(join(tmpdir(), 'planc-impact-'));
    try {
      mkdirSync(join(plain, 'plans'));
      writeFileSync(join(plain, 'plans', 'a.plan.yaml'), PLAN);
      const outside = await cli(['impact', '--base', 'main'], { cwd: plain, env: {} });
      expect(outside.status).toBe(2);
      expect(outside.stderr).toMatch(/is not in a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('runs as a process, as CI runs it', () => {
    const run = planc(['impact', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ changed: 4, covered: 3, uncovered: 1, tasks: 3, plans: 1 });
  });
});

describe('the impact job of the workflow planc init writes', () => {
  interface Step {
    name?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  const flow = parse(workflow({ defaultBranch: 'main', install: 'project', plans: ['plans'] }));
  const steps: Step[] = flow.jobs.impact.steps;
  const commentStep = steps.find((step) => step.name === 'Update the pull request comment')!.run!;
  const work = mkdtempSync(join(tmpdir(), 'planc-impact-job-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs on pull requests with the history, and may comment', () => {
    expect(flow.jobs.impact.if).toBe("github.event_name == 'pull_request'");
    expect(flow.jobs.impact.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
  });

  it('has an impact step that runs as written: the comment file, the log, the job summary', () => {
    const step = steps.find((candidate) => candidate.run?.includes('planc impact'))!;
    const bin = mkdtempSync(join(work, 'npx-'));
    const summary = join(bin, 'summary.md');
    // The base branch as actions/checkout with `fetch-depth: 0` leaves it: a remote branch.
    repo.git('update-ref', 'refs/remotes/origin/main', 'main');
    try {
      // `npx planc` as the job has it once the project is installed.
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(join(bin, 'npx'), 0o755);
      const log = execFileSync('bash', ['--norc', '--noprofile', '-eo', 'pipefail', '-c', step.run!], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' },
      });
      expect(log.split('\n').at(-2)).toBe("4 changed files since origin/main: 3 in the areas of 3 tasks of 1 plan, 1 in no plan's.");
      const comment = readFileSync(join(repo.dir, IMPACT_COMMENT_FILE), 'utf8');
      expect(comment).toMatch(/^<!-- planc-impact -->\n\n## Plans this change touches\n\n4 changed files since origin\/main: /);
      expect(readFileSync(summary, 'utf8')).toBe(comment.replace('<!-- planc-impact -->\n\n', ''));
    } finally {
      rmSync(join(repo.dir, IMPACT_COMMENT_FILE), { force: true });
      repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    }
  });

  it('updates its own comment (not the diff\'s), adds one when a task is touched, and none when none is', () => {
    const list = 'gh api repos/acme/shop/issues/5/comments --paginate --jq .[] | select(.body | startswith("<!-- planc-impact -->")) | .id';
    const touched = '<!-- planc-impact -->\n\n## Plans this change touches\n';
    const untouched = `<!-- planc-impact -->\n\n${UNTOUCHED_MARKER}\n\n## Plans this change touches\n`;
    const comments = [
      { id: 41, body: '<!-- planc-diff -->\n\n**1 plan changed**' },
      { id: 42, body: '<!-- planc-impact -->\n\n## Plans this change touches' },
    ];
    const patch = ['gh api --method PATCH repos/acme/shop/issues/comments/42 -F body=@planc-impact.md', 'body: <!-- planc-impact -->'];
    expect(runCommentStep(work, commentStep, IMPACT_COMMENT_FILE, touched, comments)).toEqual([list, ...patch]);
    expect(runCommentStep(work, commentStep, IMPACT_COMMENT_FILE, untouched, comments)).toEqual([list, ...patch]);
    expect(runCommentStep(work, commentStep, IMPACT_COMMENT_FILE, touched, comments.slice(0, 1))).toEqual([
      list,
      'gh api --method POST repos/acme/shop/issues/5/comments -F body=@planc-impact.md',
      'body: <!-- planc-impact -->',
    ]);
    expect(runCommentStep(work, commentStep, IMPACT_COMMENT_FILE, untouched, comments.slice(0, 1))).toEqual([list]);
  });
});
