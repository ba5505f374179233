// The dependency graph of a plan's tasks as a Mermaid flowchart, drawn from the analysed
// graph itself (so it shows exactly what the schedule used): phases as subgraphs, a
// dependency on a phase as an edge from the phase, items of other plans as dashed nodes,
// and the critical path in red. Ids are generated; every label is escaped.
import type { AnalysedNetwork } from '../../analyse/types.ts';
import { DEPENDENCY_TYPES, type Plan } from '../../model/plan.ts';
import { accessibleText, label } from './text.ts';

/** `scheduled`: the plan has a schedule (it is in no cycle), so its critical path is marked. */
export function dependencies(plan: Plan, network: AnalysedNetwork, scheduled: boolean): string {
  const { graph } = network;
  const lines = [
    // Top to bottom: a plan's chain of work is long and its parallel branches few, so the
    // drawing stays about as wide as a page instead of several screens.
    'flowchart TB',
    `  accTitle: Dependencies of ${accessibleText(plan.title)}`,
    '  accDescr: Tasks grouped by phase; an arrow points from an item to one that waits for it; the critical path is in red',
  ];
  const names = new Map<number, string>();
  const phaseIds = new Map(plan.phases.map((phase, i) => [phase.id, `p${i}`]));
  let counter = 0;
  const name = (v: number) => {
    let id = names.get(v);
    if (!id) names.set(v, (id = `n${counter++}`));
    return id;
  };
  const critical = (v: number) => scheduled && network.critical[v] === 1;
  const criticalNodes: string[] = [];
  const node = (v: number, indent: string) => {
    const n = graph.nodes[v]!;
    const id = name(v);
    if (critical(v)) criticalNodes.push(id);
    if (n.kind === 'task') return `${indent}${id}["${label(n.task.title, n.task.id)}"]`;
    if (n.kind === 'milestone') return `${indent}${id}{"${label(n.milestone.title, n.milestone.id)}"}`;
    if (n.kind === 'stage') return `${indent}${id}(["${label(n.stage.title, n.stage.id)}"])`;
    return '';
  };
  for (const phase of plan.phases) {
    lines.push(`  subgraph ${phaseIds.get(phase.id)}["${label(phase.title, phase.id)}"]`);
    for (const task of phase.tasks) lines.push(node(graph.index.get(task)!, '    '));
    lines.push('  end');
  }
  const stages = plan.rollout?.stages ?? [];
  if (stages.length > 0) {
    lines.push('  subgraph rollout["Rollout stages"]');
    for (const stage of stages) lines.push(node(graph.index.get(stage)!, '    '));
    lines.push('  end');
  }
  for (const milestone of plan.milestones) lines.push(node(graph.index.get(milestone)!, '  '));

  // Edges into this plan's items; a hub stands for its phase; other plans' items are dashed.
  const external = new Map<number, string>();
  const endpoint = (v: number): string => {
    const n = graph.nodes[v]!;
    if (n.kind === 'hub') return n.plan === plan ? phaseIds.get(n.phase.id)! : externalNode(v, `${n.plan.id}#${n.phase.id}`);
    if (n.plan !== plan) {
      const id = n.kind === 'task' ? n.task.id : n.kind === 'milestone' ? n.milestone.id : n.stage.id;
      return externalNode(v, `${n.plan.id}#${id}`);
    }
    return name(v);
  };
  function externalNode(v: number, text: string): string {
    let id = external.get(v);
    if (!id) {
      id = `x${external.size}`;
      external.set(v, id);
      lines.push(`  ${id}["${label(text)}"]:::external`);
    }
    return id;
  }
  // Every edge into this plan's items, then folded: edges from one source (with the same
  // annotation) into every task of a phase become one edge into the phase.
  interface Edge {
    source: string;
    annotation: string;
    to: number;
    driving: boolean;
  }
  const found: Edge[] = [];
  const items = [
    ...plan.phases.flatMap((phase) => phase.tasks),
    ...(plan.rollout?.stages ?? []),
    ...plan.milestones,
  ].map((item) => graph.index.get(item)!);
  const incoming = items.flatMap((v) => {
    const list: number[] = [];
    for (let p = graph.inStart[v]!; p < graph.inStart[v + 1]!; p++) list.push(graph.inEdges[p]!);
    return list;
  });
  for (const e of incoming.sort((a, b) => a - b)) {
    const to = graph.to[e]!;
    const from = graph.from[e]!;
    const type = graph.type[e]!;
    const lag = graph.lag[e]!;
    const annotation = type === 0 && lag === 0 ? '' : `|"${DEPENDENCY_TYPES[type]}${lag === 0 ? '' : `${lag > 0 ? ' +' : ' '}${lag}d`}"|`;
    const driving = scheduled && network.criticalLinks[e] === 1;
    found.push({ source: endpoint(from), annotation, to, driving });
  }
  const edges: string[] = [];
  const red: number[] = [];
  const seen = new Set<string>();
  const add = (line: string, driving: boolean) => {
    if (seen.has(line)) return;
    seen.add(line);
    if (driving) red.push(edges.length);
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
  const phaseMembers = plan.phases.map((phase) => ({ phase, members: new Set(phase.tasks.map((task) => graph.index.get(task)!)) }));
  for (const list of groups.values()) {
    const targets = new Set(list.map((edge) => edge.to));
    const folded = new Set<number>();
    for (const { phase, members } of phaseMembers) {
      if (members.size < 2 || ![...members].every((v) => targets.has(v))) continue;
      members.forEach((v) => folded.add(v));
      const driving = list.some((edge) => edge.driving && members.has(edge.to));
      add(`  ${list[0]!.source} -->${list[0]!.annotation} ${phaseIds.get(phase.id)}`, driving);
    }
    for (const edge of list) if (!folded.has(edge.to)) add(`  ${edge.source} -->${edge.annotation} ${name(edge.to)}`, edge.driving);
  }
  lines.push(...edges);
  lines.push('  classDef external stroke-dasharray:4 3,fill:#f6f6f6,color:#1f2328');
  if (criticalNodes.length > 0) {
    lines.push('  classDef critical stroke:#c5221f,stroke-width:3px', `  class ${criticalNodes.join(',')} critical`);
  }
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#c5221f,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}
