// Small builders for mdast trees, and the one markdown printer (remark-stringify with GFM):
// plan documents and markdown reports are trees first and text last, so escaping is the
// printer's job, done once.
import type {
  BlockContent,
  Code,
  Emphasis,
  Heading,
  InlineCode,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Table,
  TableCell,
  Text,
} from 'mdast';
import { markdownTable } from 'markdown-table';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { INVISIBLE, INVISIBLE_ALL } from './invisible.ts';

export type Phrasing = PhrasingContent | string;

/**
 * Plan text where GitHub renders it for people (a pull request comment, a job summary):
 * `@name` would notify that person or team, so a word joiner (invisible) follows the `@`.
 * The printer escapes the rest.
 */
function commentText(value: string): string {
  return value.replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u2060');
}

/** Every text node of a tree through commentText, in place; code spans and blocks mention no one, and HTML nodes are planc's own. */
function defuseMentions(node: { type: string; value?: unknown; children?: unknown[] }): void {
  if (node.type === 'text' && typeof node.value === 'string' && node.value.includes('@')) node.value = commentText(node.value);
  if (node.children) for (const child of node.children) defuseMentions(child as { type: string; value?: unknown; children?: unknown[] });
}

/** Raw HTML: planc's own (a comment's marker, a details block), never text from a plan. */
export function html(value: string): RootContent {
  return { type: 'html', value };
}

/** Plain text; line breaks and control characters flattened where a table cell needs one line. */
export function text(value: string): Text {
  return { type: 'text', value };
}

function phrasing(children: Phrasing[]): PhrasingContent[] {
  return children.map((child) => (typeof child === 'string' ? text(child) : child));
}

export function strong(...children: Phrasing[]): PhrasingContent {
  return { type: 'strong', children: phrasing(children) };
}

export function emphasis(...children: Phrasing[]): PhrasingContent {
  return { type: 'emphasis', children: phrasing(children) };
}

export function inlineCode(value: string): PhrasingContent {
  return { type: 'inlineCode', value: value.replace(/[\r\n]+/g, ' ') };
}

export function link(url: string, ...children: Phrasing[]): PhrasingContent {
  return { type: 'link', url, children: phrasing(children) };
}

/**
 * A diagnostic's message (or help), whose \`backquoted\` parts name code, as inline nodes:
 * those parts as inline code, the rest as text. Whatever the quoted parts hold (they come
 * from plans), the printer escapes both kinds.
 */
export function messageInline(message: string): PhrasingContent[] {
  const parts = message.replace(/\s+/g, ' ').split('`');
  // An odd number of backquotes leaves the last one as text.
  if (parts.length % 2 === 0) parts[parts.length - 2] += `\`${parts.pop()}`;
  return parts.flatMap((part, i) => (part === '' ? [] : [i % 2 === 1 ? inlineCode(part) : text(part)]));
}

export function paragraph(...children: Phrasing[]): Paragraph {
  return { type: 'paragraph', children: phrasing(children) };
}

export function heading(depth: 1 | 2 | 3 | 4 | 5 | 6, ...children: Phrasing[]): Heading {
  return { type: 'heading', depth, children: phrasing(children) };
}

export function code(value: string, lang?: string): Code {
  return { type: 'code', lang: lang ?? null, value: value.replace(/\n$/, '') };
}

/** A list item of one paragraph of phrasing content. */
export function item(...children: Phrasing[]): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(...children)] };
}

/** A list item holding blocks, optionally a task (`- [ ]`, `- [x]`). */
export function blockItem(children: BlockContent[], checked?: boolean): ListItem {
  return { type: 'listItem', spread: false, ...(checked === undefined ? {} : { checked }), children };
}

export function list(items: ListItem[], ordered = false): List {
  return { type: 'list', ordered, spread: false, children: items };
}

/**
 * Plain text in which `backticks` mark code, as plan authors write identifiers in lists
 * (deliverables, acceptance criteria): the spans become inline code, the rest stays text
 * (escaped by the printer). An unmatched backtick is text.
 */
export function codeSpans(value: string): Phrasing[] {
  if (!value.includes('`')) return [value];
  const parts: Phrasing[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    if (match.index > last) parts.push(value.slice(last, match.index));
    parts.push(inlineCode(match[1]!));
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push(value.slice(last));
  return parts;
}

/** A bulleted (or numbered) list of plain texts (`code` in them shown as code). */
export function textList(items: string[], ordered = false): List {
  return list(items.map((entry) => item(...codeSpans(entry))), ordered);
}

/** One line of plain text for a table cell: GFM cells cannot hold a line break. */
export function cellText(value: string): Text {
  return text(value.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** A table; a cell is text (kept on one line, its `backticks` code, as in `textList`), a node, or several nodes. */
export function table(headers: string[], rows: Array<Array<Phrasing | Phrasing[]>>, align?: Array<'left' | 'right' | 'center' | null>): Table {
  const cell = (content: Phrasing | Phrasing[]): TableCell => ({
    type: 'tableCell',
    children: (Array.isArray(content) ? content : [content])
      .flatMap((part) => (typeof part === 'string' ? codeSpans(part) : [part]))
      .map((part) => (typeof part === 'string' ? cellText(part) : part)),
  });
  return {
    type: 'table',
    align: align ?? headers.map(() => null),
    children: [headers, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
}

/** Drops invisible characters (src/util/invisible.ts; a NUL makes tools take a file for binary) from every text value of a tree (a plain walk: a build visits millions of nodes). */
function dropInvisible(node: { value?: unknown; children?: unknown[] }): void {
  if (typeof node.value === 'string' && INVISIBLE.test(node.value)) node.value = node.value.replace(INVISIBLE_ALL, '');
  if (node.children) for (const child of node.children) dropInvisible(child as { value?: unknown; children?: unknown[] });
}

export function root(children: RootContent[]): Root {
  const tree: Root = { type: 'root', children };
  dropInvisible(tree);
  return tree;
}

/**
 * Whether text can be printed as it is, without the printer's escaping pass (which runs
 * some forty patterns over every text node, and was most of the time of a large build).
 * Escaping only ever concerns ASCII punctuation and white space at the edges of lines, so
 * text qualifies when it holds letters, digits, non-ASCII characters and harmless
 * punctuation only (a `:` never before `/`), has no double spaces, is no list marker (`1.`), has no `.` after a `w`
 * (GFM escapes it, lest `www.` become a link), and — judged by the characters printed just before and after it — starts and
 * ends where nothing could change its meaning. A property test compares the two printers.
 */
export function isPlainText(value: string, before = '', after = ''): boolean {
  if (value === '') return true;
  if (!/^(?:[\p{L}\p{N},.%()/'+:-]|[^\x00-\x7f]| (?! ))*$/u.test(value)) return false;
  // GFM escapes `:` before `/` (so `https://` never links).
  if (value.includes(':/') || (value.endsWith(':') && after === '/')) return false;
  // `1.` at a line start is a list marker; GFM escapes a `.` after `w` (so `www.` never links).
  if (/^\d+[.)]/.test(value) || /w\./i.test(value) || (value[0] === '.' && /w/i.test(before))) return false;
  const first = value[0]!;
  const last = value.at(-1)!;
  const word = (c: string) => /^[\p{L}\p{N}]$/u.test(c) || c > '\x7f';
  if (first === ' ') {
    // A space first only mid-line (at a line start it would be trimmed away).
    if (before === '' || /\s/.test(before)) return false;
  } else if (!word(first)) {
    // Punctuation first: only right after a letter or a code span's closing backtick (not
    // at a line start, not after a digit that could make `1.` a list marker, not after `]` or `!`).
    if (!/^\p{L}$/u.test(before) && before !== '`') return false;
  }
  if (last === ' ' && !(after !== '' && after !== ' ' && after !== '\n' && after !== '\r')) return false;
  return true;
}

const plainText = Object.assign(
  ((node, parent, state, info) => {
    const value = (node as Text).value;
    return isPlainText(value, info.before, info.after) ? value : defaultHandlers.text(node as Text, parent, state, info);
  }) as Handle,
  {
    // The printer asks a node for its first character (to escape its neighbour right); for
    // text that starts with a letter or digit, escaping never changes the first character.
    peek: ((node, parent, state, info) => {
      const value = (node as Text).value;
      return /^[\p{L}\p{N}]/u.test(value) ? value.charAt(0) : defaultHandlers.text(node as Text, parent, state, info);
    }) as Handle,
  },
);

/** GFM's handler for inline code (it escapes pipes inside table cells). */
const gfmInlineCode = gfmTableToMarkdown().handlers!.inlineCode as Handle;

/** Inline code without backticks, line breaks, pipes or edge spaces prints as `value`. */
const PLAIN_CODE = /^[^\s`|](?:[^`\n\r|]*[^\s`|])?$/;

const plainCode: Handle = (node, parent, state, info) => {
  const value = (node as InlineCode).value;
  return PLAIN_CODE.test(value) ? `\`${value}\`` : gfmInlineCode(node, parent, state, info);
};

/** Whether a character printed beside a node is white space or nothing (a line's edge). */
const atEdge = (character: string): boolean => character === '' || character === ' ' || character === '\n';

/**
 * Strong text (`**`) or emphasis (`_`) of one plain text that prints as it is: from a letter
 * or digit to a letter or digit (or punctuation before white space), so the markers always
 * open and close; emphasis only between white space or edges (`_` never opens in a word).
 */
function plainAttention(node: Strong | Emphasis, before: string, after: string): string | undefined {
  const marker = node.type === 'strong' ? '**' : '_';
  const only = node.children.length === 1 ? node.children[0]! : undefined;
  if (only?.type !== 'text' || !isPlainText(only.value, marker[0], marker[0]) || !/^[\p{L}\p{N}]/u.test(only.value)) return undefined;
  if (!/[\p{L}\p{N}]$/u.test(only.value) && (/\s$/.test(only.value) || !atEdge(after))) return undefined;
  if (marker === '_' && !(atEdge(before) && atEdge(after))) return undefined;
  return `${marker}${only.value}${marker}`;
}

/**
 * Phrasing of plain texts (side by side, printed as one), plain code spans and plain strong
 * text or emphasis (plainAttention) as it prints between `before` and `after`, each part
 * judged by the characters printed beside it; undefined for anything else, which goes
 * through the printer. The property test in test/emit/plain-text.test.ts compares the two.
 */
function plainPhrasing(children: readonly PhrasingContent[], before: string, after: string): string | undefined {
  let printed = '';
  const previous = () => (printed === '' ? before : printed.at(-1)!);
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'text') {
      let value = child.value;
      while (children[index + 1]?.type === 'text') value += (children[++index] as Text).value;
      const next = children[index + 1];
      const following = next === undefined ? after : next.type === 'inlineCode' ? '`' : next.type === 'strong' ? '*' : next.type === 'emphasis' ? '_' : undefined;
      if (following === undefined || !isPlainText(value, previous(), following)) return undefined;
      printed += value;
    } else if (child.type === 'inlineCode') {
      if (!PLAIN_CODE.test(child.value)) return undefined;
      printed += `\`${child.value}\``;
    } else if (child.type === 'strong' || child.type === 'emphasis') {
      const next = children[index + 1];
      let following = after;
      if (next?.type === 'text' && next.value !== '') following = next.value.charAt(0);
      else if (next?.type === 'inlineCode') following = '`';
      else if (next !== undefined) return undefined;
      const attention = plainAttention(child, previous(), following);
      if (attention === undefined) return undefined;
      printed += attention;
    } else {
      return undefined;
    }
  }
  return printed;
}

/** GFM's paragraph handler (it prints a task list item's checkbox). */
const gfmParagraph = gfmTaskListItemToMarkdown().handlers!.paragraph as Handle;

/** A paragraph of plain phrasing as it is; any other (and a task's, with its checkbox) as GFM prints it. */
const fastParagraph: Handle = (node, parent, state, info) => {
  if (!(parent?.type === 'listItem' && typeof parent.checked === 'boolean')) {
    const plain = plainPhrasing((node as Paragraph).children, '', '');
    if (plain !== undefined && plain !== '') return plain;
  }
  return gfmParagraph(node, parent, state, info);
};

/** An ATX heading of plain phrasing as it is; any other as the printer makes it. */
const fastHeading: Handle = (node, parent, state, info) => {
  const heading = node as Heading;
  const plain = plainPhrasing(heading.children, ' ', '\n');
  return plain !== undefined && plain !== '' ? `${'#'.repeat(heading.depth)} ${plain}` : defaultHandlers.heading(heading, parent, state, info);
};

/**
 * Tables as GFM prints them, but a cell of plain phrasing (plainPhrasing) is taken
 * as it is instead of going through the phrasing machinery (tables were most of a
 * document's printing).
 */
const fastTable: Handle = (node, _parent, state, info) => {
  const tableNode = node as Table;
  const exitTable = state.enter('table');
  const matrix = tableNode.children.map((row) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((cell) => {
      const plain = plainPhrasing(cell.children, ' ', ' ');
      if (plain !== undefined) return plain;
      const exitCell = state.enter('tableCell');
      const exitPhrasing = state.enter('phrasing');
      const value = state.containerPhrasing(cell, { ...info, before: ' ', after: ' ' });
      exitPhrasing();
      exitCell();
      return value;
    });
    exitRow();
    return cells;
  });
  exitTable();
  const head = matrix[0];
  const columns = tableNode.align?.length ?? 0;
  if (head) while (head.length < columns) head.push('');
  return markdownTable(matrix, { align: tableNode.align ?? [], alignDelimiters: false, fillRows: false, padding: true });
};

const printer = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fence: '`',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
    incrementListMarker: true,
    handlers: { text: plainText, inlineCode: plainCode, table: fastTable, paragraph: fastParagraph, heading: fastHeading },
  });

export function printMarkdown(tree: Root): string {
  return printer.stringify(tree);
}

/**
 * Markdown that GitHub renders for people — a pull request comment, a job summary, a status
 * report — printed with every `@mention` in its text defused (commentText), whichever part
 * of a plan the text came from. The tree is changed in place.
 */
export function printComment(tree: Root): string {
  defuseMentions(tree);
  return printer.stringify(tree);
}
