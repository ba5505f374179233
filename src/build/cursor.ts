import type { Location, Span } from '../diagnostics/types.ts';
import { documentValue, findPair, isMap, isSeq, itemsOf, type Node, type Pair } from '../load/yaml-api.ts';
import type { YamlSource } from '../load/yaml-nodes.ts';
import { spanOf } from '../load/yaml-nodes.ts';
import { encodePointerSegment } from '../util/pointer.ts';

/**
 * A position in the YAML tree that walks alongside the plain value, so the build stage can
 * record where each item is without searching from the root every time.
 */
export class Cursor {
  readonly source: YamlSource;
  readonly file: string;
  readonly pointer: string;
  readonly #node: Node | undefined;
  readonly #pair: Pair | undefined;

  constructor(source: YamlSource, file: string, node: Node | undefined, pair: Pair | undefined, pointer: string) {
    this.source = source;
    this.file = file;
    this.#node = node;
    this.#pair = pair;
    this.pointer = pointer;
  }

  static root(source: YamlSource, file: string): Cursor {
    return new Cursor(source, file, source.deref(documentValue(source.doc)), undefined, '');
  }

  get(name: string): Cursor {
    const node = this.source.deref(this.#node);
    const pair = isMap(node) ? findPair(node, name) : undefined;
    return new Cursor(this.source, this.file, this.source.deref(pair?.value), pair, `${this.pointer}/${encodePointerSegment(name)}`);
  }

  at(index: number): Cursor {
    const node = this.source.deref(this.#node);
    const item = isSeq(node) ? (itemsOf(node)[index] as Node | undefined) : undefined;
    return new Cursor(this.source, this.file, this.source.deref(item), undefined, `${this.pointer}/${index}`);
  }

  /** The value's span; its key's when the value is empty. */
  span(): Span {
    return spanOf(this.#node) ?? spanOf(this.#pair?.key) ?? { start: 0, end: 0 };
  }

  keySpan(): Span {
    return spanOf(this.#pair?.key) ?? this.span();
  }

  location(): Location {
    return { file: this.file, span: this.span(), pointer: this.pointer };
  }

  keyLocation(): Location {
    return { file: this.file, span: this.keySpan(), pointer: this.pointer };
  }
}
