// `planc site` as a library call: check the plans (with the simulation), make each built
// plan's document, draw every diagram in Chromium when one is found (cached by content),
// turn the documents into the site's data, and run Astro over the template, in a process
// of its own. Progress is reported through `onProgress`; nothing is written to the
// process's streams.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { documentInput } from '../emit/index.ts';
import { planDocumentTree, type DocumentAnchors } from '../emit/markdown/document.ts';
import { untrustedInline } from '../emit/markdown/untrusted.ts';
import { ganttHtml, ganttSvg, type GanttDrawing } from '../emit/gantt/chart.ts';
import { planGantt } from '../emit/gantt/plan.ts';
import { portfolioGantt } from '../emit/gantt/portfolio.ts';
import { workloadDrawing } from '../emit/gantt/workload.ts';
import { statusReport, type Linked } from '../emit/markdown/status-report.ts';
import { planJson } from '../emit/plan-json.ts';
import { epochDay, isoDate } from '../util/dates.ts';
import type { Plan } from '../model/plan.ts';
import { findChromium, isOff, type ChromiumFound } from '../render/chromium.ts';
import { mermaidScript, mermaidTheme, renderDiagrams, type RenderStats } from '../render/mermaid.ts';
import { basePath, buildAstroSite, cacheFolder, siteTargetProblem, type Env } from '../site/build.ts';
import { mermaidSources } from '../site/html.ts';
import { siteData, type NativeDrawing } from '../site/prepare.ts';
import { shownPath } from '../util/paths.ts';
import type { Theme } from '../util/themes.ts';
import { UsageError } from './errors.ts';
import { DEFAULT_SINCE_DAYS } from './status-report.ts';
import type { CheckResult } from './result.ts';
import { checkRequest, CompilerSession, type CheckRequest, type SessionOptions } from './session.ts';

export type SiteProgress =
  /** Diagram drawings (one per diagram and theme) done, from the cache or drawn. */
  | { stage: 'diagrams'; done: number; total: number }
  /** Pages Astro has written. */
  | { stage: 'pages'; done: number; total: number };

export interface SiteOptions extends SessionOptions, Omit<CheckRequest, 'simulate'> {
  /** The output folder, relative to `cwd` (default: the config's `site.out`). */
  out?: string;
  /** The path the site is served under (default: the config's `site.base`). */
  base?: string;
  /** A Chromium to draw diagrams with, or `none` (default: PLANC_CHROMIUM, the config's, or one found on the machine). */
  chromium?: string;
  /** How messages name `chromium` (the CLI says `--chromium`). */
  chromiumLabel?: string;
  /** The environment to read PLANC_CHROMIUM and PLANC_CACHE_DIR from, and to start Astro's process with (default: this process's). */
  env?: Env;
  /** A session to compile with (a watcher's), instead of a new one. */
  session?: CompilerSession;
  onProgress?: (progress: SiteProgress) => void;
}

export interface DiagramSummary {
  /** `svg`: every diagram drawn at build time; `browser`: some or all left to the reader's browser. */
  mode: 'svg' | 'browser';
  /** Why no diagram was drawn at build time (no Chromium, or one that would not start). */
  reason?: string;
  /** The Chromium used, and where it was found. */
  chromium?: ChromiumFound;
  rendered: number;
  cached: number;
  /** Drawings that failed: their diagram is drawn by the browser. */
  failures: Array<{ diagram: string; theme: Theme; reason: string }>;
}

export interface SiteResult extends CheckResult {
  /** The output folder, absolute. */
  out: string;
  /** What was built; undefined when the configuration has errors and nothing was. */
  site?: { pages: number; plans: number; diagrams: DiagramSummary };
}

const TARGET_HELP =
  'planc site replaces the whole folder: choose another with --out (or `site.out` in planc.config.yaml), or empty it.';

function countPages(folder: string): number {
  let pages = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages += 1;
  }
  return pages;
}

/** Pages beside the plans' and the diagnostics': the portfolio, decisions, risks, diagnostics index, about and 404. */
const FIXED_PAGES = 6;

export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const cwd = resolve(options.cwd);
  const env = options.env ?? process.env;
  const session = options.session ?? new CompilerSession(options);
  const result = await session.check({ ...checkRequest(options), simulate: true });
  const { config } = result;
  const out = options.out !== undefined ? resolve(cwd, options.out) : resolve(config.root, config.site.out);
  if (result.configInvalid) return { ...result, out };
  const problem = siteTargetProblem(out);
  if (problem) throw new UsageError(`the output folder \`${shownPath(out, cwd)}\` ${problem}`, TARGET_HELP);
  const site = config.site;
  // The caller's own setting beats PLANC_CHROMIUM, which beats the config.
  const lookup = findChromium({
    ...(options.chromium !== undefined ? { option: options.chromium } : {}),
    ...(options.chromiumLabel !== undefined ? { optionLabel: options.chromiumLabel } : {}),
    ...(site.chromium !== undefined ? { configured: isOff(site.chromium) ? site.chromium : resolve(config.root, site.chromium) } : {}),
    env,
  });
  if (lookup.missing) {
    throw new UsageError(
      `${lookup.missing.source} names \`${lookup.missing.path}\`, which does not exist`,
      'Point it at a Chromium or Chrome that is installed, or set it to `none` to leave the diagrams to the reader\'s browser.',
    );
  }

  const documents = new Map(result.built.map((plan) => [plan, planDocumentTree(documentInput(plan, result), { header: false })]));
  // The timelines planc draws itself, each bar linking to its row in the page.
  const gantts = new Map<Plan, Record<string, NativeDrawing>>();
  for (const [plan, document] of documents) {
    const drawing = planGantt(plan, result.analysis.plans.get(plan)!, { href: (item) => fragment(anchorOf(document.anchors, item)) });
    if (drawing) gantts.set(plan, { gantt: native(drawing, 'gantt.svg') });
    const load = workloadDrawing(plan, result.analysis.plans.get(plan)!);
    if (load) gantts.set(plan, { ...gantts.get(plan), workload: native(load, 'workload.svg', !drawing) });
  }
  const portfolio = portfolioGantt(result.built, result.analysis, { href: (plan) => `plans/${plan.id}/` });
  const timeline = portfolio ? native(portfolio, 'timeline.svg') : undefined;
  // Every diagram Mermaid draws, each with what it is (to name it if it cannot be drawn).
  const names = new Map<string, string>();
  for (const [plan, document] of documents) {
    for (const source of mermaidSources(document.tree, ['gantt'])) if (!names.has(source)) names.set(source, diagramName(plan, source));
  }

  const diagrams: DiagramSummary = { mode: 'browser', rendered: 0, cached: 0, failures: [], ...(lookup.found ? { chromium: lookup.found } : {}) };
  let drawings: Awaited<ReturnType<typeof renderDiagrams>>['svgs'] | undefined;
  if (!lookup.found) diagrams.reason = lookup.reason ?? 'no Chromium was found';
  else {
    try {
      const total = names.size * 2;
      const drawn = await renderDiagrams(names.keys(), {
        chromium: lookup.found.path,
        cacheDir: cacheFolder(config.root, env),
        ...(options.onProgress ? { onProgress: (done: number) => options.onProgress!({ stage: 'diagrams', done, total }) } : {}),
      });
      drawings = drawn.svgs;
      Object.assign(diagrams, summarise(drawn.stats, names));
    } catch (error) {
      // A browser that will not start (or dies) is not the plans' fault: the site is still
      // built, with the diagrams left to the reader's browser.
      diagrams.reason = `Chromium at ${lookup.found.path} (from ${lookup.found.source}) could not draw them: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
    }
  }

  // With a status date, each plan's status report has a page of its own.
  const statusDate = config.statusDate;
  const since = statusDate === undefined ? undefined : isoDate(epochDay(statusDate) - DEFAULT_SINCE_DAYS);
  const statusReports =
    statusDate === undefined
      ? undefined
      : {
          date: statusDate,
          reports: new Map(
            result.built.map((plan) => {
              // Each name links to its row (or heading) on the plan's page, the folder above.
              const { anchors } = documents.get(plan)!;
              const href = (item: Linked) => {
                const id = anchorOf(anchors, item);
                return id === undefined ? undefined : `../#${id}`;
              };
              return [plan, statusReport(plan, result.analysis.plans.get(plan)!, { statusDate, since: since!, header: false, href })] as const;
            }),
          ),
        };

  const planJsons = new Map(result.built.map((plan) => [plan, planJson(plan, result.analysis.plans.get(plan)!, [...(result.byFile.get(plan.file) ?? [])])]));
  const data = siteData(
    { ...result, documents, gantts, untrustedInline, ...(statusReports ? { statusReports } : {}), ...(timeline ? { timeline } : {}), ...(drawings ? { drawings } : {}), diagrams: diagrams.mode, planJson: planJsons },
    {
      title: site.title,
      ...(site.repository ? { repository: site.repository } : {}),
      branch: site.branch,
      root: config.root,
      cwd,
      mermaid: { light: mermaidTheme('light'), dark: mermaidTheme('dark') },
    },
  );
  const expected = data.plans.length + (statusReports?.reports.size ?? 0) + data.diagnostics.length + FIXED_PAGES;
  let pages = 0;
  await buildAstroSite(data, {
    out,
    base: basePath(options.base ?? site.base),
    ...(site.url ? { url: site.url } : {}),
    env,
    mermaidScript: mermaidScript(),
    ...(options.onProgress ? { onPage: () => options.onProgress!({ stage: 'pages', done: ++pages, total: Math.max(expected, pages) }) } : {}),
  });
  return { ...result, out, site: { pages: countPages(out), plans: data.plans.length, diagrams } };
}

/** A drawing of planc's own as the site holds it: its figure, linking to its SVG file beside the page (`style`: with the charts' style sheet, which a page needs once). */
function native(drawing: GanttDrawing, file: string, style = true): NativeDrawing {
  return { html: ganttHtml(drawing, { svgHref: file, style }), svg: ganttSvg(drawing) };
}

/** The id of the element that holds an item on its plan's page: a table row, or a decision's heading. */
function anchorOf(anchors: DocumentAnchors, item: Linked): string | undefined {
  switch (item.kind) {
    case 'task':
      return anchors.tasks.get(item);
    case 'milestone':
      return anchors.milestones.get(item);
    case 'stage':
      return anchors.stages.get(item);
    case 'risk':
      return anchors.risks.get(item);
    case 'decision':
      return anchors.decisions.get(item);
  }
}

function fragment(id: string | undefined): string | undefined {
  return id === undefined ? undefined : `#${id}`;
}

/** "plans/x.plan.yaml: the gantt diagram". */
function diagramName(plan: Plan, source: string): string {
  return `${plan.file}: the ${/^\s*(\w+)/.exec(source)?.[1] ?? 'Mermaid'} diagram`;
}

function summarise(stats: RenderStats, names: ReadonlyMap<string, string>): Partial<DiagramSummary> {
  return {
    mode: stats.failed === 0 ? 'svg' : 'browser',
    rendered: stats.rendered,
    cached: stats.cached,
    failures: stats.failures.map((failure) => ({ diagram: names.get(failure.source) ?? 'a diagram', theme: failure.theme, reason: failure.reason })),
  };
}
