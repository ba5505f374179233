// Monte Carlo over plans where only some tasks have three-point estimates: every run's plan
// finish is the latest finish of all its items, fixed durations included, and every item's
// criticality is counted against that finish.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpm, network, topologicalOrder } from '../../src/analyse/cpm.ts';
import { simulate } from '../../src/analyse/simulate.ts';
import type { Config } from '../../src/config/config.ts';
import { EPSILON } from '../../src/util/duration.ts';
import { compileYaml, planOf, timings } from '../helpers/compile.ts';

interface Item {
  id: string;
  /** A fixed duration, or [optimistic, likely, pessimistic]. */
  duration: number | [number, number, number];
  dependsOn?: Array<{ id: string; type?: 'FS' | 'SS' | 'FF' | 'SF'; lag?: number }>;
}

function planYaml(items: Item[], extra: string[] = []): string {
  const task = (item: Item) => {
    const length = Array.isArray(item.duration)
      ? `estimate: { optimistic: ${item.duration[0]}, likely: ${item.duration[1]}, pessimistic: ${item.duration[2]} }`
      : `duration: ${item.duration}`;
    const links = (item.dependsOn ?? []).map((d) => `{ id: ${d.id}, type: ${d.type ?? 'FS'}, lag: ${d.lag ?? 0} }`);
    return `      - { id: ${item.id}, title: ${item.id.toUpperCase()}, ${length}${links.length ? `, dependsOn: [${links.join(', ')}]` : ''} }`;
  };
  return [...extra, 'phases:', '  - id: work', '    title: Work', '    tasks:', ...items.map(task), ''].join('\n');
}

const simulated = (files: Record<string, string>, simulation?: Config['simulation']) =>
  compileYaml(files, { simulate: true, ...(simulation ? { config: { simulation } } : {}) });

function figures(result: ReturnType<typeof simulated>, id?: string) {
  const schedule = result.analysis.plans.get(planOf(result, id))!.schedule!;
  const criticality = Object.fromEntries(Object.entries(timings(result, id)).map(([key, t]) => [key, t.criticality]));
  return { duration: schedule.duration, monteCarlo: schedule.monteCarlo, criticality };
}

describe('Monte Carlo over a plan with some fixed durations', () => {
  it('takes the plan finish over every task, not only the estimated ones', () => {
    // The audit's case: `a` (3 days, fixed) always finishes last; `c` (1–2 days) never matters.
    const a: Item = { id: 'a', duration: 3 };
    const c: Item = { id: 'c', duration: [1, 1, 2] };
    const text = planYaml([a, c], ['title: Partial']);
    const { duration, monteCarlo, criticality } = figures(simulated({ 'partial.plan.yaml': text }));
    expect(duration).toBe(3);
    expect(monteCarlo).toEqual({ runs: 10_000, seed: 1, p50: 3, p80: 3, p95: 3 });
    expect(criticality).toEqual({ a: 1, c: 0 });
  });

  it('draws no number for work that is done: it keeps its place and its expected length', () => {
    const text = [
      'title: Half done',
      'phases:',
      '  - id: work',
      '    title: Work',
      '    tasks:',
      '      - { id: a, title: A, status: done, estimate: { optimistic: 1, likely: 2, pessimistic: 9 } }',
      '      - { id: b, title: B, estimate: { optimistic: 1, likely: 1, pessimistic: 1 }, dependsOn: [a] }',
      '',
    ].join('\n');
    const result = simulated({ 'done.plan.yaml': text });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    // a: (1 + 8 + 9) / 6 = 3 days, done; b: 1 day, certain. Nothing is left to chance.
    expect(schedule.duration).toBe(4);
    expect(schedule.pert).toEqual({ expected: 4, sigma: 0 });
    expect(schedule.monteCarlo).toMatchObject({ p50: 4, p80: 4, p95: 4 });
    expect(timings(result).a!.sigma).toBe(0);
  });

  it('takes the latest of two unlinked estimated tasks, whatever order they are written in', () => {
    const x: Item = { id: 'x', duration: [1, 2, 3] };
    const y: Item = { id: 'y', duration: [4, 5, 6] };
    const first = figures(simulated({ 'pair.plan.yaml': planYaml([x, y], ['id: pair', 'title: Pair']) }));
    const second = figures(simulated({ 'pair.plan.yaml': planYaml([y, x], ['id: pair', 'title: Pair']) }));
    expect(second).toEqual(first);
    expect(first.criticality).toEqual({ x: 0, y: 1 });
    // y alone decides: the median of the symmetric Beta-PERT(4, 5, 6) is 5.
    expect(first.monteCarlo!.p50).toBeCloseTo(5, 1);
    expect(first.monteCarlo!.p95).toBeGreaterThan(5.5);
    expect(first.monteCarlo!.p95).toBeLessThanOrEqual(6);
  });

  it('gives every due milestone of a simulated plan its simulated chance, linked to an estimate or not', () => {
    const a: Item = { id: 'a', duration: 3 };
    const c: Item = { id: 'c', duration: [1, 1, 2] };
    const milestones = [
      'milestones:',
      // a ends at the end of Wednesday 03-03; c by the end of Tuesday 03-02 at the latest.
      '  - { id: after-a, title: After A, after: [a], due: 2027-03-03 }',
      '  - { id: late-a, title: Late A, after: [a], due: 2027-03-02 }',
      '  - { id: after-c, title: After C, after: [c], due: 2027-03-02 }',
      '',
    ];
    const text = planYaml([a, c], ['title: Milestones', 'start: 2027-03-01']) + milestones.join('\n');
    const result = simulated({ 'milestones.plan.yaml': text });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    const chance = Object.fromEntries([...schedule.milestones].map(([m, status]) => [m.id, status.simulatedProbability]));
    expect(chance).toEqual({ 'after-a': 1, 'late-a': 0, 'after-c': 1 });
    expect(schedule.monteCarlo).toMatchObject({ p50: 3, p95: 3, p50Date: '2027-03-03', p95Date: '2027-03-03' });
    expect(figures(result).criticality).toEqual({ a: 1, c: 0, 'after-a': 1, 'late-a': 1, 'after-c': 0 });
  });

  it('simulates plans joined by references together, each with its own finish', () => {
    const x: Item = { id: 'x', duration: [1, 2, 3] };
    const w: Item = { id: 'w', duration: 10 };
    const alpha = planYaml([x, w], ['id: alpha', 'title: Alpha']);
    const beta = planYaml([{ id: 'y', duration: [4, 5, 6], dependsOn: [{ id: 'alpha#x' }] }], ['id: beta', 'title: Beta']);
    const gamma = planYaml([{ id: 'z', duration: [1, 5, 9] }], ['id: gamma', 'title: Gamma']);
    const together = simulated({ 'alpha.plan.yaml': alpha, 'beta.plan.yaml': beta });
    const a = figures(together, 'alpha');
    const b = figures(together, 'beta');
    expect(a.monteCarlo).toMatchObject({ p50: 10, p80: 10, p95: 10 });
    // x drives beta's finish, so it is critical in every run (as CPM says: total float 0).
    expect(a.criticality).toEqual({ x: 1, w: 1 });
    expect(timings(together, 'alpha').x!.critical).toBe(true);
    expect(b.criticality).toEqual({ y: 1 });
    expect(b.monteCarlo!.p50).toBeGreaterThan(6.5);
    expect(b.monteCarlo!.p50).toBeLessThan(7.5);
    // An unrelated plan, or another file order, changes nothing.
    const more = simulated({ 'gamma.plan.yaml': gamma, 'beta.plan.yaml': beta, 'alpha.plan.yaml': alpha });
    expect(figures(more, 'alpha')).toEqual(a);
    expect(figures(more, 'beta')).toEqual(b);
  });
});

describe('Monte Carlo properties', () => {
  const point = fc.constantFrom(0.5, 1, 2, 3, 5);
  const estimate = fc
    .tuple(point, point, point)
    .map((values) => values.sort((p, q) => p - q) as [number, number, number]);
  /** Plans of FS and SS links (finish times grow with every duration), each task fixed or estimated. */
  const plans = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          duration: fc.oneof(point, estimate),
          dependsOn: fc.uniqueArray(
            fc.record({
              on: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
              type: fc.constantFrom('FS' as const, 'SS' as const),
              lag: fc.constantFrom(0, 1),
            }),
            { maxLength: i === 0 ? 0 : 2, selector: (d) => d.on },
          ),
        }),
      ),
    ).map((specs) =>
      specs.map(
        (spec, i): Item => ({
          id: `t${i}`,
          duration: spec.duration,
          dependsOn: spec.dependsOn.map((d) => ({ id: `t${d.on}`, type: d.type, lag: d.lag })),
        }),
      ),
    ),
  );
  const simulation = { runs: 300, seed: 5 };
  const extra = ['id: prop', 'title: Property'];
  const run = (items: Item[]) => figures(simulated({ 'prop.plan.yaml': planYaml(items, extra) }, simulation));
  const fixedAt = (items: Item[], k: 0 | 2) =>
    items.map((item) => ({ ...item, duration: Array.isArray(item.duration) ? item.duration[k] : item.duration }));
  const cpmDuration = (items: Item[]) => run(items).duration;

  it('keeps P50 ≤ P80 ≤ P95 between the optimistic and the pessimistic schedules', () => {
    fc.assert(
      fc.property(plans, (items) => {
        const { monteCarlo } = run(items);
        const estimated = items.some((item) => Array.isArray(item.duration));
        if (!estimated) {
          expect(monteCarlo).toBeUndefined();
          return;
        }
        const { p50, p80, p95 } = monteCarlo!;
        expect(p50).toBeGreaterThanOrEqual(cpmDuration(fixedAt(items, 0)) - 1e-6);
        expect(p50).toBeLessThanOrEqual(p80);
        expect(p80).toBeLessThanOrEqual(p95);
        expect(p95).toBeLessThanOrEqual(cpmDuration(fixedAt(items, 2)) + 1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('with certain estimates (optimistic = likely = pessimistic), reproduces the CPM finish and critical set, for every link type and lag', () => {
    const point = fc.constantFrom(0.5, 1, 2, 3, 5);
    const certainPlans = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            duration: point,
            dependsOn: fc.uniqueArray(
              fc.record({
                on: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
                type: fc.constantFrom('FS' as const, 'SS' as const, 'FF' as const, 'SF' as const),
                lag: fc.constantFrom(-1, -0.5, 0, 1, 2),
              }),
              { maxLength: i === 0 ? 0 : 3, selector: (d) => d.on },
            ),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(certainPlans, fc.integer({ min: 1, max: 1000 }), (specs, seed) => {
        const items = specs.map(
          (spec, i): Item => ({
            id: `t${i}`,
            duration: [spec.duration, spec.duration, spec.duration],
            dependsOn: spec.dependsOn.map((d) => ({ id: `t${d.on}`, type: d.type, lag: d.lag })),
          }),
        );
        const result = simulated({ 'prop.plan.yaml': planYaml(items, extra) }, { runs: 50, seed });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const { duration, monteCarlo } = figures(result);
        expect(monteCarlo).toEqual({ runs: 50, seed, p50: duration, p80: duration, p95: duration });
        for (const [id, timing] of Object.entries(timings(result))) expect(timing.criticality, id).toBe(timing.critical ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });

  it('with certain estimates, schedules every item in every run exactly as cpm does: ES, EF and the critical set, for all four link types', () => {
    // The simulator itself against cpm(), on random networks: two plans (groups), links of
    // every type with negative, zero and positive lags. Every node is watched, so each run's
    // finish of each node is kept; with a certain estimate a node's start is its finish
    // less its (fixed) duration, as in both passes.
    const networks = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({
        durations: fc.array(fc.constantFrom(0, 0.5, 1, 2, 3, 5), { minLength: n, maxLength: n }),
        groups: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        // Links from a lower node to a higher one: the network has no cycle.
        edges: fc
          .uniqueArray(
            fc
              .record({ a: fc.integer({ min: 0, max: n - 1 }), b: fc.integer({ min: 0, max: n - 1 }), type: fc.integer({ min: 0, max: 3 }), lag: fc.constantFrom(-1, -0.5, 0, 1, 2) })
              .map(({ a, b, type, lag }) => ({ from: Math.min(a, b), to: Math.max(a, b), type, lag })),
            { maxLength: 2 * n, selector: (e) => `${e.from}-${e.to}` },
          )
          .map((edges) => edges.filter((e) => e.from !== e.to)),
      }),
    );
    fc.assert(
      fc.property(networks, fc.integer({ min: 1, max: 1000 }), ({ durations, groups, edges }, seed) => {
        const net = network(durations, edges, Int32Array.from(groups));
        const expected = cpm(net);
        const all = Array.from({ length: net.size }, (_, v) => v);
        const runs = 20;
        const result = simulate({
          net,
          nodes: topologicalOrder(net),
          estimates: new Map(all.map((v) => [v, { optimistic: durations[v]!, likely: durations[v]!, pessimistic: durations[v]! }])),
          runs,
          seed,
          watch: all,
        });
        for (const v of all) {
          const finishes = [...result.watched.get(v)!];
          expect(finishes, `EF of node ${v}`).toEqual(Array.from({ length: runs }, () => expected.ef[v]));
          expect(finishes.map((finish) => finish - durations[v]!), `ES of node ${v}`).toEqual(Array.from({ length: runs }, () => expected.es[v]));
          expect(result.criticality.get(v), `criticality of node ${v}`).toBe(expected.totalFloat[v]! <= EPSILON ? 1 : 0);
        }
        for (const [group, finishes] of result.finishes) expect([...finishes], `finish of group ${group}`).toEqual(Array.from({ length: runs }, () => expected.finish[group]));
      }),
      { numRuns: 150 },
    );
  });

  it('is decided by an unlinked fixed task longer than everything else, and ignores task order', () => {
    fc.assert(
      fc.property(plans, (items) => {
        const longest = cpmDuration(fixedAt(items, 2)) + 1;
        // A small estimate too, so that the plan is simulated whatever `items` holds.
        const withLong: Item[] = [...items, { id: 'long', duration: longest }, { id: 'tiny', duration: [0.5, 0.5, 1] }];
        const result = run(withLong);
        expect(result.monteCarlo).toMatchObject({ p50: longest, p80: longest, p95: longest });
        for (const [id, criticality] of Object.entries(result.criticality)) expect(criticality, id).toBe(id === 'long' ? 1 : 0);
        expect(run([...withLong].reverse())).toEqual(result);
      }),
      { numRuns: 25 },
    );
  });
});
