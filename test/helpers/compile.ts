// Compiles plans held in memory, the way the CLI would compile them from files: one check
// of a fresh compiler session (src/api/session.ts, compileFiles).
import { compileFiles } from '../../src/api/session.ts';
import type { CheckResult } from '../../src/api/result.ts';
import { defaultConfig, type Config } from '../../src/config/config.ts';
import type { Milestone, Plan, RolloutStage, Task } from '../../src/model/plan.ts';
import type { Timing } from '../../src/analyse/types.ts';

export function compileYaml(files: Record<string, string>, options: { config?: Partial<Config>; simulate?: boolean } = {}): CheckResult {
  const config = { ...defaultConfig('/repo'), ...options.config };
  const encoder = new TextEncoder();
  const inputs = Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  return compileFiles(inputs, config, { cwd: '/repo', simulate: options.simulate ?? false });
}

/** Positions as `CODE line:column`, the way tests assert diagnostics. */
export function positions(result: Pick<CheckResult, 'diagnostics'>): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`);
}

export function planOf(result: CheckResult, id?: string): Plan {
  const plan = id === undefined ? result.plans[0] : result.plans.find((p) => p.id === id);
  if (!plan) throw new Error(`no plan ${id ?? ''}`);
  return plan;
}

/** Timings by item id. */
export function timings(result: CheckResult, id?: string): Record<string, Timing> {
  const plan = planOf(result, id);
  const schedule = result.analysis.plans.get(plan)?.schedule;
  if (!schedule) throw new Error(`plan ${plan.id} has no schedule`);
  const out: Record<string, Timing> = {};
  for (const [item, timing] of schedule.timings) out[(item as Task | Milestone | RolloutStage).id] = timing;
  return out;
}
