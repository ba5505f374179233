// The plan document (`index.md`): an mdast tree in the shape of a careful hand-written
// implementation plan, printed by remark. Each section is a small handler (sections/*.ts),
// run in the order of SECTIONS; a section with nothing to say adds nothing. Diagrams sit in
// ```mermaid fences, so GitHub renders the document as it is. The tree is returned with
// its anchors — the id of the heading or table row that holds each phase, decision, risk
// and task — so the site links to them without reading the tree back.
import type { Heading, Paragraph, Root, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { plural, workingDays } from '../../util/words.ts';
import { emphasis, heading, paragraph, printMarkdown, root } from '../../util/mdast.ts';
import type { Anchored, AnchorsOf, DocumentContext, DocumentInput, Section } from './sections/context.ts';
import { decisions } from './sections/decisions.ts';
import { diagnostics, rollbackCoverage } from './sections/findings.ts';
import { architecture, dependencies, migration, monitoring, rollbackPlan, rollout } from './sections/operations.ts';
import { lists, successCriteria, summary } from './sections/overview.ts';
import { phases, planWideRisks, planWideVerification } from './sections/phases.ts';
import { dependencyGraph, milestones, timeline, workload } from './sections/schedule.ts';

export type { DocumentInput } from './sections/context.ts';

/** The document's sections, in order. */
export const SECTIONS: readonly Section[] = [
  summary,
  lists,
  successCriteria,
  decisions,
  phases,
  planWideRisks,
  planWideVerification,
  architecture,
  migration,
  rollout,
  monitoring,
  rollbackPlan,
  dependencies,
  timeline,
  milestones,
  workload,
  dependencyGraph,
  rollbackCoverage,
  diagnostics,
];

export interface DocumentOptions {
  /**
   * The title and the line of facts that open the document; the site leaves them out (its
   * page shows the title, and the facts as a grid). Default: true.
   */
  header?: boolean;
}

/**
 * The id of the node that holds each item, for links into the document. Heading ids are
 * GitHub's too; risks and tasks are anchored by their table rows, which only the site gives ids.
 */
export type DocumentAnchors = AnchorsOf<string, string>;

/** A heading of the document, in order: the outline a table of contents is made from. */
export interface OutlineEntry {
  depth: number;
  /** Its id (GitHub's). */
  id: string;
  /** Its text, as the reader sees it. */
  text: string;
}

export interface PlanDocument {
  tree: Root;
  anchors: DocumentAnchors;
  /** Every heading, in document order. */
  outline: OutlineEntry[];
}

export function planDocument(input: DocumentInput): string {
  return printMarkdown(planDocumentTree(input).tree);
}

/** The document as an mdast tree (the site turns the same tree into HTML), with its anchors. */
export function planDocumentTree(input: DocumentInput, options: DocumentOptions = {}): PlanDocument {
  const { plan, analysis } = input;
  const context: DocumentContext = {
    input,
    plan,
    analysis,
    schedule: analysis.schedule,
    noReturn: new Set(analysis.coverage.pointsOfNoReturn),
    anchored: { phases: new Map(), decisions: new Map(), risks: new Map(), tasks: new Map(), milestones: new Map(), stages: new Map(), verification: new Map(), owners: new Map() },
  };
  const blocks: RootContent[] = [];
  if (options.header !== false) blocks.push(heading(1, plan.title), paragraph(emphasis(factsLine(input).join(' · '))));
  for (const section of SECTIONS) blocks.push(...section(context));
  const tree = root(blocks);
  const outline: OutlineEntry[] = [];
  return { tree, anchors: identify(tree, context.anchored, outline), outline };
}

/** The line of facts under the title: status, kind, owner, dates, length, progress, tags. */
function factsLine({ plan, analysis }: DocumentInput): string[] {
  const schedule = analysis.schedule;
  const facts: string[] = [`Status: ${plan.status}`, `Kind: ${plan.kind}`];
  if (plan.owner) facts.push(`Owner: ${plan.owner}`);
  if (schedule?.start) facts.push(`${schedule.start} → ${schedule.finish}${schedule.status ? ` (forecast on ${schedule.status.date}; planned ${schedule.status.planned.finish})` : ''}`);
  if (schedule) facts.push(workingDays(schedule.duration));
  facts.push(`${analysis.progress.percent}% done`);
  if (plan.tags.length > 0) facts.push(`Tags: ${plan.tags.join(', ')}`);
  return facts;
}

function setId(node: Heading | TableRow | Paragraph, id: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
}

/**
 * Gives every heading of a tree the id GitHub gives it (github-slugger over its text, in
 * document order, as rehype-slug does too), lists them in `outline`, and returns them.
 */
export function identifyHeadings(tree: Root, outline: OutlineEntry[]): Map<RootContent, string> {
  const headings = new GithubSlugger();
  const ids = new Map<RootContent, string>();
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const text = toString(node);
        const id = headings.slug(text);
        setId(node, id);
        ids.set(node, id);
        outline.push({ depth: node.depth, id, text });
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
        visit(node.children as RootContent[]);
      }
    }
  };
  visit(tree.children);
  return ids;
}

/**
 * Gives every heading the id GitHub gives it (github-slugger over its text, in document
 * order, as rehype-slug does too), and each anchored table row an id no heading takes
 * (`task-<id>`, `risk-<id>`, `milestone-<id>`, `stage-<id>`) and each checkpoint's paragraph one
 * (`check-<id>`); returns the ids of the anchored items, and lists the headings in `outline`.
 */
function identify(tree: Root, anchored: Anchored, outline: OutlineEntry[]): DocumentAnchors {
  const ids = identifyHeadings(tree, outline);
  const rows = new GithubSlugger();
  for (const id of ids.values()) rows.slug(id);
  const rowIds = <T extends { id: string }>(entries: Map<T, TableRow | Paragraph>, prefix: string) =>
    new Map([...entries].map(([item, row]) => {
      const id = rows.slug(`${prefix}-${item.id}`);
      setId(row, id);
      return [item, id] as const;
    }));
  return {
    phases: new Map([...anchored.phases].map(([phase, node]) => [phase, ids.get(node)!])),
    decisions: new Map([...anchored.decisions].map(([decision, node]) => [decision, ids.get(node)!])),
    tasks: rowIds(anchored.tasks, 'task'),
    risks: rowIds(anchored.risks, 'risk'),
    milestones: rowIds(anchored.milestones, 'milestone'),
    stages: rowIds(anchored.stages, 'stage'),
    verification: rowIds(anchored.verification, 'check'),
    owners: new Map(
      [...anchored.owners].map(([owner, row]) => {
        const id = rows.slug(`owner-${owner}`);
        setId(row, id);
        return [owner, id] as const;
      }),
    ),
  };
}
