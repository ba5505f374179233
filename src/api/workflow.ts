// The GitHub Actions workflow `planc init` writes (.github/workflows/plans.yml): on pull
// requests it checks the plans — annotations on the lines, alerts in code scanning (SARIF),
// the job summary —; on the default branch it builds the site, diagrams drawn by Chrome
// and kept in the Actions cache, and publishes it on GitHub Pages. Each job is a piece of
// its own, so that other jobs (a plan diff on pull requests, say) are added beside them.
import { VERSION } from '../version.ts';

export interface WorkflowOptions {
  /** The branch the site is published from. */
  defaultBranch: string;
  /** How planc is run: from the repository's own dependencies (`npx planc`), or from npm at this version. */
  install: 'project' | 'npx';
  /** Globs of the plan files, for the diagram cache's key. */
  plans: string[];
}

/** A step that gets Node and, from the repository's lockfile, its packages (planc among them). */
function setup(options: WorkflowOptions): string[] {
  return [
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 22',
    ...(options.install === 'project' ? ['          cache: npm', '      - run: npm ci'] : []),
  ];
}

/** The command that runs planc. */
export function plancCommand(options: Pick<WorkflowOptions, 'install'>): string {
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
    '      - name: Build the site',
    `        run: ${planc} site --base "\${{ steps.pages.outputs.base_path }}/"`,
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

/** The jobs of the workflow, in order; each a list of lines indented under `jobs:`. */
export const JOBS: ReadonlyArray<(options: WorkflowOptions) => string[]> = [checkJob, siteJob];

export function workflow(options: WorkflowOptions): string {
  return [
    `# Written by \`planc init\` (planc ${VERSION}). On pull requests: checks the plans, with`,
    '# annotations on the lines, alerts in code scanning and a job summary. On the default',
    '# branch: builds the plans into a site and publishes it on GitHub Pages (Settings →',
    '# Pages → Source: GitHub Actions).',
    'name: Plans',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${quoted(options.defaultBranch)}]`,
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
