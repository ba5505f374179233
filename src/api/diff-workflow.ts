// The GitHub Actions job that puts `planc diff` on a pull request: the diff goes into the
// job summary (planc writes it there when GITHUB_STEP_SUMMARY is set) and into one comment
// on the pull request, found again by its hidden marker and updated on every push instead
// of a new one each time (the comment that starts with the marker: plan text quoted in a
// comment cannot pass for one). Without permission to comment (a pull request from a fork gets a
// read-only token) the comment step fails quietly and the summary still holds the diff.
// `planc init` writes this job into the workflow it generates; the README shows it.
import { MARKER_PATTERN, UNCHANGED_MARKER } from '../emit/markdown/diff.ts';
import { DEFAULT_MARKER } from './diff.ts';
import { UsageError } from './errors.ts';

export interface DiffJobOptions {
  /** The job's id under `jobs:` (default `plan-diff`). */
  id?: string;
  /** The comment's hidden marker (default `planc-diff`): one per job, when a repository runs several. */
  marker?: string;
  /** Node.js for the job (default 24). */
  node?: string;
  /** Paths or options passed on to `planc diff` (`plans/`, `--config ci.planc.yaml`), written as shell words. */
  args?: string;
}

/** The file the job writes the comment to, in the workspace. */
export const DIFF_COMMENT_FILE = 'planc-diff.md';

/** The job, as YAML lines indented to sit under a workflow's `jobs:`. */
export function diffJob(options: DiffJobOptions = {}): string {
  const id = options.id ?? 'plan-diff';
  const marker = options.marker ?? DEFAULT_MARKER;
  if (!MARKER_PATTERN.test(marker)) throw new UsageError(`\`${marker}\` cannot be a comment marker`, 'A marker is a word of letters, digits and `-_.:`.');
  const markerOption = marker === DEFAULT_MARKER ? '' : ` --comment-marker ${marker}`;
  const args = options.args ? ` ${options.args}` : '';
  return `  ${id}:
    name: What this pull request does to the plans
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # planc diff reads the base branch from git's history
      - uses: actions/setup-node@v4
        with:
          node-version: ${options.node ?? '24'}
          cache: npm
      - run: npm ci
      - name: planc diff (also written to the job summary)
        run: npx planc diff --base "origin/$GITHUB_BASE_REF" --format markdown --output ${DIFF_COMMENT_FILE}${markerOption}${args}
      - name: Update the pull request's plan comment
        if: always() && hashFiles('${DIFF_COMMENT_FILE}') != ''
        # Without permission to comment (a pull request from a fork), the job summary still has the diff.
        continue-on-error: true
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
        run: |
          id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate --jq '.[] | select(.body | startswith("<!-- ${marker} -->")) | .id' | head -n 1)
          if [ -n "$id" ]; then
            gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@${DIFF_COMMENT_FILE} > /dev/null
          elif ! grep -qF '${UNCHANGED_MARKER}' ${DIFF_COMMENT_FILE}; then
            gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@${DIFF_COMMENT_FILE} > /dev/null
          fi
`;
}

/** A whole workflow holding only the job: what the README shows to paste. */
export function diffWorkflow(options: DiffJobOptions = {}): string {
  return `name: Plans
on:
  pull_request:
jobs:
${diffJob(options)}`;
}
