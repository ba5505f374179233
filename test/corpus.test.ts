// A corpus of bad plans (test/helpers/corpus.ts): every YAML problem class, wrong types,
// unknown keys, broken references. Each reports its code at an exact place; none crashes,
// and the CLI exits 1 (never 3) on all of them together. How long they take is the
// benchmark's to measure (`npm run bench -- budgets`); here only vitest's timeout guards a hang.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFiles } from '../src/api/session.ts';
import { defaultConfig } from '../src/config/config.ts';
import { cli } from './helpers/cli.ts';
import { brokenReferences, CASES, manyKeys, mangledPlan, OK, type Content } from './helpers/corpus.ts';
import { tempRepo } from './helpers/repo.ts';

function compiled(files: Record<string, Content>) {
  const encoder = new TextEncoder();
  const inputs = Object.entries(files).map(([path, content]) => ({
    path,
    bytes: typeof content === 'string' ? encoder.encode(content) : content,
  }));
  return compileFiles(inputs, defaultConfig('/repo'), { cwd: '/repo' });
}

function run(files: Record<string, Content>) {
  return compiled(files).diagnostics;
}

const where = (d: { code: string; range: { start: { line: number; column: number } } }) => `${d.code} ${d.range.start.line}:${d.range.start.column}`;

describe('the corpus of bad plans', () => {
  for (const [name, [content, expected]] of Object.entries(CASES)) {
    it(`${name}: ${expected.join(', ')}`, () => {
      expect(run({ 'corpus.plan.yaml': content }).map(where)).toEqual(expected);
    });
  }

  it('reports 3,000 broken references among 3,000 tasks, each at its place, guessing only within a budget of comparisons', () => {
    const { text, tasks } = brokenReferences(3000);
    const diagnostics = run({ 'corpus.plan.yaml': text });
    const unknown = diagnostics.filter((d) => d.code === 'PLAN3002');
    expect(unknown.map(where)).toEqual(tasks.map((task, i) => `PLAN3002 ${6 + i}:${task.indexOf(`task-numbr-${i}`) + 1}`));
    expect(diagnostics.filter((d) => d.code !== 'PLAN3002').map(where)).toEqual(['PLAN5001 3:9']);
    // 2,000,000 comparisons: the first 666 references (3,001 candidates each) get a guess.
    const guessed = unknown.filter((d) => /did you mean/i.test(`${d.message} ${d.help ?? ''}`));
    expect(guessed).toHaveLength(666);
    expect(guessed).toEqual(unknown.slice(0, 666));
    expect(`${guessed[0]!.message} ${guessed[0]!.help}`).toContain('`task-number-0`');
  }, 60_000);

  it('reports every key of a 90,000-key mapping (890 KB), each on its line', () => {
    const diagnostics = run({ 'corpus.plan.yaml': manyKeys(90_000) });
    const unknown = diagnostics.filter((d) => d.code === 'PLAN2001');
    expect(unknown.map((d) => d.range.start.line)).toEqual(Array.from({ length: 90_000 }, (_, i) => i + 1));
    expect(unknown.every((d) => d.range.start.column === 1)).toBe(true);
    // Missing: title and phases.
    expect(diagnostics.filter((d) => d.code !== 'PLAN2001').map((d) => d.message)).toEqual([
      'The plan is missing the required property `title`',
      'The plan is missing the required property `phases`',
    ]);
  }, 120_000);

  const repo = tempRepo();
  afterAll(() => repo.cleanup());

  it('makes the CLI exit 1, never 3, on every case at once, each file reporting what it does alone', async () => {
    mkdirSync(join(repo.dir, 'plans'), { recursive: true });
    const cases = Object.values(CASES);
    cases.forEach(([content], index) => writeFileSync(join(repo.dir, 'plans', `case-${index}.plan.yaml`), content));
    const result = await cli(['check', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const reported = new Map<string, string[]>();
    for (const d of (JSON.parse(result.stdout) as { diagnostics: Array<Parameters<typeof where>[0] & { file: string }> }).diagnostics) {
      reported.set(d.file, [...(reported.get(d.file) ?? []), where(d)]);
    }
    // Every case reports something, so every file is there.
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(cases.map(([, expected], index) => [`plans/case-${index}.plan.yaml`, expected])));
  }, 60_000);
});

describe('help lines', () => {
  /** name → [content, the expected `CODE line:column`, its help] */
  const HELP: Record<string, [string, string, string]> = {
    'a boolean where a duration belongs': [OK.replace('duration: 1d }', 'duration: true }'), 'PLAN2003 7:38', 'Write a duration such as 3, 0.5d, 4h or 2w.'],
    'a number where a date belongs': [OK.replace('title: Corpus', 'title: Corpus\nstart: 2026'), 'PLAN2003 2:8', 'Write a date as YYYY-MM-DD.'],
    'a number where an id belongs, which quoting fixes': [OK.replace('id: a,', 'id: 5,'), 'PLAN2003 7:15', 'Quote it to make it text: "5".'],
    'a number where text belongs': [OK.replace('title: Corpus', 'title: 2026'), 'PLAN2003 1:8', 'Quote it to make it text: "2026".'],
    'a mapping on the `---` line': [`--- ${OK}`, 'PLAN1001 1:5', 'Nothing may follow `---` on its line: start the plan on the next line, or remove the `---`.'],
    'a comment stuck to a value': [OK.replace('title: Corpus', 'title: "Corpus"# the name'), 'PLAN1001 1:16', 'Put a space before the `#` of a comment, or quote the value if the `#` belongs to it.'],
    'an abbreviated value': [
      OK.replace('phases:', 'risks: [{ id: r, risk: R, probability: hi, impact: low, mitigation: M }]\nphases:'),
      'PLAN2004 3:40',
      'Did you mean `high`? Allowed values: `low`, `medium` or `high`.',
    ],
    'a value longer than the allowed one': [
      OK.replace('title: Corpus', 'title: Corpus\ncalendar: { workdays: [mon, tuesday] }'),
      'PLAN2004 2:29',
      'Did you mean `tue`? Allowed values: `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`.',
    ],
    'a key without a value': [`${OK}owner\n`, 'PLAN1001 9:1', 'Write a key as `key: value`, or quote the text if it is not a key.'],
  };
  for (const [name, [content, at, help]] of Object.entries(HELP)) {
    it(`${name}: ${at}`, () => {
      const [diagnostic, ...rest] = run({ 'corpus.plan.yaml': content });
      expect(rest).toEqual([]);
      expect(where(diagnostic!)).toBe(at);
      expect(diagnostic!.help).toBe(help);
    });
  }
});

describe('mangled plans', () => {
  it('never crash, and report only places inside the file', () => {
    const file = 'plans/mangled.plan.yaml';
    fc.assert(
      fc.property(mangledPlan, (text) => {
        // A crash would be an exception here: stages report problems, they do not throw.
        const result = compiled({ [file]: text });
        const lines = result.source(file)!.text.split('\n');
        for (const d of result.diagnostics) {
          for (const place of [d, ...d.related]) {
            expect(place.file, d.code).toBe(file);
            const { start, end } = place.range;
            expect(start.line, d.code).toBeLessThanOrEqual(end.line);
            if (start.line === end.line) expect(start.column, d.code).toBeLessThanOrEqual(end.column);
            // Lines and columns are 1-based; a range may end just after the last character of its line.
            expect(lines[start.line - 1], d.code).toBeDefined();
            expect(start.column, d.code).toBeGreaterThanOrEqual(1);
            expect(start.column, d.code).toBeLessThanOrEqual(lines[start.line - 1]!.length + 1);
            expect(end.column, d.code).toBeLessThanOrEqual((lines[end.line - 1] ?? '').length + 1);
            expect(place.pointer, d.code).toMatch(/^(\/|$)/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
