// Every `npx planc …` example in the README runs, as a user would type it, and succeeds;
// so does every library example (a ```js block naming its file and how to run it).
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GIT_ENV, runGit } from './helpers/git.ts';
import { BIN, ROOT } from './helpers/repo.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1]!.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.startsWith('npx planc '));
/** The commands that run until stopped (Ctrl-C): watch, preview, build --watch. */
const RUNS_UNTIL_STOPPED = /^npx planc (watch|preview)\b|\s--watch\b/;
const scripts = [...readme.matchAll(/```js\n\/\/ (\S+\.mjs) — run with: node \1\n([\s\S]*?)```/g)].map((block) => ({ file: block[1]!, code: block[2]! }));

describe('the README', () => {
  const work = mkdtempSync(join(tmpdir(), 'planc-readme-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const repo = join(work, 'repo');
  // What a clone of planc holds of what the examples read: the plans, the example code
  // they name, planc's own configuration. A git repository with a history, for `planc
  // diff` and `planc impact`: all of it on main, and a branch (checked out) that makes two
  // rollout stages of one plan longer.
  for (const part of ['plans', 'examples', 'planc.config.yaml']) cpSync(join(ROOT, part), join(repo, part), { recursive: true });
  runGit(repo, ['init', '-q', '-b', 'main']);
  runGit(repo, ['add', '-A']);
  runGit(repo, ['commit', '-q', '-m', 'The plans']);
  runGit(repo, ['checkout', '-q', '-b', 'longer-rollout']);
  const edited = join(repo, 'plans', 'jwt-auth-refactor.plan.yaml');
  const text = readFileSync(edited, 'utf8');
  writeFileSync(edited, text.replaceAll('duration: 3d', 'duration: 5d'));
  runGit(repo, ['commit', '-q', '-am', 'A longer rollout']);
  writeFileSync(join(work, 'planc'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(work, 'planc'), 0o755);

  it('has examples for every command', () => {
    for (const command of ['check', 'fix', 'explain', 'init', 'build', 'site', 'diff', 'impact', 'report', 'new', 'schema', 'guide', 'watch', 'preview']) {
      expect(examples.some((line) => line.startsWith(`npx planc ${command}`)), command).toBe(true);
    }
  });

  it('configures MCP clients with a command that starts `planc mcp`', () => {
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((block) => JSON.parse(block[1]!) as { mcpServers?: Record<string, { command: string; args: string[] }>; servers?: Record<string, { type: string; command: string; args: string[] }> });
    const claude = blocks.find((block) => block.mcpServers)!.mcpServers!.planc!;
    const vscode = blocks.find((block) => block.servers)!.servers!.planc!;
    expect(claude).toEqual({ command: 'npx', args: ['planc', 'mcp'] });
    expect(vscode).toEqual({ type: 'stdio', command: 'npx', args: ['planc', 'mcp'] });
  });

  it('has a library example', () => {
    expect(scripts.map((script) => script.file)).toEqual(['check-plans.mjs']);
  });

  for (const script of scripts) {
    it(`runs the library example ${script.file}`, () => {
      // `planc` resolves to this checkout, as it would to the installed package.
      mkdirSync(join(repo, 'node_modules'), { recursive: true });
      symlinkSync(ROOT, join(repo, 'node_modules', 'planc'), 'dir');
      writeFileSync(join(repo, script.file), script.code);
      try {
        const result = spawnSync(process.execPath, [script.file], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines[0]).toBe('2 plan files: 0 errors, 0 warnings');
        expect(lines[1]).toMatch(/^jwt-auth-refactor: 2026-12-07 → \d{4}-\d{2}-\d{2}, [\d.]+ working days, critical path \S+/);
        expect(result.stdout).toContain("{ compiled: [ 'plans/draft.plan.yaml' ], analysed: [ 'draft' ] }");
      } finally {
        rmSync(join(repo, 'node_modules'), { recursive: true, force: true });
        rmSync(join(repo, script.file), { force: true });
      }
    });
  }

  // git without the user's configuration; not in a pull request's job.
  const env = () => ({
    ...process.env,
    GIT_CONFIG_NOSYSTEM: GIT_ENV.GIT_CONFIG_NOSYSTEM,
    GIT_CONFIG_GLOBAL: GIT_ENV.GIT_CONFIG_GLOBAL,
    GITHUB_BASE_REF: '',
    GITHUB_STEP_SUMMARY: '',
    PATH: `${work}:${process.env.PATH}`,
    PLANC_CACHE_DIR: join(work, 'cache'),
  });

  // The commands that finish run first: the site they build leaves the drawings in the
  // shared cache, so the preview below starts from it as a user's second run would.
  for (const example of examples.filter((line) => !RUNS_UNTIL_STOPPED.test(line))) {
    it(`runs: ${example}`, () => {
      const line = example.replace(/^npx planc/, 'planc').replaceAll('/tmp/', `${work}/tmp/`);
      const result = spawnSync('sh', ['-c', line], {
        cwd: repo,
        env: env(),
        encoding: 'utf8',
        timeout: 120_000,
      });
      const stderr = result.stderr
        .replace(/^planc: note: planc is not installed in this repository, so the schema line points to the schema on npm .*\n/m, '')
        // What `--update-baseline` did, said on standard error (standard output is the report's).
        .replace(/^planc: wrote the baseline \S+: \d+ findings?\n$/, '')
        // What a dry run of `planc fix` would do, said on standard error (standard output is the diff).
        .replace(/^Nothing to fix\.\n$/, '')
        // What `--chromium none` asks for, said once.
        .replace(/^planc: diagrams will be drawn by Mermaid in the reader's browser: `--chromium` is `none`\.\n$/, '');
      expect(stderr).toBe('');
      expect(result.status).toBe(0);
    }, 150_000);
  }

  for (const example of examples.filter((line) => RUNS_UNTIL_STOPPED.test(line))) {
    it(`runs until stopped: ${example}`, async () => {
      // `exec`: Ctrl-C (SIGINT) reaches planc itself, not a shell around it.
      const child = spawn('sh', ['-c', `exec ${example.replace(/^npx planc/, 'planc').replaceAll('/tmp/', `${work}/tmp/`)}`], { cwd: repo, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const ended = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      try {
        // Its first run printed: a status line, or a JSON object.
        await vi.waitFor(() => expect(stdout).toMatch(/ · \d\d:\d\d:\d\d\n|^\{"version":1,"run":1.*\n/m), { timeout: 140_000, interval: 50 });
        child.kill('SIGINT');
        expect(await ended).toBe(0);
        expect(stderr).toBe('');
        expect(stdout).toMatch(/✔ 2 plans, no problems|"summary":\{"files":1,"plans":1,"errors":0/);
      } finally {
        child.kill('SIGKILL');
      }
    }, 150_000);
  }
});
