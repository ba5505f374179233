// The portfolio's timeline, drawn by planc: a row per plan with dates, in order of start,
// its bar from start to finish with the work done inside it (and the plan as written under
// it when there is a status date), its milestones and due dates on its row, the links
// between plans, non-working days shaded and the status date. Each bar links to its plan.
import type { ProjectAnalysis } from '../../analyse/analyse.ts';
import type { PlanSchedule } from '../../analyse/types.ts';
import { DEPENDENCY_TYPES, type Plan } from '../../model/plan.ts';
import { epochDay, isoDate } from '../../util/dates.ts';
import { EPSILON } from '../../util/duration.ts';
import { oneLine } from '../../util/invisible.ts';
import { escapeXml, escapeXmlAttribute } from '../../util/xml.ts';
import { plural, workingDays } from '../../util/words.ts';
import { axisMarks, BAR_HEIGHT, BAR_TOP, chartHeight, HEAD, ROW, shadedDays, statusLabelBox, statusMarks, type GanttDrawing, type GanttLink, type LegendKey, type NameRow } from './chart.ts';
import { route, type Blocked } from './route.ts';
import { timeScale } from './scale.ts';

const fixed = (value: number) => String(Math.round(value * 10) / 10);

export interface PortfolioGanttOptions {
  /** Where a plan's bar links to. */
  href?: (plan: Plan) => string | undefined;
}

/** The plans with dates, by start (then as given). */
function datedPlans(plans: readonly Plan[], analysis: ProjectAnalysis): Array<{ plan: Plan; schedule: PlanSchedule }> {
  return plans
    .flatMap((plan) => {
      const schedule = analysis.plans.get(plan)?.schedule;
      return schedule?.calendar && schedule.start ? [{ plan, schedule }] : [];
    })
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => (a.schedule.start! < b.schedule.start! ? -1 : a.schedule.start! > b.schedule.start! ? 1 : a.index - b.index))
    .map(({ plan, schedule }) => ({ plan, schedule }));
}

export function portfolioGantt(plans: readonly Plan[], analysis: ProjectAnalysis, options: PortfolioGanttOptions = {}): GanttDrawing | undefined {
  const dated = datedPlans(plans, analysis);
  if (dated.length === 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const { plan, schedule } of dated) {
    const calendar = schedule.calendar!;
    low = Math.min(low, calendar.startTime(0));
    high = Math.max(high, calendar.finishTime(schedule.duration), ...(schedule.status ? [calendar.finishTime(schedule.status.planned.duration), epochDay(schedule.status.date)] : []));
    for (const milestone of plan.milestones) if (milestone.due) high = Math.max(high, epochDay(milestone.due) + 1);
  }
  const scale = timeScale({ from: Math.floor(low) - 1, to: Math.ceil(high) + 3, dated: true, workdays: dated[0]!.plan.calendar.workdays });
  const x = (time: number) => (time - scale.origin) * scale.unit;
  const rows: NameRow[] = [];
  const marks: string[] = [];
  const blocked: Array<Array<[number, number]>> = [];
  const legend = new Set<LegendKey>(['plan']);
  const rowOf = new Map<Plan, number>();
  dated.forEach(({ plan, schedule }, row) => {
    rowOf.set(plan, row);
    rows.push({ label: oneLine(plan.title), title: `${oneLine(plan.title)} (${plan.id})`, group: false });
    const calendar = schedule.calendar!;
    const progress = analysis.plans.get(plan)!.progress;
    const y = HEAD + row * ROW + BAR_TOP;
    const height = schedule.status ? BAR_HEIGHT - 3 : BAR_HEIGHT;
    const x1 = x(calendar.startTime(0));
    const x2 = Math.max(x(calendar.finishTime(schedule.duration)), x1 + 2);
    const parts: string[] = [];
    const taken: Array<[number, number]> = [[x1, x2]];
    if (schedule.status) {
      const p2 = Math.max(x(calendar.finishTime(schedule.status.planned.duration)), x1 + 2);
      parts.push(`<rect class="base" x="${fixed(x1)}" y="${y + height + 1}" width="${fixed(p2 - x1)}" height="3"/>`);
      taken.push([x1, p2]);
      legend.add('planned');
    }
    parts.push(`<rect class="bar" x="${fixed(x1)}" y="${y}" width="${fixed(x2 - x1)}" height="${height}" rx="2"/>`);
    if (progress.percent > 0) {
      parts.push(`<rect class="done" x="${fixed(x1)}" y="${y}" width="${fixed(((x2 - x1) * progress.percent) / 100)}" height="${height}" rx="2"/>`);
      legend.add('done');
    }
    for (const milestone of plan.milestones) {
      const state = schedule.milestones.get(milestone);
      if (!state) continue;
      const mx = x(calendar.finishTime(state.at));
      const my = y + height / 2;
      if (milestone.due) {
        const due = x(epochDay(isoDate(epochDay(milestone.due) + 1)));
        parts.push(`<path class="due" d="M${fixed(due - 4)} ${y - 4}H${fixed(due + 4)}L${fixed(due)} ${y + 3}Z"><title>${escapeXml(`${oneLine(milestone.title)}: due ${milestone.due}`)}</title></path>`);
        taken.push([due - 5, due + 5]);
        legend.add('due');
      }
      parts.push(`<path class="ms${state.reached ? ' reached' : ''}${state.overdue ? ' late' : ''}" d="M${fixed(mx)} ${fixed(my - 6)}L${fixed(mx + 6)} ${fixed(my)}L${fixed(mx)} ${fixed(my + 6)}L${fixed(mx - 6)} ${fixed(my)}Z"><title>${escapeXml(`${oneLine(milestone.title)}: ${state.date ?? ''}${state.slip ? `, ${plural(state.slip, 'working day')} late` : ''}`)}</title></path>`);
      taken.push([mx - 7, mx + 7]);
      legend.add('milestone');
      if (state.overdue) legend.add('late');
    }
    blocked.push(taken);
    const tooltip = [
      `${oneLine(plan.title)} (${plan.id})`,
      `${schedule.start} → ${schedule.finish}`,
      workingDays(schedule.duration),
      `${progress.percent}% done`,
      plan.status,
      ...(schedule.status ? [`planned finish ${schedule.status.planned.finish} (status on ${schedule.status.date})`] : []),
    ].join('; ');
    const href = options.href?.(plan);
    const body = `<title>${escapeXml(tooltip)}</title>${parts.join('')}`;
    marks.push(href ? `<a href="${escapeXmlAttribute(href)}">${body}</a>` : `<g role="img">${body}</g>`);
  });

  const height = chartHeight({ rows });
  // Non-working days every plan shares, and holidays every plan has.
  const calendars = dated.map(({ schedule }) => schedule.calendar!);
  const back = shadedDays(scale, (day) => calendars.every((calendar) => !calendar.isWorkday(day)), height);
  if (back.length > 0) legend.add('nonWorking');
  const statusDate = dated.find(({ schedule }) => schedule.status)?.schedule.status?.date;
  const axis = axisMarks(scale, height, statusDate ? statusLabelBox(x(epochDay(statusDate)), statusDate, scale) : undefined);
  back.push(...axis.back);
  const front: string[] = [];
  if (statusDate) {
    front.push(...statusMarks(x(epochDay(statusDate)), statusDate, scale, height));
    legend.add('status');
  }
  // Links between plans: from the item waited for, on its plan's row, to the one waiting.
  const links: GanttLink[] = [];
  const seen = new Set<string>();
  const geometry = { top: (row: number) => HEAD + row * ROW, middle: (row: number) => HEAD + row * ROW + ROW / 2 };
  const networks = new Set(dated.map(({ plan }) => analysis.plans.get(plan)!.network));
  for (const network of networks) {
    const { graph, cpm } = network;
    for (let e = 0; e < graph.from.length; e++) {
      const a = graph.nodes[graph.from[e]!]!;
      const b = graph.nodes[graph.to[e]!]!;
      if (a.plan === b.plan) continue;
      const fromRow = rowOf.get(a.plan);
      const toRow = rowOf.get(b.plan);
      if (fromRow === undefined || toRow === undefined) continue;
      const key = `${graph.from[e]}>${graph.to[e]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fromCalendar = analysis.plans.get(a.plan)!.schedule!.calendar!;
      const toCalendar = analysis.plans.get(b.plan)!.schedule!.calendar!;
      const type = DEPENDENCY_TYPES[graph.type[e]!]!;
      const fromStart = type[0] === 'S';
      const toFinish = type[1] === 'F';
      const u = graph.from[e]!;
      const v = graph.to[e]!;
      const fx = x(fromStart ? fromCalendar.startTime(cpm.es[u]!) : fromCalendar.finishTime(cpm.ef[u]!));
      const tx = x(toFinish ? toCalendar.finishTime(cpm.ef[v]!) : graph.duration[v]! <= EPSILON ? toCalendar.finishTime(cpm.es[v]!) : toCalendar.startTime(cpm.es[v]!));
      const d = route({ x: fx, row: fromRow, side: fromStart ? -1 : 1 }, { x: tx, row: toRow, side: toFinish ? 1 : -1 }, geometry, blocked as Blocked);
      links.push({ d, from: fromRow, to: toRow });
      legend.add('link');
    }
  }
  const first = dated[0]!.schedule.start!;
  const last = dated.reduce((latest, { schedule }) => (schedule.finish! > latest ? schedule.finish! : latest), first);
  return {
    ...(statusDate ? { focus: x(epochDay(statusDate)) } : {}),
    id: 'planc-portfolio',
    title: 'Portfolio timeline',
    description: `${plural(dated.length, 'plan')} with dates, from ${first} to ${last}, in order of start.`,
    scale,
    rows,
    layers: { back, links, marks, front: [...front, ...axis.front] },
    legend: (['plan', 'done', 'planned', 'milestone', 'due', 'late', 'link', 'nonWorking', 'status'] as const).filter((key) => legend.has(key)),
  };
}
