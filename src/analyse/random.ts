// A small seeded random number generator (sfc32, seeded through splitmix32) and the Beta-PERT
// distribution. Math.random cannot be seeded; a plan's figures must not change between runs.

export type Random = () => number;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32: fills `target` with uniform numbers in [0, 1), each call going on from the last;
 * the state lives in locals while it fills, which is what a simulation's hot loop needs.
 */
export class RandomStream {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    const next = splitmix32(seed);
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    this.fill(new Float64Array(12));
  }

  fill(target: Float64Array, count = target.length): void {
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    for (let i = 0; i < count; i++) {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      target[i] = t / 4294967296;
    }
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
  }
}

/** Uniform numbers in [0, 1) from a 32-bit seed, one at a time: the stream's, drawn a block at a time. */
export function seededRandom(seed: number): Random {
  const stream = new RandomStream(seed);
  const block = new Float64Array(256);
  let next = block.length;
  return () => {
    if (next === block.length) {
      stream.fill(block);
      next = 0;
    }
    return block[next++]!;
  };
}

/** A 32-bit hash of text (FNV-1a), to derive seeds from names. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The Beta-PERT distribution between a and b with mode m (its mean is the PERT mean
 * (a + 4m + b) / 6), as `points` evenly spaced quantiles: sampling a uniform position in
 * the table and interpolating draws from it. The CDF is integrated numerically (the
 * density is bounded: both shape parameters are at least 1).
 */
export function betaPertQuantiles(a: number, m: number, b: number, points: number): Float64Array {
  const table = new Float64Array(points);
  if (b - a <= 1e-12) return table.fill(a);
  const alpha = 1 + (4 * (m - a)) / (b - a);
  const beta = 1 + (4 * (b - m)) / (b - a);
  const grid = 4096;
  const cdf = new Float64Array(grid + 1);
  let previous = density(0, alpha, beta);
  for (let i = 1; i <= grid; i++) {
    const current = density(i / grid, alpha, beta);
    cdf[i] = cdf[i - 1]! + (previous + current) / 2;
    previous = current;
  }
  const total = cdf[grid]!;
  let cell = 0;
  for (let q = 0; q < points; q++) {
    const wanted = (q / (points - 1)) * total;
    while (cell < grid - 1 && cdf[cell + 1]! < wanted) cell += 1;
    const width = cdf[cell + 1]! - cdf[cell]!;
    const x = (cell + (width > 0 ? (wanted - cdf[cell]!) / width : 0)) / grid;
    table[q] = a + Math.min(1, Math.max(0, x)) * (b - a);
  }
  table[0] = a;
  table[points - 1] = b;
  return table;
}

function density(x: number, alpha: number, beta: number): number {
  return x ** (alpha - 1) * (1 - x) ** (beta - 1);
}
