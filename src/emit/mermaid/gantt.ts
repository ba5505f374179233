// The timeline as a Mermaid Gantt chart, from the computed schedule: every bar has explicit
// start and end times, so Mermaid's own `after`/`excludes` arithmetic never decides a date.
// A section per phase, then the rollout stages and the milestones; `crit` on critical
// items, `done`/`active` from status, points of no return marked.
import { epochDay, isoDate } from '../../analyse/calendar.ts';
import type { PlanAnalysis, Timing } from '../../analyse/types.ts';
import type { Plan } from '../../model/plan.ts';
import { accessibleText, ganttText } from './text.ts';

const MINUTES_PER_DAY = 24 * 60;

/** `YYYY-MM-DD HH:mm` for a day plus a fraction of it. */
function stamp(day: number, fraction: number): string {
  const minutes = Math.round(Math.min(1, Math.max(0, fraction)) * MINUTES_PER_DAY);
  const whole = day + Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes % MINUTES_PER_DAY;
  return `${isoDate(whole)} ${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}

/**
 * Start and end of a bar, at the instants the schedule gives. A start is drawn on the day
 * containing it, plus the fraction of that day already gone; a finish on the day it
 * completes, plus the fraction used (a whole number of days ends at the end of that day).
 * A zero-length item (a milestone) sits where a finish at its offset would: at the end of
 * the bars it follows, on the date the document gives it, or at the very start for offset 0.
 * With a calendar the days are the schedule's dates; without, working day N is drawn as
 * day N of 1970, and the axis shows day numbers.
 */
function bar(timing: Timing, zero: boolean, dated: boolean): [string, string] {
  const startIndex = Math.floor(timing.es + 1e-9);
  const endIndex = Math.max(0, Math.ceil(timing.ef - 1e-9) - 1);
  const startDay = dated ? epochDay(timing.start!) : startIndex;
  const finishDay = dated ? epochDay(timing.finish!) : endIndex;
  const end = stamp(finishDay, timing.ef - endIndex);
  return [zero ? end : stamp(startDay, timing.es - startIndex), end];
}

export function gantt(plan: Plan, analysis: PlanAnalysis): string | undefined {
  const schedule = analysis.schedule;
  if (!schedule) return undefined;
  const dated = schedule.calendar !== undefined;
  const lines = [
    'gantt',
    `  title ${ganttText(plan.title, plan.id)}`,
    `  accTitle: Timeline of ${accessibleText(plan.title)}`,
    `  accDescr: ${dated ? `From ${schedule.start} to ${schedule.finish}` : `${schedule.duration} working days`}, critical items marked`,
    '  dateFormat YYYY-MM-DD HH:mm',
    `  axisFormat ${dated ? '%b %d' : 'day %j'}`,
    '  todayMarker off',
  ];
  let next = 0;
  const id = () => `t${next++}`;
  const noReturn = new Set(analysis.coverage.pointsOfNoReturn);
  for (const phase of plan.phases) {
    lines.push(`  section ${ganttText(phase.title, phase.id)}`);
    for (const task of phase.tasks) {
      const timing = schedule.timings.get(task)!;
      const tags = [
        ...(timing.critical ? ['crit'] : []),
        ...(task.status === 'done' ? ['done'] : task.status === 'in-progress' ? ['active'] : []),
        ...(task.duration <= 1e-9 ? ['milestone'] : []),
      ];
      const [start, end] = bar(timing, task.duration <= 1e-9, dated);
      const name = ganttText(`${task.title}${noReturn.has(task.id) ? ' (point of no return)' : ''}`, task.id);
      lines.push(`    ${name} :${[...tags, id(), start, end].join(', ')}`);
    }
  }
  const stages = plan.rollout?.stages ?? [];
  if (stages.length > 0) {
    lines.push('  section Rollout stages');
    for (const stage of stages) {
      const timing = schedule.timings.get(stage)!;
      const tags = [...(timing.critical ? ['crit'] : []), ...(stage.duration <= 1e-9 ? ['milestone'] : [])];
      const [start, end] = bar(timing, stage.duration <= 1e-9, dated);
      lines.push(`    ${ganttText(stage.title, stage.id)} :${[...tags, id(), start, end].join(', ')}`);
    }
  }
  if (plan.milestones.length > 0) {
    lines.push('  section Milestones');
    for (const milestone of plan.milestones) {
      const timing = schedule.timings.get(milestone)!;
      const [at] = bar(timing, true, dated);
      const tags = ['milestone', ...(timing.critical ? ['crit'] : []), ...(schedule.milestones.get(milestone)?.reached ? ['done'] : [])];
      lines.push(`    ${ganttText(milestone.title, milestone.id)} :${[...tags, id(), at, '0d'].join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
