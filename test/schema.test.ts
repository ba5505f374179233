import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/config-schema.ts';
import { schemaFiles } from '../src/schema/files.ts';
import { generatedSchema } from '../src/schema/generated.ts';
import { planSchema } from '../src/schema/plan-schema.ts';
import { createAjv } from '../src/validate/ajv.ts';
import { ROOT } from './helpers/repo.ts';

type Schema = Record<string, unknown>;

const planJsonSchema = generatedSchema('plan-json.schema.json');

/** Every subschema that describes a property, with its path. */
function properties(schema: Schema, path = '#'): Array<[string, Schema]> {
  const found: Array<[string, Schema]> = [];
  const visit = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    const object = node as Schema;
    for (const [name, child] of Object.entries((object.properties as Record<string, Schema>) ?? {})) {
      found.push([`${at}/properties/${name}`, child]);
      visit(child, `${at}/properties/${name}`);
    }
    for (const key of ['items', 'additionalProperties']) if (typeof object[key] === 'object') visit(object[key], `${at}/${key}`);
    for (const [name, child] of Object.entries((object.$defs as Record<string, Schema>) ?? {})) visit(child, `${at}/$defs/${name}`);
  };
  visit(schema, path);
  return found;
}

describe('the plan schema', () => {
  it('compiles with ajv in strict mode', () => {
    expect(() => createAjv().compile(planSchema)).not.toThrow();
    expect(() => createAjv().compile(configSchema)).not.toThrow();
    expect(() => createAjv().compile(planJsonSchema)).not.toThrow();
  });

  it.each(Object.keys(schemaFiles()))('%s is committed as generated (run `npm run schema` after changing src/schema)', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(schemaFiles()[file]);
  });

  it.each([
    ['plan', planSchema, 150],
    ['config', configSchema, 25],
    ['plan.json', planJsonSchema, 200],
  ] as const)('%s schema: documents every property with a title and a description, for editor hover', (_, root, least) => {
    const all = properties(root);
    expect(all.length).toBeGreaterThan(least);
    for (const [path, schema] of all) {
      expect(typeof schema.title === 'string' && schema.title.length > 0, `${path} has no title`).toBe(true);
      expect(typeof schema.description === 'string' && schema.description.length > 5, `${path} has no description`).toBe(true);
    }
  });

  it('documents every enumerated value once: editors list them from markdownEnumDescriptions, so the description does not', () => {
    let enums = 0;
    for (const [path, schema] of [...properties(planSchema), ...properties(configSchema)]) {
      if (!Array.isArray(schema.enum)) continue;
      enums += 1;
      const docs = schema.markdownEnumDescriptions as string[] | undefined;
      expect(docs?.length, `${path} enum values undocumented`).toBe(schema.enum.length);
      for (const text of [schema.description, schema.markdownDescription]) expect(String(text ?? ''), path).not.toMatch(/^- `/m);
    }
    expect(enums).toBeGreaterThan(15);
  });

  it.each([
    ['plan', planSchema],
    ['config', configSchema],
  ] as const)('%s schema: shows editors code as code, a readable message for each pattern, examples of one type', (_, root) => {
    const all = properties(root);
    const withCode = all.filter(([, schema]) => String(schema.description).includes('`'));
    expect(withCode.length).toBeGreaterThan(root === planSchema ? 30 : 2);
    for (const [path, schema] of withCode) expect(schema.markdownDescription, path).toBe(schema.description);
    const patterned = all.filter(([, schema]) => typeof schema.pattern === 'string');
    expect(patterned.length).toBeGreaterThan(root === planSchema ? 20 : 1);
    for (const [path, schema] of patterned) expect(schema.patternErrorMessage, path).toBe(`Expected ${String(schema.patternDescription)}.`);
    // A completion offers each example: an object among strings is offered as `[object Object]`.
    for (const [path, schema] of all) {
      const examples = [schema.examples, ...(Array.isArray(schema.examples) ? schema.examples.filter(Array.isArray) : [])].filter(Array.isArray) as unknown[][];
      for (const list of examples) expect(new Set(list.map((example) => (example !== null && typeof example === 'object' ? 'object' : 'value'))).size, path).toBeLessThanOrEqual(1);
    }
  });

  it('gives each kind of id an example of its own (a phase\'s completion must not offer a task\'s id)', () => {
    const ids = properties(planSchema).filter(([path, schema]) => path.endsWith('/properties/id') && schema.pattern !== undefined && Array.isArray(schema.examples));
    expect(ids.length).toBe(12);
    const examples = ids.map(([, schema]) => (schema.examples as string[])[0]);
    expect(new Set(examples).size).toBe(ids.length);
  });

  it('validates its own examples', () => {
    const ajv = createAjv();
    ajv.addSchema(planSchema);
    let checked = 0;
    for (const [path, schema] of properties(planSchema)) {
      if (!Array.isArray(schema.examples) || schema.$ref) continue;
      const validate = ajv.getSchema(`${planSchema.$id as string}${path}`)!;
      for (const example of schema.examples) {
        expect(validate(example), `${path}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('the schema of plan.json', () => {
  it('lists the fields of every mapping, so that one emitted but not documented fails validation', () => {
    const mappings = [['#', planJsonSchema] as [string, Schema], ...properties(planJsonSchema)].filter(([, schema]) => schema.type === 'object');
    for (const [name, schema] of Object.entries(planJsonSchema.$defs as Record<string, Schema>)) mappings.push([`#/$defs/${name}`, schema]);
    expect(mappings.length).toBeGreaterThan(30);
    for (const [path, schema] of mappings) {
      const closed = schema.additionalProperties === false || typeof schema.additionalProperties === 'object';
      expect(closed, `${path} admits fields it does not list`).toBe(true);
    }
  });
});

describe('the schemas at run time', () => {
  // TypeBox takes about 150 ms to load, more than a whole `planc check`: planc reads the
  // generated JSON instead, and only these modules (the definitions and what writes their
  // files, for scripts and tests) may load TypeBox or a definition as a value.
  const DEFINITIONS = new Set([
    'src/schema/helpers.ts',
    'src/schema/plan-definition.ts',
    'src/schema/config-definition.ts',
    'src/schema/plan-json-definition.ts',
    'src/schema/plan-json-markdown.ts',
    'src/schema/files.ts',
  ]);

  /** What a module imports as a value (static and dynamic imports, value re-exports), resolved. */
  function valueImports(file: string): string[] {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const statements = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)];
    return statements.map(([, specifier]) =>
      specifier!.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier!)).split('\\').join('/') : specifier!,
    );
  }

  it('keeps TypeBox and the definitions out of every other module of planc', () => {
    const modules = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
    expect(modules.length).toBeGreaterThan(50);
    const offending = modules
      .filter((file) => !DEFINITIONS.has(file))
      .flatMap((file) => valueImports(file).filter((target) => target === 'typebox' || target.startsWith('typebox/') || DEFINITIONS.has(target)).map((target) => `${file} → ${target}`));
    expect(offending).toEqual([]);
    expect(valueImports('src/schema/plan-definition.ts')).toContain('typebox');
  });
});

describe('generated documentation', () => {
  it('docs/diagnostics.md is committed as generated (run `npm run docs` after changing the catalogue)', async () => {
    const { diagnosticsMarkdown } = await import('../src/diagnostics/markdown.ts');
    expect(readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8')).toBe(diagnosticsMarkdown());
  });
});
