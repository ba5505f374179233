// With a status date: tasks late to start or to finish, and milestones past due. The
// schedule's status view (schedule.ts) has judged them and placed them, as planned and as
// forecast; these rules only report (and never build the per-item timings).
import { milestoneOverdue, taskNotStarted, taskOverdue } from '../../diagnostics/catalogue.ts';
import type { Task } from '../../model/plan.ts';
import type { Rule } from './rule.ts';

/** The first predecessor task of `task` (in the order written) that is not done or cancelled. */
function unfinishedPredecessor(task: Task, phaseDependsOn: Task['dependsOn'], planId: string): string | undefined {
  for (const dependency of [...phaseDependsOn, ...task.dependsOn]) {
    const target = dependency.target;
    if (!target) continue;
    const item = target.item;
    const candidates = item.kind === 'task' ? [item] : item.kind === 'phase' ? item.tasks : [];
    const open = candidates.find((candidate) => candidate.status !== 'done' && candidate.status !== 'cancelled');
    if (open) return target.plan.id === planId ? open.id : `${target.plan.id}#${open.id}`;
  }
  return undefined;
}

export const lateTaskRule: Rule = {
  name: 'late-tasks',
  run({ plan, analysis, diagnostics }) {
    const status = analysis.schedule?.status;
    if (!status) return;
    const phases = new Map(plan.phases.map((phase) => [phase.id, phase]));
    for (const task of status.notStarted) {
      const { planned } = status.late.get(task)!;
      const waitingFor = unfinishedPredecessor(task, phases.get(task.phase)!.dependsOn, plan.id);
      diagnostics.report(
        taskNotStarted,
        { task: task.id, planned: planned.start!, statusDate: status.date, status: task.status, ...(waitingFor ? { waitingFor } : {}) },
        task.location,
      );
    }
    for (const task of status.overdue) {
      const { planned, forecast } = status.late.get(task)!;
      diagnostics.report(
        taskOverdue,
        { task: task.id, planned: planned.finish!, statusDate: status.date, status: task.status, forecast: forecast.finish },
        task.location,
      );
    }
  },
};

export const milestoneOverdueRule: Rule = {
  name: milestoneOverdue.name,
  run({ analysis, diagnostics }) {
    const schedule = analysis.schedule;
    const status = schedule?.status;
    if (!schedule || !status) return;
    for (const milestone of status.overdueMilestones) {
      const forecast = schedule.milestones.get(milestone)?.date;
      diagnostics.report(
        milestoneOverdue,
        { milestone: milestone.id, due: milestone.due!, statusDate: status.date, ...(forecast ? { forecast } : {}) },
        milestone.location,
      );
    }
  },
};
