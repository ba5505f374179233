// The compiler session: asked again after files changed, it compiles only the changed files
// and re-analyses only the plans linked to them (the work it reports), and its results are
// exactly those of a fresh check.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.ts';
import type { CheckResult } from '../../src/api/result.ts';
import { CompilerSession } from '../../src/api/session.ts';
import { loadConfig } from '../../src/api/config.ts';
import { UsageError } from '../../src/api/errors.ts';
import { smallPlan as plan } from '../helpers/small-plan.ts';
import { tempRepo, tempRepos } from '../helpers/repo.ts';

const repo = tempRepos();

/** What a result says, in a form two results can be compared by. */
function summary(result: CheckResult) {
  return {
    files: result.files,
    diagnostics: result.diagnostics,
    schedules: result.plans.map((p) => {
      const schedule = result.analysis.plans.get(p)?.schedule;
      return [p.id, schedule?.duration, schedule?.criticalPath];
    }),
  };
}

describe('the compiler session', () => {
  it('compiles only changed files and re-analyses only the plans linked to them', async () => {
    const { dir, write } = repo({
      'plans/a.plan.yaml': plan('a', ['b#first']),
      'plans/b.plan.yaml': plan('b'),
      'plans/c.plan.yaml': plan('c'),
    });
    const session = new CompilerSession({ cwd: dir });
    await session.check();
    expect(session.work).toEqual({ compiled: ['plans/a.plan.yaml', 'plans/b.plan.yaml', 'plans/c.plan.yaml'], analysed: ['a', 'b', 'c'] });

    await session.check();
    expect(session.work).toEqual({ compiled: [], analysed: [] });

    write({ 'plans/c.plan.yaml': plan('c', [], 'Plan c, renamed') });
    await session.check();
    expect(session.work).toEqual({ compiled: ['plans/c.plan.yaml'], analysed: ['c'] });

    // b is linked to a (a waits for one of b's tasks): both are analysed again.
    write({ 'plans/b.plan.yaml': plan('b', [], 'Plan b, renamed') });
    const edited = await session.check();
    expect(session.work).toEqual({ compiled: ['plans/b.plan.yaml'], analysed: ['a', 'b'] });
    expect(summary(edited)).toEqual(summary(await check({ cwd: dir })));

    // A plan naming a plan not there is its own group; when that plan appears, they are one.
    write({ 'plans/d.plan.yaml': plan('d', ['e#first']) });
    const missing = await session.check();
    expect(session.work).toEqual({ compiled: ['plans/d.plan.yaml'], analysed: ['d'] });
    expect(missing.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['PLAN3003 plans/d.plan.yaml']);
    write({ 'plans/e.plan.yaml': plan('e') });
    const joined = await session.check();
    expect(session.work).toEqual({ compiled: ['plans/e.plan.yaml'], analysed: ['d', 'e'] });
    expect(joined.diagnostics).toEqual([]);

    rmSync(join(dir, 'plans/c.plan.yaml'));
    const removed = await session.check();
    expect(session.work).toEqual({ compiled: [], analysed: [] });
    expect(removed.files).toEqual(['plans/a.plan.yaml', 'plans/b.plan.yaml', 'plans/d.plan.yaml', 'plans/e.plan.yaml']);
  });

  it('checks texts given instead of the files on disk, linked against the others', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b') });
    const session = new CompilerSession({ cwd: dir });
    await session.check();
    const draft = await session.check({ overlays: { 'plans/draft.plan.yaml': plan('draft', ['a#second', 'b#secnd']) } });
    expect(session.work).toEqual({ compiled: ['plans/draft.plan.yaml'], analysed: ['a', 'b', 'draft'] });
    expect(draft.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.help}`)).toEqual([
      'PLAN3002 plans/draft.plan.yaml:9:81 Did you mean `b#second`?',
    ]);
    // Without the overlay, the file on disk (none) is what counts again.
    const back = await session.check();
    expect(back.files).toEqual(['plans/a.plan.yaml', 'plans/b.plan.yaml']);
    expect(session.work.compiled).toEqual([]);
  });

  it('starts again when the configuration changes, and reports a broken one as a result', async () => {
    const { dir, write } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b') });
    const session = new CompilerSession({ cwd: dir });
    await session.check();
    write({ 'planc.config.yaml': 'rules: { missing-estimate: error }\n' });
    await session.check();
    expect(session.work).toEqual({ compiled: ['plans/a.plan.yaml', 'plans/b.plan.yaml'], analysed: ['a', 'b'] });
    write({ 'planc.config.yaml': 'plans: 3\n' });
    const broken = await session.check();
    expect(broken.configInvalid).toBe(true);
    expect(broken.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`)).toEqual(['PLAN6001 planc.config.yaml:1:8']);
    expect(broken.files).toEqual([]);
  });

  it('hands out the configuration in the same shape, with lines and columns', () => {
    const { dir } = repo({ 'planc.config.yaml': 'plans: 3\n' });
    const loaded = loadConfig({ cwd: dir });
    expect(loaded.configInvalid).toBe(true);
    expect(loaded.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.pointer}`)).toEqual(['PLAN6001 planc.config.yaml:1:8-9 /plans']);
    expect(loaded.source('planc.config.yaml')?.text).toBe('plans: 3\n');
    const fine = loadConfig({ cwd: repo({ 'planc.config.yaml': 'plans: [docs]\n' }).dir });
    expect([fine.configInvalid, fine.diagnostics, fine.config.plans]).toEqual([false, [], ['docs']]);
    // An empty file, or one of comments only, asks for the defaults.
    for (const text of ['', '# settings later\n']) {
      const empty = loadConfig({ cwd: repo({ 'planc.config.yaml': text }).dir });
      expect([empty.configInvalid, empty.diagnostics, empty.config.plans], JSON.stringify(text)).toEqual([false, [], ['plans']]);
    }
  });

  it('runs one check at a time: two asked at once each report their own work', async () => {
    const { dir, write } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b') });
    const session = new CompilerSession({ cwd: dir });
    const [first, second] = await Promise.all([session.check(), session.check()]);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(session.work).toEqual({ compiled: [], analysed: [] });
    write({ 'plans/b.plan.yaml': plan('b', [], 'Changed') });
    await Promise.all([session.check(), session.check({ paths: ['plans/a.plan.yaml'] })]);
    expect(session.work).toEqual({ compiled: [], analysed: [] });
  });

  it('throws UsageError for a named path that does not exist, or when nothing matches', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const session = new CompilerSession({ cwd: dir });
    await expect(session.check({ paths: ['plans', 'nope.yaml'] })).rejects.toSatisfy((error) => error instanceof UsageError && error.message === 'no such file or folder: `nope.yaml`');
    await expect(session.check({ paths: ['nowhere/*.yaml'] })).rejects.toSatisfy((error) => error instanceof UsageError && error.message === 'no plan files matched `nowhere/*.yaml`');
    await expect(session.check({ paths: [''] })).rejects.toBeInstanceOf(UsageError);
  });

  it('gives, after any sequence of edits, what a fresh check gives', async () => {
    const ids = ['p', 'q', 'r', 's'];
    const edit = fc.record({
      plan: fc.constantFrom(...ids),
      action: fc.constantFrom('write', 'remove', 'break'),
      depends: fc.subarray(ids.map((id) => `${id}#first`)),
      title: fc.constantFrom('One', 'Two'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const { dir, write, cleanup } = tempRepo({ 'plans/keep.plan.yaml': plan('keep') });
        try {
          const session = new CompilerSession({ cwd: dir });
          await session.check();
          for (const step of edits) {
            const path = `plans/${step.plan}.plan.yaml`;
            if (step.action === 'remove') rmSync(join(dir, path), { force: true });
            else if (step.action === 'break') writeFileSync(join(dir, path), `${plan(step.plan, step.depends, step.title)}  bad: [\n`);
            else write({ [path]: plan(step.plan, step.depends.filter((ref) => !ref.startsWith(`${step.plan}#`)), step.title) });
            expect(summary(await session.check())).toEqual(summary(await check({ cwd: dir })));
          }
        } finally {
          cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
