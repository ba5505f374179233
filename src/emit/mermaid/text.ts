// Plan text inside Mermaid. Titles and labels come from plans, which are untrusted: they
// may hold quotes, brackets, pipes, `#`, `%%{init: …}%%` directives, `click` callbacks,
// HTML, newlines or anything else. Nothing here may end a label, start a statement, open a
// comment or a directive, or reach the page as markup.
import { oneLine } from '../../util/invisible.ts';

/**
 * Text for a quoted flowchart label (`id["…"]`, `-->|"…"|`, `subgraph id["…"]`). Inside
 * quotes Mermaid reads `#…;` entity codes, so every character that could matter is written
 * as one: quotes (end the label), `#` (starts an entity), `%` (directives are found by a
 * pattern over the whole text, quotes or not), `<`, `>`, `&` (markup), backticks (markdown
 * strings), and `:` (before it decodes entities, Mermaid protects `style …: …#…;`
 * statements with a pattern that also matches a label holding "style", a colon and an
 * entity, and then leaves the label's last entity undecoded). Lines break at words
 * (`wordLines`), with `<br>`, the one piece of markup, which is ours.
 */
export function label(text: string, fallback = ' ', width = LABEL_LINE): string {
  const flat = oneLine(text) || fallback;
  return wordLines(flat, width)
    .map((line) => line.replace(/[#"%<>&`:]/g, (c) => `#${c.charCodeAt(0)};`))
    .join('<br>');
}

/** Characters a line of a flowchart label holds before the next word goes on a line of its own. */
export const LABEL_LINE = 28;

/**
 * Text in lines of at most `width` characters, broken between words only: a word longer
 * than a line (an identifier, a path) has a line of its own, whole. Mermaid would break it
 * anywhere ("USE_JWT_AUT / H"); its own wrapping is set wider than any of these lines.
 */
export function wordLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && Array.from(last).length + 1 + Array.from(word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Text for a Gantt title, section or task name. The grammar has no quoting, but Mermaid
 * replaces `#…;` entity codes before it parses any diagram and restores them in the
 * drawing, so the characters the grammar reacts to (`:` ends a name, `;` a statement,
 * `#` and `%` start comments, entities and directives) travel as entities, and so does
 * markup. The first character is always an entity, so a name can never begin with a
 * keyword (`click …`, `section …`).
 */
export function ganttText(text: string, fallback: string): string {
  const encoded = (oneLine(text) || fallback).replace(/[:;#%<>&`"]/g, (c) => `#${c.charCodeAt(0)};`);
  if (encoded.startsWith('#')) return encoded;
  const first = encoded.codePointAt(0)!;
  return `#${first};${encoded.slice(String.fromCodePoint(first).length)}`;
}

/**
 * Text after `accTitle:` / `accDescr:`, read to the end of the line. Nothing is dropped
 * (a `;` or a `<` keeps its meaning): what Mermaid reacts to travels as an entity code,
 * which it restores in the drawing's `<title>` and `<desc>` (`#` and `%` start entities,
 * comments and directives; markup; `:` as in `label`, for the `style …: …#…;` pattern).
 */
export function accessibleText(text: string): string {
  return (oneLine(text) || ' ').replace(/[#%:<>&`{}"]/g, (c) => `#${c.charCodeAt(0)};`);
}
