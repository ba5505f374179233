// The printer's fast path must never skip text that markdown would read differently: for
// random text it accepts, plain printing must equal full escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { blockItem, emphasis, heading, inlineCode, isPlainText, item, list, paragraph, printMarkdown, root, strong, table, text } from '../../src/util/mdast.ts';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';

// printMarkdown's settings (src/util/mdast.ts), with none of its fast handlers.
const SETTINGS = { bullet: '-', emphasis: '_', strong: '*', fence: '`', fences: true, listItemIndent: 'one', rule: '-', incrementListMarker: true } as const;

describe('plain text', () => {
  const alphabet = fc.constantFrom(...'ab1 9.,%()/·—–→\'+-#*_[]<>!|`~&:@w'.split(''));
  // Mostly what plans hold (words, digits, a colon or a dash), which takes the fast paths; sometimes anything.
  const wordy = fc.constantFrom(...'ab1  :.,-('.split(''));
  const candidate = fc.oneof(
    fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
    fc.array(wordy, { minLength: 1, maxLength: 8 }).map((chars) => chars.join('')),
  );

  const node = fc.oneof(
    { weight: 4, arbitrary: candidate.map((value) => text(value)) },
    { weight: 1, arbitrary: candidate.map((value) => inlineCode(value)) },
    { weight: 1, arbitrary: candidate.map((value) => strong(value)) },
    { weight: 1, arbitrary: candidate.map((value) => emphasis(value)) },
  );

  it('prints exactly what the full escaping prints, in paragraphs, headings, list items, tasks and table cells', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 5 }), (nodes: PhrasingContent[]) => {
        for (const tree of [
          root([paragraph(...nodes)]),
          root([heading(2, ...nodes), paragraph(...nodes.slice(1))]),
          root([list([item(...nodes), blockItem([paragraph(...nodes)], false), blockItem([paragraph(...nodes.slice(1))], true)])]),
          root([list([item(...nodes.slice(1)), item(...nodes)], true)]),
          root([table(['h', 'i'], [[nodes, nodes.slice(1)]])]),
          root([table(['h', 'i', 'j'], [[nodes.slice(2), nodes], [nodes.slice(1, 2)]], ['right', 'center', null])]),
        ]) {
          const escaped = toMarkdown(tree, { ...SETTINGS, extensions: [gfmToMarkdown({ tablePipeAlign: false })], handlers: { text: defaultHandlers.text } });
          expect(printMarkdown(tree)).toBe(escaped);
        }
      }),
      { numRuns: 3000 },
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
