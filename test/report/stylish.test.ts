// The human format's code frame: the caret sits under the range as a terminal shows the
// line, whatever the characters before it are.
import { join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.ts';
import { formatResult } from '../../src/api/report.ts';
import { PLAIN } from '../../src/report/terminal.ts';
import { displayWidth } from '../../src/report/width.ts';
import { expectGolden } from '../helpers/golden.ts';
import { ROOT, tempRepo } from '../helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'report');

async function checked(text: string): Promise<string> {
  const repo = tempRepo({ 'plans/wide.plan.yaml': text });
  repos.push(repo.cleanup);
  const result = await check({ cwd: repo.dir });
  return formatResult(result, 'stylish', PLAIN);
}

const repos: Array<() => void> = [];
afterAll(() => repos.forEach((cleanup) => cleanup()));

describe('the code frame', () => {
  it('puts the caret under the range after wide characters (CJK, emoji) and tabs', async () => {
    const text = [
      'title: 移行計画 🚀',
      'rollback: { trigger: エラー率の上昇, steps: [元に戻す] }',
      'phases:',
      '  - id: build',
      '    title: 構築',
      '    tasks:',
      '      - { id: code, title: データ移行 🚀👩‍💻, titel: x, duration: 1d }',
      '      - { id: test, title: 試験\t🧪, duration: 一日 }',
      '',
    ].join('\n');
    const output = await checked(text);
    expectGolden(join(FIXTURES, 'wide-characters.txt'), output);
    // Independently of the golden file: each caret starts at the column where its text
    // starts on screen (two columns per wide character).
    const lines = output.split('\n');
    const caretUnder = (code: string, expected: string) => {
      const at = lines.findIndex((line) => line.includes(code));
      const shown = lines.slice(at).find((line) => /^ +\d+ \| /.test(line) && line.includes(expected))!;
      const carets = lines[lines.indexOf(shown) + 1]!;
      return { shownColumn: displayColumn(shown, shown.indexOf(expected)), caretColumn: displayColumn(carets, carets.indexOf('^')), carets: carets.trim().split(' ').at(-1) };
    };
    const unknown = caretUnder('PLAN2001', 'titel');
    expect(unknown.caretColumn).toBe(unknown.shownColumn);
    expect(unknown.carets).toBe('^^^^^');
    const duration = caretUnder('PLAN2005', '一日');
    expect(duration.caretColumn).toBe(duration.shownColumn);
    expect(duration.carets).toBe('^^^^');
  });
});

describe('displayWidth', () => {
  // Characters one at a time and joined: CJK, kana (half and full width), Hangul (whole and
  // as jamo), combining marks, emoji with skin tones, joiners, presentation selectors,
  // keycaps and flags, zero-width and ambiguous-width characters.
  const CHARACTERS = ['a', ' ', 'データ移行', '構築', 'ｶﾀｶﾅ', 'ＡＢＣ', '한국어', '가', 'é', 'é', 'ü̈', '🚀', '👩‍💻', '👨‍👩‍👧‍👦', '🧑🏽‍💻', '👍🏽', '❤️', '❤', '✔', '✔️', '©️', '1️⃣', '🇯🇵', '🏳️‍🌈', '\u200b', '½', '→', '…', '—', '°', 'Ⅻ', 'ﷺ', '€'];

  it('gives the columns string-width gives, without its start-up cost', () => {
    for (const text of CHARACTERS) expect(displayWidth(text), text).toBe(stringWidth(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * The screen column of `index` in `line`: a character (grapheme) with a wide or emoji
 * code point in it takes two columns (`👩‍💻` is one), a tab moves to the next multiple of 8.
 */
function displayColumn(line: string, index: number): number {
  let column = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line.slice(0, index))) {
    if (segment === '\t') column = (Math.floor(column / 8) + 1) * 8;
    else column += /\p{Extended_Pictographic}|[\u3000-\u9fff\uff00-\uffef]/u.test(segment) ? 2 : 1;
  }
  return column;
}
