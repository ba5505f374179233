// The one place that knows the yaml library's node classes. planc pins yaml 3.0.0-2, a
// prerelease, because it parses plans 3.7 times faster than yaml 2.9 (see docs/architecture.md);
// its node API differs from 2.x (maps hold a Map of pairs, sequences are arrays), so every
// other module goes through these helpers.
import { Alias, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, YAMLSet, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';

export type { Document, Node, Pair };
export { Scalar };

/**
 * Every document of `text`, as `parseAllDocuments` reads them, in time linear in the
 * number of keys. For each key it reads, the composer asks the mapping `has(key)` (its
 * duplicate-key check). In yaml 3.0.0-2, `has` looks the key's value up in the mapping's
 * Map, then compares the key node with every key node already there — always, for a new
 * key: a mapping of n keys cost n²/2 comparisons (90,000 keys: 31 s). The comparison can
 * only find a node that is already in the mapping, and the composer asks about a node it
 * has just made; so while planc parses, `has` (of mappings and of `!!set`s) is the lookup
 * alone. Parsing is synchronous: nothing else runs while the methods are replaced.
 */
export function parseDocuments(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document[] {
  const mapHas = Object.getOwnPropertyDescriptor(YAMLMap.prototype, 'has')!;
  const setHas = Object.getOwnPropertyDescriptor(YAMLSet.prototype, 'has')!;
  Object.defineProperty(YAMLMap.prototype, 'has', { ...mapHas, value: lookupOnly });
  Object.defineProperty(YAMLSet.prototype, 'has', { ...setHas, value: lookupOnly });
  try {
    return parseAllDocuments(text, options) as unknown as Document[];
  } finally {
    Object.defineProperty(YAMLMap.prototype, 'has', mapHas);
    Object.defineProperty(YAMLSet.prototype, 'has', setHas);
  }
}

function lookupOnly(this: YAMLMap | YAMLSet, key: unknown): boolean {
  return this.values.has(this.schema.mapKey(key));
}

export const isMap = (node: unknown): node is YAMLMap => node instanceof YAMLMap;
export const isSeq = (node: unknown): node is YAMLSeq => node instanceof YAMLSeq;
export const isScalar = (node: unknown): node is Scalar => node instanceof Scalar;
export const isAlias = (node: unknown): node is Alias => node instanceof Alias;
export const isPair = (node: unknown): node is Pair => node instanceof Pair;

/** The pairs of a mapping, in source order. */
export function pairsOf(map: YAMLMap): Pair[] {
  return [...map.pairs()] as Pair[];
}

/** The elements of a sequence (a `[a: b]` element is a pair). */
export function itemsOf(seq: YAMLSeq): unknown[] {
  return seq as unknown as unknown[];
}

/** The text of a scalar key, or undefined for keys that are not scalars. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key as unknown;
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

/** The pair of `map` whose key reads `name`. */
export function findPair(map: YAMLMap, name: string): Pair | undefined {
  const direct = (map.values as Map<unknown, Pair>).get(name);
  if (direct && keyText(direct) === name) return direct;
  for (const pair of map.pairs() as Iterable<Pair>) if (keyText(pair) === name) return pair;
  return undefined;
}

export function documentValue(doc: Document): Node | undefined {
  return (doc.value ?? undefined) as Node | undefined;
}

export function resolveAlias(alias: Alias, doc: Document): Node | undefined {
  return alias.resolve(doc) as Node | undefined;
}

export function rangeOf(node: unknown): [number, number, number] | undefined {
  return ((node as { range?: [number, number, number] | null } | null | undefined)?.range ?? undefined) as
    | [number, number, number]
    | undefined;
}
