// "Did you mean …?": close misspellings, abbreviations and longer words get a suggestion;
// a guess among several candidates, or from a single letter, gets none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, suggest } from '../../src/util/suggest.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PROBABILITIES = ['low', 'medium', 'high'];

describe('suggest', () => {
  it('finds misspellings and other spellings of a name', () => {
    expect(suggest('titel', ['id', 'title', 'owner'])).toBe('title');
    expect(suggest('depends_on', ['dependsOn', 'title'])).toBe('dependsOn');
    expect(suggest('tues', WEEKDAYS)).toBe('tue');
    expect(suggest('meduim', PROBABILITIES)).toBe('medium');
  });

  it('finds the one allowed value the input abbreviates or extends', () => {
    expect(suggest('hi', PROBABILITIES)).toBe('high');
    expect(suggest('med', PROBABILITIES)).toBe('medium');
    expect(suggest('monday', WEEKDAYS)).toBe('mon');
    expect(suggest('Thursday', WEEKDAYS)).toBe('thu');
    expect(suggest('saturday', WEEKDAYS)).toBe('sat');
    expect(suggest('xlarge', ['XS', 'S', 'M', 'L', 'XL'])).toBe('XL');
    expect(suggest('desc', ['id', 'title', 'description', 'owner'])).toBe('description');
  });

  it('suggests nothing it would have to guess', () => {
    expect(suggest('h', PROBABILITIES)).toBeUndefined(); // one letter
    expect(suggest('small', ['XS', 'S', 'M', 'L', 'XL'])).toBeUndefined(); // `S`: one letter
    expect(suggest('de', ['decisions', 'dependencies', 'title'])).toBeUndefined(); // two candidates
    expect(suggest('t', WEEKDAYS)).toBeUndefined();
    expect(suggest('someday', WEEKDAYS)).toBeUndefined();
    expect(suggest('urgent', PROBABILITIES)).toBeUndefined();
    expect(suggest('q', ['quick'])).toBeUndefined();
  });
});

describe('closestMatch', () => {
  it('is certain when the suggestion is the only candidate close to the input', () => {
    expect(closestMatch('titel', ['id', 'title', 'owner'])).toEqual({ suggestion: 'title', certain: true });
    expect(closestMatch('depends_on', ['dependsOn', 'description'])).toEqual({ suggestion: 'dependsOn', certain: true });
    expect(closestMatch('Done', ['todo', 'done', 'blocked'])).toEqual({ suggestion: 'done', certain: true });
    expect(closestMatch('hi', PROBABILITIES)).toEqual({ suggestion: 'high', certain: true });
  });

  it('is not certain when another candidate comes close too, and says the best all the same', () => {
    expect(closestMatch('stat', ['status', 'start', 'title'])).toEqual({ suggestion: 'start', certain: false });
    expect(closestMatch('bui', ['build', 'ui', 'docs'])).toEqual({ suggestion: 'ui', certain: false });
    expect(closestMatch('small', ['XS', 'S', 'M', 'L', 'XL'])).toEqual({ suggestion: undefined, certain: false });
  });

  it('suggests what `suggest` suggests, for any input (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'l', 't', '-', '_'), maxLength: 8 });
    fc.assert(
      fc.property(word, fc.uniqueArray(word, { maxLength: 8 }), (input, candidates) => {
        const match = closestMatch(input, candidates);
        expect(match.suggestion).toBe(suggest(input, candidates));
        if (match.certain) expect(match.suggestion).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

/** The textbook table, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the optimal string alignment distance, or more than the limit when it is beyond it', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('title', 'titel')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBeGreaterThan(2);
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        const limited = editDistance(a, b, limit);
        if (exact <= limit) expect(limited).toBe(exact);
        else expect(limited).toBeGreaterThan(limit);
      }),
      { numRuns: 500 },
    );
  });
});
