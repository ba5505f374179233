// The GitHub Actions job that runs `planc impact` on a pull request: what the change
// touches goes into the job's summary (planc writes it there itself, through
// $GITHUB_STEP_SUMMARY) and into one comment on the pull request, updated on every push.
// As data, for the workflow `planc init` writes: the job is added under `jobs:` as it is.

/** A step of a GitHub Actions job. */
export interface WorkflowStep {
  name: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  run?: string;
  env?: Record<string, string>;
  if?: string;
}

export interface WorkflowJob {
  name: string;
  if: string;
  'runs-on': string;
  permissions: Record<string, 'read' | 'write'>;
  steps: WorkflowStep[];
}

/** The file the impact step writes its markdown to, and the comment step posts. */
export const IMPACT_REPORT_FILE = 'planc-impact.md';

/**
 * The steps of the impact job: a checkout with the history the base is in (`git diff
 * base...HEAD` needs the merge base), the project's install, the impact itself, and the
 * comment (`gh pr comment --edit-last` keeps one comment per pull request).
 */
export function impactSteps(options: { nodeVersion?: string; install?: string } = {}): WorkflowStep[] {
  return [
    { name: 'Check out the pull request with its history', uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
    { name: 'Set up Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': options.nodeVersion ?? '24', cache: 'npm' } },
    { name: 'Install', run: options.install ?? 'npm ci' },
    {
      name: 'What the change touches in the plans',
      env: { BASE: 'origin/${{ github.base_ref }}' },
      run: `npx planc impact --base "$BASE" --format markdown > ${IMPACT_REPORT_FILE}`,
    },
    {
      name: 'Comment on the pull request',
      if: "github.event.pull_request.head.repo.full_name == github.repository",
      env: { GH_TOKEN: '${{ github.token }}', PR: '${{ github.event.pull_request.number }}' },
      run: `gh pr comment "$PR" --body-file ${IMPACT_REPORT_FILE} --edit-last --create-if-none`,
    },
  ];
}

/** The whole job, run for pull requests only (a push has no base to compare with). */
export function impactJob(options: { nodeVersion?: string; install?: string } = {}): WorkflowJob {
  return {
    name: 'Plan impact',
    if: "github.event_name == 'pull_request'",
    'runs-on': 'ubuntu-latest',
    permissions: { contents: 'read', 'pull-requests': 'write' },
    steps: impactSteps(options),
  };
}
