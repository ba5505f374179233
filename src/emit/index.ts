// The emitters: what `planc build` writes for each plan and for the whole set.
import type { CompileResult } from '../compile.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Plan } from '../model/plan.ts';
import type { OutputFile } from '../write/outputs.ts';
import { planDocument, type DocumentInput } from './markdown/document.ts';
import { portfolio } from './markdown/portfolio.ts';
import { architecture } from './mermaid/architecture.ts';
import { dependencies } from './mermaid/dependencies.ts';
import { gantt } from './mermaid/gantt.ts';
import { planJson, stringify } from './plan-json.ts';

export interface EmitContext {
  result: CompileResult;
  /** The diagnostics of each file, resolved. */
  diagnostics: Map<string, ResolvedDiagnostic[]>;
}

export interface PlanEmitter {
  name: string;
  emit(plan: Plan, context: EmitContext): OutputFile[];
}

/**
 * Beyond this many tasks a dependency graph is too dense to read inside a document: the
 * document then links to dependencies.mmd instead of embedding it.
 */
const GRAPH_IN_DOCUMENT = 30;

export const planEmitters: readonly PlanEmitter[] = [
  {
    name: 'plan.json',
    emit(plan, context) {
      const analysis = context.result.analysis.plans.get(plan)!;
      const json = planJson(plan, analysis, context.diagnostics.get(plan.file) ?? []);
      return [{ path: `${plan.id}/plan.json`, content: stringify(json) }];
    },
  },
  {
    name: 'documents',
    emit(plan, context) {
      const input = documentInput(plan, context);
      const tasks = plan.phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
      const document = planDocument({ ...input, dependencies: tasks <= GRAPH_IN_DOCUMENT ? input.dependencies : undefined });
      return [
        { path: `${plan.id}/index.md`, content: document },
        ...(input.gantt ? [{ path: `${plan.id}/gantt.mmd`, content: input.gantt }] : []),
        ...[...input.architecture].map(([id, text]) => ({ path: `${plan.id}/architecture-${id}.mmd`, content: text })),
        { path: `${plan.id}/dependencies.mmd`, content: input.dependencies! },
      ];
    },
  },
];

/** What a plan's document is made of: the analysed plan, its diagnostics and its diagrams. */
export function documentInput(plan: Plan, context: EmitContext): DocumentInput {
  const { analysis: project } = context.result;
  const analysis = project.plans.get(plan)!;
  return {
    plan,
    analysis,
    diagnostics: context.diagnostics.get(plan.file) ?? [],
    gantt: gantt(plan, analysis),
    architecture: new Map(plan.architecture.map((diagram) => [diagram.id, architecture(diagram)])),
    dependencies: dependencies(plan, project.graph, analysis.schedule ? project.cpm : undefined),
  };
}

export interface Emitted {
  files: OutputFile[];
  /** Plans not built because their file has errors (their previous outputs are kept). */
  skipped: Plan[];
  /** Files with errors that produced no plan at all. */
  failed: string[];
}

/** The diagnostics of each file, resolved to lines and columns. */
export function diagnosticsByFile(result: CompileResult): Map<string, ResolvedDiagnostic[]> {
  const diagnostics = new Map<string, ResolvedDiagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    const resolved = result.sources.resolve(diagnostic);
    const list = diagnostics.get(resolved.file) ?? [];
    list.push(resolved);
    diagnostics.set(resolved.file, list);
  }
  return diagnostics;
}

/**
 * The plans outputs are made of (build and site alike): plans whose file has an error are
 * skipped, since a document built on a broken plan would mislead, and so is a second plan
 * with an id already taken.
 */
export function buildablePlans(result: CompileResult, diagnostics: Map<string, ResolvedDiagnostic[]>): { built: Plan[]; skipped: Plan[] } {
  const hasError = (file: string) => (diagnostics.get(file) ?? []).some((d) => d.severity === 'error');
  const built: Plan[] = [];
  const skipped: Plan[] = [];
  const seen = new Set<string>();
  for (const plan of result.plans) {
    if (hasError(plan.file) || seen.has(plan.id)) skipped.push(plan);
    else {
      seen.add(plan.id);
      built.push(plan);
    }
  }
  return { built, skipped };
}

export function emitAll(result: CompileResult): Emitted {
  const diagnostics = diagnosticsByFile(result);
  const hasError = (file: string) => (diagnostics.get(file) ?? []).some((d) => d.severity === 'error');
  const context: EmitContext = { result, diagnostics };
  const files: OutputFile[] = [];
  const { built: plans, skipped } = buildablePlans(result, diagnostics);
  for (const plan of plans) for (const emitter of planEmitters) files.push(...emitter.emit(plan, context));
  const built = new Set(result.plans.map((plan) => plan.file));
  const failed = result.files.filter((file) => !built.has(file) && hasError(file));
  const left = new Set(skipped);
  const fileOrder = new Map(result.files.map((file, index) => [file, index]));
  const entries = result.plans
    .filter((plan) => !left.has(plan))
    .map((plan) => ({ plan, analysis: result.analysis.plans.get(plan)!, diagnostics: diagnostics.get(plan.file) ?? [] }));
  const notBuilt = [...skipped.map((plan) => plan.file), ...failed]
    .sort((a, b) => fileOrder.get(a)! - fileOrder.get(b)!)
    .map((file) => ({ file, diagnostics: diagnostics.get(file) ?? [] }));
  files.push({ path: 'index.md', content: portfolio(entries, notBuilt) });
  return { files, skipped, failed };
}
