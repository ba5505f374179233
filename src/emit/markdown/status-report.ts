// Status reports (`planc report`): what a planner hands stakeholders on a status date, as
// mdast trees printed by the one markdown printer. Per plan: where it stands (forecast
// against planned finish), what was done since the last report, what is in progress, what
// is late, what starts in the next two weeks, the milestones with their forecast against
// their due dates, the top risks, open decisions and questions, and rollback coverage. The
// portfolio: one row per plan. Every figure is the analysis's (src/analyse/); this only
// chooses and words them, so the same plans and dates always give the same report.
import type { Root, RootContent } from 'mdast';
import type { PlanAnalysis, Timing } from '../../analyse/types.ts';
import { allTasks, taskProgress, type Decision, type Milestone, type Plan, type Risk, type RolloutStage, type Task } from '../../model/plan.ts';
import { MAX_RISK_SCORE } from '../../model/risks.ts';
import { epochDay, isoDate } from '../../util/dates.ts';
import { EPSILON } from '../../util/duration.ts';
import { emphasis, heading, inlineCode, item, link, list, paragraph, root, strong, table, text, type Phrasing } from '../../util/mdast.ts';
import { percent } from '../../util/numbers.ts';
import { dayLabel, days, plural, workingDays } from '../../util/words.ts';
import { identifyHeadings, type OutlineEntry } from './document.ts';
import { behindText, milestoneState } from './sections/context.ts';
import { untrustedInline } from './untrusted.ts';

/** How far ahead "starting soon" looks, in calendar days from the status date. */
export const HORIZON_DAYS = 14;

/** How many risks the report lists, highest score first. */
const TOP_RISKS = 5;

export interface StatusReportOptions {
  /** The status date, YYYY-MM-DD. */
  statusDate: string;
  /** The last report's date: work finished after it (up to the status date) is "done since". */
  since: string;
  /** The depth of the report's title: 1 alone, 2 under the portfolio's. */
  depth?: 1 | 2;
  /** Whether the report opens with its title (the site's page shows the title itself). Default: true. */
  header?: boolean;
  /** Where an item's name links to (the site: its row on the plan's page). */
  href?: (item: Linked) => string | undefined;
}

/** The items a report names. */
export type Linked = Task | Milestone | RolloutStage | Risk | Decision;

export interface StatusReport {
  tree: Root;
  /** Its headings, with the ids GitHub gives them. */
  outline: OutlineEntry[];
}

type Item = Task | RolloutStage;


function when(timing: Timing | undefined, side: 'start' | 'finish'): string {
  if (!timing) return '—';
  return side === 'start' ? (timing.start ?? dayLabel(timing.startDay)) : (timing.finish ?? dayLabel(timing.finishDay));
}

/** The plan's status report. */
export function statusReport(plan: Plan, analysis: PlanAnalysis, options: StatusReportOptions): StatusReport {
  const depth = options.depth ?? 1;
  const sub = (depth + 1) as 2 | 3;
  const schedule = analysis.schedule;
  const status = schedule?.status;
  const timing = (item: Task | Milestone | RolloutStage) => schedule?.timings.get(item);
  /** An item's name: its title (a link where it has one) and its id. */
  const named = (item: Linked): Phrasing[] => {
    const title = text(item.kind === 'risk' ? item.risk : item.title);
    const href = options.href?.(item);
    return [href ? link(href, title) : title, ' ', inlineCode(item.id)];
  };
  const blocks: RootContent[] = options.header === false ? [] : [heading(depth, `Status: ${plan.title}`)];
  blocks.push(paragraph(emphasis(`Status on ${options.statusDate}, changes since ${options.since} · ${plan.kind} plan, ${plan.status}${plan.owner ? ` · owner ${plan.owner}` : ''}`)));

  // Where it stands.
  const standing: Phrasing[] = [];
  if (status && schedule) {
    standing.push(strong(`Forecast finish ${schedule.finish}`), ` (${workingDays(schedule.duration)}), planned ${status.planned.finish}: `);
    standing.push(status.slip > EPSILON ? strong(`${workingDays(status.slip)} late`) : status.slip < -EPSILON ? `${workingDays(-status.slip)} ahead` : 'on plan');
    standing.push(`. ${analysis.progress.percent}% of the work done. ${behindText(status)}`);
  } else if (schedule) {
    standing.push(`${analysis.progress.percent}% of the work done; ${workingDays(schedule.duration)} in all. `, emphasis('The plan has no start date: nothing is judged against the status date.'));
  } else {
    standing.push(`${analysis.progress.percent}% of the work done. `, emphasis('Not scheduled: the plan has a dependency cycle.'));
  }
  blocks.push(paragraph(...standing));

  const tasks = allTasks(plan);
  const stages = plan.rollout?.stages ?? [];
  const owner = (task: Task) => task.owner ?? '—';

  // Done since the last report: finished (by the schedule, which keeps work done in its place) after `since`.
  const done = tasks.filter((task) => {
    const finish = timing(task)?.finish;
    return task.status === 'done' && finish !== undefined && finish > options.since && finish <= options.statusDate;
  });
  const reached = plan.milestones.filter((milestone) => {
    const state = schedule?.milestones.get(milestone);
    return state?.reached && state.date !== undefined && state.date > options.since && state.date <= options.statusDate;
  });
  blocks.push(heading(sub, `Done since ${options.since}`));
  if (done.length + reached.length === 0) blocks.push(paragraph(status ? 'Nothing was finished.' : 'Without dates, planc cannot tell when work was finished.'));
  else {
    blocks.push(
      table(
        ['Done', 'Owner', 'Finished'],
        [
          ...done.map((task) => [named(task), owner(task), when(timing(task), 'finish')]),
          ...reached.map((milestone) => [[...named(milestone), ' (milestone)'], '—', schedule!.milestones.get(milestone)!.date!]),
        ],
      ),
    );
  }

  // In progress.
  const underway = tasks.filter((task) => task.status === 'in-progress');
  blocks.push(heading(sub, 'In progress'));
  if (underway.length === 0) blocks.push(paragraph('Nothing is in progress.'));
  else {
    blocks.push(
      table(
        ['Task', 'Owner', 'Done', 'Started', 'Forecast finish', 'Float'],
        underway.map((task) => {
          const t = timing(task);
          return [named(task), owner(task), task.progress === undefined ? '—' : `${percent(taskProgress(task))}%`, when(t, 'start'), when(t, 'finish'), t ? days(t.totalFloat) : '—'];
        }),
        [null, null, 'right', null, null, 'right'],
      ),
    );
  }

  // Late.
  blocks.push(heading(sub, 'Late'));
  if (!status) blocks.push(paragraph(schedule ? 'Without a start date nothing is late.' : 'Not scheduled.'));
  else {
    const late: Array<Array<Phrasing | Phrasing[]>> = [
      ...status.overdue.map((task) => [named(task), owner(task), 'finish', status.late.get(task)!.planned.finish!, status.late.get(task)!.forecast.finish]),
      ...status.notStarted.map((task) => [named(task), owner(task), 'start', status.late.get(task)!.planned.start!, status.late.get(task)!.forecast.start]),
      ...status.overdueMilestones.map((milestone) => {
        const state = schedule!.milestones.get(milestone)!;
        return [[...named(milestone), ' (milestone)'], '—', `be reached by ${milestone.due}`, state.planned?.date ?? '—', state.date ?? '—'];
      }),
    ];
    if (late.length === 0) blocks.push(paragraph('Nothing is late.'));
    else blocks.push(table(['Item', 'Owner', 'Was to', 'Planned', 'Forecast'], late));
  }

  // Starting in the next two weeks.
  const until = isoDate(epochDay(options.statusDate) + HORIZON_DAYS - 1);
  const soon = status
    ? [...tasks, ...stages].filter((item: Item) => {
        const start = timing(item)?.start;
        const waiting = item.kind === 'stage' || item.status === 'todo' || item.status === 'blocked';
        return waiting && item.duration > EPSILON && start !== undefined && start >= options.statusDate && start <= until;
      })
    : [];
  soon.sort((a, b) => (timing(a)!.es - timing(b)!.es) || 0);
  blocks.push(heading(sub, `Starting by ${until}`));
  if (!status) blocks.push(paragraph('Without a start date planc cannot tell what starts when.'));
  else if (soon.length === 0) blocks.push(paragraph('Nothing is to start in the next two weeks.'));
  else {
    blocks.push(
      table(
        ['Task', 'Owner', 'Start', 'Finish', 'Critical'],
        soon.map((item) => {
          const t = timing(item)!;
          return [[...named(item), ...(item.kind === 'stage' ? [' (rollout)'] : item.status === 'blocked' ? [' (blocked)'] : [])], item.kind === 'task' ? owner(item) : '—', when(t, 'start'), when(t, 'finish'), t.critical ? 'yes' : 'no'];
        }),
      ),
    );
  }

  // Milestones.
  if (plan.milestones.length > 0) {
    blocks.push(heading(sub, 'Milestones'));
    blocks.push(
      table(
        ['Milestone', 'Due', ...(status ? ['Planned'] : []), status ? 'Forecast' : 'Scheduled', 'Status'],
        plan.milestones.map((milestone) => {
          const state = schedule?.milestones.get(milestone);
          const at = state ? (state.date ?? dayLabel(state.day)) : '—';
          return [named(milestone), milestone.due ?? '—', ...(status ? [state?.planned?.date ?? '—'] : []), at, milestoneState(milestone, state)];
        }),
      ),
    );
  }

  // Top risks: by score, highest first, those still open or accepted (mitigated and closed ones are dealt with).
  const risks = [...analysis.risks]
    .filter(([risk]) => risk.status === 'open' || risk.status === 'accepted')
    .map(([risk, rating], index) => ({ risk, rating, index }))
    .sort((a, b) => b.rating.score - a.rating.score || a.index - b.index)
    .slice(0, TOP_RISKS);
  blocks.push(heading(sub, 'Top risks'));
  if (risks.length === 0) blocks.push(paragraph(analysis.risks.size === 0 ? 'The plan names no risks.' : 'No risk is open.'));
  else {
    blocks.push(
      table(
        ['Risk', 'Score', 'Owner', 'Status', 'Mitigation'],
        risks.map(({ risk, rating }) => [named(risk), `${rating.score} / ${MAX_RISK_SCORE}`, risk.owner ?? '—', risk.status, risk.mitigation === undefined ? '—' : untrustedInline(risk.mitigation)]),
      ),
    );
  }

  // Open decisions and questions.
  const proposed = plan.decisions.filter((decision) => decision.status === 'proposed');
  blocks.push(heading(sub, 'Open decisions and questions'));
  if (proposed.length + plan.questions.length === 0) blocks.push(paragraph('None.'));
  else {
    blocks.push(
      list([
        ...proposed.map((decision) => item(strong('Decision:'), ' ', ...named(decision), ' (proposed)')),
        ...plan.questions.map((question) => item(strong('Question:'), ' ', ...untrustedInline(question))),
      ]),
    );
  }

  // Rollback coverage.
  const coverage = analysis.coverage;
  blocks.push(heading(sub, 'Rollback coverage'));
  const uncovered = coverage.units.filter((unit) => !unit.covered);
  blocks.push(
    paragraph(
      coverage.total > 0 ? `${coverage.covered} of ${plural(coverage.total, 'unit')} (${coverage.percent}%) can be rolled back` : 'Nothing to roll back',
      uncovered.length > 0 ? `; not yet: ${uncovered.map((unit) => `${unit.kind} ${unit.id}`).join(', ')}.` : '.',
      ...(coverage.pointsOfNoReturn.length > 0 ? [' Points of no return: ', ...coverage.pointsOfNoReturn.flatMap((id, i) => [...(i ? [', '] : []), inlineCode(id)]), '.'] : []),
    ),
  );

  const tree = root(blocks);
  const outline: OutlineEntry[] = [];
  identifyHeadings(tree, outline);
  return { tree, outline };
}

export interface PortfolioStatusEntry {
  plan: Plan;
  analysis: PlanAnalysis;
  /** Where its report is, when it is a file of its own. */
  href?: string;
}

/** The portfolio's status: a row per plan, and the plans that could not be reported. */
export function portfolioStatus(entries: readonly PortfolioStatusEntry[], notReported: ReadonlyArray<{ file: string; errors: number }>, options: Omit<StatusReportOptions, 'depth'>): Root {
  const rows = entries.map(({ plan, analysis, href }): Array<Phrasing | Phrasing[]> => {
    const schedule = analysis.schedule;
    const status = schedule?.status;
    const next = plan.milestones.find((milestone) => !schedule?.milestones.get(milestone)?.reached);
    const nextState = next ? schedule?.milestones.get(next) : undefined;
    const late = status ? status.overdue.length + status.notStarted.length + status.overdueMilestones.length : 0;
    return [
      href ? link(href, text(plan.title)) : text(plan.title),
      plan.status,
      `${analysis.progress.percent}%`,
      status?.planned.finish ?? schedule?.finish ?? '—',
      status ? (schedule?.finish ?? '—') : '—',
      status ? (status.slip > EPSILON ? `+${days(status.slip)}` : status.slip < -EPSILON ? `−${days(-status.slip)}` : '0d') : '—',
      status ? String(late) : '—',
      next ? [text(next.title), ...(nextState?.date ? [` ${nextState.date}`] : []), ...(next.due ? [` (due ${next.due})`] : [])] : '—',
    ];
  });
  const blocks: RootContent[] = [
    heading(1, `Status report, ${options.statusDate}`),
    paragraph(`${plural(entries.length, 'plan')}, changes since ${options.since}. Slip is the forecast finish against the plan as written, in working days; late counts tasks overdue or not started and milestones past due.`),
    table(['Plan', 'Status', 'Done', 'Planned finish', 'Forecast finish', 'Slip', 'Late', 'Next milestone'], rows, [null, null, 'right', null, null, 'right', 'right', null]),
  ];
  if (notReported.length > 0) {
    blocks.push(
      heading(2, 'Not reported'),
      list(notReported.map(({ file, errors }) => item(inlineCode(file), ` — ${plural(errors, 'error')}; run `, inlineCode(`planc check ${file}`)))),
    );
  }
  return root(blocks);
}
