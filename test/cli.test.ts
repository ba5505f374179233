// planc's command line: exit codes, output and colour, through run(argv, io) in this
// process; then the few things only a real process shows, by spawning the real binary
// (its exit status, a reader closing the pipe, a full disk, a named pipe that would block,
// the Node version guard, a real terminal).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';
import { VERSION } from '../src/version.ts';
import { cli } from './helpers/cli.ts';
import { BIN, planc, ROOT, tempRepo } from './helpers/repo.ts';

const CLEAN = [
  'title: Clean',
  'rollback: { trigger: errors rise, steps: [revert] }',
  'phases:',
  '  - id: build',
  '    title: Build',
  '    tasks:',
  '      - { id: code, title: Write the code, duration: 2d }',
  '',
].join('\n');

const ANSI = /\u001b\[/;
/** util-linux's `script`, which runs a command on a pseudo-terminal. */
const SCRIPT = spawnSync('script', ['--version']).status === 0;

const repos: Array<{ cleanup(): void }> = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));
function repo(files: Record<string, string>) {
  const made = tempRepo(files);
  repos.push(made);
  return made;
}

describe('planc check', () => {
  it('exits 0 on the bundled plans', async () => {
    const result = await cli(['check'], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ 2 plan files checked: no problems\n');
    expect(result.status).toBe(0);
  });

  it('exits 1 on an error and shows file:line:col, the code, a code frame with a caret and help', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace('title: Write the code', 'titel: Write the code') });
    const result = await cli(['check'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'plans/a.plan.yaml:7:21 - error PLAN2001: Unknown property `titel` in task `code`',
        '',
        '  6 |     tasks:',
        '  7 |       - { id: code, titel: Write the code, duration: 2d }',
        '    |                     ^^^^^',
        '',
        '  help: Did you mean `title`?',
        '',
        '✖ 1 error, 0 warnings in 1 plan file',
        '',
      ].join('\n'),
    );
  });

  it('passes warnings unless --max-warnings is exceeded', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace(/rollback: .*\n/, '') });
    const lenient = await cli(['check'], { cwd: dir });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout.split('\n')[0]).toBe("plans/a.plan.yaml:3:9 - warning PLAN5001: Phase `build` has no rollback trigger or steps (its own or the plan's)");
    expect((await cli(['check', '--max-warnings', '1'], { cwd: dir })).status).toBe(0);
    const strict = await cli(['check', '--max-warnings', '0'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('planc: 1 warning, more than --max-warnings 0\n');
    // -1: no limit, as in ESLint, written either way.
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const unlimited = await cli(['check', ...args], { cwd: dir });
      expect(unlimited.stderr, args.join(' ')).toBe('');
      expect(unlimited.status, args.join(' ')).toBe(0);
    }
  });

  it('writes the documented JSON format', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace('duration: 2d', 'duration: 2 days') });
    const result = await cli(['check', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      summary: { files: 1, plans: 0, errors: 1, warnings: 0, infos: 0, suppressed: 0 },
      diagnostics: [
        {
          code: 'PLAN2005',
          rule: 'invalid-format',
          severity: 'error',
          message: '`2 days` is not a duration such as 3, 0.5d, 4h or 2w',
          file: 'plans/a.plan.yaml',
          range: { start: { line: 7, column: 54 }, end: { line: 7, column: 60 } },
          pointer: '/phases/0/tasks/0/duration',
          item: 'phases[build]/tasks[code]/duration',
          help: 'Write a duration such as 3, 0.5d, 4h or 2w.',
          related: [],
          fix: { description: 'Write the duration as `2d`', edits: [{ range: { start: { line: 7, column: 54 }, end: { line: 7, column: 60 } }, text: '2d' }] },
          url: `https://github.com/planc-dev/planc/blob/v${VERSION}/docs/diagnostics.md#plan2005`,
        },
      ],
      suppressed: [],
    });
  });

  it('takes files, folders and globs; a missing path is a usage error, a glob matching nothing a warning', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN, 'plans/sub/b.plan.yaml': CLEAN.replace('Clean', 'B'), 'other/c.yaml': CLEAN });
    expect((await cli(['check', 'plans/a.plan.yaml'], { cwd: dir })).stdout).toBe('✔ 1 plan file checked: no problems\n');
    expect((await cli(['check', 'plans'], { cwd: dir })).stdout).toBe('✔ 2 plan files checked: no problems\n');
    expect((await cli(['check', '**/*.yaml'], { cwd: dir })).stdout).toBe('✔ 3 plan files checked: no problems\n');
    // A typo in CI must not pass: a named path that does not exist stops the run.
    const partly = await cli(['check', 'plans', 'missing.yaml'], { cwd: dir });
    expect(partly.status).toBe(2);
    expect(partly.stderr.split('\n')[0]).toBe('planc: no such file or folder: `missing.yaml`');
    expect(partly.stdout).toBe('');
    const empty = await cli(['check', ''], { cwd: dir });
    expect(empty.status).toBe(2);
    expect(empty.stderr.split('\n')[0]).toBe('planc: an empty path was given');
    const glob = await cli(['check', 'plans', 'nowhere/*.yaml'], { cwd: dir });
    expect(glob.status).toBe(0);
    expect(glob.stderr).toBe('planc: warning: `nowhere/*.yaml` matched no plan file\n');
    // Files an earlier argument already named still count as matched.
    const overlapping = await cli(['check', 'plans/**/*.yaml', 'plans/sub/*.yaml', 'plans/a.plan.yaml', 'other/*.yml'], { cwd: dir });
    expect(overlapping.stdout).toBe('✔ 2 plan files checked: no problems\n');
    expect(overlapping.stderr).toBe('planc: warning: `other/*.yml` matched no plan file\n');
  });

  it.skipIf(process.platform === 'win32')('checks a file reached through two symlinked folders once', async () => {
    const { dir } = repo({ 'real/g.plan.yaml': CLEAN, 'plans/own.plan.yaml': CLEAN });
    symlinkSync('../real', join(dir, 'plans/a'));
    symlinkSync('../real', join(dir, 'plans/b'));
    const result = await cli(['check', 'plans'], { cwd: dir });
    // No PLAN3005 (duplicate plan id) for the file seen twice.
    expect(result.stdout).toBe('✔ 2 plan files checked: no problems\n');
    expect(result.status).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('reports a named path that is no plan file as it does one found in a folder (PLAN1010)', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN });
    symlinkSync('/dev/zero', join(dir, 'plans/zero.yaml'));
    const zero = 'plans/zero.yaml:1:1 - error PLAN1010: The file cannot be read: it is not a regular file';
    for (const args of [['plans'], ['plans/zero.yaml']]) {
      const result = await cli(['check', ...args], { cwd: dir });
      expect(result.stdout.split('\n')[0], args.join(' ')).toBe(zero);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
    }
    symlinkSync('gone.plan.yaml', join(dir, 'plans/dangling.plan.yaml'));
    const dangling = await cli(['check', 'plans/dangling.plan.yaml'], { cwd: dir });
    expect(dangling.stdout.split('\n')[0]).toBe('plans/dangling.plan.yaml:1:1 - error PLAN1010: The file cannot be read: no such file');
    expect(dangling.status).toBe(1);
  });

  it('exits 2 on usage errors, a bad config, or no plan file', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN });
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'planc: unknown command `frobnicate`'],
      [['check', '--frobnicate'], 'planc: unknown option `--frobnicate`'],
      [['check', '--format', 'xml'], 'planc: unknown format `xml`'],
      [['check', '--max-warnings', 'lots'], 'planc: --max-warnings takes a whole number (or -1 for no limit), not `lots`'],
      [['check', '--max-warnings', '-2'], 'planc: --max-warnings takes a whole number (or -1 for no limit), not `-2`'],
      [['check', '--max-warnings'], 'planc: option `--max-warnings` needs a value'],
      [['check', 'nowhere'], 'planc: no such file or folder: `nowhere`'],
      [['check', 'nowhere/*.yaml'], 'planc: no plan files matched `nowhere/*.yaml`'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, { cwd: dir });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0], args.join(' ')).toBe(message);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    const empty = repo({ 'README.md': 'no plans here' });
    const none = await cli(['check'], { cwd: empty.dir });
    expect(none.status).toBe(2);
    // The default plans folder, which this repository does not have.
    expect(none.stderr.split('\n')[0]).toBe('planc: no such file or folder: `plans`');
    const badShape = repo({ 'planc.config.yaml': 'plans: plans\n', 'plans/a.plan.yaml': CLEAN });
    const shape = await cli(['check'], { cwd: badShape.dir });
    expect(shape.status).toBe(2);
    // Configuration errors are diagnostics like any other: on standard output, in the format asked for.
    expect(shape.stdout).toContain('planc.config.yaml:1:8 - error PLAN6001: Invalid configuration: Expected a list');
    expect(shape.stderr).toBe('');
    const json = await cli(['check', '--format', 'json'], { cwd: badShape.dir });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      summary: { files: 0, plans: 0, errors: 1, warnings: 0, infos: 0 },
      diagnostics: [{ code: 'PLAN6001', file: 'planc.config.yaml', range: { start: { line: 1, column: 8 } }, pointer: '/plans' }],
    });
    const badRule = repo({ 'planc.config.yaml': 'rules: { milestone-slipp: error }\n', 'plans/a.plan.yaml': CLEAN });
    const rule = await cli(['check'], { cwd: badRule.dir });
    expect(rule.status).toBe(2);
    expect(rule.stdout).toContain(
      'planc.config.yaml:1:10 - error PLAN6001: Invalid configuration: there is no rule `milestone-slipp`; did you mean `milestone-slip`?',
    );
    for (const branch of ['\'main"><script>x</script>\'', 'a..b', '"with space"', 'ends.lock']) {
      const badBranch = repo({ 'planc.config.yaml': `site: { branch: ${branch} }\n`, 'plans/a.plan.yaml': CLEAN });
      const result = await cli(['check'], { cwd: badBranch.dir });
      expect(result.status, branch).toBe(2);
      expect(result.stdout, branch).toMatch(/^planc\.config\.yaml:1:17 - error PLAN6001: Invalid configuration: .*a branch name/m);
    }
    for (const branch of ['main', 'release/2.x', 'feature/jwt-auth']) {
      const good = await cli(['check'], { cwd: repo({ 'planc.config.yaml': `site: { branch: ${branch} }\n`, 'plans/a.plan.yaml': CLEAN }).dir });
      expect(good.stderr, branch).toBe('');
      expect(good.status, branch).toBe(0);
    }
  });

  it('reads the config: plans folder, rule severities', async () => {
    const { dir } = repo({
      'planc.config.yaml': 'plans: [docs/plans]\nrules: { phase-without-rollback: error }\n',
      'docs/plans/a.plan.yaml': CLEAN.replace(/rollback: .*\n/, ''),
    });
    const result = await cli(['check'], { cwd: join(dir, 'docs') });
    expect(result.stdout.split('\n')[0]).toBe("plans/a.plan.yaml:3:9 - error PLAN5001: Phase `build` has no rollback trigger or steps (its own or the plan's)");
    expect(result.status).toBe(1);
  });

  it('colours output only on a terminal or when forced, and never with NO_COLOR', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace('duration: 2d', 'duration: x') });
    const coloured = async (env: Record<string, string>, tty: boolean) => {
      const result = await cli(['check'], { cwd: dir, env, tty });
      expect(result.status).toBe(1);
      return ANSI.test(result.stdout);
    };
    expect(await coloured({}, false)).toBe(false);
    expect(await coloured({}, true)).toBe(true);
    expect(await coloured({ TERM: 'dumb' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured({ NO_COLOR: '1' }, true)).toBe(false);
    // Both: FORCE_COLOR wins.
    expect(await coloured({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(true);
  });

  it('shows plan text with control characters escaped, so a plan cannot drive the terminal', async () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace('title: Clean', 'title: "Clean"\nstatus: "\\e[2J\\e]0;pwned\\a"') });
    const result = await cli(['check'], { cwd: dir, tty: true });
    expect(result.status).toBe(1);
    // On a terminal the output is coloured, with planc's own escapes only.
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    expect(result.stdout).toContain('\\u{1b}[2J');
  });
});

describe('planc itself', () => {
  it('prints its version and help', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = await cli(['--version'], { cwd: ROOT });
    expect(version).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await cli(['--help'], { cwd: ROOT });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: planc <command> [options]');
    const checkHelp = await cli(['check', '--help'], { cwd: ROOT });
    expect(checkHelp.status).toBe(0);
    expect(checkHelp.stdout).toContain('--max-warnings <value>');
    // No command: the help, and a usage error.
    const bare = await cli([], { cwd: ROOT });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('prints the schema', async () => {
    const result = await cli(['schema'], { cwd: ROOT });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
  });

  it('exits 3 with a bug-report hint, and no stack trace, when planc itself fails', async () => {
    let stderr = '';
    const code = await run(['check', 'plans'], {
      cwd: ROOT,
      env: {},
      stdout: {
        write() {
          throw new TypeError('the reporter broke');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      readStdin: async () => new Uint8Array(),
    });
    expect(code).toBe(3);
    expect(stderr).toContain('planc: internal error (PLAN9001): the reporter broke');
    expect(stderr).toContain('This is a bug in planc');
    expect(stderr).not.toContain('    at ');
  });
});

describe('planc new', () => {
  it.each(['implementation', 'migration', 'refactoring'])('writes the %s template, which checks clean', async (template) => {
    const { dir } = repo({});
    const created = await cli(['new', 'checkout-redesign', '--template', template, '--start', '2027-03-01'], { cwd: dir });
    // planc is not installed in this temporary repository, so the schema line points to npm's copy.
    expect(created.stderr).toBe(
      `planc: note: planc is not installed in this repository, so the schema line points to the schema on npm (https://unpkg.com/planc@${VERSION}/schema/plan.schema.json); install planc in the repository (npm install --save-dev planc) for a path editors read offline.\n`,
    );
    expect(created.stdout).toBe(
      `Created plans/checkout-redesign.plan.yaml from the ${template} template.\nCheck it with: planc check plans/checkout-redesign.plan.yaml\n`,
    );
    expect(created.status).toBe(0);
    const text = readFileSync(join(dir, 'plans/checkout-redesign.plan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/planc@${VERSION}/schema/plan.schema.json`);
    expect(text).toContain('title: "Checkout redesign"');
    expect(text).not.toContain('{{');
    const checked = await cli(['check'], { cwd: dir });
    expect(checked.stdout).toBe('✔ 1 plan file checked: no problems\n');
  });

  it('points the schema line at the installed schema with a relative path', async () => {
    const dir = join(ROOT, 'test', 'artifacts', `new-${process.pid}`);
    try {
      const created = await cli(['new', 'relative', '--dir', dir], { cwd: ROOT });
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      const text = readFileSync(join(dir, 'relative.plan.yaml'), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/plan.schema.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes into the folder a configured glob starts from, where the next check finds the plan', async () => {
    const { dir } = repo({ 'planc.config.yaml': "plans: ['docs/plans/**/*.plan.yaml']\n" });
    const created = await cli(['new', 'foo', '--start', '2027-03-01'], { cwd: dir });
    expect(created.stdout.split('\n')[0]).toBe('Created docs/plans/foo.plan.yaml from the implementation template.');
    expect(created.status).toBe(0);
    const checked = await cli(['check'], { cwd: dir });
    expect(checked.stdout).toBe('✔ 1 plan file checked: no problems\n');
    expect(checked.status).toBe(0);
    // A glob that would not take the new file is skipped for the next pattern; with none
    // left, planc says so rather than write where check will not look.
    const skipping = repo({ 'planc.config.yaml': "plans: ['plans/*.yml', 'plans/*/*.yaml', 'docs/**/*.plan.yaml']\n" });
    expect((await cli(['new', 'bar'], { cwd: skipping.dir })).stdout.split('\n')[0]).toBe('Created docs/bar.plan.yaml from the implementation template.');
    const none = repo({ 'planc.config.yaml': "plans: ['plans/*.yml']\n" });
    const refused = await cli(['new', 'bar'], { cwd: none.dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe('planc: no folder of `plans:` (`plans/*.yml`) takes a file named bar.plan.yaml');
  });

  it('refuses to overwrite, and rejects a bad id or template', async () => {
    const { dir } = repo({ 'plans/taken.plan.yaml': 'mine' });
    const again = await cli(['new', 'taken'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr.split('\n')[0]).toBe('planc: plans/taken.plan.yaml already exists; `planc new` never overwrites a file');
    expect(readFileSync(join(dir, 'plans/taken.plan.yaml'), 'utf8')).toBe('mine');
    const refusals: Array<[string[], string]> = [
      [['new', 'Not A Slug'], 'planc: `Not A Slug` is not a valid plan id'],
      [['new', 'ok', '--template', 'epic'], 'planc: there is no template `epic`'],
      [['new'], 'planc: `planc new` needs the id of the new plan'],
    ];
    for (const [args, message] of refusals) {
      const result = await cli(args, { cwd: dir });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0], args.join(' ')).toBe(message);
    }
  });

  it('shows the configuration\'s errors, as check does, and writes nothing', async () => {
    const { dir } = repo({ 'planc.config.yaml': 'plans: 3\n' });
    const result = await cli(['new', 'fresh'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'planc.config.yaml:1:8 - error PLAN6001: Invalid configuration: Expected a list, but this is the number 3 (Write a list: `[first, second]`, or one `- item` per line.)',
    );
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'plans'))).toBe(false);
  });

  it('quotes a given title safely', async () => {
    const { dir } = repo({});
    expect((await cli(['new', 'x', '--title', 'Say "no" to: sessions'], { cwd: dir })).status).toBe(0);
    const checked = await cli(['check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(checked.stdout).summary.errors).toBe(0);
    expect(readFileSync(join(dir, 'plans/x.plan.yaml'), 'utf8')).toContain('title: "Say \\"no\\" to: sessions"');
  });
});

describe('planc site, before it builds anything', () => {
  it('refuses to replace a folder it did not write', async () => {
    const { dir } = repo({ 'plans/x.plan.yaml': CLEAN, 'dist/app.js': 'console.log(1)\n' });
    const result = await cli(['site', '--out', 'dist'], { cwd: dir, env: { PLANC_CHROMIUM: 'none' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'planc: the output folder `dist` holds files that planc site did not write\nplanc site replaces the whole folder: choose another with --out (or `site.out` in planc.config.yaml), or empty it.\n',
    );
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'dist', 'app.js'), 'utf8')).toBe('console.log(1)\n');
  });
});

describe('the real binary', () => {
  it('ends the process with the exit code run() returns: 0 clean, 1 findings, 2 usage', () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN, 'plans/b.plan.yaml': CLEAN.replace('duration: 2d', 'duration: x') });
    const clean = planc(['check', 'plans/a.plan.yaml'], { cwd: dir });
    expect(clean).toEqual({ status: 0, signal: null, stdout: '✔ 1 plan file checked: no problems\n', stderr: '' });
    const findings = planc(['check'], { cwd: dir });
    expect(findings.stdout.split('\n')[0]).toBe('plans/b.plan.yaml:7:54 - error PLAN2005: `x` is not a duration such as 3, 0.5d, 4h or 2w');
    expect(findings.status).toBe(1);
    const usage = planc(['check', '--frobnicate'], { cwd: dir });
    expect(usage.stderr.split('\n')[0]).toBe('planc: unknown option `--frobnicate`');
    expect(usage.status).toBe(2);
  });

  it('ends quietly, with its own exit code, when the reader closes the pipe early (`| head -1`)', async () => {
    const phases = Array.from({ length: 3000 }, (_, i) => `  - { id: p${i}, title: P, tasks: [{ id: t${i}, title: T, duration: 1d }] }`);
    const { dir } = repo({ 'plans/w.plan.yaml': `title: W\nphases:\n${phases.join('\n')}\n` });
    for (const [args, status] of [[[], 0], [['--max-warnings', '0'], 1]] as const) {
      const child = spawn(process.execPath, [BIN, 'check', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      let first = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
        first = chunk.split('\n')[0]!;
        child.stdout.destroy();
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
      expect(first).toBe("plans/w.plan.yaml:3:11 - warning PLAN5001: Phase `p0` has no rollback trigger or steps (its own or the plan's)");
      expect(stderr).not.toContain('EPIPE');
      expect(stderr).toBe(status === 1 ? 'planc: 3000 warnings, more than --max-warnings 0\n' : '');
      expect(code).toBe(status);
    }
  });

  it('says in one line, and exits 2, when its output cannot be written (a full disk)', () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN });
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('planc: could not write to standard output: ENOSPC\n');
      expect(result.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it.skipIf(process.platform === 'win32')('reports a named pipe as no plan file, without waiting for a writer to open it', () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN });
    expect(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status).toBe(0);
    // Spawned: a planc that blocked on the pipe would block the test's own thread, where
    // no timeout could end it.
    const named = planc(['check', 'fifo.yaml'], { cwd: dir, timeout: 20_000 });
    expect(named.signal).toBeNull();
    expect(named.stdout.split('\n')[0]).toBe('fifo.yaml:1:1 - error PLAN1010: The file cannot be read: it is not a regular file');
    expect(named.status).toBe(1);
  });

  it('refuses to run on a Node.js older than 22.22 (chokidar 6\'s floor), before loading anything', () => {
    // The guard reads process.versions.node; a preloaded module makes this Node report another.
    const runAs = (version: string) =>
      spawnSync(process.execPath, ['--import', `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`, BIN, '--version'], {
        encoding: 'utf8',
        timeout: 20_000,
      });
    const old = runAs('22.21.0');
    expect(old.stderr).toBe(`planc needs Node.js 22.22 or newer; this is 22.21.0 (${process.execPath}).\n`);
    expect(old.stdout).toBe('');
    expect(old.status).toBe(2);
    const supported = runAs('22.22.0');
    expect(supported.stderr).toBe('');
    expect(supported.status).toBe(0);
  });

  it.skipIf(!SCRIPT)('colours its output on a real terminal, and with NO_COLOR and FORCE_COLOR both set prints no warning of Node', () => {
    const { dir } = repo({ 'plans/a.plan.yaml': CLEAN.replace('duration: 2d', 'duration: x') });
    // `script` runs planc on a pseudo-terminal, as a developer's shell does.
    const terminal = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' check`, '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', TERM: 'xterm' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(terminal.error).toBeUndefined();
    expect(terminal.stdout).toMatch(ANSI);
    expect(terminal.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('plans/a.plan.yaml:7:54 - error PLAN2005');
    const both = planc(['check'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).toMatch(ANSI);
    expect(both.stderr).toBe('');
    expect(both.status).toBe(1);
  });
});
