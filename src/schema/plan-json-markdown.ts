// docs/plan-json.md, generated from the definition of plan.json: every field, its type and
// its meaning, so the documentation cannot leave one out or describe one that is not there.
import type { JsonSchema } from './helpers.ts';
import { planJsonDefinition } from './plan-json-definition.ts';

type Schema = JsonSchema & { properties?: Record<string, JsonSchema>; required?: string[] };

const root = planJsonDefinition as unknown as Schema;
const defs = root.$defs as Record<string, Schema>;

export function planJsonMarkdown(): string {
  const lines = [
    '# `plan.json`',
    '',
    '<!-- Generated from src/schema/plan-json-definition.ts by `npm run schema`; do not edit by hand. -->',
    '',
    String(root.description),
    '',
    'Its JSON Schema is [`schema/plan-json.schema.json`](../schema/plan-json.schema.json) (also',
    '`planc/schema/plan-json.schema.json` in the package). A field marked `?` is left out when',
    'it has no value; every other field is always there.',
    '',
    ...section('The plan', root),
    ...Object.values(defs).flatMap((schema) => section(String(schema.title), schema)),
  ];
  return `${lines.join('\n')}\n`;
}

function section(title: string, schema: Schema): string[] {
  const intro = schema === root ? [] : [cell(String(schema.description)), ''];
  return [`## ${title}`, '', ...intro, '| field | type | meaning |', '|---|---|---|', ...rows(schema, ''), ''];
}

/** A row per field, and the fields of mappings written in place below their own row. */
function rows(schema: Schema, prefix: string): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const optional = !(schema.required ?? []).includes(name);
    const row = `| \`${prefix}${name}${optional ? '?' : ''}\` | ${typeName(property)} | ${cell(String(property.description))} |`;
    const items = property.items as Schema | undefined;
    const inner = property.properties ? rows(property, `${prefix}${name}.`) : items?.properties ? rows(items, `${prefix}${name}[].`) : [];
    return [row, ...inner];
  });
}

function typeName(schema: Schema): string {
  if (typeof schema.$ref === 'string') {
    const target = defs[schema.$ref.replace('#/$defs/', '')]!;
    const heading = String(target.title);
    return `[${heading.toLowerCase()}](#${heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')})`;
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  switch (schema.type) {
    case 'array':
      return `list of ${typeName(schema.items as Schema)}`;
    case 'object':
      return typeof schema.additionalProperties === 'object'
        ? `mapping of names to ${typeName(schema.additionalProperties as Schema)}`
        : 'mapping';
    case 'string':
      return schema.format === 'date' ? 'date' : 'text';
    case 'integer':
      return 'whole number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return String(schema.type);
  }
}

/** Text for a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
