// `planc diff` at its edges: no repository, a shallow clone without the base, no git at all,
// a base that does not compile, binary and oversized files, swapped ids, configurations
// that differ or are broken, the default base, paths, bad options, hostile plan text in
// the comment, links to the site, progress on a terminal; and a few runs of the real binary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Html, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { GIT_ENV, gitRepo, runGit, type Files } from '../helpers/git.ts';
import { planc, tempRepo } from '../helpers/repo.ts';

/** A small plan; `extra` lines go at the top level. */
function plan(title: string, duration = '2d', extra = ''): string {
  return `title: ${title}\nstart: 2027-01-04\n${extra}rollback: { trigger: errors rise, steps: [revert] }\nphases:\n  - id: work\n    title: Work\n    tasks:\n      - { id: build, title: Build it, duration: ${duration} }\n`;
}

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A repository whose main holds `base`, with `head` written in the working tree (not committed). */
function history(base: Files, head: Files = {}) {
  const repo = gitRepo(base);
  cleanups.push(repo.cleanup);
  repo.commit('base');
  repo.write(head);
  return repo;
}

const diff = (cwd: string, args: string[], env: Record<string, string> = {}) => cli(['diff', ...args], { cwd, env: { ...GIT_ENV, ...env } });
const json = async (cwd: string, args: string[] = [], env: Record<string, string> = {}) => {
  const result = await diff(cwd, ['--format', 'json', ...args], env);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
};

describe('planc diff: where it cannot run', () => {
  it('outside a git repository: exit 2, saying so', async () => {
    const repo = tempRepo({ 'plans/a.plan.yaml': plan('A') });
    cleanups.push(repo.cleanup);
    const result = await diff(repo.dir, []);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^planc: .* is not in a git repository \(not a git repository .*\)\nplanc diff compares the plans of two revisions: run it inside a git repository/);
  });

  it('in a shallow clone without the base commit: exit 2, saying to fetch with fetch-depth: 0', async () => {
    const origin = history({ 'plans/a.plan.yaml': plan('A') });
    origin.commit('second', { 'plans/a.plan.yaml': plan('A', '3d') });
    const clone = mkdtempSync(join(tmpdir(), 'planc-shallow-'));
    cleanups.push(() => rmSync(clone, { recursive: true, force: true }));
    runGit(clone, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, '.']);
    const result = await diff(clone, ['--base', 'HEAD~1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'planc: the revision `HEAD~1` is not in this shallow clone\nFetch the history it needs: with actions/checkout, set `fetch-depth: 0`; in a clone, run `git fetch --unshallow` (or fetch the base branch).\n',
    );
    // A pull request's checkout of one branch, without the branch it targets.
    runGit(clone, ['checkout', '-q', '-b', 'feature']);
    runGit(clone, ['branch', '-q', '-D', 'main']);
    runGit(clone, ['update-ref', '-d', 'refs/remotes/origin/main']);
    runGit(clone, ['remote', 'set-head', 'origin', '-d']);
    const pull = await diff(clone, [], { GITHUB_BASE_REF: 'main' });
    expect(pull.status).toBe(2);
    expect(pull.stderr.split('\n')[0]).toBe("planc: the pull request's base branch `origin/main` is not in this clone");
    expect(pull.stderr).toContain('`fetch-depth: 0`');
    // Outside a pull request, no branch to compare with at all.
    const local = await diff(clone, []);
    expect(local.status).toBe(2);
    expect(local.stderr.split('\n')[0]).toBe('planc: this shallow clone holds no default branch to compare with');
  });

  it('without git on the PATH: exit 2, saying git is needed', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') });
    const result = await diff(repo.dir, ['--base', 'HEAD'], { PATH: join(repo.dir, 'nothing-here') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('planc: git was not found\nplanc diff reads the base revision through git: install git, or put it on the PATH.\n');
  });

  it('refuses revisions that are not there or that git would read as options, unknown gates, formats and markers', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') });
    const cases: Array<[string[], string]> = [
      [['--base', 'nope'], 'planc: there is no revision `nope` in this repository'],
      [['--base=--output=/tmp/x'], 'planc: `--output=/tmp/x` is not a revision'],
      [['--base', 'HEAD', '--head', 'HEAD~5'], 'planc: there is no revision `HEAD~5` in this repository'],
      [['--base', 'HEAD', '--fail-on', 'finish-latr'], 'planc: there is no gate `finish-latr`; did you mean `finish-later`?'],
      [['--base', 'HEAD', '--format', 'sarif'], 'planc: unknown format `sarif`'],
      [['--base', 'HEAD', '--format', 'markdown', '--comment-marker=--><script>'], 'planc: `--><script>` cannot be a comment marker'],
      [['--base', 'HEAD', 'plans/missing.plan.yaml'], 'planc: no such file or folder: `plans/missing.plan.yaml`'],
      [['--base', 'HEAD', '--format', 'markdown', '-o', 'plans/a.plan.yaml/diff.md'], 'planc: could not write the markdown report to `plans/a.plan.yaml/diff.md` (EEXIST'],
      [['--base', 'HEAD', '--format', 'json=', '--format', 'stylish'], 'planc: `--format json=` names no file'],
    ];
    for (const [args, message] of cases) {
      const result = await diff(repo.dir, args);
      expect(result.stderr.split('\n')[0]!.slice(0, message.length), args.join(' ')).toBe(message);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('with a head configuration that has errors: exit 2, reporting them as check does', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') }, { 'planc.config.yaml': 'simulation: { runs: many }\n' });
    const result = await diff(repo.dir, ['--base', 'HEAD']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe('planc.config.yaml:1:21 - error PLAN6001: Invalid configuration: Expected a whole number, but this is text');
  });
});

describe('planc diff: what each side holds', () => {
  it('a plan that did not compile at the base: says so and reports the head', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A').replace('title: A', 'title: "A') }, { 'plans/a.plan.yaml': plan('A') });
    const { plans, summary } = await json(repo.dir, ['--base', 'HEAD']);
    expect(summary).toMatchObject({ changed: 1, findings: { fixed: { errors: 1 } } });
    expect(plans[0]).toMatchObject({ id: 'a', change: 'changed', base: { compiled: false, errors: 1 }, head: { compiled: true, finish: '2027-01-05', duration: 2 } });
    expect(plans[0].base.finish).toBeUndefined();
    expect(plans[0].findings.fixed.map((f: { code: string }) => f.code)).toEqual(['PLAN1001']);
    const stylish = (await diff(repo.dir, ['--base', 'HEAD'])).stdout;
    expect(stylish.split('\n')[0]).toBe('a  A — did not compile at base (1 error)');
    expect(stylish).toContain('It finishes on 2027-01-05, after 2 working days.');
  });

  it('a binary file at the base and a file over the size limit at the head', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const big = plan('Big', '2d', `summary: ${'x'.repeat(3000)}\n`);
    const repo = history(
      { 'planc.config.yaml': 'maxFileSize: 2048\n', 'plans/logo.plan.yaml': png, 'plans/big.plan.yaml': big, 'plans/small.plan.yaml': plan('Small') },
      { 'plans/logo.plan.yaml': plan('Logo'), 'plans/small.plan.yaml': big },
    );
    const { plans } = await json(repo.dir, ['--base', 'HEAD']);
    const byId = Object.fromEntries(plans.map((p: { id: string }) => [p.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['logo', 'small']);
    expect(byId.logo).toMatchObject({ base: { compiled: false, errors: 1 }, head: { compiled: true }, findings: { new: [], fixed: [{ code: 'PLAN1007' }] } });
    // The base's oversized file is never read from git (ls-tree gives its size); the head's is not read from disk.
    expect(byId.small).toMatchObject({ base: { compiled: true }, head: { compiled: false, errors: 1 }, findings: { new: [{ code: 'PLAN1009' }], fixed: [] } });
  });

  it('two plans that swap ids: each is itself, moved to the other file', async () => {
    const x = plan('X', '2d', 'id: x\n');
    const y = plan('Y', '5d', 'id: y\n');
    const repo = history({ 'plans/a.plan.yaml': x, 'plans/b.plan.yaml': y }, { 'plans/a.plan.yaml': y, 'plans/b.plan.yaml': x });
    const { plans, summary } = await json(repo.dir, ['--base', 'HEAD']);
    expect(summary).toMatchObject({ changed: 2, moved: 2, added: 0, removed: 0 });
    expect(plans.map((p: { id: string; file: object; items: unknown[]; schedule: object }) => [p.id, p.file, p.items, p.schedule])).toEqual([
      ['y', { base: 'plans/b.plan.yaml', head: 'plans/a.plan.yaml' }, [], { finish: 0, start: 0 }],
      ['x', { base: 'plans/a.plan.yaml', head: 'plans/b.plan.yaml' }, [], { finish: 0, start: 0 }],
    ]);
  });

  it('a file renamed without an id: a plan removed and one added (the file name is its id)', async () => {
    const repo = history({ 'plans/old-name.plan.yaml': plan('A') }, { 'plans/old-name.plan.yaml': null, 'plans/new-name.plan.yaml': plan('A') });
    const { plans } = await json(repo.dir, ['--base', 'HEAD']);
    expect(plans.map((p: { id: string; change: string }) => [p.id, p.change])).toEqual([
      ['new-name', 'added'],
      ['old-name', 'removed'],
    ]);
  });

  it('a configuration that differs: each side is checked with its own', async () => {
    const repo = history({ 'planc.config.yaml': 'calendar: { holidays: [] }\n', 'plans/a.plan.yaml': plan('A') }, { 'planc.config.yaml': 'calendar: { holidays: [2027-01-04] }\n' });
    const { plans, config } = await json(repo.dir, ['--base', 'HEAD']);
    expect(config).toEqual({ base: 'planc.config.yaml', head: 'planc.config.yaml', changed: true, baseInvalid: false });
    expect(plans[0]).toMatchObject({ id: 'a', edited: true, schedule: { finish: 1, start: 1 }, items: [{ kind: 'plan', fields: [{ field: 'calendar.holidays', base: [], head: ['2027-01-04'] }] }] });
    expect((await diff(repo.dir, ['--base', 'HEAD'])).stdout.split('\n')[0]).toBe('The configuration changed (`planc.config.yaml`): each side was checked with its own.');
  });

  it("a task's code changed: its touches as the field that changed, not the paths made of them", async () => {
    const code = (touches: string) => plan('A').replace('duration: 2d }', `duration: 2d, touches: [${touches}], tests: [test/a.test.ts] }`);
    const repo = history({ 'plans/a.plan.yaml': code('src/a.ts') }, { 'plans/a.plan.yaml': code('src/a.ts, src/b.ts') });
    const { plans } = await json(repo.dir, ['--base', 'HEAD']);
    expect(plans[0].items).toEqual([{ kind: 'task', id: 'build', title: 'Build it', change: 'changed', fields: [{ field: 'touches', base: ['src/a.ts'], head: ['src/a.ts', 'src/b.ts'] }] }]);
  });

  it('a configuration with errors at the base: every plan did not compile there', async () => {
    const repo = history({ 'planc.config.yaml': 'plans: 3\n', 'plans/a.plan.yaml': plan('A') }, { 'planc.config.yaml': null });
    const { plans, config } = await json(repo.dir, ['--base', 'HEAD']);
    expect(config).toEqual({ base: 'planc.config.yaml', changed: true, baseInvalid: true });
    expect(plans[0]).toMatchObject({ id: 'a', base: { compiled: false }, head: { compiled: true } });
  });

  it('a configuration that names other plans, at each side', async () => {
    const repo = history({ 'planc.config.yaml': 'plans: [old]\n', 'old/a.plan.yaml': plan('A'), 'new/b.plan.yaml': plan('B') }, { 'planc.config.yaml': 'plans: [new]\n' });
    const { plans } = await json(repo.dir, ['--base', 'HEAD']);
    expect(plans.map((p: { id: string; change: string; file: object }) => [p.id, p.change, p.file])).toEqual([
      ['b', 'added', { head: 'new/b.plan.yaml' }],
      ['a', 'removed', { base: 'old/a.plan.yaml' }],
    ]);
  });

  it('paths: a file the change removes is only missing at the head; a folder and a glob match on both sides', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A'), 'plans/sub/b.plan.yaml': plan('B') }, { 'plans/a.plan.yaml': null, 'plans/sub/b.plan.yaml': plan('B', '4d') });
    expect((await json(repo.dir, ['--base', 'HEAD', 'plans/a.plan.yaml'])).plans.map((p: { id: string; change: string }) => [p.id, p.change])).toEqual([['a', 'removed']]);
    expect((await json(repo.dir, ['--base', 'HEAD', 'plans/sub'])).plans.map((p: { id: string }) => p.id)).toEqual(['b']);
    expect((await json(repo.dir, ['--base', 'HEAD', 'plans/**/b.*.yaml'])).plans.map((p: { id: string }) => p.id)).toEqual(['b']);
    // From a folder inside the repository, paths are that folder's.
    expect((await json(join(repo.dir, 'plans'), ['--base', 'HEAD', 'sub'])).plans.map((p: { id: string; file: object }) => [p.id, p.file])).toEqual([
      ['b', { base: 'sub/b.plan.yaml', head: 'sub/b.plan.yaml' }],
    ]);
  });

  it('paths: named plans are compared among the configured ones, which move them and are not reported', async () => {
    const waits = plan('A').replace('duration: 2d }', 'duration: 2d, dependsOn: [b#build] }');
    const repo = history({ 'plans/a.plan.yaml': waits, 'plans/b.plan.yaml': plan('B') }, { 'plans/b.plan.yaml': plan('B', '4d') });
    const { plans } = await json(repo.dir, ['--base', 'HEAD', 'plans/a.plan.yaml']);
    // b is linked, not unknown (no PLAN3003 on either side), and named as what moved a.
    expect(plans).toMatchObject([{ id: 'a', edited: false, through: ['b'], schedule: { finish: 2 }, findings: { new: [], fixed: [] } }]);
    expect(plans[0].base).toMatchObject({ compiled: true, errors: 0 });
  });

  it('a symbolic link to a plan, at both sides', async () => {
    const repo = history({ 'plans/real/a.plan.yaml': plan('A') });
    symlinkSync('real/a.plan.yaml', join(repo.dir, 'plans', 'link.plan.yaml'));
    repo.commit('link');
    repo.write({ 'plans/real/a.plan.yaml': plan('A', '3d') });
    const { plans } = await json(repo.dir, ['--base', 'HEAD', 'plans/link.plan.yaml']);
    expect(plans).toMatchObject([{ id: 'link', schedule: { finish: 1 } }]);
  });
});

describe('planc diff: the default base', () => {
  it('is the merge base with main; the head, the working tree', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') });
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('on the branch', { 'plans/a.plan.yaml': plan('A', '3d') });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'plans/other.plan.yaml': plan('Other') });
    repo.git('checkout', '-q', 'feature');
    repo.write({ 'plans/a.plan.yaml': plan('A', '4d') });
    const result = await json(repo.dir);
    expect(result.base).toEqual({ ref: 'main', commit: base, mergeBase: true, label: `the merge base with main (${base.slice(0, 7)})` });
    expect(result.head).toEqual({ label: 'the working tree' });
    // main's later plan is not the branch's doing; the uncommitted edit is.
    expect(result.plans.map((p: { id: string; schedule: { finish: number } }) => [p.id, p.schedule.finish])).toEqual([['a', 2]]);
  });

  it("in a pull request's job: the branch it targets, fetched as origin/<branch>", async () => {
    const origin = history({ 'plans/a.plan.yaml': plan('A') });
    origin.git('checkout', '-q', '-b', 'release');
    origin.commit('release', { 'plans/a.plan.yaml': plan('A', '3d') });
    const clone = gitRepo();
    cleanups.push(clone.cleanup);
    clone.git('remote', 'add', 'origin', origin.dir);
    clone.git('fetch', '-q', 'origin');
    clone.git('checkout', '-q', '-b', 'fix', 'origin/main');
    clone.commit('fix', { 'plans/a.plan.yaml': plan('A', '5d') });
    const result = await json(clone.dir, [], { GITHUB_BASE_REF: 'release' });
    expect(result.base).toMatchObject({ ref: 'origin/release', mergeBase: true });
    // The merge base of origin/release and the branch is main's commit (2d): the fix makes it 5d.
    expect(result.plans[0].schedule.finish).toBe(3);
    // The branch it targets, not fetched: an error, not a comparison with the local main.
    const missing = await diff(clone.dir, [], { GITHUB_BASE_REF: 'staging' });
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe("planc: the pull request's base branch `origin/staging` is not in this clone");
  });
});

describe('planc diff: the pull request comment', () => {
  const hostile = [
    'title: "Launch <img src=x onerror=alert(1)> | @octocat <!-- planc-diff --> `code` [x](javascript:alert(1)) </details>"',
    'start: 2027-01-04',
    'rollback: { trigger: errors rise, steps: [revert] }',
    'phases:',
    '  - id: work',
    '    title: Work',
    '    tasks:',
    '      - { id: build, title: "Build <b>it</b> | @team/all", duration: 2d }',
    '',
  ].join('\n');

  it('escapes plan text: no HTML but its own, no mention, one marker, tables whole', async () => {
    const repo = history({ 'planc.config.yaml': 'site: { url: "https://acme.github.io", base: /shop/ }\n', 'plans/launch.plan.yaml': hostile }, { 'plans/launch.plan.yaml': hostile.replace('duration: 2d', 'duration: 3d') });
    const result = await diff(repo.dir, ['--base', 'HEAD', '--format', 'markdown']);
    expect(result.status).toBe(0);
    const markdown = result.stdout;
    // The comment starts with its marker, and no other line is one (the title's is escaped).
    expect(markdown.startsWith('<!-- planc-diff -->\n')).toBe(true);
    expect(markdown.split('\n').filter((line) => line.includes('<!--') && !line.includes('\\<!--'))).toEqual(['<!-- planc-diff -->']);
    expect(markdown).not.toMatch(/(?<!\\)<(img|b)\b/);
    expect(markdown).not.toMatch(/@octocat|@team/);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
    const html: string[] = [];
    visit(tree, 'html', (node: Html) => void html.push(node.value));
    expect(html).toEqual(['<!-- planc-diff -->', '<details><summary>Details</summary>', '</details>']);
    const links: string[] = [];
    visit(tree, 'link', (node) => void links.push(node.url));
    expect(links).toEqual(['https://acme.github.io/shop/plans/launch/']);
    // The title reads as written (the mention broken by an invisible word joiner).
    visit(tree, 'link', (node) => {
      expect(node.children.map((child) => ('value' in child ? child.value : '')).join('')).toBe('Launch <img src=x onerror=alert(1)> | @\u2060octocat <!-- planc-diff --> `code` [x](javascript:alert(1)) </details>');
    });
    visit(tree, 'table', (node) => {
      for (const row of node.children) expect(row.children.length).toBe(4);
    });
  });

  it('fits a comment: plans that do not fit are named', async () => {
    const files: Files = {};
    for (let i = 0; i < 120; i++) files[`plans/p${String(i).padStart(3, '0')}.plan.yaml`] = plan(`Plan ${i} ${'with a long title '.repeat(8)}`);
    const head: Files = {};
    for (const path of Object.keys(files)) head[path] = files[path]!.toString().replace('duration: 2d', 'duration: 3d');
    const repo = history(files, head);
    const result = await diff(repo.dir, ['--base', 'HEAD', '--format', 'markdown']);
    expect(result.stdout.length).toBeLessThanOrEqual(60_000);
    expect(result.stdout).toMatch(/\n\d+ more plans changed \(too long for one comment\): `p\d{3}`, /);
    expect(result.stdout).toContain('Run `planc diff` to see them all.');
  });
});

describe('planc diff on a terminal', () => {
  it('shows its progress on standard error and erases it; colours when asked', async () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') }, { 'plans/a.plan.yaml': plan('A', '3d') });
    const result = await cli(['diff', '--base', 'HEAD'], { cwd: repo.dir, env: GIT_ENV, tty: true });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^\r\u001b\[2Kplanc: reading the working tree 1\/4.*\r\u001b\[2K$/s);
    expect(result.stdout).toMatch(/\u001b\[1ma\u001b\[22m/);
    const quiet = await cli(['diff', '--base', 'HEAD'], { cwd: repo.dir, env: { ...GIT_ENV, CI: 'true' }, tty: true });
    expect(quiet.stderr).toBe('');
  });
});

describe('planc diff, the real binary', () => {
  it('exits 1 when a gate holds, 0 when it reports only, 2 outside a repository', () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') }, { 'plans/a.plan.yaml': plan('A', '5d') });
    const env = { ...GIT_ENV, PATH: process.env.PATH ?? '' };
    const report = planc(['diff', '--base', 'HEAD'], { cwd: repo.dir, env });
    expect(report.status).toBe(0);
    expect(report.stdout.trim().split('\n').at(-1)).toMatch(/^● 1 plan changed between HEAD \([0-9a-f]{7}\) and the working tree: `a` finishes 3 working days later\.$/);
    const gated = planc(['diff', '--base', 'HEAD', '--fail-on', 'finish-later'], { cwd: repo.dir, env });
    expect(gated.status).toBe(1);
    expect(gated.stderr).toBe('planc: --fail-on finish-later: the finish of `a` moves 3 working days later\n');
    const outside = tempRepo({ 'plans/a.plan.yaml': plan('A') });
    cleanups.push(outside.cleanup);
    const refused = planc(['diff'], { cwd: outside.dir, env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is not in a git repository');
  });

  it('writes the report to its file atomically and the job summary to GITHUB_STEP_SUMMARY', () => {
    const repo = history({ 'plans/a.plan.yaml': plan('A') }, { 'plans/a.plan.yaml': plan('A', '5d') });
    const summary = join(repo.dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    mkdirSync(join(repo.dir, 'out'));
    const result = planc(['diff', '--base', 'HEAD', '--format', 'markdown', '--output-file', 'out/diff.md'], { cwd: repo.dir, env: { ...GIT_ENV, GITHUB_STEP_SUMMARY: summary } });
    expect(result.status).toBe(0);
    // Every format went to a file: the terminal gets stylish.
    expect(result.stdout).toMatch(/^a  A — changed\n/);
    const comment = readFileSync(join(repo.dir, 'out', 'diff.md'), 'utf8');
    expect(comment.startsWith('<!-- planc-diff -->\n')).toBe(true);
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n${comment.replace('<!-- planc-diff -->\n\n', '')}\n`);
    // A summary file that cannot be written is said, as check says it; the report is there all the same.
    const unwritable = planc(['diff', '--base', 'HEAD'], { cwd: repo.dir, env: { ...GIT_ENV, GITHUB_STEP_SUMMARY: join(repo.dir, 'missing', 'summary.md') } });
    expect(unwritable.status).toBe(0);
    expect(unwritable.stdout).toMatch(/^a  A — changed\n/);
    expect(unwritable.stderr).toMatch(/^planc: warning: could not append to the job summary \(ENOENT.*\)\n$/);
  });
});
