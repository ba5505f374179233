// `planc watch`, driven: a real file watcher over a temporary repository, files written,
// saved atomically, renamed, removed, broken and fixed, folders created, the configuration
// changed, and the sequence of what planc printed asserted run by run. In-process (the
// CLI's own run() with a stop hook, as bin.ts gives it), but for the signals, which a real
// process receives.
import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { watchPlans, type WatchRun } from '../../src/api/watch.ts';
import type { CheckResult } from '../../src/api/result.ts';
import { startCli } from '../helpers/cli.ts';
import { found, lines, run } from '../helpers/watch.ts';
import { BIN, tempRepos } from '../helpers/repo.ts';
import { smallPlan as plan } from '../helpers/small-plan.ts';

const repo = tempRepos();

describe('planc watch', () => {
  it('checks again on every change, through writes, atomic saves, breaks, fixes, renames, removals and new folders', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b', ['a#first']) });
    const watch = startCli(['watch', '--format', 'json'], { cwd: dir });
    try {
      const first = await run(watch, 1);
      expect(first).toMatchObject({ changed: [], work: { compiled: ['plans/a.plan.yaml', 'plans/b.plan.yaml'], analysed: ['a', 'b'] }, summary: { files: 2, plans: 2, errors: 0 } });

      // An edit in place: that file is compiled again, and the plans linked to it analysed again.
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a', [], 'Plan a, renamed'));
      expect(await run(watch, 2)).toMatchObject({ changed: ['plans/a.plan.yaml'], work: { compiled: ['plans/a.plan.yaml'], analysed: ['a', 'b'] }, summary: { errors: 0 } });

      // An editor's atomic save: a temporary file, renamed over the plan.
      writeFileSync(join(dir, 'plans/.b.plan.yaml.swp'), plan('b', ['a#second']));
      renameSync(join(dir, 'plans/.b.plan.yaml.swp'), join(dir, 'plans/b.plan.yaml'));
      expect(await run(watch, 3)).toMatchObject({ changed: ['plans/b.plan.yaml'], work: { compiled: ['plans/b.plan.yaml'] }, summary: { errors: 0 } });

      // Half-written: the YAML is a diagnostic, and b, which names a plan no longer there, has its own.
      writeFileSync(join(dir, 'plans/a.plan.yaml'), `${plan('a').slice(0, 90)}\n  - { id: [`);
      const broken = await run(watch, 4);
      expect(broken.summary).toMatchObject({ files: 2, plans: 1 });
      expect(found(broken)).toEqual(['PLAN1001 plans/a.plan.yaml:6:11', 'PLAN3003 plans/b.plan.yaml:9:71']);

      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a'));
      expect(found(await run(watch, 5))).toEqual([]);

      // Renamed: one run, which sees the new name and not the old.
      renameSync(join(dir, 'plans/a.plan.yaml'), join(dir, 'plans/c.plan.yaml'));
      const renamed = await run(watch, 6);
      expect(renamed.changed).toEqual(expect.arrayContaining(['plans/c.plan.yaml']));
      expect(renamed).toMatchObject({ work: { compiled: ['plans/c.plan.yaml'] }, summary: { files: 2, errors: 0 } });

      rmSync(join(dir, 'plans/c.plan.yaml'));
      const removed = await run(watch, 7);
      expect(removed).toMatchObject({ changed: ['plans/c.plan.yaml'], work: { compiled: [] }, summary: { files: 1 } });
      expect(found(removed)).toEqual(['PLAN3003 plans/b.plan.yaml:9:71']);

      // A folder made, then a plan written in it.
      mkdirSync(join(dir, 'plans/more/deeper'), { recursive: true });
      writeFileSync(join(dir, 'plans/more/deeper/a.plan.yaml'), plan('a'));
      const added = await run(watch, 8);
      expect(added).toMatchObject({ changed: ['plans/more/deeper/a.plan.yaml'], work: { compiled: ['plans/more/deeper/a.plan.yaml'] }, summary: { files: 2, errors: 0 } });

      // Saved unchanged, a file that is not a plan, a dot file: nothing to report. The next run is the next change.
      const now = new Date();
      utimesSync(join(dir, 'plans/b.plan.yaml'), now, now);
      writeFileSync(join(dir, 'plans/b.plan.yaml'), plan('b', ['a#second']));
      writeFileSync(join(dir, 'plans/notes.txt'), 'not a plan');
      writeFileSync(join(dir, 'plans/.hidden.plan.yaml'), 'id: [');
      writeFileSync(join(dir, 'plans/more/deeper/a.plan.yaml'), plan('a', [], 'Last'));
      const next = await run(watch, 9);
      expect(next.work?.compiled).toEqual(['plans/more/deeper/a.plan.yaml']);

      const stopped = await watch.stop();
      expect(stopped.status).toBe(0);
      expect(stopped.stderr).toBe('');
      // Stopped means stopped.
      writeFileSync(join(dir, 'plans/b.plan.yaml'), plan('b'));
      await new Promise((done) => setTimeout(done, 200));
      expect(lines(watch).map((line) => line.run)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await watch.stop();
    }
  });

  it('reloads planc.config.yaml: its errors are a run, and the plans it names are watched', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a'), 'docs/b.plan.yaml': plan('b') });
    const watch = startCli(['watch', '--format', 'json'], { cwd: dir });
    try {
      expect((await run(watch, 1)).summary).toMatchObject({ files: 1 });
      writeFileSync(join(dir, 'planc.config.yaml'), 'plans: 3\n');
      const invalid = await run(watch, 2);
      expect(invalid.changed).toEqual(['planc.config.yaml']);
      expect(found(invalid)).toEqual(['PLAN6001 planc.config.yaml:1:8']);
      writeFileSync(join(dir, 'planc.config.yaml'), 'plans: [plans, docs]\n');
      expect(await run(watch, 3)).toMatchObject({ summary: { files: 2, errors: 0 }, work: { compiled: ['docs/b.plan.yaml', 'plans/a.plan.yaml'] } });
      // docs/ is watched now. (A change made before its watch is set up is caught by the run
      // that follows setting it up, whose `changed` is empty.)
      writeFileSync(join(dir, 'docs/b.plan.yaml'), plan('b', ['a#frist']));
      const edited = await run(watch, 4);
      expect(edited.work?.compiled).toEqual(['docs/b.plan.yaml']);
      expect(found(edited)).toEqual(['PLAN3002 docs/b.plan.yaml:9:71']);
      rmSync(join(dir, 'planc.config.yaml'));
      expect(await run(watch, 5)).toMatchObject({ changed: ['planc.config.yaml'], summary: { files: 1, errors: 0 } });
    } finally {
      await watch.stop();
    }
  });

  it('goes on when a named file is removed, and when no plan file is left, until they are back', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const watch = startCli(['watch', 'plans/a.plan.yaml', '--format', 'json'], { cwd: dir });
    try {
      await run(watch, 1);
      rmSync(join(dir, 'plans'), { recursive: true });
      expect(await run(watch, 2)).toMatchObject({ error: { kind: 'usage', message: 'no such file or folder: `plans/a.plan.yaml`' } });
      mkdirSync(join(dir, 'plans'));
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a'));
      expect(await run(watch, 3)).toMatchObject({ changed: ['plans/a.plan.yaml'], summary: { files: 1, errors: 0 } });
    } finally {
      await watch.stop();
    }
  });

  it('clears the screen on a terminal and ends each run with its status line', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const watch = startCli(['watch'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    const screens = () => watch.stdout().split('\u001b[2J\u001b[3J\u001b[H').slice(1);
    try {
      await vi.waitFor(() => expect(screens()).toHaveLength(1), { timeout: 15_000 });
      expect(screens()[0]).toMatch(/^✔ 1 plan, no problems · \d\d:\d\d:\d\d\nWatching for changes · Ctrl-C to stop\n$/);
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a').replace('duration: 2d', 'duration: 2x'));
      await vi.waitFor(() => expect(screens()).toHaveLength(2), { timeout: 15_000 });
      const [header, ...rest] = screens()[1]!.split('\n');
      expect(header).toBe('plans/a.plan.yaml:8:46 - error PLAN2005: `2x` is not a duration such as 3, 0.5d, 4h or 2w');
      expect(rest.at(-3)).toMatch(/^✖ 1 error, 0 warnings in 1 plan · \d\d:\d\d:\d\d$/);
    } finally {
      await watch.stop();
    }
  });

  it('with --quiet, reports errors only', async () => {
    // A task without an estimate is a warning (PLAN4003).
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a').replace(', duration: 2d', '') });
    const loud = startCli(['watch', '--format', 'json'], { cwd: dir });
    const quiet = startCli(['watch', '--format', 'json', '--quiet'], { cwd: dir });
    try {
      expect((await run(loud, 1)).diagnostics?.map((d) => d.code)).toEqual(['PLAN4003']);
      expect(await run(quiet, 1)).toMatchObject({ diagnostics: [], summary: { warnings: 0 } });
    } finally {
      await Promise.all([loud.stop(), quiet.stop()]);
    }
  });

  it('refuses the formats of CI: a watcher prints stylish or json', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const watch = startCli(['watch', '--format', 'sarif'], { cwd: dir });
    const result = await watch.done;
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('planc: a watcher prints `stylish` or `json`, not `sarif`\nUse `planc check --format …` for the formats of CI (one report per run).\n');
  });
});

describe('planc build --watch', () => {
  it('keeps the documents up to date, and a plan broken keeps its last outputs until fixed', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b') });
    const watch = startCli(['build', '--watch', '--format', 'json', '--out', 'docs/plans'], { cwd: dir });
    const document = () => readFileSync(join(dir, 'docs/plans/a/index.md'), 'utf8').split('\n')[0];
    try {
      expect(await run(watch, 1)).toMatchObject({ summary: { files: 2, errors: 0 }, out: join(dir, 'docs/plans'), written: { written: 11, unchanged: 0, removed: 0 } });
      expect(document()).toBe('# Plan a');
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a', [], 'Plan a, retitled'));
      // a's five files and the index of plans (which shows its title) are written again; b's are not.
      expect(await run(watch, 2)).toMatchObject({ changed: ['plans/a.plan.yaml'], written: { written: 6, unchanged: 5, removed: 0 } });
      expect(document()).toBe('# Plan a, retitled');
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a', [], 'Plan a, broken').replace('duration: 2d', 'duration: soon'));
      const broken = await run(watch, 3);
      expect(found(broken)).toEqual(['PLAN2005 plans/a.plan.yaml:8:46']);
      expect(document()).toBe('# Plan a, retitled');
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a', [], 'Plan a, fixed'));
      expect(found(await run(watch, 4))).toEqual([]);
      expect(document()).toBe('# Plan a, fixed');
    } finally {
      await watch.stop();
    }
  });

  it('on a terminal, ends each run with the status line and what it wrote', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const watch = startCli(['build', '--watch'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    try {
      await vi.waitFor(() => expect(watch.stdout()).toContain('Watching'), { timeout: 15_000 });
      expect(watch.stdout()).toMatch(/^\u001b\[2J\u001b\[3J\u001b\[H✔ 1 plan, no problems · \d\d:\d\d:\d\d\nBuilt 1 plan into out\/: 6 files written, 0 unchanged, 0 removed\.\nWatching for changes · Ctrl-C to stop\n$/);
    } finally {
      await watch.stop();
    }
  });
});

describe('the watcher of the library', () => {
  it('runs one at a time: changes seen during a run make one more run, with all of them', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a'), 'plans/b.plan.yaml': plan('b') });
    const runs: Array<WatchRun<CheckResult>> = [];
    let release: () => void = () => undefined;
    let inside = 0;
    let most = 0;
    const seen: string[] = [];
    const watcher = watchPlans({
      cwd: dir,
      task: async (result) => {
        inside += 1;
        most = Math.max(most, inside);
        // The second run waits until the test has made more changes.
        if (runs.length === 1) await new Promise<void>((done) => (release = done));
        inside -= 1;
        return result;
      },
      onRun: (finished) => runs.push(finished),
      onChange: (path) => seen.push(path),
    });
    try {
      await watcher.ready;
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a', [], 'A again'));
      await vi.waitFor(() => expect(inside).toBe(1), { timeout: 15_000 });
      writeFileSync(join(dir, 'plans/b.plan.yaml'), plan('b', [], 'B again'));
      writeFileSync(join(dir, 'plans/c.plan.yaml'), plan('c'));
      // Both changes are seen while the run waits; nothing else starts.
      await vi.waitFor(() => expect(seen).toEqual(expect.arrayContaining(['plans/b.plan.yaml', 'plans/c.plan.yaml'])), { timeout: 15_000 });
      expect(runs).toHaveLength(1);
      release();
      await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 15_000 });
      expect(runs.map((r) => r.changed)).toEqual([[], ['plans/a.plan.yaml'], ['plans/b.plan.yaml', 'plans/c.plan.yaml']]);
      expect(runs.map((r) => (r.ok ? r.work.compiled : r.error))).toEqual([['plans/a.plan.yaml', 'plans/b.plan.yaml'], ['plans/a.plan.yaml'], ['plans/b.plan.yaml', 'plans/c.plan.yaml']]);
      expect(most).toBe(1);
    } finally {
      await watcher.close();
    }
    // Closing waits for the run under way, and nothing runs after.
    writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a'));
    await new Promise((done) => setTimeout(done, 200));
    expect(runs).toHaveLength(3);
    await watcher.done;
  });

  it('reports a task that failed, and runs it again on the next change even if the check is the same', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
    const runs: Array<WatchRun<string>> = [];
    let fail = true;
    const watcher = watchPlans({
      cwd: dir,
      task: async () => {
        if (fail) throw new Error('the disk is full');
        return 'built';
      },
      onRun: (finished) => runs.push(finished),
    });
    try {
      await watcher.ready;
      expect(runs.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual(['the disk is full']);
      fail = false;
      // Saved unchanged: the check finds nothing new, but the task failed last time.
      writeFileSync(join(dir, 'plans/a.plan.yaml'), plan('a'));
      await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 15_000 });
      expect(runs[1]).toMatchObject({ ok: true, value: 'built', changed: ['plans/a.plan.yaml'] });
    } finally {
      await watcher.close();
    }
  });
});

describe('planc watch as a process', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`ends cleanly on ${signal}, with exit code 0`, async () => {
      const { dir } = repo({ 'plans/a.plan.yaml': plan('a') });
      const child = spawn(process.execPath, [BIN, 'watch', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const ended = new Promise<{ code: number | null; signal: string | null }>((done) => child.on('close', (code, killed) => done({ code, signal: killed })));
      try {
        await vi.waitFor(() => expect(stdout).toContain('\n'), { timeout: 20_000 });
        child.kill(signal);
        expect(await ended).toEqual({ code: 0, signal: null });
        expect(stderr).toBe('');
        expect(JSON.parse(stdout.trim())).toMatchObject({ run: 1, summary: { files: 1, errors: 0 } });
      } finally {
        child.kill('SIGKILL');
      }
    });
  }
});
