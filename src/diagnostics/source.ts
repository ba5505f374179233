import type { Position, Range, Span } from './types.ts';

/** The text of a file and the offsets its lines start at, for offset → line/column. */
export class SourceText {
  readonly path: string;
  readonly text: string;
  /** Whether the file began with a UTF-8 byte order mark, which the decoder dropped from `text`. */
  readonly bom: boolean;
  #lineStarts: number[] | undefined;

  constructor(path: string, text: string, bom = false) {
    this.path = path;
    this.text = text;
    this.bom = bom;
  }

  get lineStarts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  /** The offset of a 1-based line and column: the inverse of `position`. */
  offset(position: Position): number {
    const start = this.lineStarts[position.line - 1];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.column - 1, this.text.length);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(Math.max(span.start, span.end)) };
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === '\r') end -= 1;
    return this.text.slice(start, end);
  }
}
