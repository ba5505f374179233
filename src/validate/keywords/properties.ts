// Properties: one that the schema does not know (with "did you mean"), one that is missing.
import { missingProperty, unknownProperty } from '../../diagnostics/catalogue.ts';
import type { JsonSchema } from '../../schema/helpers.ts';
import { decodePointer, joinPointer } from '../../util/pointer.ts';
import { scalarFix } from '../../diagnostics/fix.ts';
import { closestMatch } from '../../util/suggest.ts';
import type { Fix } from '../../diagnostics/types.ts';
import type { YamlSource } from '../../load/yaml-nodes.ts';
import { missingIdFix, type DocumentFacts } from './fixes.ts';
import { finding, type KeywordHandler } from './keyword.ts';

/** "the plan", "task `code`", "the rollout" — how messages name the object at a pointer. */
function objectName(schema: JsonSchema, data: unknown, pointer: string): string {
  if (pointer === '') return `the ${String(schema.title ?? 'document').replace(/^planc /, '')}`;
  const title = String(schema.title ?? 'this mapping').toLowerCase();
  const id = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? `${title} \`${id}\`` : /^\d+$/.test(decodePointer(pointer).at(-1) ?? '') ? `this ${title}` : `the ${title}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const additionalProperties: KeywordHandler = ({ error, source, pointer, parent, params, at }) => {
  const property = String(params.additionalProperty);
  const allowed = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
  const { suggestion, certain } = closestMatch(property, allowed);
  const where = joinPointer(pointer, property);
  const span = source.keySpan(where);
  // Renamed only to a key the mapping does not hold already (`titel` beside `title` is no misspelling to fix).
  const fix = suggestion !== undefined && certain && !Object.hasOwn(error.data as object, suggestion) ? scalarFix(span, suggestion, `Rename \`${property}\` to \`${suggestion}\``) : undefined;
  return finding(
    unknownProperty,
    { property, where: objectName(parent, error.data, pointer), ...(suggestion ? { suggestion } : {}), allowed },
    at(span, where),
    { object: pointer, ...(suggestion ? { suggestion } : {}), fix },
  );
};

export const required: KeywordHandler = ({ error, source, pointer, parent, params, at, facts }) => {
  const property = String(params.missingProperty);
  return finding(missingProperty, { property, where: capitalise(objectName(parent, error.data, pointer)) }, at(source.ownerSpan(pointer)), {
    object: pointer,
    missing: property,
    fix: property === 'id' ? idOf(error.data, pointer, source, facts) : undefined,
  });
};

/** The fix that gives an item without an id one, made from its name, before its first key. */
function idOf(data: unknown, pointer: string, source: YamlSource, facts: () => DocumentFacts): Fix | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const first = Object.keys(data)[0];
  if (first === undefined) return undefined;
  return missingIdFix(data as Record<string, unknown>, source.keySpan(joinPointer(pointer, first)), source.text, facts());
}
