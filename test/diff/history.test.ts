// `planc diff` over a scripted git history: a base commit of three plans on main, and one
// branch per change a pull request makes (edit a duration, add a dependency that moves the
// critical path, remove a rollback, rename a file, break a plan, rescore risks, change a
// plan another depends on, add and remove plans). Each branch is diffed against main in
// every format, through the command line in this process (git runs for real), and the
// outputs are golden files; the facts that matter are asserted on the JSON as well.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { GIT_ENV, gitRepo, type GitRepo } from '../helpers/git.ts';
import { expectGolden } from '../helpers/golden.ts';
import { ROOT } from '../helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'diff');
const BASE: Record<string, string> = {
  'planc.config.yaml': readFileSync(join(FIXTURES, 'base', 'planc.config.yaml'), 'utf8'),
  ...Object.fromEntries(readdirSync(join(FIXTURES, 'base', 'plans')).map((name) => [`plans/${name}`, readFileSync(join(FIXTURES, 'base', 'plans', name), 'utf8')])),
};
const CHECKOUT = 'plans/checkout.plan.yaml';

/** A file of the base with one text replaced (the replaced text must be there). */
function edited(path: string, ...replacements: Array<[string, string]>): string {
  let text = BASE[path]!;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

interface Scenario {
  change(repo: GitRepo): void;
}

const SCENARIOS: Record<string, Scenario> = {
  duration: {
    change: (repo) => repo.write({ [CHECKOUT]: edited(CHECKOUT, ['title: Build the backend, owner: web, duration: 5d', 'title: Build the backend, owner: web, duration: 8d']) }),
  },
  dependency: {
    change: (repo) => repo.write({ [CHECKOUT]: edited(CHECKOUT, ['        title: Build the mobile screens\n', '        title: Build the mobile screens\n        dependsOn: [frontend]\n']) }),
  },
  rollback: {
    change: (repo) => repo.write({ [CHECKOUT]: edited(CHECKOUT, ['rollback: { trigger: Checkout errors above 1%, steps: [Turn the flag off] }\n', '']) }),
  },
  rename: {
    // git sees a rename (the file is mostly the same); planc sees the same plan, moved.
    change: (repo) => repo.write({ [CHECKOUT]: null, 'plans/web/checkout.plan.yaml': edited(CHECKOUT, ['title: Checkout rewrite', 'title: Checkout rewrite, web only']) }),
  },
  broken: {
    change: (repo) => repo.write({ [CHECKOUT]: edited(CHECKOUT, ['title: Checkout rewrite', 'title: "Checkout rewrite']) }),
  },
  risks: {
    change: (repo) =>
      repo.write({
        [CHECKOUT]: edited(
          CHECKOUT,
          [', mitigation: A second provider on standby }', ' }'],
          ['risk: The new API is slow, probability: medium', 'risk: The new API is slow, probability: high'],
          ['verifiedBy: [load-test] }', 'verifiedBy: [] }'],
        ),
      }),
  },
  'cross-plan': {
    change: (repo) => repo.write({ 'plans/infra.plan.yaml': edited('plans/infra.plan.yaml', ['owner: sre, duration: 3d', 'owner: sre, duration: 6d']) }),
  },
  'added-removed': {
    change: (repo) =>
      repo.write({
        'plans/legacy.plan.yaml': null,
        'plans/docs.plan.yaml': 'title: Document the new checkout\nstart: 2027-01-18\nrollback: { trigger: Docs wrong, steps: [Revert the docs] }\nphases:\n  - id: write\n    title: Write\n    tasks:\n      - { id: guide, title: Write the guide, duration: 2d }\n',
      }),
  },
};

const FORMATS = { stylish: 'txt', markdown: 'md', json: 'json' } as const;

let repo: GitRepo;
beforeAll(() => {
  repo = gitRepo(BASE);
  repo.commit('The plans');
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    repo.git('checkout', '-q', '-b', name, 'main');
    scenario.change(repo);
    repo.commit(name);
  }
  repo.git('checkout', '-q', 'main');
});
afterAll(() => repo.cleanup());

/** Commit ids change with git's object format: the goldens name them by their role. */
function normalised(text: string): string {
  return text.replace(/\b[0-9a-f]{40}\b/g, '<commit>').replace(/\(([0-9a-f]{7})\)/g, '(<commit>)');
}

async function diffOf(head: string, ...args: string[]) {
  return cli(['diff', '--base', 'main', '--head', head, ...args], { cwd: repo.dir, env: GIT_ENV });
}

/** Each scenario's diff in every format, from one run of the command each (a diff takes a while). */
const outputs = new Map<string, Promise<Record<string, string>>>();
function outputsOf(head: string): Promise<Record<string, string>> {
  let found = outputs.get(head);
  if (!found) {
    found = (async () => {
      const out = mkdtempSync(join(tmpdir(), 'planc-diff-out-'));
      try {
        const summary = join(out, 'summary.md');
        // One run: the markdown and the JSON to their files, stylish to standard output, the job summary to its file.
        const run = await cli(['diff', '--base', 'main', '--head', head, '--format', `markdown=${join(out, 'comment.md')}`, '--format', `json=${join(out, 'diff.json')}`], {
          cwd: repo.dir,
          env: { ...GIT_ENV, GITHUB_STEP_SUMMARY: summary },
        });
        expect(run).toMatchObject({ status: 0, stderr: '' });
        const markdown = readFileSync(join(out, 'comment.md'), 'utf8');
        // The job summary is the comment without its marker.
        expect(readFileSync(summary, 'utf8')).toBe(`${markdown.replace('<!-- planc-diff -->\n\n', '')}\n`);
        return { stylish: run.stdout, markdown, json: readFileSync(join(out, 'diff.json'), 'utf8') };
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    })();
    outputs.set(head, found);
  }
  return found;
}

async function jsonOf(head: string) {
  return JSON.parse((await outputsOf(head)).json!);
}

describe('planc diff over a git history', () => {
  for (const name of Object.keys(SCENARIOS)) {
    it(`${name}: every format`, async () => {
      const formats = await outputsOf(name);
      for (const [format, extension] of Object.entries(FORMATS)) {
        expectGolden(join(FIXTURES, 'expected', name, `${format}.${extension}`), normalised(formats[format]!));
      }
    });
  }

  it('documents every field of its JSON in docs/diff-json.md', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'diff-json.md'), 'utf8');
    const names = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [key, entry] of Object.entries(value)) {
          names.add(key);
          // A changed field's values are the plan's own, not the format's.
          if (key !== 'fields') walk(entry);
        }
      }
    };
    for (const name of Object.keys(SCENARIOS)) walk(await jsonOf(name));
    walk(JSON.parse((await diffOf('cross-plan', '--format', 'json', '--fail-on', 'finish-later')).stdout));
    walk(JSON.parse((await cli(['diff', '--format', 'json'], { cwd: repo.dir, env: GIT_ENV })).stdout));
    expect(names.size).toBeGreaterThan(60);
    // Named in code, alone or in a path: `name`, `.name`, `summary.empty`, `gates[]`.
    expect([...names].filter((name) => !new RegExp(`[\`.]${name}[\`.[]`).test(doc))).toEqual([]);
  });

  it('edit a duration: the finish moves, the milestone now slips, the chain after it consumes no float', async () => {
    const { plans, summary } = await jsonOf('duration');
    expect(summary).toMatchObject({ changed: 1, added: 0, removed: 0, unchanged: 2, findings: { new: { warnings: 1 } } });
    const [checkout] = plans;
    expect(checkout).toMatchObject({ id: 'checkout', change: 'changed', edited: true, schedule: { finish: 3, start: 0 } });
    expect(checkout.base).toMatchObject({ finish: '2027-01-18', duration: 11 });
    expect(checkout.head).toMatchObject({ finish: '2027-01-21', duration: 14, slips: [{ id: 'built', date: '2027-01-19', due: '2027-01-15', days: 2 }] });
    expect(checkout.milestones).toEqual([
      { id: 'built', title: 'Everything built', change: 'changed', base: { at: 9, day: 9, date: '2027-01-14', due: '2027-01-15' }, head: { at: 12, day: 12, date: '2027-01-19', due: '2027-01-15', slip: 2 }, moved: 3, slip: 'new' },
    ]);
    expect(checkout.items).toEqual([{ kind: 'task', id: 'backend', title: 'Build the backend', change: 'changed', fields: [{ field: 'duration', base: 5, head: 8 }] }]);
    expect(checkout.findings.new.map((f: { code: string }) => f.code)).toEqual(['PLAN4001']);
  });

  it('add a dependency: the critical path moves through the frontend to the mobile screens', async () => {
    const [checkout] = (await jsonOf('dependency')).plans;
    expect(checkout.criticalPath).toEqual({ entered: ['api-design', 'frontend', 'mobile'], left: ['backend', 'migrate-orders'] });
    expect(checkout.float.consumed).toBeCloseTo(8.833333, 5);
    expect(checkout.float.released).toBeCloseTo(0.333334, 5);
    expect(checkout.items).toEqual([{ kind: 'task', id: 'mobile', title: 'Build the mobile screens', change: 'changed', fields: [{ field: 'dependsOn', base: [], head: ['frontend'] }] }]);
  });

  it('remove the rollback: coverage drops and says what each phase lacks', async () => {
    const [checkout] = (await jsonOf('rollback')).plans;
    expect(checkout.coverage).toEqual({
      base: { covered: 5, total: 5, percent: 100 },
      head: { covered: 3, total: 5, percent: 60 },
      lost: [
        { kind: 'phase', id: 'design', missing: ['trigger', 'steps'] },
        { kind: 'phase', id: 'build', missing: ['trigger', 'steps'] },
      ],
      regained: [],
      pointsOfNoReturn: { added: [], removed: [] },
    });
  });

  it('rename a file and edit it: the same plan, moved, with its change', async () => {
    const { plans, summary } = await jsonOf('rename');
    expect(summary).toMatchObject({ changed: 1, moved: 1, added: 0, removed: 0 });
    expect(plans[0]).toMatchObject({ id: 'checkout', change: 'changed', file: { base: CHECKOUT, head: 'plans/web/checkout.plan.yaml' } });
    expect(plans[0].items).toEqual([{ kind: 'plan', id: 'checkout', title: 'Checkout rewrite, web only', change: 'changed', fields: [{ field: 'title', base: 'Checkout rewrite', head: 'Checkout rewrite, web only' }] }]);
  });

  it('break a plan: it no longer compiles, with its new error; gates on new errors fail', async () => {
    const [checkout] = (await jsonOf('broken')).plans;
    expect(checkout).toMatchObject({ id: 'checkout', change: 'changed', base: { compiled: true }, head: { compiled: false, errors: 1 } });
    expect(checkout.findings.new).toMatchObject([{ code: 'PLAN1001', severity: 'error', file: CHECKOUT }]);
    const gated = await diffOf('broken', '--fail-on', 'finish-later', '--fail-on', 'new-errors,coverage-drop');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toBe('planc: --fail-on new-errors: 1 new error in `checkout`\n');
  });

  it('rescore a risk, drop a mitigation and a verification: each is named', async () => {
    const [checkout] = (await jsonOf('risks')).plans;
    expect(checkout.risks).toEqual({
      added: [],
      removed: [],
      rescored: [
        {
          id: 'slow-api',
          risk: 'The new API is slow',
          base: { id: 'slow-api', risk: 'The new API is slow', probability: 'medium', impact: 'medium', score: 4 },
          head: { id: 'slow-api', risk: 'The new API is slow', probability: 'high', impact: 'medium', score: 6 },
        },
      ],
      lostMitigation: [{ id: 'payment-outage', risk: 'The payment provider is down at launch', probability: 'low', impact: 'high', score: 3 }],
    });
    expect(checkout.lostVerification).toEqual([{ id: 'fast', text: 'Checkout p95 under 300 ms', verifiedBy: ['load-test'] }]);
    const gated = await diffOf('risks', '--fail-on', 'lost-mitigation,lost-verification,new-slip');
    expect(gated.status).toBe(1);
    expect(gated.stderr.split('\n')).toEqual([
      'planc: --fail-on lost-mitigation: risk `payment-outage` of `checkout` lost its mitigation',
      'planc: --fail-on lost-verification: success criterion `fast` of `checkout` lost its verification',
      '',
    ]);
  });

  it('change a plan another depends on: the other plan moves too, and says through which', async () => {
    const { plans } = await jsonOf('cross-plan');
    expect(plans.map((plan: { id: string; edited: boolean; through: string[] }) => [plan.id, plan.edited, plan.through])).toEqual([
      ['infra', true, []],
      ['checkout', false, ['infra']],
    ]);
    expect(plans[1]).toMatchObject({ schedule: { finish: 3 }, items: [], milestones: [{ id: 'built', slip: 'new', moved: 3 }] });
    const gated = await diffOf('cross-plan', '--fail-on', 'finish-later');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toBe('planc: --fail-on finish-later: the finish of `infra` moves 3 working days later; the finish of `checkout` moves 3 working days later\n');
  });

  it('add a plan and remove another', async () => {
    const { plans, summary } = await jsonOf('added-removed');
    expect(summary).toMatchObject({ added: 1, removed: 1, changed: 0, unchanged: 2 });
    expect(plans.map((plan: { id: string; change: string }) => [plan.id, plan.change])).toEqual([
      ['docs', 'added'],
      ['legacy', 'removed'],
    ]);
    expect((await diffOf('added-removed', '--fail-on', 'removed-plan')).status).toBe(1);
  });

  it('prints one line when nothing changed, in every format for people, and exits 0', async () => {
    const stylish = await diffOf('main');
    expect(stylish).toEqual({ status: 0, stderr: '', stdout: expect.stringMatching(/^✔ No plan changed between main \([0-9a-f]{7}\) and main \([0-9a-f]{7}\)\.\n$/) });
    const markdown = await diffOf('main', '--format', 'markdown');
    expect(normalised(markdown.stdout)).toBe('<!-- planc-diff -->\n\n<!-- planc-diff: no plan changed -->\n\nNo plan changed between main (<commit>) and main (<commit>).\n');
    const json = JSON.parse((await diffOf('main', '--format', 'json', '--fail-on', 'any')).stdout);
    expect(json).toMatchObject({ summary: { empty: true, unchanged: 3 }, plans: [], gates: [{ gate: 'any', holds: false, reasons: [] }] });
  });
});
