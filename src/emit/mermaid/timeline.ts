// The portfolio's timeline: a Gantt chart with one bar per plan that has dates, from its
// first to its last working day.
import { epochDay, isoDate } from '../../util/dates.ts';
import type { ProjectAnalysis } from '../../analyse/analyse.ts';
import type { Plan } from '../../model/plan.ts';
import { barLabel, ganttAxis, sectionTitle } from './gantt.ts';
import { ganttText } from './text.ts';

export function portfolioTimeline(plans: readonly Plan[], analysis: ProjectAnalysis): string | undefined {
  const dated = plans.flatMap((plan) => {
    const schedule = analysis.plans.get(plan)?.schedule;
    return schedule?.start && schedule.finish ? [{ plan, start: schedule.start, finish: schedule.finish }] : [];
  });
  if (dated.length === 0) return undefined;
  const first = Math.min(...dated.map(({ start }) => epochDay(start)));
  const last = Math.max(...dated.map(({ finish }) => epochDay(finish)));
  const lines = [
    'gantt',
    `  title Portfolio (${isoDate(first)} → ${isoDate(last)})`,
    '  accTitle: Portfolio timeline',
    '  accDescr: One bar per plan with a start date, from its first to its last working day',
    '  dateFormat YYYY-MM-DD',
    ...ganttAxis(last - first + 1, true),
    '  todayMarker off',
    `  section ${sectionTitle('Plans', 'plans', dated.length)}`,
  ];
  dated.forEach(({ plan, start, finish }, index) => {
    const end = isoDate(epochDay(finish) + 1);
    const tags = plan.status === 'done' ? 'done, ' : plan.status === 'in-progress' ? 'active, ' : '';
    lines.push(`    ${ganttText(barLabel(plan.title), plan.id)} :${tags}p${index}, ${start}, ${end}`);
  });
  return `${lines.join('\n')}\n`;
}
