// Properties: one that the schema does not know (with "did you mean"), one that is missing.
import { missingProperty, unknownProperty } from '../../diagnostics/catalogue.ts';
import type { JsonSchema } from '../../schema/helpers.ts';
import { decodePointer, joinPointer } from '../../util/pointer.ts';
import { suggest } from '../../util/suggest.ts';
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
  const suggestion = suggest(property, allowed);
  const where = joinPointer(pointer, property);
  return finding(
    unknownProperty,
    { property, where: objectName(parent, error.data, pointer), ...(suggestion ? { suggestion } : {}), allowed },
    at(source.keySpan(where), where),
    { object: pointer, ...(suggestion ? { suggestion } : {}) },
  );
};

export const required: KeywordHandler = ({ error, source, pointer, parent, params, at }) => {
  const property = String(params.missingProperty);
  return finding(missingProperty, { property, where: capitalise(objectName(parent, error.data, pointer)) }, at(source.ownerSpan(pointer)), {
    object: pointer,
    missing: property,
  });
};
