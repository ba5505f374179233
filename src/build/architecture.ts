// Architecture diagrams: nodes, groups and edges, each id unique within its diagram;
// references to nodes and groups that do not exist are reported (and left out of the
// drawing), and so are groups nested in a loop.
import { duplicateId, groupCycle, unknownReference } from '../diagnostics/catalogue.ts';
import type { Location } from '../diagnostics/types.ts';
import type { ArchitectureDiagram } from '../model/plan.ts';
import type { RawDiagram } from '../schema/plan-definition.ts';
import { scalarFix } from '../diagnostics/fix.ts';
import { closestMatch } from '../util/suggest.ts';
import type { BuildContext, PlanPart } from './context.ts';
import type { Cursor } from './cursor.ts';

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function diagram(raw: RawDiagram, at: Cursor, context: BuildContext): ArchitectureDiagram {
  const { diagnostics } = context;
  const location = context.claim(raw.id, 'diagram', at);
  const nodesAt = at.get('nodes');
  const groupsAt = at.get('groups');
  const edgesAt = at.get('edges');
  const local = new Map<string, { kind: string; location: Location }>();
  const claimLocal = (id: string, kind: string, cursor: Cursor): Location => {
    const idLocation = cursor.get('id').location();
    const first = local.get(id);
    if (first) {
      diagnostics.report(
        duplicateId,
        { id, kind, firstKind: first.kind, diagram: raw.id },
        idLocation,
        [{ message: `\`${id}\` is first used here`, location: first.location }],
        { suggestions: [context.renameDuplicate(id, idLocation)] },
      );
    } else local.set(id, { kind, location: idLocation });
    return idLocation;
  };
  const groups = (raw.groups ?? []).map((group, index) => ({
    id: group.id,
    label: group.label,
    ...(group.parent !== undefined ? { parent: group.parent } : {}),
    location: claimLocal(group.id, 'group', groupsAt.at(index)),
  }));
  const groupIds = new Set(groups.map((group) => group.id));
  const nodes = raw.nodes.map((node, index) => ({
    id: node.id,
    label: node.label,
    kind: node.kind ?? 'service',
    ...(node.group !== undefined ? { group: node.group } : {}),
    change: node.change ?? 'unchanged',
    location: claimLocal(node.id, 'node', nodesAt.at(index)),
  }));
  const nodeIds = new Set(nodes.map((node) => node.id));
  const check = (id: string, kind: 'node' | 'group', known: Set<string>, where: Cursor): boolean => {
    if (known.has(id)) return true;
    const { suggestion, certain } = closestMatch(id, known);
    const location = where.location();
    const fix = suggestion !== undefined && certain ? scalarFix(location.span, suggestion, `Name the ${kind} \`${suggestion}\``) : undefined;
    diagnostics.report(unknownReference, { reference: id, kind: `${kind} in diagram \`${raw.id}\``, ...(suggestion ? { suggestion } : { known: [...known].slice(0, 6) }) }, location, [], { fix });
    return false;
  };
  raw.nodes.forEach((node, index) => {
    if (node.group !== undefined) check(node.group, 'group', groupIds, nodesAt.at(index).get('group'));
  });
  raw.groups?.forEach((group, index) => {
    if (group.parent !== undefined) check(group.parent, 'group', groupIds, groupsAt.at(index).get('parent'));
  });
  groupLoops(groups, raw.id, (index) => groupsAt.at(index).get('parent').location(), context);
  const edges = (raw.edges ?? []).flatMap((edge, index) => {
    const edgeAt = edgesAt.at(index);
    const from = check(edge.from, 'node', nodeIds, edgeAt.get('from'));
    const to = check(edge.to, 'node', nodeIds, edgeAt.get('to'));
    if (!from || !to) return [];
    return [{ from: edge.from, to: edge.to, ...(edge.label !== undefined ? { label: edge.label } : {}), style: edge.style ?? 'sync', location: edgeAt.location() }];
  });
  return {
    kind: 'diagram',
    id: raw.id,
    title: raw.title,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    direction: raw.direction ?? 'LR',
    groups: groups.filter((group) => group.parent === undefined || groupIds.has(group.parent)),
    nodes: nodes.map((node) => (node.group !== undefined && !groupIds.has(node.group) ? { ...node, group: undefined } : node)).map(stripUndefined),
    edges,
    location,
  };
}

/**
 * Groups nest through `parent`; a group inside itself cannot be drawn. Reported at the
 * first group of the loop, with every `parent` that makes it as related locations; the
 * loop is broken at that group (it is drawn at the top level).
 */
function groupLoops(
  groups: Array<{ id: string; parent?: string; location: Location }>,
  diagramId: string,
  parentAt: (index: number) => Location,
  context: BuildContext,
): void {
  const parent = new Map(groups.map((group) => [group.id, group.parent]));
  const indexOf = new Map(groups.map((group, index) => [group.id, index]));
  const reported = new Set<string>();
  for (const group of groups) {
    const path = [group.id];
    let current = group.parent;
    while (current !== undefined && indexOf.has(current) && !path.includes(current)) {
      path.push(current);
      current = parent.get(current);
    }
    if (current !== undefined && current === group.id && !reported.has(group.id)) {
      path.forEach((id) => reported.add(id));
      const related = path.map((id, step) => ({
        message: `\`${id}\` sits in \`${path[(step + 1) % path.length]}\` here`,
        location: parentAt(indexOf.get(id)!),
      }));
      context.diagnostics.report(groupCycle, { diagram: diagramId, path: [...path, group.id] }, group.location, related);
      group.parent = undefined;
    }
  }
}

export const architecture: PlanPart = (plan, context) => {
  const diagrams = context.root.get('architecture');
  (context.raw.architecture ?? []).forEach((raw, index) => plan.architecture.push(diagram(raw, diagrams.at(index), context)));
};
