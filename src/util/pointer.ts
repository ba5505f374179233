// JSON pointers (RFC 6901): how diagnostics say where in a plan a value sits.

export function encodePointerSegment(segment: string | number): string {
  const text = String(segment);
  return text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text;
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((pointer, segment) => `${pointer}/${encodePointerSegment(segment)}`, base);
}
