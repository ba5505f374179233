// The dependency graph of a plan's tasks as a Mermaid flowchart, drawn from the analysed
// graph itself (so it shows exactly what the schedule used): phases as subgraphs, a
// dependency on a phase as an edge from the phase, items of other plans as dashed nodes,
// and the critical path in red. Ids are generated; every label is escaped.
import type { AnalysedNetwork } from '../../analyse/types.ts';
import { DEPENDENCY_TYPES, type Plan } from '../../model/plan.ts';
import { CLASS_STYLES } from '../../util/themes.ts';
import { accessibleText, label } from './text.ts';

/** An edge into one of the plan's items, as drawn: from a node id, with its type and lag. */
interface Edge {
  source: string;
  annotation: string;
  to: number;
  driving: boolean;
}

/** The chart being written: its lines, and the ids given to the graph's nodes. */
class Chart {
  readonly lines: string[] = [];
  readonly criticalNodes: string[] = [];
  readonly phaseIds: Map<string, string>;
  readonly plan: Plan;
  readonly network: AnalysedNetwork;
  readonly scheduled: boolean;
  readonly #names = new Map<number, string>();
  readonly #external = new Map<number, string>();

  constructor(plan: Plan, network: AnalysedNetwork, scheduled: boolean) {
    this.plan = plan;
    this.network = network;
    this.scheduled = scheduled;
    this.phaseIds = new Map(plan.phases.map((phase, i) => [phase.id, `p${i}`]));
  }

  /** The id of one of the plan's nodes. */
  name(v: number): string {
    let id = this.#names.get(v);
    if (!id) this.#names.set(v, (id = `n${this.#names.size}`));
    return id;
  }

  /** The line declaring one of the plan's items (a task, milestone or rollout stage). */
  node(v: number, indent: string): string {
    const n = this.network.graph.nodes[v]!;
    const id = this.name(v);
    if (this.scheduled && this.network.critical[v] === 1) this.criticalNodes.push(id);
    if (n.kind === 'task') return `${indent}${id}["${label(n.task.title, n.task.id)}"]`;
    if (n.kind === 'milestone') return `${indent}${id}{"${label(n.milestone.title, n.milestone.id)}"}`;
    // A rounded box (a stadium is a roughjs path fifty times the bytes).
    if (n.kind === 'stage') return `${indent}${id}("${label(n.stage.title, n.stage.id)}")`;
    return '';
  }

  /** Where an edge starts: a phase's subgraph for its hub, a dashed node for another plan's item. */
  endpoint(v: number): string {
    const n = this.network.graph.nodes[v]!;
    if (n.kind === 'hub') return n.plan === this.plan ? this.phaseIds.get(n.phase.id)! : this.#externalNode(v, `${n.plan.id}#${n.phase.id}`);
    if (n.plan !== this.plan) {
      const id = n.kind === 'task' ? n.task.id : n.kind === 'milestone' ? n.milestone.id : n.stage.id;
      return this.#externalNode(v, `${n.plan.id}#${id}`);
    }
    return this.name(v);
  }

  #externalNode(v: number, text: string): string {
    let id = this.#external.get(v);
    if (!id) {
      id = `x${this.#external.size}`;
      this.#external.set(v, id);
      this.lines.push(`  ${id}["${label(text)}"]:::external`);
    }
    return id;
  }
}

/** `scheduled`: the plan has a schedule (it is in no cycle), so its critical path is marked. */
export function dependencies(plan: Plan, network: AnalysedNetwork, scheduled: boolean): string {
  const chart = new Chart(plan, network, scheduled);
  chart.lines.push(
    // Top to bottom: a plan's chain of work is long and its parallel branches few, so the
    // drawing stays about as wide as a page instead of several screens.
    'flowchart TB',
    `  accTitle: Dependencies of ${accessibleText(plan.title)}`,
    '  accDescr: Tasks grouped by phase; an arrow points from an item to one that waits for it; the critical path is in red',
  );
  declareNodes(chart);
  const { edges, driving } = foldedEdges(chart, incomingEdges(chart));
  chart.lines.push(...edges, `  classDef external ${CLASS_STYLES.light.external}`);
  if (chart.criticalNodes.length > 0) chart.lines.push(`  classDef critical ${CLASS_STYLES.light.critical}`, `  class ${chart.criticalNodes.join(',')} critical`);
  if (driving.length > 0) chart.lines.push(`  linkStyle ${driving.join(',')} stroke:#c5221f,stroke-width:3px`);
  return `${chart.lines.join('\n')}\n`;
}

/** Phases as subgraphs of their tasks, the rollout's stages as one, then the milestones. */
function declareNodes(chart: Chart): void {
  const { plan, lines } = chart;
  const index = chart.network.graph.index;
  for (const phase of plan.phases) {
    lines.push(`  subgraph ${chart.phaseIds.get(phase.id)}["${label(phase.title, phase.id)}"]`);
    for (const task of phase.tasks) lines.push(chart.node(index.get(task)!, '    '));
    lines.push('  end');
  }
  const stages = plan.rollout?.stages ?? [];
  if (stages.length > 0) {
    lines.push('  subgraph rollout["Rollout stages"]');
    for (const stage of stages) lines.push(chart.node(index.get(stage)!, '    '));
    lines.push('  end');
  }
  for (const milestone of plan.milestones) lines.push(chart.node(index.get(milestone)!, '  '));
}

/** Every edge into this plan's items, in the graph's order. */
function incomingEdges(chart: Chart): Edge[] {
  const { plan, network } = chart;
  const { graph } = network;
  const items = [...plan.phases.flatMap((phase) => phase.tasks), ...(plan.rollout?.stages ?? []), ...plan.milestones].map((item) => graph.index.get(item)!);
  const incoming: number[] = [];
  for (const v of items) for (let p = graph.inStart[v]!; p < graph.inStart[v + 1]!; p++) incoming.push(graph.inEdges[p]!);
  return incoming
    .sort((a, b) => a - b)
    .map((e) => {
      const type = graph.type[e]!;
      const lag = graph.lag[e]!;
      const annotation = type === 0 && lag === 0 ? '' : `|"${DEPENDENCY_TYPES[type]}${lag === 0 ? '' : `${lag > 0 ? ' +' : ' '}${lag}d`}"|`;
      return { source: chart.endpoint(graph.from[e]!), annotation, to: graph.to[e]!, driving: chart.scheduled && network.criticalLinks[e] === 1 };
    });
}

/**
 * The edges' lines, folded: edges from one source (with the same annotation) into every
 * task of a phase become one edge into the phase. `driving` lists the lines (by index) on
 * the critical path.
 */
function foldedEdges(chart: Chart, found: Edge[]): { edges: string[]; driving: number[] } {
  const { plan } = chart;
  const edges: string[] = [];
  const driving: number[] = [];
  const seen = new Set<string>();
  const add = (line: string, isDriving: boolean) => {
    if (seen.has(line)) return;
    seen.add(line);
    if (isDriving) driving.push(edges.length);
    edges.push(line);
  };
  const groups = new Map<string, Edge[]>();
  for (const edge of found) {
    const key = `${edge.source}\u0000${edge.annotation}`;
    const list = groups.get(key) ?? [];
    list.push(edge);
    groups.set(key, list);
  }
  // Each phase's tasks as graph nodes, once (not once per group of edges).
  const phaseMembers = plan.phases.map((phase) => ({ phase, members: new Set(phase.tasks.map((task) => chart.network.graph.index.get(task)!)) }));
  for (const list of groups.values()) {
    const targets = new Set(list.map((edge) => edge.to));
    const folded = new Set<number>();
    for (const { phase, members } of phaseMembers) {
      if (members.size < 2 || ![...members].every((v) => targets.has(v))) continue;
      members.forEach((v) => folded.add(v));
      add(`  ${list[0]!.source} -->${list[0]!.annotation} ${chart.phaseIds.get(phase.id)}`, list.some((edge) => edge.driving && members.has(edge.to)));
    }
    for (const edge of list) if (!folded.has(edge.to)) add(`  ${edge.source} -->${edge.annotation} ${chart.name(edge.to)}`, edge.driving);
  }
  return { edges, driving };
}
