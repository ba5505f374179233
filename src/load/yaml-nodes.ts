// Navigating the YAML node tree by JSON pointer, to turn a pointer into a source span.
// (yaml 3 drops `getIn`, and we want key spans as well as value spans anyway.)
import type { Span } from '../diagnostics/types.ts';
import { decodePointer } from '../util/pointer.ts';
import { documentValue, findPair, isAlias, isMap, isSeq, itemsOf, pairsOf, rangeOf, resolveAlias, type Document, type Node, type Pair } from './yaml-api.ts';

export function spanOf(node: unknown): Span | undefined {
  const range = rangeOf(node);
  return range ? { start: range[0], end: range[1] } : undefined;
}

interface Found {
  /** The node at the pointer, when it exists. */
  node?: Node;
  /** The pair whose value it is, when it sits in a mapping. */
  pair?: Pair;
  /** The deepest pair reached on the way, for pointers that go past the tree. */
  lastPair?: Pair;
  /** The deepest node reached on the way. */
  last?: Node;
}

/**
 * A parsed YAML document with its source text: answers "where is this pointer?". The
 * document may come later: a file the fast path read (src/load/fast-yaml.ts) is parsed
 * for positions only when something asks for one, which is when it has a diagnostic.
 */
export class YamlSource {
  readonly text: string;
  #doc: Document | undefined;
  readonly #parse: (() => Document) | undefined;

  constructor(doc: Document | (() => Document), text: string) {
    if (typeof doc === 'function') this.#parse = doc;
    else this.#doc = doc;
    this.text = text;
  }

  get doc(): Document {
    this.#doc ??= this.#parse!();
    return this.#doc;
  }

  deref(node: unknown): Node | undefined {
    if (isAlias(node)) return resolveAlias(node, this.doc);
    return (node ?? undefined) as Node | undefined;
  }

  find(pointer: string): Found {
    let node = this.deref(documentValue(this.doc));
    const found: Found = node ? { node, last: node } : {};
    for (const segment of decodePointer(pointer)) {
      node = this.deref(node);
      let next: Node | undefined;
      let pair: Pair | undefined;
      if (isMap(node)) {
        pair = findPair(node, segment);
        next = pair ? ((pair.value ?? undefined) as Node | undefined) : undefined;
        if (!pair) return { lastPair: found.lastPair, last: found.last } as Found;
      } else if (isSeq(node)) {
        next = itemsOf(node)[Number(segment)] as Node | undefined;
        if (next === undefined) return { lastPair: found.lastPair, last: found.last } as Found;
      } else {
        return { lastPair: found.lastPair, last: found.last } as Found;
      }
      node = next;
      found.node = next;
      found.pair = pair;
      if (pair) found.lastPair = pair;
      if (next) found.last = next;
    }
    return found;
  }

  /** The span of the value at `pointer` (or of its key when the value is empty). */
  valueSpan(pointer: string): Span {
    const found = this.find(pointer);
    return spanOf(found.node) ?? spanOf(found.pair?.key) ?? this.#nearest(found);
  }

  /** The span of the key at `pointer`, or of the value when it sits in a list. */
  keySpan(pointer: string): Span {
    const found = this.find(pointer);
    return spanOf(found.pair?.key) ?? spanOf(found.node) ?? this.#nearest(found);
  }

  /**
   * Where to point for something missing from the mapping at `pointer`: the key holding
   * the mapping; for a list item, its `id` value (the name people recognise) or first key.
   */
  ownerSpan(pointer: string): Span {
    const found = this.find(pointer);
    if (found.pair) return spanOf(found.pair.key) ?? this.#nearest(found);
    const node = this.deref(found.node);
    if (isMap(node)) {
      const span = spanOf(findPair(node, 'id')?.value) ?? spanOf(pairsOf(node)[0]?.key);
      if (span) return span;
    }
    const span = spanOf(found.node);
    if (span) return { start: span.start, end: Math.max(span.start, Math.min(span.end, this.#lineEnd(span.start))) };
    return this.#nearest(found);
  }

  #lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline === -1 ? this.text.length : newline;
  }

  #nearest(found: Found): Span {
    return spanOf(found.lastPair?.key) ?? spanOf(found.last) ?? { start: 0, end: 0 };
  }
}
