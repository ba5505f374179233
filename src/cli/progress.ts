// Progress of long work (`planc site` drawing hundreds of diagrams) on a terminal: one line
// on standard error, rewritten in place — "planc: drawing diagrams 120/402" — and erased
// when the work ends. Not on a terminal, or under CI, nothing is shown while it runs: the
// command's closing line says what was done.
import type { Io } from './io.ts';

export interface ProgressLine {
  show(what: string, done: number, total: number): void;
  clear(): void;
}

/** Rewrites at most this often (ms): a terminal need not be redrawn for every drawing. */
const EVERY = 80;

export function progressLine(io: Io): ProgressLine {
  const live = Boolean(io.stderr.isTTY) && !io.env.CI;
  let shown = false;
  let last = 0;
  return {
    show(what, done, total) {
      if (!live) return;
      const now = Date.now();
      if (done < total && now - last < EVERY) return;
      last = now;
      io.stderr.write(`\r\u001b[2Kplanc: ${what} ${done}/${total}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
