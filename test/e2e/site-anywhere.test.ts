// planc in someone else's repository: the package as npm would publish it (npm pack),
// installed into a fresh repository that has only its own plans/, then `npx planc site`
// and `npx planc check` run there as its developers would. The site template ships with
// the package; nothing of this checkout is used.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { EXAMPLE_CODE, ROOT, tempRepo } from '../helpers/repo.ts';
import { serve } from '../helpers/serve.ts';

describe.skipIf(!CHROMIUM)('planc installed in another repository', () => {
  const work = tempRepo();
  afterAll(() => work.cleanup());
  // The user's shell: a Node ≥ 22.22 (the one running these tests) and the system tools;
  // nothing from this checkout's node_modules/.bin.
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PATH: [dirname(process.execPath), ...(process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.includes('node_modules'))].join(delimiter),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  for (const name of Object.keys(env)) if (name.startsWith('npm_package_') || name === 'npm_lifecycle_event' || name === 'INIT_CWD') delete env[name];
  const run = (command: string, args: string[], cwd: string, timeout = 300_000) => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, input: '' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('installs from the packed tarball and builds that repository\'s site with `npx planc site`', async () => {
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work.dir], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work.dir).find((name) => name.endsWith('.tgz'))!;
    const listing = run('tar', ['tzf', join(work.dir, tarball)], work.dir).stdout.split('\n');
    expect(listing).toEqual(expect.arrayContaining(['package/site/astro.config.mjs', 'package/site/src/loader.ts', 'package/dist/cli/bin.js', 'package/bin/planc.js']));
    expect(listing.filter((path) => /^package\/(src|test|bench|node_modules|site\/\.astro)\//.test(path))).toEqual([]);

    const repo = join(work.dir, 'shop');
    mkdirSync(join(repo, 'plans'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'shop', private: true }));
    // The code the plans name, and what a repository keeps out of it.
    cpSync(EXAMPLE_CODE, repo, { recursive: true, filter: (path) => !path.endsWith('package.json') });
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n_site/\n');
    // Not the bundled plans: this repository's own, with its own id (the file's name) and title.
    const plan = readFileSync(join(ROOT, 'plans', 'jwt-auth-refactor.plan.yaml'), 'utf8').replace(/^title: .*$/m, 'title: Checkout rewrite');
    writeFileSync(join(repo, 'plans', 'checkout-rewrite.plan.yaml'), plan);
    cpSync(join(ROOT, 'plans', 'session-store-migration.plan.yaml'), join(repo, 'plans', 'session-store-migration.plan.yaml'));
    // The second plan refers to the first by its old id: point it at the new one.
    const migration = join(repo, 'plans', 'session-store-migration.plan.yaml');
    writeFileSync(migration, readFileSync(migration, 'utf8').replaceAll('jwt-auth-refactor#', 'checkout-rewrite#'));

    const installed = run('npm', ['install', '--prefer-offline', join(work.dir, tarball)], repo);
    expect(installed.status, installed.stderr).toBe(0);

    const check = run('npx', ['planc', 'check'], repo, 60_000);
    expect(check.stdout).toBe('✔ 2 plan files checked: no problems\n');
    expect(check.status, check.stderr).toBe(0);

    // The library, as another tool would use it: `import … from 'planc'`, typed.
    writeFileSync(
      join(repo, 'use-planc.mts'),
      [
        "import { check, CompilerSession, buildOutputs, UsageError, type CheckResult, type Plan } from 'planc';",
        "const result: CheckResult = await check({ cwd: '.' });",
        'const plans: Plan[] = result.plans;',
        "const session = new CompilerSession({ cwd: '.' });",
        'await session.check();',
        'await session.check();',
        "const built = await buildOutputs({ cwd: '.', out: 'out' });",
        "let usage = '';",
        "try { await check({ cwd: '.', paths: ['missing.yaml'] }); } catch (error) { if (error instanceof UsageError) usage = error.message; }",
        'console.log(JSON.stringify({ summary: result.summary, plans: plans.map((plan) => plan.id), work: session.work, written: built.written, usage }));',
        '',
      ].join('\n'),
    );
    writeFileSync(join(repo, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2023', strict: true, noEmit: true, types: [], skipLibCheck: false } }));
    const typed = run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], repo, 60_000);
    expect(typed.stdout + typed.stderr, 'the types of the installed package').toBe('');
    expect(typed.status).toBe(0);
    // Node runs the TypeScript file as it is (types stripped).
    const used = run(process.execPath, ['use-planc.mts'], repo, 60_000);
    expect(used.stderr).toBe('');
    expect(JSON.parse(used.stdout)).toEqual({
      summary: { files: 2, plans: 2, errors: 0, warnings: 0, infos: 0 },
      plans: ['checkout-rewrite', 'session-store-migration'],
      work: { compiled: [], analysed: [] },
      written: { written: 15, unchanged: 0, removed: 0 },
      usage: 'no such file or folder: `missing.yaml`',
    });
    rmSync(join(repo, 'out'), { recursive: true });
    for (const file of ['use-planc.mts', 'tsconfig.json']) rmSync(join(repo, file));

    // planc writes nothing inside its own install folder.
    const installedFiles = () => readdirSync(join(repo, 'node_modules', 'planc'), { recursive: true }).map(String).sort();
    const before = installedFiles();
    const site = run('npx', ['planc', 'site'], repo, 180_000);
    expect(site.status, site.stderr).toBe(0);
    expect(site.stdout).toMatch(/^Built the site of 2 plans into _site\/: \d+ pages; SVG drawings \(light and dark\): \d+ rendered, 0 from the cache\.\n$/);
    expect(existsSync(join(repo, '_site', 'plans', 'checkout-rewrite', 'index.html'))).toBe(true);
    // Nothing left behind in the repository but the site and npm's files.
    const example = new Set(readdirSync(EXAMPLE_CODE));
    expect(readdirSync(repo).filter((name) => !example.has(name)).sort()).toEqual(['.gitignore', '_site', 'node_modules', 'package-lock.json', 'plans']);
    expect(installedFiles()).toEqual(before);

    // A user who may not write where planc is installed (a global install, a read-only
    // image): the site is still built, from a temporary folder.
    if (process.getuid?.() === 0 && existsSync('/usr/bin/setpriv')) {
      const out = join(work.dir, 'nobody-site');
      mkdirSync(out);
      chmodSync(work.dir, 0o755);
      chownSync(out, 65534, 65534);
      const modules = () => readdirSync(join(repo, 'node_modules'), { recursive: true }).map(String).sort();
      const modulesBefore = modules();
      const asNobody = run('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(repo, 'node_modules', 'planc', 'bin', 'planc.js'), 'site', '--out', join(out, 'site'), '--chromium', 'none'], repo, 180_000);
      expect(asNobody.stderr).toBe("planc: diagrams will be drawn by Mermaid in the reader's browser: `--chromium` is `none`.\n");
      expect(asNobody.status).toBe(0);
      expect(existsSync(join(out, 'site', 'plans', 'checkout-rewrite', 'index.html'))).toBe(true);
      expect(modules()).toEqual(modulesBefore);
    }

    const served = await serve(join(repo, '_site'), '/');
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
      });
      await page.goto(served.url);
      expect(await page.locator('table.planc-portfolio tbody th a').allTextContents()).toEqual(['Checkout rewrite', 'Session store migration: Redis → PostgreSQL']);
      await page.locator('table.planc-portfolio a', { hasText: 'Checkout rewrite' }).click();
      await page.waitForURL(/plans\/checkout-rewrite\/$/);
      expect(await page.locator('h1').first().textContent()).toBe('Checkout rewrite');
      // Mermaid's drawings, light and dark, and planc's own timeline.
      expect(await page.locator('figure.planc-diagram svg').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('figure.planc-gantt-figure svg.planc-gantt-chart').count()).toBeGreaterThanOrEqual(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  }, 600_000);
});
