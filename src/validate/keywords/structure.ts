// Lists that repeat an item, and properties a schema forbids beside others.
import { conflictingProperties, duplicateItem, schemaViolation } from '../../diagnostics/catalogue.ts';
import { decodePointer, joinPointer } from '../../util/pointer.ts';
import { finding, type KeywordHandler } from './keyword.ts';

export const uniqueItems: KeywordHandler = ({ error, source, pointer, params, at }) => {
  const later = Math.max(Number(params.i), Number(params.j));
  const earlier = Math.min(Number(params.i), Number(params.j));
  const item = joinPointer(pointer, later);
  const value = (error.data as unknown[])[later];
  const result = finding(duplicateItem, { value: typeof value === 'string' ? value : JSON.stringify(value) }, at(source.valueSpan(item), item));
  result.related.push({ message: 'first here', location: at(source.valueSpan(joinPointer(pointer, earlier)), joinPointer(pointer, earlier)) });
  return result;
};

/** `false` schemas: the schema's way (with dependentSchemas) to forbid `effort` beside `duration`. */
export const falseSchema: KeywordHandler = ({ error, source, pointer, at }) => {
  const match = /dependentSchemas\/([^/]+)\/properties\/([^/]+)\/false schema$/.exec(error.schemaPath);
  if (match) {
    const property = decodePointer(`/${match[2]!}`)[0]!;
    return finding(conflictingProperties, { property, with: decodePointer(`/${match[1]!}`)[0]! }, at(source.keySpan(pointer)));
  }
  return finding(schemaViolation, { detail: 'This value is not allowed here' }, at(source.keySpan(pointer)));
};
