// Each owner's workload as a stacked histogram over the plan's time axis (the Gantt
// chart's): one band per owner, a block per task running at each moment, stacked, against
// a line at the owner's capacity. Blocks above the capacity are hatched and outlined in the
// overload colour (not colour alone); work done is filled. The load is the analysis's
// (src/analyse/workload.ts); this only draws it.
import type { PlanAnalysis } from '../../analyse/types.ts';
import type { Plan } from '../../model/plan.ts';
import { oneLine } from '../../util/invisible.ts';
import { dayLabel, plural } from '../../util/words.ts';
import { escapeXml, escapeXmlAttribute } from '../../util/xml.ts';
import { axisMarks, chartHeight, HEAD, ROW, shadedDays, statusLabelBox, statusMarks, type GanttDrawing, type LegendKey, type NameRow } from './chart.ts';
import { Placement, timeScale } from './scale.ts';

/** The height of one task in a stack, in pixels. */
const UNIT = 10;

const fixed = (value: number) => String(Math.round(value * 10) / 10);

export function workloadDrawing(plan: Plan, analysis: PlanAnalysis): GanttDrawing | undefined {
  const schedule = analysis.schedule;
  const workloads = schedule?.workload ?? [];
  if (!schedule || workloads.length === 0) return undefined;
  const calendar = schedule.calendar;
  const status = schedule.status;
  const time = (offset: number, side: 'start' | 'finish') => (calendar ? (side === 'start' ? calendar.startTime(offset) : calendar.finishTime(offset)) : offset);
  // The span of the plan's timeline, so that the two charts read against each other.
  let low = Infinity;
  let high = -Infinity;
  for (const timing of schedule.timings.values()) {
    low = Math.min(low, time(timing.es, 'start'));
    high = Math.max(high, time(timing.ef, 'finish'));
  }
  if (status && calendar) {
    const day = calendar.startTime(status.offset);
    low = Math.min(low, day);
    high = Math.max(high, day);
  }
  const from = Math.floor(low) - (calendar ? 1 : 0);
  const to = Math.ceil(high) + (calendar ? 3 : 2);
  const scale = timeScale({ from, to, dated: calendar !== undefined, workdays: plan.calendar.workdays });
  const place = new Placement(scale, calendar);
  const timings = schedule.timings;

  const rows: NameRow[] = [];
  const marks: string[] = [];
  const front: string[] = [];
  const legend = new Set<LegendKey>(['load']);
  for (const workload of workloads) {
    const first = rows.length;
    const units = Math.max(workload.peak, workload.capacity);
    const span = Math.max(2, Math.ceil((units * UNIT + 12) / ROW));
    const name = oneLine(workload.owner);
    rows.push({ label: name, title: `${name}: ${plural(workload.tasks.length, 'task')}, at most ${workload.peak} at once, capacity ${workload.capacity}`, group: true });
    rows.push({ label: `peak ${workload.peak} · capacity ${workload.capacity}`, title: `${name}: at most ${workload.peak} at once, capacity ${workload.capacity}`, group: false });
    for (let i = 2; i < span; i++) rows.push({ label: '', title: name, group: false });
    const base = HEAD + (first + span) * ROW - 4;
    const blocks: string[] = [];
    for (const step of workload.steps) {
      const x1 = place.start(step.from);
      const x2 = Math.max(place.finish(step.to), x1 + 1);
      let open = 0;
      step.tasks.forEach((task, k) => {
        const done = task.status === 'done';
        const over = !done && open >= workload.capacity;
        if (!done) open += 1;
        const y = base - (k + 1) * UNIT;
        const timing = timings.get(task);
        const tooltip = `${oneLine(task.title)} (${task.id}); ${step.start} → ${step.finish}${timing ? `; the task ${timing.start ?? dayLabel(timing.startDay)} → ${timing.finish ?? dayLabel(timing.finishDay)}` : ''}; ${plural(step.tasks.length, 'task')} at once${over ? ', over capacity' : ''}${done ? ', done' : ''}`;
        blocks.push(`<rect class="load${done ? ' done' : ''}${over ? ' over' : ''}" x="${fixed(x1)}" y="${fixed(y)}" width="${fixed(x2 - x1)}" height="${UNIT - 1}"><title>${escapeXml(tooltip)}</title></rect>`);
        if (over) {
          blocks.push(`<rect x="${fixed(x1)}" y="${fixed(y)}" width="${fixed(x2 - x1)}" height="${UNIT - 1}" fill="url(#planc-workload-${escapeXmlAttribute(plan.id)}-hatch)" pointer-events="none"/>`);
          legend.add('overload');
        }
        if (done) legend.add('done');
      });
    }
    const capacityY = base - workload.capacity * UNIT - 0.5;
    marks.push(
      `<g role="img" aria-label="${escapeXmlAttribute(rows[first]!.title)}">${blocks.join('')}</g>`,
      `<line class="capacity" x1="0" x2="${scale.width}" y1="${fixed(capacityY)}" y2="${fixed(capacityY)}"/>`,
      `<line class="rule" x1="0" x2="${scale.width}" y1="${fixed(base + 4 - 0.5)}" y2="${fixed(base + 4 - 0.5)}"/>`,
    );
    legend.add('capacity');
  }
  const height = chartHeight({ rows });
  const axis = axisMarks(scale, height, status && calendar ? statusLabelBox(place.day(status.date), status.date, scale) : undefined);
  const back = [...(calendar ? shadedDays(scale, (day) => !calendar.isWorkday(day), height) : []), ...axis.back];
  if (back.length > axis.back.length) legend.add('nonWorking');
  if (status && calendar) {
    front.push(...statusMarks(place.day(status.date), status.date, scale, height));
    legend.add('status');
  }
  // As owner-overloaded reports: open work over capacity (a peak of work already done overloads nobody now).
  const overloaded = workloads.filter((workload) => workload.overloads.length > 0).map((workload) => oneLine(workload.owner));
  return {
    id: `planc-workload-${plan.id}`,
    title: `Workload of ${oneLine(plan.title)}`,
    description: `Tasks at once per owner against their capacity, for ${plural(workloads.length, 'owner')}${overloaded.length > 0 ? `; over capacity: ${overloaded.join(', ')}` : '; nobody is over capacity'}.`,
    scale,
    rows,
    layers: { back, links: [], marks, front: [...front, ...axis.front] },
    legend: (['load', 'overload', 'done', 'capacity', 'nonWorking', 'status'] as const).filter((key) => legend.has(key)),
    ...(status && calendar ? { focus: place.day(status.date) } : {}),
  };
}
