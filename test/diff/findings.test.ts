// compareFindings (src/diff/compare.ts) over generated findings: the one keyed count of both
// sides gives what matching each head finding against the base's, one by one, gives (the
// model below), and swapping the sides swaps new and fixed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedDiagnostic } from '../../src/diagnostics/types.ts';
import { compareFindings } from '../../src/diff/compare.ts';

const explanation = (code: string) => `https://example.com/${code}`;

/** A finding with one of a few codes and messages; the figures outside backticks vary (the key leaves them out), the ids inside do not. */
const diagnostic = fc
  .record({ code: fc.constantFrom('PLAN4001', 'PLAN4002'), id: fc.constantFrom('a', 'b', 'c1'), days: fc.integer({ min: 1, max: 30 }), line: fc.integer({ min: 1, max: 50 }) })
  .map(({ code, id, days, line }) => ({
    code,
    rule: code.toLowerCase(),
    severity: 'warning',
    message: `Task \`${id}\` is ${days} days late`,
    file: 'plans/p.plan.yaml',
    range: { start: { line, column: 3 }, end: { line, column: 9 } },
    related: [],
  }) as unknown as ResolvedDiagnostic);

/** The model: each finding of one side takes a finding of its key from the other while one is left; what takes none is new (head) or fixed (base). */
function model(base: readonly ResolvedDiagnostic[], head: readonly ResolvedDiagnostic[]) {
  const key = (d: ResolvedDiagnostic) => `${d.code} ${d.message.replace(/ \d+ days/, ' # days')}`;
  const unmatched = (side: readonly ResolvedDiagnostic[], other: readonly ResolvedDiagnostic[]) => {
    const left = [...other];
    return side.filter((d) => {
      const at = left.findIndex((o) => key(o) === key(d));
      if (at !== -1) left.splice(at, 1);
      return at === -1;
    });
  };
  return { added: unmatched(head, base), fixed: unmatched(base, head) };
}

describe('compareFindings', () => {
  it('gives the model\'s new and fixed findings, in each side\'s order, and mirrors when the sides swap', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 12 }), fc.array(diagnostic, { maxLength: 12 }), (base, head) => {
        const found = compareFindings(base, head, explanation);
        const expected = model(base, head);
        const place = (d: ResolvedDiagnostic) => ({ code: d.code, message: d.message, line: d.range.start.line });
        expect(found.new.map((f) => ({ code: f.code, message: f.message, line: f.line }))).toEqual(expected.added.map(place));
        expect(found.fixed.map((f) => ({ code: f.code, message: f.message, line: f.line }))).toEqual(expected.fixed.map(place));
        expect(found.new.every((f) => f.url === explanation(f.code))).toBe(true);
        const swapped = compareFindings(head, base, explanation);
        expect(swapped).toEqual({ new: found.fixed, fixed: found.new });
      }),
      { numRuns: 300 },
    );
  });

  it('matches a finding whose figures changed, and counts repeated ones', () => {
    const [late3, late5, lateB] = ['Task `a` is 3 days late', 'Task `a` is 5 days late', 'Task `b` is 3 days late'].map(
      (message, line) => ({ code: 'PLAN4001', rule: 'late', severity: 'warning', message, file: 'p', range: { start: { line, column: 1 }, end: { line, column: 2 } }, related: [] }) as unknown as ResolvedDiagnostic,
    );
    const result = compareFindings([late3!, late3!], [late5!, lateB!], explanation);
    expect(result.new.map((f) => f.message)).toEqual(['Task `b` is 3 days late']);
    expect(result.fixed.map((f) => f.message)).toEqual(['Task `a` is 3 days late']);
  });
});
