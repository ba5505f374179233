// `planc mcp`, driven by the MCP SDK's own client over stdio: every tool on good and bad
// input, the resources and prompts, the errors a server must answer rather than crash on,
// the project's hostile corpus through `check`, and a conversation as an agent has it.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutputs } from '../src/api/build.ts';
import { check } from '../src/api/check.ts';
import { explain } from '../src/api/explain.ts';
import { guideMarkdown } from '../src/api/guide.ts';
import { planJsonOf } from '../src/emit/index.ts';
import { planSchema } from '../src/schema/plan-schema.ts';
import { cli } from './helpers/cli.ts';
import { CASES } from './helpers/corpus.ts';
import { connect, rawServer, structured, text, type McpConnection } from './helpers/mcp.ts';
import { ROOT, tempRepos } from './helpers/repo.ts';

const repos = tempRepos();
const BUNDLED = ['jwt-auth-refactor', 'session-store-migration'];

/** Every file of a folder with a hash of its content and its modification time: what "nothing written" compares. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    const info = statSync(path);
    found[relative(dir, path)] = info.isDirectory() ? 'dir' : `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${info.mtimeMs}`;
  }
  return found;
}

interface Report {
  summary: { files: number; plans: number; errors: number; warnings: number; infos: number; suppressed: number };
  diagnostics: Array<{ code: string; file: string; range: { start: { line: number; column: number } }; help?: string; fix?: unknown }>;
}

const DRAFT = [
  'title: Search',
  'rollback: { trigger: Search errors over 1%, steps: [Turn the search flag off] }',
  'phases:',
  '  - id: build',
  '    title: Build',
  '    tasks:',
  '      - { id: index, titel: Build the index, duration: 3 days }',
  '      - { id: api, title: Search endpoint, duration: 2d, dependsOn: [Build the index] }',
  '',
].join('\n');

describe('planc mcp, over stdio with the SDK client', () => {
  let mcp: McpConnection;
  let dir: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = repos().dir;
    mkdirSync(join(dir, 'plans'));
    for (const id of BUNDLED) cpSync(join(ROOT, 'plans', `${id}.plan.yaml`), join(dir, 'plans', `${id}.plan.yaml`));
    // The bundled plans' code: the example tree their `touches` name, as planc's own configuration points to it.
    cpSync(join(ROOT, 'planc.config.yaml'), join(dir, 'planc.config.yaml'));
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    before = snapshot(dir);
    mcp = await connect(dir);
  });
  afterAll(() => mcp?.close());

  it('lists its tools, each with a title, a description, an input and an output schema', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['check', 'schedule', 'schema', 'explain', 'fix', 'new', 'list_plans']);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description!.length, tool.name).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
    const check = tools.find((tool) => tool.name === 'check')!;
    expect(Object.keys(check.inputSchema.properties!)).toEqual(['text', 'path', 'paths']);
    expect(Object.keys(check.outputSchema!.properties!)).toEqual(['version', 'summary', 'diagnostics', 'suppressed']);
  });

  it('lists its resources, its resource template and its prompts', async () => {
    expect((await mcp.client.listResources()).resources.map((r) => r.uri)).toEqual([
      'planc://guide',
      'planc://schema',
      'planc://examples/jwt-auth-refactor',
      'planc://examples/session-store-migration',
      'planc://plans/jwt-auth-refactor',
      'planc://plans/session-store-migration',
    ]);
    expect((await mcp.client.listResourceTemplates()).resourceTemplates.map((r) => r.uriTemplate)).toEqual(['planc://plans/{id}']);
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => [p.name, p.arguments?.map((a) => `${a.name}${a.required ? '' : '?'}`)])).toEqual([
      ['write_plan', ['goal', 'id?', 'kind?']],
      ['review_plan', ['plan']],
    ]);
    expect((await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'planc://plans/{id}' }, argument: { name: 'id', value: 'jwt' } })).completion.values).toEqual(['jwt-auth-refactor']);
  });

  it('check: gives the same diagnostics as `planc check --format json`, for a draft and for the repository', async () => {
    const result = await mcp.call('check', { text: DRAFT, path: 'plans/search.plan.yaml' });
    const report = structured<Report>(result);
    const cliReport = JSON.parse((await cli(['check', '-', '--stdin-filename', 'plans/search.plan.yaml', '--format', 'json'], { cwd: dir, stdin: DRAFT })).stdout);
    expect(report).toEqual(cliReport);
    // The dependency names a title written under a misspelt key: the next pass of `fix` finds it.
    expect(report.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.fix ? 'fix' : '-'}`)).toEqual(['PLAN2001 7:22 fix', 'PLAN2005 7:56 fix', 'PLAN2005 8:70 -']);
    expect(text(result).split('\n').at(-1)).toBe('✖ 3 errors, 0 warnings in 1 plan file');
    expect(text(result)).toContain('plans/search.plan.yaml:7:22 error PLAN2001: Unknown property `titel` in task `index` — Did you mean `title`? [fix: Rename `titel` to `title`]');

    const all = structured<Report>(await mcp.call('check', {}));
    expect(all.summary).toMatchObject({ files: 2, plans: 2, errors: 0 });
    expect(structured<Report>(await mcp.call('check', { paths: ['plans/jwt-auth-refactor.plan.yaml'] })).summary).toMatchObject({ files: 1, plans: 1 });
    // A draft that names another plan's item is linked against the repository's plans.
    const linked = DRAFT.replace('dependsOn: [Build the index]', 'dependsOn: [jwt-auth-refactor#remove-session-auth]');
    expect(structured<Report>(await mcp.call('check', { text: linked })).diagnostics.map((d) => d.code)).toEqual(['PLAN2001', 'PLAN2005']);
  });

  it('check: refuses what it cannot do, with a clear error', async () => {
    const outside = await mcp.call('check', { path: '../../etc/passwd' });
    expect(outside).toMatchObject({ isError: true });
    expect(text(outside)).toBe('`../../etc/passwd` is outside the repository. planc reads the repository it was started in; name paths relative to it.');
    expect(text(await mcp.call('check', { text: DRAFT, paths: ['plans'] }))).toBe('Give `text` (checked as `path`) or `paths`, not both.');
    expect(text(await mcp.call('check', { path: 'plans/nope.plan.yaml' }))).toBe('No such file or folder: `plans/nope.plan.yaml`. Name existing plan files or folders, or globs.');
    const large = await mcp.call('check', { text: `title: x\n# ${'x'.repeat(1024 * 1024)}\n` });
    expect(large).toMatchObject({ isError: true });
    expect(text(large)).toBe('The text is 1048588 bytes, over the limit of 1048576 bytes. Split the plan into several plans, or raise `maxFileSize` in planc.config.yaml.');
    expect(text(await mcp.call('check', { text: 42 }))).toMatch(/^MCP error -32602: Input validation error: Invalid arguments for tool check: .*expected string, received number/);
    expect(text(await mcp.call('no_such_tool', {}))).toBe('MCP error -32602: Tool no_such_tool not found');
    expect(mcp.stderr()).toContain('planc mcp: check: `../../etc/passwd` is outside the repository\n');
  });

  it('schedule: the analysed plan, as plan.json has it, risks by score', async () => {
    const result = await mcp.call('schedule', { plan: 'jwt-auth-refactor' });
    const view = structured<Record<string, unknown> & { tasks: Array<Record<string, unknown>>; risks: Array<{ score: number }> }>(result);
    const checked = await check({ cwd: dir, simulate: true });
    const full = JSON.parse(JSON.stringify(planJsonOf(checked.plans.find((p) => p.id === 'jwt-auth-refactor')!, checked)));
    for (const key of ['duration', 'start', 'finish', 'criticalPath', 'rollbackCoverage', 'monteCarlo', 'pert', 'milestones']) expect(view[key], key).toEqual(full[key]);
    expect(view.tasks[0]).toEqual(Object.fromEntries(Object.entries(full.tasks[0]).filter(([key]) => ['id', 'phase', 'title', 'owner', 'status', 'duration', 'dependsOn', 'es', 'ef', 'ls', 'lf', 'totalFloat', 'freeFloat', 'critical', 'nearCritical', 'start', 'finish', 'sigma', 'criticality'].includes(key))));
    expect(view.risks.map((r) => r.score)).toEqual([...view.risks.map((r) => r.score)].sort((a, b) => b - a));
    expect(text(result)).toMatch(/^jwt-auth-refactor: [\d.]+ working days, 2026-12-07 → \d{4}-\d{2}-\d{2}\.\nCritical path: token-schema → /);
    expect(text(result)).toMatch(/\nMonte Carlo: P50 [\d.]+ working days \(\d{4}-\d{2}-\d{2}\), P80 /);

    const draft = structured<{ id: string; criticalPath: string[] }>(await mcp.call('schedule', { text: DRAFT.replace('titel', 'title').replace('3 days', '3d').replace('[Build the index]', '[index]'), path: 'plans/search.plan.yaml' }));
    expect(draft).toMatchObject({ id: 'search', criticalPath: ['index', 'api'] });
    expect(text(await mcp.call('schedule', { text: DRAFT, path: 'plans/search.plan.yaml' }))).toBe('plans/search.plan.yaml holds no plan yet (3 errors). Call `check` for the findings and `fix` for the certain fixes.');
    const unlinked = DRAFT.replace('titel', 'title').replace('3 days', '3d').replace('[Build the index]', '[indx, nothing]');
    expect(text(await mcp.call('schedule', { text: unlinked, path: 'plans/search.plan.yaml' }))).toBe('plans/search.plan.yaml has 2 errors; a plan is scheduled once it has none (PLAN3002 at 8:70, PLAN3002 at 8:76). Call `check` for the findings and `fix` for the certain fixes.');
    expect(text(await mcp.call('schedule', { plan: 'jwt-auth' }))).toBe('The repository has no plan `jwt-auth`; did you mean `jwt-auth-refactor`? Plans: jwt-auth-refactor, session-store-migration.');
    expect(text(await mcp.call('schedule', {}))).toBe('Say which plan: give `text`, `path` or `plan`. Plans: jwt-auth-refactor, session-store-migration.');
  });

  it('schema: the whole language, or one part with the definitions it refers to', async () => {
    expect(structured<{ schema: unknown }>(await mcp.call('schema', {})).schema).toEqual(planSchema);
    const task = structured<{ definition: string; schema: { title: string; $defs: Record<string, unknown> }; definitions: string[] }>(await mcp.call('schema', { definition: 'task' }));
    expect(task.schema.title).toBe('Task');
    expect(Object.keys(task.schema.$defs).sort()).toEqual(['dependency', 'rollback']);
    expect(task.definitions).toContain('rollout-stage');
    expect(text(await mcp.call('schema', { definition: 'taks' }))).toMatch(/^The schema has no part `taks`; did you mean `task`\? Parts: plan, /);
  });

  it('explain: the catalogue entry, or an error that names the code meant', async () => {
    const entry = await mcp.call('explain', { code: 'PLAN3004' });
    expect(structured(entry)).toEqual(explain('PLAN3004'));
    expect(text(entry)).toMatch(/^PLAN3004 dependency-cycle: Dependency cycle\n/);
    expect(text(await mcp.call('explain', { code: 'PLAN20001' }))).toMatch(/^There is no diagnostic `PLAN20001`; did you mean `PLAN2001`\? Codes are PLAN/);
  });

  it('fix: the text with every certain fix, and what is left', async () => {
    const result = await mcp.call('fix', { text: DRAFT, path: 'plans/search.plan.yaml' });
    const fixed = structured<{ text: string; changed: boolean; applied: Array<{ code: string; description: string }>; summary: Report['summary'] }>(result);
    expect(fixed.text).toBe(DRAFT.replace('titel', 'title').replace('3 days', '3d').replace('[Build the index]', '[index]'));
    expect(fixed).toMatchObject({ changed: true, summary: { errors: 0 } });
    expect(fixed.applied.map((a) => a.description)).toEqual(['Rename `titel` to `title`', 'Write the duration as `3d`', 'Name the item by its id, `index`']);
    expect(text(result)).toContain(`The text, fixed:\n\n${fixed.text}`);
    expect(text(await mcp.call('fix', {}))).toMatch(/^MCP error -32602: Input validation error: Invalid arguments for tool fix: .*text/);
    expect(text(await mcp.call('fix', { text: DRAFT, path: '/etc/plan.plan.yaml' }))).toBe('`/etc/plan.plan.yaml` is outside the repository. planc reads the repository it was started in; name paths relative to it.');
    const left = structured<Report>(await mcp.call('fix', { text: 'title: x\nphases: []\n' }));
    expect(left.diagnostics.map((d) => [d.code, d.help])).toEqual([['PLAN2006', 'Give it at least 1 item (`- …`), or remove the key if it may be left out.']]);
  });

  it('new: a starter plan as text, which checks clean; nothing written', async () => {
    const plan = structured<{ id: string; file: string; template: string; text: string }>(await mcp.call('new', { id: 'search', template: 'migration', title: 'Search', start: '2027-01-04' }));
    expect(plan).toMatchObject({ id: 'search', file: 'plans/search.plan.yaml', template: 'migration' });
    expect(structured<Report>(await mcp.call('check', { text: plan.text, path: plan.file })).summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(text(await mcp.call('new', { id: 'Not A Slug' }))).toBe('`Not A Slug` is not a valid plan id. Ids are slugs: lowercase letters, digits and hyphens, like `checkout-redesign`.');
  });

  it('list_plans: every plan with its figures', async () => {
    const list = structured<{ plans: Array<Record<string, unknown>>; files: unknown[] }>(await mcp.call('list_plans'));
    expect(list.plans.map((p) => [p.id, p.kind, p.status, p.file, p.rollbackCoverage, p.findings])).toEqual([
      ['jwt-auth-refactor', 'implementation', 'approved', 'plans/jwt-auth-refactor.plan.yaml', 100, { errors: 0, warnings: 0, infos: 0 }],
      ['session-store-migration', 'migration', 'proposed', 'plans/session-store-migration.plan.yaml', 100, { errors: 0, warnings: 0, infos: 0 }],
    ]);
    expect(list.plans[0]).toMatchObject({ start: '2026-12-07', duration: expect.any(Number), progress: expect.any(Number) });
    expect(list.files).toEqual([]);
    // It takes nothing: what is given is ignored.
    expect(structured(await mcp.call('list_plans', { plan: 'jwt-auth-refactor' }))).toEqual(list);
  });

  it('resources: the guide, the schema, the examples and each plan\'s document as `planc build` writes it', async () => {
    const read = async (uri: string) => (await mcp.client.readResource({ uri })).contents[0] as { mimeType: string; text: string };
    expect(await read('planc://guide')).toMatchObject({ mimeType: 'text/markdown', text: guideMarkdown() });
    expect(JSON.parse((await read('planc://schema')).text)).toEqual(planSchema);
    expect((await read('planc://examples/jwt-auth-refactor')).text).toBe(readFileSync(join(ROOT, 'plans', 'jwt-auth-refactor.plan.yaml'), 'utf8'));
    const built = repos();
    await buildOutputs({ cwd: dir, out: join(built.dir, 'out') });
    for (const id of BUNDLED) expect((await read(`planc://plans/${id}`)).text, id).toBe(readFileSync(join(built.dir, 'out', id, 'index.md'), 'utf8'));
    await expect(mcp.client.readResource({ uri: 'planc://plans/nope' })).rejects.toThrow('MCP error -32002: The repository has no plan `nope` (plans: jwt-auth-refactor, session-store-migration)');
  });

  it('prompts: write a plan, review a plan; both point at the guide and the tools', async () => {
    const write = await mcp.client.getPrompt({ name: 'write_plan', arguments: { goal: 'Add search to the catalogue', id: 'search' } });
    expect(write.messages).toHaveLength(2);
    expect((write.messages[0]!.content as { text: string }).text).toMatch(/^Write a planc plan for: Add search to the catalogue\n/);
    expect((write.messages[0]!.content as { text: string }).text).toContain('plans/search.plan.yaml');
    expect(write.messages[1]!.content).toMatchObject({ type: 'resource', resource: { uri: 'planc://guide', text: guideMarkdown() } });
    const review = await mcp.client.getPrompt({ name: 'review_plan', arguments: { plan: 'jwt-auth-refactor' } });
    expect((review.messages[0]!.content as { text: string }).text).toContain('Call `check` with the path of plan `jwt-auth-refactor`');
    await expect(mcp.client.getPrompt({ name: 'write_plan', arguments: {} })).rejects.toThrow(/goal/);
  });

  it('holds a conversation: new → check → fix → check → schedule, and writes nothing to the repository', async () => {
    const started = structured<{ text: string; file: string }>(await mcp.call('new', { id: 'checkout', title: 'Checkout redesign', start: '2027-02-01' }));
    // The agent edits the starter the way models do: a misspelt key, a size in small letters, a lag in words.
    const edited = started.text.replace('title: Write and review the design doc', 'titel: Write and review the design doc').replace('        effort: XS\n', '        effort: xs\n').replace('lag: 0.5d', 'lag: 0.5 days');
    expect(edited).not.toBe(started.text);
    const first = structured<Report>(await mcp.call('check', { text: edited, path: started.file }));
    expect(first.summary.errors).toBeGreaterThan(0);
    expect(first.diagnostics.every((d) => d.fix !== undefined)).toBe(true);
    const fixed = structured<{ text: string }>(await mcp.call('fix', { text: edited, path: started.file }));
    expect(fixed.text).toBe(started.text);
    expect(structured<Report>(await mcp.call('check', { text: fixed.text, path: started.file })).summary.errors).toBe(0);
    const schedule = structured<{ id: string; start: string; criticalPath: string[] }>(await mcp.call('schedule', { text: fixed.text, path: started.file }));
    expect(schedule).toMatchObject({ id: 'checkout', start: '2027-02-01' });
    expect(schedule.criticalPath.length).toBeGreaterThan(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('logs on standard error only', () => {
    expect(mcp.stderr()).toMatch(/^planc mcp 0\.1\.0: serving the plans of .* over stdio\n/);
  });
});

describe('planc mcp as a process', () => {
  it('answers a line that is not JSON, or not JSON-RPC, with an error, reads on, and exits when standard input closes', async () => {
    const { dir } = repos({ 'plans/a.plan.yaml': 'title: A\nrollback: { trigger: e, steps: [r] }\nphases:\n  - { id: p, title: P, tasks: [{ id: t, title: T, duration: 1d }] }\n' });
    const server = rawServer(dir);
    server.send('this is not JSON');
    server.send('{"foo": 1}');
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }));
    server.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'no/such/method' }));
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'check', arguments: { paths: 'plans' } } }));
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'check', arguments: {} } }));
    // Standard input closes at once: the server answers what it was asked before it goes.
    server.end();
    const { status, stdout, stderr } = await server.exited;
    expect(status).toBe(0);
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id?: number; error?: { code: number; message: string }; result?: { isError?: boolean; structuredContent?: Report } });
    expect(replies.filter((r) => r.id === undefined).map((r) => r.error)).toEqual([
      { code: -32700, message: 'Parse error: the message is not JSON' },
      { code: -32600, message: 'Invalid request: the message is not a JSON-RPC message' },
    ]);
    expect(replies.find((r) => r.id === 2)?.error?.code).toBe(-32601);
    expect(replies.find((r) => r.id === 3)?.result?.isError).toBe(true);
    expect(replies.find((r) => r.id === 4)?.result?.structuredContent?.summary).toMatchObject({ files: 1, errors: 0 });
    expect(stderr).toContain('planc mcp: Parse error: the message is not JSON\n');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('is refused in-process, where there is no standard input to serve on', async () => {
    expect(await cli(['mcp'], { cwd: repos().dir })).toMatchObject({ status: 2, stderr: expect.stringContaining('`planc mcp` speaks MCP over standard input and output') });
  });
});

describe('the hostile corpus through `check` over MCP', () => {
  it('reports what `planc check` reports for each case, never hangs, never crashes', async () => {
    const { dir } = repos();
    // Bytes that are not text cannot travel as a JSON string: those cases are files, checked by path.
    const bytes = Object.entries(CASES).filter(([, [content]]) => typeof content !== 'string');
    mkdirSync(join(dir, 'corpus'));
    bytes.forEach(([, [content]], index) => writeFileSync(join(dir, 'corpus', `case-${index}.plan.yaml`), content as Uint8Array));
    const mcp = await connect(dir);
    try {
      const where = (report: Report) => report.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`);
      for (const [name, [content, expected]] of Object.entries(CASES)) {
        if (typeof content !== 'string') continue;
        const result = await mcp.call('check', { text: content, path: 'corpus/case.plan.yaml' });
        if (Buffer.byteLength(content) > 1024 * 1024) {
          expect(text(result), name).toMatch(/^The text is \d+ bytes, over the limit of 1048576 bytes\./);
          continue;
        }
        expect(where(structured<Report>(result)), name).toEqual(expected);
      }
      for (const [index, [name, [, expected]]] of bytes.entries()) {
        expect(where(structured<Report>(await mcp.call('check', { path: `corpus/case-${index}.plan.yaml` }))), name).toEqual(expected);
      }
      // Still serving after all of it.
      expect(structured<Report>(await mcp.call('check', { text: 'title: x\n' })).summary.errors).toBe(1);
    } finally {
      await mcp.close();
    }
  }, 120_000);
});
