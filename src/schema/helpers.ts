// Small builders for the plan schema. Each one takes a title and a description, so a
// property without editor help cannot be written; test/schema.test.ts checks the result.

export type JsonSchema = { [keyword: string]: unknown };

export interface Documented {
  title: string;
  description: string;
}

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const REF_PATTERN = '^([a-z0-9][a-z0-9-]*#)?[a-z0-9][a-z0-9-]*$';
// At most four digits before the point: plans are not scheduled centuries ahead, and a
// bound keeps date arithmetic and simulation on sane numbers.
export const DURATION_PATTERN = '^(0|[1-9][0-9]{0,3})(\\.[0-9]+)?[hdw]$';
export const LAG_PATTERN = '^-?(0|[1-9][0-9]{0,3})(\\.[0-9]+)?[hdw]$';
/** The largest number of working days a duration or lag may be. */
export const MAX_DAYS = 10_000;

function doc(d: Documented, extra: JsonSchema = {}): JsonSchema {
  const { examples, ...rest } = extra;
  return { title: d.title, description: d.description, ...rest, ...(examples ? { examples } : {}) };
}

/** A one-line piece of plain text (titles, names). */
export function text(d: Documented, extra: JsonSchema = {}): JsonSchema {
  return doc(d, { type: 'string', minLength: 1, ...extra });
}

/** Longer text; rendered as markdown where the documents show it. */
export function markdown(d: Documented, extra: JsonSchema = {}): JsonSchema {
  return doc(d, { type: 'string', minLength: 1, markdownDescription: d.description, ...extra });
}

export function list(d: Documented, items: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return doc(d, { type: 'array', items, ...extra });
}

export function textList(d: Documented, itemTitle: string, extra: JsonSchema = {}): JsonSchema {
  return list(d, { type: 'string', minLength: 1, title: itemTitle, description: itemTitle }, extra);
}

export function object(
  d: Documented,
  properties: Record<string, JsonSchema>,
  required: string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  return doc(d, {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...extra,
  });
}

/** An enumeration whose every value is documented, for hover and completion. */
export function oneOfValues(d: Documented, values: Array<[string, string]>, extra: JsonSchema = {}): JsonSchema {
  const list = values.map(([value, meaning]) => `- \`${value}\`: ${meaning}`).join('\n');
  return doc(d, {
    type: 'string',
    enum: values.map(([value]) => value),
    markdownDescription: `${d.description}\n\n${list}`,
    markdownEnumDescriptions: values.map(([, meaning]) => meaning),
    enumDescriptions: values.map(([, meaning]) => meaning),
    ...extra,
  });
}

export function ref(name: string, d: Documented): JsonSchema {
  return { $ref: `#/$defs/${name}`, title: d.title, description: d.description };
}

export function id(d: Documented): JsonSchema {
  return text(d, {
    pattern: ID_PATTERN,
    maxLength: 64,
    patternDescription: 'a slug: lowercase letters, digits and hyphens, starting with a letter or digit',
    examples: ['token-generation'],
  });
}

export function refList(d: Documented, example: string[]): JsonSchema {
  return list(
    d,
    {
      type: 'string',
      title: 'Reference',
      description: 'The id of an item of this plan, or `other-plan#item-id` for an item of another plan.',
      pattern: REF_PATTERN,
      patternDescription: 'an id (`item-id`) or a cross-plan reference (`other-plan#item-id`)',
    },
    { uniqueItems: true, examples: [example] },
  );
}
