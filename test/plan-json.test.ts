// Every plan.json planc emits matches schema/plan-json.schema.json, whose mappings admit only
// the fields they document: a field emitted but not documented (or documented as always
// there and left out) fails here. The maximal plan's plan.json is checked in language.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../src/api/session.ts';
import { defaultConfig } from '../src/config/config.ts';
import { emitAll } from '../src/emit/index.ts';
import { planJsonValidator, problems } from './helpers/plan-json.ts';
import { ROOT } from './helpers/repo.ts';

const DOCUMENTS = join(ROOT, 'test', 'fixtures', 'documents');

/** Files below `folder` whose name passes `keep`, with their paths. */
function files(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('plan.json', () => {
  const validate = planJsonValidator();
  // The plans compiled together, as a build would: the bundled plans refer to each other.
  const groups = [
    files(join(ROOT, 'plans'), (name) => name.endsWith('.plan.yaml')),
    ...readdirSync(DOCUMENTS).map((fixture) => files(join(DOCUMENTS, fixture), (name) => name.endsWith('.plan.yaml'))),
  ].filter((group) => group.length > 0);

  it('of every bundled plan and every document fixture matches its schema', () => {
    let checked = 0;
    for (const paths of groups) {
      const inputs = paths.map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), bytes: readFileSync(path) }));
      const result = compileFiles(inputs, defaultConfig(ROOT), { cwd: ROOT, simulate: true });
      const emitted = emitAll(result).filter((file) => file.path.endsWith('/plan.json'));
      expect(emitted.map((file) => file.path), inputs.map((input) => input.path).join(', ')).toHaveLength(paths.length);
      for (const file of emitted) {
        expect(validate(JSON.parse(String(file.content))), `${file.path}:\n${problems(validate)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('committed as a golden file matches its schema', () => {
    const goldens = files(DOCUMENTS, (name) => name === 'plan.json');
    expect(goldens.length).toBeGreaterThanOrEqual(4);
    for (const path of goldens) expect(validate(JSON.parse(readFileSync(path, 'utf8'))), `${path}:\n${problems(validate)}`).toBe(true);
  });

  it('admits no field its schema does not list', () => {
    const validate = planJsonValidator();
    const [path] = files(DOCUMENTS, (name) => name === 'plan.json');
    const json = JSON.parse(readFileSync(path!, 'utf8')) as { tasks: Array<Record<string, unknown>> };
    json.tasks[0]!.undocumented = true;
    expect(validate(json)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', instancePath: '/tasks/0' }));
  });
});
