// The one place that knows the yaml library's node classes (yaml 2.x, the stable line):
// every other module goes through these helpers.
import {
  isAlias as yamlIsAlias,
  isMap as yamlIsMap,
  isPair as yamlIsPair,
  isScalar as yamlIsScalar,
  isSeq as yamlIsSeq,
  parseAllDocuments,
  Scalar,
  type Alias,
  type Document,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type { Document, Node, Pair };
export { Scalar };

/**
 * Every document of `text`. The library's own duplicate-key check (`uniqueKeys`) is off:
 * it compares each new key with every key before it in the mapping, so a mapping of n keys
 * costs n²/2 comparisons (a hostile 1 MiB file of 90,000 keys would take minutes); planc's
 * walk of the tree (parse.ts) checks them with a set instead, and reports the same thing.
 */
export function parseDocuments(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document[] {
  return [...parseAllDocuments(text, { ...options, uniqueKeys: false })] as Document[];
}

export const isMap = (node: unknown): node is YAMLMap => yamlIsMap(node);
export const isSeq = (node: unknown): node is YAMLSeq => yamlIsSeq(node);
export const isScalar = (node: unknown): node is Scalar => yamlIsScalar(node);
export const isAlias = (node: unknown): node is Alias => yamlIsAlias(node);
export const isPair = (node: unknown): node is Pair => yamlIsPair(node);

/** The pairs of a mapping, in source order. */
export function pairsOf(map: YAMLMap): Pair[] {
  return map.items as Pair[];
}

/** The elements of a sequence (a `[a: b]` element is a pair). */
export function itemsOf(seq: YAMLSeq): unknown[] {
  return seq.items;
}

/** The text of a scalar key, or undefined for keys that are not scalars. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key as unknown;
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

/** The pair of `map` whose key reads `name`. */
export function findPair(map: YAMLMap, name: string): Pair | undefined {
  return pairsOf(map).find((pair) => keyText(pair) === name);
}

export function documentValue(doc: Document): Node | undefined {
  return (doc.contents ?? undefined) as Node | undefined;
}

export function resolveAlias(alias: Alias, doc: Document): Node | undefined {
  return alias.resolve(doc) as Node | undefined;
}

export function rangeOf(node: unknown): [number, number, number] | undefined {
  return ((node as { range?: [number, number, number] | null } | null | undefined)?.range ?? undefined) as
    | [number, number, number]
    | undefined;
}
