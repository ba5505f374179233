// A plan's Gantt chart, drawn by planc from its analysis (no browser): a row per task under
// its phase, the rollout's stages, the milestones; bars with the work done inside them and
// the total float after them, the critical path hatched and outlined, the plan as written
// under the forecast when there is a status date, milestones with their due dates and the
// slip between, points of no return, non-working days shaded, a status-date line, and
// dependency arrows of every type. Each bar links to its row in the page and tells its
// dates, length, owner, float and criticality.
import type { PlanAnalysis, Timing } from '../../analyse/types.ts';
import { DEPENDENCY_TYPES, taskProgress, type Milestone, type Plan, type RolloutStage, type Task } from '../../model/plan.ts';
import { epochDay, isoDate } from '../../util/dates.ts';
import { EPSILON } from '../../util/duration.ts';
import { percent } from '../../util/numbers.ts';
import { dayLabel, days, plural, workingDays } from '../../util/words.ts';
import { oneLine } from '../../util/invisible.ts';
import { escapeXml, escapeXmlAttribute } from '../../util/xml.ts';
import { axisMarks, BAR_HEIGHT, BAR_TOP, chartHeight, HEAD, ROW, shadedDays, statusLabelBox, statusMarks, type GanttDrawing, type GanttLink, type LegendKey, type NameRow } from './chart.ts';
import { route, type Blocked, type End } from './route.ts';
import { Placement, timeScale, type TimeScale } from './scale.ts';

type Item = Task | Milestone | RolloutStage;

export interface PlanGanttOptions {
  /** Where a bar links to: its row in the page (the site gives each task and milestone one). */
  href?: (item: Item) => string | undefined;
  /** A prefix unique within the page for the drawing's ids (default: from the plan id). */
  id?: string;
}

const fixed = (value: number) => String(Math.round(value * 10) / 10);

/** One row being drawn: what it holds, for the arrows to avoid. */
interface RowSpan {
  blocked: Array<[number, number]>;
}

export function planGantt(plan: Plan, analysis: PlanAnalysis, options: PlanGanttOptions = {}): GanttDrawing | undefined {
  const schedule = analysis.schedule;
  if (!schedule) return undefined;
  const id = options.id ?? `planc-gantt-${plan.id}`;
  const calendar = schedule.calendar;
  const status = schedule.status;
  const noReturn = new Set(analysis.coverage.pointsOfNoReturn);
  const stages = plan.rollout?.stages ?? [];
  const timings = schedule.timings;

  // The span: every start and finish, the float after them, the plan as written, due dates and the status date.
  let low = Infinity;
  let high = -Infinity;
  const cover = (time: number) => {
    if (Number.isFinite(time)) {
      low = Math.min(low, time);
      high = Math.max(high, time);
    }
  };
  const time = (offset: number, side: 'start' | 'finish') => (calendar ? (side === 'start' ? calendar.startTime(offset) : calendar.finishTime(offset)) : offset);
  for (const timing of timings.values()) {
    cover(time(timing.es, 'start'));
    cover(time(Math.max(timing.ef, timing.lf), 'finish'));
    if (timing.planned) {
      cover(time(timing.planned.es, 'start'));
      cover(time(timing.planned.ef, 'finish'));
    }
  }
  if (calendar) {
    for (const milestone of plan.milestones) if (milestone.due) cover(epochDay(milestone.due) + 1);
    if (status) cover(epochDay(status.date));
  }
  if (!Number.isFinite(low)) {
    low = calendar ? calendar.firstDay : 0;
    high = low + 1;
  }
  // A little room on the left, and on the right for the labels after the last bars.
  const from = Math.floor(low) - (calendar ? 1 : 0);
  const to = Math.ceil(high) + (calendar ? 3 : 2);
  const scale = timeScale({ from, to, dated: calendar !== undefined, workdays: plan.calendar.workdays });
  const place = new Placement(scale, calendar);

  const rows: NameRow[] = [];
  const spans: RowSpan[] = [];
  const rowOf = new Map<Item, number>();
  const phaseRow = new Map<string, number>();
  const front: string[] = [];
  const legend = new Set<LegendKey>();
  const addRow = (row: NameRow) => {
    rows.push(row);
    spans.push({ blocked: [] });
    return rows.length - 1;
  };
  const top = (row: number) => HEAD + row * ROW;
  /** Every mark is on its row, so the site can fold a group's rows away. */
  const mark = (row: number, svg: string) => {
    rows[row]!.marks = (rows[row]!.marks ?? '') + svg;
  };
  const block = (row: number, a: number, b: number) => spans[row]!.blocked.push([Math.min(a, b), Math.max(a, b)]);

  // Each bar's name is its <title>: the tooltip, and what assistive technology reads.
  const link = (item: Item, tooltip: string, body: string) => {
    const href = options.href?.(item);
    const label = `<title>${escapeXml(tooltip)}</title>`;
    return href
      ? `<a href="${escapeXmlAttribute(href)}">${label}${body}</a>`
      : `<g role="img">${label}${body}</g>`;
  };

  plan.phases.forEach((phase, index) => {
    const row = addRow({ label: `Phase ${index + 1}: ${oneLine(phase.title)}`, title: `Phase ${index + 1}: ${oneLine(phase.title)} (${phase.id})`, group: true });
    phaseRow.set(phase.id, row);
    const span = schedule.phases.get(phase);
    if (span && phase.tasks.length > 0) {
      const x1 = place.start(span.es);
      const x2 = Math.max(place.finish(span.ef), x1 + 2);
      const y = top(row) + 8;
      mark(row, `<path class="summary" d="M${fixed(x1)} ${y}H${fixed(x2)}V${y + 6}L${fixed(x2 - 4)} ${y + 10}L${fixed(x2 - 8)} ${y + 6}H${fixed(x1 + 8)}L${fixed(x1 + 4)} ${y + 10}L${fixed(x1)} ${y + 6}Z"/>`);
      block(row, x1, x2);
      legend.add('summary');
    }
    for (const task of phase.tasks) {
      const taskRow = addRow({ label: oneLine(task.title), title: `${oneLine(task.title)} (${task.id})`, group: false });
      rowOf.set(task, taskRow);
      mark(taskRow, bar(task, timings.get(task)!, taskRow));
    }
  });
  if (stages.length > 0) {
    addRow({ label: 'Rollout', title: 'Rollout stages', group: true });
    for (const stage of stages) {
      const stageRow = addRow({ label: oneLine(stage.title), title: `${oneLine(stage.title)} (${stage.id})`, group: false });
      rowOf.set(stage, stageRow);
      mark(stageRow, bar(stage, timings.get(stage)!, stageRow));
    }
  }
  if (plan.milestones.length > 0) {
    addRow({ label: 'Milestones', title: 'Milestones', group: true });
    for (const milestone of plan.milestones) {
      const milestoneRow = addRow({ label: oneLine(milestone.title), title: `${oneLine(milestone.title)} (${milestone.id})`, group: false });
      rowOf.set(milestone, milestoneRow);
      mark(milestoneRow, milestoneMark(milestone, milestoneRow));
    }
  }

  const height = chartHeight({ rows });
  const axis = axisMarks(scale, height, status && calendar ? statusLabelBox(place.day(status.date), status.date, scale) : undefined);
  const back = [...(calendar ? shadedDays(scale, (day) => !calendar.isWorkday(day), height) : []), ...axis.back];
  if (calendar && scale.unit >= 2.5) legend.add('nonWorking');
  if (status && calendar) {
    front.push(...statusMarks(place.day(status.date), status.date, scale, height));
    legend.add('status');
  }
  const links = arrows();
  return {
    id,
    title: `Timeline of ${oneLine(plan.title)}`,
    description: calendar
      ? `From ${schedule.start} to ${schedule.finish} (${workingDays(schedule.duration)})${status ? `, forecast on ${status.date}; planned finish ${status.planned.finish}` : ''}; critical path: ${schedule.criticalPath.join(', ') || 'none'}.`
      : `${workingDays(schedule.duration)}; critical path: ${schedule.criticalPath.join(', ') || 'none'}.`,
    scale,
    rows,
    layers: { back, links, marks: [], front: [...front, ...axis.front] },
    collapsible: true,
    legend: order(legend),
    ...(status && calendar ? { focus: place.day(status.date) } : {}),
  };

  function tooltip(item: Item, timing: Timing): string {
    const when = (t: Pick<Timing, 'start' | 'finish' | 'startDay' | 'finishDay'>, zero: boolean) =>
      zero ? (t.finish ?? dayLabel(t.finishDay)) : `${t.start ?? dayLabel(t.startDay)} → ${t.finish ?? dayLabel(t.finishDay)}`;
    const zero = item.kind === 'milestone' || item.duration <= EPSILON;
    const parts = [`${oneLine(item.title)} (${item.id})`, when(timing, zero)];
    if (item.kind !== 'milestone') parts.push(days(item.duration));
    if (item.kind === 'task') {
      if (item.owner) parts.push(`owner ${oneLine(item.owner)}`);
      parts.push(item.status === 'in-progress' && item.progress !== undefined ? `in progress, ${percent(item.progress)}% done` : item.status);
    }
    if (item.kind === 'stage' && item.percent !== undefined) parts.push(`${item.percent}% of traffic`);
    if (item.kind !== 'milestone') parts.push(`float ${days(timing.totalFloat)}`);
    if (timing.critical) parts.push('critical');
    if (timing.planned) parts.push(`planned ${when(timing.planned, zero)}`);
    if (timing.late === 'start') parts.push('late: should have started');
    if (timing.late === 'finish') parts.push('late: should have finished');
    if (item.kind === 'task' && noReturn.has(item.id)) parts.push('point of no return');
    const outside = external(item);
    if (outside.length > 0) parts.push(`waits for ${outside.join(', ')}`);
    return parts.join('; ');
  }

  /** The items of other plans it waits for (they have no row here). */
  function external(item: Item): string[] {
    const { graph } = analysis.network;
    const v = graph.index.get(item);
    if (v === undefined) return [];
    const names = new Set<string>();
    for (let p = graph.inStart[v]!; p < graph.inStart[v + 1]!; p++) {
      const node = graph.nodes[graph.from[graph.inEdges[p]!]!]!;
      if (node.plan === plan) continue;
      names.add(`${node.plan.id}#${node.kind === 'task' ? node.task.id : node.kind === 'milestone' ? node.milestone.id : node.kind === 'stage' ? node.stage.id : node.phase.id}`);
    }
    return [...names];
  }

  function bar(item: Task | RolloutStage, timing: Timing, row: number): string {
    const y = top(row) + BAR_TOP;
    const height = status ? BAR_HEIGHT - 3 : BAR_HEIGHT;
    const x1 = place.start(timing.es);
    const zero = item.duration <= EPSILON;
    const x2 = zero ? x1 : Math.max(place.finish(timing.ef), x1 + 2);
    const stage = item.kind === 'stage';
    const classes = ['bar', ...(timing.critical ? ['crit'] : []), ...(stage ? ['stage'] : []), ...(timing.late ? ['late'] : [])].join(' ');
    const parts: string[] = [];
    legend.add(stage ? 'stage' : 'task');
    if (timing.critical) legend.add('critical');
    if (timing.late) legend.add('late');
    if (timing.planned && (Math.abs(timing.planned.es - timing.es) > EPSILON || Math.abs(timing.planned.ef - timing.ef) > EPSILON)) {
      const p1 = place.start(timing.planned.es);
      const p2 = zero ? p1 + 2 : Math.max(place.finish(timing.planned.ef), p1 + 2);
      parts.push(`<rect class="base" x="${fixed(p1)}" y="${y + height + 1}" width="${fixed(p2 - p1)}" height="3"/>`);
      block(row, p1, p2);
      legend.add('planned');
    }
    if (zero) {
      // No length (no estimate, or cancelled): a hollow diamond where it would be.
      parts.push(`<path class="ms${timing.critical ? ' crit' : ''}" d="${diamond(x1, y + height / 2, 5)}"/>`);
      block(row, x1 - 6, x1 + 6);
      return link(item, tooltip(item, timing), parts.join(''));
    }
    parts.push(`<rect class="${classes}" x="${fixed(x1)}" y="${y}" width="${fixed(x2 - x1)}" height="${height}" rx="2"/>`);
    // The work done, from the start: a share of the work's length (with a status date, up to it).
    const share = item.kind === 'task' ? taskProgress(item) : 0;
    let doneTo = x1;
    if (share > EPSILON) {
      doneTo = Math.min(x2, place.finish(timing.es + share * item.duration));
      parts.push(`<rect class="done${timing.critical ? ' crit' : ''}${stage ? ' stage' : ''}" x="${fixed(x1)}" y="${y}" width="${fixed(doneTo - x1)}" height="${height}" rx="2"/>`);
      legend.add('done');
    }
    if (timing.critical && x2 - doneTo > 1) parts.push(`<rect x="${fixed(doneTo)}" y="${y}" width="${fixed(x2 - doneTo)}" height="${height}" fill="url(#${id}-hatch)" opacity="0.55"/>`);
    let end = x2;
    // Float is room to slip: work done has none left to use.
    const finished = item.kind === 'task' && item.status === 'done';
    if (timing.totalFloat > EPSILON && !finished) {
      const xf = place.finish(timing.lf);
      if (xf > x2 + 1) {
        const mid = y + height / 2;
        parts.push(`<path class="float" d="M${fixed(x2)} ${fixed(mid)}H${fixed(xf)}M${fixed(xf)} ${fixed(mid - 4)}V${fixed(mid + 4)}"/>`);
        end = xf;
        legend.add('float');
      }
    }
    if (item.kind === 'task' && noReturn.has(item.id)) {
      const cx = x2 + 1;
      const cy = y + height / 2;
      parts.push(`<path class="stop" d="${octagon(cx + 7, cy, 6.5)}"/><rect class="stop-bar" x="${fixed(cx + 3)}" y="${fixed(cy - 1)}" width="8" height="2"/>`);
      end = Math.max(end, cx + 14);
      legend.add('noReturn');
    }
    const note = stage ? (item.percent !== undefined ? `${item.percent}%` : '') : [item.owner ? oneLine(item.owner) : '', item.status === 'in-progress' && item.progress !== undefined ? `${percent(item.progress)}%` : ''].filter(Boolean).join(' · ');
    if (note) {
      parts.push(`<text class="note" x="${fixed(end + 4)}" y="${y + height / 2 + 4}">${escapeXml(note)}</text>`);
      end += 8 + Array.from(note).length * 6.2;
    }
    block(row, x1, end);
    return link(item, tooltip(item, timing), parts.join(''));
  }

  function milestoneMark(milestone: Milestone, row: number): string {
    const timing = timings.get(milestone)!;
    const state = schedule!.milestones.get(milestone);
    const y = top(row) + ROW / 2;
    const x = place.finish(timing.ef);
    const parts: string[] = [];
    let from = x - 7;
    let to = x + 7;
    if (timing.planned && Math.abs(timing.planned.ef - timing.ef) > EPSILON) {
      const p = place.finish(timing.planned.ef);
      parts.push(`<path class="base" d="${diamond(p, y + 6, 4)}"/>`);
      from = Math.min(from, p - 4);
      to = Math.max(to, p + 4);
      legend.add('planned');
    }
    if (milestone.due && calendar) {
      // Due by the end of its day.
      const due = place.day(isoDate(epochDay(milestone.due) + 1));
      const late = (state?.slip ?? 0) > 0;
      if (Math.abs(due - x) > 1) parts.push(`<line class="slip ${late ? 'late' : 'early'}" x1="${fixed(Math.min(due, x))}" x2="${fixed(Math.max(due, x))}" y1="${y}" y2="${y}"/>`);
      parts.push(`<path class="due" d="M${fixed(due - 5)} ${top(row) + 2}H${fixed(due + 5)}L${fixed(due)} ${top(row) + 10}Z"/>`);
      from = Math.min(from, due - 6);
      to = Math.max(to, due + 6);
      legend.add('due');
    }
    const classes = ['ms', ...(state?.reached ? ['reached'] : []), ...(timing.critical ? ['crit'] : []), ...(state?.overdue ? ['late'] : [])].join(' ');
    parts.push(`<path class="${classes}" d="${diamond(x, y, 7)}"/>`);
    legend.add('milestone');
    if (state?.overdue) legend.add('late');
    block(row, from, to);
    const text = [`${oneLine(milestone.title)} (${milestone.id})`, timing.finish ?? dayLabel(timing.finishDay)];
    if (milestone.due) text.push(`due ${milestone.due}`);
    if (state?.slip) text.push(`${plural(state.slip, 'working day')} late`);
    text.push(state?.reached ? 'reached' : 'not reached');
    if (state?.overdue) text.push('past due');
    if (timing.planned?.finish && timing.planned.finish !== timing.finish) text.push(`planned ${timing.planned.finish}`);
    if (timing.critical) text.push('critical');
    return link(milestone, text.join('; '), parts.join(''));
  }

  /** The links into this plan's items, folded where one item or phase leads into every task of a phase. */
  function arrows(): GanttLink[] {
    const { graph, criticalLinks } = analysis.network;
    const geometry = { top, middle: (row: number) => top(row) + ROW / 2 };
    const blocked: Blocked = spans.map((span) => span.blocked);
    interface Arrow {
      from: End;
      targets: Array<{ item: Item; to: End; critical: boolean }>;
      key: string;
    }
    const arrows = new Map<string, Arrow>();
    const nodeEnd = (v: number, side: 'start' | 'finish'): End | undefined => {
      const node = graph.nodes[v]!;
      if (node.plan !== plan) return undefined;
      if (node.kind === 'hub') {
        const row = phaseRow.get(node.phase.id);
        if (row === undefined) return undefined;
        // A hub is the moment every task of the phase has started (S) or finished (F).
        return { x: place.finish(analysis.network.cpm.ef[v]!), row, side: node.side === 'F' ? 1 : -1 };
      }
      const item = node.kind === 'task' ? node.task : node.kind === 'milestone' ? node.milestone : node.stage;
      const row = rowOf.get(item);
      const timing = timings.get(item);
      if (row === undefined || !timing) return undefined;
      const zero = node.kind === 'milestone' || graph.duration[v]! <= EPSILON;
      if (zero) return { x: place.finish(timing.ef) + (side === 'start' ? -7 : 7), row, side: side === 'start' ? -1 : 1 };
      return side === 'start' ? { x: place.start(timing.es), row, side: -1 } : { x: place.finish(timing.ef), row, side: 1 };
    };
    for (const [item, targetRow] of rowOf) {
      const v = graph.index.get(item)!;
      for (let p = graph.inStart[v]!; p < graph.inStart[v + 1]!; p++) {
        const e = graph.inEdges[p]!;
        // The rollout's own links to the end of the work (none written): only those that decide when it starts.
        if (plan.rollout && graph.origin[e] === plan.rollout.location && analysis.network.driving[e] !== 1) continue;
        const type = DEPENDENCY_TYPES[graph.type[e]!]!;
        const from = nodeEnd(graph.from[e]!, type[0] === 'S' ? 'start' : 'finish');
        const to = nodeEnd(v, type[1] === 'S' ? 'start' : 'finish');
        if (!from || !to || targetRow !== to.row) continue;
        const key = `${graph.from[e]}:${type}`;
        let arrow = arrows.get(key);
        if (!arrow) arrows.set(key, (arrow = { from, targets: [], key }));
        arrow.targets.push({ item, to, critical: criticalLinks[e] === 1 });
      }
    }
    const paths: GanttLink[] = [];
    if (arrows.size > 0) legend.add('link');
    for (const arrow of arrows.values()) {
      // Into every task of a phase: one arrow, into the phase's row.
      const folded = new Set<Item>();
      for (const phase of plan.phases) {
        if (phase.tasks.length < 2 || !phase.tasks.every((task) => arrow.targets.some((target) => target.item === task))) continue;
        const row = phaseRow.get(phase.id)!;
        if (row === arrow.from.row) continue;
        const span = schedule!.phases.get(phase)!;
        const first = arrow.targets.find((target) => target.item === phase.tasks[0]);
        const entersFinish = first?.to.side === 1;
        const to: End = entersFinish ? { x: place.finish(span.ef), row, side: 1 } : { x: place.start(span.es), row, side: -1 };
        const critical = arrow.targets.some((target) => phase.tasks.includes(target.item as Task) && target.critical);
        paths.push(path(arrow.from, to, critical));
        phase.tasks.forEach((task) => folded.add(task));
      }
      for (const target of arrow.targets) if (!folded.has(target.item)) paths.push(path(arrow.from, target.to, target.critical));
    }
    return paths;

    function path(from: End, to: End, critical: boolean): GanttLink {
      return { d: route(from, to, geometry, blocked), from: from.row, to: to.row, ...(critical ? { critical } : {}) };
    }
  }
}

const LEGEND_ORDER: readonly LegendKey[] = ['summary', 'task', 'critical', 'done', 'float', 'planned', 'late', 'stage', 'milestone', 'due', 'noReturn', 'link', 'nonWorking', 'status'];

function order(keys: Set<LegendKey>): LegendKey[] {
  return LEGEND_ORDER.filter((key) => keys.has(key));
}

function diamond(x: number, y: number, r: number): string {
  return `M${fixed(x)} ${fixed(y - r)}L${fixed(x + r)} ${fixed(y)}L${fixed(x)} ${fixed(y + r)}L${fixed(x - r)} ${fixed(y)}Z`;
}

function octagon(x: number, y: number, r: number): string {
  const a = r * 0.4142;
  return `M${fixed(x - a)} ${fixed(y - r)}H${fixed(x + a)}L${fixed(x + r)} ${fixed(y - a)}V${fixed(y + a)}L${fixed(x + a)} ${fixed(y + r)}H${fixed(x - a)}L${fixed(x - r)} ${fixed(y + a)}V${fixed(y - a)}Z`;
}
