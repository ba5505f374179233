// Properties of the diff (src/diff/compare.ts), over generated plans and generated edits of
// them: a set of plans compared with itself — compiled twice, so no object is shared — has
// no difference, and diff(a, b) is the mirror of diff(b, a): what one adds the other
// removes, what moves later moves earlier, new findings are fixed ones, base and head
// trade places. (Two facts are named for one direction only, as the issue names them — a
// risk that lost its mitigation, a criterion that lost its verification — and are left out
// of the mirror; the titles are the head's, and are too.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/api/result.ts';
import { planIdFromFile } from '../../src/build/build.ts';
import { diffPlans } from '../../src/diff/compare.ts';
import type { Diff, PlanDiff } from '../../src/diff/types.ts';
import { planReferences } from '../../src/link/link.ts';
import type { Plan } from '../../src/model/plan.ts';
import { compileYaml } from '../helpers/compile.ts';

interface TaskSpec {
  duration: number;
  /** A three-point estimate instead of the duration. */
  estimated: boolean;
  /** Indices of earlier tasks it depends on. */
  deps: number[];
  irreversible: boolean;
  recovery: boolean;
  phase: 0 | 1;
}

interface PlanSpec {
  present: boolean;
  title: string;
  rollback: boolean;
  tasks: TaskSpec[];
  /** Index of the task the milestone follows, and its due date's day in January 2027. */
  milestone: { after: number; due: number } | undefined;
  risks: Array<{ probability: 'low' | 'medium' | 'high'; impact: 'low' | 'medium' | 'high' | 'critical'; mitigation: boolean }>;
  verified: boolean;
  /** The second plan's first task waits for this task of the first plan. */
  crossDependency: number | undefined;
  broken: boolean;
}

const task: fc.Arbitrary<TaskSpec> = fc.record({
  duration: fc.integer({ min: 1, max: 6 }),
  estimated: fc.boolean(),
  deps: fc.uniqueArray(fc.nat(6), { maxLength: 2 }),
  irreversible: fc.boolean(),
  recovery: fc.boolean(),
  phase: fc.constantFrom(0 as const, 1 as const),
});

const planSpec: fc.Arbitrary<PlanSpec> = fc.record({
  present: fc.constant(true),
  title: fc.constantFrom('Checkout', 'Billing', 'Search <v2> | `beta`'),
  rollback: fc.boolean(),
  tasks: fc.array(task, { minLength: 1, maxLength: 6 }),
  milestone: fc.option(fc.record({ after: fc.nat(5), due: fc.integer({ min: 5, max: 20 }) }), { nil: undefined }),
  risks: fc.array(
    fc.record({ probability: fc.constantFrom('low' as const, 'medium' as const, 'high' as const), impact: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'critical' as const), mitigation: fc.boolean() }),
    { maxLength: 3 },
  ),
  verified: fc.boolean(),
  crossDependency: fc.option(fc.nat(5), { nil: undefined }),
  broken: fc.constant(false),
});

type Edit = (plans: PlanSpec[]) => void;

/** One edit a pull request could make. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(1), fc.nat(5), fc.integer({ min: 1, max: 9 })).map(([p, t, d]): Edit => (plans) => void (plans[p]!.tasks[t % plans[p]!.tasks.length]!.duration = d)),
  fc.tuple(fc.nat(1), fc.nat(5), fc.nat(5)).map(([p, t, dep]): Edit => (plans) => {
    const list = plans[p]!.tasks[t % plans[p]!.tasks.length]!.deps;
    plans[p]!.tasks[t % plans[p]!.tasks.length]!.deps = list.includes(dep) ? list.filter((d) => d !== dep) : [...list, dep];
  }),
  fc.tuple(fc.nat(1), fc.nat(5)).map(([p, t]): Edit => (plans) => void (plans[p]!.tasks.length > 1 && plans[p]!.tasks.splice(t % plans[p]!.tasks.length, 1))),
  fc.tuple(fc.nat(1), task).map(([p, added]): Edit => (plans) => void plans[p]!.tasks.push(added)),
  fc.tuple(fc.nat(1), fc.nat(5)).map(([p, t]): Edit => (plans) => {
    const changed = plans[p]!.tasks[t % plans[p]!.tasks.length]!;
    changed.irreversible = !changed.irreversible;
  }),
  fc.nat(1).map((p): Edit => (plans) => void (plans[p]!.rollback = !plans[p]!.rollback)),
  fc.nat(1).map((p): Edit => (plans) => void (plans[p]!.verified = !plans[p]!.verified)),
  fc.tuple(fc.nat(1), fc.nat(2)).map(([p, r]): Edit => (plans) => {
    const risk = plans[p]!.risks[r];
    if (risk) risk.mitigation = !risk.mitigation;
    else plans[p]!.risks.push({ probability: 'medium', impact: 'high', mitigation: true });
  }),
  fc.tuple(fc.nat(1), fc.nat(2), fc.constantFrom('low' as const, 'high' as const)).map(([p, r, probability]): Edit => (plans) => {
    if (plans[p]!.risks[r]) plans[p]!.risks[r]!.probability = probability;
  }),
  fc.tuple(fc.nat(1), fc.integer({ min: 5, max: 20 })).map(([p, due]): Edit => (plans) => void (plans[p]!.milestone = plans[p]!.milestone ? undefined : { after: 0, due })),
  fc.tuple(fc.nat(1), fc.constantFrom('Checkout v2', 'Billing')).map(([p, title]): Edit => (plans) => void (plans[p]!.title = title)),
  fc.nat(5).map((t): Edit => (plans) => void (plans[1]!.crossDependency = plans[1]!.crossDependency === undefined ? t : undefined)),
  fc.nat(1).map((p): Edit => (plans) => void (plans[p]!.present = !plans[p]!.present)),
  fc.nat(1).map((p): Edit => (plans) => void (plans[p]!.broken = !plans[p]!.broken)),
);

const IDS = ['first', 'second'];

function planText(spec: PlanSpec, index: number, others: PlanSpec[]): string {
  const id = IDS[index]!;
  const lines = [`title: "${spec.title}"`, 'start: 2027-01-04'];
  if (spec.rollback) lines.push('rollback: { trigger: errors rise, steps: [revert] }');
  const tasks = spec.tasks.map((t, i) => `t${i}`);
  lines.push('successCriteria:', `  - { id: works, text: It works, verifiedBy: [${spec.verified ? 'smoke' : ''}] }`);
  lines.push('verification:', '  - { id: smoke, title: Smoke test, run: make smoke }');
  lines.push('phases:');
  for (const phase of [0, 1] as const) {
    const own = spec.tasks.map((t, i) => [t, i] as const).filter(([t]) => t.phase === phase);
    if (own.length === 0) continue;
    lines.push(`  - id: phase-${phase}`, `    title: Phase ${phase}`, '    tasks:');
    for (const [t, i] of own) {
      const deps = t.deps.filter((d) => d < i).map((d) => tasks[d]!);
      const other = others[0];
      if (index === 1 && i === 0 && spec.crossDependency !== undefined && other?.present && !other.broken) deps.push(`first#t${spec.crossDependency % other.tasks.length}`);
      const length = t.estimated ? `estimate: { optimistic: ${t.duration}d, likely: ${t.duration + 1}d, pessimistic: ${t.duration + 3}d }` : `duration: ${t.duration}d`;
      const irreversible = t.irreversible ? `, reversible: false${t.recovery ? ', recovery: Restore the backup' : ''}` : '';
      lines.push(`      - { id: ${tasks[i]}, title: Task ${i}, owner: owner-${i}, ${length}, dependsOn: [${deps.join(', ')}]${irreversible} }`);
    }
  }
  if (spec.risks.length) {
    lines.push('risks:');
    spec.risks.forEach((risk, r) => lines.push(`  - { id: risk-${r}, risk: Risk ${r}, probability: ${risk.probability}, impact: ${risk.impact}${risk.mitigation ? ', mitigation: Watch it' : ''} }`));
  }
  if (spec.milestone) lines.push('milestones:', `  - { id: done, title: Done, after: [${tasks[spec.milestone.after % tasks.length]}], due: 2027-01-${String(spec.milestone.due).padStart(2, '0')} }`);
  if (spec.broken) lines.push('  broken: [');
  return `id: ${id}\n${lines.join('\n')}\n`;
}

function compile(specs: PlanSpec[]): CheckResult {
  const files: Record<string, string> = {};
  specs.forEach((spec, i) => {
    if (spec.present) files[`plans/${IDS[i]}.plan.yaml`] = planText(spec, i, specs);
  });
  return compileYaml(files, { config: { simulation: { runs: 100, seed: 7 } }, simulate: true });
}

function referencedPlans(plan: Plan): string[] {
  return planReferences(plan).flatMap(([ref]) => (ref.plan !== undefined && ref.plan !== plan.id ? [ref.plan] : []));
}

function diffOf(base: CheckResult, head: CheckResult): Diff {
  return diffPlans({ base, head, config: { changed: false }, planIdFromFile, referencedPlans, explanation: (code) => `#${code}`, touched: new Set() });
}

const negate = (n: number | undefined) => (n === undefined ? undefined : n === 0 ? 0 : -n);
const swapped = <T>(value: { base?: T; head?: T }) => ({ ...(value.head !== undefined ? { base: value.head } : {}), ...(value.base !== undefined ? { head: value.base } : {}) });
const CHANGE = { added: 'removed', removed: 'added', changed: 'changed' } as const;
const SLIP = { new: 'cleared', cleared: 'new', worse: 'better', better: 'worse' } as const;
const byKey = <T>(list: readonly T[], key: (entry: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A plan's diff with what is named for one direction left out, every list in one order. */
function comparable(plan: PlanDiff) {
  return {
    id: plan.id,
    change: plan.change,
    file: plan.file,
    edited: plan.edited,
    through: plan.through,
    base: plan.base,
    head: plan.head,
    schedule: plan.schedule,
    milestones: byKey(plan.milestones.map(({ title: _, ...m }) => m), (m) => m.id),
    criticalPath: { entered: [...plan.criticalPath.entered].sort(), left: [...plan.criticalPath.left].sort() },
    float: { ...plan.float, items: byKey(plan.float.items, (i) => i.id) },
    coverage: plan.coverage && { ...plan.coverage, lost: byKey(plan.coverage.lost, (u) => `${u.kind}:${u.id}`), regained: byKey(plan.coverage.regained, (u) => `${u.kind}:${u.id}`) },
    risks: { added: byKey(plan.risks.added, (r) => r.id), removed: byKey(plan.risks.removed, (r) => r.id), rescored: byKey(plan.risks.rescored.map(({ risk: _, ...r }) => r), (r) => r.id) },
    items: byKey(plan.items.map(({ title: _, ...item }) => ({ ...item, fields: byKey(item.fields, (f) => f.field) })), (i) => `${i.kind}:${i.id}`),
    findings: { new: byKey(plan.findings.new, (f) => JSON.stringify(f)), fixed: byKey(plan.findings.fixed, (f) => JSON.stringify(f)) },
  };
}

/** What diff(b, a) should be, from diff(a, b). */
function mirror(plan: PlanDiff): PlanDiff {
  return {
    ...plan,
    change: CHANGE[plan.change],
    file: swapped(plan.file),
    base: plan.head,
    head: plan.base,
    schedule: plan.schedule && { finish: negate(plan.schedule.finish)!, start: negate(plan.schedule.start)!, ...(plan.schedule.p80 !== undefined ? { p80: negate(plan.schedule.p80)! } : {}) },
    milestones: plan.milestones.map((m) => {
      const { base: _b, head: _h, moved: _m, slip: _s, ...rest } = m;
      return { ...rest, change: CHANGE[m.change], ...swapped(m), ...(m.moved !== undefined ? { moved: negate(m.moved)! } : {}), ...(m.slip ? { slip: SLIP[m.slip] } : {}) };
    }),
    criticalPath: { entered: plan.criticalPath.left, left: plan.criticalPath.entered },
    float: { consumed: plan.float.released, released: plan.float.consumed, items: plan.float.items.map((i) => ({ id: i.id, base: i.head, head: i.base })) },
    coverage: plan.coverage && {
      base: plan.coverage.head,
      head: plan.coverage.base,
      lost: plan.coverage.regained,
      regained: plan.coverage.lost,
      pointsOfNoReturn: { added: plan.coverage.pointsOfNoReturn.removed, removed: plan.coverage.pointsOfNoReturn.added },
    },
    risks: { ...plan.risks, added: plan.risks.removed, removed: plan.risks.added, rescored: plan.risks.rescored.map((r) => ({ ...r, base: r.head, head: r.base })) },
    items: plan.items.map((item) => ({ ...item, change: CHANGE[item.change], fields: item.fields.map((f) => ({ field: f.field, ...swapped(f) })) })),
    findings: { new: plan.findings.fixed, fixed: plan.findings.new },
  };
}

const plans = fc.tuple(planSpec, planSpec);
const RUNS = { numRuns: 100, seed: 20_270_104 };

describe('the diff of plans', () => {
  it('of a set of plans with itself, compiled twice, is empty', () => {
    fc.assert(
      fc.property(plans, fc.array(edit, { maxLength: 3 }), (specs, edits) => {
        const copy = structuredClone(specs);
        for (const change of edits) change(copy);
        const diff = diffOf(compile(copy), compile(copy));
        expect(diff.plans).toEqual([]);
        expect(diff.summary.empty).toBe(true);
      }),
      RUNS,
    );
  });

  it('of a with b mirrors that of b with a', () => {
    fc.assert(
      fc.property(plans, fc.array(edit, { minLength: 1, maxLength: 4 }), (specs, edits) => {
        const after = structuredClone(specs);
        for (const change of edits) change(after);
        const [a, b] = [compile(specs), compile(after)];
        const forward = diffOf(a, b);
        const backward = diffOf(b, a);
        const order = (list: PlanDiff[]) => byKey(list, (plan) => plan.id);
        expect(order(backward.plans).map(comparable)).toEqual(order(forward.plans).map(mirror).map(comparable));
        const { added, removed, findings, ...same } = forward.summary;
        expect(backward.summary).toEqual({ ...same, added: removed, removed: added, findings: { new: findings.fixed, fixed: findings.new } });
      }),
      RUNS,
    );
  });

  it('finds the changes the edits make (the generator is not idle)', () => {
    const samples = fc.sample(fc.tuple(plans, fc.array(edit, { minLength: 1, maxLength: 4 })), { numRuns: RUNS.numRuns, seed: RUNS.seed });
    const found = samples.map(([specs, edits]) => {
      const after = structuredClone(specs);
      for (const change of edits) change(after);
      return diffOf(compile(specs), compile(after));
    });
    const seen = (test: (plan: PlanDiff) => boolean) => found.filter((diff) => diff.plans.some(test)).length;
    expect(seen((plan) => plan.items.length > 0)).toBeGreaterThan(RUNS.numRuns / 3);
    expect(seen((plan) => (plan.schedule?.finish ?? 0) !== 0)).toBeGreaterThan(3);
    expect(seen((plan) => plan.criticalPath.entered.length > 0)).toBeGreaterThan(3);
    expect(seen((plan) => plan.coverage !== undefined)).toBeGreaterThan(3);
    expect(seen((plan) => plan.change !== 'changed')).toBeGreaterThan(3);
    expect(seen((plan) => plan.findings.new.length > 0)).toBeGreaterThan(3);
  });
});
