// The fast YAML path against the full one, on one text: the value, and the spans of every
// pointer, as the yaml library's tree gives them. Returns what differs (nothing when they
// agree, or when the fast path declines the text).
import { Diagnostics } from '../../src/diagnostics/sink.ts';
import { fastYaml } from '../../src/load/fast-yaml.ts';
import { DEFAULT_YAML_LIMITS, parseYaml } from '../../src/load/parse.ts';
import { IndexLocator } from '../../src/load/span-index.ts';
import { YamlSource } from '../../src/load/yaml-nodes.ts';
import { encodePointerSegment } from '../../src/util/pointer.ts';

export interface Comparison {
  /** Whether the fast path took the text. */
  taken: boolean;
  /** What the full path reported in a text the fast path took. */
  reported: string[];
  /** Whether the two values are the same (deep, strict). */
  sameValue: boolean;
  fastValue?: unknown;
  fullValue?: unknown;
  /** `pointer kind: fast span ≠ full span` for every span that differs. */
  spans: string[];
}

/** Every pointer of a value, and a few that lead nowhere (past a scalar, a missing key or item). */
export function pointersOf(value: unknown, pointer = '', into: string[] = []): string[] {
  into.push(pointer);
  if (Array.isArray(value)) {
    value.forEach((item, index) => pointersOf(item, `${pointer}/${index}`, into));
    into.push(`${pointer}/${value.length}`, `${pointer}/x`);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) pointersOf((value as Record<string, unknown>)[key], `${pointer}/${encodePointerSegment(key)}`, into);
    into.push(`${pointer}/missing-key`, `${pointer}/id`);
  } else {
    into.push(`${pointer}/0`);
  }
  return into;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    const other = Object.keys(b);
    return (
      keys.length === other.length &&
      keys.every((key, index) => key === other[index] && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return a === b;
}

const show = (span: { start: number; end: number }) => `${span.start}-${span.end}`;

export function compare(text: string): Comparison {
  const fast = fastYaml(text, DEFAULT_YAML_LIMITS.maxDepth);
  if (!fast) return { taken: false, reported: [], sameValue: true, spans: [] };
  const diagnostics = new Diagnostics();
  const full = parseYaml(text, 'x.yaml', diagnostics, DEFAULT_YAML_LIMITS, { fast: false });
  const reported = diagnostics.items.map((d) => `${d.code} ${d.message}`);
  if (!full) return { taken: true, reported, sameValue: false, fastValue: fast.value, spans: [] };
  const same = sameValue(fast.value, full.value);
  const spans: string[] = [];
  const indexed = new YamlSource(new IndexLocator(text, DEFAULT_YAML_LIMITS.maxDepth), text);
  for (const pointer of pointersOf(full.value)) {
    for (const kind of ['valueSpan', 'keySpan', 'ownerSpan'] as const) {
      const mine = indexed[kind](pointer);
      const theirs = full.source[kind](pointer);
      if (mine.start !== theirs.start || mine.end !== theirs.end) spans.push(`${pointer} ${kind}: ${show(mine)} ≠ ${show(theirs)}`);
    }
  }
  return { taken: true, reported, sameValue: same, fastValue: fast.value, fullValue: full.value, spans };
}
