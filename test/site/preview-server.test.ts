// The preview's server and the script it adds to pages, over a site folder written here (no
// Astro): what it serves and refuses, and in Chromium, how the script reloads pages and
// shows the overlay, with hostile plan text shown as text.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewClientScript, type PreviewProblem } from '../../src/site/preview-client.ts';
import { startPreviewServer, type PreviewServer } from '../../src/site/serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { cli } from '../helpers/cli.ts';
import { tempRepos } from '../helpers/repo.ts';

const repos = tempRepos();

function page(title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/docs/style.css"></head><body><h1>${title}</h1></body></html>`;
}

function site(folder: string): void {
  const files: Record<string, string> = {
    'index.html': page('Portfolio'),
    '404.html': page('Not found'),
    'plans/a/index.html': page('Plan a'),
    'plans/b/index.html': page('Plan b'),
    'style.css': 'h1 { color: teal; }',
    '.planc-site.json': '{}',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

function get(server: PreviewServer, path: string, options: { host?: string; method?: string } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${server.port}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', fail);
    request.end();
  });
}

describe('the preview server', () => {
  const { dir } = repos();
  const folder = join(dir, 'site');
  let server: PreviewServer;

  beforeAll(async () => {
    server = await startPreviewServer({ folder, base: '/docs/', host: '127.0.0.1', port: 0, strictPort: true });
  });
  afterAll(() => server.close());

  it('serves a page saying the site is being built until it is, then the site under its base, each page with the script', async () => {
    const building = await get(server, '/docs/plans/a/');
    expect(building.status).toBe(503);
    expect(building.body).toContain('planc is building the site');
    expect(building.body).toContain('"served":"building"');
    site(folder);
    const plan = await get(server, '/docs/plans/a/');
    expect(plan.status).toBe(200);
    expect(plan.headers['cache-control']).toBe('no-store');
    // The script is in the head, before </head>, with the page it is.
    expect(plan.body).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><title>Plan a<\/title><link [^>]*><script>\(function previewClient\(settings\) \{[\s\S]*\}\)\(\{"base":"\/docs\/","served":"plans\/a\/"\}\);\n<\/script><\/head>/);
    expect((await get(server, '/docs/')).body).toContain('"served":""');
    expect(await get(server, '/docs/style.css')).toMatchObject({ status: 200, body: 'h1 { color: teal; }' });
  });

  it('redirects to the base and to a page\'s folder, answers 404 with the site\'s page, and refuses what it must', async () => {
    site(folder);
    expect(await get(server, '/')).toMatchObject({ status: 302, headers: { location: '/docs/' } });
    expect(await get(server, '/docs')).toMatchObject({ status: 302, headers: { location: '/docs/' } });
    expect(await get(server, '/docs/plans/b?x=1')).toMatchObject({ status: 301, headers: { location: '/docs/plans/b/?x=1' } });
    expect((await get(server, '/elsewhere/')).status).toBe(404);
    const missing = await get(server, '/docs/plans/gone/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<title>Not found</title>');
    expect(missing.body).toContain('"served":"404.html"');
    for (const path of ['/docs/../../etc/passwd', '/docs/%2e%2e/%2e%2e/etc/passwd', '/docs/.planc-site.json', '/docs/%00.html']) {
      expect((await get(server, path)).status, path).toBe(404);
    }
    expect((await get(server, '/docs/%E0%A4%A/')).status).toBe(400);
    expect((await get(server, '/docs/', { method: 'POST' })).status).toBe(405);
    expect(await get(server, '/docs/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
    // Only a loopback name reaches it: a page elsewhere cannot, through a DNS name rebound to 127.0.0.1.
    expect((await get(server, '/docs/', { host: `evil.example:${server.port}` })).status).toBe(403);
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`]) expect((await get(server, '/docs/', { host })).status, host).toBe(200);
  });

  it('fails on a port that is taken when it was asked for, and takes the next one when it was not', async () => {
    const taken = server.port;
    await expect(startPreviewServer({ folder, base: '/', host: '127.0.0.1', port: taken, strictPort: true })).rejects.toMatchObject({ code: 'EADDRINUSE', message: `port ${taken} is in use` });
    const next = await startPreviewServer({ folder, base: '/', host: '127.0.0.1', port: taken, strictPort: false });
    try {
      expect(next.port).toBeGreaterThan(taken);
      expect(next.url).toBe(`http://127.0.0.1:${next.port}/`);
    } finally {
      await next.close();
    }
  });

  it('sends a script that nothing in a page can close early', () => {
    const script = previewClientScript({ base: '/</script>/', served: '<!--' });
    expect(script).not.toMatch(/<\/script|<!--/i);
    expect(script).toContain('({"base":"/\\u003c/script>/","served":"\\u003c!--"});');
    // It runs: the settings come back as they were given.
    const seen: unknown[] = [];
    const call = script.slice(script.lastIndexOf('})({') + 2);
    new Function('previewClient', `previewClient${call}`)((settings: unknown) => seen.push(settings));
    expect(seen).toEqual([{ base: '/</script>/', served: '<!--' }]);
  });
});

describe.skipIf(!CHROMIUM)('the preview script in Chromium', () => {
  const { dir } = repos();
  const folder = join(dir, 'site');
  site(folder);
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer({ folder, base: '/', host: '127.0.0.1', port: 0, strictPort: true });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const HOSTILE = '<img src=x onerror="window.plancPwned=1"></pre><script>window.plancPwned=2</script>';
  const problem = (page: string): PreviewProblem => ({
    file: 'plans/a.plan.yaml',
    page,
    everywhere: false,
    diagnostics: [{ code: 'PLAN2001', severity: 'error', line: 3, column: 1, message: `Unknown property \`${HOSTILE}\``, help: HOSTILE, frame: `  3 | ${HOSTILE}: 1\n    | ^^^`, explanation: 'diagnostics/PLAN2001/' }],
  });

  /** A page that keeps a mark until it reloads, and counts its own loads. */
  async function open(path: string): Promise<Page> {
    const tab = await browser.newPage();
    tab.on('dialog', () => {
      throw new Error('a dialog opened');
    });
    const connected = server.connections;
    await tab.goto(`${server.url}${path}`);
    await tab.evaluate(() => Object.assign(window, { plancMark: true }));
    // Listening: events sent from now on reach it, in order.
    await vi.waitFor(() => expect(server.connections).toBe(connected + 1), { timeout: 10_000 });
    return tab;
  }
  const marked = (tab: Page) => tab.evaluate(() => (window as unknown as { plancMark?: boolean }).plancMark === true);
  const shadow = (tab: Page, selector: string) => tab.evaluate((css) => document.querySelector('planc-preview')?.shadowRoot?.querySelector(css)?.textContent ?? null, selector);

  it('reloads the pages named, and no other', async () => {
    server.state({ building: false, problems: [] });
    const a = await open('plans/a/');
    const b = await open('plans/b/');
    server.reload({ pages: ['plans/a/', 'decisions/'] });
    await a.waitForFunction(() => (window as unknown as { plancMark?: boolean }).plancMark !== true);
    expect(await marked(b)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('shows the diagnostics of its plan as text in the overlay, a badge elsewhere; Escape closes it, new errors open it again', async () => {
    server.state({ building: false, problems: [] });
    const a = await open('plans/a/');
    const other = await open('');
    server.state({ building: true, problems: [problem('plans/a/')] });
    await a.waitForFunction(() => Boolean(document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')));
    const text = await shadow(a, '.backdrop');
    expect(text).toContain(`plans/a.plan.yaml:3:1 error PLAN2001: Unknown property \`${HOSTILE}\``);
    expect(text).toContain(`help: ${HOSTILE}`);
    expect(await shadow(a, '.badge')).toBe('planc: rebuilding…');
    expect(await a.evaluate(() => (window as unknown as { plancPwned?: number }).plancPwned ?? null)).toBeNull();
    expect(await a.evaluate(() => document.querySelector('planc-preview')!.shadowRoot!.querySelectorAll('img, script').length)).toBe(0);
    expect(await a.evaluate(() => (document.querySelector('planc-preview')!.shadowRoot!.querySelector('a') as HTMLAnchorElement).href)).toBe(`${server.url}diagnostics/PLAN2001/`);
    // Elsewhere, a badge; clicked, the overlay of every plan with errors.
    await other.waitForFunction(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.badge')?.textContent === 'planc: rebuilding…');
    expect(await shadow(other, '.backdrop')).toBeNull();
    server.state({ building: false, problems: [problem('plans/a/')] });
    await other.waitForFunction(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.badge')?.textContent === 'planc: 1 plan file with errors');
    await other.evaluate(() => (document.querySelector('planc-preview')!.shadowRoot!.querySelector('.badge') as HTMLButtonElement).click());
    expect(await shadow(other, '.backdrop')).toContain('PLAN2001');

    // A page whose plan has errors is not reloaded: rebuilt, the site no longer has it.
    server.reload({ pages: ['plans/a/'] });
    await new Promise((done) => setTimeout(done, 300));
    expect(await marked(a)).toBe(true);
    await a.keyboard.press('Escape');
    expect(await shadow(a, '.backdrop')).toBeNull();
    server.state({ building: false, problems: [{ ...problem('plans/a/'), diagnostics: [{ ...problem('plans/a/').diagnostics[0]!, code: 'PLAN2002' }] }] });
    await a.waitForFunction(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')?.textContent?.includes('PLAN2002'));
    // Fixed: the overlay goes, and the page reloads when its rebuild is done.
    server.state({ building: true, problems: [] });
    await a.waitForFunction(() => document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop') == null);
    server.reload({ pages: ['plans/a/'] });
    await a.waitForFunction(() => (window as unknown as { plancMark?: boolean }).plancMark !== true);
    await Promise.all([a.close(), other.close()]);
  });

  it('shows a failed build on every page', async () => {
    const tab = await open('plans/b/');
    server.state({ building: false, problems: [], failure: { message: 'Astro could not build the site (exit code 1)', hint: 'Run planc site for the whole message.' } });
    await tab.waitForFunction(() => Boolean(document.querySelector('planc-preview')?.shadowRoot?.querySelector('.backdrop')));
    expect(await shadow(tab, '.backdrop')).toBe('×planc: Astro could not build the site (exit code 1)Run planc site for the whole message.');
    expect(await shadow(tab, '.badge')).toBe('planc: the build failed');
    await tab.close();
  });
});

describe('planc preview refuses', () => {
  it('a port taken when one was asked for, a port that is not one, and an output folder it must not replace', async () => {
    const { dir } = repos({ 'plans/a.plan.yaml': 'id: a\n', 'mine/keep.txt': 'mine' });
    const blocker = await startPreviewServer({ folder: dir, base: '/', host: '127.0.0.1', port: 0, strictPort: true });
    try {
      const taken = await cli(['preview', '--port', String(blocker.port)], { cwd: dir });
      expect(taken).toMatchObject({ status: 2, stdout: '', stderr: `planc: port ${blocker.port} is in use\nChoose another with --port (or leave it out for the next free one).\n` });
    } finally {
      await blocker.close();
    }
    expect(await cli(['preview', '--port', 'http'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'planc: --port takes a port number from 0 to 65535, not `http`\n' });
    expect(await cli(['preview', '--out', 'mine'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'planc: the output folder `mine` holds files that planc site did not write\nplanc preview replaces the whole folder: choose another with --out, or leave it out (a temporary folder).\n',
    });
    expect(await cli(['preview', '--format', 'sarif'], { cwd: dir })).toMatchObject({ status: 2 });
  });
});
