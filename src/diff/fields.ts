// An item's fields as comparable values, read generically off the model so that a property
// the language gains is compared without a line here: every own property but where it was
// written, its kind and the items it holds (each compared on its own), nested mappings
// flattened to dotted names (`rollback.steps`, `estimate.likely`), references as written.
import type { Value } from './types.ts';

/**
 * What is never a field: where an item was written, its kind, what a reference is bound
 * to, the lists of items a plan, phase or rollout holds (each item is compared on its own),
 * and a task's `paths`, which its `touches`, `creates` and `tests` make (compared as those).
 */
const NOT_FIELDS = new Set(['location', 'kind', 'target', 'phases', 'tasks', 'milestones', 'risks', 'verification', 'successCriteria', 'decisions', 'architecture', 'stages', 'paths']);

/** The kinds of item (they carry `kind`): held items are compared on their own. */
const isItem = (value: object): boolean => 'kind' in value && 'id' in value;

/** A reference (`id`, `plan#id`) or a dependency on one: the text as written, with a dependency's type and lag when they are not FS and 0. */
function reference(value: { raw: string; type?: string; lag?: number }): string {
  const extra = [...(value.type && value.type !== 'FS' ? [value.type] : []), ...(value.lag ? [`lag ${value.lag}d`] : [])];
  return extra.length > 0 ? `${value.raw} (${extra.join(', ')})` : value.raw;
}

const isReference = (value: object): value is { raw: string } => typeof (value as { raw?: unknown }).raw === 'string' && 'location' in value;

/** A value as comparable data (undefined when it holds only items or nothing). */
function comparable(value: unknown): Value | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value as Value;
  if (Array.isArray(value)) {
    if (value.some((entry) => entry !== null && typeof entry === 'object' && isItem(entry))) return undefined;
    return value.map((entry) => comparable(entry) ?? null);
  }
  if (isReference(value)) return reference(value);
  const out: Record<string, Value> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (NOT_FIELDS.has(key)) continue;
    const shown = comparable(entry);
    if (shown !== undefined) out[key] = shown;
  }
  return out;
}

/**
 * The fields of an item (or a plan), by dotted name. Mappings are flattened; lists stay
 * values (a list of steps changed is one field changed). `skip` names properties compared
 * elsewhere.
 */
export function fieldsOf(item: object, skip: ReadonlySet<string> = new Set()): Map<string, Value> {
  const fields = new Map<string, Value>();
  const walk = (value: object, prefix: string) => {
    for (const [key, entry] of Object.entries(value)) {
      if (NOT_FIELDS.has(key) || (prefix === '' && skip.has(key)) || entry === undefined) continue;
      const name = prefix === '' ? key : `${prefix}.${key}`;
      if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && !isReference(entry) && !isItem(entry)) {
        walk(entry, name);
        continue;
      }
      const shown = comparable(entry);
      if (shown !== undefined) fields.set(name, shown);
    }
  };
  walk(item, '');
  return fields;
}

/** The same value? Mappings are the same whatever the order of their keys (a YAML mapping has none). */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((entry, i) => sameValue(entry, b[i]));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
}
