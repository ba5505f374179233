// The timeline as a Mermaid Gantt chart, from the computed schedule: every bar has explicit
// start and end times, so Mermaid's own `after`/`excludes` arithmetic never decides a date.
// A section per phase, then the rollout stages and the milestones; `crit` on critical
// items, `done`/`active` from status, points of no return marked. This is the chart of the
// markdown document (GitHub draws it); the site shows planc's own (src/emit/gantt/).
import { epochDay, isoDate, weekStart } from '../../util/dates.ts';
import { EPSILON } from '../../util/duration.ts';
import type { PlanAnalysis, Timing } from '../../analyse/types.ts';
import type { Plan } from '../../model/plan.ts';
import { workingDays } from '../../util/words.ts';
import { accessibleText, ganttText, wordLines } from './text.ts';

const MINUTES_PER_DAY = 24 * 60;

/**
 * Where an undated plan's working day 1 is drawn: 1990-01-01, a Monday whose week count from
 * the epoch is a multiple of 4. Mermaid's `tickInterval Nweek` keeps the weeks whose count
 * from 1970 is a multiple of N, so ticks fall on day 1, 8, 15… (1week), 1, 15, 29…
 * (2week) or 1, 29, 57… (4week) without restarting each month, as `Nday` intervals do (d3
 * counts those within the month: "day 29, 32"); and `%-j`, the day of that year, is the
 * working day's number.
 */
const UNDATED_ORIGIN = epochDay('1990-01-01');
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * The width a reader's page gives the chart (GitHub's column of markdown), less Mermaid's
 * paddings either side of the time axis (75 px each), and the room a character of a bar's
 * label takes at Mermaid's 11 px: what decides how much of a title fits beside its bar.
 */
const CHART_WIDTH = 800;
const AXIS_WIDTH = CHART_WIDTH - 150;
const CHARACTER = 6.2;

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
function bar(timing: Timing, zero: boolean, dated: boolean): { from: string; to: string; start: number; end: number } {
  // Working days counted from 0; for a zero-length item both are the day its offset ends.
  const startIndex = timing.startDay - 1;
  const endIndex = timing.finishDay - 1;
  const startDay = dated ? epochDay(timing.start!) : UNDATED_ORIGIN + startIndex;
  const finishDay = dated ? epochDay(timing.finish!) : UNDATED_ORIGIN + endIndex;
  const endFraction = Math.min(1, Math.max(0, timing.ef - endIndex));
  const startFraction = Math.min(1, Math.max(0, timing.es - startIndex));
  const end = stamp(finishDay, endFraction);
  const endTime = finishDay + endFraction;
  return zero ? { from: end, to: end, start: endTime, end: endTime } : { from: stamp(startDay, startFraction), to: end, start: startDay + startFraction, end: endTime };
}

/**
 * How many characters of a bar's label fit where Mermaid puts it: inside the bar when it is
 * long enough, else right of it when there is room before the edge, else left of it (a
 * label longer than the room there would run over the section names).
 */
export function labelRoom(start: number, end: number, span: { from: number; to: number }): number {
  const scale = AXIS_WIDTH / Math.max(span.to - span.from, 1e-9);
  const x1 = (start - span.from) * scale;
  const x2 = (end - span.from) * scale;
  // Mermaid keeps a label right of its bar when it ends 1.5 × 75 px before the drawing's edge.
  const room = Math.max(x2 - x1 - 4, AXIS_WIDTH - x2 - 37.5, x1 - 5);
  return Math.max(12, Math.floor(room / CHARACTER));
}

/**
 * Axis lines for a chart spanning `days` calendar days (or working days, undated): ticks
 * about a tenth of a column of text apart, however long the span, so a short plan does
 * not repeat one date at every few hours and a long one does not crowd its labels.
 */
export function ganttAxis(days: number, dated: boolean, firstWeekday = 0): string[] {
  // Undated charts count working days from day 1 (UNDATED_ORIGIN, a Monday): ticks every
  // 1, 7, 14 or 28 days from it (day 1, 8, 15…), and day numbers without zeros.
  if (!dated) {
    const every = days <= 14 ? '1day' : days <= 70 ? '1week' : days <= 140 ? '2week' : '4week';
    return ['  axisFormat day %-j', `  tickInterval ${every}`, '  weekday monday'];
  }
  // Weeks start on Monday, or on the calendar's first working day.
  const weekday = `  weekday ${WEEKDAY_NAMES[firstWeekday]}`;
  if (days <= 14) return ['  axisFormat %b %d', '  tickInterval 1day'];
  if (days <= 70) return ['  axisFormat %b %d', '  tickInterval 1week', weekday];
  if (days <= 140) return ['  axisFormat %b %d', '  tickInterval 2week', weekday];
  if (days <= 400) return ['  axisFormat %b %Y', '  tickInterval 1month'];
  return ['  axisFormat %b %Y', '  tickInterval 3month'];
}

/**
 * A bar's label, shortened at a word to the room it has (`labelRoom`); the document's
 * tables hold the whole title.
 */
export function barLabel(title: string, room: number): string {
  const characters = Array.from(title);
  if (characters.length <= room) return title;
  const cut = characters.slice(0, room - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Characters per line of a section name, in the chart's narrow left column. */
const SECTION_LINE = 13;

/**
 * A section name in lines (`<br>`) that fit the chart's left column, at most one per row
 * of the section (more would run into the next), the last shortened if need be. Each line
 * is encoded on its own; `<br>` is the one piece of markup, and it is ours.
 */
export function sectionTitle(title: string, fallback: string, rows: number): string {
  const lines = wordLines(title.replace(/\s+/g, ' ').trim() || fallback, SECTION_LINE);
  const room = Math.max(1, rows);
  const kept = lines.length > room ? [...lines.slice(0, room - 1), barLabel(lines.slice(room - 1).join(' '), SECTION_LINE + 1)] : lines;
  return kept.map((line) => ganttText(line, fallback)).join('<br>');
}

export function gantt(plan: Plan, analysis: PlanAnalysis): string | undefined {
  const schedule = analysis.schedule;
  if (!schedule) return undefined;
  const dated = schedule.calendar !== undefined;
  // The title carries the dates: the axis shows months and days, and the years only there.
  const span = dated ? epochDay(schedule.finish!) - epochDay(schedule.start!) + 1 : Math.max(1, Math.ceil(schedule.duration));
  const suffix = dated ? ` (${schedule.start} → ${schedule.finish})` : ` (${workingDays(schedule.duration)})`;
  // The title is set at 18 px across the whole drawing: about 9 px a character.
  const titleRoom = Math.floor(CHART_WIDTH / 9) - Array.from(suffix).length;
  const lines = [
    'gantt',
    `  title ${ganttText(`${barLabel(plan.title, titleRoom)}${suffix}`, plan.id)}`,
    `  accTitle: Timeline of ${accessibleText(plan.title)}`,
    `  accDescr: ${dated ? `From ${schedule.start} to ${schedule.finish}` : `${workingDays(schedule.duration)}`}, critical items marked`,
    '  dateFormat YYYY-MM-DD HH:mm',
    ...ganttAxis(span, dated, weekStart(plan.calendar.workdays)),
    '  todayMarker off',
  ];
  // The time the chart spans, as Mermaid's axis does: from the first start to the last end.
  const bars = new Map<Timing, ReturnType<typeof bar>>();
  const place = (timing: Timing, zero: boolean) => {
    let found = bars.get(timing);
    if (!found) bars.set(timing, (found = bar(timing, zero, dated)));
    return found;
  };
  const items = [...plan.phases.flatMap((phase) => phase.tasks), ...(plan.rollout?.stages ?? [])];
  for (const item of items) place(schedule.timings.get(item)!, item.duration <= EPSILON);
  for (const milestone of plan.milestones) place(schedule.timings.get(milestone)!, true);
  const placed = [...bars.values()];
  const extent = { from: Math.min(...placed.map((b) => b.start)), to: Math.max(...placed.map((b) => b.end)) };
  const label = (title: string, at: ReturnType<typeof bar>, reserved = 0) => barLabel(title, labelRoom(at.start, at.end, extent) - reserved);
  let next = 0;
  const id = () => `t${next++}`;
  const noReturn = new Set(analysis.coverage.pointsOfNoReturn);
  for (const phase of plan.phases) {
    lines.push(`  section ${sectionTitle(phase.title, phase.id, phase.tasks.length)}`);
    for (const task of phase.tasks) {
      const timing = schedule.timings.get(task)!;
      const tags = [
        ...(timing.critical ? ['crit'] : []),
        ...(task.status === 'done' ? ['done'] : task.status === 'in-progress' ? ['active'] : []),
        ...(task.duration <= EPSILON ? ['milestone'] : []),
      ];
      const at = place(timing, task.duration <= EPSILON);
      const marker = ' (point of no return)';
      const name = ganttText(noReturn.has(task.id) ? `${label(task.title, at, marker.length)}${marker}` : label(task.title, at), task.id);
      lines.push(`    ${name} :${[...tags, id(), at.from, at.to].join(', ')}`);
    }
  }
  const stages = plan.rollout?.stages ?? [];
  if (stages.length > 0) {
    lines.push(`  section ${sectionTitle('Rollout stages', 'rollout', stages.length)}`);
    for (const stage of stages) {
      const timing = schedule.timings.get(stage)!;
      const tags = [...(timing.critical ? ['crit'] : []), ...(stage.duration <= EPSILON ? ['milestone'] : [])];
      const at = place(timing, stage.duration <= EPSILON);
      lines.push(`    ${ganttText(label(stage.title, at), stage.id)} :${[...tags, id(), at.from, at.to].join(', ')}`);
    }
  }
  if (plan.milestones.length > 0) {
    lines.push(`  section ${sectionTitle('Milestones', 'milestones', plan.milestones.length)}`);
    for (const milestone of plan.milestones) {
      const timing = schedule.timings.get(milestone)!;
      const at = place(timing, true);
      const tags = ['milestone', ...(timing.critical ? ['crit'] : []), ...(schedule.milestones.get(milestone)?.reached ? ['done'] : [])];
      lines.push(`    ${ganttText(label(milestone.title, at), milestone.id)} :${[...tags, id(), at.from, '0d'].join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
