// The repair loop an agent runs over MCP: `check` → `fix` → `check`, on plans with the
// mistakes models make (fixtures/repair/). What `fix` repairs alone and what is left for a
// model is recorded in fixtures/repair/results.md (a golden file: UPDATE=1 writes it), whose
// figures the README quotes; and every finding left must say what to write.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from './helpers/golden.ts';
import { connect, structured, type McpConnection } from './helpers/mcp.ts';
import { ROOT, tempRepos } from './helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'repair');

/** What each plan of the corpus gets wrong. */
const MISTAKES: Record<string, string> = {
  'misspelt-keys': 'misspelt keys (`titel`, `duraton`, `ownr`, `depends_on`, `stauts`)',
  'misspelt-values': 'misspelt and mis-cased values (`aproved`, `Implementation`, `in progress`, `l`, `ss`, `hi`, `med`), and `effort: medium`',
  'missing-ids': 'phases, tasks and a milestone without ids',
  'not-slugs': 'ids that are not slugs (`Build_Phase`, `SearchIndex`, `Search API`, `Live!`) and references to them',
  'titles-as-dependencies': 'dependencies on titles instead of ids, one naming nothing',
  'durations-in-words': 'durations like `3 days`, `1 week`, `4 hours`, a lag of `1 day`, and `half a day`',
  cycle: 'a dependency cycle',
  'markdown-fence': 'the YAML wrapped in a markdown fence',
  'model-draft': 'a chat answer: text, a fenced plan with misspelt values, ids, durations and keys, an irreversible task without recovery',
  'json-not-yaml': 'JSON instead of YAML, with a misspelt key and a duration in words',
  tabs: 'tabs for indentation',
  'yaml-1-1-words': '`yes` and `no` as YAML 1.1 booleans',
  'wrong-shapes': 'text where a list belongs, a mapping of tasks instead of a list',
  'unknown-dependency': 'a dependency on a task that does not exist',
  'risks-and-estimates': 'no rollback, a critical risk without mitigation, an estimate out of order, a task without a length',
};

interface Report {
  summary: { errors: number; warnings: number };
  diagnostics: Array<{ code: string; severity: string; message: string; help?: string; range: { start: { line: number; column: number } } }>;
}

/** A help line says what to write: it names something to write (in backticks), or starts by saying what to write. */
const SAYS_WHAT_TO_WRITE = /`[^`]+`|^(Write|Add|Give|Remove|Delete|Replace|Quote|Rename|Indent|Split)\b/;

describe('the repair loop over MCP (check → fix → check)', () => {
  let mcp: McpConnection;
  const repos = tempRepos();
  beforeAll(async () => {
    mcp = await connect(repos().dir);
  });
  afterAll(() => mcp?.close());

  it('repairs what is certain, leaves the rest with help that says what to write, and records the figures', async () => {
    const names = readdirSync(FIXTURES).filter((file) => file.endsWith('.plan.yaml')).map((file) => file.replace(/\.plan\.yaml$/, '')).sort();
    expect(names).toEqual(Object.keys(MISTAKES).sort());
    const rows: string[] = [];
    const left: string[] = [];
    let clean = 0;
    let before = 0;
    let after = 0;
    for (const name of names) {
      const text = readFileSync(join(FIXTURES, `${name}.plan.yaml`), 'utf8');
      const path = `plans/${name}.plan.yaml`;
      const first = structured<Report>(await mcp.call('check', { text, path }));
      const fixed = structured<Report & { text: string; applied: unknown[] }>(await mcp.call('fix', { text, path }));
      const last = structured<Report>(await mcp.call('check', { text: fixed.text, path }));
      // `fix` says what is left; checking its text again says the same.
      expect(last.diagnostics, name).toEqual(fixed.diagnostics);
      expect(first.summary.errors, name).toBeGreaterThan(0);
      for (const d of last.diagnostics) {
        expect(d.help, `${name}: ${d.code} ${d.message}`).toMatch(SAYS_WHAT_TO_WRITE);
        left.push(`${name} ${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message} — ${d.help}`);
      }
      const errors = last.summary.errors;
      if (errors === 0) clean += 1;
      before += first.summary.errors;
      after += errors;
      const model = [...new Set(last.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].join(', ');
      rows.push(`| ${name} | ${MISTAKES[name]} | ${first.summary.errors} | ${fixed.applied.length} | ${errors} | ${errors === 0 ? 'no' : `yes: ${model}`} |`);
    }
    const summary = `${clean} of ${names.length} plans reach zero errors with \`fix\` alone; ${names.length - clean} need a model. Errors: ${before} before, ${after} after.`;
    expectGolden(
      join(FIXTURES, 'results.md'),
      [
        '# The repair loop: check → fix → check',
        '',
        'Written by test/mcp-repair.test.ts (`UPDATE=1 npm test`), over MCP with the SDK\'s client.',
        '',
        summary,
        '',
        '| plan | mistakes | errors | fixes applied | errors left | needs a model |',
        '| - | - | -: | -: | -: | - |',
        ...rows,
        '',
        'What is left, and its help:',
        '',
        ...left.map((line) => `- ${line}`),
        '',
      ].join('\n'),
    );
    // The README quotes the figures.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`${clean} of ${names.length} plans reach zero errors with \`fix\` alone (${before} errors before, ${after} after)`);
  }, 120_000);
});
