import type { Location, Span } from '../diagnostics/types.ts';
import type { YamlSource } from '../load/yaml-nodes.ts';
import { encodePointerSegment } from '../util/pointer.ts';

/**
 * A position in the plan, walking alongside the plain value as the build stage reads it,
 * so that every item knows where it was written. The position is a JSON pointer; the span
 * behind it is looked up in the YAML tree only when asked for (a diagnostic), so a file
 * nobody reports on is never parsed for positions (see YamlSource).
 */
export class Cursor {
  readonly source: YamlSource;
  readonly file: string;
  readonly pointer: string;

  constructor(source: YamlSource, file: string, pointer: string) {
    this.source = source;
    this.file = file;
    this.pointer = pointer;
  }

  static root(source: YamlSource, file: string): Cursor {
    return new Cursor(source, file, '');
  }

  get(name: string): Cursor {
    return new Cursor(this.source, this.file, `${this.pointer}/${encodePointerSegment(name)}`);
  }

  at(index: number): Cursor {
    return new Cursor(this.source, this.file, `${this.pointer}/${index}`);
  }

  /** The value's span; its key's when the value is empty. */
  span(): Span {
    return this.source.valueSpan(this.pointer);
  }

  keySpan(): Span {
    return this.source.keySpan(this.pointer);
  }

  location(): Location {
    return new LazyLocation(this.source, this.file, this.pointer, false);
  }

  keyLocation(): Location {
    return new LazyLocation(this.source, this.file, this.pointer, true);
  }
}

/**
 * A location whose span is found the first time it is read. A plan has one for every item
 * and reference (a hundred thousand in a large check), so it holds no closure: only the
 * source to ask, and whether it is the key's span or the value's.
 */
class LazyLocation implements Location {
  readonly file: string;
  readonly pointer: string;
  #source: YamlSource | undefined;
  #key: boolean;
  #span: Span | undefined;

  constructor(source: YamlSource, file: string, pointer: string, key: boolean) {
    this.#source = source;
    this.file = file;
    this.pointer = pointer;
    this.#key = key;
  }

  get span(): Span {
    if (this.#span === undefined) {
      this.#span = this.#key ? this.#source!.keySpan(this.pointer) : this.#source!.valueSpan(this.pointer);
      this.#source = undefined;
    }
    return this.#span;
  }
}
