// What a plain scalar means under YAML 1.2's core schema, with the yaml library's tests in
// its order (null, bool, octal, decimal and hexadecimal ints, .nan/.inf, exponent and plain
// floats), so that the fast path reads every plain scalar as the full path does.
import { YAML11_BOOLEANS } from '../util/yaml11.ts';

/** Plain scalars the fast path leaves to the full one: YAML 1.1 booleans (a warning there). */
export const NEEDS_FULL_PATH: unique symbol = Symbol('needs the full path');

const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function digitsFrom(text: string, start: number, isDigit: (code: number) => boolean): boolean {
  if (start >= text.length) return false;
  for (let i = start; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

const decimal = (c: number) => c >= 48 && c <= 57;
const octal = (c: number) => c >= 48 && c <= 55;
const hexadecimal = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** A number-looking plain scalar (it starts with a digit, a sign or a dot): its value. */
function numeric(text: string): unknown {
  if (text.length > 2 && text.charCodeAt(0) === 48) {
    const second = text.charCodeAt(1);
    if (second === 111 && digitsFrom(text, 2, octal)) return parseInt(text.slice(2), 8);
  }
  const signed = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  if (digitsFrom(text, signed, decimal)) return parseInt(text, 10);
  if (text.length > 2 && text.charCodeAt(0) === 48 && text.charCodeAt(1) === 120 && digitsFrom(text, 2, hexadecimal)) return parseInt(text.slice(2), 16);
  switch (text) {
    case '.nan': case '.NaN': case '.NAN':
      return NaN;
    case '.inf': case '.Inf': case '.INF': case '+.inf': case '+.Inf': case '+.INF':
      return Infinity;
    case '-.inf': case '-.Inf': case '-.INF':
      return -Infinity;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/**
 * The value of a plain scalar (never empty). YAML 1.1 boolean words give NEEDS_FULL_PATH
 * where `value` is true (they are reported as values, read as text as keys).
 */
export function plainScalar(text: string, value: boolean): unknown {
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) return numeric(text);
  switch (text) {
    case '~': case 'null': case 'Null': case 'NULL':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
  }
  if (value && text.length <= 3 && YAML11_BOOLEANS.has(text)) return NEEDS_FULL_PATH;
  return text;
}
