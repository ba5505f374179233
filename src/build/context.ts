// What the parts of the build share: the plan's raw value and where it is, the sink, the
// effort sizes in force, and the one namespace of ids (claimed in the order the plan is
// built, so of two items with one id the second is reported).
import { duplicateId } from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import { scalarFix } from '../diagnostics/fix.ts';
import type { Fix, Location } from '../diagnostics/types.ts';
import { freeId } from '../util/slug.ts';
import { ITEM_KIND_WORDS, type Dependency, type ItemKind, type Plan, type Recovery, type Reference, type Rollback, type Size } from '../model/plan.ts';
import type { RawDependency, RawPlan, RawRecovery, RawRollback } from '../schema/plan-definition.ts';
import { toWorkingDays } from '../util/duration.ts';
import type { Cursor } from './cursor.ts';

export interface BuildContext {
  raw: RawPlan;
  /** The plan's top level. */
  root: Cursor;
  diagnostics: Diagnostics;
  /** Working days per effort size: the plan's over the config's. */
  estimates: Record<Size, number>;
  /** Registers an id in the plan's namespace (reporting a duplicate at the second one); returns where it is. */
  claim(id: string, kind: ItemKind, at: Cursor): Location;
  /** The fix that renames a duplicate id to one no item of the plan has (a choice: `planc fix --rename-duplicates`). */
  renameDuplicate(id: string, location: Location): Fix;
}

/** A part of the plan built from some of its top-level properties, into `plan`. */
export type PlanPart = (plan: Plan, context: BuildContext) => void;

/** Every id written in a plan's value, of items and of diagrams' nodes and groups alike. */
function idsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    const { id } = value as { id?: unknown };
    if (typeof id === 'string') found.add(id);
    for (const child of Object.values(value)) idsIn(child, found);
  }
  return found;
}

/** How a plan claims its ids, and renames a duplicate: to `<id>-2`, `<id>-3`…, the first no id of the plan takes. */
export function idClaims(diagnostics: Diagnostics, raw: RawPlan): Pick<BuildContext, 'claim' | 'renameDuplicate'> {
  const ids = new Map<string, { kind: ItemKind; location: Location }>();
  // Every id of the plan, gathered at the first duplicate (most plans have none), with the renames handed out.
  let taken: Set<string> | undefined;
  const renameDuplicate = (id: string, location: Location): Fix => {
    taken ??= idsIn(raw);
    const renamed = freeId(id, taken);
    taken.add(renamed);
    return scalarFix(location.span, renamed, `Rename this \`${id}\` to \`${renamed}\``);
  };
  const claim = (id: string, kind: ItemKind, at: Cursor): Location => {
    const location = at.get('id').location();
    const first = ids.get(id);
    if (first) {
      diagnostics.report(
        duplicateId,
        { id, kind: ITEM_KIND_WORDS[kind], firstKind: ITEM_KIND_WORDS[first.kind] },
        location,
        [{ message: `\`${id}\` is first used here`, location: first.location }],
        { suggestions: [renameDuplicate(id, location)] },
      );
    } else {
      ids.set(id, { kind, location });
    }
    return location;
  };
  return { claim, renameDuplicate };
}

/** A reference as written; `target` is there from the start (one object shape), bound by link. */
export function reference(raw: string, location: Location): Reference {
  const hash = raw.indexOf('#');
  return hash === -1
    ? { raw, plan: undefined, id: raw, location, target: undefined }
    : { raw, plan: raw.slice(0, hash), id: raw.slice(hash + 1), location, target: undefined };
}

/** References written in a list at `at`. */
export function references(raw: readonly string[], at: Cursor): Reference[] {
  return raw.map((ref, index) => reference(ref, at.at(index).location()));
}

export function dependencies(raw: Array<string | RawDependency>, at: Cursor): Dependency[] {
  return raw.map((entry, index) => {
    const item = at.at(index);
    const base = typeof entry === 'string' ? reference(entry, item.location()) : reference(entry.id, item.get('id').location());
    return {
      raw: base.raw,
      plan: base.plan,
      id: base.id,
      location: base.location,
      target: undefined,
      type: typeof entry === 'string' ? 'FS' : (entry.type ?? 'FS'),
      lag: typeof entry === 'string' || entry.lag === undefined ? 0 : toWorkingDays(entry.lag),
    };
  });
}

export function rollback(raw: RawRollback, at: Cursor): Rollback {
  return {
    ...(raw.trigger !== undefined ? { trigger: raw.trigger } : {}),
    steps: raw.steps ?? [],
    ...(raw.dataRecovery !== undefined ? { dataRecovery: raw.dataRecovery } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    ...(raw.duration !== undefined ? { duration: toWorkingDays(raw.duration) } : {}),
    location: at.keyLocation(),
  };
}

export function recovery(raw: RawRecovery): Recovery {
  if (typeof raw === 'string') return { text: raw, steps: [] };
  return { steps: raw.steps, ...(raw.dataRecovery !== undefined ? { dataRecovery: raw.dataRecovery } : {}) };
}
