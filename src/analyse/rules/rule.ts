import type { Config } from '../../config/config.ts';
import type { Diagnostics } from '../../diagnostics/sink.ts';
import type { Project } from '../../link/link.ts';
import type { Plan } from '../../model/plan.ts';
import type { Graph } from '../graph.ts';
import type { PlanAnalysis } from '../types.ts';

export interface RuleContext {
  plan: Plan;
  analysis: PlanAnalysis;
  project: Project;
  graph: Graph;
  config: Config;
  diagnostics: Diagnostics;
}

/** One analysis rule: it reads the analysed plan and reports. Its diagnostics live in the catalogue. */
export interface Rule {
  name: string;
  run(context: RuleContext): void;
}
