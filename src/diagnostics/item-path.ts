// What a finding is about, as a path of ids rather than of positions, so that it stays the
// same when lines move or items are added around it: the baseline matches findings by it,
// SARIF's fingerprints are made of it, and the JSON report gives it as `item`.

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A JSON pointer into a plan file as a path of ids: each index into a list whose entries
 * have ids becomes that id (`/phases/0/tasks/2/owner` → `phases[build]/tasks[code]/owner`).
 * `document` is what the pointer is walked through: the plan model of a plan that was
 * built (it keeps the file's lists in order, and its properties under their written names),
 * else the file's parsed value. Where it has no such property, the rest of the pointer is
 * kept as written.
 */
export function itemPath(document: unknown, pointer: string): string {
  if (pointer === '') return '';
  const segments = pointer.split('/').slice(1).map(unescape);
  const parts: string[] = [];
  let at: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(at) && /^\d+$/.test(segment)) {
      const entry: unknown = at[Number(segment)];
      const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      const step = `[${typeof id === 'string' ? id : segment}]`;
      if (parts.length === 0) parts.push(step);
      else parts[parts.length - 1] += step;
      at = entry;
    } else {
      parts.push(segment);
      at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[segment] : undefined;
    }
  }
  return parts.join('/');
}

