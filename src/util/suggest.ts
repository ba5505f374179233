// "Did you mean …?" — the closest candidate by edit distance, or by a looser comparison
// that ignores case and separators (`depends_on` → `dependsOn`), or else the one candidate
// that the input abbreviates or extends (`hi` → `high`, `monday` → `mon`).

function normalise(text: string): string {
  return text.toLowerCase().replace(/[-_\s]/g, '');
}

// Rows of the distance table, reused from call to call (a file can hold thousands of
// misspelt keys, each compared with every allowed one).
let rows = [new Int32Array(16), new Int32Array(16), new Int32Array(16)];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [previous2, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length]!;
}

/** Each candidate list's normalised and lower-case forms, made once per list (an array asked about again and again). */
const prepared = new WeakMap<readonly string[], { normal: string[]; lower: string[] }>();

function forms(candidates: readonly string[]): { normal: string[]; lower: string[] } {
  let found = prepared.get(candidates);
  if (!found) prepared.set(candidates, (found = { normal: candidates.map(normalise), lower: candidates.map((c) => c.toLowerCase()) }));
  return found;
}

/** The closest candidate, and whether it is certain: the only one close to the input. */
export interface Match {
  suggestion: string | undefined;
  /**
   * No other candidate comes close (within the edit limit, or abbreviated or extended by
   * the input), or the two differ only in case and separators: a fix may apply it.
   */
  certain: boolean;
}

export function closestMatch(input: string, candidates: Iterable<string>): Match {
  const wanted = normalise(input);
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let prefixed: string | undefined;
  let prefixes = 0;
  // Candidates close to the input in any of the ways below: a suggestion is certain when it is the only one.
  let close = 0;
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const { normal: normals, lower: lowers } = forms(list);
  for (let k = 0; k < list.length; k++) {
    const candidate = list[k]!;
    if (candidate === input) continue;
    const normal = normals[k]!;
    if (normal === wanted) return { suggestion: candidate, certain: true };
    let near = false;
    // Up to a third of the letters may differ: `titl` → `title`, but `q` suggests nothing.
    const limit = Math.min(3, Math.floor(Math.max(input.length, candidate.length) / 3));
    if (limit > 0) {
      const distance = editDistance(lower, lowers[k]!, limit);
      if (distance <= limit) {
        near = true;
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    // An abbreviation (`hi` → `high`) or a longer word (`monday` → `mon`), of two
    // letters or more: a single letter abbreviates too much to guess.
    if (Math.min(normal.length, wanted.length) >= 2 && (normal.startsWith(wanted) || wanted.startsWith(normal))) {
      prefixed = candidate;
      prefixes += 1;
      near = true;
    }
    if (near) close += 1;
  }
  // Several candidates sharing the prefix (`de` → `decisions`, `dependencies`): no guess.
  const suggestion = best ?? (prefixes === 1 ? prefixed : undefined);
  return { suggestion, certain: suggestion !== undefined && close === 1 };
}

export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  return closestMatch(input, candidates).suggestion;
}
