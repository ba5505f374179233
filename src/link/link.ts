// Link: every plan checked together, with each reference resolved to the item it names —
// in the same plan, or in another one (`other-plan#id`). Reports unknown plans, unknown
// ids (with did-you-mean), references to the wrong kind of item, and duplicate plan ids.
import {
  duplicatePlanId,
  unknownPlan,
  unknownReference,
  wrongReferenceKind,
} from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import { allItems, ITEM_KIND_WORDS, type ItemKind, type Plan, type Reference, type ReferenceTarget } from '../model/plan.ts';
import { scalarFix } from '../diagnostics/fix.ts';
import type { Fix } from '../diagnostics/types.ts';
import { nameKey } from '../util/slug.ts';
import { closestMatch } from '../util/suggest.ts';

export type Target = ReferenceTarget;

export interface Project {
  /** The plans in the order their files were given. */
  plans: Plan[];
  planById: ReadonlyMap<string, Plan>;
  /** Items by id (with their plan), per plan. */
  items: ReadonlyMap<Plan, ReadonlyMap<string, Target>>;
}

/** How many ids of the right kind the help of an unknown reference names, when it has no suggestion. */
const KNOWN = 6;
const SCHEDULED: readonly ItemKind[] = ['task', 'phase', 'milestone', 'stage'];
const VERIFIERS: readonly ItemKind[] = ['verification', 'task'];
const DECISIONS: readonly ItemKind[] = ['decision'];

/**
 * Every reference a plan writes, with the kinds of item it may name, in the order they are
 * resolved (and reported).
 */
export function planReferences(plan: Plan): Array<[Reference, readonly ItemKind[]]> {
  const found: Array<[Reference, readonly ItemKind[]]> = [];
  for (const phase of plan.phases) {
    for (const dependency of phase.dependsOn) found.push([dependency, SCHEDULED]);
    for (const task of phase.tasks) for (const dependency of task.dependsOn) found.push([dependency, SCHEDULED]);
  }
  for (const milestone of plan.milestones) for (const ref of milestone.after) found.push([ref, SCHEDULED]);
  for (const ref of plan.rollout?.after ?? []) found.push([ref, SCHEDULED]);
  for (const criterion of plan.successCriteria) for (const ref of criterion.verifiedBy) found.push([ref, VERIFIERS]);
  for (const decision of plan.decisions) if (decision.supersedes) found.push([decision.supersedes, DECISIONS]);
  return found;
}

export interface LinkOptions {
  /**
   * Every plan id of the check, in file order, when these plans are linked apart from the
   * others (no reference joins them): "did you mean" for an unknown plan looks among all.
   */
  planIds?: readonly string[];
}

export function link(plans: Plan[], diagnostics: Diagnostics, options: LinkOptions = {}): Project {
  const planById = new Map<string, Plan>();
  for (const plan of plans) {
    const first = planById.get(plan.id);
    if (first) {
      diagnostics.report(duplicatePlanId, { id: plan.id }, plan.location, [
        { message: `\`${plan.id}\` is first defined in ${first.file}`, location: first.location },
      ]);
    } else planById.set(plan.id, plan);
  }

  const knownPlanIds = options.planIds ?? [...planById.keys()];
  const items = new Map<Plan, Map<string, Target>>();
  const candidatesOf = new Map<Plan, Map<string, string[]>>();
  let suggestionBudget = 2_000_000;
  for (const plan of plans) items.set(plan, indexItems(plan));

  // Each reference gets its `target` here, or loses a stale one from an earlier link.
  let own: Map<string, Target> = new Map();
  const resolve = (from: Plan, ref: Reference, expected: readonly ItemKind[]): void => {
    ref.target = undefined;
    // The common case first: an item of the same plan, of an expected kind.
    if (ref.plan === undefined) {
      const target = own.get(ref.id);
      if (target !== undefined && expected.includes(target.item.kind)) {
        ref.target = target;
        return;
      }
    }
    let plan = from;
    if (ref.plan !== undefined && ref.plan !== from.id) {
      const other = planById.get(ref.plan);
      if (!other) {
        const { suggestion, certain } = closestMatch(ref.plan, knownPlanIds);
        const fix = suggestion !== undefined && certain ? scalarFix(ref.location.span, `${suggestion}#${ref.id}`, `Name the plan \`${suggestion}\``) : undefined;
        diagnostics.report(unknownPlan, { plan: ref.plan, ...(suggestion ? { suggestion } : {}) }, ref.location, [], { fix });
        return;
      }
      plan = other;
    }
    const index = items.get(plan)!;
    const target = index.get(ref.id);
    if (!target) {
      // Made once per plan and kind of item (a plan can hold thousands of broken references).
      const key = `${expected.join(',')}`;
      let byKind = candidatesOf.get(plan);
      if (!byKind) candidatesOf.set(plan, (byKind = new Map()));
      let candidates = byKind.get(key);
      if (!candidates) byKind.set(key, (candidates = [...index.values()].filter(({ item }) => expected.includes(item.kind)).map(({ item }) => item.id)));
      // "Did you mean" compares with every candidate: past a budget (a plan with thousands of
      // broken references to thousands of items), the rest are reported without a guess.
      suggestionBudget -= candidates.length;
      const match = suggestionBudget >= 0 ? closestMatch(ref.id, candidates) : { suggestion: undefined, certain: false };
      const qualified = (id: string) => (plan === from ? id : `${plan.id}#${id}`);
      const suggestion = match.suggestion === undefined ? undefined : qualified(match.suggestion);
      // The one close id, or else the one item of the right kind whose title the reference is.
      const fixed = match.certain ? match.suggestion : suggestionBudget >= 0 ? titled(ref.id, candidates, index) : undefined;
      const fix: Fix | undefined = fixed === undefined ? undefined : scalarFix(ref.location.span, qualified(fixed), `Name \`${qualified(fixed)}\``);
      diagnostics.report(
        unknownReference,
        {
          reference: ref.id,
          kind: alternatives(expected.map((kind) => ITEM_KIND_WORDS[kind])),
          ...(suggestion ? { suggestion } : { known: candidates.slice(0, KNOWN).map(qualified) }),
          ...(plan === from ? {} : { plan: plan.id }),
        },
        ref.location,
        [],
        { fix },
      );
      return;
    }
    if (!expected.includes(target.item.kind)) {
      diagnostics.report(
        wrongReferenceKind,
        { reference: ref.raw, actual: ITEM_KIND_WORDS[target.item.kind], expected: expected.map((kind) => ITEM_KIND_WORDS[kind]) },
        ref.location,
      );
      return;
    }
    ref.target = target;
  };

  for (const plan of plans) {
    own = items.get(plan)!;
    for (const [ref, expected] of planReferences(plan)) resolve(plan, ref, expected);
  }
  return { plans, planById, items };
}

/** The id of the one candidate whose title `name` is (case and spacing aside). */
function titled(name: string, candidates: readonly string[], index: ReadonlyMap<string, Target>): string | undefined {
  const wanted = nameKey(name);
  const found = candidates.filter((id) => {
    const item = index.get(id)!.item;
    return 'title' in item && typeof item.title === 'string' && nameKey(item.title) === wanted;
  });
  return found.length === 1 ? found[0] : undefined;
}

/** `task`, `task or phase`, `task, phase or milestone`. */
function alternatives(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Every item of a plan by id; the first wins where build already reported a duplicate. */
function indexItems(plan: Plan): Map<string, Target> {
  const index = new Map<string, Target>();
  for (const item of allItems(plan)) if (!index.has(item.id)) index.set(item.id, { plan, item });
  return index;
}
