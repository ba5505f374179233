// TaskJuggler (tj3, Debian's package) as an independent scheduler for cross-checks: a
// plan's network — the very graph planc schedules, phase hubs included — written as a TJ
// project, scheduled by tj3, and read back as working-day offsets on the plan's calendar.
// TJ knows finish-to-start and start-to-start links with non-negative gaps, which is what
// the cross-checked plans use.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkCalendar } from '../../src/analyse/calendar.ts';
import type { Graph } from '../../src/analyse/graph.ts';
import type { Plan } from '../../src/model/plan.ts';
import { epochDay } from '../../src/util/dates.ts';

export const TJ3 = ['/usr/bin/tj3', '/usr/local/bin/tj3'].find((path) => existsSync(path));

if (!TJ3 && process.env.CI) throw new Error('no tj3 found; CI must install it (apt-get install tj3)');

/** A node fixed in time: work done or under way, whose start no longer depends on anything. */
export interface Fixed {
  start: number;
  length: number;
}

export interface TjRequest {
  graph: Graph;
  plan: Plan;
  calendar: WorkCalendar;
  /** The status date: TJ's `now`, and a milestone every node not fixed waits for (all but hubs and cancelled tasks). */
  statusDate?: string;
  /** Nodes fixed in time, by graph index. */
  fixed?: ReadonlyMap<number, Fixed>;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Working hours: one block of 8 hours, so that an offset's fraction is a share of it. */
const FROM = 9;

/** An offset on the plan's working-day axis as a TJ date and time (a start at 2.5 is 13:00 of the third working day). */
function stamp(calendar: WorkCalendar, offset: number): string {
  const day = Math.floor(offset + 1e-9);
  const minutes = Math.round((offset - day) * 8 * 60);
  const date = calendar.dateOf(day);
  return `${date}-${String(FROM + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A TJ date and time as an offset: working days before the day, plus the share of its hours gone. */
function offsetOf(calendar: WorkCalendar, text: string): number {
  const [date, time] = text.split(' ') as [string, string];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const day = epochDay(date);
  const before = calendar.workdaysBefore(day);
  if (!calendar.isWorkday(day)) return before;
  return before + Math.min(1, Math.max(0, (hours + minutes / 60 - FROM) / 8));
}

/** The project TJ is given. */
export function tjProject({ graph, plan, calendar, statusDate, fixed }: TjRequest): string {
  const p = graph.nodes.findIndex((node) => node.plan === plan);
  const planIndex = graph.planOf[p]!;
  const lines = [
    `project planc "Cross-check" ${plan.start} +2y {`,
    '  timezone "UTC"',
    '  timingresolution 15min',
    '  dailyworkinghours 8',
    ...(statusDate ? [`  now ${statusDate}`] : []),
    `  workinghours ${WEEKDAYS.filter((day) => plan.calendar.workdays.includes(day)).join(', ')} ${FROM}:00 - ${FROM + 8}:00`,
    ...(plan.calendar.workdays.length < 7 ? [`  workinghours ${WEEKDAYS.filter((day) => !plan.calendar.workdays.includes(day)).join(', ')} off`] : []),
    '}',
    ...plan.calendar.holidays.map((day, i) => `leaves holiday "holiday ${i}" ${day}`),
  ];
  if (statusDate) lines.push(`task status "Status date" { start ${statusDate} }`);
  for (let v = 0; v < graph.size; v++) {
    if (graph.planOf[v] !== planIndex) continue;
    const node = graph.nodes[v]!;
    const held = fixed?.get(v);
    const body: string[] = [];
    if (held) {
      body.push(`start ${stamp(calendar, held.start)}`);
      if (held.length > 1e-9) body.push(`length ${held.length * 8}h`);
    } else {
      const depends: string[] = [];
      for (let k = graph.inStart[v]!; k < graph.inStart[v + 1]!; k++) {
        const e = graph.inEdges[k]!;
        const type = graph.type[e]!;
        const lag = graph.lag[e]!;
        if (type > 1 || lag < 0) throw new Error(`TaskJuggler takes FS and SS links with gaps ≥ 0 only (edge ${e})`);
        const options = [...(type === 1 ? ['onstart'] : []), ...(lag > 0 ? [`gaplength ${lag * 8}h`] : [])];
        depends.push(`n${graph.from[e]!}${options.length ? ` { ${options.join(' ')} }` : ''}`);
      }
      const cancelled = node.kind === 'task' && node.task.status === 'cancelled';
      if (statusDate && node.kind !== 'hub' && !cancelled) depends.push('status');
      if (depends.length > 0) body.push(`depends ${depends.join(', ')}`);
      else body.push(`start ${plan.start}`);
      // The length the plan gives (the analysed graph may hold a forecast's lengths).
      const length = node.kind === 'task' ? node.task.duration : node.kind === 'stage' ? node.stage.duration : 0;
      if (length > 1e-9) body.push(`length ${length * 8}h`);
    }
    lines.push(`task n${v} "${node.kind} ${v}" { ${body.join(' ')} }`);
  }
  lines.push('taskreport "schedule" {', '  formats csv', '  columns id, start, end', '  timeformat "%Y-%m-%d %H:%M"', '}');
  return `${lines.join('\n')}\n`;
}

/** Schedules the plan's network in tj3: each node's start and finish, as offsets on the plan's axis. */
export function scheduleInTaskJuggler(request: TjRequest): Map<number, { es: number; ef: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'planc-tj-'));
  try {
    writeFileSync(join(folder, 'plan.tjp'), tjProject(request));
    const run = spawnSync(TJ3!, ['--silent', '--no-color', 'plan.tjp'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`tj3 failed (${run.status}): ${run.stdout}${run.stderr}`);
    const rows = readFileSync(join(folder, 'schedule.csv'), 'utf8').trim().split('\n').slice(1);
    const times = new Map<number, { es: number; ef: number }>();
    for (const row of rows) {
      const [id, start, end] = row.split(';').map((cell) => cell.replace(/^"|"$/g, '')) as [string, string, string];
      if (!id.startsWith('n')) continue;
      times.set(Number(id.slice(1)), { es: offsetOf(request.calendar, start), ef: offsetOf(request.calendar, end) });
    }
    return times;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
