// Every diagnostic code: permanent, unique, documented, and — through the example in the
// catalogue — produced at an exact line and column (golden files under fixtures/diagnostics).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { catalogue } from '../src/diagnostics/catalogue.ts';
import { stylish } from '../src/report/stylish.ts';
import { PLAIN } from '../src/report/terminal.ts';
import { expectGolden } from './helpers/golden.ts';
import { ROOT, tempRepo } from './helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'diagnostics');
/** Codes whose situation a small repository cannot produce; each is covered elsewhere. */
const WITHOUT_EXAMPLE = new Set(['PLAN1010', 'PLAN2009', 'PLAN9001']);

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

  const repos: Array<() => void> = [];
  afterAll(() => repos.forEach((cleanup) => cleanup()));

  for (const definition of catalogue.filter((d) => d.example)) {
    it(`${definition.code} ${definition.name}: its example reports it at the recorded position`, async () => {
      const repo = tempRepo(definition.example);
      repos.push(repo.cleanup);
      const outcome = await check({ cwd: repo.dir });
      let resolved;
      let source;
      if (outcome.kind === 'config-error') {
        resolved = outcome.diagnostics;
        source = outcome.source;
      } else if (outcome.kind === 'compiled') {
        resolved = outcome.result.diagnostics.map((d) => outcome.result.sources.resolve(d));
        source = (path: string) => outcome.result.sources.get(path);
      } else {
        throw new Error(`no plan files in the example of ${definition.code}`);
      }
      const positions = resolved.map((d) => ({
        code: d.code,
        file: d.file,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
      }));
      expect(positions.map((p) => p.code)).toContain(definition.code);
      expectGolden(join(FIXTURES, `${definition.code}.json`), `${JSON.stringify(positions, null, 2)}\n`);
      const files = outcome.kind === 'compiled' ? outcome.result.files.length : 0;
      expectGolden(join(FIXTURES, `${definition.code}.txt`), stylish({ diagnostics: resolved, files, plans: 0, source }, PLAIN));
    });
  }
});
