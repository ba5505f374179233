// Positions for a file the fast path read, without a node tree: the fast reader, run again
// in its recording mode, lists every node and key with the yaml library's ranges in one
// array of numbers (fast-yaml.ts, SpanRecord), and pointers are walked through it. Made
// only for a file that has something to report; a few numbers a node.
import type { Span } from '../diagnostics/types.ts';
import { decodePointer } from '../util/pointer.ts';
import { KEY_SLOTS, MAP, NODE_SLOTS, recordSpans, SEQ } from './fast-yaml.ts';
import type { Found, Locator } from './yaml-nodes.ts';

/** Entries of a mapping or list past which lookups use a table instead of a walk. */
const TABLE_FROM = 16;

export class IndexLocator implements Locator {
  readonly #text: string;
  readonly #index: Int32Array;
  readonly #names: string[];
  /** Per large mapping (by record): the key record of each name. */
  readonly #keys = new Map<number, Map<string, number>>();
  /** Per large list (by record): the record of each item. */
  readonly #items = new Map<number, number[]>();

  constructor(text: string, maxDepth: number) {
    const record = recordSpans(text, maxDepth);
    this.#text = text;
    this.#index = Int32Array.from(record.index);
    this.#names = record.names;
  }

  #span(at: number): Span {
    return { start: this.#index[at + 1]!, end: this.#index[at + 2]! };
  }

  #keySpan(key: number): Span {
    return { start: this.#index[key]!, end: this.#index[key + 1]! };
  }

  #name(key: number): string {
    const named = this.#index[key + 2]!;
    return named === -1 ? this.#text.slice(this.#index[key]!, this.#index[key + 1]!) : this.#names[named]!;
  }

  /** The key record of `name` in the mapping recorded at `map`, or -1. */
  #pair(map: number, name: string): number {
    const index = this.#index;
    const end = index[map + 3]!;
    let table = this.#keys.get(map);
    if (!table) {
      // A short walk first; a mapping with more keys than that gets a table.
      let count = 0;
      let key = map + NODE_SLOTS;
      for (; key < end && count < TABLE_FROM; key = index[key + KEY_SLOTS + 3]!, count++) if (this.#name(key) === name) return key;
      if (key >= end) return -1;
      table = new Map<string, number>();
      for (key = map + NODE_SLOTS; key < end; key = index[key + KEY_SLOTS + 3]!) table.set(this.#name(key), key);
      this.#keys.set(map, table);
    }
    return table.get(name) ?? -1;
  }

  /** The record of item `position` of the list recorded at `seq`, or -1. */
  #item(seq: number, position: number): number {
    const index = this.#index;
    const end = index[seq + 3]!;
    let items = this.#items.get(seq);
    if (!items) {
      let count = 0;
      let item = seq + NODE_SLOTS;
      for (; item < end && count < TABLE_FROM; item = index[item + 3]!, count++) if (count === position) return item;
      if (item >= end) return -1;
      items = [];
      for (item = seq + NODE_SLOTS; item < end; item = index[item + 3]!) items.push(item);
      this.#items.set(seq, items);
    }
    return items[position] ?? -1;
  }

  find(pointer: string): Found {
    const index = this.#index;
    let node = 0;
    let key = -1;
    let lastKey = -1;
    const missing = (): Found => ({ inPair: false, ...(lastKey !== -1 ? { lastKey: this.#keySpan(lastKey) } : {}), last: this.#span(node) });
    for (const segment of decodePointer(pointer)) {
      const kind = index[node]!;
      if (kind === MAP) {
        key = this.#pair(node, segment);
        if (key === -1) return missing();
        lastKey = key;
        node = key + KEY_SLOTS;
      } else if (kind === SEQ) {
        // As the yaml tree answers `items[Number(segment)]`.
        const position = Number(segment);
        const item = Number.isInteger(position) && position >= 0 ? this.#item(node, position) : -1;
        if (item === -1) return missing();
        key = -1;
        node = item;
      } else return missing();
    }
    let owner: Span | undefined;
    if (index[node] === MAP) {
      const id = this.#pair(node, 'id');
      const first = node + NODE_SLOTS;
      if (id !== -1) owner = this.#span(id + KEY_SLOTS);
      else if (first < index[node + 3]!) owner = this.#keySpan(first);
    }
    return {
      node: this.#span(node),
      inPair: key !== -1,
      ...(key !== -1 ? { key: this.#keySpan(key) } : {}),
      ...(owner ? { owner } : {}),
      ...(lastKey !== -1 ? { lastKey: this.#keySpan(lastKey) } : {}),
      last: this.#span(node),
    };
  }
}
