// A plan full of hostile text (script tags, event handlers, javascript: links, Mermaid
// directives and click callbacks) published as a site, read in Chromium: nothing from the
// plan runs and nothing from it becomes an element, whether the diagrams were drawn at
// build time or are drawn by Mermaid in the browser (the Chromium given cannot draw).
// Every site is built once, all at once, before the tests that read it; a second
// repository, with a plan that has errors, shows what is left out and a missing Chromium.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { plancAsync, ROOT, tempRepo, type CliResult } from '../helpers/repo.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { pageUrl, sitePages } from '../helpers/site.ts';

const BASE = '/';
const CLOSING = "Closing </title><img src=x onerror=alert('title')></head><body><script>alert('body')</script>";
const GOOD_PLAN =
  'title: Good plan\nkind: implementation\nstatus: draft\nrollback: { trigger: Errors rise, steps: [Revert] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Write the code, duration: 1d }\n';

describe.skipIf(!CHROMIUM)('planc site with a hostile plan', () => {
  const repo = tempRepo();
  mkdirSync(join(repo.dir, 'plans'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'documents', 'hostile', 'hostile.plan.yaml'), join(repo.dir, 'plans', 'hostile.plan.yaml'));
  // Titles land in <title> too, which Starlight writes as raw HTML: one that closes it.
  writeFileSync(join(repo.dir, 'plans', 'closing.plan.yaml'), GOOD_PLAN.replace('title: Good plan', `title: ${JSON.stringify(CLOSING)}`));
  writeFileSync(join(repo.dir, 'planc.config.yaml'), `site:\n  title: ${JSON.stringify(`Plans ${CLOSING}`)}\n`);
  const cache = { PLANC_CACHE_DIR: join(repo.dir, 'cache') };
  // A plan with errors beside a good one, and a PLANC_CHROMIUM that names nothing.
  const other = tempRepo({
    'plans/good.plan.yaml': GOOD_PLAN,
    'plans/broken.plan.yaml': 'title: Broken plan\nkind: implementation\nstatus: draft\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Write the code, duration: 1d, dependsOn: [nowhere] }\n',
  });
  const nowhere = join(other.dir, 'no-such-chromium');
  const builds: Record<'svg' | 'browser' | 'other', CliResult | undefined> = { svg: undefined, browser: undefined, other: undefined };
  let browser: Browser;

  beforeAll(async () => {
    // All at once: builds side by side must not get in each other's way. The browser-drawn
    // site comes from a Chromium that cannot start, with a cache of its own (drawings the
    // other build caches would spare it from starting).
    [builds.svg, builds.browser, builds.other] = await Promise.all([
      plancAsync(['site', '--out', 'svg'], { cwd: repo.dir, env: { ...cache, PLANC_CHROMIUM: CHROMIUM! } }),
      plancAsync(['site', '--out', 'browser', '--chromium', '/bin/false'], { cwd: repo.dir, env: { PLANC_CACHE_DIR: join(repo.dir, 'browser-cache') } }),
      plancAsync(['site'], { cwd: other.dir, env: { PLANC_CACHE_DIR: join(other.dir, 'cache'), PLANC_CHROMIUM: 'none' } }),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    repo.cleanup();
    other.cleanup();
  });

  it('builds both ways, and says once why the browser draws the diagrams', () => {
    expect(builds.svg!.stderr).toBe('');
    expect(builds.svg!.status).toBe(0);
    expect(builds.svg!.stdout).toMatch(/^Built the site of 2 plans into svg\/: \d+ pages; SVG drawings \(light and dark\): \d+ rendered, \d+ from the cache\.\n$/);
    expect(existsSync(join(repo.dir, 'svg', '_planc'))).toBe(false);
    // A Chromium that cannot draw is no failure: the site falls back to drawing in the browser.
    expect(builds.browser!.stderr).toMatch(/^planc: diagrams will be drawn by Mermaid in the reader's browser: Chromium at \/bin\/false \(from `--chromium`\) could not draw them: .+\n$/);
    expect(builds.browser!.status).toBe(0);
    expect(builds.browser!.stdout).toMatch(/^Built the site of 2 plans into browser\/: \d+ pages; diagrams drawn in the browser\.\n$/);
    expect(existsSync(join(repo.dir, 'browser', '_planc', 'mermaid.min.js'))).toBe(true);
  });

  for (const mode of ['svg', 'browser'] as const) {
    it(`runs nothing from the plan and injects no element (diagrams: ${mode})`, async () => {
      const served: Served = await serve(join(repo.dir, mode), BASE);
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        for (const file of sitePages(join(repo.dir, mode)).filter((file) => !file.startsWith('diagnostics/'))) {
          await page.goto(`${served.url}${pageUrl(file, BASE).slice(1)}`, { waitUntil: 'networkidle' });
          if (mode === 'browser' && file.startsWith('plans/')) {
            // Mermaid has drawn every diagram in the page.
            await page.waitForFunction(() => [...document.querySelectorAll('pre.mermaid')].every((pre) => pre.querySelector('svg')), undefined, { timeout: 15_000 });
          }
          // Click every node of every visible diagram, as a curious reader would: a Mermaid
          // `click` callback binds a listener (no attribute would show it).
          for (const node of await page.locator('main svg .node:visible').all()) await node.click({ timeout: 500, force: true }).catch(() => undefined);
          if (new URL(page.url()).pathname !== pageUrl(file, BASE)) await page.goto(`${served.url}${pageUrl(file, BASE).slice(1)}`);

          const findings = await page.evaluate((base) => {
            const found: string[] = [];
            for (const element of document.querySelectorAll('*')) {
              for (const attribute of element.getAttributeNames()) {
                const value = element.getAttribute(attribute) ?? '';
                if (/^on/i.test(attribute)) found.push(`${element.tagName} has ${attribute}="${value}"`);
                // Pagefind's own search form is the one `javascript:` the page has.
                if (/^\s*javascript:/i.test(value) && !(element.matches('form.pagefind-ui__form') && value === 'javascript:void(0);')) found.push(`${element.tagName} has ${attribute}="${value}"`);
              }
            }
            for (const element of document.querySelectorAll('iframe, object, embed, img, frame, base, meta[http-equiv]')) {
              found.push(`a ${element.tagName} element: ${element.outerHTML.slice(0, 120)}`);
            }
            for (const script of document.querySelectorAll('script')) {
              const src = script.getAttribute('src');
              if (src !== null && !(src.startsWith(`${base}_astro/`) || src.startsWith(`${base}pagefind/`) || src === `${base}_planc/mermaid.min.js`)) {
                found.push(`a script from ${src}`);
              }
              if (src === null && /alert\(|onerror/.test(script.textContent ?? '')) found.push(`an inline script: ${script.textContent?.slice(0, 120)}`);
            }
            for (const tag of ['b', 'i']) {
              for (const element of document.querySelectorAll(`main ${tag}`)) found.push(`a <${tag}> from the plan: ${element.outerHTML}`);
            }
            return found;
          }, BASE);
          expect(findings, file).toEqual([]);
        }
        // The hostile text is there, as text.
        await page.goto(`${served.url}plans/hostile/`, { waitUntil: 'networkidle' });
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).toContain('<script>alert(1)</script>');
        expect(text).toContain('<img src=x onerror=alert(1)>');
        expect(text).toContain('<b onmouseover="alert(3)">bold?</b>');
        expect(text).toContain('A click me link, an image and a');
        // A title that closes <title> is the page's title, whole, and nothing more.
        await page.goto(`${served.url}plans/closing/`, { waitUntil: 'networkidle' });
        expect(await page.title()).toBe(`${CLOSING} | Plans ${CLOSING}`);
        expect(await page.locator('h1').first().textContent()).toBe(CLOSING);
        await page.goto(`${served.url}plans/hostile/`, { waitUntil: 'networkidle' });
        expect(await page.locator('main a[href="https://example.com"]').textContent()).toBe('safe link');
        // Diagrams are drawn (and Mermaid's directives in plan text did not retheme them).
        const drawings = page.locator(mode === 'svg' ? 'figure.planc-diagram .planc-diagram-light svg' : 'pre.mermaid svg');
        expect(await drawings.count()).toBeGreaterThanOrEqual(2);
        const labels = (await drawings.locator('text, foreignObject').allTextContents()).join(' ');
        expect(labels).toContain('click t1 call alert(1)');
        // (In lines broken between words: what matters is that it is drawn, as text.)
        expect(labels).toContain('"securityLevel"');
        // planc's timeline holds the same text, as text.
        const names = await page.locator('figure.planc-gantt-figure .planc-gantt-names li').allTextContents();
        expect(names).toContain('click t1 call alert(1)');
        expect(await page.locator('figure.planc-gantt-figure button.planc-gantt-toggle').first().textContent()).toBe('Phase 1: section Evil: phase; with #hash and %%{init}%%');
        if (mode === 'browser') {
          // Drawn in the browser, diagrams follow the reader's theme switch too: Mermaid
          // draws them again with its dark theme, every one of them.
          const count = await drawings.count();
          const lightStyle = await drawings.first().locator('style').textContent();
          await page.locator('starlight-theme-select select').first().selectOption('dark');
          await page.waitForFunction(
            ([before, expected]) => {
              const svgs = [...document.querySelectorAll('pre.mermaid svg')];
              return svgs.length === expected && svgs[0]!.querySelector('style')?.textContent !== before;
            },
            [lightStyle, count] as const,
            { timeout: 15_000 },
          );
          expect(await drawings.count()).toBe(count);
          expect(await drawings.first().locator('style').textContent()).not.toBe(lightStyle);
          // With the settings of the drawings made at build time (the dimmer Gantt grid).
          expect(await drawings.first().locator('style').textContent()).toMatch(/\.grid \.tick line\{stroke:(#4a4f59|rgb\(74, 79, 89\))/);
        }
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await served.close();
      }
    }, 120_000);
  }

  it('leaves out a plan with errors, names it, and exits 1; the others are published', () => {
    const result = builds.other!;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('plans/broken.plan.yaml:8:70 - error PLAN3002: There is no task, phase, milestone or rollout stage `nowhere`');
    expect(result.stdout).toMatch(/^Built the site of 1 plan into _site\/: \d+ pages; diagrams drawn in the browser\.\nLeft out \(errors\): plans\/broken\.plan\.yaml\.\n$/);
    const index = readFileSync(join(other.dir, '_site', 'index.html'), 'utf8');
    expect(index).toContain('Good plan');
    expect(index).toMatch(/<h2 id="not-built">Not built<\/h2>.*<code>plans\/broken\.plan\.yaml<\/code> — 1 error/s);
    expect(existsSync(join(other.dir, '_site', 'plans', 'good', 'index.html'))).toBe(true);
    expect(existsSync(join(other.dir, '_site', 'plans', 'broken'))).toBe(false);
  });

  it('says why when drawing is switched off, and draws in the browser', () => {
    const result = builds.other!;
    expect(result.stderr.split('\n').filter((line) => line.startsWith('planc: '))).toEqual([
      "planc: diagrams will be drawn by Mermaid in the reader's browser: PLANC_CHROMIUM is `none`.",
    ]);
    expect(existsSync(join(other.dir, '_site', '_planc', 'mermaid.min.js'))).toBe(true);
  });

  it('refuses a Chromium named explicitly that does not exist, before building anything', async () => {
    const result = await plancAsync(['site', '--out', 'missing'], { cwd: other.dir, env: { PLANC_CHROMIUM: nowhere } });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`planc: PLANC_CHROMIUM names \`${nowhere}\`, which does not exist`);
    expect(existsSync(join(other.dir, 'missing'))).toBe(false);
  });
});
