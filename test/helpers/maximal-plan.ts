// A maximal plan, generated from the plan schema: every property of every object present,
// every list with two items, each union type (`string | object`) in both forms across the
// items of a list, and the items of a list whose properties exclude each other
// (`dependentSchemas`) in one variant per excluded property. Every text is unique and names
// where it was written, so a value can be looked for wherever it should land.
//
// What the schema cannot say is in two small tables below: how to write text that must
// match a pattern, and what each reference must name for the plan to be valid. A new
// pattern or a new reference fails here, with its name, until a line is added.
import type { JsonSchema } from '../../src/schema/helpers.ts';
import { DURATION_PATTERN, ID_PATTERN, LAG_PATTERN, REF_PATTERN } from '../../src/schema/helpers.ts';

type Schema = JsonSchema & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  dependentSchemas?: Record<string, { properties: Record<string, false> }>;
  enum?: string[];
  $ref?: string;
};

/** A value of the document, with where it is and the schema it was written for. */
export interface Leaf {
  /** JSON pointer in the document. */
  pointer: string;
  /** The property, as a path of names with `[]` for list items: `phases[].tasks[].owner`. */
  property: string;
  schema: Schema;
  value: string | number | boolean;
}

/** How to write a text that must match a pattern, by pattern. */
const PATTERNS: Record<string, (n: number) => string> = {
  [ID_PATTERN]: (n) => `id-${n}`,
  [DURATION_PATTERN]: (n) => `${n}.5d`,
  [LAG_PATTERN]: (n) => `${n}.25d`,
  '^https?://': (n) => `https://example.com/${n}`,
};

/**
 * What each reference names, by property: the ids it may take, so that the plan has no
 * unknown reference, no wrong kind of item and no cycle (a dependency only on what was
 * written before it). A list keeps as many items as there are ids; a single reference with
 * none is left out (another item of its list has one).
 */
const REFERENCES: Record<string, (at: Context) => string[]> = {
  'phases[].dependsOn[]': (at) => at.before('phases[].id'),
  'phases[].dependsOn[].id': (at) => at.before('phases[].id'),
  'phases[].tasks[].dependsOn[]': (at) => at.before('phases[].tasks[].id'),
  'phases[].tasks[].dependsOn[].id': (at) => at.before('phases[].tasks[].id'),
  'milestones[].after[]': (at) => at.all('phases[].id'),
  'successCriteria[].verifiedBy[]': (at) => [...at.all('phases[].verification[].id'), ...at.all('verification[].id')],
  'decisions[].supersedes': (at) => at.before('decisions[].id'),
  'rollout.after[]': (at) => at.all('phases[].tasks[].id'),
  'architecture[].groups[].parent': (at) => at.before('architecture[].groups[].id', at.diagram()),
  'architecture[].nodes[].group': (at) => at.all('architecture[].groups[].id', at.diagram()),
  'architecture[].edges[].from': (at) => at.all('architecture[].nodes[].id', at.diagram()),
  'architecture[].edges[].to': (at) => at.all('architecture[].nodes[].id', at.diagram()).slice(1),
};

/** Whether the property holds a reference to another item (filled in by REFERENCES). */
function isReference(property: string): boolean {
  return property in REFERENCES;
}

/**
 * The ids a reference may take, the first one preferred (a list's item i takes the i-th):
 * those written at `property` before the reference (in this diagram, if given), or all.
 */
interface Context {
  before(property: string, diagram?: string): string[];
  all(property: string, diagram?: string): string[];
  /** The pointer of the diagram the reference is in. */
  diagram(): string;
}

export function maximalPlan(schema: JsonSchema): { document: Record<string, unknown>; leaves: Leaf[] } {
  const root = schema as Schema;
  const resolve = (node: Schema): Schema => (node.$ref ? (root.$defs as Record<string, Schema>)[node.$ref.replace('#/$defs/', '')]! : node);
  let counter = 0;
  let numbers = 0;
  const enumUses = new Map<string, number>();

  function write(node: Schema, property: string, index: number, exclude: Set<string> = new Set()): unknown {
    const schema = resolve(node);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    // A union type: the object form for even items, the other form for odd ones.
    const type = types.length === 1 ? types[0] : types.includes('object') ? (index % 2 === 0 ? 'object' : types.find((t) => t !== 'object')) : 'string';
    if (schema.enum) {
      const uses = enumUses.get(property) ?? 0;
      enumUses.set(property, uses + 1);
      const choices = schema.enum.filter((value) => value !== schema.default);
      return choices[uses % choices.length];
    }
    switch (type) {
      case 'object':
        if (schema.properties) {
          return Object.fromEntries(
            Object.entries(schema.properties)
              .filter(([name]) => !exclude.has(name))
              .map(([name, child]) => [name, write(child, join(property, name), index)]),
          );
        }
        return Object.fromEntries([1, 2].map(() => [`key-${++counter}`, write(schema.additionalProperties as Schema, `${property}{}`, 0)]));
      case 'array': {
        const items = resolve(schema.items!);
        const variants = exclusiveVariants(items);
        const count = Math.max(2, variants.length);
        return Array.from({ length: count }, (_, i) => write(items, `${property}[]`, i, variants[i % Math.max(variants.length, 1)]));
      }
      case 'string':
        counter += 1;
        if (schema.format === 'date') return new Date(Date.UTC(2027, 0, 4 + counter)).toISOString().slice(0, 10);
        if (isReference(property)) return `ref-${counter}`;
        if (schema.pattern === REF_PATTERN) throw new Error(`the maximal plan does not know what \`${property}\` refers to: add it to REFERENCES`);
        if (typeof schema.pattern === 'string') {
          const writer = PATTERNS[schema.pattern];
          if (!writer) throw new Error(`the maximal plan cannot write \`${property}\`: add its pattern ${schema.pattern} to PATTERNS`);
          return writer(counter);
        }
        return `${property} ${counter}`;
      case 'number':
      case 'integer':
        numbers += 1;
        return Math.min(numbers, typeof schema.maximum === 'number' ? schema.maximum : numbers);
      case 'boolean':
        return schema.default === true ? false : true;
      default:
        throw new Error(`the maximal plan cannot write \`${property}\` of type ${String(type)}`);
    }
  }

  const document = write(root, '', 0) as Record<string, unknown>;
  fillReferences(document, leaves(root, document));
  return { document, leaves: leaves(root, document) };
}

/** For items whose properties exclude each other: one set of properties to leave out per variant. */
function exclusiveVariants(items: Schema): Array<Set<string>> {
  const exclusions = Object.entries(items.dependentSchemas ?? {}).flatMap(([key, dependent]) =>
    Object.entries(dependent.properties).filter(([, allowed]) => allowed === false).map(([other]) => [key, other] as const),
  );
  const involved = [...new Set(exclusions.flat())];
  return involved.map((name) => new Set(exclusions.flatMap(([a, b]) => (a === name ? [b] : b === name ? [a] : []))));
}

function join(property: string, name: string): string {
  return property === '' ? name : `${property}.${name}`;
}

/** Every value of the document with its schema, in document order. */
export function leaves(schema: JsonSchema, document: unknown): Leaf[] {
  const root = schema as Schema;
  const resolve = (node: Schema): Schema => (node.$ref ? (root.$defs as Record<string, Schema>)[node.$ref.replace('#/$defs/', '')]! : node);
  const found: Leaf[] = [];
  const visit = (node: Schema, value: unknown, pointer: string, property: string) => {
    const schema = resolve(node);
    if (Array.isArray(value)) value.forEach((item, i) => visit(schema.items!, item, `${pointer}/${i}`, `${property}[]`));
    else if (value !== null && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) {
        const childSchema = schema.properties?.[name] ?? (schema.additionalProperties as Schema);
        visit(childSchema, child, `${pointer}/${name}`, schema.properties?.[name] ? join(property, name) : `${property}{}`);
      }
    } else found.push({ pointer, property, schema, value: value as Leaf['value'] });
  };
  visit(root, document, '', '');
  return found;
}

/** Gives every reference of the document an id of the kind it must name (see REFERENCES). */
function fillReferences(document: Record<string, unknown>, all: Leaf[]): void {
  const ids = all.filter((leaf) => leaf.property.endsWith('.id') || leaf.property === 'id');
  const references = all.filter((leaf) => typeof leaf.value === 'string' && leaf.value.startsWith('ref-'));
  // Last first, so that removing a list item leaves the pointers still to fill unchanged.
  for (const leaf of references.reverse()) {
    const rule = REFERENCES[leaf.property];
    if (!rule) throw new Error(`the maximal plan does not know what \`${leaf.property}\` refers to: add it to REFERENCES`);
    const diagram = /^\/architecture\/\d+/.exec(leaf.pointer)?.[0] ?? '';
    const position = all.indexOf(leaf);
    const candidates = (property: string, within?: string) =>
      ids.filter((id) => id.property === property && (within === undefined || id.pointer.startsWith(`${within}/`)));
    const targets = rule({
      // Items written before this one: not the item the reference is part of.
      before: (property, within) =>
        candidates(property, within)
          .filter((id) => all.indexOf(id) < position && !leaf.pointer.startsWith(`${id.pointer.replace(/\/id$/, '')}/`))
          .map((id) => String(id.value)),
      all: (property, within) => candidates(property, within).map((id) => String(id.value)),
      diagram: () => diagram,
    });
    // The item of a list this reference is (or is the `id` of), and its position in the list.
    const itemPointer = leaf.property.endsWith('[]') ? leaf.pointer : leaf.pointer.replace(/\/id$/, '');
    const inList = /\/(\d+)$/.exec(itemPointer);
    const index = inList ? Number(inList[1]) : 0;
    const target = targets[index];
    if (target !== undefined) set(document, leaf.pointer, target);
    else remove(document, inList ? itemPointer : leaf.pointer);
  }
}

function parts(pointer: string): string[] {
  return pointer.split('/').slice(1);
}

function set(document: unknown, pointer: string, value: unknown): void {
  const keys = parts(pointer);
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) as Record<string, unknown>;
  parent[keys.at(-1)!] = value;
}

function remove(document: unknown, pointer: string): void {
  const keys = parts(pointer);
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
  if (Array.isArray(parent)) parent.splice(Number(keys.at(-1)), 1);
  else delete (parent as Record<string, unknown>)[keys.at(-1)!];
}
