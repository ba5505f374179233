// planc build: plan.json with the documented fields, deterministic, atomic, skipping
// plans with errors while keeping their previous outputs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';
import { copyBundled, ROOT, tempRepo } from './helpers/repo.ts';
import { writeOutputs } from '../src/write/outputs.ts';

const repos: Array<{ cleanup(): void }> = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function bundled() {
  const repo = tempRepo();
  copyBundled(repo.dir);
  repos.push(repo);
  return repo;
}

describe('planc build', () => {
  it('with --format json, makes the JSON report the whole of standard output, findings or none', async () => {
    const { dir, write } = bundled();
    const clean = await cli(['build', '--out', 'out', '--format', 'json'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ version: 1, summary: { files: 2, plans: 2, errors: 0, warnings: 0, infos: 0, suppressed: 0 }, diagnostics: [], suppressed: [] });
    expect(clean.stderr).toMatch(/^Built 2 plans into out\/: \d+ files written, 0 unchanged, 0 removed\.\n$/);
    write({ 'plans/broken.plan.yaml': 'title: [\n' });
    const broken = await cli(['build', '--out', 'out', '--format', 'json'], { cwd: dir });
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout).diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toEqual(['PLAN1001 plans/broken.plan.yaml']);
    expect(broken.stderr).toContain('Not built (errors): plans/broken.plan.yaml');
  });

  it('writes plan.json for each plan with the documented fields', async () => {
    const { dir } = bundled();
    const result = await cli(['build', '--out', 'out'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Built 2 plans into out\/: \d+ files written, 0 unchanged, 0 removed\.\n$/);
    const plan = JSON.parse(readFileSync(join(dir, 'out/jwt-auth-refactor/plan.json'), 'utf8'));
    expect(plan).toMatchObject({ id: 'jwt-auth-refactor', title: 'User authentication refactor', start: '2026-12-07', scheduled: true });
    expect(typeof plan.duration).toBe('number');
    expect(plan.criticalPath.length).toBeGreaterThan(3);
    expect(plan.rollbackCoverage).toMatchObject({ covered: plan.rollbackCoverage.total, uncovered: [] });
    expect(plan.monteCarlo).toMatchObject({ runs: 10_000, seed: 1 });
    expect(plan.monteCarlo.p50).toBeLessThanOrEqual(plan.monteCarlo.p95);
    for (const task of plan.tasks) {
      for (const field of ['id', 'phase', 'title', 'duration', 'es', 'ef', 'ls', 'lf', 'totalFloat', 'freeFloat', 'critical', 'start', 'finish']) {
        expect(task, `${task.id}.${field}`).toHaveProperty(field);
      }
      expect(task.ef - task.es).toBeCloseTo(task.duration, 5);
    }
    const critical = plan.tasks.filter((t: { critical: boolean }) => t.critical).map((t: { id: string }) => t.id);
    for (const id of plan.criticalPath) if (plan.tasks.some((t: { id: string }) => t.id === id)) expect(critical).toContain(id);
    expect(plan.milestones.every((m: { date?: string }) => /^\d{4}-\d{2}-\d{2}$/.test(m.date ?? ''))).toBe(true);
    const migration = JSON.parse(readFileSync(join(dir, 'out/session-store-migration/plan.json'), 'utf8'));
    expect(migration.rollbackCoverage.pointsOfNoReturn.length).toBeGreaterThan(0);
    expect(migration.tasks.some((t: { dependsOn: Array<{ plan?: string }> }) => t.dependsOn.some((d) => d.plan === 'jwt-auth-refactor'))).toBe(true);
  });

  it('is deterministic: a second build writes nothing', async () => {
    const { dir } = bundled();
    expect((await cli(['build', '--out', 'out'], { cwd: dir })).status).toBe(0);
    const before = readFileSync(join(dir, 'out/jwt-auth-refactor/plan.json'));
    const modified = statSync(join(dir, 'out/jwt-auth-refactor/plan.json')).mtimeMs;
    const again = await cli(['build', '--out', 'out'], { cwd: dir });
    expect(again.stdout).toMatch(/0 files written, \d+ unchanged, 0 removed/);
    expect(readFileSync(join(dir, 'out/jwt-auth-refactor/plan.json')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'out/jwt-auth-refactor/plan.json')).mtimeMs).toBe(modified);
  });

  it('skips a plan with errors, keeps its previous outputs, and exits 1', async () => {
    const { dir, write } = bundled();
    expect((await cli(['build', '--out', 'out'], { cwd: dir })).status).toBe(0);
    const previous = readFileSync(join(dir, 'out/jwt-auth-refactor/plan.json'), 'utf8');
    const broken = readFileSync(join(dir, 'plans/jwt-auth-refactor.plan.yaml'), 'utf8').replace('title: User authentication refactor', 'titel: oops');
    write({ 'plans/jwt-auth-refactor.plan.yaml': broken });
    const result = await cli(['build', '--out', 'out'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error PLAN2001');
    expect(result.stdout).toContain('Not built (errors): plans/jwt-auth-refactor.plan.yaml');
    expect(readFileSync(join(dir, 'out/jwt-auth-refactor/plan.json'), 'utf8')).toBe(previous);
  });

  it('removes the outputs of a plan that no longer exists, and nothing it did not write', async () => {
    const { dir } = bundled();
    expect((await cli(['build', '--out', 'out'], { cwd: dir })).status).toBe(0);
    writeFileSync(join(dir, 'out/notes.txt'), 'mine');
    const single = await cli(['build', 'plans/jwt-auth-refactor.plan.yaml', '--out', 'out'], { cwd: dir });
    // The other plan's seven outputs: plan.json, index.md, gantt.mmd, gantt.svg, workload.svg, its architecture diagram, dependencies.mmd.
    expect(single.stdout).toMatch(/, 7 removed\.\n/);
    expect(existsSync(join(dir, 'out/session-store-migration/plan.json'))).toBe(false);
    expect(existsSync(join(dir, 'out/session-store-migration/index.md'))).toBe(false);
    expect(readFileSync(join(dir, 'out/index.md'), 'utf8')).not.toContain('session-store-migration');
    expect(readFileSync(join(dir, 'out/notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an output folder that is a file, and files it did not write, before writing anything', async () => {
    const { dir, write } = bundled();
    write({ ofile: 'not a folder', 'manual/index.md': '# Our hand-written docs\n' });
    const file = await cli(['build', '--out', 'ofile'], { cwd: dir });
    expect(file.status).toBe(2);
    expect(file.stderr.split('\n')[0]).toBe('planc: the output folder `ofile` is not a folder');
    // What the disk refuses is said once, in the system's words.
    const under = await cli(['build', '--out', 'ofile/out'], { cwd: dir });
    expect(under.status).toBe(2);
    expect(under.stderr).toBe(`planc: could not write into \`ofile/out\` (ENOTDIR: not a directory, mkdir '${join(dir, 'ofile', 'out')}'); the previous outputs are unchanged\n`);
    const docs = await cli(['build', '--out', 'manual'], { cwd: dir });
    expect(docs.status).toBe(2);
    expect(docs.stderr.split('\n')[0]).toBe('planc: the output folder `manual` holds a file planc did not write and would replace: `index.md`');
    expect(readFileSync(join(dir, 'manual/index.md'), 'utf8')).toBe('# Our hand-written docs\n');
    expect(readdirSync(join(dir, 'manual'))).toEqual(['index.md']);
    // A file with exactly what planc would write is planc's from then on.
    expect((await cli(['build', '--out', 'out'], { cwd: dir })).status).toBe(0);
    write({ 'manual/index.md': readFileSync(join(dir, 'out/index.md'), 'utf8') });
    expect((await cli(['build', '--out', 'manual'], { cwd: dir })).status).toBe(0);
  });
});

describe('writeOutputs', () => {
  it('replaces nothing when a write fails part-way: every file is written before any is renamed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planc-outputs-'));
    try {
      await writeOutputs(root, [{ path: 'a/plan.json', content: 'old a' }, { path: 'c/plan.json', content: 'old c' }]);
      // A file where a folder must be made: the second write fails, after the first.
      writeFileSync(join(root, 'b'), 'in the way');
      await expect(
        writeOutputs(root, [
          { path: 'a/plan.json', content: 'new a' },
          { path: 'b/plan.json', content: 'new b' },
          { path: 'c/plan.json', content: 'new c' },
        ]),
      ).rejects.toMatchObject({ code: expect.stringMatching(/^E(EXIST|NOTDIR)$/) });
      expect(readFileSync(join(root, 'a/plan.json'), 'utf8')).toBe('old a');
      expect(readFileSync(join(root, 'c/plan.json'), 'utf8')).toBe('old c');
      expect(readdirSync(root, { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
