// The one place that knows the yaml library's node classes. planc pins yaml 3.0.0-2, a
// prerelease, because it parses plans 3.7 times faster than yaml 2.9 (see docs/architecture.md);
// its node API differs from 2.x (maps hold a Map of pairs, sequences are arrays), so every
// other module goes through these helpers.
import { Alias, Pair, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';

export type { Document, Node, Pair };
export { Scalar };

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
