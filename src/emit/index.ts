// The emitters: what `planc build` writes for each plan and for the whole set.
import type { ProjectAnalysis } from '../analyse/analyse.ts';
import type { SiteConfig } from '../config/config.ts';
import type { Counts, ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Plan } from '../model/plan.ts';
import type { OutputFile } from '../write/outputs.ts';
import { planDocument, type DocumentInput } from './markdown/document.ts';
import { portfolio } from './markdown/portfolio.ts';
import { architecture } from './mermaid/architecture.ts';
import { dependencies } from './mermaid/dependencies.ts';
import { ganttSvg } from './gantt/chart.ts';
import { planGantt } from './gantt/plan.ts';
import { workloadDrawing } from './gantt/workload.ts';
import { gantt } from './mermaid/gantt.ts';
import { stringify } from '../util/json.ts';
import { planJson } from './plan-json.ts';
import type { PlanJson } from '../schema/plan-json-definition.ts';

/** What the emitters read: the checked plans (a library result gives all of it). */
export interface EmitInput {
  /** The plans outputs are made of, in file order. */
  built: readonly Plan[];
  analysis: ProjectAnalysis;
  /** The diagnostics of each file. */
  byFile: ReadonlyMap<string, readonly ResolvedDiagnostic[]>;
  /** Findings per file. */
  counts: ReadonlyMap<string, Counts>;
  /** The files left out of the outputs, with their errors. */
  notBuilt: ReadonlyArray<{ file: string; errors: number }>;
  /** The configuration: its `site.repository` links the files tasks change. */
  config?: { site: Pick<SiteConfig, 'repository' | 'branch'> };
}

export interface PlanEmitter {
  name: string;
  emit(plan: Plan, input: EmitInput): OutputFile[];
}

/**
 * Beyond this many tasks a dependency graph is too dense to read inside a document: the
 * document then links to dependencies.mmd instead of embedding it.
 */
const GRAPH_IN_DOCUMENT = 30;

export const planEmitters: readonly PlanEmitter[] = [
  {
    name: 'plan.json',
    emit(plan, input) {
      return [{ path: `${plan.id}/plan.json`, content: stringify(planJsonOf(plan, input)) }];
    },
  },
  {
    name: 'documents',
    emit(plan, input) {
      const parts = documentInput(plan, input);
      const tasks = plan.phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
      const document = planDocument({ ...parts, dependencies: tasks <= GRAPH_IN_DOCUMENT ? parts.dependencies : undefined });
      const drawing = planGantt(plan, input.analysis.plans.get(plan)!);
      const load = workloadDrawing(plan, input.analysis.plans.get(plan)!);
      return [
        { path: `${plan.id}/index.md`, content: document },
        ...(parts.gantt ? [{ path: `${plan.id}/gantt.mmd`, content: parts.gantt }] : []),
        ...(drawing ? [{ path: `${plan.id}/gantt.svg`, content: ganttSvg(drawing) }] : []),
        ...(load ? [{ path: `${plan.id}/workload.svg`, content: ganttSvg(load) }] : []),
        ...[...parts.architecture].map(([id, text]) => ({ path: `${plan.id}/architecture-${id}.mmd`, content: text })),
        { path: `${plan.id}/dependencies.mmd`, content: parts.dependencies! },
      ];
    },
  },
];

/** A plan's plan.json, with its file's diagnostics. */
export function planJsonOf(plan: Plan, input: Pick<EmitInput, 'analysis' | 'byFile'>): PlanJson {
  return planJson(plan, input.analysis.plans.get(plan)!, [...(input.byFile.get(plan.file) ?? [])]);
}

/** What a plan's document is made of: the analysed plan, its diagnostics and its diagrams. */
export function documentInput(plan: Plan, input: Pick<EmitInput, 'analysis' | 'byFile' | 'config'>): DocumentInput {
  const analysis = input.analysis.plans.get(plan)!;
  const site = input.config?.site;
  return {
    ...(site?.repository ? { links: { repository: site.repository, branch: site.branch } } : {}),
    plan,
    analysis,
    diagnostics: [...(input.byFile.get(plan.file) ?? [])],
    gantt: gantt(plan, analysis),
    architecture: new Map(plan.architecture.map((diagram) => [diagram.id, architecture(diagram)])),
    dependencies: dependencies(plan, analysis.network, analysis.schedule !== undefined),
  };
}

/**
 * Every output file of a build, plan by plan, and the portfolio (`index.md`) last: made as
 * they are written, so a build of a thousand plans never holds all of its outputs at once.
 */
export function* emitFiles(input: EmitInput): Generator<OutputFile> {
  for (const plan of input.built) for (const emitter of planEmitters) yield* emitter.emit(plan, input);
  const entries = input.built.map((plan) => ({ plan, analysis: input.analysis.plans.get(plan)!, counts: input.counts.get(plan.file)! }));
  const notBuilt = input.notBuilt.map(({ file }) => ({ file, counts: input.counts.get(file)! }));
  yield { path: 'index.md', content: portfolio(entries, notBuilt) };
}

/** Every output file of a build, in memory. */
export function emitAll(input: EmitInput): OutputFile[] {
  return [...emitFiles(input)];
}
