// `planc preview` driven in Chromium: the site served, a plan edited (its open page reloads,
// a page the edit did not change does not), a plan broken (its page shows the overlay with
// the diagnostic, before the site is rebuilt), then fixed and retitled (the overlay goes,
// the page reloads with the new title). Screenshots of the overlay and of a reloaded page go to
// test/artifacts/ for people to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { startCli, type StartedCli } from '../helpers/cli.ts';
import { ROOT, tempRepos } from '../helpers/repo.ts';
import { smallPlan } from '../helpers/small-plan.ts';
import { found, run } from '../helpers/watch.ts';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const repos = tempRepos();
/** A site build takes seconds; on a shared 2-core machine, many. */
const BUILD = 150_000;

describe.skipIf(!CHROMIUM)('planc preview in Chromium', () => {
  const { dir } = repos({ 'plans/a.plan.yaml': smallPlan('a', [], 'Alpha'), 'plans/b.plan.yaml': smallPlan('b', [], 'Beta') });
  const env = { PLANC_CACHE_DIR: join(dir, 'cache'), PLANC_CHROMIUM: CHROMIUM! };
  let preview: StartedCli;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    preview = startCli(['preview', '--port', '0', '--format', 'json'], { cwd: dir, env });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    url = String((await run(preview, 1, BUILD)).url);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, BUILD);

  afterAll(async () => {
    await browser?.close();
    const ended = await preview?.stop();
    expect(ended?.status).toBe(0);
    expect(ended?.stderr).toBe('');
  });

  /** The text of the overlay (in its shadow root), or '' when none is shown. */
  const overlay = (page: Page) => page.evaluate(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')?.textContent ?? '');

  it('serves the site, reloads the open pages a change rebuilt, shows a broken plan as an overlay, and takes it away when fixed', async () => {
    const first = await run(preview, 1);
    expect(first).toMatchObject({ summary: { files: 2, errors: 0 }, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/) });
    const a = await browser.newPage();
    const b = await browser.newPage();
    const problems: string[] = [];
    for (const page of [a, b]) page.on('pageerror', (error) => problems.push(error.message));
    await a.goto(`${url}plans/a/`);
    await b.goto(`${url}plans/b/`);
    expect(await a.title()).toMatch(/^Alpha/);
    // What survives a reload is gone after one.
    const mark = (page: Page) => page.evaluate(() => Object.assign(window, { plancMark: true }));
    const marked = (page: Page) => page.evaluate(() => (window as unknown as { plancMark?: boolean }).plancMark === true);
    await mark(a);
    await mark(b);

    // A task renamed in a: a's page changes, b's does not.
    writeFileSync(join(dir, 'plans/a.plan.yaml'), smallPlan('a', [], 'Alpha').replace('title: First', 'title: First step'));
    const edited = await run(preview, 2, BUILD);
    expect(edited.pages).toContain('plans/a/');
    expect(edited.pages).not.toContain('plans/b/');
    // Only a's dependency graph (which names the task) is drawn again, in both themes; b's
    // comes from the render cache (the timelines are planc's own drawings, not Mermaid's).
    expect(first.diagrams).toEqual({ rendered: 4, cached: 0 });
    expect(edited.diagrams).toEqual({ rendered: 2, cached: 2 });
    await a.waitForFunction(() => document.body.textContent?.includes('First step'));
    expect(await marked(a)).toBe(false);
    expect(await marked(b)).toBe(true);

    // Broken: the overlay shows the diagnostic as soon as the check has found it.
    await mark(a);
    writeFileSync(join(dir, 'plans/a.plan.yaml'), smallPlan('a', [], 'Alpha').replace('duration: 2d', 'duration: 2 days'));
    await a.waitForFunction(() => Boolean(document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')), undefined, { timeout: BUILD });
    const text = await overlay(a);
    expect(text).toContain('plans/a.plan.yaml: 1 error');
    expect(text).toContain('plans/a.plan.yaml:8:46 error PLAN2005: `2 days` is not a duration such as 3, 0.5d, 4h or 2w');
    expect(text).toContain('8 |       - { id: first, title: First, duration: 2 days }');
    const broken = await run(preview, 3, BUILD);
    expect(found(broken)).toEqual(['PLAN2005 plans/a.plan.yaml:8:46']);
    // Left out of the site: a's page is gone from it; the open page stays under the overlay,
    // and loaded again it is the site's 404 page, with the overlay.
    expect(broken.pages).toContain('plans/a/');
    expect(await marked(a)).toBe(true);
    await a.reload();
    await a.waitForFunction(() => Boolean(document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')));
    expect(await overlay(a)).toContain('PLAN2005');
    // b's page shows a badge that says there are errors, not the overlay.
    await b.waitForFunction(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.badge')?.textContent === 'planc: 1 plan file with errors');
    expect(await overlay(b)).toBe('');
    await a.screenshot({ path: join(ARTIFACTS, 'preview-overlay.png') });

    // Fixed, and retitled: the overlay goes and the page is the plan again, with its new
    // title; every page shows the plans in its sidebar, so b's reloads too.
    await mark(b);
    writeFileSync(join(dir, 'plans/a.plan.yaml'), smallPlan('a', [], 'Alpha, fixed'));
    await run(preview, 4, BUILD);
    await a.waitForFunction(() => document.title.startsWith('Alpha, fixed'));
    expect(await overlay(a)).toBe('');
    await b.waitForFunction(() => (window as unknown as { plancMark?: boolean }).plancMark !== true);
    expect(await b.locator('nav').getByText('Alpha, fixed').count()).toBeGreaterThan(0);
    await a.screenshot({ path: join(ARTIFACTS, 'preview-reloaded.png') });
    expect(problems).toEqual([]);
  }, 4 * BUILD);

  it('answers on localhost only, under the base, and names what it cannot serve', async () => {
    const { port } = new URL(url);
    // node:http, not fetch, which will not send a Host header of its own choosing.
    const get = (path: string, host = `127.0.0.1:${port}`) =>
      new Promise<IncomingMessage>((done, fail) => {
        const request = httpGet({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
          done(response);
          response.destroy();
        });
        request.on('error', fail);
      });
    expect((await get('/', `evil.example:${port}`)).statusCode).toBe(403);
    expect((await get('/', `localhost:${port}`)).statusCode).toBe(200);
    expect((await get('/plans/b')).headers.location).toBe('/plans/b/');
    expect((await get('/plans/nothing/')).statusCode).toBe(404);
    expect((await get('/../../etc/passwd')).statusCode).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).statusCode).toBe(404);
    expect((await get('/_planc/preview/events')).headers['content-type']).toBe('text/event-stream; charset=utf-8');
  });
});
