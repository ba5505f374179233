// `planc report`: status reports on a status date, golden files of a plan under way (on
// standard output, and written one file per plan with --out), the bundled plans, hostile
// text kept as text, and what a report cannot be made of (no status date, a bad --since,
// a plan with errors).
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { statusReports } from '../src/api/status-report.ts';
import { cli } from './helpers/cli.ts';
import { expectGolden } from './helpers/golden.ts';
import { ROOT, tempRepos } from './helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const GOLDEN = join(FIXTURES, 'status-report');
const CHECKOUT = readFileSync(join(FIXTURES, 'status', 'checkout.plan.yaml'), 'utf8');
const repo = tempRepos();

describe('planc report', () => {
  const checkout = repo({ 'plans/checkout.plan.yaml': CHECKOUT });

  it('prints the portfolio and each plan on the status date: done, in progress, late, starting soon, milestones, risks, questions, rollback', async () => {
    const run = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07'], { cwd: checkout.dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('planc: 1 error, 3 warnings in the plans; `planc check` shows them\n');
    expectGolden(join(GOLDEN, 'checkout.md'), run.stdout);
    // The same plans and dates give the same report.
    expect((await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07'], { cwd: checkout.dir })).stdout).toBe(run.stdout);
  });

  it('writes index.md and one file per plan with --out, and only what changed the next time', async () => {
    const run = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07', '--out', 'status'], { cwd: checkout.dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Wrote the status reports of 1 plan on 2026-12-16 into status/: 2 files written, 0 unchanged, 0 removed.\n');
    expect(readdirSync(join(checkout.dir, 'status')).sort()).toEqual(['.planc-manifest.json', 'checkout.md', 'index.md']);
    expectGolden(join(GOLDEN, 'written', 'index.md'), readFileSync(join(checkout.dir, 'status', 'index.md'), 'utf8'));
    expectGolden(join(GOLDEN, 'written', 'checkout.md'), readFileSync(join(checkout.dir, 'status', 'checkout.md'), 'utf8'));
    const again = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07', '--out', 'status'], { cwd: checkout.dir });
    expect(again.stdout).toBe('Wrote the status reports of 1 plan on 2026-12-16 into status/: 0 files written, 2 unchanged, 0 removed.\n');
  });

  it('reads the status date from the configuration, `today` from the clock, and looks two weeks back by default', async () => {
    const configured = repo({ 'plans/checkout.plan.yaml': CHECKOUT, 'planc.config.yaml': 'statusDate: 2026-12-16\n' });
    const run = await cli(['report'], { cwd: configured.dir });
    expect(run.stdout).toContain('# Status report, 2026-12-16\n\n1 plan, changes since 2026-12-02.');
    const today = await cli(['report', '--status-date', 'today'], { cwd: checkout.dir, today: new Date(2026, 11, 18, 9) });
    expect(today.stdout).toContain('# Status report, 2026-12-18\n');
  });

  it('reports the bundled plans', async () => {
    const bundled = repo();
    cpSync(join(ROOT, 'plans'), join(bundled.dir, 'plans'), { recursive: true });
    const run = await cli(['report', '--status-date', '2026-12-21'], { cwd: bundled.dir });
    expect(run.status, run.stderr).toBe(0);
    expectGolden(join(GOLDEN, 'bundled.md'), run.stdout);
  });

  it('keeps hostile plan text as text', async () => {
    const hostile = repo({ 'plans/hostile.plan.yaml': readFileSync(join(FIXTURES, 'documents', 'hostile', 'hostile.plan.yaml'), 'utf8') });
    const run = await cli(['report', '--status-date', '2026-12-09'], { cwd: hostile.dir });
    expect(run.status, run.stderr).toBe(0);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(run.stdout) as Root;
    const html: string[] = [];
    visit(tree, 'html', (node) => {
      html.push(node.value);
    });
    expect(html).toEqual([]);
    // Every table row has as many cells as its header: no pipe got through.
    visit(tree, 'table', (table) => {
      const width = table.children[0]!.children.length;
      for (const row of table.children) expect(row.children.length).toBe(width);
    });
    expectGolden(join(GOLDEN, 'hostile.md'), run.stdout);
  });

  it('mentions no one: every `@name` from the plans is defused, on standard output and in the files written', async () => {
    const mentioning = CHECKOUT.replace('title: Checkout redesign', 'title: "@someone and @org/team please review"')
      .replace('title: Checkout API,', 'title: "API for @api-team",');
    const pinging = repo({ 'plans/checkout.plan.yaml': mentioning });
    const run = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07', '--out', 'status'], { cwd: pinging.dir });
    expect(run.status, run.stderr).toBe(0);
    const printed = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-07'], { cwd: pinging.dir });
    for (const markdown of [printed.stdout, readFileSync(join(pinging.dir, 'status', 'index.md'), 'utf8'), readFileSync(join(pinging.dir, 'status', 'checkout.md'), 'utf8')]) {
      const texts: string[] = [];
      visit(unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root, 'text', (node) => void texts.push(node.value));
      const text = texts.join('');
      expect(text).toContain('@\u2060someone and @\u2060org/team please review');
      expect(text).not.toMatch(/@[\p{L}\p{N}_-]/u);
    }
    expect(printed.stdout).toContain('API for @\u2060api-team');
  });

  it('needs a status date, a real --since before it, and says which plans it could not report', async () => {
    const none = await cli(['report'], { cwd: checkout.dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('planc: a status report needs a status date');
    const since = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-13-01'], { cwd: checkout.dir });
    expect(since.status).toBe(2);
    expect(since.stderr).toContain('the date of the last report `2026-13-01` is not a date written YYYY-MM-DD');
    const after = await cli(['report', '--status-date', '2026-12-16', '--since', '2026-12-16'], { cwd: checkout.dir });
    expect(after.status).toBe(2);
    expect(after.stderr).toContain('must be before the status date 2026-12-16');
    const broken = repo({ 'plans/checkout.plan.yaml': CHECKOUT, 'plans/broken.plan.yaml': 'title: Broken\nphases: 3\n' });
    const run = await cli(['report', '--status-date', '2026-12-16'], { cwd: broken.dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('## Not reported\n\n- `plans/broken.plan.yaml` — 1 error; run `planc check plans/broken.plan.yaml`\n');
    expect(run.stderr).toContain('planc: not reported (errors): plans/broken.plan.yaml\n');
  });

  it('is a library call that never writes to the streams', async () => {
    const result = await statusReports({ cwd: checkout.dir, statusDate: '2026-12-16', since: '2026-12-07' });
    expect(result.reports.map((report) => report.file)).toEqual(['checkout.md']);
    expect(result.markdown.startsWith(result.portfolio.split('\n')[0]!)).toBe(true);
  });
});
