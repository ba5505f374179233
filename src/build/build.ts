// Build: a schema-valid plan value → the typed Plan model, with defaults applied, durations
// resolved to working days, and every item's location recorded. Reports what only a whole
// plan shows: duplicate ids, inconsistent estimates, and architecture diagrams whose edges
// or groups name nodes that do not exist. The plan's own settings are read here; each
// other part is a small handler (work.ts, architecture.ts), run in the order of PARTS.
import { basename } from 'node:path';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { YamlSource } from '../load/yaml-nodes.ts';
import type { Calendar, Plan, Size } from '../model/plan.ts';
import type { RawPlan } from '../schema/plan-definition.ts';
import { toWorkingDays } from '../util/duration.ts';
import { architecture } from './architecture.ts';
import { idClaims, type BuildContext, type PlanPart } from './context.ts';
import { Cursor } from './cursor.ts';
import { decisions, migration, milestones, phases, planWide, rollout, successCriteria } from './work.ts';

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

/** The parts of a plan, in the order ids are claimed (of two items with one id, the later is reported). */
const PARTS: readonly PlanPart[] = [phases, successCriteria, decisions, milestones, planWide, rollout, architecture, migration];

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
  const raw = input.value as RawPlan;
  const root = Cursor.root(input.source, input.file);
  const { defaults } = input;
  const estimates = { ...defaults.estimates };
  for (const [size, value] of Object.entries(raw.estimates ?? {})) estimates[size as Size] = toWorkingDays(value);
  const context: BuildContext = { raw, root, diagnostics, estimates, ...idClaims(diagnostics, raw) };
  const plan: Plan = {
    id: raw.id ?? planIdFromFile(input.file),
    file: input.file,
    title: raw.title,
    kind: raw.kind ?? 'implementation',
    status: raw.status ?? 'draft',
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    ...(raw.start !== undefined ? { start: raw.start } : {}),
    calendar: {
      workdays: raw.calendar?.workdays ?? defaults.calendar.workdays,
      holidays: [...new Set([...defaults.calendar.holidays, ...(raw.calendar?.holidays ?? [])])].sort(),
    },
    estimates,
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
  for (const part of PARTS) part(plan, context);
  return plan;
}
