// Characters that do not show but act: control characters and the bidirectional
// embeddings, overrides and isolates, which can hide or reorder what a reader sees. Plan
// text may hold them (YAML's "\u202e" escapes); every output either drops them (documents,
// diagrams), shows them as escapes (the terminal) or escapes them (plan.json). The ranges
// are written once, here.

/** C0 controls but tab and line feed, DEL and the C1 controls. */
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
/** The bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI = '\\u202a-\\u202e\\u2066-\\u2069';

/** Any of them (tab and line feed are text). */
export const INVISIBLE = new RegExp(`[${CONTROLS}${BIDI}]`);

/** Every one of them, for `replace`. */
export const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** The bidirectional controls alone, for `replace`. */
export const BIDI_ALL = new RegExp(`[${BIDI}]`, 'g');

/** Runs of control characters (tab and line feed too) and line or paragraph separators: where one-line text puts a space. */
export const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** What JSON.stringify leaves raw of them (it escapes the C0 controls itself): DEL, the C1 controls and the bidirectional ones. */
export const RAW_IN_JSON = new RegExp(`[\\u007f-\\u009f${BIDI}]`, 'g');

/**
 * Text on one line, as diagrams show it: bidirectional controls dropped, control characters
 * and line breaks as spaces, runs of spaces collapsed.
 */
export function oneLine(text: string): string {
  return text
    .replace(BIDI_ALL, '')
    .replace(LINE_BREAKING, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
