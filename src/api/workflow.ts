// The GitHub Actions workflow `planc init` writes (.github/workflows/plans.yml): on pull
// requests it checks the plans — annotations on the lines, alerts in code scanning (SARIF),
// the job summary —, says what the pull request does to them (`planc diff`) and which
// plans and tasks the code it changes belongs to (`planc impact`), each in the job summary
// and in one comment on the pull request, updated on every push; on the default branch
// (and every Monday) it builds the site, judged on that day, diagrams drawn by Chrome and
// kept in the Actions cache, publishes it on GitHub Pages, and puts the status report in
// the job summary. Each job is a piece of its own, listed in JOBS.
import { DEFAULT_MARKER, UNCHANGED_MARKER } from '../emit/markdown/diff.ts';
import { IMPACT_MARKER, UNTOUCHED_MARKER } from '../report/impact.ts';
import { VERSION } from '../version.ts';

export interface WorkflowOptions {
  /** The branch the site is published from. */
  defaultBranch: string;
  /** How planc is run: from the repository's own dependencies (`npx planc`), or from npm at this version. */
  install: 'project' | 'npx';
  /** Globs of the plan files, for the diagram cache's key. */
  plans: string[];
}

/**
 * The steps that check the repository out (`history`: all of it, for a diff with the base
 * branch) and get Node and, from the repository's lockfile, its packages (planc among them).
 */
function setup(options: WorkflowOptions, history = false): string[] {
  return [
    '      - uses: actions/checkout@v4',
    ...(history ? ['        with:', '          fetch-depth: 0 # planc reads the base branch from git\'s history'] : []),
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 22',
    ...(options.install === 'project' ? ['          cache: npm', '      - run: npm ci'] : []),
  ];
}

/** The command that runs planc. */
function plancCommand(options: Pick<WorkflowOptions, 'install'>): string {
  return options.install === 'project' ? 'npx planc' : `npx --yes planc@${VERSION}`;
}

/** YAML's double-quoted scalar, for a glob. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

function checkJob(options: WorkflowOptions): string[] {
  const planc = plancCommand(options);
  return [
    '  check:',
    '    name: Check the plans',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      security-events: write',
    '    steps:',
    ...setup(options),
    '      # Annotations on the changed lines and the job summary (github), alerts for code scanning (sarif).',
    '      - name: Check',
    `        run: ${planc} check --format github --format sarif=planc.sarif`,
    '      - name: Upload the findings to code scanning',
    "        if: always() && hashFiles('planc.sarif') != ''",
    '        # A pull request from a fork may not write security events; the annotations are there anyway.',
    '        continue-on-error: true',
    '        uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    '          sarif_file: planc.sarif',
    '          category: planc',
  ];
}

/**
 * The step that keeps one pull request comment up to date from a file: the first comment
 * that starts with the marker is replaced; none there, one is added, unless the file holds
 * `quiet` (nothing worth a comment yet). A pull request from a fork gets a token that may
 * not comment: the step then fails quietly.
 */
function commentStep(file: string, marker: string, quiet: string): string[] {
  return [
    '      - name: Update the pull request comment',
    `        if: always() && hashFiles('${file}') != ''`,
    '        continue-on-error: true',
    '        env:',
    '          GH_TOKEN: ${{ github.token }}',
    '          PR: ${{ github.event.pull_request.number }}',
    '        run: |',
    // The first comment that starts with the marker (Actions runs the step with `bash -eo pipefail`: no `head` to cut gh's output short).
    `          ids=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate --jq '.[] | select(.body | startswith("<!-- ${marker} -->")) | .id')`,
    '          id=${ids%%$\'\\n\'*}',
    '          if [ -n "$id" ]; then',
    `            gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@${file} > /dev/null`,
    `          elif ! grep -qF '${quiet}' ${file}; then`,
    `            gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@${file} > /dev/null`,
    '          fi',
  ];
}

/** A job for pull requests only, with the whole history checked out and permission to comment, running `steps`. */
function pullRequestJob(id: string, name: string, options: WorkflowOptions, steps: string[]): string[] {
  return [
    `  ${id}:`,
    `    name: ${name}`,
    "    if: github.event_name == 'pull_request'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      pull-requests: write',
    '    steps:',
    ...setup(options, true),
    ...steps,
  ];
}

/** The file the diff job writes the pull request comment to, in the workspace. */
export const DIFF_COMMENT_FILE = 'planc-diff.md';

/**
 * On a pull request: what it does to the plans. `planc diff` compares the checkout (the
 * pull request merged into its base) with the merge base of the base branch, which it
 * finds from GITHUB_BASE_REF; the markdown goes into the job summary (planc appends it when
 * GITHUB_STEP_SUMMARY is set) and into one comment, found again by the hidden marker it
 * starts with and updated on every push. None is added while no plan changed. Without
 * permission to comment (a pull request from a fork gets a read-only token) the comment
 * step fails quietly: the summary has the diff all the same.
 */
function diffJob(options: WorkflowOptions): string[] {
  return pullRequestJob('diff', 'What the pull request does to the plans', options, [
    '      # The diff goes to the job summary and to the comment file; the log gets it as text.',
    '      - name: Diff the plans',
    `        run: ${plancCommand(options)} diff --format markdown=${DIFF_COMMENT_FILE}`,
    ...commentStep(DIFF_COMMENT_FILE, DEFAULT_MARKER, UNCHANGED_MARKER),
  ]);
}

/** The file the impact job writes the pull request comment to, in the workspace. */
export const IMPACT_COMMENT_FILE = 'planc-impact.md';

/**
 * On a pull request: which plans and tasks the code it changes belongs to. `planc impact
 * --base` takes the files changed since the pull request left its base branch; the
 * markdown goes into the job summary and into one comment, found again by its marker and
 * updated on every push (none added while the change touches no task's code).
 */
function impactJob(options: WorkflowOptions): string[] {
  return pullRequestJob('impact', 'Which plans and tasks the change touches', options, [
    '      # The impact goes to the job summary and to the comment file; the log gets it as text.',
    '      - name: What the change touches',
    `        run: ${plancCommand(options)} impact --base "origin/$GITHUB_BASE_REF" --format markdown=${IMPACT_COMMENT_FILE}`,
    ...commentStep(IMPACT_COMMENT_FILE, IMPACT_MARKER, UNTOUCHED_MARKER),
  ]);
}

function siteJob(options: WorkflowOptions): string[] {
  const planc = plancCommand(options);
  return [
    '  site:',
    '    name: Publish the site',
    "    if: github.event_name != 'pull_request'",
    '    needs: check',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      pages: write',
    '      id-token: write',
    '    environment:',
    '      name: github-pages',
    '      url: ${{ steps.deploy.outputs.page_url }}',
    '    steps:',
    ...setup(options),
    '      # Chrome draws the diagrams to SVG when the site is built.',
    '      - uses: browser-actions/setup-chrome@v1',
    '        id: chrome',
    '      - uses: actions/configure-pages@v5',
    '        id: pages',
    '      # Drawings are cached by their source: only changed diagrams are drawn again.',
    '      - uses: actions/cache@v4',
    '        with:',
    '          path: .planc-cache',
    `          key: planc-diagrams-\${{ runner.os }}-\${{ hashFiles(${[...options.plans, 'planc.config.yaml'].map((glob) => `'${glob.replace(/'/g, "''")}'`).join(', ')}) }}`,
    '          restore-keys: planc-diagrams-${{ runner.os }}-',
    '      # Judged on the day it is built: the timeline shows today, each plan gets a status page.',
    '      # Findings (exit 1) are on the site; only a site that could not be built (2, 3) stops the job.',
    '      - name: Build the site',
    `        run: ${planc} site --status-date today --base "\${{ steps.pages.outputs.base_path }}/" || [ $? -eq 1 ]`,
    '        env:',
    '          PLANC_CHROMIUM: ${{ steps.chrome.outputs.chrome-path }}',
    '          PLANC_CACHE_DIR: .planc-cache',
    '      - uses: actions/upload-pages-artifact@v3',
    '        with:',
    '          path: _site',
    '      - uses: actions/deploy-pages@v4',
    '        id: deploy',
  ];
}

/** Outside pull requests (pushes, the weekly run, by hand): the status report on today's date, as the job summary. */
function statusJob(options: WorkflowOptions): string[] {
  const planc = plancCommand(options);
  return [
    '  status:',
    '    name: Status report',
    "    if: github.event_name != 'pull_request'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '    steps:',
    ...setup(options),
    '      - name: Status report',
    `        run: ${planc} report --status-date today >> "$GITHUB_STEP_SUMMARY"`,
  ];
}

/** The jobs of the workflow, in order; each a list of lines indented under `jobs:`. */
const JOBS: ReadonlyArray<(options: WorkflowOptions) => string[]> = [checkJob, diffJob, impactJob, siteJob, statusJob];

/** The diff job alone, as the README shows it for a workflow of one's own: lines indented under `jobs:`. */
export function diffJobText(options: WorkflowOptions): string {
  return `${diffJob(options).join('\n')}\n`;
}

export function workflow(options: WorkflowOptions): string {
  return [
    `# Written by \`planc init\` (planc ${VERSION}). On pull requests: checks the plans, with`,
    '# annotations on the lines, alerts in code scanning and a job summary, and says what the',
    '# pull request does to them (planc diff) and which plans and tasks its code belongs to',
    '# (planc impact), each in the job summary and in one comment. On the default branch (and',
    '# every Monday): builds the plans into a site and publishes it on GitHub Pages (Settings →',
    '# Pages → Source: GitHub Actions), and writes a status report.',
    'name: Plans',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${quoted(options.defaultBranch)}]`,
    '  # Mondays at 06:00 UTC: the site and the status report judged on the new week.',
    '  schedule:',
    "    - cron: '0 6 * * 1'",
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '',
    'concurrency:',
    '  group: plans-${{ github.ref }}',
    '  cancel-in-progress: true',
    '',
    'jobs:',
    ...JOBS.flatMap((job, index) => [...(index > 0 ? [''] : []), ...job(options)]),
    '',
  ].join('\n');
}
