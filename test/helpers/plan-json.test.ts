// The check the CLI helpers run after every `planc build` and `planc site`: it finds the
// plan.json files a run wrote, and fails on one that does not match its schema.
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli.ts';
import { validateWrittenPlanJson } from './plan-json.ts';
import { ROOT, tempRepo } from './repo.ts';

describe('validateWrittenPlanJson', () => {
  const repo = tempRepo({ 'plans/jwt-auth-refactor.plan.yaml': readFileSync(join(ROOT, 'plans', 'jwt-auth-refactor.plan.yaml'), 'utf8') });
  afterAll(() => repo.cleanup());

  it('checks what a build wrote, and fails on a plan.json that breaks the schema', async () => {
    const since = Date.now() - 1000;
    expect((await cli(['build', '--out', 'out'], { cwd: repo.dir })).status).toBe(0);
    expect(validateWrittenPlanJson(repo.dir, since)).toBe(1);
    const written = join(repo.dir, 'out', 'jwt-auth-refactor', 'plan.json');
    const json = JSON.parse(readFileSync(written, 'utf8'));
    writeFileSync(written, JSON.stringify({ ...json, undocumented: true }));
    expect(() => validateWrittenPlanJson(repo.dir, since)).toThrow(/jwt-auth-refactor\/plan\.json does not match schema\/plan-json\.schema\.json:\n\/ must NOT have additional properties/);
    // Files older than the run, and those under node_modules, are not the run's.
    utimesSync(written, new Date(since - 60_000), new Date(since - 60_000));
    mkdirSync(join(repo.dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(repo.dir, 'node_modules', 'x', 'plan.json'), '{}');
    expect(validateWrittenPlanJson(repo.dir, since)).toBe(0);
    rmSync(join(repo.dir, 'node_modules'), { recursive: true });
  });
});
