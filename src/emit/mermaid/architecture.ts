// An architecture diagram as a Mermaid flowchart: the shape of a node says its kind,
// groups become subgraphs (nested through `parent`), edges carry labels and a style, and
// what the plan adds, changes or removes is coloured. Node ids in the output are
// generated (n0, n1, …): a plan's ids could be Mermaid keywords (`end`, `graph`, `click`).
import type { ArchitectureDiagram, ArchitectureNode } from '../../model/plan.ts';
import { CLASS_STYLES } from '../../util/themes.ts';
import { accessibleText, label } from './text.ts';

// (Rounded boxes rather than stadiums: Mermaid draws a stadium as a roughjs path fifty times
// the bytes of a rectangle.)
const SHAPES: Record<ArchitectureNode['kind'], [string, string]> = {
  service: ['["', '"]'],
  store: ['[("', '")]'],
  queue: ['[/"', '"/]'],
  client: ['("', '")'],
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
  // Light fills with dark text (src/util/themes.ts): the site draws its dark theme with its own.
  for (const change of ['new', 'changed', 'removed'] as const) {
    const members = changed(change);
    if (members.length === 0) continue;
    lines.push(`  classDef ${change} ${CLASS_STYLES.light[change]}`, `  class ${members.join(',')} ${change}`);
  }
  return `${lines.join('\n')}\n`;
}
