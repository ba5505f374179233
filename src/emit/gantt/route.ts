// Dependency arrows between the rows of a Gantt chart, drawn with right angles: out of the
// predecessor's side, along the gaps between rows or down a clear channel, into the
// successor's side. A row's bars sit in its middle, so a horizontal run along a row
// boundary crosses none; a vertical run is put where the rows it passes are clear, when
// there is such a place.

/** What is drawn on each row (x intervals, sorted), for finding clear channels. */
export type Blocked = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

export interface End {
  x: number;
  row: number;
  /** Out of (or into) the start side of a bar: -1, going left; the finish side: +1, going right. */
  side: -1 | 1;
}

export interface RowGeometry {
  /** The y of the boundary above row `row` (the first row's top is the header's bottom). */
  top(row: number): number;
  /** The y of the middle of row `row`. */
  middle(row: number): number;
}

/** How far an arrow runs out of a bar before turning, and into one after its last turn. */
const STUB = 6;
/** Room kept around a bar when looking for a clear channel. */
const CLEARANCE = 3;

const round = (value: number) => Math.round(value * 10) / 10;

/** How many of the rows strictly between `a` and `b` have something drawn at `x`. */
function crossings(blocked: Blocked, a: number, b: number, x: number): number {
  let count = 0;
  for (let row = Math.min(a, b) + 1; row < Math.max(a, b); row++) {
    for (const [from, to] of blocked[row] ?? []) {
      if (x >= from - CLEARANCE && x <= to + CLEARANCE) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

/** How many of the nearest clear places a channel search tries before it settles for the best so far. */
const TRIES = 24;

/** The x in [low, high] nearest `preferred` where a vertical run between rows a and b crosses least. */
function channel(blocked: Blocked, a: number, b: number, low: number, high: number, preferred: number): { x: number; crossed: number } {
  let best = { x: preferred, crossed: crossings(blocked, a, b, preferred) };
  if (best.crossed === 0) return best;
  // Just beside each mark in the way at the preferred place, nearest first.
  const candidates = new Set([low, high]);
  for (let row = Math.min(a, b) + 1; row < Math.max(a, b); row++) {
    for (const [from, to] of blocked[row] ?? []) {
      if (preferred < from - CLEARANCE || preferred > to + CLEARANCE) continue;
      candidates.add(from - CLEARANCE - 1);
      candidates.add(to + CLEARANCE + 1);
    }
  }
  const near = [...candidates].filter((x) => x >= low && x <= high && Number.isFinite(x)).sort((p, q) => Math.abs(p - preferred) - Math.abs(q - preferred));
  for (const x of near.slice(0, TRIES)) {
    const crossed = crossings(blocked, a, b, x);
    if (crossed < best.crossed) best = { x, crossed };
    if (crossed === 0) break;
  }
  return best;
}

/**
 * The path (SVG `d`) of an arrow from `from` to `to`. `from.side` is the side it leaves
 * (finish: +1, start: -1); `to.side` the side it enters (start: -1, from the left;
 * finish: +1, from the right).
 */
export function route(from: End, to: End, rows: RowGeometry, blocked: Blocked): string {
  const y1 = rows.middle(from.row);
  const y2 = rows.middle(to.row);
  const exit = from.x + from.side * STUB;
  const entry = to.x + to.side * STUB;
  // One vertical run at x: it must lie beyond the exit stub on the side it leaves, and
  // before the entry stub on the side it enters.
  const low = Math.max(from.side > 0 ? exit : -Infinity, to.side > 0 ? entry : -Infinity);
  const high = Math.min(from.side < 0 ? exit : Infinity, to.side < 0 ? entry : Infinity);
  if (low <= high && from.row !== to.row) {
    const preferred = from.side > 0 ? low : high;
    const { x } = channel(blocked, from.row, to.row, low, high, Number.isFinite(preferred) ? preferred : (low + high) / 2);
    return `M${round(from.x)} ${round(y1)}H${round(x)}V${round(y2)}H${round(to.x)}`;
  }
  // Around: out of the stub, along a row boundary, down (or up) at the other stub, in.
  const down = to.row >= from.row;
  const belowSource = rows.top(from.row + (down ? 1 : 0));
  const aboveTarget = rows.top(to.row + (down ? 0 : 1));
  const viaSource = crossings(blocked, from.row, to.row, entry);
  const viaTarget = crossings(blocked, from.row, to.row, exit);
  if (viaSource <= viaTarget) {
    return `M${round(from.x)} ${round(y1)}H${round(exit)}V${round(belowSource)}H${round(entry)}V${round(y2)}H${round(to.x)}`;
  }
  return `M${round(from.x)} ${round(y1)}H${round(exit)}V${round(aboveTarget)}H${round(entry)}V${round(y2)}H${round(to.x)}`;
}
