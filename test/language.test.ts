// The schema, the model, build and plan.json agree about every property of the language.
//
// At run time: a maximal plan, generated from the schema (test/helpers/maximal-plan.ts), is
// compiled through the real pipeline, and every value written in it must be found in the
// model and in plan.json, under its own name, or as the small table LANDS below says. A
// property added to the schema and dropped by build, or left out of plan.json, fails here
// with its name.
//
// At compile time: the model and plan.json's type must have a field for every property of
// the schema's types (checked by tsc, which reads this file with the rest of test/).
import { describe, expect, it } from 'vitest';
import type { Config } from '../src/config/config.ts';
import { planJson } from '../src/emit/plan-json.ts';
import type { Plan } from '../src/model/plan.ts';
import type { RawConfig } from '../src/schema/config-definition.ts';
import { DURATION_PATTERN, LAG_PATTERN, REF_PATTERN } from '../src/schema/helpers.ts';
import type { RawPlan, RawTask } from '../src/schema/plan-definition.ts';
import type { PlanJson } from '../src/schema/plan-json-definition.ts';
import { planSchema } from '../src/schema/plan-schema.ts';
import { toWorkingDays } from '../src/util/duration.ts';
import { compileYaml } from './helpers/compile.ts';
import { leaves as leavesOf, maximalPlan, type Leaf } from './helpers/maximal-plan.ts';
import { planJsonValidator, problems } from './helpers/plan-json.ts';

// ── compile time ──────────────────────────────────────────────────────────────────────────

/** The items of a list and the mapping part of a union (`string | { … }`); never for text. */
type Mapping<T> = T extends readonly (infer Item)[] ? Mapping<Item> : T extends object ? T : never;
/** The properties of `Raw`, as dotted paths, that `Model` has no field of the same name for. */
type Dropped<Raw, Model, Path extends string = ''> = {
  [K in keyof Raw & string]-?: K extends keyof Model ? DroppedBelow<Raw[K], Model[K], `${Path}${K}.`> : `${Path}${K}`;
}[keyof Raw & string];
type DroppedBelow<Raw, Model, Path extends string> = [Mapping<NonNullable<Raw>>] extends [never]
  ? never
  : [Mapping<NonNullable<Model>>] extends [never]
    ? never // text in the model for a mapping as written (an id list in plan.json)
    : string extends keyof Mapping<NonNullable<Raw>>
      ? never // a mapping of free keys (capacity, rules)
      : Dropped<Mapping<NonNullable<Raw>>, Mapping<NonNullable<Model>>, Path>;
/** Fails to compile, naming them, when there are properties in `Missing`. */
type NoneMissing<Missing extends never> = Missing;

// `$schema` is for editors; it is not part of a plan.
export type ModelHasEveryProperty = NoneMissing<Exclude<Dropped<RawPlan, Plan>, '$schema'>>;
export type PlanJsonHasEveryProperty = NoneMissing<
  Exclude<Dropped<RawPlan, PlanJson>, '$schema'> | Dropped<RawTask, PlanJson['tasks'][number]>
>;
export type ConfigHasEverySetting = NoneMissing<Dropped<RawConfig, Config>>;

// ── run time ──────────────────────────────────────────────────────────────────────────────

/** A value as it should be found in the model and in plan.json: under `key`, equal to `value`. */
interface Landing {
  key: string;
  value: unknown;
}

type Target = 'model' | 'plan.json';

/**
 * The values not copied as they are under their own name (in `only` one of the two, if
 * given). Everything else must be found under the name of the property (for a list item,
 * of the list; for a mapping of free keys, the key) with the value written.
 */
const LANDS: Array<{
  what: string;
  only?: Target;
  applies: (leaf: Leaf) => boolean;
  lands: (leaf: Leaf, name: string, document: RawPlan) => Landing | 'ignored';
}> = [
  { what: '`$schema` is for editors, not part of the plan', applies: (leaf) => leaf.property === '$schema', lands: () => 'ignored' },
  {
    what: 'a duration or a lag becomes working days',
    applies: (leaf) => leaf.schema.pattern === DURATION_PATTERN || leaf.schema.pattern === LAG_PATTERN,
    lands: (leaf, name) => ({ key: name, value: toWorkingDays(leaf.value as string) }),
  },
  {
    what: 'a reference becomes `{ id, plan? }` (the model\'s Reference, plan.json\'s reference)',
    applies: (leaf) => leaf.schema.pattern === REF_PATTERN,
    lands: (leaf) => ({ key: 'id', value: leaf.value }),
  },
  {
    what: 'a recovery written as text becomes `{ text, steps: [] }`',
    applies: (leaf) => leaf.property === 'phases[].tasks[].recovery' && typeof leaf.value === 'string',
    lands: (leaf) => ({ key: 'text', value: leaf.value }),
  },
  {
    what: 'plan.json\'s `start` is the first working day on or after the date written (docs/plan-json.md)',
    only: 'plan.json',
    applies: (leaf) => leaf.property === 'start',
    lands: (leaf, name, document) => ({ key: name, value: firstWorkingDay(String(leaf.value), document.calendar ?? {}) }),
  },
];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function firstWorkingDay(date: string, calendar: NonNullable<RawPlan['calendar']>): string {
  const day = new Date(`${date}T00:00:00Z`);
  const works = (d: Date) => (calendar.workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri']).includes(WEEKDAYS[d.getUTCDay()] as 'mon');
  while (!works(day) || (calendar.holidays ?? []).includes(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function landing(leaf: Leaf, target: Target, document: RawPlan): Landing | 'ignored' {
  const name = leaf.pointer.split('/').filter((part) => !/^\d+$/.test(part)).at(-1)!;
  const rule = LANDS.find((entry) => (entry.only ?? target) === target && entry.applies(leaf));
  return rule ? rule.lands(leaf, name, document) : { key: name, value: leaf.value };
}

/** Every plain value of a tree, by the name it is found under; a list's items under the list's. */
function valuesByName(tree: unknown): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, name: string) => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, name));
    else if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return;
      seen.add(value);
      // Where an item was written is not a value of the plan. (What a reference names once
      // linked, `target`, is an item of the plan: seen already, or seen there.)
      for (const [key, child] of Object.entries(value)) if (key !== 'location') visit(child, key);
    } else if (value !== undefined) found.set(name, [...(found.get(name) ?? []), value]);
  };
  visit(tree, '');
  return found;
}

/**
 * The properties of `document` (its `leaves`) some of whose values are not found in `tree`,
 * the model or plan.json: one line each, with the first such value.
 */
function missing(document: RawPlan, leaves: Leaf[], tree: unknown, target: Target): string[] {
  const found = valuesByName(tree);
  const same = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-6);
  const lost = new Map<string, { leaf: Leaf; key: string; count: number }>();
  for (const leaf of leaves) {
    const expected = landing(leaf, target, document);
    if (expected === 'ignored' || (found.get(expected.key) ?? []).some((value) => same(value, expected.value))) continue;
    const first = lost.get(leaf.property);
    if (first) first.count += 1;
    else lost.set(leaf.property, { leaf, key: expected.key, count: 1 });
  }
  return [...lost].map(
    ([property, { leaf, key, count }]) =>
      `${property}: ${count === 1 ? 'a value' : `${count} values`} not found under \`${key}\`, e.g. ${leaf.pointer} = ${JSON.stringify(leaf.value)}`,
  );
}

/** Every property path of the schema (`phases[].tasks[].owner`), `{}` for a mapping's free keys. */
function schemaProperties(schema: Record<string, unknown>): string[] {
  const defs = schema.$defs as Record<string, Record<string, unknown>>;
  const paths: string[] = [];
  const visit = (node: Record<string, unknown>, path: string) => {
    const resolved = typeof node.$ref === 'string' ? defs[node.$ref.replace('#/$defs/', '')]! : node;
    for (const [name, child] of Object.entries((resolved.properties as Record<string, Record<string, unknown>>) ?? {})) {
      const childPath = path === '' ? name : `${path}.${name}`;
      paths.push(childPath);
      visit(child, childPath);
    }
    if (typeof resolved.items === 'object') visit(resolved.items as Record<string, unknown>, `${path}[]`);
    if (typeof resolved.additionalProperties === 'object') visit(resolved.additionalProperties as Record<string, unknown>, `${path}{}`);
  };
  visit(schema, '');
  return paths;
}

describe('the plan language, from the schema through build to plan.json', () => {
  const { document: written, leaves } = maximalPlan(planSchema);
  const document = written as RawPlan;
  const result = compileYaml({ 'plans/maximal.plan.yaml': JSON.stringify(document, null, 2) }, { simulate: true });
  const plan = result.plans[0]!;
  const json = planJson(plan, result.analysis.plans.get(plan)!, result.diagnostics);

  it('writes a maximal plan that holds every property of the schema', () => {
    // Each property a value was written under, and the lists and mappings holding it.
    const written = new Set(
      leaves.flatMap((leaf) =>
        leaf.property.split('.').flatMap((_, i, names) => {
          const path = names.slice(0, i + 1).join('.');
          return [path, path.replace(/(\[\]|\{\})+$/, '')];
        }),
      ),
    );
    const absent = schemaProperties(planSchema).filter((path) => !written.has(path));
    expect(absent).toEqual([]);
    expect(leaves.length).toBeGreaterThan(300);
  });

  it('writes a valid plan: the pipeline reports no error about it', () => {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(result.plans).toHaveLength(1);
  });

  it('carries every value written into the model', () => {
    expect(missing(document, leaves, plan, 'model')).toEqual([]);
  });

  it('carries every value written into plan.json', () => {
    expect(missing(document, leaves, json, 'plan.json')).toEqual([]);
  });

  it('emits a plan.json that matches its schema', () => {
    const validate = planJsonValidator();
    expect(validate(JSON.parse(JSON.stringify(json))), problems(validate)).toBe(true);
  });

  it('finds a value that is left out, naming its property', () => {
    const dropped = structuredClone(json) as { capacity?: unknown };
    delete dropped.capacity;
    expect(missing(document, leaves, dropped, 'plan.json')).toEqual([expect.stringMatching(/^capacity\{\}: 2 values not found under `key-\d+`, e.g. \/capacity\/key-\d+ = 1$/)]);
    const small = { title: 'x', phases: [{ id: 'a', title: 'A', tasks: [{ id: 't', title: 'T', owner: 'someone' }] }] };
    const model = { title: 'x', phases: [{ id: 'a', title: 'A', tasks: [{ id: 't', title: 'T' }] }] };
    expect(missing(small, leavesOf(planSchema, small), model, 'model')).toEqual([
      'phases[].tasks[].owner: a value not found under `owner`, e.g. /phases/0/tasks/0/owner = "someone"',
    ]);
  });
});
