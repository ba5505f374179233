// `planc check --format …` for CI: every format against its golden file, on plans whose
// text tries to break each one (line breaks, `::`, `%`, commas, colons, `<`, `&`), and each
// read back by a real consumer: the SARIF 2.1.0 schema and Microsoft's SARIF validator with
// GitHub's ingestion rules, xmllint against Jenkins' JUnit schema, a markdown parser, and
// the workflow-command grammar of the Actions runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options, ValidateFunction } from 'ajv';
import Ajv4Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { fixFiles } from '../../src/api/fix.ts';
import { VERSION } from '../../src/version.ts';
import { cli } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';
import { ROOT, tempRepos } from '../helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'ci');
const PLANS = Object.fromEntries(readdirSync(join(FIXTURES, 'plans')).map((name) => [`plans/${name}`, readFileSync(join(FIXTURES, 'plans', name), 'utf8')]));
const SARIF_TOOL = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
const HOSTILE_KEY = 'own,er:%25\n::warning file=x::<script>&';
const HOSTILE_REFERENCE = 'no,such::task%0A<&>';

/** A plan every kind of fix mends: lines deleted (a fence), an insertion (an id), a replacement (a key) after characters of two UTF-16 units. */
const FIXABLE = '```yaml\ntitle: "Fix 🚀 me"\nphases:\n  - title: Build 🚀\n    tasks:\n      - { id: code, title: "Code 🚀", duraton: 1d }\n```\n';

const temporary = tempRepos();
const repo = (files: Record<string, string> = {}) => temporary({ ...PLANS, ...files });

interface SarifReplacement {
  deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  insertedContent?: { text: string };
}

/** Replacements applied as SARIF says (§3.57): each region of the unmodified text (lines and UTF-16 columns from 1), in order. */
function applyReplacements(text: string, replacements: readonly SarifReplacement[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = (line: number, column: number) => lineStarts[line - 1]! + column - 1;
  const spans = replacements.map(({ deletedRegion: r, insertedContent }) => ({ start: offset(r.startLine, r.startColumn), end: offset(r.endLine, r.endColumn), text: insertedContent?.text ?? '' }));
  // Applied from the last, each region stays where it was in the unmodified text.
  return spans.sort((a, b) => b.start - a.start).reduce((current, span) => current.slice(0, span.start) + span.text + current.slice(span.end), text);
}

/** One stable shape for the goldens: the version in addresses is the one place that changes. */
const versionless = (text: string) => text.replaceAll(`v${VERSION}`, 'vVERSION').replaceAll(`"version": "${VERSION}"`, '"version": "VERSION"').replaceAll(`"semanticVersion": "${VERSION}"`, '"semanticVersion": "VERSION"');

describe('planc check --format', () => {
  const { dir } = repo();

  for (const [format, extension] of [['stylish', 'txt'], ['json', 'json'], ['github', 'txt'], ['sarif', 'sarif'], ['junit', 'xml'], ['markdown', 'md']] as const) {
    it(`${format}: as recorded`, async () => {
      const result = await cli(['check', '--format', format], { cwd: dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('');
      expectGolden(join(FIXTURES, 'golden', `check.${format}.${extension}`), versionless(result.stdout));
    });
  }

  it('github: one command a line, each finding one line, escaped as the runner unescapes', async () => {
    const { stdout } = await cli(['check', '--format', 'github'], { cwd: dir });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => /^::(error|warning|notice) /.exec(line)?.[1])).toEqual(['error', 'error', 'error', 'warning']);
    // The runner's grammar: `::name key=value,key=value::message`, properties split on `,`
    // and `=`, values and message unescaped (actions/toolkit, command.ts).
    const parsed = lines.map((line) => {
      const [, name, properties, message] = /^::(\w+) ([^:]*)::(.*)$/.exec(line)!;
      const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      return { name, properties: Object.fromEntries(properties!.split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, unescape(value!)])), message: unescape(message!) };
    });
    expect(parsed[0]!.properties).toEqual({ file: 'plans/hostile.plan.yaml', line: '12', col: '9', endLine: '12', endColumn: '50', title: 'PLAN2001' });
    expect(parsed[0]!.message.split('\n')[0]).toBe(`Unknown property \`${HOSTILE_KEY.split('\n')[0]}`);
    expect(parsed[0]!.message).toContain(`${HOSTILE_KEY}\` in task \`code\``);
    expect(parsed[1]!.message.split('\n')[0]).toBe(`\`${HOSTILE_REFERENCE}\` is not an id (\`item-id\`) or a cross-plan reference (\`other-plan#item-id\`)`);
    expect(parsed[3]!.message.split('\n').at(-1)).toBe(`https://github.com/planc-dev/planc/blob/v${VERSION}/docs/diagnostics.md#plan7001`);
  });

  it('github: appends the markdown summary to $GITHUB_STEP_SUMMARY, after what is there', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = await cli(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.status).toBe(1);
    const markdown = await cli(['check', '--format', 'markdown'], { cwd: dir });
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n${markdown.stdout}`);
  });

  it('sarif: valid SARIF 2.1.0, and clean in Microsoft\'s validator with GitHub\'s rules (with fixes of every kind too)', async () => {
    const { stdout } = await cli(['check', '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(stdout);
    const fixable = temporary({ 'plans/fixable.plan.yaml': FIXABLE });
    const fixes = (await cli(['check', '--format', 'sarif'], { cwd: fixable.dir })).stdout;
    // The schema's language-tag pattern is not valid in unicode mode.
    // Both packages are CommonJS: their classes are `default` of what Node imports.
    const Ajv4 = ((Ajv4Module as unknown as { default?: unknown }).default ?? Ajv4Module) as new (options: Options) => { compile(schema: object): ValidateFunction };
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: object) => void;
    const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(JSON.parse(fixes)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const { rules } = log.runs[0].tool.driver;
    for (const result of log.runs[0].results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(rules.map((rule: { id: string }) => rule.id)).toContain('PLAN7001');
    expect(log.runs[0].results.find((r: { suppressions?: unknown }) => r.suppressions)).toMatchObject({
      ruleId: 'PLAN4002',
      suppressions: [{ kind: 'inSource', status: 'accepted', justification: '"ana" pairs with a contractor' }],
    });
    const file = join(dir, 'planc.sarif');
    writeFileSync(file, stdout);
    const fixesFile = join(dir, 'fixes.sarif');
    writeFileSync(fixesFile, fixes);
    const validation = join(dir, 'validation.sarif');
    // The validator looks up the log's schema and GitHub's address on the network; where no
    // name server answers (this sandbox, many CI runners) it waits some 10 s for nothing. In a
    // network namespace of its own (when one can be made) it finds no network at once, and
    // its rules (all read the file) report the same.
    const validator = [SARIF_TOOL, 'validate', '--rule-kind', 'Sarif;Gh', '--output', validation, file, fixesFile];
    const [command, ...args] = spawnSync('unshare', ['-n', 'true']).status === 0 ? ['unshare', '-n', ...validator] : validator;
    const run = spawnSync(command!, args, { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const findings = JSON.parse(readFileSync(validation, 'utf8')).runs[0].results.map((r: { ruleId: string; message: { text?: string; id?: string } }) => `${r.ruleId}: ${r.message.text ?? r.message.id}`);
    expect(findings).toEqual([]);
  }, 60_000);

  it('sarif: each fix as replacements that, applied as SARIF says, give what `planc fix` writes', async () => {
    const fixable = temporary({ 'plans/fixable.plan.yaml': FIXABLE });
    const log = JSON.parse((await cli(['check', '--format', 'sarif'], { cwd: fixable.dir })).stdout);
    const results: Array<{ ruleId: string; fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: SarifReplacement[] }> }> }> = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.fixes?.[0]?.description.text])).toEqual([
      ['PLAN1015', 'Remove the markdown code fence.'],
      ['PLAN2002', 'Add `id: build`.'],
      ['PLAN2001', 'Rename `duraton` to `duration`.'],
    ]);
    const replacements = results.flatMap((r) => r.fixes!.flatMap((fix) => fix.artifactChanges.flatMap((change) => {
      expect(change.artifactLocation.uri).toBe('plans/fixable.plan.yaml');
      return change.replacements;
    })));
    // The fence's lines deleted (no inserted content), the id inserted (an empty region), the key replaced after the emoji (two UTF-16 units).
    expect(replacements).toEqual([
      { deletedRegion: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 1 } },
      { deletedRegion: { startLine: 7, startColumn: 1, endLine: 8, endColumn: 1 } },
      { deletedRegion: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 5 }, insertedContent: { text: 'id: build\n    ' } },
      { deletedRegion: { startLine: 6, startColumn: 39, endLine: 6, endColumn: 46 }, insertedContent: { text: 'duration' } },
    ]);
    const { fixed } = await fixFiles({ cwd: fixable.dir });
    expect(applyReplacements(FIXABLE, replacements)).toBe(fixed[0]!.after);
    expect(fixed[0]!.after).toBe('title: "Fix 🚀 me"\nphases:\n  - id: build\n    title: Build 🚀\n    tasks:\n      - { id: code, title: "Code 🚀", duration: 1d }\n');
  });

  it('sarif: fingerprints stay when unrelated lines move, and differ between findings', async () => {
    const fingerprints = async (cwd: string) => {
      const log = JSON.parse((await cli(['check', '--format', 'sarif'], { cwd })).stdout);
      return log.runs[0].results.map((r: { ruleId: string; partialFingerprints: Record<string, string> }) => `${r.ruleId} ${r.partialFingerprints['plancFinding/v1']}`);
    };
    const before = await fingerprints(dir);
    expect(new Set(before).size).toBe(before.length);
    // Lines added above, and a task added before the ones the findings are about.
    const moved = repo({
      'plans/hostile.plan.yaml': PLANS['plans/hostile.plan.yaml']!.replace('title: "Hostile', '# A comment\n# Another\ntitle: "Hostile').replace('    tasks:\n', '    tasks:\n      - { id: first, title: First, duration: 1d }\n'),
    });
    expect(await fingerprints(moved.dir)).toEqual(before);
  });

  it('junit: valid against the JUnit schema, each plan file a test case, and the text read back as written', async () => {
    const { stdout } = await cli(['check', '--format', 'junit', '--fail-severity', 'warning'], { cwd: dir });
    const file = join(dir, 'planc.xml');
    writeFileSync(file, stdout);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(FIXTURES, 'junit-4.xsd'), file], { encoding: 'utf8' });
    expect(lint.stderr).toBe(`${file} validates\n`);
    expect(lint.status).toBe(0);
    const xpath = (expression: string) => spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).stdout.replace(/\n$/, '');
    expect(xpath('string(/testsuites/testsuite/@tests)')).toBe('2');
    expect(xpath('string(/testsuites/testsuite/@failures)')).toBe('2');
    expect(xpath('count(//testcase[@name="plans/hostile.plan.yaml"]/failure)')).toBe('3');
    // Under --fail-severity warning, the warning is a failure too.
    expect(xpath('count(//testcase[@name="plans/suppressed.plan.yaml"]/failure)')).toBe('1');
    expect(xpath('string(//failure[@type="PLAN2001"]/@message)')).toBe(`plans/hostile.plan.yaml:12:9 PLAN2001: Unknown property \`${HOSTILE_KEY}\` in task \`code\``);
    // With the default (errors), the warning is in the test case's output instead.
    const { stdout: lenient } = await cli(['check', '--format', 'junit'], { cwd: dir });
    writeFileSync(file, lenient);
    expect(xpath('count(//testcase[@name="plans/suppressed.plan.yaml"]/failure)')).toBe('0');
    expect(xpath('string(//testcase[@name="plans/suppressed.plan.yaml"]/system-out)')).toContain('warning PLAN7001');
  });

  it('markdown: the plan text stays text (no HTML, no broken table), and every finding links to its explanation', async () => {
    const { stdout } = await cli(['check', '--format', 'markdown'], { cwd: dir });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(stdout) as Root;
    const kinds = new Set<string>();
    const codes: string[] = [];
    const links: string[] = [];
    visit(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'inlineCode') codes.push(node.value);
      if (node.type === 'link') links.push(node.url);
    });
    expect(kinds.has('html')).toBe(false);
    expect(codes).toContain(HOSTILE_KEY.replace('\n', ' '));
    expect(codes).toContain(HOSTILE_REFERENCE);
    expect(links).toEqual(['PLAN2001', 'PLAN2005', 'PLAN2001', 'PLAN7001'].map((code) => `https://github.com/planc-dev/planc/blob/v${VERSION}/docs/diagnostics.md#${code.toLowerCase()}`));
  });

  it('markdown: mentions no one, whether the `@name` is in a file name or plan text a message quotes (and so the job summary)', async () => {
    // A backquote in a key lets plan text out of the message's code span, where GitHub would read a mention.
    const mentioning = repo({
      'plans/@org/team.plan.yaml': 'title: "@someone and @org/team please review"\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Code, duration: 1d, "x` @someone and @org/team `y": 1 }\n',
    });
    const summary = join(mentioning.dir, 'summary.md');
    const markdown = await cli(['check', '--format', 'markdown', 'plans/@org'], { cwd: mentioning.dir });
    expect(markdown.status).toBe(1);
    await cli(['check', '--format', 'github', 'plans/@org'], { cwd: mentioning.dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe(markdown.stdout);
    const texts: string[] = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(markdown.stdout) as Root, 'text', (node) => void texts.push(node.value));
    expect(texts).toContain('plans/@\u2060org/team.plan.yaml');
    expect(texts.join('')).toContain(' @\u2060someone and @\u2060org/team ');
    expect(texts.join('')).not.toMatch(/@[\p{L}\p{N}_-]/u);
  });

  it('links each finding to the published site when site.url is set', async () => {
    const published = repo({ 'planc.config.yaml': 'site: { url: "https://acme.github.io", base: /shop/ }\n' });
    const { stdout } = await cli(['check', '--format', 'json'], { cwd: published.dir });
    expect(JSON.parse(stdout).diagnostics.map((d: { url: string }) => d.url)).toEqual(['PLAN2001', 'PLAN2005', 'PLAN2001', 'PLAN7001'].map((code) => `https://acme.github.io/shop/diagnostics/${code}/`));
  });

  it('writes reports to files, whole, while the terminal gets stylish; one format at most on stdout', async () => {
    const result = await cli(['check', '--format', 'sarif=reports/planc.sarif', '--format', 'junit=reports/planc.xml'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^plans\/hostile\.plan\.yaml:12:9 - error PLAN2001/);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'planc.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'reports', 'planc.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const eslintStyle = await cli(['check', '--format', 'json', '-o', 'out.json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary).toEqual({ files: 2, plans: 1, errors: 3, warnings: 1, infos: 0, suppressed: 2 });
    expect(eslintStyle.stdout).toMatch(/^plans\/hostile/);
    const two = await cli(['check', '--format', 'json', '--format', 'sarif'], { cwd: dir });
    expect(two.status).toBe(2);
    expect(two.stderr.split('\n')[0]).toBe('planc: only one format can go to standard output, not `json` and `sarif`');
    const unknown = await cli(['check', '--format', 'sarf'], { cwd: dir });
    expect(unknown.stderr.split('\n')[0]).toBe('planc: unknown format `sarf`; did you mean `sarif`?');
    expect(existsSync(join(dir, 'sarf'))).toBe(false);
  });
});
