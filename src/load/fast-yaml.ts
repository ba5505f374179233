// The fast path of loading: planc's own reader for the plain YAML that plans are written in.
//
// Why a reader of our own: building the yaml library's node tree (for positions) was the
// costliest thing `planc check` did, and no library gives both the plain value and the
// positions of a plan at the speed of one pass over its characters (js-yaml gives the
// value only, at half this speed, and needed regular-expression scans before it to find
// what it reads differently). The yaml library stays the reference: it reads every file this
// reader declines, and reports every problem.
//
// One pass over the character codes gives the plain value of a subset of YAML 1.2: block
// mappings and sequences (compact `- key: v` items too), flow collections on one line or
// over several, plain, single- and double-quoted scalars (escapes, folding), literal and
// folded block scalars with chomping indicators, comments, and a first `---`. Plain scalars
// resolve with the core schema's rules, as the yaml library applies them (core-scalars.ts).
//
// It must give exactly the value the full path would, and take only files in which the
// full path finds nothing to report, so it declines (returns undefined) anything outside
// the subset or that the full path reports or reads differently: duplicate keys, YAML 1.1
// boolean words, `<<`, tabs, carriage returns, anchors, aliases, tags, directives, several
// documents, keys over 1024 characters, keys that are not text, empty entries of flow
// collections, nesting near the depth limit, and whatever it is unsure of.
//
// The same pass, asked to, records where each key and value is written (span-index.ts),
// with the yaml library's ranges: a file read here keeps no tree, and is read again for
// positions only when a diagnostic asks where a pointer is. test/load/fast-yaml.test.ts
// checks values and every span against the yaml library.
import { NEEDS_FULL_PATH, plainScalar } from './core-scalars.ts';

/** Thrown inside the reader to give the file to the full path. */
const DECLINE = new Error('the fast YAML path declines this text');

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_SEQ = 0x5b;
const CLOSE_SEQ = 0x5d;
const OPEN_MAP = 0x7b;
const CLOSE_MAP = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Characters with a meaning of their own, by code (below 128): bit flags. */
const INDICATOR = 1; // may not start a plain scalar
const FLOW = 2; // , [ ] { }
const BRACKET_OR_QUOTE = 4; // what the runaway-bracket scan counts or skips
const CLASS = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') CLASS[c.charCodeAt(0)]! |= INDICATOR;
for (const c of ',[]{}') CLASS[c.charCodeAt(0)]! |= FLOW;
for (const c of '[]{}"\'') CLASS[c.charCodeAt(0)]! |= BRACKET_OR_QUOTE;

const ESCAPES: Partial<Record<number, string>> = {};
for (const [code, text] of Object.entries({ '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\' })) {
  ESCAPES[code.charCodeAt(0)] = text;
}

/** Kinds of node in the span index. */
export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;
/** Slots of a node record (kind, start, end, index of the record after its subtree) and of a pair's key (start, end, name). */
export const NODE_SLOTS = 4;
export const KEY_SLOTS = 3;

/** Where a value sits: what decides which lines may continue it. */
const MAP_VALUE = 0;
const SEQ_ITEM = 1;
const OWN_LINE = 2;

export interface SpanRecord {
  /** Node and key records in document order (see NODE_SLOTS, KEY_SLOTS). */
  index: number[];
  /** Key names that differ from their written text, by the index a key record gives. */
  names: string[];
}

class Reader {
  readonly text: string;
  readonly length: number;
  readonly maxDepth: number;
  readonly record: SpanRecord | undefined;
  pos = 0;
  /** A bracket or quote the runaway-bracket scan may count otherwise than as structure. */
  irregular = false;
  /** The yaml library's range[1] and range[2] of the node just read. */
  valueEnd = 0;
  nodeEnd = 0;
  /** Whether the node just read keeps comments that follow it (a flow scalar or collection). */
  takesComments = false;
  /** After a gap of blank and comment lines: the next line's indentation (-1 at the end). */
  lineIndent = 0;
  /** The deepest indentation of a comment in the gap not taken by the node before it (-1: none). */
  gapComment = -1;
  /** Whether comments stand before the `-` of the list item being read. */
  commentBefore = false;
  /** Set when a node has ended its line and the gap after it is still to be read. */
  pending = false;
  /** Set by `fold`: what the line breaks it passed fold into. */
  folded = '';

  constructor(text: string, maxDepth: number, record: SpanRecord | undefined) {
    this.text = text;
    this.length = text.length;
    this.maxDepth = maxDepth;
    this.record = record;
  }

  document(): Record<string, unknown> {
    const text = this.text;
    this.gap(-1, false, true);
    if (this.lineIndent === 0 && text.startsWith('---', this.pos)) {
      // An optional first `---`, with nothing but a comment after it on its line.
      const after = this.pos + 3;
      let i = after;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (!(i >= this.length || c === NEWLINE || (c === HASH && i > after))) throw DECLINE;
      this.pos = i;
      this.skipToLineEnd();
      this.gap(-1, false);
    }
    if (this.lineIndent !== 0) throw DECLINE;
    if (!this.startsKey()) throw DECLINE;
    const value = this.blockMap(0, 1);
    // The root mapping ends only at the end of the text or at a line it cannot read.
    if ((this.lineIndent as number) !== -1) throw DECLINE;
    return value;
  }

  // ---- lines and gaps --------------------------------------------------------------------

  /** Past the rest of this line (a comment or spaces) and its line break. */
  skipToLineEnd(): void {
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = newline === -1 ? this.length : newline + 1;
  }

  /**
   * From the start of a line, past blank and comment lines to the first content of the
   * next line, setting `lineIndent` (-1 at the end of the text) and `gapComment`. When the
   * node before the gap keeps comments (`takesComments`), comment lines indented deeper
   * than `indent` that come before any other comment become part of it, as the yaml
   * library has it: its `nodeEnd` moves past them.
   */
  gap(indent: number, takesComments: boolean, documentStart = false): void {
    const text = this.text;
    let taking = takesComments;
    this.gapComment = -1;
    for (;;) {
      const lineStart = this.pos;
      let i = lineStart;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= this.length) {
        this.pos = this.length;
        this.lineIndent = -1;
        return;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        this.pos = i + 1;
        continue;
      }
      const column = i - lineStart;
      if (c === HASH) {
        this.pos = i;
        this.skipToLineEnd();
        if (taking && column > indent) this.nodeEnd = this.pos;
        else {
          taking = false;
          if (column > this.gapComment) this.gapComment = column;
        }
        continue;
      }
      if (column === 0 && (c === DASH || c === 0x2e) && this.documentMarker(i) && !(documentStart && c === DASH)) throw DECLINE;
      this.pos = i;
      this.lineIndent = column;
      return;
    }
  }

  /** A `---` or `...` line: another document, or the end of this one. */
  documentMarker(i: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) return false;
    const next = text.charCodeAt(i + 3);
    return i + 3 >= this.length || next === SPACE || next === NEWLINE;
  }

  /** Whether `pos` is at an indicator (`-`, `:`) followed by a space, a line break or the end. */
  indicatorAt(i: number): boolean {
    const next = this.text.charCodeAt(i + 1);
    return i + 1 >= this.length || next === SPACE || next === NEWLINE;
  }

  /** After a node on its line: spaces, a comment, the line break. Sets `nodeEnd` past them. */
  lineEnd(): void {
    const text = this.text;
    let i = this.pos;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= this.length) {
      this.pos = this.nodeEnd = this.length;
      return;
    }
    const c = text.charCodeAt(i);
    if (c === NEWLINE) this.pos = this.nodeEnd = i + 1;
    else if (c === HASH && i > this.pos) {
      this.pos = i;
      this.skipToLineEnd();
      this.nodeEnd = this.pos;
    } else throw DECLINE;
  }

  // ---- span records ----------------------------------------------------------------------

  openNode(kind: number, start: number): number {
    const index = this.record!.index;
    const at = index.length;
    index.push(kind, start, 0, 0);
    return at;
  }

  closeNode(at: number, end: number): void {
    const index = this.record!.index;
    index[at + 2] = end;
    index[at + 3] = index.length;
  }

  scalarNode(start: number, end: number): void {
    const index = this.record!.index;
    index.push(SCALAR, start, end, index.length + NODE_SLOTS);
  }

  keyRecord(start: number, end: number, name: string): void {
    const record = this.record!;
    const written = name.length === end - start && this.text.startsWith(name, start);
    record.index.push(start, end, written ? -1 : record.names.push(name) - 1);
  }

  // ---- block collections -----------------------------------------------------------------

  /** Whether a mapping key starts at `pos` (a plain or quoted scalar, then `: `). */
  startsKey(): boolean {
    const saved = this.pos;
    const irregular = this.irregular;
    const c = this.text.charCodeAt(saved);
    let key = false;
    if (c === DOUBLE || c === SINGLE) {
      // A quoted key ends on its line; a quoted value may go on.
      let i = saved + 1;
      for (const text = this.text; i < this.length; i++) {
        const d = text.charCodeAt(i);
        if (d === NEWLINE) return false;
        if (d === BACKSLASH && c === DOUBLE) i++;
        else if (d === c) {
          if (c === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
          else break;
        }
      }
      i++;
      while (this.text.charCodeAt(i) === SPACE) i++;
      key = this.text.charCodeAt(i) === COLON && this.indicatorAt(i);
    } else if (this.plainStart(c, false)) {
      key = this.plainLine(false) === COLON;
    }
    this.pos = saved;
    this.irregular = irregular;
    return key;
  }

  /** A block mapping whose first key is at `pos`, at column `indent`. */
  blockMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) throw DECLINE;
    const text = this.text;
    const start = this.pos;
    const node = this.record ? this.openNode(MAP, start) : 0;
    const result: Record<string, unknown> = {};
    let end = start;
    for (;;) {
      const keyStart = this.pos;
      const name = this.key();
      const keyEnd = this.valueEnd;
      if (this.pos - keyStart > 1024) throw DECLINE;
      if (Object.hasOwn(result, name)) throw DECLINE;
      if (this.record) this.keyRecord(keyStart, keyEnd, name);
      this.pos += 1; // the `:`
      const value = this.value(indent, depth + 1, MAP_VALUE);
      if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      else result[name] = value;
      end = this.nodeEnd;
      if (this.lineIndent !== indent) break;
      const c = text.charCodeAt(this.pos);
      if (c === DASH && this.indicatorAt(this.pos)) throw DECLINE;
    }
    if (this.lineIndent > indent) throw DECLINE;
    this.close(node, indent, end);
    return result;
  }

  /** A block sequence whose first `-` is at `pos`, at column `indent`. */
  blockSeq(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) throw DECLINE;
    const text = this.text;
    const node = this.record ? this.openNode(SEQ, this.pos) : 0;
    const result: unknown[] = [];
    let end = this.pos;
    this.commentBefore = false;
    for (;;) {
      this.pos += 1; // the `-`
      result.push(this.value(indent, depth + 1, SEQ_ITEM));
      // Comments before the next item's `-` are its own (unless the entry before took them).
      this.commentBefore = this.gapComment !== -1;
      end = this.nodeEnd;
      if (this.lineIndent !== indent) break;
      // At the sequence's column, a line that is not an item ends it (a mapping around it
      // at the same column takes the line), and the sequence's own gap rules apply.
      if (!(text.charCodeAt(this.pos) === DASH && this.indicatorAt(this.pos))) break;
    }
    if (this.lineIndent > indent) throw DECLINE;
    this.close(node, indent, end);
    return result;
  }

  /**
   * Ends a block collection at column `indent` whose last entry ended at `end`, before a
   * less indented line (or the end). Comments in the gap before it stay with the
   * collection (its range[2] reaches the next line's content) when one of them is indented
   * at least as deep as the collection, at a column above 0; otherwise they move on to the
   * collection around it. This is how the yaml library's parser hands trailing comments up.
   */
  close(node: number, indent: number, end: number): void {
    this.valueEnd = end;
    this.nodeEnd = end;
    if (this.gapComment >= indent && indent !== 0) {
      this.nodeEnd = this.pos;
      this.gapComment = -1;
    }
    this.takesComments = false;
    if (this.record) this.closeNode(node, end);
  }

  /** A key at `pos`: its name; `valueEnd` is where its text ends, `pos` at its `:`. */
  key(): string {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    let name: unknown;
    let i: number;
    if (c === DOUBLE || c === SINGLE) {
      name = this.quoted(c, 0, false);
      this.valueEnd = this.pos;
      i = this.pos;
      while (text.charCodeAt(i) === SPACE) i++;
    } else {
      if (!this.plainStart(c, false)) throw DECLINE;
      const start = this.pos;
      if (this.plainLine(false) !== COLON) throw DECLINE;
      const written = text.slice(start, this.valueEnd);
      if (written === '<<') throw DECLINE;
      name = plainScalar(written, false);
      if (name === null) throw DECLINE;
      i = this.pos;
    }
    if (text.charCodeAt(i) !== COLON || !this.indicatorAt(i)) throw DECLINE;
    this.pos = i;
    return typeof name === 'string' ? name : String(name);
  }

  /**
   * The value after a `:` or `-` at `pos`, in a collection at column `indent`. Leaves `pos`
   * at the first content of the next line (`lineIndent`), past the gap.
   */
  value(indent: number, depth: number, place: number): unknown {
    const text = this.text;
    const indicator = this.pos;
    let i = indicator;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i < this.length && c !== NEWLINE && c !== HASH) {
      this.pos = i;
      const value = this.inline(indent, depth, place, i - this.lineStartOf(i));
      this.gapAfter(indent);
      return value;
    }
    // Nothing on this line: the value is on the next ones, or empty.
    if (c === HASH && i === indicator) throw DECLINE;
    const empty = i;
    let comment = c === HASH;
    this.pos = i;
    this.skipToLineEnd();
    this.gap(indent, false);
    comment ||= this.gapComment !== -1;
    const next = this.lineIndent;
    if (next > indent) return this.ownLine(indent, depth, next);
    if (next === indent && place === MAP_VALUE && text.charCodeAt(this.pos) === DASH && this.indicatorAt(this.pos)) {
      return this.blockSeq(indent, depth);
    }
    // An empty value; with a comment after it (or, in a list, before its `-`), its range
    // would take the comments in.
    if (comment || (place === SEQ_ITEM && this.commentBefore)) throw DECLINE;
    this.valueEnd = this.nodeEnd = empty;
    this.takesComments = false;
    if (this.record) this.scalarNode(empty, empty);
    return null;
  }

  lineStartOf(i: number): number {
    return this.text.lastIndexOf('\n', i - 1) + 1;
  }

  /** After a node that ended its line (`pos` at the next line): the gap, unless a collection already passed it. */
  gapAfter(indent: number): void {
    if (this.pending) {
      this.pending = false;
      this.gap(indent, this.takesComments);
    }
  }


  /** A node on a line of its own, at column `column`, in a collection at column `indent`. */
  ownLine(indent: number, depth: number, column: number): unknown {
    const value = this.inline(indent, depth, OWN_LINE, column);
    this.gapAfter(indent);
    return value;
  }

  /** A node starting at `pos` (column `column`). */
  inline(indent: number, depth: number, place: number, column: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === DASH && this.indicatorAt(this.pos)) {
      if (place === MAP_VALUE) throw DECLINE;
      return this.blockSeq(column, depth);
    }
    if (place !== MAP_VALUE && this.startsKey()) return this.blockMap(column, depth);
    const start = this.pos;
    let value: unknown;
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      value = this.flow(indent, depth);
      this.lineEnd();
      this.takesComments = true;
    } else if (c === DOUBLE || c === SINGLE) {
      value = this.quoted(c, indent + 1, true);
      this.valueEnd = this.pos;
      this.lineEnd();
      this.takesComments = true;
    } else if (c === PIPE || c === GREATER) {
      if (place === OWN_LINE) throw DECLINE;
      value = this.blockScalar(indent);
      this.takesComments = false;
    } else {
      if (!this.plainStart(c, false)) throw DECLINE;
      value = this.plainValue(indent);
      this.takesComments = true;
    }
    if (this.record) this.scalarOrFlowEnd(start);
    this.pending = true;
    return value;
  }

  /** Records a scalar read at `start`; a flow collection recorded itself. */
  scalarOrFlowEnd(start: number): void {
    const c = this.text.charCodeAt(start);
    if (c !== OPEN_SEQ && c !== OPEN_MAP) this.scalarNode(start, this.valueEnd);
  }

  // ---- scalars ---------------------------------------------------------------------------

  /** Whether a plain scalar may start with `c` at `pos`. */
  plainStart(c: number, inFlow: boolean): boolean {
    if (c >= 128 || !(CLASS[c]! & INDICATOR)) return c !== SPACE && c !== NEWLINE && !Number.isNaN(c);
    if (c !== DASH && c !== 0x3f && c !== COLON) return false;
    const next = this.text.charCodeAt(this.pos + 1);
    if (this.pos + 1 >= this.length || next === SPACE || next === NEWLINE || next === HASH) return false;
    return !(inFlow && next < 128 && CLASS[next]! & FLOW);
  }

  /**
   * One line of a plain scalar from `pos`: stops at `: ` (returns COLON, `pos` at the `:`),
   * at ` #` or the line's end (returns the stopping code, `pos` past the text), and in flow
   * context at `,[]{}`. `valueEnd` is where the text ends, without trailing spaces.
   */
  plainLine(inFlow: boolean): number {
    const text = this.text;
    const length = this.length;
    let i = this.pos;
    let end = i;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) {
          this.pos = i;
          this.valueEnd = end;
          return HASH;
        }
        continue;
      }
      if (c === NEWLINE) break;
      if (c < 128) {
        const kind = CLASS[c]!;
        if (kind !== 0) {
          if (c === COLON) {
            const next = text.charCodeAt(i + 1);
            if (i + 1 >= length || next === SPACE || next === NEWLINE || (inFlow && next < 128 && CLASS[next]! & FLOW)) {
              this.pos = i;
              this.valueEnd = end;
              return COLON;
            }
          } else if (kind & FLOW && inFlow) {
            this.pos = i;
            this.valueEnd = end;
            return c;
          } else if (kind & BRACKET_OR_QUOTE) this.irregular = true;
        }
      }
      end = i + 1;
    }
    this.pos = i;
    this.valueEnd = end;
    return NEWLINE;
  }

  /** A plain scalar value in block context, perhaps over several lines; ends past its line. */
  plainValue(indent: number): unknown {
    const text = this.text;
    const start = this.pos;
    const stop = this.plainLine(false);
    if (stop === COLON) throw DECLINE;
    let end = this.valueEnd;
    let folded: string | undefined;
    if (stop === NEWLINE && this.pos < this.length) {
      // Continuation lines: indented deeper than the collection, blank lines between.
      let sep = ' ';
      let pending = '';
      let i = this.pos + 1;
      for (;;) {
        let j = i;
        while (text.charCodeAt(j) === SPACE) j++;
        if (j >= this.length) break;
        const c = text.charCodeAt(j);
        if (c === NEWLINE) {
          if (sep === '\n') pending += '\n';
          else sep = '\n';
          i = j + 1;
          continue;
        }
        if (j - i <= indent || c === HASH) break;
        if (c < 128 && CLASS[c]! & INDICATOR) throw DECLINE;
        this.pos = j;
        const lineStop = this.plainLine(false);
        if (lineStop === COLON) throw DECLINE;
        folded = (folded ?? text.slice(start, end)) + pending + sep + text.slice(j, this.valueEnd);
        pending = '';
        sep = ' ';
        end = this.valueEnd;
        if (lineStop !== NEWLINE || this.pos >= this.length) break;
        i = this.pos + 1;
      }
      this.pos = end;
    }
    this.valueEnd = end;
    this.lineEnd();
    if (folded !== undefined) return folded;
    const value = plainScalar(text.slice(start, end), true);
    if (value === NEEDS_FULL_PATH) throw DECLINE;
    return value;
  }

  /**
   * A quoted scalar at `pos`; `pos` ends past its closing quote. Lines it continues on must
   * be indented at least `continuation` (the yaml library's rule); a key (`asValue` false)
   * must fit on one line.
   */
  quoted(quote: number, continuation: number, asValue: boolean): string {
    const text = this.text;
    const length = this.length;
    const start = this.pos;
    let i = start + 1;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= length) throw DECLINE;
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) {
          value += text.slice(from, i + 1);
          this.irregular = true;
          i += 2;
          from = i;
          continue;
        }
        value += text.slice(from, i);
        this.pos = i + 1;
        break;
      }
      if (c === NEWLINE || c === SPACE) {
        // Trailing spaces before a line break go; a line break folds.
        let j = i;
        while (text.charCodeAt(j) === SPACE) j++;
        if (text.charCodeAt(j) !== NEWLINE) {
          i = j;
          continue;
        }
        if (!asValue) throw DECLINE;
        this.irregular = true;
        value += text.slice(from, i);
        i = this.fold(j, continuation);
        value += this.folded;
        from = i;
        continue;
      }
      if (c === BACKSLASH && quote === DOUBLE) {
        this.irregular = true;
        value += text.slice(from, i);
        const next = text.charCodeAt(i + 1);
        const escape = ESCAPES[next];
        if (escape !== undefined) {
          value += escape;
          i += 2;
        } else if (next === NEWLINE) {
          if (!asValue) throw DECLINE;
          i = this.continueLine(i + 1, continuation);
          // The next line's leading spaces go; the line break with them.
          while (text.charCodeAt(i) === SPACE) i++;
        } else if (next === 0x78 || next === 0x75 || next === 0x55) {
          const digits = next === 0x78 ? 2 : next === 0x75 ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + digits);
          if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw DECLINE;
          value += String.fromCodePoint(code);
          i += 2 + digits;
        } else throw DECLINE;
        from = i;
        continue;
      }
      i++;
    }
    return value;
  }


  /**
   * At a line break (`i`) inside a quoted scalar: past it and the blank lines after it to
   * the next line's content. One line break folds into a space, n + 1 into n newlines.
   */
  fold(i: number, continuation: number): number {
    const text = this.text;
    let breaks = 0;
    let j = i;
    while (text.charCodeAt(j) === NEWLINE) {
      breaks += 1;
      j = this.continueLine(j, continuation);
      while (text.charCodeAt(j) === SPACE) j++;
    }
    this.folded = breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    return j;
  }

  /** At a line break inside a scalar: the next line's start, if it may continue the scalar. */
  continueLine(newline: number, continuation: number): number {
    const text = this.text;
    const start = newline + 1;
    let j = start;
    while (text.charCodeAt(j) === SPACE) j++;
    if (j >= this.length) throw DECLINE;
    if (text.charCodeAt(j) !== NEWLINE && j - start < continuation) throw DECLINE;
    if (j - start === 0 && this.documentMarker(j)) throw DECLINE;
    return start;
  }

  /** A literal or folded block scalar whose header is at `pos`, in a collection at column `indent`. */
  blockScalar(indent: number): string {
    const text = this.text;
    const length = this.length;
    const literal = text.charCodeAt(this.pos) === PIPE;
    let i = this.pos + 1;
    let chomp = 0;
    const indicator = text.charCodeAt(i);
    if (indicator === DASH || indicator === 0x2b) {
      chomp = indicator === DASH ? -1 : 1;
      i++;
    }
    const afterHeader = i;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < length && text.charCodeAt(i) !== NEWLINE) {
      if (!(text.charCodeAt(i) === HASH && i > afterHeader)) throw DECLINE;
    }
    this.pos = i;
    this.skipToLineEnd();
    const bodyStart = this.pos;
    if (bodyStart >= length) throw DECLINE;
    // The lines of the body: [start of content, end of line], until a less indented line.
    const lines: number[] = [];
    let contentIndent = -1;
    let leadingBlank = 0;
    let lineStart = bodyStart;
    let lastContent = -1;
    while (lineStart < length) {
      let j = lineStart;
      while (text.charCodeAt(j) === SPACE) j++;
      const newline = text.indexOf('\n', j);
      const lineEnd = newline === -1 ? length : newline;
      if (j === lineEnd) {
        // A blank line: only truly empty ones (whitespace lines are read in subtle ways).
        if (j > lineStart) throw DECLINE;
        if (contentIndent === -1) leadingBlank += 1;
        lines.push(j, j);
        lineStart = lineEnd + 1;
        continue;
      }
      const column = j - lineStart;
      if (contentIndent === -1) {
        if (column <= indent) break;
        contentIndent = column;
      } else if (column < contentIndent) break;
      if (!literal && column > contentIndent) throw DECLINE;
      for (let k = j; k < lineEnd; k++) {
        const c = text.charCodeAt(k);
        if (c < 128 && CLASS[c]! & BRACKET_OR_QUOTE) {
          this.irregular = true;
          break;
        }
      }
      lines.push(lineStart + contentIndent, lineEnd);
      lastContent = lines.length;
      lineStart = lineEnd + 1;
    }
    if (contentIndent === -1) throw DECLINE;
    // The blank lines after the last content line belong to the scalar only with `+`; its
    // range ends past the last line break it keeps.
    const kept = chomp === 1 ? lines.length : lastContent;
    const end = Math.min(lines[kept - 1]! + 1, length);
    let value = '\n'.repeat(leadingBlank);
    let sep = '';
    for (let k = leadingBlank * 2; k < lastContent; k += 2) {
      const content = text.slice(lines[k]!, lines[k + 1]!);
      if (literal) {
        value += sep + content;
        sep = '\n';
      } else if (content === '') {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + content;
        sep = ' ';
      }
    }
    if (chomp === 0) value += '\n';
    else if (chomp === 1) value += '\n'.repeat((lines.length - lastContent) / 2 + 1);
    this.pos = end;
    this.valueEnd = this.nodeEnd = end;
    return value;
  }

  // ---- flow collections ------------------------------------------------------------------

  /**
   * Past spaces, line breaks and comments inside a flow collection. Lines must be
   * indented deeper than the block collection around it (`indent`); a line may start with
   * the outermost closing bracket at that collection's column.
   */
  flowSpace(indent: number, depth: number): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        i++;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        const newline = text.indexOf('\n', i);
        if (newline === -1) throw DECLINE;
        i = newline;
      } else if (c === NEWLINE) {
        const start = i + 1;
        let j = start;
        while (text.charCodeAt(j) === SPACE) j++;
        if (j >= this.length) throw DECLINE;
        const next = text.charCodeAt(j);
        if (next !== NEWLINE && j - start <= indent) {
          const closing = next === CLOSE_SEQ || next === CLOSE_MAP;
          if (!(closing && depth === 1 && j - start === indent)) throw DECLINE;
        }
        if (next === HASH) {
          const newline = text.indexOf('\n', j);
          if (newline === -1) throw DECLINE;
          i = newline;
        } else i = j;
      } else break;
    }
    this.pos = i;
  }

  /** A flow collection at `pos`; `flowDepth` counts the flow collections around it. */
  flow(indent: number, depth: number, flowDepth = 1): unknown {
    if (depth > this.maxDepth) throw DECLINE;
    const text = this.text;
    const start = this.pos;
    const isMap = text.charCodeAt(start) === OPEN_MAP;
    const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const node = this.record ? this.openNode(isMap ? MAP : SEQ, start) : 0;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    this.pos += 1;
    this.flowSpace(indent, flowDepth);
    if (text.charCodeAt(this.pos) === close) this.pos += 1;
    else {
      for (;;) {
        if (isMap) {
          const keyStart = this.pos;
          const c = text.charCodeAt(keyStart);
          let name: unknown;
          if (c === DOUBLE || c === SINGLE) {
            name = this.quoted(c, 0, false);
            this.valueEnd = this.pos;
            while (text.charCodeAt(this.pos) === SPACE) this.pos++;
          } else {
            if (!this.plainStart(c, true)) throw DECLINE;
            if (this.plainLine(true) !== COLON) throw DECLINE;
            const written = text.slice(keyStart, this.valueEnd);
            if (written === '<<') throw DECLINE;
            name = plainScalar(written, false);
            if (name === null) throw DECLINE;
          }
          const keyEnd = this.valueEnd;
          if (text.charCodeAt(this.pos) !== COLON || !this.indicatorAt(this.pos)) throw DECLINE;
          if (this.pos - keyStart > 1024) throw DECLINE;
          const key = typeof name === 'string' ? name : String(name);
          if (Object.hasOwn(map, key)) throw DECLINE;
          if (this.record) this.keyRecord(keyStart, keyEnd, key);
          this.pos += 1;
          this.flowSpace(indent, flowDepth);
          const value = this.flowNode(indent, depth + 1, flowDepth);
          if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
          else map[key] = value;
        } else {
          list.push(this.flowNode(indent, depth + 1, flowDepth));
        }
        this.flowSpace(indent, flowDepth);
        const c = text.charCodeAt(this.pos);
        if (c === close) {
          this.pos += 1;
          break;
        }
        if (c !== COMMA) throw DECLINE;
        this.pos += 1;
        this.flowSpace(indent, flowDepth);
        const next = text.charCodeAt(this.pos);
        if (next === close || next === COMMA) throw DECLINE;
      }
    }
    this.valueEnd = this.pos;
    if (this.record) this.closeNode(node, this.pos);
    // Nothing may stick to a closing bracket but a separator.
    const after = text.charCodeAt(this.pos);
    if (this.pos < this.length && after !== SPACE && after !== NEWLINE && after !== COMMA && after !== CLOSE_SEQ && after !== CLOSE_MAP) throw DECLINE;
    return isMap ? map : list;
  }

  /** A value inside a flow collection. */
  flowNode(indent: number, depth: number, flowDepth: number): unknown {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let value: unknown;
    if (c === OPEN_SEQ || c === OPEN_MAP) return this.flow(indent, depth, flowDepth + 1);
    if (c === DOUBLE || c === SINGLE) {
      value = this.quoted(c, indent + 1, true);
      this.valueEnd = this.pos;
      const after = text.charCodeAt(this.pos);
      if (this.pos < this.length && after !== SPACE && after !== NEWLINE && after !== COMMA && after !== CLOSE_SEQ && after !== CLOSE_MAP) throw DECLINE;
    } else {
      if (!this.plainStart(c, true)) throw DECLINE;
      const stop = this.plainLine(true);
      if (stop === COLON || stop === HASH) throw DECLINE;
      if (stop === NEWLINE) {
        // A plain scalar in flow context goes on over the line break unless the next
        // line starts with a flow indicator.
        let j = this.pos + 1;
        while (text.charCodeAt(j) === SPACE) j++;
        const next = text.charCodeAt(j);
        if (!(next < 128 && CLASS[next]! & FLOW)) throw DECLINE;
      }
      const written = text.slice(start, this.valueEnd);
      value = plainScalar(written, true);
      if (value === NEEDS_FULL_PATH) throw DECLINE;
      this.pos = this.valueEnd;
    }
    if (this.record) this.scalarNode(start, this.valueEnd);
    return value;
  }
}

/** The plain value of a plan's text, or undefined when the full path must read it. */
export interface FastYaml {
  value: Record<string, unknown>;
  /**
   * Whether a bracket or quote sits where the runaway-bracket scan of parse.ts might count
   * it otherwise than the structure: that scan must then look at the text itself.
   */
  irregular: boolean;
}

/**
 * `maxDepth` is the full path's nesting limit: the fast path declines nesting well short of
 * it (three quarters), so the full path reports the limit exactly.
 */
export function fastYaml(text: string, maxDepth: number): FastYaml | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const reader = new Reader(text, Math.floor((maxDepth * 3) / 4), undefined);
  try {
    return { value: reader.document(), irregular: reader.irregular };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** The spans of a text the fast path read (it must have read it). */
export function recordSpans(text: string, maxDepth: number): SpanRecord {
  const record: SpanRecord = { index: [], names: [] };
  new Reader(text, Math.floor((maxDepth * 3) / 4), record).document();
  return record;
}
