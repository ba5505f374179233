// Text → YAML document → plain value, reporting every YAML problem with a code and a span.
// One walk over the node tree builds the value and applies the checks the yaml library
// does not make: tags, keys that are not text, merge keys, YAML 1.1 boolean words, nesting
// depth and the alias budget.
import type { YAMLError } from 'yaml';
import {
  aliasLimit,
  ambiguousBoolean,
  complexKey,
  duplicateKey,
  emptyFile,
  markdownFence as markdownFenceDefinition,
  mergeKey,
  multipleDocuments,
  nestingTooDeep,
  tabIndentation,
  unsupportedTag,
  yamlSyntax,
} from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { Span } from '../diagnostics/types.ts';
import { applyEdits, textFix } from '../diagnostics/fix.ts';
import type { Fix, TextEdit } from '../diagnostics/types.ts';
import { encodePointerSegment } from '../util/pointer.ts';
import { YAML11_BOOLEANS } from '../util/yaml11.ts';
import {
  documentValue,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  itemsOf,
  keyText,
  pairsOf,
  parseDocuments,
  rangeOf,
  resolveAlias,
  Scalar,
  type Document,
  type Node,
  type Pair,
} from './yaml-api.ts';
import { fastYaml } from './fast-yaml.ts';
import { IndexLocator } from './span-index.ts';
import { spanOf, TreeLocator, YamlSource } from './yaml-nodes.ts';

export interface YamlLimits {
  /** Alias nodes a file may contain. */
  maxAliases: number;
  /** Nodes the document may hold once every alias is expanded. */
  maxExpandedNodes: number;
  /** How deeply collections may nest. */
  maxDepth: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliases: 100, maxExpandedNodes: 100_000, maxDepth: 64 };

export interface ParsedYaml {
  value: unknown;
  source: YamlSource;
}

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);
const HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: 'Items of one list or mapping must be indented alike.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line: check the indentation of the next line, or quote the value.',
  BLOCK_AS_IMPLICIT_KEY: 'A value cannot hold `: ` unquoted, and a key must fit on one line: quote the value or fix the indentation.',
  BAD_SCALAR_START: 'Quote values that start with a special character (`@`, `` ` ``, `%`, `|`, `>`).',
  UNEXPECTED_TOKEN: 'Quote the value if it contains `: `, `#` or starts with a special character.',
  BAD_ALIAS: 'An alias (`*name`) must name an anchor (`&name`) defined before it.',
  BAD_DQ_ESCAPE: 'Inside double quotes a backslash starts an escape; use single quotes or `\\\\`.',
  KEY_OVER_1024_CHARS: 'Keys are limited to 1024 characters.',
  BLOCK_IN_FLOW: 'Inside `[ ]` or `{ }` write values inline, not as indented blocks.',
};

/**
 * MISSING_CHAR stands for many different mistakes; each gets its own help, by the
 * library's message. An unclosed quote or bracket is found by `refine` instead.
 */
const MISSING_CHAR_HINTS: Array<[RegExp, string]> = [
  [/directives-end marker/, 'Nothing may follow `---` on its line: start the plan on the next line, or remove the `---`.'],
  [/Missing directives-end/, 'After a `%` directive, a `---` line must start the document.'],
  [/Comments must be separated/, 'Put a space before the `#` of a comment, or quote the value if the `#` belongs to it.'],
  [/Tags and anchors must be separated/, 'Put a space after the tag or anchor, or quote the value.'],
  [/Implicit map keys need to be followed by map values/, 'Write a key as `key: value`, or quote the text if it is not a key.'],
  [/Missing space after :/, 'Put a space after the `:` (`{ key: value }`).'],
  [/Missing , or : between/, 'Inside `{ }`, write `key: value` pairs separated by commas.'],
  [/Missing , between/, 'Separate the items inside `[ ]` or `{ }` with commas.'],
  [/Missing closing .?quote/, 'A closing quote is missing.'],
  [/Missing newline after block sequence props/, 'Start the list on the line after its anchor or tag.'],
  [/explicit indentation indicator/, 'Give the block scalar an indentation indicator (`|2`), or remove the blank lines at its start.'],
];

/** The options of the yaml library's parser: YAML 1.2, core schema, strict. */
const YAML_OPTIONS = { version: '1.2', schema: 'core', strict: true, prettyErrors: false, merge: false, keepSourceTokens: false } as const;

export function parseYaml(
  text: string,
  file: string,
  diagnostics: Diagnostics,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
  options: { fast?: boolean } = {},
): ParsedYaml | undefined {
  const at = (span: Span, pointer = '') => ({ file, span, pointer });
  // A plan wrapped in a markdown fence (as a model's answer comes): reported, then read
  // with the fence's lines blanked, so that its other findings are reported too, in place.
  const fence = markdownFence(text);
  if (fence) {
    diagnostics.report(markdownFenceDefinition, { fence: fence.marker, around: fence.around }, at(fence.opening), [], { fix: textFix(fence.removals, 'Remove the markdown code fence') });
    text = fence.blanked;
  }
  // Most plans take the fast path; it declines anything the full one must look at
  // (aliases, whatever the alias budget, and nesting near the depth limit among them).
  // Its positions are found only when a diagnostic asks (IndexLocator).
  const fast = options.fast === false ? undefined : fastYaml(text, limits.maxDepth);
  const fastResult = fast && { value: fast.value, source: new YamlSource(() => new IndexLocator(text, limits.maxDepth), text) };
  // The fast path's brackets are its structure, never near the depth limit, unless it saw a
  // bracket or quote inside a scalar (`irregular`): only then, or for the full path, is the
  // text scanned for runaway brackets, which make the parser slow and its errors
  // meaningless, so they are reported before parsing.
  if (fastResult && !fast.irregular) return fastResult;
  const tooDeep = flowDepthBeyond(text, limits.maxDepth);
  if (tooDeep !== -1) {
    diagnostics.report(nestingTooDeep, { limit: limits.maxDepth }, at({ start: tooDeep, end: tooDeep + 1 }));
    return undefined;
  }
  if (fastResult) return fastResult;
  let documents: Document[];
  try {
    documents = parseDocuments(text, YAML_OPTIONS);
  } catch (error) {
    // The composer recurses per nesting level; a pathological file can exhaust the stack.
    if (error instanceof RangeError) {
      diagnostics.report(nestingTooDeep, { limit: limits.maxDepth }, at({ start: 0, end: 0 }));
      return undefined;
    }
    throw error;
  }

  if (documents.length > 1) {
    const second = documents[1]!;
    const start = markerBefore(text, second.range?.[0] ?? text.length);
    diagnostics.report(multipleDocuments, { count: documents.length }, at({ start, end: start + 3 }));
  }
  const doc = documents[0];
  let failed = documents.length > 1;
  for (const document of documents.slice(0, 1)) {
    // The first problem only: after it the parser's recovery is guesswork, and what it
    // reports next is mostly the same mistake seen again.
    const problems = [...document.errors, ...document.warnings].filter((error) => error.code !== 'TAG_RESOLVE_FAILED');
    const first = problems.sort((a, b) => a.pos[0] - b.pos[0])[0];
    if (first) {
      failed = true;
      reportYamlError(first, text, file, diagnostics);
    }
    const version = document.directives?.yaml;
    if (version?.explicit && version.version !== '1.2') {
      failed = true;
      const start = text.indexOf('%YAML');
      diagnostics.report(
        yamlSyntax,
        { reason: `the %YAML ${version.version} directive is not supported`, hint: 'planc reads YAML 1.2; remove the directive.' },
        at({ start: Math.max(0, start), end: Math.max(0, start) + 5 }),
      );
    }
  }
  if (failed || !doc) {
    if (!doc) diagnostics.report(emptyFile, {}, at({ start: 0, end: 0 }));
    return undefined;
  }
  const root = documentValue(doc);
  if (root === undefined || (isScalar(root) && root.value === null && rangeOf(root)?.[0] === rangeOf(root)?.[1])) {
    diagnostics.report(emptyFile, {}, at({ start: 0, end: 0 }));
    return undefined;
  }

  const walk = new Walk(doc, text, file, diagnostics, limits);
  const value = walk.value(root, 0, []);
  if (walk.failed) return undefined;
  return { value, source: new YamlSource(new TreeLocator(doc), text) };
}

function reportYamlError(error: YAMLError, text: string, file: string, diagnostics: Diagnostics): void {
  const [start, end] = error.pos;
  const location = { file, span: { start, end: Math.max(end, start) }, pointer: '' };
  if (error.code === 'TAB_AS_INDENT') {
    diagnostics.report(tabIndentation, {}, location, [], { fix: tabFix(text) });
    return;
  }
  const refined = refine(error, text);
  const hint =
    refined?.hint ??
    (error.code === 'MISSING_CHAR' ? MISSING_CHAR_HINTS.find(([pattern]) => pattern.test(error.message))?.[1] : HINTS[error.code]);
  diagnostics.report(
    yamlSyntax,
    { reason: cleanMessage(error.message), ...(hint ? { hint } : {}) },
    refined ? { ...location, span: refined.span } : location,
  );
}

/** A fence line: three backticks or tildes or more, and an info string (`yaml`) on the opening one. */
const FENCE = /^ {0,3}(`{3,}|~{3,})([^`\r\n]*)\r?$/;

interface Fence {
  /** The opening line as written, for the message. */
  marker: string;
  /** Whether there is text before or after the fence (a model's answer around its YAML). */
  around: boolean;
  opening: Span;
  /** The edits that take the fence's lines out (each with its line break), and the text around it. */
  removals: TextEdit[];
  /** The text with all of that blanked (the same length: every offset stays). */
  blanked: string;
}

/**
 * The markdown fence around a plan: opened by the file's first line that is not blank, or,
 * after other text (a model's "Here is the plan:"), by a line at the left margin marked
 * `yaml` — a line no YAML file can hold. The text around a fence marked `yaml` goes with it.
 */
function markdownFence(text: string): Fence | undefined {
  const first = /^(?:[ \t]*\r?\n)*/.exec(text)![0].length;
  const code = text.charCodeAt(first + (/^ {0,3}/.exec(text.slice(first, first + 3))?.[0].length ?? 0));
  const leading = code === 0x60 || code === 0x7e;
  let openStart = first;
  if (!leading) {
    const at = [text.indexOf('\n```'), text.indexOf('\n~~~')].filter((i) => i !== -1);
    if (at.length === 0) return undefined;
    openStart = Math.min(...at) + 1;
  }
  const lineEnd = (from: number) => {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? text.length : newline;
  };
  const openEnd = lineEnd(openStart);
  const open = FENCE.exec(text.slice(openStart, openEnd));
  if (!open || (open[1]![0] === '`' && open[2]!.includes('`'))) return undefined;
  const yaml = /^(yaml|yml)$/i.test(open[2]!.trim());
  if (!leading && !yaml) return undefined;
  // The closing fence: the next line of the same character, at least as long, with no info string.
  let close: Span | undefined;
  for (let at = openEnd + 1; at < text.length && !close; at = lineEnd(at) + 1) {
    const line = FENCE.exec(text.slice(at, lineEnd(at)));
    if (line && line[2]!.trim() === '' && line[1]![0] === open[1]![0] && line[1]!.length >= open[1]!.length) close = { start: at, end: lineEnd(at) };
  }
  if (!leading && !close) return undefined;
  const after = close ? text.slice(close.end).trim() !== '' : false;
  const removals: Span[] = [{ start: leading ? first : 0, end: Math.min(openEnd + 1, text.length) }];
  if (close) removals.push({ start: close.start, end: after && yaml ? text.length : Math.min(close.end + 1, text.length) });
  let blanked = text;
  for (const span of removals) blanked = blanked.slice(0, span.start) + blanked.slice(span.start, span.end).replace(/[^\r\n]/g, ' ') + blanked.slice(span.end);
  return {
    marker: text.slice(openStart, openEnd).replace(/\r$/, '').trim(),
    around: !leading || (after && yaml),
    opening: { start: openStart, end: openEnd - (text[openEnd - 1] === '\r' ? 1 : 0) },
    removals: removals.map((span) => ({ span, text: '' })),
    blanked,
  };
}

/** Beyond this size a file's tabs are left to an editor: the fix parses the file three times. */
const TAB_FIX_LIMIT = 200_000;
const TAB_WIDTHS = [2, 4, 8];

/** The leading whitespace of each line holding a tab: its span, and its tabs expanded to `width` columns. */
function leadingTabs(text: string, width: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let column = 0;
    let i = start;
    let tab = false;
    let spaces = '';
    for (; i < end && (text[i] === ' ' || text[i] === '\t'); i++) {
      const step = text[i] === '\t' ? width - (column % width) : 1;
      tab ||= text[i] === '\t';
      column += step;
      spaces += ' '.repeat(step);
    }
    if (tab) edits.push({ span: { start, end: i }, text: spaces });
    start = end + 1;
  }
  return edits;
}

/**
 * Tabs in the indentation replaced by spaces, two columns to a tab stop: certain when the
 * file reads the same whatever a tab's width (2, 4 or 8 columns), so the tabs said nothing
 * the spaces do not.
 */
function tabFix(text: string): Fix | undefined {
  if (text.length > TAB_FIX_LIMIT) return undefined;
  let value: string | undefined;
  for (const width of TAB_WIDTHS) {
    const documents = parseDocuments(applyEdits(text, leadingTabs(text, width)), YAML_OPTIONS);
    if (documents.length !== 1 || documents[0]!.errors.length > 0) return undefined;
    let read: string;
    try {
      read = JSON.stringify(documents[0]!.toJS({ maxAliasCount: DEFAULT_YAML_LIMITS.maxAliases }));
    } catch {
      return undefined;
    }
    if (value !== undefined && read !== value) return undefined;
    value = read;
  }
  return textFix(leadingTabs(text, TAB_WIDTHS[0]!), 'Indent with spaces instead of tabs');
}

/**
 * The yaml library reports an unclosed quote or bracket where it ran out of input; point
 * at the opening one instead, which is where the reader needs to look.
 */
function refine(error: YAMLError, text: string): { span: Span; hint: string } | undefined {
  const [start] = error.pos;
  const quote = /closing (["'])quote/.exec(error.message)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    const open = openingQuote(text, start, quote);
    if (open !== -1) return { span: { start: open, end: lineEndOf(text, open) }, hint: `The ${quote} opened here is never closed.` };
  }
  const bracket = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (bracket) {
    const open = openingBracket(text, start, bracket === ']' ? '[' : '{', bracket);
    if (open !== -1) {
      return { span: { start: open, end: open + 1 }, hint: `The \`${text[open]}\` opened here is never closed with \`${bracket}\`.` };
    }
  }
  if (/without - indicator/.test(error.message)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const first = lineStart + (/^ */.exec(text.slice(lineStart))?.[0].length ?? 0);
    return {
      span: { start: first, end: Math.max(first + 1, lineEndOf(text, first)) },
      hint: 'This line is not aligned with the keys of the list item above it: check its indentation.',
    };
  }
  return undefined;
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The last unescaped `quote` before `offset`: the start of the scalar that never closed. */
function openingQuote(text: string, offset: number, quote: string): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) {
      i -= text[i - 1] === "'" ? 1 : 0;
      continue;
    }
    return i;
  }
  return -1;
}

/** The opening bracket left unmatched before `offset`. */
function openingBracket(text: string, offset: number, open: string, close: string): number {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth += 1;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/** The yaml library's messages sometimes end with a position or a code excerpt; keep the sentence. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  const sentence = firstLine.replace(/\.$/, '');
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function markerBefore(text: string, offset: number): number {
  const index = text.lastIndexOf('---', offset);
  return index === -1 ? offset : index;
}

/**
 * Where `[` and `{` first nest deeper than `limit`, or -1. Skips quoted text and comments;
 * a plain scalar holding brackets can only make it count deeper, never shallower, and no
 * real plan comes near the limit. Linear: a quote that finds no closing one on its line
 * is remembered, so the rest of that line is not searched again for every later quote.
 */
function flowDepthBeyond(text: string, limit: number): number {
  let depth = 0;
  // Per quote character: up to where no closing quote of that kind is left on the line.
  let noDoubleBefore = -1;
  let noSingleBefore = -1;
  // The end of the current line, found once per line (not once per quote: a line of many
  // short quoted strings would make that quadratic).
  let lineEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth = Math.max(0, depth - 1);
    } else if (c === 0x22 || c === 0x27) {
      // Quoted text: skip to the closing quote on the same line (escaped quotes aside).
      // When a quote finds none, every later quote of its kind on the line is escaped
      // (for `"`) or there is none (for `'`): none of them closes either.
      if (i < (c === 0x22 ? noDoubleBefore : noSingleBefore)) continue;
      if (lineEnd < i) {
        const end = text.indexOf('\n', i);
        lineEnd = end === -1 ? text.length : end;
      }
      const stop = lineEnd;
      let j = i + 1;
      while (j < stop && !(text.charCodeAt(j) === c && (c === 0x27 || text.charCodeAt(j - 1) !== 0x5c))) j++;
      if (j < stop) i = j;
      else if (c === 0x22) noDoubleBefore = stop;
      else noSingleBefore = stop;
    } else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x0a)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    }
  }
  return -1;
}

class Walk {
  failed = false;
  readonly #doc: Document;
  readonly #file: string;
  readonly #diagnostics: Diagnostics;
  readonly #limits: YamlLimits;
  readonly #text: string;
  readonly #converted = new Map<Node, unknown>();
  readonly #sizes = new Map<Node, number>();
  readonly #inProgress = new Set<Node>();
  #aliases = 0;
  #expanded = 0;

  constructor(doc: Document, text: string, file: string, diagnostics: Diagnostics, limits: YamlLimits) {
    this.#doc = doc;
    this.#text = text;
    this.#file = file;
    this.#diagnostics = diagnostics;
    this.#limits = limits;
  }

  #at(node: unknown, path: readonly (string | number)[]): { file: string; span: Span; pointer: string } {
    return {
      file: this.#file,
      span: spanOf(node) ?? { start: 0, end: 0 },
      pointer: path.map((segment) => `/${encodePointerSegment(segment)}`).join(''),
    };
  }

  value(node: unknown, depth: number, path: (string | number)[]): unknown {
    if (this.failed || node === null || node === undefined) return null;
    if (depth > this.#limits.maxDepth) {
      this.#diagnostics.report(nestingTooDeep, { limit: this.#limits.maxDepth }, this.#at(node, path));
      this.failed = true;
      return null;
    }
    if (isAlias(node)) return this.#alias(node, path);
    const tag = (node as Node).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
      const location = this.#at(node, path);
      // The node's range starts at its value; the tag is written just before it.
      const tagStart = this.#text.lastIndexOf('!', location.span.start);
      if (tagStart !== -1 && !this.#text.slice(tagStart, location.span.start).includes('\n')) {
        let start = tagStart;
        while (start > 0 && this.#text[start - 1] === '!') start -= 1;
        const end = start + (/^\S+/.exec(this.#text.slice(start))?.[0].length ?? 1);
        location.span = { start, end };
      }
      this.#diagnostics.report(unsupportedTag, { tag: shown }, location);
      this.failed = true;
      return null;
    }
    if (isScalar(node)) return this.#scalar(node, path);
    // Only an anchored node can be reached again (through an alias): remember just those.
    const anchored = (node as { anchor?: string }).anchor !== undefined;
    if (anchored) this.#inProgress.add(node as Node);
    let result: unknown;
    if (isMap(node)) result = this.#map(pairsOf(node), depth, path);
    else if (isSeq(node)) {
      const elements = itemsOf(node);
      const items: unknown[] = new Array(elements.length);
      for (let index = 0; index < elements.length; index++) {
        const item = elements[index];
        path.push(index);
        // `[key: value]` makes a pair inside a list: a one-entry mapping, as YAML 1.2 says.
        items[index] = isPair(item) ? this.#map([item], depth + 1, path) : this.value(item, depth + 1, path);
        path.pop();
      }
      result = items;
    }
    if (anchored) {
      this.#inProgress.delete(node as Node);
      this.#converted.set(node as Node, result);
    }
    return result;
  }

  #scalar(node: Scalar, path: (string | number)[]): unknown {
    const value = node.value;
    if (typeof value === 'string' && node.type === Scalar.PLAIN) {
      const meaning = YAML11_BOOLEANS.get(value);
      if (meaning !== undefined) {
        const location = this.#at(node, path);
        // Quoted, the word is the text planc reads already: certain, whatever the property.
        const fix = textFix([{ span: location.span, text: `"${value}"` }], `Quote \`${value}\` to keep it text`);
        this.#diagnostics.report(ambiguousBoolean, { value, meaning }, location, [], { fix });
      }
    }
    return value;
  }

  #map(pairs: Pair[], depth: number, path: (string | number)[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    // Keys as the plan reads them (the text of each): `1` and "1" are one property.
    const seen = new Map<string, Scalar>();
    for (const pair of pairs) {
      if (this.failed) break;
      const key = pair.key;
      if (!isScalar(key) || key.value === null) {
        const kind = key === null || isScalar(key) ? 'empty key' : isAlias(key) ? 'alias' : isSeq(key) ? 'list' : 'mapping';
        const location = this.#at(key ?? pair.value, path);
        this.#diagnostics.report(complexKey, { kind }, location);
        this.failed = true;
        continue;
      }
      const name = keyText(pair)!;
      const first = seen.get(name);
      if (first) {
        const related = { message: `\`${name}\` is first defined here`, location: this.#at(first, path) };
        this.#diagnostics.report(duplicateKey, { key: name }, this.#at(key, path), [related]);
        this.failed = true;
        break;
      }
      seen.set(name, key);
      if (name === '<<' && key.type === Scalar.PLAIN) {
        this.#diagnostics.report(mergeKey, {}, this.#at(key, path));
        this.failed = true;
        continue;
      }
      path.push(name);
      const value = this.value(pair.value, depth + 1, path);
      path.pop();
      // A key named __proto__ must become an own property, not the object's prototype.
      if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      else result[name] = value;
    }
    return result;
  }

  #alias(node: Node, path: (string | number)[]): unknown {
    this.#aliases += 1;
    if (this.#aliases > this.#limits.maxAliases) {
      this.#diagnostics.report(aliasLimit, { limit: this.#limits.maxAliases, kind: 'aliases' }, this.#at(node, path));
      this.failed = true;
      return null;
    }
    const target = isAlias(node) ? resolveAlias(node, this.#doc) : undefined;
    if (!target) {
      const name = (node as unknown as { source: string }).source;
      this.#diagnostics.report(
        yamlSyntax,
        { reason: `the alias \`*${name}\` names no anchor`, hint: `Define \`&${name}\` on a value before using \`*${name}\`.` },
        this.#at(node, path),
      );
      this.failed = true;
      return null;
    }
    if (this.#inProgress.has(target)) {
      this.#diagnostics.report(
        yamlSyntax,
        { reason: 'this alias refers to a node that contains it', hint: 'A value cannot include itself.' },
        this.#at(node, path),
      );
      this.failed = true;
      return null;
    }
    this.#expanded += this.#size(target);
    if (this.#expanded > this.#limits.maxExpandedNodes) {
      this.#diagnostics.report(aliasLimit, { limit: this.#limits.maxExpandedNodes, kind: 'expansion' }, this.#at(node, path));
      this.failed = true;
      return null;
    }
    return isScalar(target) ? target.value : (this.#converted.get(target) ?? null);
  }

  /** How many nodes `node` stands for once its aliases are expanded (memoised, so linear). */
  #size(node: Node): number {
    const known = this.#sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) {
      const target = resolveAlias(node, this.#doc);
      size = target && !this.#inProgress.has(target) ? this.#size(target) : 1;
    } else if (isMap(node)) {
      for (const pair of pairsOf(node)) size += 1 + (pair.value ? this.#size(pair.value as Node) : 0);
    } else if (isSeq(node)) {
      for (const item of itemsOf(node)) size += isPair(item) ? 1 + (item.value ? this.#size(item.value as Node) : 0) : this.#size(item as Node);
    }
    size = Math.min(size, Number.MAX_SAFE_INTEGER);
    this.#sizes.set(node, size);
    return size;
  }
}
