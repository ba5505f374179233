// `planc fix`: each certain fix applied where it stands, the rest of the file byte for byte as
// it was (comments, order, quoting, line ends, a byte order mark); what is not certain left
// for a person, reported. Golden files under fixtures/fix/ hold each case before and after.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixFiles, fixText } from '../src/api/fix.ts';
import { CompilerSession } from '../src/api/session.ts';
import { catalogue } from '../src/diagnostics/catalogue.ts';
import type { ResolvedDiagnostic } from '../src/diagnostics/types.ts';
import { cli } from './helpers/cli.ts';
import { expectGolden } from './helpers/golden.ts';
import { planc, ROOT, tempRepos } from './helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'fix');
const CASES = readdirSync(FIXTURES).sort();
const repo = tempRepos();
const where = (d: Pick<ResolvedDiagnostic, 'code' | 'range'>) => `${d.code} ${d.range.start.line}:${d.range.start.column}`;
const findings = (list: readonly ResolvedDiagnostic[]) => list.map((d) => `${d.code} ${d.message}`).sort();

function git(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('git', args, { cwd, encoding: 'utf8' });
}

describe('planc fix, case by case (fixtures/fix/<case>/before.plan.yaml → after.plan.yaml)', () => {
  // One session for every case: each text is checked as a file of its own (plans/<case>.plan.yaml).
  const session = new CompilerSession({ cwd: repo().dir });

  for (const name of CASES) {
    it(name, async () => {
      const before = readFileSync(join(FIXTURES, name, 'before.plan.yaml'), 'utf8');
      const file = `plans/${name}.plan.yaml`;
      const fixed = await fixText(session, file, before, { renameDuplicates: name === 'duplicates' });
      expectGolden(join(FIXTURES, name, 'after.plan.yaml'), fixed.after);
      const left = fixed.result.diagnostics;
      expectGolden(
        join(FIXTURES, name, 'fixes.txt'),
        [...fixed.applied.map((a) => `fixed ${where(a)} (pass ${a.pass}): ${a.description}`), ...left.map((d) => `left  ${where(d)}: ${d.message}`), ''].join('\n'),
      );
      // Nothing certain is left, and what is left is what had no certain fix before.
      expect(left.filter((d) => d.fix)).toEqual([]);
      const first = await session.check({ paths: [file], overlays: { [file]: before } });
      expect(findings(left)).toEqual(findings(first.diagnostics.filter((d) => !d.fix && !(name === 'duplicates' && d.suggestions))));
    });
  }

  it('covers every code the catalogue says `planc fix` fixes, and no other', async () => {
    const session = new CompilerSession({ cwd: repo().dir });
    const fixed = new Set<string>();
    for (const name of CASES) {
      const before = readFileSync(join(FIXTURES, name, 'before.plan.yaml'), 'utf8');
      for (const applied of (await fixText(session, `plans/${name}.plan.yaml`, before, { renameDuplicates: true })).applied) fixed.add(applied.code);
    }
    expect([...fixed].sort()).toEqual(catalogue.filter((d) => d.autofix !== undefined && d.code !== 'PLAN3003').map((d) => d.code));
  });

  it('fixes an unknown plan of a cross-plan reference, and keeps the other plan as it is', async () => {
    const { dir } = repo({
      'plans/platform.plan.yaml': 'title: Platform\nrollback: { trigger: errors, steps: [revert] }\nphases:\n  - id: gateway\n    title: Gateway\n    tasks:\n      - { id: deploy, title: Deploy, duration: 1d }\n',
      'plans/app.plan.yaml': 'title: App\nrollback: { trigger: errors, steps: [revert] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Code, duration: 1d, dependsOn: [platfrom#deploy] }\n',
    });
    const result = await cli(['fix'], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stdout: 'Fixed plans/app.plan.yaml: 1 problem (PLAN3003)\nFixed 1 problem in 1 file.\n' });
    expect(readFileSync(join(dir, 'plans/app.plan.yaml'), 'utf8')).toContain('dependsOn: [platform#deploy] }');
  });
});

describe('applying fixes', () => {
  const range = (startColumn: number, endColumn: number) => ({ start: { line: 1, column: startColumn }, end: { line: 1, column: endColumn } });

  it('applies fixes that overlap none before them, and leaves the others for the next pass', () => {
    const fixes = [
      { description: 'a', edits: [{ range: range(1, 4), text: 'one' }] },
      { description: 'b', edits: [{ range: range(3, 6), text: 'two' }] }, // overlaps a
      { description: 'c', edits: [{ range: range(8, 8), text: '+' }, { range: range(9, 10), text: 'Z' }] },
      { description: 'd', edits: [{ range: range(8, 8), text: '-' }] }, // an insertion where c inserts
    ];
    expect(applyFixes('abcdefghij', fixes)).toEqual({ text: 'onedefg+hZj', applied: [0, 2] });
  });
});

/** A clean plan of `tasks`, and the same plan with the mistakes a fix must undo exactly. */
interface Mangled {
  clean: string;
  mangled: string;
}

const WORDS = ['api', 'schema', 'store', 'cache', 'login', 'search', 'report', 'queue'];
const STATUSES = [['in-progress', 'in progress'], ['done', 'Done'], ['todo', 'TODO'], ['blocked', 'Blocked']] as const;
const DURATIONS = [['3d', '3 days'], ['2w', '2 weeks'], ['4h', '4 hours'], ['1d', '1 day']] as const;

const plans = fc
  .record({
    words: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
    flow: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    mistakes: fc.array(fc.record({ title: fc.boolean(), status: fc.nat(3), duration: fc.nat(3), id: fc.boolean(), dependsOn: fc.boolean(), statusWrong: fc.boolean(), durationWrong: fc.boolean() }), { minLength: 6, maxLength: 6 }),
    yes: fc.boolean(),
    reversible: fc.boolean(),
  })
  .map(({ words, flow, mistakes, yes, reversible }): Mangled => {
    const header = (mangle: boolean) => [
      '# A generated plan: the fixes must give back this text exactly.',
      'title: Generated plan',
      `goals: [ship it, ${yes && mangle ? 'yes' : '"yes"'}]   # a word other tools read as a boolean`,
      'rollback: { trigger: errors, steps: [revert] }',
      'phases:',
      '  - id: build',
      '    title: Build',
      '    tasks:',
    ];
    const task = (word: string, index: number, mangle: boolean): string[] => {
      const m = mistakes[index]!;
      const id = `write-${word}`;
      const idText = mangle && m.id ? `Write ${word.charAt(0).toUpperCase()}${word.slice(1)}` : id;
      const previous = index > 0 ? words[index - 1]! : undefined;
      const previousId = previous === undefined ? undefined : mangle && mistakes[index - 1]!.id ? `Write ${previous.charAt(0).toUpperCase()}${previous.slice(1)}` : `write-${previous}`;
      const title = mangle && m.title ? 'titel' : 'title';
      const [status, wrongStatus] = STATUSES[m.status]!;
      const [duration, wrongDuration] = DURATIONS[m.duration]!;
      const statusText = mangle && m.statusWrong ? wrongStatus : status;
      const durationText = mangle && m.durationWrong ? wrongDuration : duration;
      const dependsOn = mangle && m.dependsOn ? 'depends_on' : 'dependsOn';
      const extra = index === 0 && reversible ? { key: 'reversible', value: mangle ? 'no' : 'false' } : undefined;
      if (flow[index]) {
        const parts = [`id: ${idText}`, `${title}: Write the ${word}`, `duration: ${durationText}`, `status: ${statusText}`];
        if (previousId) parts.push(`${dependsOn}: [${previousId}]`);
        if (extra) parts.push(`${extra.key}: ${extra.value}`, 'recovery: Restore it');
        return [`      - { ${parts.join(', ')} }   # task ${index + 1}`];
      }
      return [
        `      - id: ${idText}`,
        `        ${title}: Write the ${word}   # task ${index + 1}`,
        `        duration: ${durationText}`,
        `        status: ${statusText}`,
        ...(previousId ? [`        ${dependsOn}:`, `          - ${previousId}`] : []),
        ...(extra ? [`        ${extra.key}: ${extra.value}`, '        recovery: Restore it'] : []),
        '',
      ];
    };
    const text = (mangle: boolean) => `${[...header(mangle), ...words.flatMap((word, index) => task(word, index, mangle))].join('\n')}\n`;
    return { clean: text(false), mangled: text(true) };
  });

describe('a fixed file', () => {
  it('is the text it was before the mistakes, byte for byte, and checks as that text does (property)', async () => {
    const session = new CompilerSession({ cwd: repo().dir });
    await fc.assert(
      fc.asyncProperty(plans, async ({ clean, mangled }) => {
        const file = 'plans/generated.plan.yaml';
        const fixed = await fixText(session, file, mangled);
        expect(fixed.after).toBe(clean);
        const expected = await session.check({ paths: [file], overlays: { [file]: clean } });
        expect(fixed.result.diagnostics).toEqual(expected.diagnostics);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps CRLF line ends and a byte order mark', async () => {
    const text = 'title: Line ends\r\nrollback: { trigger: errors, steps: [revert] }\r\nphases:\r\n  - id: build\r\n    titel: Build   # kept\r\n    tasks:\r\n      - { id: a, title: A, duration: 1 day }\r\n';
    const { dir } = repo({ 'plans/crlf.plan.yaml': { latin1: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]).toString('latin1') } });
    expect(await cli(['fix'], { cwd: dir })).toMatchObject({ status: 0 });
    const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('titel', 'title').replace('1 day', '1d'))]);
    expect(readFileSync(join(dir, 'plans/crlf.plan.yaml')).equals(expected)).toBe(true);
  });

  it('knows each file\'s byte order mark from reading it: the one that had one keeps it, the other gets none', async () => {
    const text = 'title: Marks\nrollback: { trigger: errors, steps: [revert] }\nphases:\n  - id: build\n    titel: Build\n    tasks:\n      - { id: a, title: A, duration: 1d }\n';
    const mark = Buffer.from([0xef, 0xbb, 0xbf]);
    const { dir } = repo({ 'plans/marked.plan.yaml': { latin1: Buffer.concat([mark, Buffer.from(text)]).toString('latin1') }, 'plans/plain.plan.yaml': text });
    const session = new CompilerSession({ cwd: dir });
    const first = await session.check({});
    expect([first.source('plans/marked.plan.yaml')!.bom, first.source('plans/plain.plan.yaml')!.bom]).toEqual([true, false]);
    // The decoded text holds no mark either way: the fixes' ranges count from the first character of the YAML.
    expect(first.source('plans/marked.plan.yaml')!.text).toBe(text);
    const result = await fixFiles({ cwd: dir, session, write: true });
    expect(result.written).toEqual(['plans/marked.plan.yaml', 'plans/plain.plan.yaml']);
    const fixed = Buffer.from(text.replace('titel', 'title'));
    expect(readFileSync(join(dir, 'plans/marked.plan.yaml')).equals(Buffer.concat([mark, fixed]))).toBe(true);
    expect(readFileSync(join(dir, 'plans/plain.plan.yaml')).equals(fixed)).toBe(true);
  });

  it('leaves a finding a comment suppresses as it is (its fix is still in the JSON)', async () => {
    const { dir } = repo({
      'plans/kept.plan.yaml':
        'title: Kept\ngoals:\n  # planc-disable-next-line ambiguous-boolean -- other tools may read it as they like\n  - yes\n  - no\nrollback: { trigger: errors, steps: [revert] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: a, title: A, duration: 1d }\n',
    });
    expect(await cli(['fix'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'Fixed plans/kept.plan.yaml: 1 problem (PLAN1005)\nFixed 1 problem in 1 file.\n' });
    expect(readFileSync(join(dir, 'plans/kept.plan.yaml'), 'utf8')).toContain('  - yes\n  - "no"\n');
    const json = JSON.parse((await cli(['check', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.suppressed[0].fix).toEqual({ description: 'Quote `yes` to keep it text', edits: [{ range: { start: { line: 4, column: 5 }, end: { line: 4, column: 8 } }, text: '"yes"' }] });
  });
});

describe('planc fix on the command line', () => {
  const keys = readFileSync(join(FIXTURES, 'keys', 'before.plan.yaml'), 'utf8');

  it('gives every finding with a certain fix its edits in `check --format json`', async () => {
    const { dir } = repo({ 'plans/keys.plan.yaml': keys });
    const json = JSON.parse((await cli(['check', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.diagnostics[0]).toMatchObject({
      code: 'PLAN2001',
      range: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } },
      fix: { description: 'Rename `titel` to `title`', edits: [{ range: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } }, text: 'title' }] },
    });
    expect(json.diagnostics.map((d: ResolvedDiagnostic) => `${where(d)} ${d.fix ? 'fix' : '-'}`)).toEqual([
      'PLAN2001 2:1 fix', 'PLAN2001 10:20 fix', 'PLAN2001 10:42 fix', 'PLAN2001 10:55 fix', 'PLAN2001 13:9 fix', 'PLAN2001 14:9 fix', 'PLAN2001 17:44 -', 'PLAN2001 19:22 -', 'PLAN2001 19:37 -',
    ]);
  });

  it('--dry-run prints a unified diff that git applies, and writes nothing', async () => {
    const { dir } = repo({ 'plans/keys.plan.yaml': keys });
    git(dir, 'init', '-q');
    const result = await cli(['fix', '--dry-run'], { cwd: dir });
    expect(result.status).toBe(1); // three unknown keys stay
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['--- a/plans/keys.plan.yaml', '+++ b/plans/keys.plan.yaml']);
    expect(result.stdout).toContain('\n-titel: Checkout redesign   # the plan\'s title\n+title: Checkout redesign   # the plan\'s title\n');
    expect(result.stderr).toContain('Would fix plans/keys.plan.yaml: 6 problems (PLAN2001 ×6)\nWould fix 6 problems in 1 file (nothing written: --dry-run).\n');
    expect(result.stderr).toContain('plans/keys.plan.yaml:17:44 - error PLAN2001: Unknown property `titel` in task `docs`');
    expect(readFileSync(join(dir, 'plans/keys.plan.yaml'), 'utf8')).toBe(keys);
    writeFileSync(join(dir, 'fix.diff'), result.stdout);
    expect(git(dir, 'apply', 'fix.diff')).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(dir, 'plans/keys.plan.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'keys', 'after.plan.yaml'), 'utf8'));
  });

  it('writes the fixed files, prints what is left, and has nothing to do the second time', async () => {
    const { dir } = repo({ 'plans/keys.plan.yaml': keys, 'plans/values.plan.yaml': readFileSync(join(FIXTURES, 'values', 'before.plan.yaml'), 'utf8') });
    const first = await cli(['fix'], { cwd: dir });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^Fixed plans\/keys\.plan\.yaml: 6 problems \(PLAN2001 ×6\)\nFixed plans\/values\.plan\.yaml: 10 problems \(PLAN2004 ×10\)\nFixed 16 problems in 2 files\.\nplans\/keys\.plan\.yaml:17:44 - error PLAN2001/);
    expect(first.stdout).toMatch(/✖ 7 errors, 0 warnings in 2 plan files\n$/);
    expect(readFileSync(join(dir, 'plans/keys.plan.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'keys', 'after.plan.yaml'), 'utf8'));
    const second = await cli(['fix', 'plans/keys.plan.yaml', '--format', 'json'], { cwd: dir });
    expect(second.status).toBe(1);
    expect(second.stderr).toBe('Nothing to fix.\n');
    expect(JSON.parse(second.stdout).summary).toMatchObject({ files: 1, errors: 3 });
  });

  it('shows how far it is on a terminal, and nothing of it elsewhere', async () => {
    const { dir } = repo({ 'plans/keys.plan.yaml': keys, 'plans/values.plan.yaml': readFileSync(join(FIXTURES, 'values', 'before.plan.yaml'), 'utf8') });
    const live = await cli(['fix', '--dry-run'], { cwd: dir, tty: true });
    expect(live.stderr).toMatch(/^\r\u001b\[2Kplanc: fixing 1\/2\r\u001b\[2Kplanc: fixing 2\/2\r\u001b\[2KWould fix /);
    const quiet = await cli(['fix', '--dry-run'], { cwd: dir, tty: true, env: { CI: 'true' } });
    expect(quiet.stderr).not.toContain('planc: fixing');
  });

  it('renames a duplicate id only with --rename-duplicates', async () => {
    const { dir } = repo({ 'plans/duplicates.plan.yaml': readFileSync(join(FIXTURES, 'duplicates', 'before.plan.yaml'), 'utf8') });
    expect(await cli(['fix'], { cwd: dir })).toMatchObject({ status: 1, stdout: expect.stringMatching(/^Nothing to fix\.\n.*PLAN3001/s) });
    const json = JSON.parse((await cli(['check', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.diagnostics[0]).toMatchObject({ code: 'PLAN3001', suggestions: [{ description: 'Rename this `api` to `api-3`' }] });
    expect(json.diagnostics[0].fix).toBeUndefined();
    expect(await cli(['fix', '--rename-duplicates'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'Fixed plans/duplicates.plan.yaml: 1 problem (PLAN3001)\nFixed 1 problem in 1 file.\n' });
  });

  it('refuses a machine format on standard output with --dry-run, and names a missing path', async () => {
    const { dir } = repo({ 'plans/keys.plan.yaml': keys });
    expect(await cli(['fix', '--dry-run', '--format', 'json'], { cwd: dir })).toMatchObject({ status: 2, stderr: expect.stringContaining('with --dry-run, standard output is the diff') });
    expect(await cli(['fix', 'plans/nope.plan.yaml'], { cwd: dir })).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file or folder: `plans/nope.plan.yaml`') });
    expect(readFileSync(join(dir, 'plans/keys.plan.yaml'), 'utf8')).toBe(keys);
  });

  it('runs as a process: `planc fix --dry-run | git apply`, then the plans check as fixed', () => {
    const { dir } = repo({ 'plans/forms.plan.yaml': readFileSync(join(FIXTURES, 'forms', 'before.plan.yaml'), 'utf8') });
    git(dir, 'init', '-q');
    const diff = planc(['fix', '--dry-run'], { cwd: dir });
    expect(diff.status).toBe(0);
    expect(spawnSync('git', ['apply'], { cwd: dir, input: diff.stdout, encoding: 'utf8' })).toMatchObject({ status: 0 });
    expect(planc(['check'], { cwd: dir })).toMatchObject({ status: 0 });
  });
});
