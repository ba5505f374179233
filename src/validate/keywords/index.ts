// The handler of each keyword, as ajv names them; a keyword without one (the plan schema
// uses none) falls back to PLAN2009, schema-violation.
import { schemaViolation } from '../../diagnostics/catalogue.ts';
import { finding, type KeywordHandler } from './keyword.ts';
import { bound, size } from './limits.ts';
import { additionalProperties, required } from './properties.ts';
import { falseSchema, uniqueItems } from './structure.ts';
import { enumeration, format, pattern, type } from './values.ts';

export const KEYWORDS: Readonly<Record<string, KeywordHandler>> = {
  additionalProperties,
  required,
  type,
  enum: enumeration,
  pattern,
  format,
  minimum: bound,
  maximum: bound,
  exclusiveMinimum: bound,
  exclusiveMaximum: bound,
  minLength: size,
  maxLength: size,
  minItems: size,
  maxItems: size,
  minProperties: size,
  uniqueItems,
  'false schema': falseSchema,
};

export const otherKeyword: KeywordHandler = ({ error, source, pointer, at }) =>
  finding(schemaViolation, { detail: `The value ${error.message ?? 'is not valid'}` }, at(source.valueSpan(pointer)));
