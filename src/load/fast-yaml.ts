// The fast path of loading: js-yaml reads a plain, well-formed plan about three times
// faster than the yaml library builds its node tree, and most plans are plain and
// well-formed. It gives the value only; the positions that diagnostics need come from the
// yaml library, parsing the same text again, only for a file that has a diagnostic to show
// (src/load/yaml-nodes.ts, YamlSource).
//
// The fast path must give exactly the value the full path would, and take only files in
// which the full path would find nothing to report. So it declines (returns undefined) a
// file with anything the full path treats specially or that the two libraries might read
// differently: anchors and aliases (the alias budget), tags, merge keys, keys that are not
// plain text, YAML 1.1 boolean words, directives, tabs, several documents, content on the
// `---` line, keys over 1024 characters, deep nesting, and anything js-yaml itself
// rejects. Scalars resolve with the YAML 1.2 core schema's own rules, copied from the yaml
// library's. test/load/fast-yaml.test.ts checks that both paths agree on every YAML file
// of the repository and on generated ones.
import jsyaml from 'js-yaml';
import { YAML11_BOOLEANS } from '../util/yaml11.ts';

/** Set when a scalar the full path would report (or read otherwise) is seen. */
let declined = false;

const decline = (data: string): boolean => {
  declined = true;
  return data.length >= 0;
};

const scalar = (tag: string, resolve: (data: string) => boolean, construct: (data: string) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (data: string | null) => data !== null && resolve(data), construct });

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const FLOAT_SPECIAL = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * YAML 1.2's core schema, in the yaml library's order and with its tests, plus two
 * "types" that only make the fast path decline: plain words YAML 1.1 reads as booleans
 * (the full path warns about them) and the merge key `<<` (an error there). Implicit
 * types apply to plain scalars only, so a quoted `"no"` is just text, as it should be.
 */
const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  // One type per tag: js-yaml keeps only the last type of a tag, so each of these tries the
  // yaml library's variants (octal, decimal, hexadecimal; special, exponent, plain) in turn.
  implicit: [
    scalar('null', (data) => NULLS.has(data), () => null),
    scalar('bool', (data) => BOOLEANS.has(data), (data) => data[0] === 't' || data[0] === 'T'),
    scalar(
      'int',
      (data) => OCTAL.test(data) || DECIMAL.test(data) || HEXADECIMAL.test(data),
      (data) => (OCTAL.test(data) ? parseInt(data.slice(2), 8) : HEXADECIMAL.test(data) ? parseInt(data.slice(2), 16) : parseInt(data, 10)),
    ),
    scalar(
      'float',
      (data) => FLOAT_SPECIAL.has(data) || FLOAT_EXP.test(data) || FLOAT.test(data),
      (data) => (FLOAT_SPECIAL.has(data) ? (data.slice(-3).toLowerCase() === 'nan' ? NaN : data[0] === '-' ? -Infinity : Infinity) : parseFloat(data)),
    ),
    new jsyaml.Type('tag:planc,fast:decline', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && (YAML11_BOOLEANS.has(data) || data === '<<') && decline(data),
      construct: (data: string) => data,
    }),
  ],
});

/**
 * Text the fast path leaves to the full one, found by a look at the characters: a tab; a
 * `%` directive; a `---` or `...` line after the first (several documents, or an end);
 * content after a `---` on its line (`--- title: x`: the yaml library allows no mapping
 * or list to start there, js-yaml does); an anchor (`&name`) or a tag (`!`) after a space
 * or a flow indicator; an explicit key (`? `); a flow collection used as a key (`]:` or
 * `}:`); a comment stuck to a bracket or a quote (`}#`, which YAML forbids and js-yaml
 * allows). These patterns also match harmless text (in quotes, say): that only costs the
 * full path's time.
 */
const SPECIAL = /\r(?!\n)|\t|^%|.\n(?:---|\.\.\.)(?:\s|$)|^--- +[^\s#]|(?:^|[\s[{,])(?:&\S|!)|(?:^|\s)\?(?:\s|$)|[\]}]\s*:(?:\s|$)|[\]}]#|[^\s[{,]["']#/m;

/** YAML's limit on an implicit key: its `:` at most 1024 characters after the key's start. */
const KEY_LIMIT = 1024;

/**
 * Whether a line might hold a key longer than YAML allows: a `:` (followed by a space or
 * the line's end, or right after a quote) more than 1024 characters into the line. The
 * yaml library reports such a key; js-yaml reads it.
 */
function mayHoldLongKey(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > KEY_LIMIT + 1 && /:(?:\s|$)|["']:/.test(text.slice(start + KEY_LIMIT, end))) return true;
    start = end + 1;
  }
  return false;
}

/** Values of object keys that came from something other than plain text, or nesting beyond `limit`. */
function plainKeysWithin(value: unknown, depth: number, limit: number): boolean {
  if (depth > limit) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!plainKeysWithin(item, depth + 1, limit)) return false;
    return true;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      // js-yaml turns a null key into "null" and a collection key into "[object Object]"
      // or "a,b"; the full path reports those keys. A key that is really "null" goes
      // the full way too, at no cost but time.
      if (key === 'null' || key === '[object Object]') return false;
      if (!plainKeysWithin((value as Record<string, unknown>)[key], depth + 1, limit)) return false;
    }
  }
  return true;
}

/** The column where a line's content starts: after its indentation and any `- ` indicators. */
function contentIndent(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (text.charCodeAt(i) === 0x20) i++;
    if (text.charCodeAt(i) === 0x2d && text.charCodeAt(i + 1) === 0x20) i += 2;
    else return i - start;
  }
}

/**
 * Whether a flow collection or a quoted scalar goes on over lines that are not indented
 * deeper than the line it opened on. YAML forbids it and the yaml library says so; js-yaml
 * lets some of it through. Such text (and an unclosed bracket or quote) goes the full way.
 * A quote or bracket inside plain text can only make this say yes more often.
 */
function looseContinuation(text: string): boolean {
  let depth = 0;
  let quote = 0;
  let opened = -1;
  let indent = contentIndent(text, 0);
  let previous = 0x0a;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      const start = i + 1;
      let j = start;
      while (text.charCodeAt(j) === 0x20) j++;
      const next = text.charCodeAt(j);
      const blank = j >= text.length || next === 0x0a || next === 0x0d;
      if ((depth > 0 || quote !== 0) && !blank && j - start <= opened) return true;
      indent = contentIndent(text, start);
      previous = 0x0a;
      continue;
    }
    if (quote !== 0) {
      if (quote === 0x22 && c === 0x5c) i++;
      else if (c === quote) {
        if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
        else quote = 0;
      }
      continue;
    }
    if (c === 0x23 && (previous === 0x20 || previous === 0x0a)) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if ((c === 0x22 || c === 0x27) && (previous === 0x20 || previous === 0x0a || previous === 0x5b || previous === 0x7b || previous === 0x2c)) {
      if (depth === 0) opened = indent;
      quote = c;
    } else if (c === 0x5b || c === 0x7b) {
      if (depth === 0) opened = indent;
      depth += 1;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth -= 1;
    }
    previous = c;
  }
  return depth > 0 || quote !== 0;
}

/** The plain value of a plan's text, or undefined when the full path must read it. */
/**
 * `maxDepth` is the full path's nesting limit: the fast path declines nesting well short of
 * it (three quarters: the two libraries count levels a little differently), so the full
 * path reports the limit exactly.
 */
export function fastYaml(text: string, maxDepth: number): { value: unknown } | undefined {
  if (SPECIAL.test(text) || looseContinuation(text) || mayHoldLongKey(text)) return undefined;
  declined = false;
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (declined || value === undefined || value === null || typeof value !== 'object') return undefined;
  if (!plainKeysWithin(value, 0, Math.floor((maxDepth * 3) / 4))) return undefined;
  return { value };
}
