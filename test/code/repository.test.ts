// Plans resolved against real repositories on disk: git's tracked files (and a walk that
// honours .gitignore without git), renames, CODEOWNERS with overlapping lines, two parallel
// tasks sharing a file and the same tasks made sequential, plans compared by their dates,
// and the compiler session reading the repository once while git's index is unchanged.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CompilerSession } from '../../src/api/session.ts';
import { check } from '../../src/api/check.ts';
import { impact } from '../../src/api/impact.ts';
import { readRepository } from '../../src/api/repository.ts';
import { gitRepo, runGit } from '../helpers/git.ts';
import { tempRepo } from '../helpers/repo.ts';
import { positions } from '../helpers/compile.ts';

// statSync as it is, watched: how often planc looks for a `.git` (finding the work tree).
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, statSync: vi.fn(actual.statSync) };
});

/** How many times `run` looked for a `.git` folder or file. */
async function gitLookups(run: () => Promise<unknown>): Promise<number> {
  const stat = vi.mocked(statSync);
  const before = stat.mock.calls.length;
  await run();
  return stat.mock.calls.slice(before).filter(([path]) => String(path).endsWith('.git')).length;
}

const PHASE = 'rollback: { trigger: Errors rise, steps: [Revert] }\nphases:\n  - id: work\n    title: Work\n    tasks:\n';
const plan = (tasks: string, start = '2027-01-04') => `title: Code\nstart: ${start}\n${PHASE}${tasks}`;

const CODE = {
  'src/auth/login.ts': 'export {};\n',
  'src/auth/session.ts': 'export {};\n',
  'src/billing/invoice.ts': 'export {};\n',
  'test/auth/login.test.ts': 'export {};\n',
  '.gitignore': 'dist/\n*.log\n',
  'dist/bundle.js': 'built\n',
  'debug.log': 'noise\n',
};

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repo(files: Record<string, string>) {
  const made = gitRepo({ ...CODE, ...files });
  made.commit('initial');
  cleanups.push(made.cleanup);
  return made;
}

describe('the repository', () => {
  it('is the files git tracks, relative to the work tree\'s top; ignored and untracked files are not in it', () => {
    const made = repo({});
    writeFileSync(join(made.dir, 'src', 'auth', 'untracked.ts'), 'new\n');
    const repository = readRepository(made.dir);
    expect(repository.source).toBe('git');
    expect(repository.files.files).toEqual(['.gitignore', 'src/auth/login.ts', 'src/auth/session.ts', 'src/billing/invoice.ts', 'test/auth/login.test.ts']);
  });

  it('is, outside git, a walk of the folder that honours every .gitignore on the way', () => {
    const plain = tempRepo({ ...CODE, 'src/.gitignore': 'generated/\n!keep.log\n', 'src/generated/x.ts': 'x\n', 'src/keep.log': 'kept\n', 'node_modules/.gitignore': '*\n', 'node_modules/x/index.js': 'x\n' });
    cleanups.push(plain.cleanup);
    const repository = readRepository(plain.dir);
    expect(repository.source).toBe('walk');
    expect(repository.files.files).toEqual([
      '.gitignore',
      'src/.gitignore',
      'src/auth/login.ts',
      'src/auth/session.ts',
      'src/billing/invoice.ts',
      'src/keep.log',
      'test/auth/login.test.ts',
    ]);
  });

  it('resolves a task\'s paths: counted and listed in plan.json terms, tests apart, a `!` path taking files out', async () => {
    const made = repo({ 'plans/code.plan.yaml': plan('      - { id: auth, title: Auth, duration: 2d, touches: [src/**, "!src/billing/**"], tests: [test/auth/**] }\n') });
    const result = await check({ cwd: made.dir });
    expect(positions(result)).toEqual([]);
    const code = result.analysis.plans.get(result.plans[0]!)!.code!;
    const task = code.tasks.get(result.plans[0]!.phases[0]!.tasks[0]!)!;
    expect(task.files).toEqual(['src/auth/login.ts', 'src/auth/session.ts']);
    expect(task.tests).toEqual(['test/auth/login.test.ts']);
    expect(task.matches.map((match) => [match.pattern.text, match.files.length])).toEqual([['src/**', 3], ['!src/billing/**', 1], ['test/auth/**', 1]]);
    expect(code.repository).toEqual({ source: 'git', prefix: '', files: 6 });
  });

  it('warns of a path that matches nothing, with the new path after a rename, and errs on one outside the repository', async () => {
    const made = repo({ 'plans/code.plan.yaml': plan('      - { id: auth, title: Auth, duration: 2d, touches: [src/auth/login.ts, src/auth/**], tests: [../elsewhere/test.ts] }\n') });
    expect(positions(await check({ cwd: made.dir }))).toEqual(['PLAN8002 plans/code.plan.yaml:8:99']);
    made.git('mv', 'src/auth', 'src/identity');
    const renamed = await check({ cwd: made.dir });
    expect(positions(renamed)).toEqual(['PLAN8001 plans/code.plan.yaml:8:58', 'PLAN8001 plans/code.plan.yaml:8:77', 'PLAN8002 plans/code.plan.yaml:8:99']);
    expect(renamed.diagnostics.map((d) => d.help)).toEqual([
      'Did you mean `src/identity/login.ts`?',
      // A folder of that name elsewhere (test/auth) is no guess.
      'Correct the path (was the code renamed or moved?); if the task will create it, list it under `creates`.',
      'Write the path relative to the repository root, without a leading `/` or `../`.',
    ]);
  });

  it('leaves code to create alone, notes a `creates` path that exists already, and counts paths inside what another task creates as planned', async () => {
    const made = repo({
      'plans/code.plan.yaml': plan(
        '      - { id: scaffold, title: Scaffold, duration: 1d, creates: [src/jwt/**, src/auth/login.ts] }\n      - { id: sign, title: Sign, duration: 1d, dependsOn: [scaffold], touches: [src/jwt/sign.ts] }\n',
      ),
    });
    const result = await check({ cwd: made.dir });
    expect(positions(result)).toEqual(['PLAN8003 plans/code.plan.yaml:8:78']);
  });

  it('maps each file to its CODEOWNERS owners, the last matching line winning, and notes a task owner who owns none of its files', async () => {
    const made = repo({
      '.github/CODEOWNERS': '*  @acme/platform\n/src/  @acme/backend\n/src/auth/  @acme/security\n*.test.ts  @acme/qa\n',
      'plans/code.plan.yaml': plan(
        '      - { id: auth, title: Auth, owner: backend, duration: 1d, touches: [src/auth/**, src/billing/invoice.ts], tests: [test/**] }\n      - { id: billing, title: Billing, owner: security, duration: 1d, dependsOn: [auth], touches: [src/billing/**] }\n',
      ),
    });
    const result = await check({ cwd: made.dir });
    const [auth, billing] = result.plans[0]!.phases[0]!.tasks;
    const code = result.analysis.plans.get(result.plans[0]!)!.code!;
    expect(code.tasks.get(auth!)!.owners).toEqual(['@acme/backend', '@acme/qa', '@acme/security']);
    expect(code.tasks.get(billing!)!.owners).toEqual(['@acme/backend']);
    expect(code.repository.codeowners).toBe('.github/CODEOWNERS');
    expect(positions(result)).toEqual(['PLAN8004 plans/code.plan.yaml:9:15']);
    expect(result.diagnostics[0]!.severity).toBe('info');
  });
});

describe('conflict risk', () => {
  const TWO = (link: string) =>
    plan(`      - { id: form, title: Login form, duration: 3d, touches: [src/auth/login.ts] }\n      - { id: limit, title: Rate limit, duration: 2d, touches: [src/auth/**]${link} }\n`);

  it('warns of two tasks that may run at once and change the same file, and is quiet once one depends on the other', async () => {
    const made = repo({ 'plans/code.plan.yaml': TWO('') });
    const parallel = await check({ cwd: made.dir });
    expect(positions(parallel)).toEqual(['PLAN8005 plans/code.plan.yaml:8:15']);
    expect(parallel.diagnostics[0]!.message).toBe(
      'Tasks `form` and `limit` may run at the same time (2027-01-04 to 2027-01-05) and both change `src/auth/login.ts`',
    );
    expect(parallel.diagnostics[0]!.related.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.column}`)).toEqual(['plans/code.plan.yaml:9:15']);
    made.write({ 'plans/code.plan.yaml': TWO(', dependsOn: [form]') });
    expect(positions(await check({ cwd: made.dir }))).toEqual([]);
  });

  it('sees a dependency through other items and phases, and no conflict with done work', async () => {
    const made = repo({
      'plans/code.plan.yaml': plan(
        '      - { id: form, title: Form, duration: 3d, touches: [src/auth/login.ts] }\n      - { id: review, title: Review, duration: 1d, dependsOn: [{ id: form, type: SS }] }\n      - { id: limit, title: Limit, duration: 2d, dependsOn: [{ id: review, type: SS }], touches: [src/auth/**] }\n      - { id: old, title: Old, duration: 2d, status: done, touches: [src/auth/**] }\n',
      ),
    });
    expect(positions(await check({ cwd: made.dir }))).toEqual([]);
  });

  it('counts the shared files past the first few, and compares plans by their dates', async () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/auth/f${i}.ts`, 'x\n']));
    const made = repo({
      ...many,
      'plans/a.plan.yaml': plan('      - { id: one, title: One, duration: 5d, touches: [src/auth/**] }\n'),
      'plans/b.plan.yaml': plan('      - { id: two, title: Two, duration: 5d, touches: [src/auth/**] }\n', '2027-01-08'),
      'plans/c.plan.yaml': plan('      - { id: three, title: Three, duration: 5d, touches: [src/auth/**] }\n', '2027-03-01'),
    });
    const result = await check({ cwd: made.dir });
    expect(positions(result)).toEqual(['PLAN8005 plans/a.plan.yaml:8:15']);
    expect(result.diagnostics[0]!.message).toBe(
      'Tasks `one` and `b#two` may run at the same time (2027-01-08 to 2027-01-08) and both change `src/auth/f0.ts`, `src/auth/f1.ts` and `src/auth/f2.ts` and 5 more files',
    );
    expect(result.diagnostics[0]!.help).toBe('Schedule one after the other (`dependsOn: [b#two]` in `one`), or split the work so that they change different files.');
  });

  it('sees two tasks naming the same file to create', async () => {
    const made = repo({
      'plans/code.plan.yaml': plan('      - { id: a, title: A, duration: 2d, creates: [src/jwt/sign.ts] }\n      - { id: b, title: B, duration: 2d, creates: [src/jwt/sign.ts] }\n'),
    });
    expect(positions(await check({ cwd: made.dir }))).toEqual(['PLAN8005 plans/code.plan.yaml:8:15']);
  });
});

describe('the compiler session and the repository', () => {
  it('reads the repository only when a task names code, keeps it while git\'s index is unchanged, and reads it again after `git add`', async () => {
    const made = repo({ 'plans/code.plan.yaml': plan('      - { id: auth, title: Auth, duration: 1d, touches: [src/auth/new.ts] }\n') });
    const session = new CompilerSession({ cwd: made.dir });
    const first = await session.check();
    expect(positions(first)).toEqual(['PLAN8001 plans/code.plan.yaml:8:58']);
    const repository = session.repository();
    await session.check();
    expect(session.repository()).toBe(repository);
    mkdirSync(join(made.dir, 'src', 'auth'), { recursive: true });
    writeFileSync(join(made.dir, 'src', 'auth', 'new.ts'), 'export {};\n');
    expect(positions(await session.check())).toEqual(['PLAN8001 plans/code.plan.yaml:8:58']);
    made.git('add', 'src/auth/new.ts');
    expect(positions(await session.check())).toEqual([]);
    expect(session.repository()).not.toBe(repository);
  });

  it('finds git\'s work tree once per check (and once for an impact), and finds it again at every check', async () => {
    const tasks = '      - { id: auth, title: Auth, duration: 1d, touches: [src/auth/login.ts] }\n';
    const made = repo({ 'plans/code.plan.yaml': plan(tasks) });
    const session = new CompilerSession({ cwd: made.dir });
    // The .git is at the top: one look finds it.
    expect(await gitLookups(() => session.check())).toBe(1);
    expect(await gitLookups(() => session.check())).toBe(1);
    expect(await gitLookups(() => impact({ cwd: made.dir, session }))).toBe(1);
    expect(await gitLookups(() => impact({ cwd: made.dir, files: ['src/auth/login.ts'] }))).toBe(1);
    // A folder that becomes a repository while a session watches it: the next check lists git's files.
    const plain = tempRepo({ ...CODE, 'plans/code.plan.yaml': plan(tasks), 'notes.txt': 'x\n' });
    cleanups.push(plain.cleanup);
    const watching = new CompilerSession({ cwd: plain.dir });
    await watching.check();
    expect(watching.repository()).toMatchObject({ source: 'walk', prefix: '' });
    expect(watching.repository().workTree).toBeUndefined();
    expect(watching.repository().files.files).toContain('notes.txt');
    runGit(plain.dir, ['init', '-q']);
    runGit(plain.dir, ['add', 'src', 'plans']);
    await watching.check();
    expect(watching.repository()).toMatchObject({ source: 'git', workTree: plain.dir });
    expect(watching.repository().files.files).not.toContain('notes.txt');
    rmSync(join(plain.dir, '.git'), { recursive: true });
    await watching.check();
    expect(watching.repository().source).toBe('walk');
  });

  it('is `code.root` of the configuration when it is set, and a usage error when that is no folder', async () => {
    const made = repo({
      'app/src/main.ts': 'x\n',
      'planc.config.yaml': 'code: { root: app }\n',
      'plans/code.plan.yaml': plan('      - { id: main, title: Main, duration: 1d, touches: [src/main.ts] }\n'),
    });
    const result = await check({ cwd: made.dir });
    expect(positions(result)).toEqual([]);
    expect(result.analysis.plans.get(result.plans[0]!)!.code!.repository.prefix).toBe('app');
    made.write({ 'planc.config.yaml': 'code: { root: missing }\n' });
    await expect(check({ cwd: made.dir })).rejects.toThrow(/the repository root .*missing.* is not a folder/);
    rmSync(join(made.dir, 'planc.config.yaml'));
  });
});
