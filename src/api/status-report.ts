// `planc report` as a library call: check the plans on a status date, then word each
// plan's status report and the portfolio's (src/emit/markdown/status-report.ts); return them
// as markdown, and with `out`, write them into a folder (index.md and one file per plan) by
// the build's output policy: every file or none, only files planc wrote replaced.
import { resolve } from 'node:path';
import { portfolioStatus, statusReport } from '../emit/markdown/status-report.ts';
import type { Plan } from '../model/plan.ts';
import { epochDay, isIsoDate, isoDate } from '../util/dates.ts';
import { printComment, root } from '../util/mdast.ts';
import type { WriteSummary } from '../write/outputs.ts';
import { writeOutputFolder } from './build.ts';
import { UsageError } from './errors.ts';
import type { CheckResult } from './result.ts';
import { checkRequest, CompilerSession, type CheckRequest, type SessionOptions } from './session.ts';

/** How far back "done since" looks when no `since` is given, in calendar days. */
export const DEFAULT_SINCE_DAYS = 14;

export interface StatusReportRequest extends SessionOptions, Omit<CheckRequest, 'simulate'> {
  /** The last report's date, YYYY-MM-DD (default: two weeks before the status date). */
  since?: string;
  /** A folder to write the reports into, relative to `cwd`: index.md and `<plan-id>.md`. */
  out?: string;
  /** A session to compile with, instead of a new one. */
  session?: CompilerSession;
}

export interface PlanStatusReport {
  plan: Plan;
  /** Its file in `out`. */
  file: string;
  markdown: string;
}

export interface StatusReportResult extends CheckResult {
  /** The day progress was judged on, and the last report's. */
  statusDate: string;
  since: string;
  /** The portfolio's report, then each plan's, as one markdown text (what stdout gets). */
  markdown: string;
  /** The portfolio's report on its own (index.md), linking to each plan's file. */
  portfolio: string;
  /** Each reported plan's report on its own, in plan order (plans with errors are not reported). */
  reports: PlanStatusReport[];
  /** With `out`: the folder, absolute, and what was written. */
  out?: string;
  written?: WriteSummary;
}

const STATUS_HELP = 'Pass --status-date YYYY-MM-DD (or `today`), or set `statusDate` in planc.config.yaml.';

export async function statusReports(options: StatusReportRequest): Promise<StatusReportResult> {
  const cwd = resolve(options.cwd);
  if (options.since !== undefined && !isIsoDate(options.since)) {
    throw new UsageError(`the date of the last report \`${options.since}\` is not a date written YYYY-MM-DD`, 'Pass --since 2026-12-01, say.');
  }
  const session = options.session ?? new CompilerSession(options);
  const result = await session.check(checkRequest(options));
  const empty = { markdown: '', portfolio: '', reports: [], statusDate: '', since: '' };
  if (result.configInvalid) return { ...result, ...empty };
  const statusDate = result.config.statusDate;
  if (statusDate === undefined) throw new UsageError('a status report needs a status date', STATUS_HELP);
  const since = options.since ?? isoDate(epochDay(statusDate) - DEFAULT_SINCE_DAYS);
  if (since >= statusDate) throw new UsageError(`the last report (--since ${since}) must be before the status date ${statusDate}`);

  const reports: PlanStatusReport[] = [];
  const sections = [];
  for (const plan of result.built) {
    const analysis = result.analysis.plans.get(plan)!;
    const alone = statusReport(plan, analysis, { statusDate, since });
    reports.push({ plan, file: `${plan.id}.md`, markdown: printComment(alone.tree) });
    sections.push(...statusReport(plan, analysis, { statusDate, since, depth: 2 }).tree.children);
  }
  const entries = (href: boolean) => result.built.map((plan) => ({ plan, analysis: result.analysis.plans.get(plan)!, ...(href ? { href: `./${plan.id}.md` } : {}) }));
  const portfolio = printComment(portfolioStatus(entries(true), result.notBuilt, { statusDate, since }));
  const whole = portfolioStatus(entries(false), result.notBuilt, { statusDate, since });
  const markdown = printComment(root([...whole.children, ...sections]));
  const report: StatusReportResult = { ...result, statusDate, since, markdown, portfolio, reports };
  if (options.out === undefined) return report;
  const out = resolve(cwd, options.out);
  const written = await writeOutputFolder(
    out,
    cwd,
    [{ path: 'index.md', content: portfolio }, ...reports.map(({ file, markdown: content }) => ({ path: file, content }))],
    { plans: Object.fromEntries(result.built.map((plan) => [plan.file, plan.id])) },
    'Choose another folder with --out: planc report replaces only files it wrote itself, which its manifest lists.',
  );
  return { ...report, out, written };
}
