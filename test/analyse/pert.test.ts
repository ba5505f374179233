import { describe, expect, it } from 'vitest';
import { compileYaml, planOf, positions, timings } from '../helpers/compile.ts';
import { normalCdf, probabilityBy } from '../../src/analyse/pert.ts';

// The PERT example of Wikipedia's "Program evaluation and review technique" article.
const wikipedia = [
  'title: PERT',
  'start: 2026-12-07',
  'rollback: { trigger: errors, steps: [revert] }',
  'capacity: { nobody: 9 }',
  'phases:',
  '  - id: work',
  '    title: Work',
  '    tasks:',
  '      - { id: a, title: A, estimate: { optimistic: 2, likely: 4, pessimistic: 6 } }',
  '      - { id: b, title: B, estimate: { optimistic: 3, likely: 5, pessimistic: 9 } }',
  '      - { id: c, title: C, estimate: { optimistic: 4, likely: 5, pessimistic: 7 }, dependsOn: [a] }',
  '      - { id: d, title: D, estimate: { optimistic: 4, likely: 6, pessimistic: 10 }, dependsOn: [a] }',
  '      - { id: e, title: E, estimate: { optimistic: 4, likely: 5, pessimistic: 7 }, dependsOn: [b, c] }',
  '      - { id: f, title: F, estimate: { optimistic: 3, likely: 4, pessimistic: 8 }, dependsOn: [d] }',
  '      - { id: g, title: G, estimate: { optimistic: 3, likely: 5, pessimistic: 8 }, dependsOn: [e] }',
  'milestones:',
  '  - { id: done, title: Done, after: [f, g], due: 2027-01-04 }',
  '',
].join('\n');

describe('PERT', () => {
  it('finds the critical path of the Wikipedia example with its expected duration and variance', () => {
    const result = compileYaml({ 'pert.plan.yaml': wikipedia });
    expect(positions(result)).toEqual([]);
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.criticalPath).toEqual(['a', 'c', 'e', 'g', 'done']);
    expect(schedule.duration).toBeCloseTo(19.5, 6);
    expect(schedule.pert!.expected).toBeCloseTo(19.5, 6);
    expect(schedule.pert!.sigma ** 2).toBeCloseTo(1.639, 3);
    const t = timings(result);
    expect(t.a!.ef).toBeCloseTo(4, 6);
    expect(t.b!.ef).toBeCloseTo(5.333333, 5);
    expect(t.d!.sigma).toBeCloseTo(1, 6);
  });

  it('gives the chance of meeting a due date from the normal approximation', () => {
    const result = compileYaml({ 'pert.plan.yaml': wikipedia });
    const milestone = planOf(result).milestones[0]!;
    const status = result.analysis.plans.get(planOf(result))!.schedule!.milestones.get(milestone)!;
    // 2027-01-04 is the 21st working day from Monday 2026-12-07 (no holidays): it ends at offset 21.
    expect(status.probability).toBeCloseTo(normalCdf((21 - 19.5) / Math.sqrt(1.6389)), 3);
    expect(status.slip).toBeUndefined();
  });

  it('computes the normal distribution', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(probabilityBy(10, 9, 0)).toBe(1);
    expect(probabilityBy(10, 11, 0)).toBe(0);
  });
});

describe('Monte Carlo', () => {
  it('gives P50 ≤ P80 ≤ P95 around the PERT figures, and criticality indexes', () => {
    const result = compileYaml({ 'pert.plan.yaml': wikipedia }, { simulate: true });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    const mc = schedule.monteCarlo!;
    expect(mc.runs).toBe(10_000);
    expect(mc.p50).toBeLessThanOrEqual(mc.p80);
    expect(mc.p80).toBeLessThanOrEqual(mc.p95);
    // Merge bias: the simulated median is a little above the PERT mean, never far from it.
    expect(mc.p50).toBeGreaterThan(19.3);
    expect(mc.p50).toBeLessThan(20.5);
    expect(mc.p50Date).toMatch(/^2027-01-0\d$/);
    const t = timings(result);
    for (const id of ['a', 'c', 'e', 'g']) expect(t[id]!.criticality).toBeGreaterThan(0.6);
    expect(t.d!.criticality).toBeLessThan(0.2);
    expect(t.f!.criticality).toBe(t.d!.criticality);
    const status = schedule.milestones.get(planOf(result).milestones[0]!)!;
    // Near the normal approximation (0.88), a little lower because of merge bias.
    expect(status.simulatedProbability).toBeGreaterThan(0.75);
    expect(status.simulatedProbability).toBeLessThan(status.probability!);
  });

  it('gives the same figures for the same seed and other figures for another seed', () => {
    const run = (seed: number) =>
      compileYaml({ 'pert.plan.yaml': wikipedia }, { simulate: true, config: { simulation: { runs: 2000, seed } } });
    const figures = (seed: number) => {
      const result = run(seed);
      const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
      return { ...schedule.monteCarlo, criticality: Object.values(timings(result)).map((t) => t.criticality) };
    };
    expect(figures(7)).toEqual(figures(7));
    expect(figures(7)).not.toEqual(figures(8));
  });

  it('leaves plans without three-point estimates unsimulated', () => {
    const text = wikipedia.replace(/estimate: \{ optimistic: (\d+), likely: (\d+), pessimistic: \d+ \}/g, 'duration: $2');
    const result = compileYaml({ 'fixed.plan.yaml': text }, { simulate: true });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.monteCarlo).toBeUndefined();
    expect(schedule.pert).toBeUndefined();
  });
});

describe('Beta-PERT sampling', () => {
  it('has the PERT mean and the Beta-PERT spread, within the three points', async () => {
    const { betaPertQuantiles } = await import('../../src/analyse/random.ts');
    const { network } = await import('../../src/analyse/cpm.ts');
    const { simulate } = await import('../../src/analyse/simulate.ts');
    for (const [a, m, b] of [[2, 4, 6], [3, 5, 9], [1, 1, 10], [4, 10, 10], [2, 3, 14]] as const) {
      const table = betaPertQuantiles(a, m, b, 512);
      expect(table[0]).toBe(a);
      expect(table[511]).toBeCloseTo(b, 9);
      // The simulator's own draws: one task and nothing else, so each run's finish is its draw.
      const n = 200_000;
      const draws = simulate({
        net: network([m], []),
        nodes: Int32Array.of(0),
        estimates: new Map([[0, { optimistic: a, likely: m, pessimistic: b }]]),
        runs: n,
        seed: 42,
        watch: [0],
      }).watched.get(0)!;
      const min = draws[0]!;
      const max = draws[n - 1]!;
      let sum = 0;
      let squares = 0;
      for (const x of draws) {
        sum += x;
        squares += x * x;
      }
      // Every draw within the three points, and the draws reach close to both ends.
      expect(min).toBeGreaterThanOrEqual(a);
      expect(max).toBeLessThanOrEqual(b);
      expect(min - a).toBeLessThan((b - a) / 20);
      expect(b - max).toBeLessThan((b - a) / 20);
      const mean = sum / n;
      expect(mean).toBeCloseTo((a + 4 * m + b) / 6, 1);
      // The Beta-PERT variance: (μ − a)(b − μ) / 7.
      const expectedMean = (a + 4 * m + b) / 6;
      expect(squares / n - mean * mean).toBeCloseTo(((expectedMean - a) * (b - expectedMean)) / 7, 1);
    }
  });
});
