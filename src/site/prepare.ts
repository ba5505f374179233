// What the Astro site reads: every plan built into its page (HTML of the plan document
// with its diagrams), the portfolio's figures, decisions and risks across plans, and the
// diagnostics catalogue with each example's real output. Written as JSON into a folder that
// the site's content loader reads (site/src/content.config.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { check } from '../check.ts';
import type { CompileResult } from '../compile.ts';
import { catalogue } from '../diagnostics/catalogue.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { SourceText } from '../diagnostics/source.ts';
import { buildablePlans, diagnosticsByFile, documentInput } from '../emit/index.ts';
import { planDocumentTree } from '../emit/markdown/document.ts';
import { planJson, riskScore } from '../emit/plan-json.ts';
import { barLabel, ganttAxis, sectionTitle } from '../emit/mermaid/gantt.ts';
import { ganttText } from '../emit/mermaid/text.ts';
import { allRisks, type Plan } from '../model/plan.ts';
import { stylish } from '../report/stylish.ts';
import { PLAIN } from '../report/terminal.ts';
import { mermaidTheme, renderDiagrams, type RenderStats, type Theme } from '../render/mermaid.ts';
import { epochDay, isoDate } from '../analyse/calendar.ts';
import { VERSION } from '../version.ts';
import { diagramElement, documentHtml, mermaidSources, normalise, printer, type Heading } from './html.ts';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface SiteOptions {
  title: string;
  /** The repository's web address, for "edit this plan" links. */
  repository?: string;
  branch: string;
  /** The folder plan file paths are relative to in the repository. */
  root: string;
  cwd: string;
  /** A Chromium to draw diagrams with; without one, the browser draws them. */
  chromium?: string;
  cacheDir: string;
}

export interface SitePlan {
  id: string;
  order: number;
  title: string;
  file: string;
  editUrl?: string;
  kind: string;
  status: string;
  owner?: string;
  tags: string[];
  start?: string;
  finish?: string;
  duration?: number;
  progress: number;
  coverage: { covered: number; total: number };
  risks: number;
  findings: { errors: number; warnings: number; infos: number };
  html: string;
  headings: Heading[];
  plan: Record<string, unknown>;
}

export interface SiteDecision {
  plan: string;
  planTitle: string;
  id: string;
  title: string;
  status: string;
  date?: string;
  anchor: string;
}

export interface SiteRisk {
  plan: string;
  planTitle: string;
  id: string;
  risk: string;
  /** The title of the phase it belongs to; none for a plan-wide risk. */
  phase?: string;
  probability: string;
  impact: string;
  score: number;
  mitigation?: string;
  anchor: string;
}

export interface SiteDiagnostic {
  code: string;
  name: string;
  title: string;
  severity: string;
  configurable: boolean;
  /** Plain text (markdown as written in the catalogue), for the page description. */
  explanation: string;
  explanationHtml: string;
  fixHtml: string;
  example: Array<{ path: string; text: string }>;
  output?: string;
}

export interface SiteData {
  site: {
    title: string;
    version: string;
    /** `svg`: diagrams drawn at build time; `browser`: drawn by Mermaid in the page. */
    diagrams: 'svg' | 'browser';
    mermaid: Record<Theme, ReturnType<typeof mermaidTheme>>;
    timeline?: string;
    notBuilt: Array<{ file: string; errors: number }>;
  };
  plans: SitePlan[];
  decisions: SiteDecision[];
  risks: SiteRisk[];
  diagnostics: SiteDiagnostic[];
}

const markdownToHtml = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

/** The catalogue's prose is markdown (our own text, not a plan's): `code` spans and so on. */
function inlineMarkdown(text: string): string {
  return String(markdownToHtml.processSync(text));
}

/** A Gantt chart with one bar per dated plan. */
function portfolioGantt(plans: Plan[], result: CompileResult): string | undefined {
  const dated = plans.filter((plan) => result.analysis.plans.get(plan)?.schedule?.start);
  if (dated.length === 0) return undefined;
  const first = Math.min(...dated.map((plan) => epochDay(result.analysis.plans.get(plan)!.schedule!.start!)));
  const last = Math.max(...dated.map((plan) => epochDay(result.analysis.plans.get(plan)!.schedule!.finish!)));
  const lines = ['gantt', `  title Portfolio (${isoDate(first)} → ${isoDate(last)})`, '  accTitle: Portfolio timeline', '  accDescr: One bar per plan with a start date, from its first to its last working day', '  dateFormat YYYY-MM-DD', ...ganttAxis(last - first + 1, true), '  todayMarker off', `  section ${sectionTitle('Plans', 'plans', dated.length)}`];
  dated.forEach((plan, index) => {
    const schedule = result.analysis.plans.get(plan)!.schedule!;
    const end = isoDate(epochDay(schedule.finish!) + 1);
    const tags = plan.status === 'done' ? 'done, ' : plan.status === 'in-progress' ? 'active, ' : '';
    lines.push(`    ${ganttText(barLabel(plan.title), plan.id)} :${tags}p${index}, ${schedule.start}, ${end}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The document without its title and line of facts: the site page shows both itself (the
 * page title, and the facts as a grid).
 */
function withoutHeader(tree: Root): Root {
  const [title, facts] = tree.children;
  if (title?.type !== 'heading' || title.depth !== 1) throw new Error('a plan document starts with its title');
  const skip = facts?.type === 'paragraph' && facts.children[0]?.type === 'emphasis' ? 2 : 1;
  return { ...tree, children: tree.children.slice(skip) };
}

/** The anchor (heading id) of each decision: the level-3 headings under "Decisions", in order. */
function decisionAnchors(headings: Heading[]): string[] {
  const start = headings.findIndex((heading) => heading.depth === 2 && heading.text === 'Decisions');
  if (start === -1) return [];
  const anchors: string[] = [];
  for (const heading of headings.slice(start + 1)) {
    if (heading.depth <= 2) break;
    if (heading.depth === 3) anchors.push(heading.slug);
  }
  return anchors;
}

async function catalogueWithOutput(): Promise<SiteDiagnostic[]> {
  const work = mkdtempSync(join(tmpdir(), 'planc-catalogue-'));
  try {
    const entries: SiteDiagnostic[] = [];
    for (const definition of catalogue) {
      const files = Object.entries(definition.example ?? {});
      let output: string | undefined;
      if (files.length > 0) {
        const dir = join(work, definition.code);
        for (const [path, content] of files) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), typeof content === 'string' ? content : Buffer.from(content.latin1, 'latin1'));
        }
        const outcome = await check({ cwd: dir });
        let diagnostics: ResolvedDiagnostic[] = [];
        let source: (path: string) => SourceText | undefined = () => undefined;
        let count = 0;
        if (outcome.kind === 'config-error') {
          diagnostics = outcome.diagnostics;
          source = outcome.source;
        } else if (outcome.kind === 'compiled') {
          diagnostics = outcome.result.diagnostics.map((d) => outcome.result.sources.resolve(d));
          source = (path) => outcome.result.sources.get(path);
          count = outcome.result.files.length;
        }
        output = stylish({ diagnostics, files: count, plans: 0, source }, PLAIN);
      }
      entries.push({
        code: definition.code,
        name: definition.name,
        title: definition.title,
        severity: definition.severity,
        configurable: definition.configurable,
        explanation: definition.explanation,
        explanationHtml: inlineMarkdown(definition.explanation),
        fixHtml: inlineMarkdown(definition.fix),
        example: files.map(([path, content]) => ({
          path,
          text: typeof content === 'string' ? content : `${content.latin1.replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`)}  # bytes shown escaped`,
        })),
        ...(output === undefined ? {} : { output }),
      });
    }
    return entries;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface PreparedSite {
  data: SiteData;
  /** How the diagrams were drawn, when a browser drew them at build time. */
  stats?: RenderStats;
  /** What each diagram is (its plan file and kind), by source: for messages. */
  diagramNames: Map<string, string>;
  /** Why the browser found could not draw them. */
  renderError?: string;
}

export async function prepareSite(result: CompileResult, options: SiteOptions): Promise<PreparedSite> {
  const diagnostics = diagnosticsByFile(result);
  const hasError = (file: string) => (diagnostics.get(file) ?? []).some((d) => d.severity === 'error');
  const context = { result, diagnostics };
  const { built } = buildablePlans(result, diagnostics);
  const trees = new Map<Plan, Root>(built.map((plan) => [plan, withoutHeader(planDocumentTree(documentInput(plan, context)))]));
  const timeline = portfolioGantt(built, result);
  // Every diagram to draw, each with where it comes from (to name it if it cannot be drawn).
  const diagramNames = new Map<string, string>();
  for (const [plan, tree] of trees) {
    for (const source of mermaidSources(tree)) if (!diagramNames.has(source)) diagramNames.set(source, `${plan.file}: the ${/^\s*(\w+)/.exec(source)?.[1] ?? 'Mermaid'} diagram`);
  }
  if (timeline) diagramNames.set(normalise(timeline), 'the portfolio timeline');
  const sources = [...diagramNames.keys()];
  let svgs: Map<string, Record<Theme, string>> | undefined;
  let stats: RenderStats | undefined;
  let renderError: string | undefined;
  if (options.chromium) {
    try {
      ({ svgs, stats } = await renderDiagrams(sources, { chromium: options.chromium, cacheDir: options.cacheDir }));
    } catch (error) {
      // A browser that will not start (or dies) is not the plans' fault: the site is still
      // built, with the diagrams left to the reader's browser.
      renderError = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    }
  }

  const plans: SitePlan[] = [];
  const decisions: SiteDecision[] = [];
  const risks: SiteRisk[] = [];
  built.forEach((plan, order) => {
    const analysis = result.analysis.plans.get(plan)!;
    const schedule = analysis.schedule;
    const { html: body, headings } = documentHtml(trees.get(plan)!, svgs);
    const own = diagnostics.get(plan.file) ?? [];
    const file = relative(options.root, resolve(options.cwd, plan.file)).split('\\').join('/');
    plans.push({
      id: plan.id,
      order,
      title: plan.title,
      file,
      ...(options.repository ? { editUrl: `${options.repository.replace(/\/+$/, '')}/edit/${options.branch}/${file}` } : {}),
      kind: plan.kind,
      status: plan.status,
      ...(plan.owner ? { owner: plan.owner } : {}),
      tags: plan.tags,
      ...(schedule?.start ? { start: schedule.start, finish: schedule.finish } : {}),
      ...(schedule ? { duration: schedule.duration } : {}),
      progress: analysis.progress.total > 0 ? Math.round((analysis.progress.done / analysis.progress.total) * 100) : 0,
      coverage: { covered: analysis.coverage.covered, total: analysis.coverage.total },
      risks: allRisks(plan).length,
      findings: {
        errors: own.filter((d) => d.severity === 'error').length,
        warnings: own.filter((d) => d.severity === 'warning').length,
        infos: own.filter((d) => d.severity === 'info').length,
      },
      html: body,
      headings,
      plan: planJson(plan, analysis, own),
    });
    const anchors = decisionAnchors(headings);
    plan.decisions.forEach((decision, index) => {
      decisions.push({
        plan: plan.id,
        planTitle: plan.title,
        id: decision.id,
        title: decision.title,
        status: decision.status,
        ...(decision.date ? { date: decision.date } : {}),
        anchor: anchors[index] ?? '',
      });
    });
    const phaseAnchors = headings.filter((heading) => heading.depth === 2 && heading.text.startsWith('Phase '));
    for (const risk of allRisks(plan)) {
      const phaseIndex = plan.phases.findIndex((phase) => phase.id === risk.phase);
      risks.push({
        plan: plan.id,
        planTitle: plan.title,
        id: risk.id,
        risk: risk.risk,
        ...(risk.phase ? { phase: plan.phases[phaseIndex]?.title ?? risk.phase } : {}),
        probability: risk.probability,
        impact: risk.impact,
        score: riskScore(risk),
        ...(risk.mitigation ? { mitigation: risk.mitigation } : {}),
        anchor: phaseIndex >= 0 ? (phaseAnchors[phaseIndex]?.slug ?? '') : 'plan-wide-risks',
      });
    }
  });
  risks.sort((a, b) => b.score - a.score || a.plan.localeCompare(b.plan) || a.id.localeCompare(b.id));

  const notBuilt = result.files
    .filter((file) => hasError(file))
    .map((file) => ({ file, errors: (diagnostics.get(file) ?? []).filter((d) => d.severity === 'error').length }));

  return {
    data: {
      site: {
        title: options.title,
        version: VERSION,
        diagrams: svgs && stats?.failed === 0 ? 'svg' : 'browser',
        // Mermaid's settings per theme, for diagrams the reader's browser draws.
        mermaid: { light: mermaidTheme('light'), dark: mermaidTheme('dark') },
        ...(timeline ? { timeline: printer.stringify({ type: 'root', children: [diagramElement(normalise(timeline), svgs, 0, 'Portfolio timeline')] }) } : {}),
        notBuilt,
      },
      plans,
      decisions,
      risks,
      diagnostics: await catalogueWithOutput(),
    },
    ...(stats ? { stats } : {}),
    diagramNames,
    ...(renderError ? { renderError } : {}),
  };
}
