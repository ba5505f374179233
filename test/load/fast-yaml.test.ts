// The fast path of loading (planc's own reader) against the full one (the yaml library):
// wherever the fast path takes a file, the full path must find nothing to report in it,
// read exactly the same value, and give the same spans (value, key, owner) for every
// pointer of it. Checked on every YAML file of the repository, on the catalogue's examples,
// on generated plans, on values the yaml library writes in every style, on real plans
// mangled at random, and on random YAML-ish text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planText } from '../../bench/generate.ts';
import { catalogue } from '../../src/diagnostics/catalogue.ts';
import { Diagnostics } from '../../src/diagnostics/sink.ts';
import { fastYaml } from '../../src/load/fast-yaml.ts';
import { DEFAULT_YAML_LIMITS, parseYaml } from '../../src/load/parse.ts';
import { ROOT } from '../helpers/repo.ts';
import { compare } from './differential.ts';
import { yamlish } from './yamlish.ts';

/** Asserts the two paths agree on `text`, values and spans; returns whether the fast path took it. */
function agree(text: string, name = 'text'): boolean {
  const result = compare(text);
  if (!result.taken) return false;
  expect(result.reported, `${name}: the full path reports what the fast path let through`).toEqual([]);
  expect(result.fastValue, name).toStrictEqual(result.fullValue);
  expect(result.sameValue, name).toBe(true);
  expect(result.spans, `${name}: spans`).toEqual([]);
  return true;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path) && !path.includes('node_modules'))
    .map((path) => join(folder, path));
}

describe('the fast YAML path', () => {
  it('agrees with the full path on every YAML file of the repository, and takes the plans', () => {
    const files = ['plans', 'templates', 'test/fixtures'].flatMap((folder) => yamlFiles(join(ROOT, folder)));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const taken = files.filter((file) => agree(readFileSync(file, 'utf8'), file));
    for (const plan of ['plans/jwt-auth-refactor.plan.yaml', 'plans/session-store-migration.plan.yaml']) {
      expect(taken, plan).toContain(join(ROOT, plan));
    }
  });

  it('agrees on the diagnostics catalogue\'s examples, and leaves every YAML problem to the full path', () => {
    for (const definition of catalogue) {
      for (const [path, content] of Object.entries(definition.example ?? {})) {
        if (typeof content !== 'string' || !/\.ya?ml$/.test(path)) continue;
        const taken = agree(content, `${definition.code} ${path}`);
        // Problems of the YAML (PLAN1xxx, but for the bytes and the size, checked before
        // any parsing) are the full path's to report.
        if (definition.code.startsWith('PLAN1') && !['PLAN1007', 'PLAN1009'].includes(definition.code)) expect(taken, definition.code).toBe(false);
      }
    }
  });

  it('takes generated plans and reads them as the full path does', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = planText(`plan-${seed}`, { phases: 1 + (seed % 5), tasksPerPhase: 1 + (seed % 12), dependencies: seed % 3 }, seed);
      expect(agree(text, `seed ${seed}`), `seed ${seed}`).toBe(true);
    }
  });

  it('declines what the full path must look at', () => {
    const declined = [
      'a: no\n', // YAML 1.1 boolean word (a warning)
      'a: &x 1\nb: *x\n', // anchors and aliases (the alias budget)
      'a: !!str 1\n', // tags
      '<<: { a: 1 }\n', // merge key
      '? [a, b]\n: c\n', // a list as a key
      '[a]: b\n',
      'null: 1\n', // a null key
      'a: 1\na: 2\n', // duplicate key
      'a:\n\t- 1\n', // tab
      '%YAML 1.2\n---\na: 1\n', // directive
      'a: 1\n---\nb: 2\n', // two documents
      'a: "unclosed\n',
      '--- a: b\n', // a mapping on the `---` line, as the first line
      'id: cr\rtitle: CR\r', // lone carriage returns as line ends (read differently by the two libraries)
      '--- - a\n',
      `${'k'.repeat(1025)}: v\n`, // keys over 1024 characters, plain or quoted, at any depth
      `"${'k'.repeat(1030)}": v\n`,
      `"${'\\u006b'.repeat(200)}": v\n`, // short once read, but 1,200 characters written
      `a:\n  - ${'k'.repeat(1025)}: v\n`,
      '',
      'just text\n',
    ];
    for (const text of declined) expect(fastYaml(text, DEFAULT_YAML_LIMITS.maxDepth), JSON.stringify(text)).toBeUndefined();
    // Quoted, the same words are plain text, read the same way by both.
    expect(agree('a: "no"\nb: "&x"\nc: "<<"\n')).toBe(true);
    // A key of 1024 characters, a long value, content after `---` on its own line, or a
    // comment on the `---` line are all fine.
    expect(agree(`${'k'.repeat(1021)}: v\n`)).toBe(true);
    expect(agree(`a: ${'v'.repeat(2000)}\n`)).toBe(true);
    expect(agree('---\na: b\n')).toBe(true);
    expect(agree('--- # plan\na: b\n')).toBe(true);
  });

  it('agrees on any value the yaml library writes, in any style', () => {
    const key = fc.oneof(fc.constantFrom('id', 'title', 'a', 'b c', 'x-y', 'ünï', '1', 'true', '0x10', '-'), fc.string({ maxLength: 8 }));
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'NULL', '1_000', '0b101', '0o17', '0x1F', '.inf', '-.INF', '.nan', '1e3', '+12', '012', '.5', '5.', '2026-12-07', '12:30', 'a: b', '# c', '- d', '"q"', "'s'", '|', '>', '@x', '`x`', '%x', '&x', '*x', '!x', '[x]', '{x}', 'line\nbreak', ' lead', 'trail ', '\u2028', '\ud83d\ude80', '\\n'),
    );
    const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
      indent: fc.constantFrom(2, 4),
    });
    let taken = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), style, (document, options) => {
        const written = stringify(document, { ...options, defaultKeyType: options.defaultKeyType as 'PLAIN' | null } as never);
        if (agree(written)) taken += 1;
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('agrees on random YAML-ish text: nesting, compact items, comments and blank lines anywhere', () => {
    let taken = 0;
    for (let seed = 1; seed <= 4000; seed++) if (agree(yamlish(seed), `yamlish ${seed}`)) taken += 1;
    expect(taken).toBeGreaterThan(800);
  });

  it('gives the yaml library\'s ranges where trailing comments and blank lines decide them', () => {
    const texts = [
      'a:\n  b: 1\n  # in\n# out\nc:\n  - x\n  # in\n\nd: 1\n', // comments left with the mapping and list they follow
      'x:\n  a:\n    b: 1\n    # in\nq: 1\n', // a comment at the mapping's column keeps it open to the next key
      'x:\n  a:\n    - 1\n    # in\n  # out\nq: 1\n',
      'a:\n  b: 1\n     # deeper\n\n     # deeper\nc: 2\n', // deeper comments belong to the value before them
      'x:\n  y:\n    z: 1\n    # c4\n  # c2\nq: 1\n',
      'x:\n  a: |+\n    t\n\n\nq: 1\n', // a kept block scalar takes the blank lines after it
      'x:\n  a: |\n    t\n\n\nq: 1\n',
      't: [\n  a,\n  b\n]\n', // a flow collection closed at its key's column
      'a:\n- 1\n- [2, { b: "3" }]\n# c\nc: |-\n  x\n\n  y\n',
    ];
    for (const text of texts) expect(agree(text), JSON.stringify(text)).toBe(true);
  });

  it('still finds runaway brackets in text the fast path reads', () => {
    const text = `title: a${'['.repeat(100)}\n`;
    expect(fastYaml(text, DEFAULT_YAML_LIMITS.maxDepth)?.irregular).toBe(true);
    const diagnostics = new Diagnostics();
    expect(parseYaml(text, 'x.yaml', diagnostics)).toBeUndefined();
    expect(diagnostics.items.map((d) => `${d.code} ${d.location.span.start}`)).toEqual(['PLAN1012 72']);
  });

  it('agrees on real plans mangled at random', () => {
    const base = readFileSync(join(ROOT, 'plans', 'session-store-migration.plan.yaml'), 'utf8');
    const piece = fc.constantFrom(':', ': ', ' #', '#', '-', '- ', '"', "'", '[', ']', '{', '}', ',', '\n', '  ', '|', '>', '&a ', '*a', '!', '?', '%', '@', '`', 'no', '~', '0x', '.inf', '\\', '\u00a0', '<<');
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(3), piece), { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const [at, remove, insert] of edits) {
          const position = Math.min(at, text.length);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        if (agree(text)) taken += 1;
      }),
      { numRuns: 100, seed: 11 },
    );
    expect(taken).toBeGreaterThan(20);
  });
});
