// The emitters: what `planc build` writes for each plan and for the whole set.
import type { CompileResult } from '../compile.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Plan } from '../model/plan.ts';
import type { OutputFile } from '../write/outputs.ts';
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

export const planEmitters: readonly PlanEmitter[] = [
  {
    name: 'plan.json',
    emit(plan, context) {
      const analysis = context.result.analysis.plans.get(plan)!;
      const json = planJson(plan, analysis, context.diagnostics.get(plan.file) ?? []);
      return [{ path: `${plan.id}/plan.json`, content: stringify(json) }];
    },
  },
];

export interface Emitted {
  files: OutputFile[];
  /** Plans not built because their file has errors (their previous outputs are kept). */
  skipped: Plan[];
  /** Files with errors that produced no plan at all. */
  failed: string[];
}

/** Plans whose file has an error are skipped: a document built on a broken plan would mislead. */
export function emitAll(result: CompileResult): Emitted {
  const diagnostics = new Map<string, ResolvedDiagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    const resolved = result.sources.resolve(diagnostic);
    const list = diagnostics.get(resolved.file) ?? [];
    list.push(resolved);
    diagnostics.set(resolved.file, list);
  }
  const hasError = (file: string) => (diagnostics.get(file) ?? []).some((d) => d.severity === 'error');
  const context: EmitContext = { result, diagnostics };
  const files: OutputFile[] = [];
  const skipped: Plan[] = [];
  const seen = new Set<string>();
  for (const plan of result.plans) {
    if (hasError(plan.file) || seen.has(plan.id)) {
      skipped.push(plan);
      continue;
    }
    seen.add(plan.id);
    for (const emitter of planEmitters) files.push(...emitter.emit(plan, context));
  }
  const built = new Set(result.plans.map((plan) => plan.file));
  const failed = result.files.filter((file) => !built.has(file) && hasError(file));
  return { files, skipped, failed };
}
