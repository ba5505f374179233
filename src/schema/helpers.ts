// Small builders for planc's schemas, on TypeBox. Each one takes a title and a description,
// so a property without editor help cannot be written (test/schema.test.ts checks the
// result), and each returns a TypeBox type, so what a schema admits is `Static<typeof …>`
// and never typed again by hand.
//
// Why TypeBox: its builders return plain JSON Schema objects that ajv compiles as they are
// (TypeBox's own bookkeeping, `~kind` and `~optional`, is non-enumerable, so it is neither
// in the JSON nor seen by ajv), and `Type.Unsafe<T>` carries the shapes planc writes on
// purpose and TypeBox has no builder for: a union *type* (`type: ['number', 'string']`,
// with each type's keywords side by side) instead of `anyOf`, `dependentSchemas`, `$ref`s
// into `$defs`. json-schema-to-ts would infer types from the JSON itself, but only from an
// `as const` literal, which the builders below (titles forced, enum docs generated) cannot
// be. TypeBox costs about 150 ms to load, so only the definitions, and the scripts and
// tests that use them, import it: planc reads the generated files (see generated.ts).
import {
  Type,
  type Static,
  type TArray,
  type TBoolean,
  type TInteger,
  type TNumber,
  type TObject,
  type TOptional,
  type TSchema,
  type TString,
  type TUnsafe,
} from 'typebox';
import { ID_PATTERN, REF_PATTERN } from './patterns.ts';

export type JsonSchema = { [keyword: string]: unknown };

export interface Documented {
  title: string;
  description: string;
}

export { DURATION_PATTERN, ID_PATTERN, LAG_PATTERN, MAX_DAYS, REF_PATTERN } from './patterns.ts';

/**
 * The keys of a schema in reading order: `lead` first (the title and description, then the
 * keywords that say what it is), the rest as given, examples last. TypeBox puts `type` first;
 * the committed schema has always opened each property with its title. TypeBox's own
 * non-enumerable keys are kept as they are.
 */
function arrange<T extends TSchema>(schema: T, lead: readonly string[]): T {
  const descriptors = Object.getOwnPropertyDescriptors(schema);
  const first = lead.filter((key) => key in descriptors);
  const rest = Object.keys(descriptors).filter((key) => !first.includes(key) && key !== 'examples');
  const order = [...first, ...rest, ...('examples' in descriptors ? ['examples'] : [])];
  return Object.defineProperties({}, Object.fromEntries(order.map((key) => [key, descriptors[key]!]))) as T;
}

const TYPED = ['title', 'description', 'type'];

/** A JSON Schema fragment written as is (keys in the order written), admitting values of type `T`. */
export function fragment<T>(schema: JsonSchema): TUnsafe<T> {
  return Type.Unsafe<T>(schema);
}

/** Text with no rule of its own but what `extra` says (a pattern, a format). */
export function string(d: Documented, extra: JsonSchema = {}): TString {
  return arrange(Type.String({ title: d.title, description: d.description, ...extra }), TYPED);
}

/** A one-line piece of plain text (titles, names). */
export function text(d: Documented, extra: JsonSchema = {}): TString {
  return string(d, { minLength: 1, ...extra });
}

export function number(d: Documented, extra: JsonSchema = {}): TNumber {
  return arrange(Type.Number({ title: d.title, description: d.description, ...extra }), TYPED);
}

export function integer(d: Documented, extra: JsonSchema = {}): TInteger {
  return arrange(Type.Integer({ title: d.title, description: d.description, ...extra }), TYPED);
}

export function boolean(d: Documented, extra: JsonSchema = {}): TBoolean {
  return arrange(Type.Boolean({ title: d.title, description: d.description, ...extra }), TYPED);
}

/** Longer text; rendered as markdown where the documents show it. */
export function markdown(d: Documented, extra: JsonSchema = {}): TString {
  return text(d, extra);
}

export function list<T extends TSchema>(d: Documented, items: T, extra: JsonSchema = {}): TArray<T> {
  return arrange(Type.Array(items, { title: d.title, description: d.description, ...extra }), [...TYPED, 'items']);
}

export function textList(d: Documented, itemTitle: string, extra: JsonSchema = {}): TArray<TString> {
  return list(d, Type.String({ minLength: 1, title: itemTitle, description: itemTitle }), extra);
}

type Properties = Record<string, TSchema>;
/** The properties with every one not in `Required` marked optional, as TypeBox reads them. */
export type WithOptional<P extends Properties, Required extends keyof P> = {
  -readonly [K in keyof P]: K extends Required ? P[K] : TOptional<P[K]>;
};

function withOptional<P extends Properties, R extends keyof P & string>(properties: P, required: readonly R[]): WithOptional<P, R> {
  for (const name of required) if (!(name in properties)) throw new Error(`required property \`${name}\` is not defined`);
  return Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, (required as readonly string[]).includes(name) ? schema : Type.Optional(schema)]),
  ) as WithOptional<P, R>;
}

/** A mapping with the given properties and no others; `required` lists the ones it must hold. */
export function object<P extends Properties, const R extends keyof P & string = never>(
  d: Documented,
  properties: P,
  required: readonly R[] = [],
  extra: JsonSchema = {},
): TObject<WithOptional<P, R>> {
  const schema = Type.Object(withOptional(properties, required), { title: d.title, description: d.description, additionalProperties: false, ...extra });
  return arrange(schema, [...TYPED, 'properties', 'required', 'additionalProperties']);
}

/**
 * Text or a mapping, in one schema (`type: ['string', 'object']`, the keywords of each type
 * side by side), not an `anyOf` of two: ajv then reports one precise error, not both
 * branches' failures.
 */
export function textOrObject<P extends Properties, const R extends keyof P & string = never>(
  d: Documented,
  textKeywords: JsonSchema,
  properties: P,
  required: readonly R[] = [],
  extra: JsonSchema = {},
): TUnsafe<string | Static<TObject<WithOptional<P, R>>>> {
  const shape = Type.Object(withOptional(properties, required));
  return fragment({
    title: d.title,
    description: d.description,
    type: ['string', 'object'],
    ...textKeywords,
    properties: shape.properties,
    ...(required.length ? { required: shape.required } : {}),
    additionalProperties: false,
    ...extra,
  });
}

/** A mapping from free keys (owners, rule names) to values of one schema. */
export function record<T extends TSchema>(d: Documented, values: T, extra: JsonSchema = {}): TUnsafe<Record<string, Static<T>>> {
  return fragment({ title: d.title, description: d.description, type: 'object', additionalProperties: values, ...extra });
}

/**
 * An enumeration whose every value is documented, for hover and completion. The values are
 * listed by the editor from `markdownEnumDescriptions` (yaml-language-server appends them
 * to the hover), so the description does not list them again.
 */
export function oneOfValues<const V extends string>(
  d: Documented,
  values: ReadonlyArray<readonly [V, string]>,
  extra: JsonSchema = {},
): TUnsafe<V> {
  return fragment({
    title: d.title,
    description: d.description,
    type: 'string',
    enum: values.map(([value]) => value),
    markdownEnumDescriptions: values.map(([, meaning]) => meaning),
    enumDescriptions: values.map(([, meaning]) => meaning),
    ...extra,
  });
}

/** The values of an enumeration defined elsewhere, documented anew for another place. */
export function sameValues<V extends string>(d: Documented, enumeration: TUnsafe<V>, extra: JsonSchema = {}): TUnsafe<V> {
  return fragment({ title: d.title, description: d.description, type: 'string', enum: (enumeration as unknown as JsonSchema).enum, ...extra });
}

/** Markdown in a description: code, emphasis, a link. */
const MARKDOWN = /`|\*\*|\]\(/;

/**
 * The keywords editors read, derived from what a schema says, in every subschema: a
 * description with markdown in it gets a `markdownDescription` (editors that render it
 * show code as code; the plain one stays for the others), and a pattern described for
 * planc's own messages (`patternDescription`) gets the message yaml-language-server shows
 * instead of the raw pattern (`patternErrorMessage`). Each is placed after what it comes
 * from; TypeBox's non-enumerable keys are kept.
 */
function forEditors<T>(schema: T): T {
  if (!schema || typeof schema !== 'object') return schema;
  const descriptors = Object.getOwnPropertyDescriptors(schema);
  const result: PropertyDescriptorMap = {};
  const added = (value: string): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true });
  for (const [key, descriptor] of Object.entries(descriptors)) {
    const value: unknown = descriptor.value;
    let walked = value;
    if (descriptor.enumerable && value && typeof value === 'object') {
      if (SCHEMA_MAPS.has(key)) walked = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, forEditors(child)]));
      else if (SCHEMA_LISTS.has(key)) walked = (value as unknown[]).map(forEditors);
      else if (SCHEMAS.has(key)) walked = forEditors(value);
    }
    result[key] = { ...descriptor, value: walked };
    if (key === 'description' && typeof value === 'string' && MARKDOWN.test(value) && !('markdownDescription' in descriptors)) result.markdownDescription = added(value);
    if (key === 'patternDescription' && !('patternErrorMessage' in descriptors)) result.patternErrorMessage = added(`Expected ${String(value)}.`);
  }
  return Object.defineProperties({}, result) as T;
}

/** The keywords whose value is a schema, a list of schemas, or a mapping of names to schemas (the others hold values). */
const SCHEMAS = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'dependentSchemas', 'patternProperties']);

/**
 * A whole schema document: `$schema` and `$id`, the root mapping, and the `$defs` its
 * references point into; with the keywords editors read derived in every part (forEditors).
 */
export function schemaDocument<P extends Properties, const R extends keyof P & string = never>(
  meta: Documented & { $id: string },
  properties: P,
  required: readonly R[] = [],
  defs: Properties = {},
): TObject<WithOptional<P, R>> {
  const schema = Type.Object(withOptional(properties, required), {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: meta.$id,
    title: meta.title,
    description: meta.description,
    additionalProperties: false,
    ...(Object.keys(defs).length ? { $defs: defs } : {}),
  });
  return forEditors(arrange(schema, ['$schema', '$id', ...TYPED, 'additionalProperties', 'required', 'properties', '$defs']));
}

/** A documented reference to `defs[name]`, written `#/$defs/<name>`; its type is the definition's. */
export function ref<D extends Properties, K extends keyof D & string>(defs: D, name: K, d: Documented): TUnsafe<Static<D[K]>> {
  return fragment({ $ref: `#/$defs/${name}`, title: d.title, description: d.description });
}

/** A bare reference to `defs[name]`, for list items (the list carries the documentation). */
export function use<D extends Properties, K extends keyof D & string>(defs: D, name: K): TUnsafe<Static<D[K]>> {
  return fragment({ $ref: `#/$defs/${name}` });
}

/** An id, with an example of its own kind (an editor's completion offers it: a phase's must not be a task's). */
export function id(d: Documented, example: string): TString {
  return text(d, {
    pattern: ID_PATTERN,
    maxLength: 64,
    patternDescription: 'a slug: lowercase letters, digits and hyphens, starting with a letter or digit',
    examples: [example],
  });
}

export function refList(d: Documented, example: string[]): TArray<TString> {
  return list(
    d,
    Type.String({
      title: 'Reference',
      description: 'The id of an item of this plan, or `other-plan#item-id` for an item of another plan.',
      pattern: REF_PATTERN,
      patternDescription: 'an id (`item-id`) or a cross-plan reference (`other-plan#item-id`)',
    }),
    { uniqueItems: true, examples: [example] },
  );
}
