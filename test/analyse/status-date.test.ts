// A status date: late tasks and past-due milestones reported, the unfinished work
// rescheduled from it (the forecast) beside the plan as written (the baseline), and the
// forecast cross-checked against TaskJuggler scheduling the same network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay } from '../../src/util/dates.ts';
import { EPSILON } from '../../src/util/duration.ts';
import { allTasks, taskProgress, type Milestone, type RolloutStage, type Task } from '../../src/model/plan.ts';
import { lateTaskRule } from '../../src/analyse/rules/status-date.ts';
import type { RuleContext } from '../../src/analyse/rules/rule.ts';
import { Diagnostics } from '../../src/diagnostics/sink.ts';
import { cli } from '../helpers/cli.ts';
import { compileYaml, planOf, positions, timings } from '../helpers/compile.ts';
import { ROOT, tempRepo } from '../helpers/repo.ts';
import { scheduleInTaskJuggler, TJ3, type Fixed } from '../helpers/taskjuggler.ts';

const CHECKOUT = readFileSync(join(ROOT, 'test/fixtures/status/checkout.plan.yaml'), 'utf8');
const FILE = 'plans/checkout.plan.yaml';

function checkout(statusDate?: string) {
  return compileYaml({ [FILE]: CHECKOUT }, { config: statusDate ? { statusDate } : {} });
}

/** [es, ef] by id, from the forecast (or, with `planned`, the baseline). */
function spans(result: ReturnType<typeof checkout>, planned = false): Record<string, [number, number]> {
  return Object.fromEntries(
    Object.entries(timings(result)).map(([id, t]) => [id, planned ? [t.planned!.es, t.planned!.ef] : [t.es, t.ef]] as const),
  );
}

describe('a status date', () => {
  it('reports tasks late to start or to finish and milestones past due, at their ids', () => {
    const result = checkout('2026-12-16');
    expect(positions(result)).toEqual([
      `PLAN4009 ${FILE}:16:15`, // copy: in progress, planned to end on 2026-12-08
      `PLAN4008 ${FILE}:17:15`, // prototype: to do, planned to start on 2026-12-14
      `PLAN4010 ${FILE}:35:11`, // designed: due 2026-12-11, its phase not done
      `PLAN4001 ${FILE}:36:11`, // built: forecast after its due date (not yet past)
    ]);
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages[0]).toBe('Task `copy` was to finish on 2026-12-08, before the status date 2026-12-16, and is still in progress; forecast finish 2026-12-16');
    expect(messages[1]).toBe('Task `prototype` was to start on 2026-12-14, before the status date 2026-12-16, and is not started');
    expect(messages[2]).toBe('Milestone `designed` was due on 2026-12-11, before the status date 2026-12-16, and is not reached; forecast 2026-12-21');
    expect(result.diagnostics[2]!.severity).toBe('error');
  });

  it('keeps work done, and schedules the rest of the work from the status date', () => {
    // 2026-12-16 is the start of working day 7 (Mon 7 … Fri 11 are 0–4, Mon 14 is 5).
    const forecast = spans(checkout('2026-12-16'));
    expect(forecast).toEqual({
      research: [0, 3], // done, as planned
      wireframes: [3, 5], // done, as planned
      copy: [1, 8], // in progress, nothing recorded done: started as planned, all of it from day 7
      prototype: [7, 11], // not started: from the status date
      api: [5, 9], // half done: it started 2 days before the status date, 2 days left
      ui: [5.75, 10.75], // a quarter done: 1.25 days before, 3.75 days after
      payments: [11, 14], // after the design phase (prototype) and the API
      analytics: [11, 13], // blocked and not started: after the design phase
      legacy: [11, 11], // cancelled: no time
      qa: [14, 17],
      docs: [18, 20], // a day after the tests (2026-12-25 is a holiday)
      beta: [20, 22],
      ga: [22, 23],
      'research-done': [3, 3], // reached: where it was
      designed: [11, 11],
      built: [14, 14],
      launched: [23, 23],
    });
    // The baseline is the plan as written: the schedule without a status date.
    expect(spans(checkout('2026-12-16'), true)).toEqual(spans(checkout()));
  });

  it('shows the forecast beside the plan: finish, milestones, late lists', () => {
    const result = checkout('2026-12-16');
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.finish).toBe('2027-01-07');
    expect(schedule.status).toMatchObject({ date: '2026-12-16', offset: 7, planned: { duration: 25, start: '2026-12-07', finish: '2027-01-11' } });
    expect(schedule.status!.notStarted.map((task) => task.id)).toEqual(['prototype']);
    expect(schedule.status!.overdue.map((task) => task.id)).toEqual(['copy']);
    expect(schedule.status!.overdueMilestones.map((milestone) => milestone.id)).toEqual(['designed']);
    const milestones = Object.fromEntries([...schedule.milestones].map(([milestone, status]) => [milestone.id, status]));
    expect(milestones.designed).toMatchObject({ date: '2026-12-21', planned: { date: '2026-12-17' }, overdue: true, reached: false });
    expect(milestones['research-done']).toMatchObject({ reached: true, planned: { date: '2026-12-09' } });
    expect(milestones.built).toMatchObject({ overdue: false, slip: 4 });
  });

  it('moves nothing not started when the status date is before the start, and nothing without one', () => {
    const fresh = CHECKOUT.replace(/, status: [a-z-]+/g, '').replace(/, progress: [\d.]+/g, '');
    const plain = compileYaml({ [FILE]: fresh });
    const before = compileYaml({ [FILE]: fresh }, { config: { statusDate: '2026-12-01' } });
    expect(spans(before)).toEqual(spans(plain));
    expect(positions(before)).toEqual(positions(plain));
    const plainCheckout = checkout();
    expect(plainCheckout.analysis.plans.get(planOf(plainCheckout))!.schedule!.status).toBeUndefined();
  });

  it('leaves undated plans as they are', () => {
    const undated = CHECKOUT.replace('start: 2026-12-07\n', '').replace(/, due: [\d-]+/g, '');
    const plain = compileYaml({ [FILE]: undated });
    const tracked = compileYaml({ [FILE]: undated }, { config: { statusDate: '2026-12-16' } });
    expect(spans(tracked)).toEqual(spans(plain));
    expect(positions(tracked)).toEqual(positions(plain));
  });

  it('makes a past-due milestone a warning when the configuration says so, and builds the plan either way', () => {
    const result = compileYaml({ [FILE]: CHECKOUT }, { config: { statusDate: '2026-12-16', rules: { 'milestone-overdue': 'warning' } } });
    expect(result.diagnostics.find((d) => d.code === 'PLAN4010')?.severity).toBe('warning');
    // As an error it does not keep the plan out of the outputs either: a late plan is still a plan.
    expect(checkout('2026-12-16').built.map((plan) => plan.id)).toEqual(['checkout']);
  });

  it('simulates the forecast: where nothing is uncertain, every run finishes when the forecast does', () => {
    // Three-point estimates with no spread, on work done, under way and not started.
    const sure = CHECKOUT.replace('duration: 4d, status: in-progress', 'estimate: { optimistic: 4d, likely: 4d, pessimistic: 4d }, status: in-progress')
      .replace('id: qa, title: Regression tests, duration: 3d', 'id: qa, title: Regression tests, estimate: { optimistic: 3d, likely: 3d, pessimistic: 3d }')
      .replace('duration: 3d, status: done', 'estimate: { optimistic: 3d, likely: 3d, pessimistic: 3d }, status: done');
    const result = compileYaml({ [FILE]: sure }, { config: { statusDate: '2026-12-16' }, simulate: true });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    expect(schedule.duration).toBe(23);
    expect(schedule.monteCarlo).toMatchObject({ p50: 23, p80: 23, p95: 23 });
    expect(spans(result)).toEqual(spans(checkout('2026-12-16')));
  });

  it('on random plans: done work ends by the status date, the rest starts on or after it, and every link holds', () => {
    const statuses = ['todo', 'in-progress', 'done', 'blocked', 'cancelled'] as const;
    const plan = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        tasks: fc.array(
          fc.record({
            duration: fc.constantFrom(0, 0.5, 1, 2, 3),
            status: fc.constantFrom(...statuses),
            progress: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: undefined }),
            after: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }),
            type: fc.constantFrom('FS', 'SS'),
          }),
          { minLength: n, maxLength: n },
        ),
        statusDay: fc.integer({ min: 0, max: 20 }),
      }),
    );
    fc.assert(
      fc.property(plan, ({ tasks, statusDay }) => {
        const lines = tasks.map((task, i) => {
          const after = task.after.filter((j) => j < i).map((j) => `{ id: t${j}, type: ${task.type} }`);
          return `      - { id: t${i}, title: T${i}, duration: ${task.duration}d, status: ${task.status}${task.progress === undefined ? '' : `, progress: ${task.progress}`}${after.length ? `, dependsOn: [${after.join(', ')}]` : ''} }`;
        });
        const text = `title: Random\nstart: 2026-12-07\nrollback: { trigger: x, steps: [y] }\nphases:\n  - id: work\n    title: Work\n    tasks:\n${lines.join('\n')}\n`;
        const statusDate = new Date(Date.UTC(2026, 11, 7 + statusDay)).toISOString().slice(0, 10);
        const result = compileYaml({ 'plans/random.plan.yaml': text }, { config: { statusDate } });
        const analysis = result.analysis.plans.get(planOf(result))!;
        const schedule = analysis.schedule!;
        const s = schedule.calendar!.workdaysBefore(epochDay(statusDate));
        const model = planOf(result).phases[0]!.tasks;
        const byId = new Map(model.map((task) => [task.id, task]));
        for (const [item, timing] of schedule.timings) {
          const task = item as Task;
          if (task.status === 'done') expect(timing.ef).toBeLessThanOrEqual(Math.max(s, 0) + 1e-6);
          else if (task.status !== 'cancelled' && task.status !== 'in-progress' && taskProgress(task) === 0) expect(timing.es).toBeGreaterThanOrEqual(s - 1e-6);
          else if (task.status === 'in-progress' || taskProgress(task) > 0) {
            // Work under way: the rest of it after the status date.
            expect(timing.ef).toBeCloseTo(Math.max(s, 0) + (1 - taskProgress(task)) * task.duration, 6);
          }
          // Links into work not yet started hold in the forecast.
          if (task.status === 'todo' || task.status === 'blocked' || task.status === 'cancelled') {
            if (taskProgress(task) > 0) continue;
            for (const dependency of task.dependsOn) {
              const before = schedule.timings.get(byId.get(dependency.id)!)!;
              const bound = dependency.type === 'SS' ? before.es : before.ef;
              expect(timing.es + EPSILON).toBeGreaterThanOrEqual(bound);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on the command line: --status-date, `today` as the caller\'s day, the configuration\'s statusDate, and a bad date', async () => {
    const repo = tempRepo({ [FILE]: CHECKOUT });
    try {
      const dated = await cli(['check', '--status-date', '2026-12-16'], { cwd: repo.dir });
      expect(dated.status).toBe(1);
      expect(dated.stdout).toContain('error PLAN4010');
      const today = await cli(['check', '--status-date', 'today'], { cwd: repo.dir, today: new Date(2026, 11, 16, 23, 30) });
      expect(today.stdout).toBe(dated.stdout);
      const bad = await cli(['check', '--status-date', '2026-02-30'], { cwd: repo.dir });
      expect(bad).toMatchObject({ status: 2, stdout: '' });
      expect(bad.stderr).toContain('the status date `2026-02-30` is not a date written YYYY-MM-DD');
      expect((await cli(['check'], { cwd: repo.dir })).stdout).not.toContain('PLAN4010');
      repo.write({ 'planc.config.yaml': 'statusDate: 2026-12-16\n' });
      expect((await cli(['check'], { cwd: repo.dir })).stdout).toBe(dated.stdout);
      // The command line's date goes over the configuration's.
      expect((await cli(['check', '--status-date', '2026-12-01'], { cwd: repo.dir })).stdout).not.toContain('PLAN40');
      repo.write({ 'planc.config.yaml': 'statusDate: 16 December\n' });
      const invalid = await cli(['check'], { cwd: repo.dir });
      expect(invalid.status).toBe(2);
      expect(invalid.stdout).toContain('PLAN6001');
      // plan.json says what was planned and what is forecast.
      repo.write({ 'planc.config.yaml': '' });
      expect((await cli(['build', '--status-date', '2026-12-16', '--out', 'out'], { cwd: repo.dir })).status).toBe(1);
      const json = JSON.parse(readFileSync(join(repo.dir, 'out/checkout/plan.json'), 'utf8'));
      expect(json).toMatchObject({ statusDate: '2026-12-16', finish: '2027-01-07', planned: { finish: '2027-01-11', duration: 25 }, late: { notStarted: ['prototype'], overdue: ['copy'], milestones: ['designed'] } });
      expect(json.tasks.find((task: { id: string }) => task.id === 'copy')).toMatchObject({ late: 'finish', start: '2026-12-08', finish: '2026-12-16', planned: { start: '2026-12-08', finish: '2026-12-08' } });
      const document = readFileSync(join(repo.dir, 'out/checkout/index.md'), 'utf8');
      expect(document).toContain('**Status on 2026-12-16:** forecast finish 2027-01-07 (23 working days); planned 2027-01-11 (25 working days). Behind the plan: 1 task overdue, 1 task not started, 1 milestone past due.');
      expect(document).toContain('| Design signed off | 2026-12-17 | 2026-12-21 | 2026-12-11 | ⚠ past due (6 working days late) |');
    } finally {
      repo.cleanup();
    }
  });
});

/**
 * A plan of `phases` × `tasks` tasks: a chain in each phase (each task after the one
 * before it, some starting with the phase's first), every other phase after the one before,
 * with statuses, progress and zero-length tasks mixed by the task's number (every fourth
 * phase done), and a milestone after each phase.
 */
function manyTasks(phases: number, tasks: number, seed = 0): string {
  const statuses = ['done', 'in-progress', 'todo', 'blocked', 'todo', 'cancelled', 'done'];
  const lines = ['title: Many', 'start: 2026-12-07', 'rollback: { trigger: x, steps: [y] }', 'phases:'];
  for (let p = 0; p < phases; p++) {
    lines.push(`  - id: p${p}`, `    title: P${p}`, ...(p % 2 === 1 ? [`    dependsOn: [p${p - 1}]`] : []), '    tasks:');
    for (let t = 0; t < tasks; t++) {
      const n = p * tasks + t + seed;
      // Every fourth phase is finished: its milestone is reached.
      const status = p % 4 === 0 ? (t % 6 === 5 ? 'cancelled' : 'done') : statuses[n % statuses.length];
      const progress = status === 'todo' && n % 4 === 0 ? ', progress: 0.5' : '';
      const after = t > 0 ? `, dependsOn: [t${p}x${t - 1}${n % 5 === 0 ? ', { id: t' + p + 'x0, type: SS }' : ''}]` : '';
      lines.push(`      - { id: t${p}x${t}, title: T, duration: ${n % 9 === 0 ? 0 : (n % 3) + 1}d, status: ${status}${progress}${after} }`);
    }
  }
  lines.push('milestones:', ...Array.from({ length: phases }, (_, p) => `  - { id: m${p}, title: M${p}, after: [p${p}], due: 2027-01-0${(p % 9) + 1} }`));
  return `${lines.join('\n')}\n`;
}

describe('late tasks on a plan with many items', () => {
  it('are reported from the status view, without the per-item timings, with the dates the timings give', () => {
    const text = manyTasks(12, 40);
    for (const statusDate of ['2026-12-23', '2027-01-20', '2027-03-15']) {
      const result = compileYaml({ 'plans/many.plan.yaml': text }, { config: { statusDate } });
      const plan = planOf(result);
      const analysis = result.analysis.plans.get(plan)!;
      const schedule = analysis.schedule!;
      // The rule alone, on a schedule whose timings cannot be read: it must not need them.
      const blind = Object.defineProperty({ ...schedule }, 'timings', {
        get() {
          throw new Error('the late-task rule read the per-item timings');
        },
      });
      const diagnostics = new Diagnostics();
      const context = { plan, analysis: { ...analysis, schedule: blind }, graph: analysis.network.graph, config: result.config, diagnostics } as Omit<RuleContext, 'project'>;
      lateTaskRule.run(context as RuleContext);
      // What the timings say, item by item, in plan order: late to start, then late to finish.
      const all = allTasks(plan).map((task) => ({ task, timing: schedule.timings.get(task)! }));
      const expected = [
        ...all.filter(({ timing }) => timing.late === 'start').map(({ task, timing }) => ({ code: 'PLAN4008', task: task.id, planned: timing.planned!.start })),
        ...all.filter(({ timing }) => timing.late === 'finish').map(({ task, timing }) => ({ code: 'PLAN4009', task: task.id, planned: timing.planned!.finish, forecast: timing.finish })),
      ];
      expect(expected.length, statusDate).toBeGreaterThan(10);
      expect(diagnostics.items.map((d) => ({ code: d.code, ...d.data })), statusDate).toEqual(
        expected.map((e) => expect.objectContaining({ ...e, statusDate })),
      );
      // The status view's placings are those of the timings (the same objects where they are late).
      for (const [task, late] of schedule.status!.late) {
        const timing = schedule.timings.get(task)!;
        expect(late.planned).toBe(timing.planned);
        expect(late.forecast).toEqual({ start: timing.start, finish: timing.finish });
        expect(late.late).toBe(timing.late);
      }
      // And the check reports just those, at those tasks.
      const reported = result.diagnostics.filter((d) => d.code === 'PLAN4008' || d.code === 'PLAN4009');
      expect(reported.map((d) => `${d.code} ${d.item}`).sort()).toEqual(expected.map((e) => `${e.code} phases[${e.task.split('x')[0]!.replace('t', 'p')}]/tasks[${e.task}]/id`).sort());
    }
  });

  it('reach the milestones of finished phases only, alike in the forecast and in the milestones\' state', () => {
    const statusDate = '2027-01-20';
    const result = compileYaml({ 'plans/many.plan.yaml': manyTasks(12, 40) }, { config: { statusDate } });
    const schedule = result.analysis.plans.get(planOf(result))!.schedule!;
    const s = schedule.status!.offset;
    for (const [milestone, state] of schedule.milestones) {
      const reached = Number(milestone.id.slice(1)) % 4 === 0;
      expect(state.reached, milestone.id).toBe(reached);
      // The forecast pinned a reached milestone where it was (or at the status date), and released the others at it.
      if (reached) expect(state.at, milestone.id).toBe(Math.min(state.planned!.at, s));
      else expect(state.at, milestone.id).toBeGreaterThanOrEqual(s);
      expect(state.overdue, milestone.id).toBe(!reached && milestone.due! < statusDate);
    }
    expect(schedule.status!.overdueMilestones.length).toBeGreaterThan(0);
  });
});

describe('milestone slips', () => {
  it('count the working days from a due date before the plan\'s start', () => {
    const plan = (due: string) =>
      `title: Early\nstart: 2026-12-07\nrollback: { trigger: x, steps: [y] }\nphases:\n  - id: work\n    title: Work\n    tasks:\n      - { id: code, title: Code, duration: 10d }\nmilestones:\n  - { id: done, title: Done, after: [work], due: ${due} }\n`;
    const slip = (due: string) => Number(/, (\d+) working days? after/.exec(compileYaml({ 'plans/early.plan.yaml': plan(due) }).diagnostics.find((d) => d.code === 'PLAN4001')!.message)?.[1]);
    // Done on Fri 2026-12-18, the tenth working day.
    expect(slip('2026-12-11')).toBe(5);
    expect(slip('2026-12-04')).toBe(10); // the Friday before the start
    expect(slip('2026-12-01')).toBe(13); // Tue: Wed 2, Thu 3, Fri 4 more
    expect(slip('2026-11-24')).toBe(18);
  });
});

describe.skipIf(!TJ3)('the schedule against TaskJuggler', () => {
  const nodeTimes = (result: ReturnType<typeof checkout>, planned: boolean) => {
    const plan = planOf(result);
    const analysis = result.analysis.plans.get(plan)!;
    const graph = analysis.network.graph;
    const out = new Map<number, { es: number; ef: number }>();
    for (const [item, timing] of analysis.schedule!.timings) {
      const t = planned ? timing.planned! : timing;
      out.set(graph.index.get(item as Task | Milestone | RolloutStage)!, { es: t.es, ef: t.ef });
    }
    return { plan, analysis, graph, out };
  };

  it('agrees on the plan as written and on the forecast from a status date', () => {
    const statusDate = '2026-12-16';
    const { plan, analysis, graph, out: planned } = nodeTimes(checkout(statusDate), true);
    const calendar = analysis.schedule!.calendar!;
    const baseline = scheduleInTaskJuggler({ graph, plan, calendar });
    for (const [v, times] of planned) expect([v, baseline.get(v)], `node ${v} as written`).toEqual([v, times]);

    // The forecast's rule, applied to TaskJuggler's own baseline: work done or under way is
    // fixed in time, and everything else waits for the status date.
    const s = calendar.workdaysBefore(epochDay(statusDate));
    const fixed = new Map<number, Fixed>();
    for (let v = 0; v < graph.size; v++) {
      const node = graph.nodes[v]!;
      const times = baseline.get(v);
      if (!times) continue;
      if (node.kind === 'task') {
        const d = node.task.duration;
        const p = taskProgress(node.task);
        if (node.task.status === 'done') {
          const finish = Math.min(times.ef, s);
          fixed.set(v, { start: Math.max(0, finish - d), length: finish - Math.max(0, finish - d) });
        } else if (node.task.status === 'in-progress' || (node.task.status !== 'cancelled' && p > 0)) {
          const start = Math.max(0, Math.min(times.es, s - p * d));
          fixed.set(v, { start, length: s + (1 - p) * d - start });
        }
      } else if (node.kind === 'milestone' && analysis.schedule!.milestones.get(node.milestone)!.reached) {
        fixed.set(v, { start: Math.min(times.es, s), length: 0 });
      }
    }
    const forecast = scheduleInTaskJuggler({ graph, plan, calendar, statusDate, fixed });
    const { out: ours } = nodeTimes(checkout(statusDate), false);
    for (const [v, times] of ours) expect([v, forecast.get(v)], `node ${v} forecast`).toEqual([v, times]);
  }, 60_000);
});
