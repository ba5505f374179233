// The authoring guide: made from the schema, the catalogue and the bundled plans, so it
// says every property and every rule, and never drifts from docs/guide.md; short enough
// for a model's context.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { authoringGuide, guideMarkdown } from '../src/api/guide.ts';
import { catalogue } from '../src/diagnostics/catalogue.ts';
import { parseYaml } from '../src/load/parse.ts';
import type { JsonSchema } from '../src/schema/helpers.ts';
import { planSchema } from '../src/schema/plan-schema.ts';
import { cli } from './helpers/cli.ts';
import { ROOT, tempRepos } from './helpers/repo.ts';

// The parser, watched (it still parses): the guide reads each bundled plan once.
vi.mock('../src/load/parse.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/load/parse.ts')>();
  return { ...actual, parseYaml: vi.fn(actual.parseYaml) };
});

const repos = tempRepos();

/** Every property name of the plan schema, at any depth. */
function propertyNames(schema: JsonSchema, found = new Set<string>()): Set<string> {
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    found.add(name);
    propertyNames(property, found);
  }
  if (schema.items && typeof schema.items === 'object') propertyNames(schema.items as JsonSchema, found);
  for (const part of Object.values((schema.$defs ?? {}) as Record<string, JsonSchema>)) propertyNames(part, found);
  return found;
}

describe('planc guide', () => {
  const markdown = guideMarkdown();

  it('is docs/guide.md, as `npm run docs` writes it', () => {
    expect(readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8')).toBe(markdown);
  });

  it('is under 6,000 words', () => {
    expect(markdown.split(/\s+/).filter(Boolean).length).toBeLessThan(6000);
  });

  it('names every property of the language, every rule and both bundled plans', () => {
    const guide = authoringGuide();
    const written = new Set([...guide.sections, ...guide.parts].flatMap((section) => section.properties.map((p) => p.path.split(/\[\]\.|\./).at(-1)!)));
    expect([...propertyNames(planSchema)].filter((name) => name !== '$schema' && !written.has(name) && !guide.sections.some((s) => s.path.replace('[]', '') === name))).toEqual([]);
    expect(guide.rules.map((rule) => rule.code)).toEqual(catalogue.map((d) => d.code));
    for (const d of catalogue) expect(markdown).toContain(`\`${d.code}\` ${d.name}`);
    expect(guide.examples.map((example) => example.file)).toEqual(['plans/jwt-auth-refactor.plan.yaml', 'plans/session-store-migration.plan.yaml']);
    for (const example of guide.examples) {
      const text = readFileSync(join(ROOT, example.file), 'utf8');
      for (const excerpt of example.excerpts) expect(text, excerpt.caption).toContain(excerpt.yaml);
    }
    expect(markdown).toContain('1. Start from a template');
    expect(markdown).toMatch(/\(`planc fix plans\/<id>\.plan\.yaml`; MCP tool `fix`\)/);
    // Enumerations are listed with their values.
    expect(markdown).toContain('- `tasks[].status` (one of `todo` `in-progress` `done` `blocked` `cancelled`): Where the task stands.');
  });

  it('parses each bundled plan once, for what it holds and for its excerpts', () => {
    vi.mocked(parseYaml).mockClear();
    authoringGuide();
    expect(vi.mocked(parseYaml).mock.calls.map((call) => call[1])).toEqual(['plans/jwt-auth-refactor.plan.yaml', 'plans/session-store-migration.plan.yaml']);
  });

  it('prints markdown, or the same content as JSON', async () => {
    const { dir } = repos();
    expect(await cli(['guide'], { cwd: dir })).toEqual({ status: 0, stdout: markdown, stderr: '' });
    const json = await cli(['guide', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(authoringGuide())));
    expect(await cli(['guide', '--format', 'html'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'planc: unknown format `html`\nFormats: markdown, json.\n' });
  });
});
