// The diff job of the workflow `planc init` writes (test/ci/init.test.ts has GitHub's parser
// and action-validator read the whole workflow): the README shows the job as init writes
// it, and its comment step updates the one comment starting with the marker, adds one only
// when a plan changed, and is run here for real with bash, jq and a stand-in for `gh` that
// answers from canned comments (test/helpers/gh.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_COMMENT_FILE, diffJobText, workflow, type WorkflowOptions } from '../../src/api/workflow.ts';
import { UNCHANGED_MARKER } from '../../src/emit/markdown/diff.ts';
import { runCommentStep as runStep } from '../helpers/gh.ts';
import { ROOT } from '../helpers/repo.ts';

const work = mkdtempSync(join(tmpdir(), 'planc-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Step {
  name?: string;
  run?: string;
}

const OPTIONS: WorkflowOptions = { defaultBranch: 'main', install: 'project', plans: ['plans'] };

/** The diff job's steps, as init writes them. */
function diffSteps(): Step[] {
  return (parse(workflow(OPTIONS)) as { jobs: Record<string, { steps: Step[] }> }).jobs.diff!.steps;
}

function commentStep(): string {
  return diffSteps().find((step) => step.name === 'Update the pull request comment')!.run!;
}

/** Runs the comment step as Actions would, with a `gh` that logs its calls and answers with `comments`. */
function runCommentStep(script: string, comment: string, comments: unknown[]): string[] {
  return runStep(work, script, DIFF_COMMENT_FILE, comment, comments);
}

const LIST = 'gh api repos/acme/shop/issues/5/comments --paginate --jq .[] | select(.body | startswith("<!-- planc-diff -->")) | .id';
const CHANGED = '<!-- planc-diff -->\n\n**1 plan changed** between main and the working tree.\n';
const UNCHANGED = `<!-- planc-diff -->\n\n${UNCHANGED_MARKER}\n\nNo plan changed between main and the working tree.\n`;

describe('the planc diff job', () => {
  it('is in the README as init writes it, and writes the comment file the comment step reads', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\njobs:\n${diffJobText(OPTIONS)}\`\`\``);
    expect(diffSteps().find((step) => step.name === 'Diff the plans')!.run).toBe(`npx planc diff --format markdown=${DIFF_COMMENT_FILE}`);
  });

  it('updates the comment that starts with the marker, and no other', () => {
    const comments = [
      { id: 7, body: 'Why does the title say \\<!-- planc-diff --> here?' },
      { id: 42, body: '<!-- planc-diff -->\n\n**2 plans changed**' },
      { id: 43, body: 'Looks good' },
      // Two with the marker (one added by hand, say): the first is the one kept up to date.
      { id: 44, body: '<!-- planc-diff -->\n\n**1 plan changed**' },
    ];
    expect(runCommentStep(commentStep(), CHANGED, comments)).toEqual([LIST, 'gh api --method PATCH repos/acme/shop/issues/comments/42 -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
    // Nothing changed now, but the comment says something did: it is updated to say so.
    expect(runCommentStep(commentStep(), UNCHANGED, comments)).toEqual([LIST, 'gh api --method PATCH repos/acme/shop/issues/comments/42 -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
  });

  it('adds a comment when a plan changed and there is none yet; adds none when nothing changed', () => {
    expect(runCommentStep(commentStep(), CHANGED, [{ id: 43, body: 'Looks good' }])).toEqual([LIST, 'gh api --method POST repos/acme/shop/issues/5/comments -F body=@planc-diff.md', 'body: <!-- planc-diff -->']);
    expect(runCommentStep(commentStep(), UNCHANGED, [])).toEqual([LIST]);
  });
});
