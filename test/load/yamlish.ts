// Random YAML-ish text for the differential tests: nested block mappings and lists,
// compact items, flow collections, quoted and block scalars, with comment and blank lines
// dropped in at any depth and indentation, and now and then a line that is slightly off.
// Deterministic for a seed.
import { seededRandom } from '../../src/analyse/random.ts';

const SCALARS = [
  'a', 'x y', 'plain text here', '"q"', "'s'", '"a \\" b"', "'it''s'", '1', '-2', '0x1F', '1e3', '.5', 'no', 'null', '~', 'true',
  'http://x.y/z', 'a:b', 'a #b', 'C#', '[a, b]', '{ a: 1, b: [x, "y"] }', '[]', '{}', '[a, [b, { c: d }]]', 'é ü', '2026-12-07',
  '"\\u00e9\\n"', "''", '""', 'a [b] c', "it's", '- x', '@x', '*x', '&x x', '!t x', 'k: v', '"x" y', '[a]: b', '%x',
];
const KEYS = ['id', 'title', 'a', 'b', 'c', 'x y', '"quoted"', "'single'", '1', 'true', 'yes', '<<', '__proto__', 'a', 'null', '"a"'];

export function yamlish(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(Math.max(0, n));

  const blockScalar = (indent: number, head: string) => {
    lines.push(`${head}${pick(['|', '|-', '|+', '>', '>-', '>+'])}${chance(0.2) ? ' # c' : ''}`);
    const inner = indent + pick([1, 2, 2, 4]);
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      if (chance(0.25)) lines.push(chance(0.8) ? '' : pad(inner));
      lines.push(pad(inner + (chance(0.15) ? 2 : 0)) + pick(['text', 'more text', '# not a comment', 'a: b', "it's [x]"]));
    }
    if (chance(0.3)) lines.push('');
  };

  const value = (indent: number, head: string, depth: number, inList: boolean) => {
    const roll = random();
    if (depth > 3 || roll < 0.4) {
      let text = pick(SCALARS);
      if (chance(0.1)) text += `\n${pad(indent + pick([1, 2, 0]))}${pick(['continued', 'more: x', '# c', '- y'])}`;
      lines.push(`${head}${text}${chance(0.15) ? pick([' # comment', '  ', ' #']) : ''}`);
    } else if (roll < 0.5) {
      lines.push(chance(0.2) ? `${head}# empty` : head.trimEnd());
    } else if (roll < 0.6) {
      blockScalar(indent, head);
    } else if (roll < 0.67) {
      lines.push(`${head}[`, `${pad(indent + 2)}a,`, `${pad(indent + pick([2, 1, 0]))}${pick(['b', '"b"', '{ c: 1 }'])}`, `${pad(indent + pick([0, 2]))}]`);
    } else if (roll < 0.84 || !inList) {
      lines.push(head.trimEnd());
      const inner = indent + pick([2, 2, 4, 1]);
      if (chance(0.5)) map(inner, depth + 1);
      else list(chance(0.2) && !inList ? indent : inner, depth + 1);
    } else {
      // A compact mapping or list in a list item.
      const column = head.length;
      if (chance(0.7)) map(column, depth + 1, head);
      else list(column, depth + 1, head);
    }
  };

  const map = (indent: number, depth: number, first?: string) => {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const key = pick(KEYS);
      const head = `${i === 0 && first !== undefined ? first : pad(indent)}${key}:${chance(0.05) ? '' : ' '}`;
      value(indent, head, depth, false);
      sprinkle(indent);
    }
  };

  const list = (indent: number, depth: number, first?: string) => {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const head = `${i === 0 && first !== undefined ? first : pad(indent)}- `;
      value(indent, head, depth, true);
      sprinkle(indent);
    }
  };

  // Comment and blank lines, at any indentation around the current one.
  const sprinkle = (indent: number) => {
    while (chance(0.25)) {
      const roll = random();
      if (roll < 0.4) lines.push(`${pad(indent + pick([-4, -2, 0, 0, 1, 2, 4]))}# note`);
      else if (roll < 0.8) lines.push('');
      else lines.push(pad(pick([1, 2, 6])));
    }
  };

  if (chance(0.2)) lines.push(pick(['---', '--- # doc', '# header']));
  map(0, 0);
  let text = lines.join('\n');
  if (chance(0.8)) text += '\n';
  if (chance(0.1)) text += pick(['# trailing', '\n\n', '  # t\n']);
  return text;
}
