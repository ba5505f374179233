// The printer's fast path must never skip text that markdown would read differently: for
// random text it accepts, plain printing must equal full escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { inlineCode, isPlainText, paragraph, printMarkdown, root, strong, table, text } from '../../src/util/mdast.ts';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';

describe('plain text', () => {
  const alphabet = fc.constantFrom(...'ab1 9.,%()/·—–→\'+-#*_[]<>!|`~&:@w'.split(''));
  const candidate = fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));

  const node = fc.oneof(
    { weight: 4, arbitrary: candidate.map((value) => text(value)) },
    { weight: 1, arbitrary: candidate.map((value) => inlineCode(value)) },
    { weight: 1, arbitrary: candidate.map((value) => strong(value)) },
  );

  it('prints exactly what the full escaping prints, in paragraphs and table cells', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 5 }), (nodes: PhrasingContent[]) => {
        for (const tree of [
          root([paragraph(...nodes)]),
          root([table(['h', 'i'], [[nodes, nodes.slice(1)]])]),
          root([table(['h', 'i', 'j'], [[nodes.slice(2), nodes], [nodes.slice(1, 2)]], ['right', 'center', null])]),
        ]) {
          const escaped = toMarkdown(tree, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], handlers: { text: defaultHandlers.text } });
          expect(printMarkdown(tree)).toBe(escaped);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses what could change meaning', () => {
    for (const value of ['1. item', '1) item', '- item', '# title', 'a  b', 'a ', 'www.x.com', 'a*b', 'a_b', 'a|b', '<b>', 'a:/b', 'http://x', ' x']) {
      expect(isPlainText(value), value).toBe(false);
    }
    for (const value of ['Set up JWT library', '2026-12-07', 'S (1d)', 'a 20.5d', 'a, b', '50% of users', 'day 3 → 5', '—', '○ pending']) {
      expect(isPlainText(value), value).toBe(true);
    }
    expect(isPlainText(' → ', 'a', '`')).toBe(true);
    expect(isPlainText('. x', '1', '')).toBe(false);
  });
});
