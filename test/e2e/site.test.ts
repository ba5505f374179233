// `planc site` on the bundled plans, built by the real CLI and read in Debian's Chromium:
// every page, link and asset; the diagrams; search; dark mode; a phone's width;
// accessibility (axe-core); screenshots for people to look at (test/artifacts/).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { copyBundled, EXAMPLE_CODE, plancAsync, ROOT, tempRepo, type CliResult } from '../helpers/repo.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { fileFor, pageUrl, readPage, sitePages } from '../helpers/site.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const BASE = '/acme-plans/';
const REPOSITORY = 'https://github.com/acme/shop';

describe.skipIf(!CHROMIUM)('planc site: the bundled plans in Chromium', () => {
  const repo = tempRepo({
    // The status date is the first plan's start: nothing is late yet, and every plan has a status page.
    'planc.config.yaml': `statusDate: 2026-12-07\nsite:\n  title: Acme plans\n  base: ${BASE}\n  repository: ${REPOSITORY}\n  branch: trunk\n`,
  });
  copyBundled(repo.dir);
  const out = join(repo.dir, '_site');
  // BASE_URL and NODE_ENV as a CI job (or this test runner) may have them set: Vite would
  // read them over the configured base path and the production build; planc must not let it.
  const env = { PLANC_CACHE_DIR: join(repo.dir, 'cache'), PLANC_CHROMIUM: CHROMIUM!, BASE_URL: '/', NODE_ENV: 'test' };
  let first: CliResult;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    first = await plancAsync(['site'], { cwd: repo.dir, env });
    served = await serve(out, BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    repo.cleanup();
  });

  /** A page that records every console error, page error and failed request. */
  async function watchedPage(options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: BrowserPage; problems: string[] }> {
    const page = await browser.newPage(options);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // A request cut short because the test moved on to the next page is not a failure (a
    // missing file is: it answers 404, below).
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return { page, problems };
  }

  it('builds every page with diagrams drawn at build time, and says so', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Built the site of 2 plans into _site\/: \d+ pages; SVG drawings \(light and dark\): (\d+) rendered, 0 from the cache\.\n$/);
    const pages = sitePages(out);
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        'plans/jwt-auth-refactor/index.html',
        'plans/session-store-migration/index.html',
        'plans/jwt-auth-refactor/status/index.html',
        'plans/session-store-migration/status/index.html',
        'decisions/index.html',
        'risks/index.html',
        'diagnostics/index.html',
        'diagnostics/PLAN1001/index.html',
        'diagnostics/PLAN2001/index.html',
        'about/index.html',
      ]),
    );
    // A page for every code of the catalogue.
    const catalogue = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8').match(/^## (PLAN\d{4})/gm)!.map((h) => h.slice(3));
    expect(catalogue.length).toBeGreaterThan(30);
    for (const code of catalogue) expect(pages, code).toContain(`diagnostics/${code}/index.html`);
    // Build-time SVG: no Mermaid runs in the reader's browser.
    expect(pages.some((page) => page.startsWith('_planc/'))).toBe(false);
  });

  it('draws an unchanged diagram only once: a second build takes every drawing from the cache', async () => {
    const drawn = Number(/(\d+) rendered, 0 from the cache/.exec(first.stdout)?.[1]);
    // Two diagrams a plan (its architecture and its dependency graph), each in two themes: the timelines are planc's own.
    expect(drawn).toBe(8);
    const second = await plancAsync(['site', '--out', 'dist-again'], { cwd: repo.dir, env });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`SVG drawings (light and dark): 0 rendered, ${drawn} from the cache.`);
    expect(readFileSync(join(repo.dir, 'dist-again', 'plans', 'jwt-auth-refactor', 'index.html'), 'utf8')).toBe(
      readFileSync(join(out, 'plans', 'jwt-auth-refactor', 'index.html'), 'utf8'),
    );
  }, 180_000);

  it('keeps each plan page under 300 KB of HTML', () => {
    for (const plan of ['jwt-auth-refactor', 'session-store-migration']) {
      expect(statSync(join(out, 'plans', plan, 'index.html')).size, plan).toBeLessThan(300 * 1024);
    }
  });

  it('every internal link, asset and fragment resolves, under the base path', () => {
    const broken: string[] = [];
    const external = new Set<string>();
    const documents = new Map<string, ReturnType<typeof readPage>>();
    const load = (file: string) => {
      let page = documents.get(file);
      if (!page) documents.set(file, (page = readPage(file)));
      return page;
    };
    const pages = sitePages(out);
    for (const page of pages) {
      const here = new URL(pageUrl(page, BASE), 'http://site.test');
      const document = load(join(out, page));
      for (const { attribute, value } of document.references) {
        if (/^(mailto|data):/.test(value)) continue;
        const url = new URL(value, here);
        if (url.origin !== here.origin) {
          external.add(url.href);
          continue;
        }
        const file = fileFor(out, BASE, url.pathname);
        if (!file) {
          broken.push(`${page}: ${attribute}="${value}" → ${url.pathname} (no such file)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith('.html') && !load(file).ids.includes(fragment)) {
          broken.push(`${page}: ${attribute}="${value}" → no element #${fragment}`);
        }
      }
      // Ids are unique within each page (every SVG drawing has its own).
      const seen = new Set<string>();
      for (const id of document.ids) {
        if (seen.has(id)) broken.push(`${page}: duplicate id "${id}"`);
        seen.add(id);
      }
    }
    // Stylesheets' own references (fonts, images).
    for (const css of sitePagesOf(out, '.css')) {
      for (const match of readFileSync(join(out, css), 'utf8').matchAll(/url\((['"]?)([^'")]+)\1\)/g)) {
        const value = match[2]!;
        if (value.startsWith('data:') || value.startsWith('#')) continue;
        const url = new URL(value, new URL(`${BASE}${css}`, 'http://site.test'));
        if (!fileFor(out, BASE, url.pathname)) broken.push(`${css}: url(${value})`);
      }
    }
    expect(broken).toEqual([]);
    // The only ways out of the site, into the configured repository: "edit this plan", and
    // the files the tasks change and test, each one the repository has.
    const blob = `${REPOSITORY}/blob/trunk/`;
    const files = [...external].filter((url) => url.startsWith(blob)).map((url) => decodeURIComponent(url.slice(blob.length)));
    expect([...external].filter((url) => !url.startsWith(blob)).sort()).toEqual([
      `${REPOSITORY}/edit/trunk/plans/jwt-auth-refactor.plan.yaml`,
      `${REPOSITORY}/edit/trunk/plans/session-store-migration.plan.yaml`,
    ]);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => !existsSync(join(EXAMPLE_CODE, file)))).toEqual([]);
  });

  it('loads every page without a console error, a failed request or a missing diagram', async () => {
    const { page, problems } = await watchedPage();
    const pages = sitePages(out);
    for (const file of pages) {
      await page.goto(`${served.url}${pageUrl(file, BASE).slice(BASE.length)}`, { waitUntil: 'load' });
      const report = problems.splice(0).map((problem) => `${file}: ${problem}`);
      expect(report).toEqual([]);
    }
    // Plan pages: every diagram is inline SVG (light and dark), none left as Mermaid source.
    for (const plan of ['jwt-auth-refactor', 'session-store-migration']) {
      await page.goto(`${served.url}plans/${plan}/`, { waitUntil: 'load' });
      const figures = await page.locator('figure.planc-diagram').count();
      expect(figures, plan).toBeGreaterThanOrEqual(2);
      // The timeline is planc's own drawing, one SVG for both themes, with its file beside the page.
      expect(await page.locator('figure.planc-gantt-figure[aria-labelledby^="planc-gantt-"] svg.planc-gantt-chart').count(), plan).toBe(1);
      expect((await page.request.get(`${served.url}plans/${plan}/gantt.svg`)).headers()['content-type']).toContain('image/svg+xml');
      expect(await page.locator('figure.planc-diagram .planc-diagram-light > svg').count()).toBe(figures);
      expect(await page.locator('figure.planc-diagram .planc-diagram-dark > svg').count()).toBe(figures);
      expect(await page.locator('pre.mermaid, code.language-mermaid').count()).toBe(0);
      // The drawings hold the plan's text, as text ("5% of users", not "5&#37; of users").
      const labels = await page.locator('figure.planc-diagram .planc-diagram-light svg text').allTextContents();
      expect(labels.length).toBeGreaterThan(20);
      expect(labels.filter((label) => /&#|#\d+;/.test(label))).toEqual([]);
    }
    await page.goto(`${served.url}plans/jwt-auth-refactor/`);
    const dependencyText = await page.locator('figure.planc-diagram .planc-diagram-light svg[aria-roledescription="flowchart-v2"]').last().locator('text').allTextContents();
    expect(dependencyText.join(' ')).toContain('5% of users');
    // The page holds everything of the plan document, and an edit link to its file.
    // Every section of the markdown document is a heading of the page, in its order.
    const headings = (await page.locator('main h2').allTextContents()).map((text) => text.trim());
    const markdown = readFileSync(join(ROOT, 'test/fixtures/documents/bundled/expected/jwt-auth-refactor/index.md'), 'utf8');
    expect(headings).toEqual([...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]));
    expect(await page.locator(`a[href="${REPOSITORY}/edit/trunk/plans/jwt-auth-refactor.plan.yaml"]`).textContent()).toContain('Edit this plan');
    // Each task's files, linked to the repository, and whose review they need.
    const routes = page.locator('h4', { hasText: 'Update all protected routes' }).locator('xpath=following-sibling::p');
    const files = routes.filter({ hasText: 'Files (4):' });
    expect(await files.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      `${REPOSITORY}/blob/trunk/services/catalog/src/middleware.ts`,
      `${REPOSITORY}/blob/trunk/services/payments/src/middleware.ts`,
      `${REPOSITORY}/blob/trunk/src/routes/account.ts`,
      `${REPOSITORY}/blob/trunk/src/routes/orders.ts`,
    ]);
    expect((await routes.filter({ hasText: 'Code owners:' }).first().textContent())?.trim()).toBe('Code owners: @acme/backend, @acme/qa');
    // Its status report on the status date, each item linking to its row on the plan's page.
    await page.locator('.planc-facts a', { hasText: 'on 2026-12-07' }).click();
    await page.waitForURL(/plans\/jwt-auth-refactor\/status\/$/);
    expect((await page.locator('main h2').allTextContents()).map((text) => text.trim())).toEqual([
      'Done since 2026-11-23',
      'In progress',
      'Late',
      'Starting by 2026-12-20',
      'Milestones',
      'Top risks',
      'Open decisions and questions',
      'Rollback coverage',
    ]);
    await page.locator('main table a', { hasText: 'Set up JWT library' }).first().click();
    await page.waitForURL(/plans\/jwt-auth-refactor\/#task-jwt-library$/);
    await page.goto(`${served.url}plans/jwt-auth-refactor/`);
    // Its analysed model sits beside it.
    const json = await (await page.request.get(`${served.url}plans/jwt-auth-refactor/plan.json`)).json();
    expect(json).toMatchObject({ id: 'jwt-auth-refactor', title: 'User authentication refactor' });
    await page.close();
  }, 120_000);

  it('the portfolio lists every plan with its figures and a timeline', async () => {
    const { page, problems } = await watchedPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.url);
    const rows = page.locator('table.planc-portfolio tbody tr');
    expect(await rows.count()).toBe(2);
    const first = (await rows.first().locator('th, td').allTextContents()).map((cell) => cell.trim());
    expect(first).toEqual(['User authentication refactor', 'implementation', 'approved', 'backend', '2026-12-07→ 2027-03-05', '62.7d', '0%', '8/8', '7', 'none']);
    expect(await page.locator('#timeline ~ figure.planc-gantt-figure svg.planc-gantt-chart a').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'site-index.png'), fullPage: true });
    await page.goto(`${served.url}plans/jwt-auth-refactor/`);
    await page.screenshot({ path: join(ARTIFACTS, 'site-plan.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the risk register places every risk in the probability × impact matrix', async () => {
    const { page } = await watchedPage();
    await page.goto(`${served.url}risks/`);
    const registered = await page.locator('#register ~ .planc-scroll tbody tr').count();
    expect(registered).toBe(12);
    // A count, and unseen, what it counts ("4 risks,").
    const counts = (await page.locator('table.planc-matrix .planc-count').allTextContents()).map((text) => Number.parseInt(text, 10));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(registered);
    // Every risk in the matrix links to its row in the register.
    const links = await page.locator('table.planc-matrix .planc-cell-risks a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(registered);
    for (const link of links) expect(await page.locator(`[id="${decodeURIComponent(link!.slice(1))}"]`).count(), link!).toBe(1);
    await page.goto(`${served.url}decisions/`);
    expect(await page.locator('tbody tr').count()).toBe(5);
    await page.close();
  });

  it('search finds a task by its title', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(served.url);
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('site-search input').fill('Provision RS256 signing keys');
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'Provision RS256 signing keys in Vault' });
    await result.first().waitFor({ timeout: 15_000 });
    const href = await result.first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^${BASE}plans/jwt-auth-refactor/#`));
    await result.first().click();
    await page.waitForURL(/plans\/jwt-auth-refactor\//);
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${target}"]`).textContent()).toContain('Provision RS256 signing keys in Vault');
    // A result under a sub-heading is titled with where it is, and its excerpt reads as text.
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('site-search input').fill('token validation');
    const nested = page.locator('.pagefind-ui__result-nested', { has: page.locator('.pagefind-ui__result-link', { hasText: 'Phase 2: Core implementation › Tasks' }) });
    await nested.first().waitFor({ timeout: 15_000 });
    const excerpt = await nested.first().locator('.pagefind-ui__result-excerpt').textContent();
    expect(excerpt).toMatch(/Implement token validation token-validation\b/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('follows the dark theme, in the diagrams too, and switches back', async () => {
    const { page, problems } = await watchedPage({ colorScheme: 'dark' });
    await page.goto(`${served.url}plans/session-store-migration/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const figure = page.locator('figure.planc-diagram').first();
    expect(await figure.locator('.planc-diagram-dark').isVisible()).toBe(true);
    expect(await figure.locator('.planc-diagram-light').isVisible()).toBe(false);
    await page.locator('starlight-theme-select select').first().selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await figure.locator('.planc-diagram-light').isVisible()).toBe(true);
    expect(await figure.locator('.planc-diagram-dark').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'site-plan-light-after-dark.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is readable on a phone: nothing wider than the screen but scrolling tables and diagrams', async () => {
    const { page, problems } = await watchedPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const wide = async (target: BrowserPage, width: number) => {
      for (const path of ['', 'plans/jwt-auth-refactor/', 'plans/session-store-migration/', 'plans/jwt-auth-refactor/status/', 'risks/', 'decisions/', 'diagnostics/', 'diagnostics/PLAN2001/']) {
        await target.goto(`${served.url}${path}`);
        // Against the screen's width, not innerWidth: on a phone, Chromium widens the
        // layout viewport to a page that overflows, and innerWidth with it.
        expect(await target.evaluate(() => document.documentElement.scrollWidth), `${path || 'index'} at ${width}px`).toBeLessThanOrEqual(width);
      }
    };
    await wide(page, 390);
    // The header's search and menu buttons are on the screen.
    await page.goto(`${served.url}plans/jwt-auth-refactor/`);
    for (const button of ['site-search button[data-open-modal]', 'button[popovertarget="starlight__sidebar"]']) {
      const box = await page.locator(button).first().boundingBox();
      expect(box && box.x + box.width, button).toBeLessThanOrEqual(390);
    }
    const desktop = await watchedPage({ viewport: { width: 1280, height: 800 } });
    await wide(desktop.page, 1280);
    // Every diagram fits the column; zoomed in, it scrolls about its middle and drags to pan;
    // "Fit" brings it back; its SVG file is linked, in the page's theme.
    await desktop.page.goto(`${served.url}plans/jwt-auth-refactor/`, { waitUntil: 'load' });
    const graph = desktop.page.locator('figure.planc-diagram', { has: desktop.page.locator('[aria-label="Diagram: Dependency graph"]') });
    const view = graph.locator('.planc-diagram-view');
    const extent = () => view.evaluate((box) => ({ left: box.scrollLeft, range: box.scrollWidth - box.clientWidth }));
    expect((await extent()).range).toBe(0);
    for (let i = 0; i < 3; i++) await graph.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await extent();
    expect(zoomed.range).toBeGreaterThan(300);
    expect(Math.abs(zoomed.left - zoomed.range / 2)).toBeLessThanOrEqual(2);
    const box = (await view.boundingBox())!;
    await desktop.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await desktop.page.mouse.down();
    await desktop.page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 5 });
    await desktop.page.mouse.up();
    expect((await extent()).left).toBeGreaterThan(zoomed.left + 100);
    await graph.getByRole('button', { name: 'Fit to the column' }).click();
    expect((await extent()).range).toBe(0);
    const open = graph.locator('a.planc-diagram-open');
    const svgFile = await desktop.page.request.get(new URL((await open.getAttribute('href'))!, desktop.page.url()).href);
    expect(svgFile.status()).toBe(200);
    expect(await svgFile.text()).toMatch(/^<svg [^>]*aria-roledescription="flowchart-v2"/);
    await desktop.page.screenshot({ path: join(ARTIFACTS, 'site-diagram-fit.png') });
    expect(desktop.problems).toEqual([]);
    await desktop.page.close();
    // The menu opens the sidebar with every plan.
    await page.goto(served.url);
    await page.locator('button[popovertarget="starlight__sidebar"]').click();
    expect(await page.locator('#starlight__sidebar a', { hasText: 'Session store migration' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'site-phone-menu.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws planc's timeline readable at 390, 1,280 and 1,920 px in both themes: names that stay while the chart scrolls (screenshots in test/artifacts)", async () => {
    for (const width of [390, 1280, 1920]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, problems } = await watchedPage({ viewport: { width, height: 900 }, colorScheme, ...(width < 500 ? { isMobile: true, hasTouch: true } : {}) });
        await page.goto(`${served.url}plans/jwt-auth-refactor/`, { waitUntil: 'load' });
        const figure = page.locator('figure.planc-gantt-figure[aria-labelledby^="planc-gantt-"]');
        await figure.scrollIntoViewIfNeeded();
        const scroller = figure.locator('.planc-gantt-scroll');
        // The figure stays within the column; the chart scrolls inside it, the names do not move.
        expect((await figure.boundingBox())!.width, `${width}px`).toBeLessThanOrEqual(width);
        const names = figure.locator('.planc-gantt-names');
        const before = (await names.boundingBox())!;
        expect(before.width).toBeGreaterThan(60);
        await scroller.evaluate((box) => {
          box.scrollLeft = 400;
        });
        expect((await names.boundingBox())!.x).toBeCloseTo(before.x, 0);
        // The month at the left edge of what is seen keeps its label whole and in sight,
        // clear of the next month's label and of the status date's.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const axis = await figure.evaluate((element) => {
          const edge = element.querySelector('.planc-gantt-names')!.getBoundingClientRect().right;
          const labels = [...element.querySelectorAll<SVGTextElement>('svg.planc-gantt-chart g.axis text')]
            .filter((label) => getComputedStyle(label).visibility !== 'hidden')
            .map((label) => ({ text: label.textContent!, month: label.classList.contains('month'), box: label.getBoundingClientRect() }))
            .filter(({ box }) => box.right > edge)
            .map(({ text, month, box }) => ({ text, month, left: box.left, right: box.right, top: box.top }));
          return { edge, labels };
        });
        const months = axis.labels.filter((label) => label.month);
        expect(months.length, `${width}px`).toBeGreaterThan(0);
        expect(months[0]!.left, `${months[0]!.text} at ${width}px`).toBeGreaterThanOrEqual(axis.edge);
        const top = axis.labels.filter((label) => Math.abs(label.top - months[0]!.top) < 2).sort((a, b) => a.left - b.left);
        for (let i = 1; i < top.length; i++) expect(top[i]!.left, `${top[i - 1]!.text} | ${top[i]!.text}`).toBeGreaterThanOrEqual(top[i - 1]!.right);
        // Each name row lines up with its bar's row.
        const rows = await figure.evaluate((element) => {
          const svg = element.querySelector('svg.planc-gantt-chart')!.getBoundingClientRect();
          const first = element.querySelector('.planc-gantt-names li')!.getBoundingClientRect();
          return { svgTop: svg.top, nameTop: first.top };
        });
        expect(rows.nameTop - rows.svgTop).toBeCloseTo(42, 0);
        await scroller.evaluate((box) => {
          box.scrollLeft = 0;
        });
        await figure.screenshot({ path: join(ARTIFACTS, `timeline-${width}-${colorScheme}.png`) });
        expect(problems).toEqual([]);
        await page.close();
      }
    }
  }, 120_000);

  it("folds a phase of planc's timeline away and back, by click and by keyboard: rows below move up, names stay on their bars, arrows on theirs", async () => {
    const { page, problems } = await watchedPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.url}plans/jwt-auth-refactor/`, { waitUntil: 'load' });
    const figure = page.locator('figure.planc-gantt-figure[aria-labelledby^="planc-gantt-"]');
    await figure.scrollIntoViewIfNeeded();
    const toggle = figure.getByRole('button', { name: /^Phase 1:/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const folded = (await toggle.getAttribute('data-rows'))!.split(' ').map(Number);
    expect(folded).toEqual([1, 2, 3, 4, 5, 6]);
    /** Where everything is, relative to the chart's top left: names, each row's marks, each arrow's ends. */
    const layout = () =>
      figure.evaluate((element) => {
        const svg = element.querySelector<SVGSVGElement>('svg.planc-gantt-chart')!;
        const origin = svg.getBoundingClientRect();
        const box = (rect: DOMRect) => ({ top: rect.top - origin.top, bottom: rect.bottom - origin.top, left: rect.left - origin.left, right: rect.right - origin.left });
        const names = [...element.querySelectorAll<HTMLElement>('.planc-gantt-names > li')].map((name) => ({ text: name.textContent!, shown: name.getClientRects().length > 0, ...box(name.getBoundingClientRect()) }));
        const rows = [...svg.querySelectorAll<SVGGElement>('g[data-row]')].map((marks) => {
          const bar = marks.querySelector('.bar, .ms, .summary');
          return { row: Number(marks.dataset.row), shown: marks.getClientRects().length > 0 && marks.getBoundingClientRect().height > 0, ...box(marks.getBoundingClientRect()), bar: box(bar!.getBoundingClientRect()) };
        });
        const links = [...svg.querySelectorAll<SVGPathElement>('path[data-from-row]')].map((link) => {
          const matrix = link.getScreenCTM()!;
          const at = (length: number) => {
            const point = new DOMPoint(link.getPointAtLength(length).x, link.getPointAtLength(length).y).matrixTransform(matrix);
            return { x: point.x - origin.left, y: point.y - origin.top };
          };
          const shown = getComputedStyle(link).display !== 'none';
          return { from: Number(link.dataset.fromRow), to: Number(link.dataset.toRow), d: link.getAttribute('d')!, shown, start: shown ? at(0) : undefined, end: shown ? at(link.getTotalLength()) : undefined };
        });
        return { height: origin.height, heightAttribute: svg.getAttribute('height'), viewBox: svg.getAttribute('viewBox'), names, rows, links };
      });
    type Layout = Awaited<ReturnType<typeof layout>>;
    /** Every name shown is on its row's marks, every arrow shown starts and ends on its rows' bars, in their middle. */
    const aligned = (state: Layout, label: string) => {
      const byRow = new Map(state.rows.map((row) => [row.row, row]));
      state.names.forEach((name, r) => {
        const marks = byRow.get(r);
        if (!name.shown || !marks) return;
        expect(marks.shown, `${label}: row ${r}`).toBe(true);
        expect(marks.top, `${label}: ${name.text}`).toBeGreaterThanOrEqual(name.top - 0.5);
        expect(marks.bottom, `${label}: ${name.text}`).toBeLessThanOrEqual(name.bottom + 0.5);
      });
      for (const link of state.links.filter((candidate) => candidate.shown)) {
        for (const [point, r] of [[link.start!, link.from], [link.end!, link.to]] as const) {
          const name = state.names[r]!;
          const marks = byRow.get(r)!;
          expect(point.y, `${label}: ${link.d} at row ${r}`).toBeCloseTo((name.top + name.bottom) / 2, 0);
          expect(point.y, `${label}: ${link.d} at row ${r}`).toBeGreaterThanOrEqual(marks.bar.top);
          expect(point.y, `${label}: ${link.d} at row ${r}`).toBeLessThanOrEqual(marks.bar.bottom);
          expect(point.x, `${label}: ${link.d} at row ${r}`).toBeGreaterThanOrEqual(marks.left - 0.5);
          expect(point.x, `${label}: ${link.d} at row ${r}`).toBeLessThanOrEqual(marks.right + 0.5);
        }
      }
    };
    const open = await layout();
    aligned(open, 'open');
    expect(open.names.every((name) => name.shown)).toBe(true);
    expect(open.links.every((link) => link.shown)).toBe(true);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const shut = await layout();
    aligned(shut, 'Phase 1 folded');
    const hidden = folded.length * 24;
    // Phase 1's tasks: no name, no bar, no link into or out of them.
    for (const r of folded) {
      expect(shut.names[r]!.shown, open.names[r]!.text).toBe(false);
      expect(shut.rows.find((row) => row.row === r)!.shown, `row ${r}`).toBe(false);
    }
    expect(await figure.locator('g[data-row="1"] a').first().isVisible()).toBe(false);
    for (const link of shut.links) expect(link.shown, `${link.from} → ${link.to}`).toBe(!folded.includes(link.from) && !folded.includes(link.to));
    expect(shut.links.filter((link) => link.shown).length).toBeGreaterThan(10);
    // Phase 1's own row stays; Phase 2's row, and every row below, moves up by the rows hidden.
    const phase2 = open.names.findIndex((name) => name.text.startsWith('Phase 2:'));
    expect(shut.names[0]!.top).toBeCloseTo(open.names[0]!.top, 1);
    expect(shut.rows.find((row) => row.row === 0)!.bar.top).toBeCloseTo(open.rows.find((row) => row.row === 0)!.bar.top, 1);
    for (let r = phase2; r < open.names.length; r++) {
      expect(open.names[r]!.top - shut.names[r]!.top, open.names[r]!.text).toBeCloseTo(hidden, 1);
      const before = open.rows.find((row) => row.row === r);
      if (before) expect(before.bar.top - shut.rows.find((row) => row.row === r)!.bar.top, `row ${r}`).toBeCloseTo(hidden, 1);
    }
    // An arrow from Phase 1's row into Phase 2's still leaves the one and enters the other.
    expect(shut.links.some((link) => link.shown && link.from === 0 && link.to === phase2)).toBe(true);
    // The chart is shorter by the rows hidden.
    expect(open.height - shut.height).toBeCloseTo(hidden, 1);
    expect(Number(open.heightAttribute) - Number(shut.heightAttribute)).toBe(hidden);
    expect(Number(open.viewBox!.split(' ')[3]) - Number(shut.viewBox!.split(' ')[3])).toBe(hidden);
    await figure.screenshot({ path: join(ARTIFACTS, 'timeline-folded.png') });

    // Open again: everything back where it was.
    await toggle.click();
    expect(await layout()).toEqual(open);

    // By keyboard, with a visible focus ring: Enter folds, Space opens.
    await toggle.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await toggle.evaluate((button) => button === document.activeElement && button.matches(':focus-visible'))).toBe(true);
    expect(await toggle.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await layout()).names[1]!.shown).toBe(false);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await layout()).toEqual(open);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('axe-core finds no serious or critical accessibility violation, in light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await watchedPage({ colorScheme });
      for (const path of ['', 'plans/jwt-auth-refactor/', 'plans/session-store-migration/', 'plans/jwt-auth-refactor/status/', 'decisions/', 'risks/', 'diagnostics/', 'diagnostics/PLAN3001/', 'about/']) {
        await page.goto(`${served.url}${path}`);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document, options: { resultTypes: string[] }): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
          // Only the violations are read: axe then skips the details of every passing check.
          return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
        });
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} /${path}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
        }
      }
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('writes nothing of its own into the repository but the site', () => {
    const example = new Set(readdirSync(EXAMPLE_CODE));
    expect(readdirSync(repo.dir).filter((name) => !example.has(name)).sort()).toEqual(['_site', 'cache', 'dist-again', 'planc.config.yaml', 'plans']);
  });
});

/** Files of a folder (all levels) whose name ends with `suffix`. */
function sitePagesOf(folder: string, suffix: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith(suffix));
}
