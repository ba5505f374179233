// The plan schema as editors see it, through the real yaml-language-server over stdio (what
// VS Code's YAML extension, JetBrains and Neovim run): completion at the top level, in a
// phase, in a task and for the enumerations; hover text; and diagnostics that agree with
// `planc check` on the same texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/api/session.ts';
import { defaultConfig } from '../../src/config/config.ts';
import { startYamlServer, type YamlServer } from '../helpers/lsp.ts';
import { ROOT } from '../helpers/repo.ts';
import { smallPlan } from '../helpers/small-plan.ts';

const SCHEMA = pathToFileURL(join(ROOT, 'schema', 'plan.schema.json')).href;

/** A plan with a cursor: `‸` marks where completion or hover is asked, and is taken out. */
function cursor(text: string): { text: string; line: number; character: number } {
  const at = text.indexOf('‸');
  const before = text.slice(0, at).split('\n');
  return { text: text.replace('‸', ''), line: before.length - 1, character: before.at(-1)!.length };
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const inserted = (item: CompletionItem) => item.insertText ?? (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '');

describe('yaml-language-server with the plan schema', () => {
  let server: YamlServer;
  let opened = 0;
  /** Every completion asked for in this file, to look for what no completion may offer. */
  const offered: CompletionItem[] = [];

  beforeAll(async () => {
    server = await startYamlServer(SCHEMA);
  }, 60_000);
  afterAll(() => server?.close());

  async function complete(source: string): Promise<CompletionItem[]> {
    const { text, line, character } = cursor(source);
    const { uri } = await server.open(`complete-${++opened}.plan.yaml`, text);
    const items = await server.complete(uri, line, character);
    offered.push(...items);
    return items;
  }

  async function hover(source: string): Promise<string> {
    const { text, line, character } = cursor(source);
    const { uri } = await server.open(`hover-${++opened}.plan.yaml`, text);
    return server.hover(uri, line, character);
  }

  describe('completion', () => {
    it('at the top level: the plan\'s properties not yet written, the id with a plan id for example', async () => {
      const items = await complete('title: Auth\n‸\nphases:\n  - id: core\n    title: Core\n    tasks: [{ id: a, title: A }]\n');
      expect(labels(items)).toEqual(expect.arrayContaining(['id', 'kind', 'status', 'owner', 'start', 'calendar', 'summary', 'goals', 'decisions', 'milestones', 'risks', 'rollback', 'rollout', 'migration']));
      expect(labels(items)).not.toContain('phases');
      expect(inserted(items.find((item) => item.label === 'id')!)).toBe('id: ${1:jwt-auth-refactor}');
    });

    it('in a phase: a phase\'s properties, and a new phase with a phase id for example, not a task\'s', async () => {
      const inPhase = await complete('title: Auth\nphases:\n  - id: core\n    title: Core\n    ‸\n    tasks: [{ id: a, title: A }]\n');
      expect(labels(inPhase)).toEqual(expect.arrayContaining(['summary', 'owner', 'dependsOn', 'deliverables', 'risks', 'verification', 'rollback']));
      expect(labels(inPhase)).not.toEqual(expect.arrayContaining(['id']));
      const newPhase = await complete('title: Auth\nphases:\n  - ‸\n');
      expect(inserted(newPhase.find((item) => item.label === 'phase')!)).toBe('id: $1\n  title: $2\n  tasks:\n    - id: $3\n      title: $4\n      effort: M');
      expect(inserted(newPhase.find((item) => item.label === 'id')!)).toBe('id: ${1:core}');
      expect(newPhase.map(inserted).join('\n')).not.toContain('token-generation');
    });

    it('in a task: a task\'s properties', async () => {
      const items = await complete('title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        ‸\n');
      expect(labels(items)).toEqual(expect.arrayContaining(['description', 'owner', 'effort', 'duration', 'estimate', 'dependsOn', 'status', 'reversible', 'recovery', 'rollback', 'touches', 'acceptance']));
      expect(labels(items)).not.toContain('title');
    });

    it.each([
      ['kind', 'title: Auth\nkind: ‸\nphases: []\n', ['implementation', 'migration', 'refactoring', 'debt-reduction']],
      ['a task\'s status', 'title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        status: ‸\n', ['todo', 'in-progress', 'done', 'blocked', 'cancelled']],
      ['effort', 'title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        effort: ‸\n', ['XS', 'S', 'M', 'L', 'XL']],
      ['a dependency\'s type', 'title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        dependsOn:\n          - id: b\n            type: ‸\n', ['FS', 'SS', 'FF', 'SF']],
    ])('of %s: its values', async (_, source, values) => {
      expect(labels(await complete(source))).toEqual(values);
    });

    it('of a dependency: references and the form with a type and a lag, never `[object Object]`', async () => {
      const items = await complete('title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        dependsOn:\n          - ‸\n');
      expect(labels(items)).toEqual(expect.arrayContaining(['jwt-library', 'auth-service-plan#token-schema', 'dependency with a type and a lag']));
      expect(inserted(items.find((item) => item.label === 'dependency with a type and a lag')!)).toMatch(/id: \$1\n\s+type: SS\n\s+lag: 1d$/);
      for (const item of offered) expect(`${item.label} ${inserted(item)}`).not.toContain('[object Object]');
      expect(offered.length).toBeGreaterThan(60);
    });
  });

  describe('hover', () => {
    it('lists an enumeration\'s values once, and shows code as code', async () => {
      const kind = await hover('title: Auth\nki‸nd: migration\nphases: []\n');
      expect(kind).toMatch(/^#### Kind\n\nWhat sort of plan this is\. Defaults to `implementation`\.\n\nAllowed Values:\n\n/);
      // Once, in the list the server makes (the description names only the default).
      const [description, list] = kind.split('Allowed Values:');
      for (const value of ['migration', 'refactoring', 'debt-reduction']) expect(description).not.toContain(value);
      for (const value of ['implementation', 'migration', 'refactoring', 'debt-reduction']) expect(list!.split(`\`${value}\``)).toHaveLength(2);
      expect(kind).toContain('* `refactoring`: restructuring code without changing behaviour');
      const dependsOn = await hover('title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        depe‸ndsOn: [b]\n');
      expect(dependsOn).toContain('The items this one waits for. A phase id stands for every task of that phase; `other-plan#id` reaches into another plan checked together with this one.');
      const duration = await hover('title: Auth\nphases:\n  - id: core\n    title: Core\n    tasks:\n      - id: a\n        title: A\n        dura‸tion: 3d\n');
      expect(duration).toContain('A number of working days, or a string with a unit: `4h` (hours, 8 per day), `3d` (days), `2w` (weeks of 5 days).');
    });
  });

  describe('diagnostics, beside planc check', () => {
    /** A range as both sides can show it: `line:column-line:column`, 1-based. */
    const lsp = (d: LspDiagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;

    async function both(text: string): Promise<{ server: LspDiagnostic[]; planc: Array<{ code: string; range: string; message: string }> }> {
      const { diagnostics } = await server.open(`check-${++opened}.plan.yaml`, text);
      const result = compileFiles([{ path: 'plans/a.plan.yaml', bytes: new TextEncoder().encode(text) }], defaultConfig('/repo'), { cwd: '/repo' });
      // What a schema can say: YAML and the plan language (PLAN1…, PLAN2…), not references or the schedule.
      const planc = result.diagnostics
        .filter((d) => /^PLAN[12]/.test(d.code))
        .map((d) => ({ code: d.code, range: `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`, message: d.message }));
      return { server: diagnostics, planc };
    }

    const base = smallPlan('a');
    it.each([
      ['a wrong value of an enumeration', base.replace('duration: 2d', 'effort: XXL'), 'PLAN2004', 'Value is not accepted. Valid values: "XS", "S", "M", "L", "XL".'],
      ['a duration that is not one', base.replace('duration: 2d', 'duration: 2 days'), 'PLAN2005', 'Expected a duration such as 3, 0.5d, 4h or 2w.'],
      ['an id that is not a slug', base.replace('id: first', 'id: First_Task'), 'PLAN2005', 'Expected a slug: lowercase letters, digits and hyphens, starting with a letter or digit.'],
      ['a lag that is not one', base.replace('dependsOn: [first]', 'dependsOn: [{ id: first, lag: soon }]'), 'PLAN2005', 'Expected a lag such as 1, -0.5, 1d, -4h or 1w.'],
      ['a dependency type that is not one', base.replace('dependsOn: [first]', 'dependsOn: [{ id: first, type: XX }]'), 'PLAN2004', 'Value is not accepted. Valid values: "FS", "SS", "FF", "SF".'],
      ['a list where text goes', base.replace('title: Work', 'title: [Work]'), 'PLAN2003', 'Incorrect type. Expected "string".'],
      ['an empty list of tasks', base.replace(/ {4}tasks:\n(?: {6}.*\n)+/, '    tasks: []\n'), 'PLAN2006', 'Array has too few items. Expected 1 or more.'],
      ['a duration beside an effort', base.replace('duration: 2d', 'duration: 2d, effort: M'), 'PLAN2008', 'Property duration is not allowed.'],
      ['a date that is not one', base.replace('title: Plan a', 'title: Plan a\nstart: 2026-13-45'), 'PLAN2005', 'String is not a RFC3339 date.'],
    ])('%s: one finding, on the same range', async (_, text, code, message) => {
      const found = await both(text);
      expect(found.planc.map((d) => d.code)).toEqual([code]);
      expect(found.server.map((d) => `${lsp(d)} ${d.message}`)).toEqual([`${found.planc[0]!.range} ${message}`]);
    });

    it('a misspelt required key: the same range; planc says it once (did you mean), the server also says the key is missing', async () => {
      const found = await both(base.replace('title: First,', 'titel: First,'));
      expect(found.planc).toEqual([{ code: 'PLAN2001', range: '8:22-8:27', message: 'Unknown property `titel` in task `first`' }]);
      expect(found.server.map((d) => `${lsp(d)} ${d.message}`)).toEqual(['8:9-8:10 Missing property "title".', '8:22-8:27 Property titel is not allowed.']);
    });

    it('a missing key: the same line; planc points at the item\'s id, the server at the start of its mapping', async () => {
      const found = await both(base.replace('title: First, ', ''));
      expect(found.planc).toEqual([{ code: 'PLAN2002', range: '8:15-8:20', message: 'Task `first` is missing the required property `title`' }]);
      expect(found.server.map((d) => `${lsp(d)} ${d.message}`)).toEqual(['8:9-8:10 Missing property "title".']);
    });

    it.each(['jwt-auth-refactor', 'session-store-migration'])('the bundled plan %s: nothing, on either side (through its own schema line)', async (id) => {
      const file = join(ROOT, 'plans', `${id}.plan.yaml`);
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
      const { diagnostics } = await server.open(pathToFileURL(file).href, text);
      expect(diagnostics).toEqual([]);
      const result = compileFiles([{ path: `plans/${id}.plan.yaml`, bytes: new TextEncoder().encode(text) }], defaultConfig('/repo'), { cwd: '/repo' });
      expect(result.diagnostics.filter((d) => /^PLAN[12]/.test(d.code))).toEqual([]);
    });
  });
});
