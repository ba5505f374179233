// Where a JSON pointer is written in a YAML file: YamlSource answers for diagnostics, from a
// Locator. Two locators give the same answers: one walks the yaml library's node tree (the
// full path keeps it), the other the span index of the fast path (span-index.ts), made
// when a diagnostic first asks.
import type { Span } from '../diagnostics/types.ts';
import { decodePointer } from '../util/pointer.ts';
import { documentValue, findPair, isAlias, isMap, isSeq, itemsOf, pairsOf, rangeOf, resolveAlias, type Document, type Node, type Pair } from './yaml-api.ts';

export function spanOf(node: unknown): Span | undefined {
  const range = rangeOf(node);
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** What a pointer leads to, as spans. */
export interface Found {
  /** The value at the pointer, when it exists and has a range. */
  node?: Span;
  /** Whether the value sits in a mapping (then `key` is its key's span, if it has one). */
  inPair: boolean;
  key?: Span;
  /** When the value is a mapping: its `id` value, or else its first key. */
  owner?: Span;
  /** The deepest key and node reached on the way, for pointers that go past the tree. */
  lastKey?: Span;
  last?: Span;
}

export interface Locator {
  find(pointer: string): Found;
}

/** A pointer's way through the yaml library's node tree. */
export class TreeLocator implements Locator {
  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  #deref(node: unknown): Node | undefined {
    if (isAlias(node)) return resolveAlias(node, this.#doc);
    return (node ?? undefined) as Node | undefined;
  }

  find(pointer: string): Found {
    let node = this.#deref(documentValue(this.#doc));
    let lastPair: Pair | undefined;
    let last: Node | undefined = node;
    let pair: Pair | undefined;
    const missing = (): Found => ({ inPair: false, lastKey: spanOf(lastPair?.key), last: spanOf(last) });
    if (!node) return { inPair: false };
    for (const segment of decodePointer(pointer)) {
      node = this.#deref(node);
      let next: Node | undefined;
      if (isMap(node)) {
        pair = findPair(node, segment);
        if (!pair) return missing();
        next = (pair.value ?? undefined) as Node | undefined;
      } else if (isSeq(node)) {
        pair = undefined;
        next = itemsOf(node)[Number(segment)] as Node | undefined;
        if (next === undefined) return missing();
      } else {
        return missing();
      }
      node = next;
      if (pair) lastPair = pair;
      if (next) last = next;
    }
    const value = this.#deref(node);
    const owner = isMap(value) ? (spanOf(findPair(value, 'id')?.value) ?? spanOf(pairsOf(value)[0]?.key)) : undefined;
    return { node: spanOf(node), inPair: pair !== undefined, key: spanOf(pair?.key), owner, lastKey: spanOf(lastPair?.key), last: spanOf(last) };
  }
}

/**
 * A YAML file's text and where its pointers are written. The locator may come later: a
 * file the fast path read (src/load/fast-yaml.ts) is read again for positions only when
 * something asks for one, which is when it has a diagnostic.
 */
export class YamlSource {
  readonly text: string;
  #locator: Locator | undefined;
  readonly #locate: (() => Locator) | undefined;

  constructor(locator: Locator | (() => Locator), text: string) {
    if (typeof locator === 'function') this.#locate = locator;
    else this.#locator = locator;
    this.text = text;
  }

  find(pointer: string): Found {
    this.#locator ??= this.#locate!();
    return this.#locator.find(pointer);
  }

  /**
   * Lets go of a locator that can be made again (the fast path's span index): once a
   * file's diagnostics have their positions, a large check need not hold a thousand indexes
   * at once. Asked again, it is made again.
   */
  release(): void {
    if (this.#locate) this.#locator = undefined;
  }

  /** The span of the value at `pointer` (or of its key when the value is empty). */
  valueSpan(pointer: string): Span {
    const found = this.find(pointer);
    return found.node ?? found.key ?? this.#nearest(found);
  }

  /** The span of the key at `pointer`, or of the value when it sits in a list. */
  keySpan(pointer: string): Span {
    const found = this.find(pointer);
    return found.key ?? found.node ?? this.#nearest(found);
  }

  /**
   * Where to point for something missing from the mapping at `pointer`: the key holding
   * the mapping; for a list item, its `id` value (the name people recognise) or first key.
   */
  ownerSpan(pointer: string): Span {
    const found = this.find(pointer);
    if (found.inPair) return found.key ?? this.#nearest(found);
    if (found.owner) return found.owner;
    const span = found.node;
    if (span) return { start: span.start, end: Math.max(span.start, Math.min(span.end, this.#lineEnd(span.start))) };
    return this.#nearest(found);
  }

  #lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline === -1 ? this.text.length : newline;
  }

  #nearest(found: Found): Span {
    return found.lastKey ?? found.last ?? { start: 0, end: 0 };
  }
}
