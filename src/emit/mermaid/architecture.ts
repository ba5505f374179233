// An architecture diagram as a Mermaid flowchart: the shape of a node says its kind,
// groups become subgraphs (nested through `parent`), edges carry labels and a style, and
// what the plan adds, changes or removes is coloured. Node ids in the output are
// generated (n0, n1, …): a plan's ids could be Mermaid keywords (`end`, `graph`, `click`).
import type { ArchitectureDiagram, ArchitectureNode } from '../../model/plan.ts';
import { accessibleText, label } from './text.ts';

const SHAPES: Record<ArchitectureNode['kind'], [string, string]> = {
  service: ['["', '"]'],
  store: ['[("', '")]'],
  queue: ['[/"', '"/]'],
  client: ['(["', '"])'],
  external: ['[["', '"]]'],
  function: ['{{"', '"}}'],
};

const ARROWS = { sync: '-->', async: '-.->', data: '==>' } as const;

export function architecture(diagram: ArchitectureDiagram): string {
  const lines = [
    `flowchart ${diagram.direction}`,
    `  accTitle: ${accessibleText(diagram.title)}`,
    `  accDescr: ${accessibleText(diagram.description ?? `Architecture diagram with ${diagram.nodes.length} components`)}`,
  ];
  const ids = new Map(diagram.nodes.map((node, i) => [node.id, `n${i}`]));
  const groupIds = new Map(diagram.groups.map((group, i) => [group.id, `g${i}`]));
  const children = new Map<string | undefined, string[]>();
  for (const group of diagram.groups) {
    const list = children.get(group.parent) ?? [];
    list.push(group.id);
    children.set(group.parent, list);
  }
  const nodeLine = (node: ArchitectureNode, indent: string) => {
    const [open, close] = SHAPES[node.kind];
    return `${indent}${ids.get(node.id)}${open}${label(node.label, node.id)}${close}`;
  };
  const emitGroup = (groupId: string, indent: string) => {
    const group = diagram.groups.find((g) => g.id === groupId)!;
    lines.push(`${indent}subgraph ${groupIds.get(groupId)}["${label(group.label, group.id)}"]`);
    for (const child of children.get(groupId) ?? []) emitGroup(child, `${indent}  `);
    for (const node of diagram.nodes) if (node.group === groupId) lines.push(nodeLine(node, `${indent}  `));
    lines.push(`${indent}end`);
  };
  for (const root of children.get(undefined) ?? []) emitGroup(root, '  ');
  for (const node of diagram.nodes) if (node.group === undefined) lines.push(nodeLine(node, '  '));
  for (const edge of diagram.edges) {
    const arrow = ARROWS[edge.style];
    const text = edge.label === undefined ? '' : `|"${label(edge.label)}"|`;
    lines.push(`  ${ids.get(edge.from)} ${arrow}${text} ${ids.get(edge.to)}`);
  }
  const changed = (change: ArchitectureNode['change']) =>
    diagram.nodes.filter((node) => node.change === change).map((node) => ids.get(node.id));
  // Light fills with dark text in any theme: Mermaid's dark theme draws text light, which
  // on these fills could not be read.
  const styles = [
    ['new', 'fill:#e6f4ea,stroke:#1e8e3e,stroke-width:2px,color:#1f2328'],
    ['changed', 'fill:#fef7e0,stroke:#e37400,stroke-width:2px,color:#1f2328'],
    ['removed', 'fill:#fce8e6,stroke:#d93025,stroke-width:2px,stroke-dasharray:5 3,color:#1f2328'],
  ] as const;
  for (const [change, style] of styles) {
    const members = changed(change);
    if (members.length === 0) continue;
    lines.push(`  classDef ${change} ${style}`, `  class ${members.join(',')} ${change}`);
  }
  return `${lines.join('\n')}\n`;
}
