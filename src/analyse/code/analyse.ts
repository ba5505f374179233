// The analysis of the code the plans touch, over every plan checked: each plan's paths
// resolved against the repository's files (kept per plan while the plan, the repository
// and the places code will be created stay the same), then the conflicts between tasks
// of every plan. Plans linked by references are analysed in groups (analyse.ts); the code
// is one analysis of them all, since two plans that never reference each other can still
// change the same files in the same weeks.
import type { Config } from '../../config/config.ts';
import { Diagnostics } from '../../diagnostics/sink.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import { allTasks, type Plan } from '../../model/plan.ts';
import type { PlanAnalysis } from '../types.ts';
import { reportConflicts } from './conflicts.ts';
import type { CompiledPattern } from './patterns.ts';
import { PatternCache, resolvePlanCode } from './resolve.ts';
import type { PlanCode, Repository } from './types.ts';

/** Whether any task of the plans names code (only then is the repository read). */
export function namesCode(plans: readonly Plan[]): boolean {
  return plans.some((plan) => plan.phases.some((phase) => phase.tasks.some((task) => task.paths.length > 0)));
}

interface Resolved {
  repository: Repository | undefined;
  areas: string;
  code?: PlanCode;
  diagnostics: readonly Diagnostic[];
}

/** What a code analysis keeps between checks (the compiler session holds one). */
export class CodeCache {
  readonly patterns = new PatternCache();
  #plans = new WeakMap<Plan, Resolved>();

  get(plan: Plan, repository: Repository | undefined, areas: string): Resolved | undefined {
    const kept = this.#plans.get(plan);
    return kept && kept.repository === repository && kept.areas === areas ? kept : undefined;
  }

  set(plan: Plan, resolved: Resolved): void {
    this.#plans.set(plan, resolved);
  }
}

export interface CodeAnalysis {
  /** Each plan's code, when the plans were resolved against a repository. */
  plans: Map<Plan, PlanCode>;
  diagnostics: Diagnostic[];
}

/**
 * Resolves the paths of every plan (`plans` in file order, with their analysis) against
 * the repository, and finds the conflicts between their tasks. Without a repository, only
 * the paths' form is checked.
 */
export function analyseCode(
  plans: ReadonlyArray<{ plan: Plan; analysis: PlanAnalysis }>,
  repository: Repository | undefined,
  config: Pick<Config, 'rules' | 'code'>,
  cache: CodeCache = new CodeCache(),
): CodeAnalysis {
  const areas: CompiledPattern[] = [];
  const areaTexts: string[] = [];
  for (const { plan } of plans) {
    for (const task of allTasks(plan)) {
      for (const path of task.paths) {
        if (path.list !== 'creates') continue;
        const compiled = cache.patterns.get(path.text);
        if (compiled && !compiled.negated) {
          areas.push(compiled);
          areaTexts.push(path.text);
        }
      }
    }
  }
  const areaKey = [...new Set(areaTexts)].sort().join('\n');
  const diagnostics: Diagnostic[] = [];
  const codes = new Map<Plan, PlanCode>();
  for (const { plan } of plans) {
    let resolved = cache.get(plan, repository, areaKey);
    if (!resolved) {
      const result = resolvePlanCode(plan, { ...(repository ? { repository } : {}), areas, patterns: cache.patterns, rules: config.rules, listed: config.code.listed });
      resolved = { repository, areas: areaKey, ...(result.code ? { code: result.code } : {}), diagnostics: result.diagnostics.items };
      cache.set(plan, resolved);
    }
    diagnostics.push(...resolved.diagnostics);
    if (resolved.code) codes.set(plan, resolved.code);
  }
  if (repository) {
    const sink = new Diagnostics(config.rules);
    reportConflicts(
      plans.flatMap(({ plan, analysis }) => {
        const code = codes.get(plan);
        return code ? [{ plan, analysis, tasks: code.tasks }] : [];
      }),
      sink,
    );
    diagnostics.push(...sink.items);
  }
  return { plans: codes, diagnostics };
}
