// The corpus of bad plans: every YAML problem class, wrong types, unknown keys, broken
// references, pathological sizes. Shared by test/corpus.test.ts, which asserts what each
// reports, and bench/budgets.ts, which times the same inputs against their budgets.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export type Content = string | Uint8Array;

export const OK = [
  'title: Corpus',
  'rollback: { trigger: errors, steps: [revert] }',
  'phases:',
  '  - id: build',
  '    title: Build',
  '    tasks:',
  '      - { id: a, title: A, duration: 1d }',
  '      - { id: b, title: B, duration: 1d, dependsOn: [a] }',
  '',
].join('\n');

const OK_LINES = OK.split('\n').length - 1;
/** 90,000 owners (`k0`, `k1` … `k1xxr`, numbered in base 36 to stay under 1 MiB), each with a capacity of 1. */
const OWNERS = Array.from({ length: 90_000 }, (_, i) => `k${i.toString(36)}: 1`);
const FLOW_OWNERS = `capacity: { ${OWNERS.join(', ')}, k5: 2 }`;

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const bytes = (...values: number[]) => Uint8Array.from(values);

/** name → [file content, expected `CODE line:column` list] */
export const CASES: Record<string, [Content, string[]]> = {
  'unclosed double quote': ['title: "Corpus\nphases: []\n', ['PLAN1001 1:8']],
  'unclosed single quote': [OK.replace('title: A', "title: 'A"), ['PLAN1001 7:25']],
  'unclosed flow sequence': [OK.replace('dependsOn: [a]', 'dependsOn: [a'), ['PLAN1001 8:53']],
  'unclosed flow mapping': [OK.replace('      - { id: b, title: B, duration: 1d, dependsOn: [a] }', '      - { id: b, title: B'), ['PLAN1001 8:9']],
  'misaligned key': [OK.replace('    title: Build', '   title: Build'), ['PLAN1001 5:4']],
  'colon in a plain value': [OK.replace('title: Corpus', 'title: Corpus: the sequel'), ['PLAN1001 1:8']],
  'reserved character': [OK.replace('title: Corpus', 'title: @corpus'), ['PLAN1001 1:8']],
  'bad escape': [OK.replace('title: Corpus', 'title: "C:\\Users\\corpus"'), ['PLAN1001 1:11']],
  'undefined alias': [OK.replace('title: Corpus', 'title: *name'), ['PLAN1001 1:8']],
  'YAML 1.1 directive': [`%YAML 1.1\n---\n${OK}`, ['PLAN1001 1:1']],
  'duplicate key': [OK.replace('title: B,', 'title: B, duration: 2d,'), ['PLAN1002 8:42']],
  'tab indentation': [OK.replace('    title: Build', '\ttitle: Build'), ['PLAN1003 5:1']],
  'two documents': [`${OK}---\n${OK}`, ['PLAN1004 9:1']],
  'YAML 1.1 boolean in text': [OK.replace('title: Corpus', 'title: Corpus\ngoals: [yes]'), ['PLAN1005 2:9']],
  'YAML 1.1 boolean where a boolean belongs': [OK.replace('duration: 1d }', 'duration: 1d, reversible: no }'), ['PLAN2003 7:54']],
  'billion laughs': [
    `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${'bcdefghi'
      .split('')
      .map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)
      .join('\n')}\n`,
    ['PLAN1006 6:8'],
  ],
  'too many aliases': [`x: &x 1\nlist: [${Array(101).fill('*x').join(', ')}]\n`, ['PLAN1006 2:408']],
  'latin-1 bytes': [latin1(OK.replace('title: A', 'title: Caf\xe9')), ['PLAN1007 7:28']],
  'UTF-16': [Buffer.concat([bytes(0xff, 0xfe), Buffer.from(OK, 'utf16le')]), ['PLAN1007 1:1']],
  'NUL byte': [OK.replace('title: B,', 'title: B\u0000,'), ['PLAN1007 8:26']],
  'empty file': ['', ['PLAN1008 1:1']],
  'only comments': ['# a plan, some day\n\n# really\n', ['PLAN1008 1:1']],
  'only whitespace': ['  \n\n   \n', ['PLAN1008 1:1']],
  'oversized file': [`${OK}# ${'x'.repeat(1024 * 1024)}\n`, ['PLAN1009 1:1']],
  'binary tag': [OK.replace('title: Corpus', 'title: !!binary Q29ycHVz'), ['PLAN1011 1:8']],
  'custom tag': [OK.replace('title: Corpus', 'title: !Ref corpus'), ['PLAN1011 1:8']],
  'deep nesting': [`title: ${'['.repeat(100)}${']'.repeat(100)}\n`, ['PLAN1012 1:72']],
  'runaway nesting': [`title: ${'['.repeat(100_000)}\n`, ['PLAN1012 1:72']],
  'list as key': [OK.replace('title: Corpus', 'title: Corpus\n? [a, b]\n: c'), ['PLAN1013 2:3']],
  'merge key': [OK.replace('      - { id: b', '      - <<: { owner: x }\n        id: b2\n        title: B2\n      - { id: b'), ['PLAN1014 8:9']],
  'a list, not a mapping': ['- title: Corpus\n', ['PLAN2003 1:1']],
  'a scalar, not a mapping': ['just some words\n', ['PLAN2003 1:1']],
  'explicit null': ['~\n', ['PLAN2003 1:1']],
  'prototype key': [OK.replace('title: Corpus', 'title: Corpus\n__proto__: { polluted: true }'), ['PLAN2001 2:1']],
  'wrong types': [OK.replace('title: Corpus', 'title: [Corpus]').replace('duration: 1d }', 'duration: true }'), ['PLAN2003 1:8', 'PLAN2003 7:38']],
  'unknown keys with suggestions': [OK.replace('    title: Build', '    titel: Build').replace('dependsOn', 'depends_on'), ['PLAN2001 5:5', 'PLAN2001 8:42']],
  'missing required property': [OK.replace('    title: Build\n', ''), ['PLAN2002 4:9']],
  'missing phases': ['title: Corpus\n', ['PLAN2002 1:1']],
  'missing title and phases': ['kind: implementation\n', ['PLAN2002 1:1', 'PLAN2002 1:1']],
  'invalid enum': [OK.replace('title: Corpus', 'title: Corpus\nkind: migraton'), ['PLAN2004 2:7']],
  'enum given a number': [OK.replace('title: Corpus', 'title: Corpus\nkind: 3'), ['PLAN2004 2:7']],
  'impossible date': [OK.replace('title: Corpus', 'title: Corpus\nstart: 2026-02-30'), ['PLAN2005 2:8']],
  'bad id': [OK.replace('id: a,', 'id: Task_A,'), ['PLAN2005 7:15']],
  'out of range': [OK.replace('title: Corpus', 'title: ""').replace('duration: 1d }', 'duration: 20000 }'), ['PLAN2006 1:8', 'PLAN2006 7:38']],
  'infinite duration': [OK.replace('duration: 1d }', 'duration: .inf }'), ['PLAN2003 7:38']],
  'duplicate item': [OK.replace('dependsOn: [a]', 'dependsOn: [a, a]'), ['PLAN2007 8:57']],
  'conflicting properties': [OK.replace('duration: 1d }', 'duration: 1d, effort: M }'), ['PLAN2008 7:28']],
  'duplicate id': [OK.replace('id: b,', 'id: a,'), ['PLAN3001 8:15']],
  'dangling reference': [OK.replace('dependsOn: [a]', 'dependsOn: [aa]'), ['PLAN3002 8:54']],
  'unknown plan': [OK.replace('dependsOn: [a]', 'dependsOn: [other#a]'), ['PLAN3003 8:54']],
  'reference to a risk': [
    OK.replace('phases:', 'risks: [{ id: r, risk: R, probability: low, impact: low }]\nphases:').replace('dependsOn: [a]', 'dependsOn: [r]'),
    ['PLAN3006 9:54'],
  ],
  'criterion verified by a phase': [`${OK}successCriteria: [{ id: c, text: C, verifiedBy: [build] }]\n`, ['PLAN3006 9:50']],
  'unknown architecture node': [
    `${OK}architecture:\n  - id: d\n    title: D\n    nodes: [{ id: api, label: API }]\n    edges: [{ from: api, to: db }]\n`,
    ['PLAN3002 13:30'],
  ],
  'cycle': [OK.replace('      - { id: a, title: A, duration: 1d }', '      - { id: a, title: A, duration: 1d, dependsOn: [b] }'), ['PLAN3004 7:54']],
  'CRLF line endings': [OK.replace('id: a,', 'id: Bad,').replaceAll('\n', '\r\n'), ['PLAN2005 7:15']],
  'byte order mark': [`\ufeff${OK.replace('id: a,', 'id: Bad,')}`, ['PLAN2005 7:15']],
  // Pathological sizes, under the 1 MiB limit: each once took the parser quadratic time.
  '400,000 escaped quotes in an unclosed string': [`title: "${'\\"'.repeat(400_000)}\n`, ['PLAN1001 1:8']],
  '300,000 quoted strings on one line': [`title: [${Array.from({ length: 300_000 }, () => "''").join(',')}]\n`, ['PLAN2002 1:1', 'PLAN2003 1:8']],
  'a mapping of 90,000 keys with a duplicate': [`${OK}capacity:\n  ${OWNERS.join('\n  ')}\n  k5: 2\n`, [`PLAN1002 ${OK_LINES + 90_002}:3`]],
  'a mapping of 90,000 keys with a wrong value': [`${OK}capacity:\n  ${OWNERS.join('\n  ')}\n  last: 0\n`, [`PLAN2006 ${OK_LINES + 90_002}:9`]],
  'a flow mapping of 90,000 keys with a duplicate': [`${OK}${FLOW_OWNERS}\n`, [`PLAN1002 ${OK_LINES + 1}:${FLOW_OWNERS.lastIndexOf('k5: 2') + 1}`]],
};

/**
 * 3,000 tasks, each depending on a misspelt id (`task-numbr-N` for `task-number-N`): the
 * suggestions' edit distances were once 3,000 × 3,000 (11 s). `tasks[i]` is line 6 + i.
 */
export function brokenReferences(count = 3000): { text: string; tasks: string[] } {
  const tasks = Array.from({ length: count }, (_, i) => `      - { id: task-number-${i}, title: T, duration: 1d, dependsOn: [task-numbr-${i}] }`);
  return { text: `title: Many\nphases:\n  - id: p\n    title: P\n    tasks:\n${tasks.join('\n')}\n`, tasks };
}

/** A mapping of `count` unknown keys, one a line (90,000: 890 KB); once quadratic (31 s). */
export function manyKeys(count = 90_000): string {
  return Array.from({ length: count }, (_, i) => `k${i}: v\n`).join('');
}

/** The plan the mangled plans are made from. */
export const MANGLED_BASE = readFileSync(new URL('../../plans/jwt-auth-refactor.plan.yaml', import.meta.url), 'utf8');

const SIGNIFICANT = [':', '-', ' ', '\n', '\t', '[', ']', '{', '}', '"', "'", '&', '*', '!', '|', '>', '#', '%', '@', ',', '?', 'é', '\u0000', 'no', '<<'];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(fc.constantFrom(...SIGNIFICANT), { maxLength: 4 }).map((parts) => parts.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

/** A real plan after one to six edits with YAML-significant text: insertions, deletions, repetitions. */
export const mangledPlan: fc.Arbitrary<string> = fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
  let text = MANGLED_BASE;
  for (const change of edits) {
    const at = change.at % (text.length + 1);
    if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at);
    else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
    else text = text.slice(0, at) + text.slice(at, at + change.length) + text.slice(at);
  }
  return text;
});
