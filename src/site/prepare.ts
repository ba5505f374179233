// What the Astro site reads: every plan built into its page (HTML of the plan document
// with its diagrams), the portfolio's figures, decisions and risks across plans, and the
// diagnostics catalogue with each example's real output. Written as JSON into a folder that
// the site's content loader reads (site/src/content.config.ts).
import { relative, resolve } from 'node:path';
import type { PlanDocument } from '../emit/markdown/document.ts';
import { catalogue } from '../diagnostics/catalogue.ts';
import { explanationOf } from '../diagnostics/explain.ts';
import type { Counts } from '../diagnostics/types.ts';
import type { EmitInput } from '../emit/index.ts';
import { RISK_GRID, riskRating, type RiskLevel, type RiskRating } from '../model/risks.ts';
import type { Impact, Probability } from '../model/plan.ts';
import { repositoryUrl } from '../util/paths.ts';
import { days, findingsText } from '../util/words.ts';
import type { Plan } from '../model/plan.ts';
import type { PhrasingContent } from 'mdast';
import { VERSION } from '../version.ts';
import { documentHtml, inlineHtml, type DrawingFiles } from './html.ts';
import type { StatusReport } from '../emit/markdown/status-report.ts';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

import type { Theme } from '../util/themes.ts';

export type Drawings = ReadonlyMap<string, Record<Theme, string>>;

export interface SiteOptions {
  title: string;
  /** The repository's web address, for "edit this plan" links. */
  repository?: string;
  branch: string;
  /** The folder plan file paths are relative to in the repository. */
  root: string;
  cwd: string;
  /** Mermaid's settings per theme, for the diagrams the reader's browser draws. */
  mermaid: Record<Theme, { theme: string; themeCSS?: string; classStyles?: Readonly<Record<string, string>>; look?: string; flowchart?: Readonly<Record<string, unknown>> }>;
}

/** What the site is made of: the checked plans, their documents, the drawings made of their diagrams. */
export interface SiteInput extends EmitInput {
  /** Each built plan's document, without its title and line of facts (the page shows both itself), and its anchors. */
  documents: ReadonlyMap<Plan, PlanDocument>;
  /** The portfolio's timeline, drawn by planc (the site's figure and the standalone SVG), when a plan has dates. */
  timeline?: NativeDrawing;
  /**
   * The drawings planc makes itself for each plan, by the mark of the block they replace:
   * `gantt`, its timeline (in the Mermaid chart's place), and `workload`, its owners' load.
   */
  gantts: ReadonlyMap<Plan, Readonly<Record<string, NativeDrawing>>>;
  /** Plan text written in markdown (a mitigation) as the documents show it: cleaned, inline (src/emit/markdown/untrusted.ts). */
  untrustedInline?: (markdown: string) => PhrasingContent[];
  /** With a status date: the date, and each plan's status report, for a page of its own. */
  statusReports?: { date: string; reports: ReadonlyMap<Plan, StatusReport> };
  /** SVG drawings by diagram source, when they were drawn at build time (a diagram without one is drawn by the browser). */
  drawings?: Drawings;
  /** `svg`: every diagram has its drawings; `browser`: the site ships Mermaid for those that have none. */
  diagrams: 'svg' | 'browser';
  /** Each built plan's plan.json, written beside its page. */
  planJson: ReadonlyMap<Plan, Record<string, unknown>>;
}

/** A drawing planc makes itself: the HTML of its figure in the page, and the SVG file beside it. */
export interface NativeDrawing {
  html: string;
  svg: string;
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
  /** The duration as the pages show it: `12.5d`, or `—` without a schedule. */
  durationText: string;
  /** Work done, in whole percent. */
  progress: number;
  coverage: { covered: number; total: number };
  /** `3/4`, or `—` with nothing to cover. */
  coverageText: string;
  risks: number;
  findings: Counts;
  /** `none`, or `2 errors, 1 warning`. */
  findingsText: string;
  html: string;
  /** Its drawings as SVG files beside the page (gantt.svg, workload.svg, each Mermaid drawing's), by file name. */
  svgFiles: Record<string, string>;
  /** With a status date: its status report (the page `status/` beside the plan's), as HTML, and that page's outline. */
  statusHtml?: string;
  statusReport?: { date: string; headings: Array<{ depth: number; slug: string; text: string }> };
  /** The page's table of contents, in Starlight's shape: the document's outline. */
  headings: Array<{ depth: number; slug: string; text: string }>;
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
  level: RiskLevel;
  category?: string;
  owner?: string;
  /** open, mitigated, accepted or closed. */
  status: string;
  mitigation?: string;
  /** The mitigation as the plan's page shows it (`code` as code), as HTML. */
  mitigationHtml?: string;
  anchor: string;
  /** The id of its row in the register (unique: plan and risk ids cannot contain `/`). */
  rowId: string;
  /** Another plan has a risk of the same id: the plan is shown beside it. */
  sharedId: boolean;
}

/** A cell of the risk register's grid: its rating and its risks, in register order. */
export interface RiskCell extends RiskRating {
  probability: Probability;
  impact: Impact;
  risks: Array<Pick<SiteRisk, 'rowId' | 'id' | 'risk' | 'plan' | 'sharedId'>>;
}

/** The probability × impact grid of the risk register: rows from the most likely down, columns from the least impact up. */
export interface RiskMatrix {
  impacts: Impact[];
  rows: Array<{ probability: Probability; cells: RiskCell[] }>;
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
  /** What `planc fix` changes, when it fixes such findings. */
  autofixHtml?: string;
  example: Array<{ path: string; text: string }>;
  output?: string;
}

export interface SiteData {
  site: {
    title: string;
    version: string;
    /** `svg`: diagrams drawn at build time; `browser`: drawn by Mermaid in the page. */
    diagrams: 'svg' | 'browser';
    mermaid: SiteOptions['mermaid'];
    /** The portfolio's timeline figure (HTML), and its SVG file (timeline.svg). */
    timeline?: string;
    timelineSvg?: string;
    notBuilt: Array<{ file: string; errors: number }>;
    riskMatrix: RiskMatrix;
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

function riskMatrix(risks: readonly SiteRisk[]): RiskMatrix {
  return {
    impacts: [...RISK_GRID.impacts],
    rows: RISK_GRID.probabilities.map((probability) => ({
      probability,
      cells: RISK_GRID.impacts.map((impact) => ({
        probability,
        impact,
        ...riskRating(probability, impact),
        risks: risks
          .filter((risk) => risk.probability === probability && risk.impact === impact)
          .map(({ rowId, id, risk, plan, sharedId }) => ({ rowId, id, risk, plan, sharedId })),
      })),
    })),
  };
}

/** The catalogue, each entry as `planc explain` gives it, its prose as HTML. */
function catalogueEntries(): SiteDiagnostic[] {
  return catalogue.map((definition) => {
    const { example, ...entry } = explanationOf(definition);
    return {
      code: entry.code,
      name: entry.name,
      title: entry.title,
      severity: entry.severity,
      configurable: entry.configurable,
      explanation: entry.explanation,
      explanationHtml: inlineMarkdown(entry.explanation),
      fixHtml: inlineMarkdown(entry.fix),
      ...(entry.autofix === undefined ? {} : { autofixHtml: inlineMarkdown(entry.autofix) }),
      example: Object.entries(example?.files ?? {}).map(([path, text]) => ({ path, text })),
      ...(example?.output === undefined ? {} : { output: example.output }),
    };
  });
}

/**
 * What a name written as code links to on a plan's page (its id of an item: the row or
 * heading that holds it): the plan's own items and owners (their row in the workload
 * table, when no item has that id), `plan#id` for an item of any plan, and another plan's
 * id for its page. Pages are `plans/<id>/`, so another plan's is `../<id>/`.
 */
function nameLinks(documents: ReadonlyMap<Plan, PlanDocument>): (plan: Plan, name: string) => string | undefined {
  const own = new Map<Plan, Map<string, string>>();
  const everywhere = new Map<string, { plan: Plan; anchor: string }>();
  for (const [plan, { anchors }] of documents) {
    const here = new Map<string, string>();
    const add = (id: string, anchor: string | undefined) => {
      if (anchor === undefined || here.has(id)) return;
      here.set(id, anchor);
      everywhere.set(`${plan.id}#${id}`, { plan, anchor });
    };
    for (const map of [anchors.tasks, anchors.milestones, anchors.stages, anchors.risks, anchors.decisions, anchors.phases, anchors.verification] as ReadonlyArray<ReadonlyMap<{ id: string }, string>>) {
      for (const [item, anchor] of map) add(item.id, anchor);
    }
    for (const [owner, anchor] of anchors.owners) if (!here.has(owner)) here.set(owner, anchor);
    own.set(plan, here);
  }
  const pages = new Set([...documents.keys()].map((plan) => plan.id));
  return (plan, name) => {
    const local = own.get(plan)?.get(name);
    if (local !== undefined) return `#${local}`;
    const found = everywhere.get(name);
    if (found) return found.plan === plan ? `#${found.anchor}` : `../${found.plan.id}/#${found.anchor}`;
    return pages.has(name) && name !== plan.id ? `../${name}/` : undefined;
  };
}

/** Everything the site's pages read, in the shape its content loader takes (src/site/build.ts writes it). */
export function siteData(input: SiteInput, options: SiteOptions): SiteData {
  const svgs = input.drawings;
  const links = nameLinks(input.documents);
  const plans: SitePlan[] = [];
  const decisions: SiteDecision[] = [];
  const risks: SiteRisk[] = [];
  input.built.forEach((plan, order) => {
    const analysis = input.analysis.plans.get(plan)!;
    const schedule = analysis.schedule;
    const document = input.documents.get(plan)!;
    const gantt = input.gantts.get(plan);
    const report = input.statusReports?.reports.get(plan);
    const files: DrawingFiles = new Map();
    const body = documentHtml(document.tree, document.outline, {
      svgs,
      files,
      native: Object.fromEntries(Object.entries(gantt ?? {}).map(([mark, drawing]) => [mark, drawing.html])),
      links: (name: string) => links(plan, name),
    });
    const file = relative(options.root, resolve(options.cwd, plan.file)).split('\\').join('/');
    plans.push({
      id: plan.id,
      order,
      title: plan.title,
      file,
      ...(options.repository ? { editUrl: repositoryUrl(options.repository, options.branch, 'edit', file) } : {}),
      kind: plan.kind,
      status: plan.status,
      ...(plan.owner ? { owner: plan.owner } : {}),
      tags: plan.tags,
      ...(schedule?.start ? { start: schedule.start, finish: schedule.finish } : {}),
      ...(schedule ? { duration: schedule.duration } : {}),
      durationText: schedule ? days(schedule.duration) : '—',
      progress: analysis.progress.percent,
      coverage: { covered: analysis.coverage.covered, total: analysis.coverage.total },
      coverageText: analysis.coverage.total > 0 ? `${analysis.coverage.covered}/${analysis.coverage.total}` : '—',
      risks: analysis.risks.size,
      findings: input.counts.get(plan.file)!,
      findingsText: findingsText(input.counts.get(plan.file)!),
      html: body,
      svgFiles: { ...Object.fromEntries(Object.entries(gantt ?? {}).map(([mark, drawing]) => [`${mark}.svg`, drawing.svg])), ...Object.fromEntries(files) },
      ...(report
        ? {
            statusHtml: documentHtml(report.tree, report.outline),
            statusReport: { date: input.statusReports!.date, headings: report.outline.map(({ depth, id, text }) => ({ depth, slug: id, text })) },
          }
        : {}),
      headings: document.outline.map(({ depth, id, text }) => ({ depth, slug: id, text })),
      plan: input.planJson.get(plan)!,
    });
    const { anchors } = document;
    for (const decision of plan.decisions) {
      decisions.push({
        plan: plan.id,
        planTitle: plan.title,
        id: decision.id,
        title: decision.title,
        status: decision.status,
        ...(decision.date ? { date: decision.date } : {}),
        anchor: anchors.decisions.get(decision)!,
      });
    }
    for (const [risk, rating] of analysis.risks) {
      const phase = plan.phases.find((candidate) => candidate.id === risk.phase);
      risks.push({
        plan: plan.id,
        planTitle: plan.title,
        id: risk.id,
        risk: risk.risk,
        ...(phase ? { phase: phase.title } : {}),
        probability: risk.probability,
        impact: risk.impact,
        score: rating.score,
        level: rating.level,
        ...(risk.category ? { category: risk.category } : {}),
        ...(risk.owner ? { owner: risk.owner } : {}),
        status: risk.status,
        ...(risk.mitigation ? { mitigation: risk.mitigation, ...(input.untrustedInline ? { mitigationHtml: inlineHtml(input.untrustedInline(risk.mitigation)) } : {}) } : {}),
        anchor: anchors.risks.get(risk)!,
        rowId: `risk-${plan.id}/${risk.id}`,
        sharedId: false,
      });
    }
  });
  risks.sort((a, b) => b.score - a.score || a.plan.localeCompare(b.plan) || a.id.localeCompare(b.id));
  // Risk ids are unique within a plan only.
  const plansOfId = new Map<string, Set<string>>();
  for (const risk of risks) plansOfId.set(risk.id, (plansOfId.get(risk.id) ?? new Set()).add(risk.plan));
  for (const risk of risks) risk.sharedId = plansOfId.get(risk.id)!.size > 1;

  return {
    site: {
      title: options.title,
      version: VERSION,
      diagrams: input.diagrams,
      // Mermaid's settings per theme, for diagrams the reader's browser draws.
      mermaid: options.mermaid,
      ...(input.timeline ? { timeline: input.timeline.html, timelineSvg: input.timeline.svg } : {}),
      notBuilt: [...input.notBuilt],
      riskMatrix: riskMatrix(risks),
    },
    plans,
    decisions,
    risks,
    diagnostics: catalogueEntries(),
  };
}
