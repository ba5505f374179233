// The timeline as a Mermaid Gantt chart, from the computed schedule: every bar has explicit
// start and end times, so Mermaid's own `after`/`excludes` arithmetic never decides a date.
// A section per phase, then the rollout stages and the milestones; `crit` on critical
// items, `done`/`active` from status, points of no return marked.
import { epochDay, isoDate } from '../../util/dates.ts';
import { EPSILON } from '../../util/duration.ts';
import type { PlanAnalysis, Timing } from '../../analyse/types.ts';
import type { Plan } from '../../model/plan.ts';
import { workingDays } from '../../util/words.ts';
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
  // Working days counted from 0; for a zero-length item both are the day its offset ends.
  const startIndex = timing.startDay - 1;
  const endIndex = timing.finishDay - 1;
  const startDay = dated ? epochDay(timing.start!) : startIndex;
  const finishDay = dated ? epochDay(timing.finish!) : endIndex;
  const end = stamp(finishDay, timing.ef - endIndex);
  return [zero ? end : stamp(startDay, timing.es - startIndex), end];
}

/**
 * Axis lines for a chart spanning `days` calendar days (or working days, undated): ticks
 * about a tenth of a column of text apart, however long the span, so a short plan does
 * not repeat one date at every few hours and a long one does not crowd its labels.
 */
export function ganttAxis(days: number, dated: boolean): string[] {
  // Undated charts count working days from day 1 (drawn as 1970-01-01): ticks every 7 or
  // 14 days from it (day 1, 8, 15…), not on Sundays, and day numbers without zeros.
  if (!dated) {
    const every = days <= 14 ? 1 : days <= 70 ? 7 : days <= 140 ? 14 : 28;
    return ['  axisFormat day %-j', `  tickInterval ${every}day`];
  }
  if (days <= 14) return ['  axisFormat %b %d', '  tickInterval 1day'];
  if (days <= 70) return ['  axisFormat %b %d', '  tickInterval 1week'];
  if (days <= 140) return ['  axisFormat %b %d', '  tickInterval 2week'];
  if (days <= 400) return ['  axisFormat %b %Y', '  tickInterval 1month'];
  return ['  axisFormat %b %Y', '  tickInterval 3month'];
}

/** Longest bar label, in characters: the document's tables hold the whole title. */
const LABEL = 44;

/**
 * A bar's label, shortened at a word to fit beside its bar: Mermaid puts a label that does
 * not fit to the right of a bar on its left, over the section names.
 */
export function barLabel(title: string, room = LABEL): string {
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
  const words = (title.replace(/\s+/g, ' ').trim() || fallback).split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && Array.from(`${last} ${word}`).length <= SECTION_LINE) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
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
  const lines = [
    'gantt',
    `  title ${ganttText(dated ? `${barLabel(plan.title, 40)} (${schedule.start} → ${schedule.finish})` : `${barLabel(plan.title, 40)} (${workingDays(schedule.duration)})`, plan.id)}`,
    `  accTitle: Timeline of ${accessibleText(plan.title)}`,
    `  accDescr: ${dated ? `From ${schedule.start} to ${schedule.finish}` : `${workingDays(schedule.duration)}`}, critical items marked`,
    '  dateFormat YYYY-MM-DD HH:mm',
    ...ganttAxis(span, dated),
    '  todayMarker off',
  ];
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
      const [start, end] = bar(timing, task.duration <= EPSILON, dated);
      const marker = ' (point of no return)';
      const name = ganttText(noReturn.has(task.id) ? `${barLabel(task.title, LABEL - marker.length)}${marker}` : barLabel(task.title), task.id);
      lines.push(`    ${name} :${[...tags, id(), start, end].join(', ')}`);
    }
  }
  const stages = plan.rollout?.stages ?? [];
  if (stages.length > 0) {
    lines.push(`  section ${sectionTitle('Rollout stages', 'rollout', stages.length)}`);
    for (const stage of stages) {
      const timing = schedule.timings.get(stage)!;
      const tags = [...(timing.critical ? ['crit'] : []), ...(stage.duration <= EPSILON ? ['milestone'] : [])];
      const [start, end] = bar(timing, stage.duration <= EPSILON, dated);
      lines.push(`    ${ganttText(barLabel(stage.title), stage.id)} :${[...tags, id(), start, end].join(', ')}`);
    }
  }
  if (plan.milestones.length > 0) {
    lines.push(`  section ${sectionTitle('Milestones', 'milestones', plan.milestones.length)}`);
    for (const milestone of plan.milestones) {
      const timing = schedule.timings.get(milestone)!;
      const [at] = bar(timing, true, dated);
      const tags = ['milestone', ...(timing.critical ? ['crit'] : []), ...(schedule.milestones.get(milestone)?.reached ? ['done'] : [])];
      lines.push(`    ${ganttText(barLabel(milestone.title), milestone.id)} :${[...tags, id(), at, '0d'].join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
