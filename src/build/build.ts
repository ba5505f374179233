// Build: a schema-valid plan value → the typed Plan model, with defaults applied, durations
// resolved to working days, and every item's location recorded. Reports what only a whole
// plan shows: duplicate ids, inconsistent estimates, and architecture diagrams whose edges
// or groups name nodes that do not exist.
import { basename } from 'node:path';
import { duplicateId, groupCycle, invalidEstimate, unknownReference } from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { Location } from '../diagnostics/types.ts';
import type { YamlSource } from '../load/yaml-nodes.ts';
import {
  DEFAULT_ESTIMATES,
  type ArchitectureDiagram,
  type Calendar,
  type Dependency,
  type ItemKind,
  type Phase,
  type Plan,
  type Recovery,
  type Reference,
  type Risk,
  type Rollback,
  type Size,
  type Task,
  type ThreePointEstimate,
  type Verification,
} from '../model/plan.ts';
import { toWorkingDays } from '../util/duration.ts';
import { suggest } from '../util/suggest.ts';
import { Cursor } from './cursor.ts';
import type {
  RawDependency,
  RawDiagram,
  RawPhase,
  RawPlan,
  RawRecovery,
  RawRisk,
  RawRollback,
  RawTask,
  RawVerification,
} from '../schema/plan-definition.ts';

export interface PlanDefaults {
  estimates: Record<Size, number>;
  calendar: Calendar;
}

export interface BuildInput {
  value: unknown;
  source: YamlSource;
  file: string;
  defaults: PlanDefaults;
}

const KIND_NAMES: Record<ItemKind, string> = {
  phase: 'phase',
  task: 'task',
  milestone: 'milestone',
  stage: 'rollout stage',
  risk: 'risk',
  verification: 'verification checkpoint',
  decision: 'decision',
  criterion: 'success criterion',
  diagram: 'architecture diagram',
};

/** The plan id a file gets when it does not set one: its name without extension, as a slug. */
export function planIdFromFile(file: string): string {
  const name = basename(file).replace(/(\.plan)?\.ya?ml$/i, '');
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'plan';
}

export function buildPlan(input: BuildInput, diagnostics: Diagnostics): Plan {
  return new Builder(input, diagnostics).plan();
}

class Builder {
  readonly #raw: RawPlan;
  readonly #root: Cursor;
  readonly #input: BuildInput;
  readonly #diagnostics: Diagnostics;
  readonly #ids = new Map<string, { kind: ItemKind; location: Location }>();
  #estimates: Record<Size, number> = { ...DEFAULT_ESTIMATES };

  constructor(input: BuildInput, diagnostics: Diagnostics) {
    this.#input = input;
    this.#raw = input.value as RawPlan;
    this.#root = Cursor.root(input.source, input.file);
    this.#diagnostics = diagnostics;
  }

  plan(): Plan {
    const raw = this.#raw;
    const root = this.#root;
    const { defaults } = this.#input;
    this.#estimates = { ...defaults.estimates };
    for (const [size, value] of Object.entries(raw.estimates ?? {})) {
      this.#estimates[size as Size] = toWorkingDays(value);
    }
    const plan: Plan = {
      id: raw.id ?? planIdFromFile(this.#input.file),
      file: this.#input.file,
      title: raw.title,
      kind: raw.kind ?? 'implementation',
      status: raw.status ?? 'draft',
      ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
      ...(raw.start !== undefined ? { start: raw.start } : {}),
      calendar: {
        workdays: raw.calendar?.workdays ?? defaults.calendar.workdays,
        holidays: [...new Set([...defaults.calendar.holidays, ...(raw.calendar?.holidays ?? [])])].sort(),
      },
      estimates: this.#estimates,
      capacity: { ...(raw.capacity ?? {}) },
      ...(raw.summary !== undefined ? { summary: raw.summary } : {}),
      goals: raw.goals ?? [],
      nonGoals: raw.nonGoals ?? [],
      constraints: raw.constraints ?? [],
      assumptions: raw.assumptions ?? [],
      questions: raw.questions ?? [],
      successCriteria: [],
      decisions: [],
      phases: [],
      milestones: [],
      risks: [],
      verification: [],
      monitoring: {
        alerts: (raw.monitoring?.alerts ?? []).map((alert) => ({ ...alert })),
        dashboards: (raw.monitoring?.dashboards ?? []).map((dashboard) => ({ ...dashboard })),
      },
      dependencies: {
        internal: (raw.dependencies?.internal ?? []).map((dep) => ({ ...dep })),
        external: (raw.dependencies?.external ?? []).map((dep) => ({ ...dep })),
      },
      architecture: [],
      tags: raw.tags ?? [],
      location: (raw.id !== undefined ? root.get('id') : root.get('title')).location(),
    };

    const phases = root.get('phases');
    raw.phases.forEach((phase, index) => plan.phases.push(this.#phase(phase, phases.at(index), raw)));

    const criteria = root.get('successCriteria');
    (raw.successCriteria ?? []).forEach((criterion, index) => {
      const at = criteria.at(index);
      const location = this.#claim(criterion.id, 'criterion', at);
      const verifiedBy = at.get('verifiedBy');
      plan.successCriteria.push({
        kind: 'criterion',
        id: criterion.id,
        text: criterion.text,
        verifiedBy: (criterion.verifiedBy ?? []).map((ref, i) => reference(ref, verifiedBy.at(i).location())),
        location,
      });
    });

    const decisions = root.get('decisions');
    (raw.decisions ?? []).forEach((decision, index) => {
      const at = decisions.at(index);
      plan.decisions.push({
        kind: 'decision',
        id: decision.id,
        title: decision.title,
        status: decision.status ?? 'proposed',
        ...(decision.date !== undefined ? { date: decision.date } : {}),
        ...(decision.context !== undefined ? { context: decision.context } : {}),
        decision: decision.decision,
        alternatives: (decision.alternatives ?? []).map((alternative) => ({ ...alternative })),
        consequences: decision.consequences ?? [],
        ...(decision.supersedes !== undefined
          ? { supersedes: reference(decision.supersedes, at.get('supersedes').location()) }
          : {}),
        location: this.#claim(decision.id, 'decision', at),
      });
    });

    const milestones = root.get('milestones');
    (raw.milestones ?? []).forEach((milestone, index) => {
      const at = milestones.at(index);
      const after = at.get('after');
      plan.milestones.push({
        kind: 'milestone',
        id: milestone.id,
        title: milestone.title,
        after: milestone.after.map((ref, i) => reference(ref, after.at(i).location())),
        ...(milestone.due !== undefined ? { due: milestone.due } : {}),
        location: this.#claim(milestone.id, 'milestone', at),
      });
    });

    const risks = root.get('risks');
    (raw.risks ?? []).forEach((risk, index) => plan.risks.push(this.#risk(risk, risks.at(index))));
    const checks = root.get('verification');
    (raw.verification ?? []).forEach((check, index) => plan.verification.push(this.#verification(check, checks.at(index))));
    if (raw.rollback) plan.rollback = rollback(raw.rollback, root.get('rollback'));

    if (raw.rollout) {
      const at = root.get('rollout');
      const stages = at.get('stages');
      const after = at.get('after');
      plan.rollout = {
        ...(raw.rollout.strategy !== undefined ? { strategy: raw.rollout.strategy } : {}),
        ...(raw.rollout.flag !== undefined ? { flag: raw.rollout.flag } : {}),
        ...(raw.rollout.after !== undefined
          ? { after: raw.rollout.after.map((ref, i) => reference(ref, after.at(i).location())) }
          : {}),
        stages: raw.rollout.stages.map((stage, index) => ({
          kind: 'stage' as const,
          id: stage.id,
          title: stage.title,
          ...(stage.audience !== undefined ? { audience: stage.audience } : {}),
          ...(stage.percent !== undefined ? { percent: stage.percent } : {}),
          duration: stage.duration === undefined ? 0 : toWorkingDays(stage.duration),
          ...(stage.rollbackTrigger !== undefined ? { rollbackTrigger: stage.rollbackTrigger } : {}),
          exitCriteria: stage.exitCriteria ?? [],
          location: this.#claim(stage.id, 'stage', stages.at(index)),
        })),
        ...(raw.rollout.rollback ? { rollback: rollback(raw.rollout.rollback, at.get('rollback')) } : {}),
        location: at.keyLocation(),
      };
    }

    const diagrams = root.get('architecture');
    (raw.architecture ?? []).forEach((diagram, index) => plan.architecture.push(this.#diagram(diagram, diagrams.at(index))));

    if (raw.migration) {
      const data = raw.migration.data;
      plan.migration = {
        overview: (raw.migration.overview ?? []).map((row) => ({ ...row })),
        ...(raw.migration.strategy !== undefined ? { strategy: raw.migration.strategy } : {}),
        ...(data ? { data: { strategy: data.strategy, steps: data.steps, validation: data.validation ?? [] } } : {}),
        location: root.get('migration').keyLocation(),
      };
    }
    return plan;
  }

  /** Registers an id in the plan's namespace; reports a duplicate at the second one. */
  #claim(id: string, kind: ItemKind, at: Cursor): Location {
    const location = at.get('id').location();
    const first = this.#ids.get(id);
    if (first) {
      this.#diagnostics.report(duplicateId, { id, kind: KIND_NAMES[kind], firstKind: KIND_NAMES[first.kind] }, location, [
        { message: `\`${id}\` is first used here`, location: first.location },
      ]);
    } else {
      this.#ids.set(id, { kind, location });
    }
    return location;
  }

  #phase(raw: RawPhase, at: Cursor, plan: RawPlan): Phase {
    const location = this.#claim(raw.id, 'phase', at);
    const tasks = at.get('tasks');
    const risks = at.get('risks');
    const checks = at.get('verification');
    const owner = raw.owner ?? plan.owner;
    return {
      kind: 'phase',
      id: raw.id,
      title: raw.title,
      ...(raw.summary !== undefined ? { summary: raw.summary } : {}),
      ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
      dependsOn: dependencies(raw.dependsOn ?? [], at.get('dependsOn')),
      tasks: raw.tasks.map((task, index) => this.#task(task, tasks.at(index), raw.id, owner)),
      deliverables: raw.deliverables ?? [],
      risks: (raw.risks ?? []).map((risk, index) => this.#risk(risk, risks.at(index), raw.id)),
      verification: (raw.verification ?? []).map((check, index) => this.#verification(check, checks.at(index), raw.id)),
      ...(raw.rollback ? { rollback: rollback(raw.rollback, at.get('rollback')) } : {}),
      location,
    };
  }

  #task(raw: RawTask, at: Cursor, phase: string, defaultOwner: string | undefined): Task {
    const location = this.#claim(raw.id, 'task', at);
    let duration = 0;
    let durationSource: Task['durationSource'] = 'none';
    let estimate: ThreePointEstimate | undefined;
    if (raw.duration !== undefined) {
      duration = toWorkingDays(raw.duration);
      durationSource = 'duration';
    } else if (raw.effort !== undefined) {
      duration = this.#estimates[raw.effort];
      durationSource = 'effort';
    } else if (raw.estimate !== undefined) {
      const optimistic = toWorkingDays(raw.estimate.optimistic);
      const likely = toWorkingDays(raw.estimate.likely);
      const pessimistic = toWorkingDays(raw.estimate.pessimistic);
      const estimateAt = at.get('estimate');
      estimate = { optimistic, likely, pessimistic, location: estimateAt.keyLocation() };
      if (!(optimistic <= likely && likely <= pessimistic)) {
        this.#diagnostics.report(
          invalidEstimate,
          {
            detail: `The estimate of task \`${raw.id}\` is out of order: optimistic ${optimistic}d, likely ${likely}d, pessimistic ${pessimistic}d`,
          },
          estimateAt.keyLocation(),
        );
      }
      duration = (optimistic + 4 * likely + pessimistic) / 6;
      durationSource = 'estimate';
    }
    const status = raw.status ?? 'todo';
    if (status === 'cancelled') duration = 0;
    const owner = raw.owner ?? defaultOwner;
    return {
      kind: 'task',
      id: raw.id,
      title: raw.title,
      ...(raw.description !== undefined ? { description: raw.description } : {}),
      ...(owner !== undefined ? { owner } : {}),
      phase,
      ...(raw.effort !== undefined ? { effort: raw.effort } : {}),
      ...(estimate ? { estimate } : {}),
      duration,
      durationSource,
      dependsOn: dependencies(raw.dependsOn ?? [], at.get('dependsOn')),
      status,
      reversible: raw.reversible ?? true,
      ...(raw.recovery !== undefined ? { recovery: recovery(raw.recovery) } : {}),
      ...(raw.rollback ? { rollback: rollback(raw.rollback, at.get('rollback')) } : {}),
      touches: raw.touches ?? [],
      acceptance: raw.acceptance ?? [],
      location,
    };
  }

  #risk(raw: RawRisk, at: Cursor, phase?: string): Risk {
    return {
      kind: 'risk',
      ...raw,
      ...(phase !== undefined ? { phase } : {}),
      location: this.#claim(raw.id, 'risk', at),
    };
  }

  #verification(raw: RawVerification, at: Cursor, phase?: string): Verification {
    return {
      kind: 'verification',
      ...raw,
      ...(phase !== undefined ? { phase } : {}),
      location: this.#claim(raw.id, 'verification', at),
    };
  }

  #diagram(raw: RawDiagram, at: Cursor): ArchitectureDiagram {
    const location = this.#claim(raw.id, 'diagram', at);
    const nodesAt = at.get('nodes');
    const groupsAt = at.get('groups');
    const edgesAt = at.get('edges');
    const local = new Map<string, { kind: string; location: Location }>();
    const claimLocal = (id: string, kind: string, cursor: Cursor): Location => {
      const idLocation = cursor.get('id').location();
      const first = local.get(id);
      if (first) {
        this.#diagnostics.report(duplicateId, { id, kind, firstKind: first.kind, diagram: raw.id }, idLocation, [
          { message: `\`${id}\` is first used here`, location: first.location },
        ]);
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
      const suggestion = suggest(id, known);
      this.#diagnostics.report(
        unknownReference,
        { reference: id, kind: `${kind} in diagram \`${raw.id}\``, ...(suggestion ? { suggestion } : {}) },
        where.location(),
      );
      return false;
    };
    raw.nodes.forEach((node, index) => {
      if (node.group !== undefined) check(node.group, 'group', groupIds, nodesAt.at(index).get('group'));
    });
    raw.groups?.forEach((group, index) => {
      if (group.parent !== undefined) check(group.parent, 'group', groupIds, groupsAt.at(index).get('parent'));
    });
    this.#groupCycles(groups, raw.id, (index) => groupsAt.at(index).get('parent').location());
    const edges = (raw.edges ?? []).flatMap((edge, index) => {
      const edgeAt = edgesAt.at(index);
      const from = check(edge.from, 'node', nodeIds, edgeAt.get('from'));
      const to = check(edge.to, 'node', nodeIds, edgeAt.get('to'));
      if (!from || !to) return [];
      return [{
        from: edge.from,
        to: edge.to,
        ...(edge.label !== undefined ? { label: edge.label } : {}),
        style: edge.style ?? 'sync',
        location: edgeAt.location(),
      }];
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
  #groupCycles(groups: Array<{ id: string; parent?: string; location: Location }>, diagram: string, parentAt: (index: number) => Location): void {
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
        this.#diagnostics.report(groupCycle, { diagram, path: [...path, group.id] }, group.location, related);
        group.parent = undefined;
      }
    }
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A reference as written; `target` is there from the start (one object shape), bound by link. */
export function reference(raw: string, location: Location): Reference {
  const hash = raw.indexOf('#');
  return hash === -1
    ? { raw, plan: undefined, id: raw, location, target: undefined }
    : { raw, plan: raw.slice(0, hash), id: raw.slice(hash + 1), location, target: undefined };
}

function dependencies(raw: Array<string | RawDependency>, at: Cursor): Dependency[] {
  return raw.map((entry, index) => {
    const item = at.at(index);
    const base = typeof entry === 'string' ? reference(entry, item.location()) : reference(entry.id, item.get('id').location());
    return {
      raw: base.raw,
      plan: base.plan,
      id: base.id,
      location: base.location,
      target: undefined,
      type: typeof entry === 'string' ? 'FS' : (entry.type ?? 'FS'),
      lag: typeof entry === 'string' || entry.lag === undefined ? 0 : toWorkingDays(entry.lag),
    };
  });
}

function rollback(raw: RawRollback, at: Cursor): Rollback {
  return {
    ...(raw.trigger !== undefined ? { trigger: raw.trigger } : {}),
    steps: raw.steps ?? [],
    ...(raw.dataRecovery !== undefined ? { dataRecovery: raw.dataRecovery } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    ...(raw.duration !== undefined ? { duration: toWorkingDays(raw.duration) } : {}),
    location: at.keyLocation(),
  };
}

function recovery(raw: RawRecovery): Recovery {
  if (typeof raw === 'string') return { text: raw, steps: [] };
  return { steps: raw.steps, ...(raw.dataRecovery !== undefined ? { dataRecovery: raw.dataRecovery } : {}) };
}
