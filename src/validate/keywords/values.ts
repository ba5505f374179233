// A value of the wrong type, not among the allowed ones, or of the wrong form.
import { invalidEnum, invalidFormat, wrongType } from '../../diagnostics/catalogue.ts';
import type { JsonSchema } from '../../schema/helpers.ts';
import { scalarFix, textFix } from '../../diagnostics/fix.ts';
import type { Fix, Span } from '../../diagnostics/types.ts';
import { closestMatch } from '../../util/suggest.ts';
import { article } from '../../util/words.ts';
import { YAML11_BOOLEANS } from '../../util/yaml11.ts';
import { durationFix, idFix, referenceFix } from './fixes.ts';
import { finding, type KeywordHandler } from './keyword.ts';

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
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}

/** Whether `text` meets the string rules of `schema` (its pattern, format and allowed values). */
function acceptsText(schema: JsonSchema, text: string): boolean {
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(text)) return false;
  if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(text)) return false;
  return true;
}

function typePayload(expected: string[], data: unknown, schema: JsonSchema): { expected: string[]; actual: string; hint?: string } {
  const words = expected.map((type) => TYPE_WORDS[type] ?? type);
  let hint: string | undefined;
  if (data === null || data === undefined) hint = 'Give it a value, or remove the key.';
  else if (expected.includes('boolean') && typeof data === 'string' && YAML11_BOOLEANS.has(data)) {
    hint = `planc reads YAML 1.2, where \`${data}\` is text: write \`${String(YAML11_BOOLEANS.get(data))}\`.`;
  } else if (expected.includes('array') && !Array.isArray(data) && typeof data !== 'object') {
    hint = 'Write a list: `[first, second]`, or one `- item` per line.';
  } else if (expected.includes('array') && !Array.isArray(data)) {
    hint = 'Write a list: start each entry with `- ` (`- { id: first, title: First }`), not `key: value`.';
  } else if (expected.includes('object') && !expected.includes('string')) {
    hint = 'Write a mapping: `key: value` lines indented below it, or `{ key: value }`.';
  } else if (expected.includes('string') && typeof data === 'object') {
    hint = 'Write text: quote it (`"…"`) if it starts with `[`, `{` or `- `, or holds `: `.';
  } else if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    // Quoting helps only when the text would do: `id: 5` → "5", not `duration: true` →
    // "true", which is no duration either.
    if (acceptsText(schema, String(data))) hint = `Quote it to make it text: "${String(data)}".`;
    else if (typeof schema.patternDescription === 'string') hint = `Write ${schema.patternDescription}.`;
    else if (schema.format === 'date') hint = 'Write a date as YYYY-MM-DD.';
  }
  return { expected: words, actual: typeOf(data), ...(hint ? { hint } : {}) };
}

/** The scalar written at `span`, when it is written plain (not quoted, no block, anchor, tag or alias). */
function plainText(text: string, span: Span): string | undefined {
  const written = text.slice(span.start, span.end);
  return written !== '' && !'"\'|>&!*'.includes(written[0]!) ? written : undefined;
}

/**
 * The certain fixes of a value of the wrong type: a YAML 1.1 word where a boolean belongs
 * (`no` → `false`), a number or boolean where text belongs quoted as written (`id: 5` →
 * `"5"`), when the text is what the property takes; one text where a list of texts belongs
 * made a list of it (`goals: Ship it` → `goals: [Ship it]`).
 */
function typeFix(expected: string[], data: unknown, schema: JsonSchema, text: string, span: Span): Fix | undefined {
  const listed = listFix(expected, data, schema, text, span);
  if (listed) return listed;
  const written = plainText(text, span);
  if (written === undefined) return undefined;
  if (expected.includes('boolean') && typeof data === 'string' && YAML11_BOOLEANS.has(data)) {
    const meaning = String(YAML11_BOOLEANS.get(data));
    return textFix([{ span, text: meaning }], `Write \`${meaning}\``);
  }
  if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean') && acceptsText(schema, written)) {
    return textFix([{ span, text: JSON.stringify(written) }], `Quote ${written} to make it text`);
  }
  return undefined;
}

/** One text, on one line, where a list of texts belongs: the same text in brackets, when a list item takes it. */
function listFix(expected: string[], data: unknown, schema: JsonSchema, text: string, span: Span): Fix | undefined {
  const items = schema.items as JsonSchema | undefined;
  if (!expected.includes('array') || typeof data !== 'string' || !items || items.type !== 'string' || !acceptsText(items, data)) return undefined;
  const written = text.slice(span.start, span.end);
  const quoted = written.startsWith('"') || written.startsWith("'");
  // Plain text in brackets must hold none of the characters that mean something there.
  if (written.includes('\n') || (!quoted && (/[,[\]{}#&*!|>'"%@`]/.test(written) || written.startsWith('- ') || written.startsWith('? ')))) return undefined;
  if (quoted && written.at(-1) !== written[0]) return undefined;
  return textFix([{ span, text: `[${written}]` }], 'Make it a list of one');
}

export const type: KeywordHandler = ({ error, source, pointer, parent, params, at }) => {
  // A value of an enum's schema that is not even of its type (`kind: 3`) also fails the
  // enum, whose message (with the allowed values) is the one problem to show.
  if (Array.isArray(parent.enum)) return undefined;
  const expected = String(params.type).split(',');
  const span = source.valueSpan(pointer);
  return finding(wrongType, typePayload(expected, error.data, parent), at(span), { fix: typeFix(expected, error.data, parent, source.text, span) });
};

export const enumeration: KeywordHandler = ({ error, source, pointer, parent, params, at }) => {
  const allowed = (params.allowedValues as unknown[]).map(String);
  const value = String(error.data);
  const { suggestion, certain } = closestMatch(value, allowed);
  const span = source.valueSpan(pointer);
  return finding(
    invalidEnum,
    { value, allowed, property: String(parent.title ?? 'value').toLowerCase(), ...(suggestion ? { suggestion } : {}) },
    at(span),
    { fix: suggestion !== undefined && certain && typeof error.data === 'string' ? scalarFix(span, suggestion, `Write \`${suggestion}\``) : undefined },
  );
};

/**
 * An item's own id (the `id` of a mapping, where no `#` is allowed), as opposed to a
 * reference to one (`dependsOn`, `after`, a dependency's `id`, a node's `group`…).
 */
function isOwnId(pointer: string, schema: JsonSchema): boolean {
  return pointer.endsWith('/id') && typeof schema.pattern === 'string' && !schema.pattern.includes('#');
}

export const pattern: KeywordHandler = ({ error, source, pointer, parent, params, at, facts }) => {
  const value = String(error.data);
  const span = source.valueSpan(pointer);
  let fix: Fix | undefined;
  if (typeof error.data === 'string') {
    const rule = new RegExp(String(params.pattern), 'u');
    fix = durationFix(value, span, rule) ?? (isOwnId(pointer, parent) ? idFix(value, span, facts(), rule) : referenceFix(value, span, facts(), rule));
  }
  return finding(
    invalidFormat,
    { value, expected: String(parent.patternDescription ?? `text matching ${String(params.pattern)}`) },
    at(span),
    { fix },
  );
};

export const format: KeywordHandler = ({ error, source, pointer, params, at }) =>
  finding(
    invalidFormat,
    { value: String(error.data), expected: params.format === 'date' ? 'a real date, written YYYY-MM-DD' : article(String(params.format)) },
    at(source.valueSpan(pointer)),
  );
