// Validation: the plan value against the JSON schema (ajv), with ajv's errors turned into
// one focused diagnostic per problem, placed on the YAML key or value it is about.
import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  conflictingProperties,
  duplicateItem,
  invalidEnum,
  invalidFormat,
  missingProperty,
  outOfRange,
  schemaViolation,
  unknownProperty,
  wrongType,
} from '../diagnostics/catalogue.ts';
import type { DiagnosticDefinition } from '../diagnostics/define.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { Location, RelatedInformation, Span } from '../diagnostics/types.ts';
import type { YamlSource } from '../load/yaml-nodes.ts';
import type { JsonSchema } from '../schema/helpers.ts';
import { decodePointer, joinPointer } from '../util/pointer.ts';
import { suggest } from '../util/suggest.ts';
import { YAML11_BOOLEANS } from '../util/yaml11.ts';
import { article, plural } from '../util/words.ts';

// Validators compiled ahead of time by `npm run build` (scripts/write-validators.ts), by
// schema $id: compiling the plan schema takes ajv about 100 ms, and loading ajv's compiler
// another 20, which every run would otherwise pay. Running from source there are none, and
// ajv is loaded to compile them.
const precompiled: Record<string, ValidateFunction> | undefined = await import(
  new URL('./generated/validators.js', import.meta.url).href
).then(
  (module: { validators: Record<string, ValidateFunction> }) => module.validators,
  () => undefined,
);
const compiler = precompiled ? undefined : (await import('./ajv.ts')).createAjv();

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiled?.[String(schema.$id)] ?? compiler?.compile(schema);
    if (!validate) throw new Error(`no validator was built for ${String(schema.$id)}: run \`npm run build\``);
    compiled.set(schema, validate);
  }
  return validate;
}

export interface ValidateInput {
  value: unknown;
  source: YamlSource;
  file: string;
  schema: JsonSchema;
}

/** Returns whether the value is valid; reports each problem into `diagnostics`. */
export function validate(input: ValidateInput, diagnostics: Diagnostics): boolean {
  const check = compileSchema(input.schema);
  if (check(input.value)) return true;
  const findings = (check.errors ?? []).map((error) => describe(error, input)).filter((f): f is Finding => f !== undefined);
  for (const finding of focus(findings)) {
    diagnostics.report(finding.definition as DiagnosticDefinition<unknown>, finding.payload, finding.location, finding.related);
  }
  return false;
}

interface Finding {
  definition: DiagnosticDefinition<never>;
  payload: unknown;
  location: Location;
  related: RelatedInformation[];
  /** For the focus rules: the object an unknown or missing property belongs to. */
  object?: string;
  missing?: string;
  suggestion?: string;
}

function finding<P>(
  definition: DiagnosticDefinition<P>,
  payload: P,
  location: Location,
  extra: Partial<Finding> = {},
): Finding {
  return { definition: definition as DiagnosticDefinition<never>, payload, location, related: [], ...extra };
}

function describe(error: ErrorObject, input: ValidateInput): Finding | undefined {
  const { source, file } = input;
  const pointer = error.instancePath;
  const at = (span: Span, where = pointer): Location => ({ file, span, pointer: where });
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
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
    }
    case 'required': {
      const property = String(params.missingProperty);
      return finding(missingProperty, { property, where: capitalise(objectName(parent, error.data, pointer)) }, at(source.ownerSpan(pointer)), {
        object: pointer,
        missing: property,
      });
    }
    case 'type': {
      // A value of an enum's schema that is not even of its type (`kind: 3`) also fails the
      // enum, whose message (with the allowed values) is the one problem to show.
      if (Array.isArray(parent.enum)) return undefined;
      const expected = String(params.type).split(',');
      return finding(wrongType, typePayload(expected, error.data, parent), at(source.valueSpan(pointer)));
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = String(error.data);
      const suggestion = suggest(value, allowed);
      return finding(
        invalidEnum,
        { value, allowed, property: String(parent.title ?? 'value').toLowerCase(), ...(suggestion ? { suggestion } : {}) },
        at(source.valueSpan(pointer)),
      );
    }
    case 'pattern':
      return finding(
        invalidFormat,
        { value: String(error.data), expected: String(parent.patternDescription ?? `text matching ${String(params.pattern)}`) },
        at(source.valueSpan(pointer)),
      );
    case 'format':
      return finding(
        invalidFormat,
        { value: String(error.data), expected: params.format === 'date' ? 'a real date, written YYYY-MM-DD' : article(String(params.format)) },
        at(source.valueSpan(pointer)),
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = {
        minimum: 'at least',
        maximum: 'at most',
        exclusiveMinimum: 'more than',
        exclusiveMaximum: 'less than',
      };
      return finding(
        outOfRange,
        { detail: `${String(error.data)} is out of range: it must be ${words[error.keyword]} ${String(params.limit)}` },
        at(source.valueSpan(pointer)),
      );
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties': {
      const limit = Number(params.limit);
      const detail =
        error.keyword === 'minLength'
          ? limit === 1
            ? 'The text must not be empty'
            : `The text must be at least ${limit} characters long`
          : error.keyword === 'maxLength'
            ? `The text is longer than ${limit} characters`
            : error.keyword === 'maxItems'
              ? `The list has more than ${limit} items`
              : `${error.keyword === 'minProperties' ? 'The mapping' : 'The list'} needs at least ${plural(limit, 'item')}`;
      return finding(outOfRange, { detail }, at(source.valueSpan(pointer)));
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const item = joinPointer(pointer, later);
      const value = (error.data as unknown[])[later];
      const result = finding(duplicateItem, { value: typeof value === 'string' ? value : JSON.stringify(value) }, at(source.valueSpan(item), item));
      result.related.push({
        message: 'first here',
        location: at(source.valueSpan(joinPointer(pointer, earlier)), joinPointer(pointer, earlier)),
      });
      return result;
    }
    case 'false schema': {
      const match = /dependentSchemas\/([^/]+)\/properties\/([^/]+)\/false schema$/.exec(error.schemaPath);
      if (match) {
        const property = decodePointer(`/${match[2]!}`)[0]!;
        return finding(conflictingProperties, { property, with: decodePointer(`/${match[1]!}`)[0]! }, at(source.keySpan(pointer)));
      }
      return finding(schemaViolation, { detail: 'This value is not allowed here' }, at(source.keySpan(pointer)));
    }
    default:
      return finding(schemaViolation, { detail: `The value ${error.message ?? 'is not valid'}` }, at(source.valueSpan(pointer)));
  }
}

/**
 * One focused message per problem: a missing property whose misspelling is reported as an
 * unknown property is the same problem, and ajv can report one place twice.
 */
function focus(findings: Finding[]): Finding[] {
  const suggested = new Set(
    findings.filter((f) => f.suggestion !== undefined).map((f) => `${f.object}\u0000${f.suggestion}`),
  );
  const seen = new Set<string>();
  const kept = findings.filter((f) => {
    if (f.missing !== undefined && suggested.has(`${f.object}\u0000${f.missing}`)) return false;
    // Two missing properties of one object are two problems at one place.
    const key = `${f.definition.code}\u0000${f.location.span.start}\u0000${f.location.span.end}\u0000${f.location.pointer}\u0000${f.missing ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.sort((a, b) => a.location.span.start - b.location.span.start);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  null: 'empty',
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return typeof value;
}

function typePayload(expected: string[], data: unknown, schema: JsonSchema): { expected: string[]; actual: string; hint?: string } {
  const words = expected.map((type) => TYPE_WORDS[type] ?? type);
  let hint: string | undefined;
  if (data === null || data === undefined) hint = 'Give it a value, or remove the key.';
  else if (expected.includes('boolean') && typeof data === 'string' && YAML11_BOOLEANS.has(data)) {
    hint = `planc reads YAML 1.2, where \`${data}\` is text: write \`${String(YAML11_BOOLEANS.get(data))}\`.`;
  } else if (expected.includes('array') && !Array.isArray(data) && typeof data !== 'object') {
    hint = 'Write a list: `[first, second]`, or one `- item` per line.';
  } else if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    // Quoting helps only when the text would do: `id: 5` → "5", not `duration: true` →
    // "true", which is no duration either.
    if (acceptsText(schema, String(data))) hint = `Quote it to make it text: "${String(data)}".`;
    else if (typeof schema.patternDescription === 'string') hint = `Write ${schema.patternDescription}.`;
    else if (schema.format === 'date') hint = 'Write a date as YYYY-MM-DD.';
  }
  return { expected: words, actual: typeOf(data), ...(hint ? { hint } : {}) };
}

/** Whether `text` meets the string rules of `schema` (its pattern, format and allowed values). */
function acceptsText(schema: JsonSchema, text: string): boolean {
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(text)) return false;
  if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(text)) return false;
  return true;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "the plan", "task `code`", "the rollout" — how messages name the object at a pointer. */
function objectName(schema: JsonSchema, data: unknown, pointer: string): string {
  if (pointer === '') return `the ${String(schema.title ?? 'document').replace(/^planc /, '')}`;
  const title = String(schema.title ?? 'this mapping').toLowerCase();
  const id = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? `${title} \`${id}\`` : /^\d+$/.test(decodePointer(pointer).at(-1) ?? '') ? `this ${title}` : `the ${title}`;
}
