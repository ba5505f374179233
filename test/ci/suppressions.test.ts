// Accepting known findings: suppression comments in the plans (the next line and the item
// below it, or the whole file; a reason kept; one that suppresses nothing reported) and the
// baseline file, matched by plan, code and item so that editing a plan keeps it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { tempRepos } from '../helpers/repo.ts';

const repo = tempRepos();

/** A plan whose owner `ana` has two tasks at once (PLAN4002 at `a`) and a task without a length (PLAN4003 at `c`). */
function plan(above: Record<string, string> = {}, extraTasks = ''): string {
  return [
    'title: Team',
    ...(above.file ? [above.file] : []),
    'rollback: { trigger: errors rise, steps: [revert] }',
    'phases:',
    '  - id: build',
    '    title: Build',
    '    tasks:',
    ...(extraTasks ? [extraTasks] : []),
    ...(above.a ? [`      ${above.a}`] : []),
    '      - id: a',
    '        title: A',
    '        owner: ana',
    '        duration: 2d',
    '      - { id: b, title: B, owner: ana, duration: 2d }',
    ...(above.c ? [`      ${above.c}`] : []),
    '      - id: c',
    '        title: C',
    '',
  ].join('\n');
}

const json = async (args: string[], cwd: string) => {
  const result = await cli(['check', '--format', 'json', ...args], { cwd });
  return { status: result.status, stderr: result.stderr, report: JSON.parse(result.stdout || '{}') };
};
const codes = (list: Array<{ code: string; range: { start: { line: number } } }>) => list.map((d) => `${d.code}@${d.range.start.line}`);

describe('suppression comments', () => {
  it('turn a rule off for the next line and the item below it, keeping the reason', async () => {
    const plain = repo({ 'plans/team.plan.yaml': plan() });
    expect(codes((await json([], plain.dir)).report.diagnostics)).toEqual(['PLAN4002@7', 'PLAN4003@12']);
    const quiet = repo({ 'plans/team.plan.yaml': plan({ a: '# planc-disable-next-line PLAN4002 -- two people share the backend role', c: '# planc-disable-next-line missing-estimate' }) });
    const { status, report } = await json([], quiet.dir);
    expect(status).toBe(0);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toMatchObject({ warnings: 0, suppressed: 2 });
    expect(report.suppressed.map((d: { code: string; suppression: unknown }) => [d.code, d.suppression])).toEqual([
      ['PLAN4002', { kind: 'inline', reason: 'two people share the backend role' }],
      ['PLAN4003', { kind: 'inline' }],
    ]);
    const stylish = await cli(['check'], { cwd: quiet.dir });
    expect(stylish.stdout).toBe('✔ 1 plan file checked: no problems (2 suppressed)\n');
  });

  it('cover the whole item below, and only it', async () => {
    // The finding is on `a`'s id, two lines below the comment; `c` is another item.
    const text = plan({ a: '# planc-disable-next-line PLAN4002, PLAN4003' });
    const { report } = await json([], repo({ 'plans/team.plan.yaml': text }).dir);
    expect(codes(report.diagnostics)).toEqual(['PLAN7001@7', 'PLAN4003@13']);
    expect(report.diagnostics[0].message).toBe('`planc-disable-next-line` turns off `PLAN4003`, which reports nothing there');
  });

  it('turn a rule off for the whole file with `planc-disable`', async () => {
    const { report } = await json([], repo({ 'plans/team.plan.yaml': plan({ file: '# planc-disable owner-overloaded, missing-estimate -- being staffed' }) }).dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.suppressed.map((d: { suppression: { reason: string } }) => d.suppression.reason)).toEqual(['being staffed', 'being staffed']);
  });

  it('report a comment that suppresses nothing, names no rule, or names one that cannot be turned off', async () => {
    const text = plan({ file: '# planc-disable PLAN5001 -- covered\n# planc-disable\n# planc-disable PLAN1001, nonsense-rule' });
    const { report } = await json([], repo({ 'plans/team.plan.yaml': text }).dir);
    expect(report.diagnostics.map((d: { code: string; message: string; range: { start: { line: number; column: number } } }) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'PLAN7001 2:17 `planc-disable` turns off `PLAN5001`, which reports nothing in this file',
      'PLAN7002 3:3 This suppression comment names no rule',
      'PLAN7002 4:17 This suppression comment names `PLAN1001`, which cannot be turned off',
      'PLAN7002 4:27 This suppression comment names `nonsense-rule`, which is not a rule',
      'PLAN4002 10:13 `ana` has 2 tasks at once (capacity 1) from day 1 to day 2: `a`, `b`',
      'PLAN4003 15:13 Task `c` has no effort, duration or estimate; it is scheduled as taking no time',
    ]);
  });

  it('are comments only on lines of their own: the same words in a value are text', async () => {
    const text = plan().replace('title: Team', 'title: "# planc-disable-next-line PLAN4002"');
    const { report } = await json([], repo({ 'plans/team.plan.yaml': text }).dir);
    expect(codes(report.diagnostics)).toEqual(['PLAN4002@7', 'PLAN4003@12']);
  });

  it('can be reported as errors, or turned off, like any rule', async () => {
    const text = plan({ file: '# planc-disable PLAN5001' });
    const strict = await json([], repo({ 'plans/team.plan.yaml': text, 'planc.config.yaml': 'rules: { unused-suppression: error }\n' }).dir);
    expect(strict.status).toBe(1);
    expect(strict.report.diagnostics[0]).toMatchObject({ code: 'PLAN7001', severity: 'error' });
    const off = await json([], repo({ 'plans/team.plan.yaml': text, 'planc.config.yaml': 'rules: { PLAN7001: off }\n' }).dir);
    expect(codes(off.report.diagnostics)).toEqual(['PLAN4002@8', 'PLAN4003@13']);
  });
});

describe('the baseline', () => {
  it('accepts the findings it holds, keeps holding them when the plan is edited elsewhere, and fails on new ones', async () => {
    const { dir, write } = repo({ 'plans/team.plan.yaml': plan() });
    const missing = await cli(['check', '--baseline', 'planc-baseline.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('planc: the baseline `planc-baseline.json` does not exist\nWrite it with `planc check --baseline planc-baseline.json --update-baseline`.\n');

    const written = await cli(['check', '--baseline', 'planc-baseline.json', '--update-baseline'], { cwd: dir });
    expect(written.status).toBe(0);
    expect(written.stderr).toBe('planc: wrote the baseline planc-baseline.json: 2 findings\n');
    expect(JSON.parse(readFileSync(join(dir, 'planc-baseline.json'), 'utf8'))).toEqual({
      version: 1,
      findings: [
        { plan: 'team', code: 'PLAN4002', item: 'phases[build]/tasks[a]/id', message: '`ana` has 2 tasks at once (capacity 1) from day 1 to day 2: `a`, `b`' },
        { plan: 'team', code: 'PLAN4003', item: 'phases[build]/tasks[c]/id', message: 'Task `c` has no effort, duration or estimate; it is scheduled as taking no time' },
      ],
    });
    const held = await json(['--baseline', 'planc-baseline.json', '--fail-severity', 'warning'], dir);
    expect(held.status).toBe(0);
    expect(held.report.suppressed.map((d: { code: string; suppression: { kind: string } }) => `${d.code} ${d.suppression.kind}`)).toEqual(['PLAN4002 baseline', 'PLAN4003 baseline']);

    // Lines and tasks added above: the same findings, on other lines and at other indexes.
    write({ 'plans/team.plan.yaml': `# The team's plan\n${plan({}, '      - { id: setup, title: Setup, duration: 1d }')}` });
    const edited = await json(['--baseline', 'planc-baseline.json', '--fail-severity', 'warning'], dir);
    expect(edited.report.diagnostics).toEqual([]);
    expect(edited.status).toBe(0);

    // A new finding fails; the accepted ones stay accepted.
    write({ 'plans/team.plan.yaml': `${plan({}, '      - { id: setup, title: Setup, duration: 1d }')}`.replace('      - id: c\n        title: C\n', '      - id: c\n        title: C\n      - id: d\n        title: D\n') });
    const grown = await json(['--baseline', 'planc-baseline.json', '--fail-severity', 'warning'], dir);
    expect(codes(grown.report.diagnostics)).toEqual(['PLAN4003@15']);
    expect(grown.report.diagnostics[0].item).toBe('phases[build]/tasks[d]/id');
    expect(grown.status).toBe(1);

    // A finding fixed since: said once, on standard error.
    write({ 'plans/team.plan.yaml': plan().replace('      - id: c\n        title: C\n', '      - id: c\n        title: C\n        duration: 1d\n') });
    const fixed = await cli(['check', '--baseline', 'planc-baseline.json'], { cwd: dir });
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toBe('planc: note: 1 finding of the baseline is gone; `--update-baseline` drops it\n');
  });

  it('is a usage error when it is not a baseline', async () => {
    const { dir } = repo({ 'plans/team.plan.yaml': plan(), 'not-json.json': '{', 'other.json': '{"version": 2, "findings": []}', 'bad-entry.json': '{"version": 1, "findings": [{"plan": "team"}]}' });
    for (const [file, message] of [
      ['not-json.json', /^planc: the baseline `not-json\.json` is not JSON: /],
      ['other.json', /^planc: the baseline `other\.json` has version 2; this planc reads version 1$/],
      ['bad-entry.json', /^planc: the baseline `bad-entry\.json` has a finding that is not `\{ plan, code, item, count\? \}` \(entry 1\)$/],
    ] as const) {
      const result = await cli(['check', '--baseline', file], { cwd: dir });
      expect(result.status, file).toBe(2);
      expect(result.stderr.split('\n')[0], file).toMatch(message);
    }
    const unwritable = await cli(['check', '--baseline', 'not-json.json/baseline.json', '--update-baseline'], { cwd: dir });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr.split('\n')[0]).toMatch(/^planc: could not write the baseline `not-json\.json\/baseline\.json` \(EEXIST: file already exists, mkdir '.+'\)$/);
    const alone = await cli(['check', '--update-baseline'], { cwd: dir });
    expect(alone.stderr.split('\n')[0]).toBe('planc: `--update-baseline` needs `--baseline <file>`');
  });
});

describe('checking named files', () => {
  const other = (references: string) =>
    ['title: Other', 'rollback: { trigger: errors rise, steps: [revert] }', 'phases:', '  - id: work', '    title: Work', '    tasks:', `      - { id: x, title: X, duration: 1d${references} }`, ''].join('\n');

  it('links a named file with the configured plans, and reports only its own findings', async () => {
    const { dir } = repo({
      'plans/first.plan.yaml': other(''),
      'plans/second.plan.yaml': other(', dependsOn: ["first#x"]'),
      // A plan of the folder with a problem of its own, not named.
      'plans/noisy.plan.yaml': other(', owner: bob, dependsOn: [nope]'),
    });
    const named = await cli(['check', 'plans/second.plan.yaml'], { cwd: dir });
    expect(named.stdout).toBe('✔ 1 plan file checked: no problems\n');
    expect(named.status).toBe(0);
    const noisy = await json(['plans/noisy.plan.yaml'], dir);
    expect(noisy.report.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toEqual(['PLAN3002 plans/noisy.plan.yaml']);
    // A referenced plan that is in no configured folder is still unknown.
    const elsewhere = repo({ 'plans/second.plan.yaml': other(', dependsOn: ["first#x"]'), 'drafts/first.plan.yaml': other('') });
    const unknown = await json(['plans/second.plan.yaml'], elsewhere.dir);
    expect(unknown.report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['PLAN3003']);
    // A named file outside the configured plans is checked with them.
    const outside = await json(['drafts/first.plan.yaml'], elsewhere.dir);
    expect(outside.report.summary).toMatchObject({ files: 1, errors: 0 });
  });

  it('reads a plan from standard input with `-`, checked as --stdin-filename among the others', async () => {
    const { dir } = repo({ 'plans/first.plan.yaml': other('') });
    const piped = await cli(['check', '-', '--stdin-filename', 'plans/second.plan.yaml', '--format', 'json'], { cwd: dir, stdin: other(', dependsOn: ["first#x", "first#y"]') });
    expect(piped.status).toBe(1);
    const report = JSON.parse(piped.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.diagnostics.map((d: { code: string; file: string; range: { start: { line: number; column: number } } }) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`)).toEqual(['PLAN3002 plans/second.plan.yaml:7:65']);
    // Without a name, as stdin.plan.yaml; bytes are read as a file's are (a byte order mark is fine).
    const plain = await cli(['check', '-'], { cwd: dir, stdin: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(other(''))]) });
    expect(plain.stdout).toBe('✔ 1 plan file checked: no problems\n');
    const noDash = await cli(['check', '--stdin-filename', 'x.plan.yaml'], { cwd: dir });
    expect(noDash.status).toBe(2);
    expect(noDash.stderr.split('\n')[0]).toBe('planc: `--stdin-filename` names the plan read from standard input: pass `-` too');
  });
});
