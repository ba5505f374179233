import { describe, expect, it } from 'vitest';
import { compileYaml, planOf, positions, timings } from '../helpers/compile.ts';

/** A plan with one phase holding `tasks` (flow-style YAML lines). */
function plan(tasks: string[], extra = ''): string {
  return [
    'title: Test',
    'rollback: { trigger: errors, steps: [revert] }',
    'capacity: { nobody: 99 }',
    extra,
    'phases:',
    '  - id: work',
    '    title: Work',
    '    tasks:',
    ...tasks.map((task) => `      - ${task}`),
    '',
  ].join('\n');
}

describe('the critical path method', () => {
  // GLPK's critical path example (glpk/examples/cpp.mod), as a plan.
  const glpk = plan([
    '{ id: a, title: A, duration: 3 }',
    '{ id: b, title: B, duration: 4, dependsOn: [a] }',
    '{ id: c, title: C, duration: 3, dependsOn: [b] }',
    '{ id: d, title: D, duration: 10, dependsOn: [b] }',
    '{ id: e, title: E, duration: 8, dependsOn: [d] }',
    '{ id: f, title: F, duration: 4, dependsOn: [d] }',
    '{ id: g, title: G, duration: 6, dependsOn: [d] }',
    '{ id: h, title: H, duration: 8, dependsOn: [c, e, f, g] }',
    '{ id: i, title: I, duration: 5, dependsOn: [h] }',
    '{ id: j, title: J, duration: 5, dependsOn: [h] }',
    '{ id: k, title: K, duration: 4, dependsOn: [i] }',
    '{ id: l, title: L, duration: 2, dependsOn: [j] }',
    '{ id: m, title: M, duration: 4, dependsOn: [k, l] }',
  ]);

  it('schedules the GLPK example: every ES, EF, LS, LF and float', () => {
    const result = compileYaml({ 'glpk.plan.yaml': glpk });
    expect(positions(result)).toEqual([]);
    const t = timings(result);
    const expected: Record<string, [number, number, number, number, number, number]> = {
      //   ES  EF  LS  LF  TF  FF
      a: [0, 3, 0, 3, 0, 0],
      b: [3, 7, 3, 7, 0, 0],
      c: [7, 10, 22, 25, 15, 15],
      d: [7, 17, 7, 17, 0, 0],
      e: [17, 25, 17, 25, 0, 0],
      f: [17, 21, 21, 25, 4, 4],
      g: [17, 23, 19, 25, 2, 2],
      h: [25, 33, 25, 33, 0, 0],
      i: [33, 38, 33, 38, 0, 0],
      j: [33, 38, 35, 40, 2, 0],
      k: [38, 42, 38, 42, 0, 0],
      l: [38, 40, 40, 42, 2, 2],
      m: [42, 46, 42, 46, 0, 0],
    };
    for (const [id, [es, ef, ls, lf, tf, ff]] of Object.entries(expected)) {
      expect({ id, ...t[id] }).toMatchObject({ id, es, ef, ls, lf, totalFloat: tf, freeFloat: ff, critical: tf === 0 });
    }
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.duration).toBe(46);
    expect(schedule.criticalPath).toEqual(['a', 'b', 'd', 'e', 'h', 'i', 'k', 'm']);
    expect(schedule.criticalPaths).toEqual([['a', 'b', 'd', 'e', 'h', 'i', 'k', 'm']]);
  });

  it('lists near-critical tasks under the threshold and the peak parallelism', () => {
    const result = compileYaml({ 'glpk.plan.yaml': glpk }, { config: { schedule: { nearCritical: 3, capacity: 1, confidence: 0.8 } } });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.nearCritical).toEqual(['g', 'j', 'l']);
    // From day 17 to 21, D's three successors E, F and G run side by side.
    expect(schedule.peakParallelism).toEqual({ tasks: 3, at: 17, ids: ['e', 'f', 'g'] });
  });

  it.each([
    // type, lag, b's ES, EF, a's free float
    ['FS', '0', 3, 5, 0],
    ['FS', '2', 5, 7, 0],
    ['FS', '-1', 2, 4, 0],
    ['SS', '1', 1, 3, 0],
    ['FF', '1', 2, 4, 0],
    // SF leaves a's finish free, but a is the longest task: its free float is capped by its total float.
    ['SF', '0', 0, 2, 0],
    ['SF', '3', 1, 3, 0],
    ['FS', '4h', 3.5, 5.5, 0],
    ['FS', '1w', 8, 10, 0],
  ] as const)('links %s with lag %s', (type, lag, es, ef, freeFloat) => {
    const result = compileYaml({
      'x.plan.yaml': plan([
        '{ id: a, title: A, duration: 3 }',
        `{ id: b, title: B, duration: 2, dependsOn: [{ id: a, type: ${type}, lag: ${lag} }] }`,
      ]),
    });
    expect(positions(result)).toEqual([]);
    const t = timings(result);
    expect(t.b).toMatchObject({ es, ef });
    expect(t.a!.freeFloat).toBe(freeFloat);
    // Whatever the link, nothing finishes after the project and no float is negative.
    const duration = Math.max(t.a!.ef, t.b!.ef);
    for (const timing of Object.values(t)) {
      expect(timing.lf).toBeLessThanOrEqual(duration);
      expect(timing.totalFloat).toBeGreaterThanOrEqual(0);
      expect(timing.freeFloat).toBeLessThanOrEqual(timing.totalFloat);
    }
  });

  it('takes durations from effort sizes, the plan estimates and units', () => {
    const result = compileYaml({
      'x.plan.yaml': plan(
        ['{ id: a, title: A, effort: M }', '{ id: b, title: B, effort: XS, dependsOn: [a] }', '{ id: c, title: C, duration: 4h, dependsOn: [b] }', '{ id: d, title: D, duration: 1w, dependsOn: [c] }'],
        'estimates: { M: 2d }',
      ),
    });
    const t = timings(result);
    expect([t.a!.ef, t.b!.ef, t.c!.ef, t.d!.ef]).toEqual([2, 2.5, 3, 8]);
  });

  it('expands a dependency on a phase to every task of it, and a phase dependency to all its tasks', () => {
    const text = [
      'title: Phases',
      'rollback: { trigger: errors, steps: [revert] }',
      'capacity: { nobody: 9 }',
      'phases:',
      '  - id: prep',
      '    title: Prep',
      '    tasks:',
      '      - { id: p1, title: P1, duration: 2 }',
      '      - { id: p2, title: P2, duration: 5 }',
      '  - id: core',
      '    title: Core',
      '    dependsOn: [prep]',
      '    tasks:',
      '      - { id: c1, title: C1, duration: 1 }',
      '      - { id: c2, title: C2, duration: 3, dependsOn: [{ id: prep, type: SS, lag: 1 }] }',
      '  - id: last',
      '    title: Last',
      '    tasks:',
      '      - { id: l1, title: L1, duration: 1, dependsOn: [core] }',
      'milestones:',
      '  - { id: ready, title: Ready, after: [prep] }',
      '',
    ].join('\n');
    const result = compileYaml({ 'p.plan.yaml': text });
    expect(positions(result)).toEqual([]);
    const t = timings(result);
    expect(t.c1).toMatchObject({ es: 5, ef: 6 });
    expect(t.c2).toMatchObject({ es: 5, ef: 8 });
    expect(t.l1).toMatchObject({ es: 8, ef: 9 });
    expect(t.ready).toMatchObject({ es: 5, ef: 5 });
    // p1 has float through the phase hub: it may finish as late as p2 does.
    expect(t.p1).toMatchObject({ totalFloat: 3, freeFloat: 3, critical: false });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.criticalPath).toEqual(['p2', 'c2', 'l1']);
  });

  it('keeps done tasks in their place and schedules cancelled ones as taking no time', () => {
    const result = compileYaml({
      'x.plan.yaml': plan([
        '{ id: a, title: A, duration: 2, status: done }',
        '{ id: b, title: B, duration: 9, status: cancelled, dependsOn: [a] }',
        '{ id: c, title: C, duration: 1, dependsOn: [b] }',
      ]),
    });
    const t = timings(result);
    expect(t.a).toMatchObject({ es: 0, ef: 2 });
    expect(t.b).toMatchObject({ es: 2, ef: 2 });
    expect(t.c).toMatchObject({ es: 2, ef: 3 });
    expect(result.analysis.plans.get(planOf(result))!.progress).toEqual({ done: 2, total: 3, percent: 67 });
  });

  it('puts rollout stages after the build work, in order, and lets cleanup follow them', () => {
    const text = plan(
      ['{ id: build, title: Build, duration: 3 }', '{ id: cleanup, title: Cleanup, duration: 1, dependsOn: [full] }'],
      [
        'rollout:',
        '  strategy: canary',
        '  rollback: { trigger: errors, steps: [flag off] }',
        '  stages:',
        '    - { id: internal, title: Internal, duration: 1d, rollbackTrigger: any failure }',
        '    - { id: five, title: 5%, percent: 5, duration: 3d, rollbackTrigger: errors > 0.1% }',
        '    - { id: full, title: 100%, percent: 100, duration: 2d, rollbackTrigger: errors > 0.01% }',
      ].join('\n'),
    );
    const result = compileYaml({ 'r.plan.yaml': text });
    expect(positions(result)).toEqual([]);
    const t = timings(result);
    expect([t.internal!.es, t.five!.es, t.full!.es, t.cleanup!.es]).toEqual([3, 4, 7, 9]);
  });
});

describe('cycles', () => {
  it('reports a self-dependency and a task that depends on its own phase', () => {
    const result = compileYaml({
      'x.plan.yaml': plan(['{ id: a, title: A, duration: 1, dependsOn: [a] }', '{ id: b, title: B, duration: 1, dependsOn: [work] }']),
    });
    expect(positions(result)).toEqual(['PLAN3004 x.plan.yaml:9:53', 'PLAN3004 x.plan.yaml:10:53']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Dependency cycle: a → a',
      'Dependency cycle: b → work (phase) → b',
    ]);
    // No schedule for a plan caught in a cycle.
    expect(result.analysis.plans.get(planOf(result))!.schedule).toBeUndefined();
  });

  it('reports each cycle once, however many tasks of a phase take part in it', () => {
    const text = [
      'title: Knot',
      'rollback: { trigger: errors, steps: [revert] }',
      'phases:',
      '  - id: one',
      '    title: One',
      '    dependsOn: [two]',
      '    tasks:',
      '      - { id: a, title: A, duration: 1 }',
      '      - { id: b, title: B, duration: 1 }',
      '      - { id: c, title: C, duration: 1 }',
      '  - id: two',
      '    title: Two',
      '    dependsOn: [one]',
      '    tasks:',
      '      - { id: x, title: X, duration: 1 }',
      '      - { id: y, title: Y, duration: 1 }',
      '',
    ].join('\n');
    const result = compileYaml({ 'k.plan.yaml': text });
    const cycles = result.diagnostics.filter((d) => d.code === 'PLAN3004');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toBe('Dependency cycle: a → two (phase) → x → one (phase) → a');
    expect(cycles[0]!.range.start).toEqual({ line: 6, column: 17 });
    expect(cycles[0]!.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual(['13:17']);
  });

  it('shows at most 50 cycles of a knot, and says how many dependencies were left out', () => {
    // 30 tasks, each depending on every other: 870 dependencies, all in cycles.
    const ids = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const tasks = ids.map((id) => `      - { id: ${id}, title: ${id}, duration: 1, dependsOn: [${ids.filter((other) => other !== id).join(', ')}] }`);
    const result = compileYaml({ 'dense.plan.yaml': ['title: Dense', 'phases:', '  - id: p', '    title: P', '    tasks:', ...tasks, ''].join('\n') });
    const cycles = result.diagnostics.filter((d) => d.code === 'PLAN3004');
    expect(cycles).toHaveLength(50);
    expect(cycles.slice(0, -1).every((d) => !d.message.includes('more'))).toBe(true);
    // Each of the 50 two-task cycles covers two dependencies: 870 − 100 are left out.
    expect(cycles.at(-1)!.message).toMatch(/^Dependency cycle: \S+ → \S+ → \S+ \(only 50 cycles are shown per knot of tasks; 770 more dependencies among them are in cycles too\)$/);
  });

  it('names both plans and both files for a cycle across plans', () => {
    const a = plan(['{ id: a, title: A, duration: 1, dependsOn: ["b#b"] }']);
    const b = plan(['{ id: b, title: B, duration: 1, dependsOn: ["a#a"] }']);
    const result = compileYaml({ 'plans/a.plan.yaml': a, 'plans/b.plan.yaml': b });
    expect(positions(result)).toEqual(['PLAN3004 plans/a.plan.yaml:9:53']);
    expect(result.diagnostics[0]!.message).toBe('Dependency cycle: a#a → b#b → a#a');
    expect(result.diagnostics[0]!.related.map((r) => r.file)).toEqual(['plans/b.plan.yaml']);
  });
});
