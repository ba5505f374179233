// Progress against a status date, as MS Project and TaskJuggler track it: work done keeps
// its place (by the status date at the latest), work under way keeps its start and has
// the rest of it scheduled from the status date, and work not started starts no earlier
// than that date. The plan as written (the baseline) is scheduled first; this module turns
// it into the inputs of a second schedule, the forecast, and judges each item against it.
import { taskProgress, type Plan } from '../model/plan.ts';
import { epochDay } from '../util/dates.ts';
import { EPSILON } from '../util/duration.ts';
import type { WorkCalendar } from './calendar.ts';
import type { CpmResult } from './cpm.ts';
import type { Graph } from './graph.ts';

/** What the forecast is scheduled with: the network's durations, releases and links, changed by what is done. */
export interface ForecastInputs {
  /** Per node: the status date's offset on its plan's axis (the start of that day; negative before the plan's start), or NaN for a plan without dates. */
  statusOffset: Float64Array;
  duration: Float64Array;
  /** Per node: the earliest it may start. */
  release: Float64Array;
  /** Per link: left out (those in cycles, and those into work already started or done, which no longer waits). */
  skip: Uint8Array;
  /** Per node: the share of its work done (tasks; 0 for the rest). */
  done: Float64Array;
  /** Per node: 1 for work started or done, whose start is in the past and no longer depends on its predecessors. */
  pinned: Uint8Array;
}

/** The start of the status day on each plan's working-day axis (NaN for a plan without dates). */
export function statusOffsets(calendars: ReadonlyArray<WorkCalendar | undefined>, statusDate: string): number[] {
  const day = epochDay(statusDate);
  return calendars.map((calendar) => (calendar ? calendar.workdaysBefore(day) : Number.NaN));
}

/**
 * The forecast's inputs from the baseline schedule. For a task with duration d, share done
 * p, baseline start ES and finish EF, and the status date's offset S:
 * - done: it finished by S, d long: from max(0, min(EF, S) − d) to min(EF, S);
 * - started (in progress, or part done): from max(0, min(ES, S − p·d)), its remaining
 *   (1 − p)·d scheduled from S;
 * - not started: d long, from S at the earliest, after its predecessors.
 * A milestone already reached sits where it was, or at S if that was later; one not
 * reached is at S at the earliest. Cancelled tasks take no time and pass their
 * predecessors' times on. Plans without dates are scheduled as written.
 */
export function forecastInputs(graph: Graph, baseline: CpmResult, offsets: readonly number[], skip: Uint8Array, reached: (v: number) => boolean): ForecastInputs {
  const size = graph.size;
  const statusOffset = new Float64Array(size);
  const duration = Float64Array.from(graph.duration);
  const release = new Float64Array(size);
  const done = new Float64Array(size);
  const pinned = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    statusOffset[v] = offsets[graph.planOf[v]!]!;
    // A status date before the plan's start reschedules from its start.
    const s = Math.max(0, statusOffset[v]!);
    if (Number.isNaN(s)) continue;
    const node = graph.nodes[v]!;
    const es = baseline.es[v]!;
    const ef = baseline.ef[v]!;
    const d = graph.duration[v]!;
    if (node.kind === 'task') {
      const task = node.task;
      const p = taskProgress(task);
      done[v] = p;
      if (task.status === 'cancelled') continue;
      if (task.status === 'done') {
        const finish = Math.min(ef, s);
        const start = Math.max(0, finish - d);
        pin(v, start, finish - start);
      } else if (task.status === 'in-progress' || p > EPSILON) {
        const start = Math.max(0, Math.min(es, s - p * d));
        pin(v, start, s + (1 - p) * d - start);
      } else {
        release[v] = s;
      }
    } else if (node.kind === 'milestone' && reached(v)) {
      pin(v, Math.min(es, s), 0);
    } else if (node.kind !== 'hub') {
      release[v] = s;
    }
  }
  const forecastSkip = Uint8Array.from(skip);
  for (let e = 0; e < graph.from.length; e++) if (pinned[graph.to[e]!]) forecastSkip[e] = 1;
  return { statusOffset, duration, release, skip: forecastSkip, done, pinned };

  function pin(v: number, start: number, length: number): void {
    pinned[v] = 1;
    release[v] = start;
    duration[v] = Math.max(0, length);
  }
}
