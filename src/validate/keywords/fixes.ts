// The fixes of the schema's findings that need more than the value at hand: an id that is
// not a slug made one, a reference written as an item's title (or as its id before it was a
// slug) given the id, a duration in words given the language's form, a missing id added.
// Each is made only when it is certain: the slug is no other item's id, the title is one
// item's only, the rewritten value is what the schema's pattern asks for.
import { scalarFix, textFix } from '../../diagnostics/fix.ts';
import type { Fix, Span } from '../../diagnostics/types.ts';
import { ID_PATTERN } from '../../schema/patterns.ts';
import { durationFromWords } from '../../util/duration.ts';
import { freeId, nameKey, toSlug } from '../../util/slug.ts';

const ID = new RegExp(ID_PATTERN, 'u');
/** The properties that name an item, in the order one is taken as its name. */
const NAMES = ['title', 'label', 'risk', 'text', 'name'] as const;

/** What the fixes need of the whole document, gathered once per validation (when a fix first asks). */
export interface DocumentFacts {
  /** Each id as it ends up once every id that is not a slug is made one, and how many items have it. */
  ids: Map<string, number>;
  /** The final ids of the items with each name (normalised). */
  byName: Map<string, string[]>;
  /** Ids this validation's fixes have handed out (two items missing an id never get one id). */
  given: Set<string>;
}

/** An id as it ends up: itself when it is a slug, else its slug. */
function finalId(id: string): string {
  return ID.test(id) ? id : toSlug(id);
}

export function documentFacts(value: unknown): DocumentFacts {
  const facts: DocumentFacts = { ids: new Map(), byName: new Map(), given: new Set() };
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 64) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string') {
      const id = finalId(record.id);
      facts.ids.set(id, (facts.ids.get(id) ?? 0) + 1);
      const name = NAMES.map((key) => record[key]).find((text): text is string => typeof text === 'string');
      if (name !== undefined) {
        const key = nameKey(name);
        facts.byName.set(key, [...(facts.byName.get(key) ?? []), id]);
      }
    }
    // A dependency written as a mapping has an `id` too, the item it waits for: not an item.
    for (const [key, child] of Object.entries(record)) if (key !== 'dependsOn') walk(child, depth + 1);
  };
  walk(value, 0);
  return facts;
}

/** An item's id that is not a slug, made one: when the slug is a valid id and no other item ends up with it. */
export function idFix(value: string, span: Span, facts: DocumentFacts, pattern: RegExp): Fix | undefined {
  const slug = toSlug(value);
  if (slug === '' || slug === value || !pattern.test(slug) || facts.ids.get(slug) !== 1) return undefined;
  return scalarFix(span, slug, `Write the id as the slug \`${slug}\``);
}

/**
 * A reference that names an item by its title (`Write the code`), or by its id before that
 * was made a slug (`Write Code`): the item's id, when exactly one item answers to it.
 */
export function referenceFix(value: string, span: Span, facts: DocumentFacts, pattern: RegExp): Fix | undefined {
  if (value.includes('#')) return undefined;
  const named = [...new Set(facts.byName.get(nameKey(value)) ?? [])];
  const slug = toSlug(value);
  const target = named.length === 1 ? named[0]! : named.length === 0 && facts.ids.get(slug) === 1 ? slug : undefined;
  if (target === undefined || target === value || !pattern.test(target)) return undefined;
  return scalarFix(span, target, `Name the item by its id, \`${target}\``);
}

/** A duration or lag in words (`3 days`), in the form the pattern asks for (`3d`). */
export function durationFix(value: string, span: Span, pattern: RegExp): Fix | undefined {
  const written = durationFromWords(value);
  if (written === undefined || written === value || !pattern.test(written)) return undefined;
  return scalarFix(span, written, `Write the duration as \`${written}\``);
}

/**
 * An `id` for an item that has none, made from its name and unique in the plan, written
 * before the item's first key: `id: …, ` inside `{ }`, or a line of its own indented as the
 * key is. None when the item has no name, or its first key is not where it can be told.
 */
export function missingIdFix(item: Record<string, unknown>, firstKey: Span, text: string, facts: DocumentFacts): Fix | undefined {
  const name = NAMES.map((key) => item[key]).find((value): value is string => typeof value === 'string');
  const base = name === undefined ? '' : toSlug(name);
  if (base === '' || !ID.test(base)) return undefined;
  const id = freeId(base, new Set([...facts.ids.keys(), ...facts.given]));
  let before = firstKey.start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before -= 1;
  const previous = before >= 0 ? text[before] : '\n';
  let insert: string;
  if (previous === '{' || previous === ',') insert = `id: ${id}, `;
  else if (previous === '-' || previous === '\n') {
    const lineStart = text.lastIndexOf('\n', firstKey.start - 1) + 1;
    const indent = firstKey.start - lineStart;
    insert = `id: ${id}${text.includes('\r\n') ? '\r\n' : '\n'}${' '.repeat(indent)}`;
  } else return undefined;
  facts.given.add(id);
  return textFix([{ span: { start: firstKey.start, end: firstKey.start }, text: insert }], `Add \`id: ${id}\``);
}
