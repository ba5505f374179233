// Plans built directly as models, for benchmarks of the analysis alone (no YAML).
import type { Location } from '../src/diagnostics/types.ts';
import { DEFAULT_ESTIMATES, type Plan, type Task } from '../src/model/plan.ts';
import { seededRandom } from '../src/analyse/random.ts';

/**
 * One plan with `tasks` tasks in phases of 100 and `dependencies` finish-to-start
 * dependencies in all, each on an earlier task not too far back (a realistic, layered DAG).
 */
export function bigPlan(tasks: number, dependencies: number, options: { estimates?: boolean; start?: string } = {}): Plan {
  const random = seededRandom(tasks * 31 + dependencies);
  const file = 'plans/big.plan.yaml';
  const location = (offset: number): Location => ({ file, span: { start: offset, end: offset + 1 }, pointer: '' });
  const perPhase = 100;
  const phases: Plan['phases'] = [];
  const all: Task[] = [];
  const perTask = dependencies / tasks;
  let written = 0;
  for (let i = 0; i < tasks; i++) {
    if (i % perPhase === 0) {
      phases.push({ kind: 'phase', id: `p${i / perPhase}`, title: `Phase ${i / perPhase}`, dependsOn: [], tasks: [], deliverables: [], risks: [], verification: [], location: location(i) });
    }
    const phase = phases.at(-1)!;
    const wanted = Math.min(i, Math.round(perTask * (i + 1)) - written);
    const dependsOn: Task['dependsOn'] = [];
    const seen = new Set<number>();
    for (let k = 0; k < wanted; k++) {
      const back = 1 + Math.floor(random() * Math.min(i, 200));
      if (seen.has(i - back)) continue;
      seen.add(i - back);
      dependsOn.push({ raw: `t${i - back}`, plan: undefined, id: `t${i - back}`, location: location(i), target: undefined, type: 'FS', lag: 0 });
    }
    written += dependsOn.length;
    const duration = 1 + Math.floor(random() * 5);
    const estimate = options.estimates
      ? { optimistic: duration * 0.7, likely: duration, pessimistic: duration * 2, location: location(i) }
      : undefined;
    const task: Task = {
      kind: 'task',
      id: `t${i}`,
      title: `Task ${i}`,
      owner: `team-${i % 7}`,
      phase: phase.id,
      duration: estimate ? (estimate.optimistic + 4 * estimate.likely + estimate.pessimistic) / 6 : duration,
      durationSource: estimate ? 'estimate' : 'duration',
      ...(estimate ? { estimate } : {}),
      dependsOn,
      status: 'todo',
      reversible: true,
      touches: [],
      creates: [],
      tests: [],
      paths: [],
      acceptance: [],
      location: location(i),
    };
    phase.tasks.push(task);
    all.push(task);
  }
  return {
    id: 'big',
    file,
    title: 'Big',
    kind: 'implementation',
    status: 'draft',
    ...(options.start ? { start: options.start } : {}),
    calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2027-12-24', '2027-12-25'] },
    estimates: { ...DEFAULT_ESTIMATES },
    capacity: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`team-${i}`, 1_000_000])),
    goals: [],
    nonGoals: [],
    constraints: [],
    assumptions: [],
    questions: [],
    successCriteria: [],
    decisions: [],
    phases,
    milestones: [],
    risks: [],
    verification: [],
    rollback: { trigger: 'errors', steps: ['revert'], location: location(0) },
    monitoring: { alerts: [], dashboards: [] },
    dependencies: { internal: [], external: [] },
    architecture: [],
    tags: [],
    location: location(0),
  };
}
