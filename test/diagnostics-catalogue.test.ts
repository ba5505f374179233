// Every diagnostic code: permanent, unique, documented, and — through the example in the
// catalogue — produced at an exact line and column (golden files under fixtures/diagnostics).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/api/check.ts';
import type { CheckResult } from '../src/api/result.ts';
import exampleOutputs from '../src/diagnostics/examples.generated.json' with { type: 'json' };
import { printed, runExample } from '../scripts/example-outputs.ts';
import { catalogue } from '../src/diagnostics/catalogue.ts';
import { resolveDiagnostic } from '../src/diagnostics/resolve.ts';
import { Diagnostics } from '../src/diagnostics/sink.ts';
import { SourceText } from '../src/diagnostics/source.ts';
import type { ResolvedDiagnostic } from '../src/diagnostics/types.ts';
import { parseYaml } from '../src/load/parse.ts';
import { stylish } from '../src/report/stylish.ts';
import { PLAIN } from '../src/report/terminal.ts';
import { validate } from '../src/validate/validate.ts';
import { expectGolden } from './helpers/golden.ts';
import { ROOT, tempRepo } from './helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'diagnostics');
/**
 * Codes whose situation the files of an example repository cannot produce. PLAN1010 and
 * PLAN2009 are produced another way at the end of this file, with golden files; PLAN9001,
 * an internal error, is no diagnostic of a file: cli.test.ts makes planc fail and checks
 * the message that names it.
 */
const WITHOUT_EXAMPLE = new Set(['PLAN1010', 'PLAN2009', 'PLAN9001']);

/** Compares the positions of `code`'s diagnostics with its golden file. */
function expectPositions(code: string, resolved: readonly ResolvedDiagnostic[]): void {
  const positions = resolved.map((d) => ({
    code: d.code,
    file: d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
  }));
  expect(positions.map((p) => p.code)).toContain(code);
  expectGolden(join(FIXTURES, `${code}.json`), `${JSON.stringify(positions, null, 2)}\n`);
}

/** Positions and the stylish output, both against golden files (for the codes without an example). */
function expectRecorded(code: string, resolved: ResolvedDiagnostic[], source: (path: string) => SourceText | undefined, files: string[]): void {
  expectPositions(code, resolved);
  const input = { diagnostics: resolved, suppressed: [], files, plans: 0, failAt: 'error' as const, planOf: () => undefined, identity: () => '', explanation: () => '', source };
  expectGolden(join(FIXTURES, `${code}.txt`), stylish(input, PLAIN));
}

describe('the diagnostics catalogue', () => {
  it('has unique, well-formed codes and names', () => {
    const codes = catalogue.map((d) => d.code);
    const names = catalogue.map((d) => d.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const definition of catalogue) {
      expect(definition.code).toMatch(/^PLAN[1-9]\d{3}$/);
      expect(definition.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(definition.explanation.length).toBeGreaterThan(20);
      expect(definition.fix.length).toBeGreaterThan(5);
    }
    expect([...codes].sort()).toEqual(codes);
  });

  it('has an example for every code a repository can produce', () => {
    for (const definition of catalogue) {
      expect(Boolean(definition.example), definition.code).toBe(!WITHOUT_EXAMPLE.has(definition.code));
    }
  });

  for (const definition of catalogue.filter((d) => d.example)) {
    it(`${definition.code} ${definition.name}: its example reports it at the recorded position, as the docs record`, async () => {
      const result: CheckResult = await runExample(definition);
      expectPositions(definition.code, result.diagnostics);
      // What the site shows under the code (run `npm run docs` after changing an example).
      expect(printed(result)).toBe((exampleOutputs as Record<string, string>)[definition.code]);
    });
  }

  it('records an output for exactly the codes with an example', () => {
    expect(Object.keys(exampleOutputs).sort()).toEqual(catalogue.filter((d) => d.example).map((d) => d.code));
  });
});

describe('the codes without an example', () => {
  // An example holds file contents, and planc site writes every example out, on Windows
  // too; a link to a device (any path the system gives as no regular file) is made here.
  it.skipIf(process.platform === 'win32')('PLAN1010 unreadable-file: a plan file that is no regular file, at 1:1', async () => {
    const repo = tempRepo({ 'plans/good.plan.yaml': 'title: Good\nrollback: { trigger: Errors rise, steps: [Revert] }\nphases:\n  - id: build\n    title: Build\n    tasks: [{ id: code, title: Code, duration: 1d }]\n' });
    try {
      symlinkSync('/dev/zero', join(repo.dir, 'plans', 'example.plan.yaml'));
      const result = await check({ cwd: repo.dir });
      expectRecorded('PLAN1010', result.diagnostics, result.source, result.files);
    } finally {
      repo.cleanup();
    }
  });

  // The plan schema's every keyword has a diagnostic of its own; PLAN2009 is the fallback
  // for a keyword without one, shown here with a schema of a single `multipleOf` rule.
  it('PLAN2009 schema-violation: a rule of the schema no other code covers, at the value', () => {
    const file = 'plans/example.plan.yaml';
    const text = 'title: Example\nstep: 0.3\n';
    const diagnostics = new Diagnostics();
    const parsed = parseYaml(text, file, diagnostics)!;
    const schema = { $id: 'test:schema-violation', type: 'object', properties: { step: { type: 'number', multipleOf: 0.5 } } };
    expect(validate({ value: parsed.value, source: parsed.source, file, schema }, diagnostics)).toBe(false);
    const source = new SourceText(file, text);
    const lookup = (path: string) => (path === file ? source : undefined);
    expectRecorded('PLAN2009', diagnostics.items.map((d) => resolveDiagnostic(d, lookup)), lookup, [file]);
  });
});
