// Realistic generated plans for the benchmarks: phases of tasks with owners, efforts,
// dependencies inside and across phases, risks, checks, a rollout and milestones.
// Deterministic: the same arguments give the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/analyse/random.ts';

const OWNERS = ['backend', 'frontend', 'platform', 'sre', 'qa', 'data'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const VERBS = ['Implement', 'Design', 'Migrate', 'Refactor', 'Test', 'Document', 'Deploy', 'Review', 'Benchmark', 'Harden'];
const THINGS = ['token service', 'session store', 'billing API', 'search index', 'audit log', 'feature flags', 'rate limiter', 'payment webhook', 'user profile', 'cache layer'];

export interface PlanShape {
  phases: number;
  tasksPerPhase: number;
  /** Dependencies per task on earlier tasks (besides phase order). */
  dependencies: number;
  /**
   * Leave out the owners' `capacity`, so that every plan has warnings (PLAN4002, owner
   * load), as real plans often do: `planc check` then looks up positions in every file.
   */
  warnings?: boolean;
}

export function planText(id: string, shape: PlanShape, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const lines: string[] = [
    '# yaml-language-server: $schema=../schema/plan.schema.json',
    `title: ${pick(VERBS)} the ${pick(THINGS)} (${id})`,
    `kind: ${pick(['implementation', 'migration', 'refactoring'])}`,
    `status: ${pick(['draft', 'proposed', 'approved', 'in-progress'])}`,
    `owner: ${pick(OWNERS)}`,
    'start: 2027-01-04',
    'calendar: { holidays: [2027-04-02, 2027-05-24] }',
    ...(shape.warnings ? [] : [`capacity: { ${OWNERS.map((owner) => `${owner}: 50`).join(', ')} }`]),
    'summary: |',
    `  Generated plan ${id} for benchmarks: ${shape.phases} phases of ${shape.tasksPerPhase} tasks.`,
    'goals: [Ship it safely, Keep latency flat, Remove the old path]',
    'successCriteria:',
    '  - { id: works, text: The new path serves all traffic, verifiedBy: [smoke] }',
    'rollback:',
    '  trigger: Error rate above 1% for 5 minutes',
    '  steps: [Turn the flag off, Redeploy the previous release]',
    'migration:',
    '  overview: [{ aspect: Store, current: Redis, target: PostgreSQL }]',
    '  data: { strategy: dual-write, steps: [Bulk copy, Continuous sync, Final sync, Reconcile] }',
    'phases:',
  ];
  const taskIds: string[] = [];
  for (let p = 0; p < shape.phases; p++) {
    lines.push(`  - id: phase-${p}`, `    title: Phase ${p} - ${pick(THINGS)}`);
    if (p > 0) lines.push(`    dependsOn: [phase-${p - 1}]`);
    lines.push('    tasks:');
    const firstInPhase = taskIds.length;
    for (let t = 0; t < shape.tasksPerPhase; t++) {
      const taskId = `t${p}-${t}`;
      const deps = new Set<string>();
      for (let d = 0; d < shape.dependencies && taskIds.length > firstInPhase; d++) {
        deps.add(taskIds[firstInPhase + Math.floor(random() * (taskIds.length - firstInPhase))]!);
      }
      const depText = deps.size ? `, dependsOn: [${[...deps].join(', ')}]` : '';
      lines.push(`      - { id: ${taskId}, title: ${pick(VERBS)} ${pick(THINGS)} step ${t}, owner: ${pick(OWNERS)}, effort: ${pick(SIZES)}${depText} }`);
      taskIds.push(taskId);
    }
    lines.push(
      '    deliverables: [Working code, Updated runbook]',
      `    risks: [{ id: risk-${p}, risk: Regression in ${pick(THINGS)}, probability: ${pick(['low', 'medium'])}, impact: high, mitigation: Canary and fast rollback }]`,
      `    verification: [{ id: check-${p}, title: Phase ${p} smoke test, run: "curl -fsS https://staging.example.com/health" }]`,
    );
  }
  lines.push(
    'verification: [{ id: smoke, title: Smoke test, run: "make smoke" }]',
    'rollout:',
    '  strategy: canary',
    '  rollback: { trigger: Error rate above 0.5%, steps: [Flag off] }',
    '  stages:',
    '    - { id: internal, title: Internal users, duration: 1d, rollbackTrigger: Any failure }',
    '    - { id: ten, title: 10% of users, percent: 10, duration: 2d }',
    '    - { id: all, title: Everyone, percent: 100, duration: 1d }',
    'milestones:',
    `  - { id: built, title: Built, after: [phase-${shape.phases - 1}] }`,
    '  - { id: live, title: Live, after: [all] }',
    '',
  );
  return lines.join('\n');
}

/** Writes `count` plans into `dir/plans`, returns the folder. */
export function writePlans(dir: string, count: number, shape: PlanShape): string {
  const plans = join(dir, 'plans');
  mkdirSync(plans, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = `plan-${String(i).padStart(4, '0')}`;
    writeFileSync(join(plans, `${id}.plan.yaml`), planText(id, shape, i + 1));
  }
  return plans;
}
