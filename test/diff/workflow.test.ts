// The GitHub Actions job for `planc diff` (what `planc init` writes, and the README shows):
// a valid workflow (action-validator, GitHub's schema), and a comment step that updates the
// one comment starting with the marker, adds one only when a plan changed, and is run here
// for real with bash, jq and a stand-in for `gh` that answers from canned comments.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_COMMENT_FILE, diffJob, diffWorkflow } from '../../src/api/diff-workflow.ts';
import { UNCHANGED_MARKER } from '../../src/emit/markdown/diff.ts';
import { ROOT } from '../helpers/repo.ts';

const work = mkdtempSync(join(tmpdir(), 'planc-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(workflow: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(work, 'repo-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  const file = join(dir, '.github', 'workflows', 'plans.yml');
  writeFileSync(file, workflow);
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'action-validator'), [file], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

interface Step {
  name?: string;
  run?: string;
}

function commentStep(workflow: string, job = 'plan-diff'): string {
  const steps = (parse(workflow) as { jobs: Record<string, { steps: Step[] }> }).jobs[job]!.steps;
  return steps.find((step) => step.name === "Update the pull request's plan comment")!.run!;
}

/** Runs the comment step as Actions would (bash -e), with a `gh` that logs its calls and answers with `comments`. */
function runCommentStep(script: string, comment: string, comments: unknown[]): string[] {
  const dir = mkdtempSync(join(work, 'step-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, DIFF_COMMENT_FILE), comment);
  writeFileSync(join(dir, 'comments.json'), JSON.stringify(comments));
  // gh api: listing comments applies --jq to the canned ones (raw output, as gh prints); other calls are logged.
  writeFileSync(
    join(dir, 'bin', 'gh'),
    [
      '#!/bin/bash',
      'echo "gh $*" >> "$LOG"',
      'jq=""; method=GET; body=""',
      'while [ $# -gt 0 ]; do case "$1" in --jq) jq="$2"; shift;; --method) method="$2"; shift;; -F) body="$2"; shift;; esac; shift; done',
      'if [ "$method" = GET ]; then jq -r "$jq" "$COMMENTS"; else echo "body: $(head -c 19 "${body#body=@}")" >> "$LOG"; fi',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'bin', 'gh'), 0o755);
  const log = join(dir, 'log');
  writeFileSync(log, '');
  // --norc: bash reads ~/.bashrc when it thinks it was started remotely (its input a socket).
  const result = spawnSync('bash', ['--norc', '--noprofile', '-e', '-c', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, LOG: log, COMMENTS: join(dir, 'comments.json'), GH_TOKEN: 'token', PR: '5', GITHUB_REPOSITORY: 'acme/shop' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

const LIST = 'gh api repos/acme/shop/issues/5/comments --paginate --jq .[] | select(.body | startswith("<!-- planc-diff -->")) | .id';
const CHANGED = '<!-- planc-diff -->\n\n**1 plan changed** between main and the working tree.\n';
const UNCHANGED = `<!-- planc-diff -->\n\n${UNCHANGED_MARKER}\n\nNo plan changed between main and the working tree.\n`;

describe('the planc diff job', () => {
  it('is a valid workflow, as the README shows it', () => {
    const workflow = diffWorkflow();
    expect(validate(workflow)).toEqual({ status: 0, output: '' });
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n# .github/workflows/plans.yml\n${workflow}\`\`\``);
  });

  it('takes its id, marker, Node version and arguments, and refuses a marker that would break out of its comment', () => {
    const job = diffJob({ id: 'plans-web', marker: 'planc-diff-web', node: '22', args: 'web/plans' });
    const workflow = `name: Plans\non: pull_request\njobs:\n${job}`;
    expect(validate(workflow)).toEqual({ status: 0, output: '' });
    expect(job).toContain('npx planc diff --base "origin/$GITHUB_BASE_REF" --format markdown --output planc-diff.md --comment-marker planc-diff-web web/plans\n');
    expect(commentStep(workflow, 'plans-web')).toContain('startswith("<!-- planc-diff-web -->")');
    expect(() => diffJob({ marker: '--> <script>' })).toThrow('cannot be a comment marker');
  });

  it('updates the comment that starts with the marker, and no other', () => {
    const comments = [
      { id: 7, body: 'Why does the title say \\<!-- planc-diff --> here?' },
      { id: 42, body: '<!-- planc-diff -->\n\n**2 plans changed**' },
      { id: 43, body: 'Looks good' },
    ];
    expect(runCommentStep(commentStep(diffWorkflow()), CHANGED, comments)).toEqual([LIST, 'gh api --method PATCH repos/acme/shop/issues/comments/42 -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
    // Nothing changed now, but the comment says something did: it is updated to say so.
    expect(runCommentStep(commentStep(diffWorkflow()), UNCHANGED, comments)).toEqual([LIST, 'gh api --method PATCH repos/acme/shop/issues/comments/42 -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
  });

  it('adds a comment when a plan changed and there is none yet; adds none when nothing changed', () => {
    expect(runCommentStep(commentStep(diffWorkflow()), CHANGED, [{ id: 43, body: 'Looks good' }])).toEqual([LIST, 'gh api --method POST repos/acme/shop/issues/5/comments -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
    expect(runCommentStep(commentStep(diffWorkflow()), UNCHANGED, [])).toEqual([LIST]);
  });
});
