// Fixes as data: edits of a file's text at the ranges the yaml library gives keys and
// values, so that a fix changes the text it fixes and nothing else — comments, order and
// formatting stay as written. A scalar given another value keeps its quotes; the edit is
// made concrete (`resolveFix`) when the file's text is at hand.
import { YAML11_BOOLEANS } from '../util/yaml11.ts';
import type { SourceText } from './source.ts';
import type { Fix, ResolvedFix, ScalarEdit, Span, TextEdit } from './types.ts';

/** What YAML's core schema would read as a number. */
const NUMBER_LIKE = /^[-+]?(0x[0-9a-f]+|0o[0-7]+|[0-9]*\.?[0-9]+(e[-+]?[0-9]+)?|\.inf|\.nan)$/i;
/** What it would read as a boolean or as nothing. */
const CORE_WORDS = /^(true|false|null|~)$/i;

/** Whether `value` reads as that text written plain, in a block or a flow collection alike. */
function plainSafe(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.#-]*$/.test(value) && !NUMBER_LIKE.test(value) && !CORE_WORDS.test(value) && !YAML11_BOOLEANS.has(value);
}

/**
 * `value` as a scalar in the style of `written`, the scalar it replaces: double or single
 * quotes as there, else plain when the value reads as text plain, else double-quoted (YAML's
 * double quotes take JSON's escapes). Undefined for what is not edited in place: a block
 * scalar, a value behind an anchor or a tag, an alias.
 */
function scalarLike(written: string, value: string): string | undefined {
  const first = written[0];
  if (first === '"') return JSON.stringify(value);
  if (first === "'") return `'${value.replaceAll("'", "''")}'`;
  if (first === undefined || '|>&!*'.includes(first)) return undefined;
  return plainSafe(value) ? value : JSON.stringify(value);
}

/** A fix that gives the scalar at `span` the value `value`. */
export function scalarFix(span: Span, value: string, description: string): Fix {
  return { description, edits: [{ span: { start: span.start, end: span.end }, scalar: value }] };
}

/** A fix of plain edits. */
export function textFix(edits: TextEdit[], description: string): Fix {
  return { description, edits };
}

function isScalarEdit(edit: TextEdit | ScalarEdit): edit is ScalarEdit {
  return 'scalar' in edit;
}

/**
 * A fix with lines and columns, its scalar edits written out against the file's text; none
 * when an edit cannot be made there (a block scalar, an alias) or would change nothing.
 */
export function resolveFix(fix: Fix, source: SourceText | undefined): ResolvedFix | undefined {
  if (!source) return undefined;
  const edits: ResolvedFix['edits'] = [];
  let changes = false;
  for (const edit of fix.edits) {
    let text: string;
    if (isScalarEdit(edit)) {
      if (edit.span.end <= edit.span.start) return undefined;
      const written = source.text.slice(edit.span.start, edit.span.end);
      const replacement = scalarLike(written, edit.scalar);
      if (replacement === undefined) return undefined;
      text = replacement;
      if (replacement !== written) changes = true;
    } else {
      text = edit.text;
      if (edit.span.end > edit.span.start || text !== '') changes = true;
    }
    edits.push({ range: source.range(edit.span), text });
  }
  return changes ? { description: fix.description, edits } : undefined;
}

/** `text` with `edits` made (sorted by position, none overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return result + text.slice(at);
}
