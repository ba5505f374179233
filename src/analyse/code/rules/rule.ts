import type { Diagnostics } from '../../../diagnostics/sink.ts';
import type { Plan, Task } from '../../../model/plan.ts';
import type { CompiledPattern } from '../patterns.ts';
import type { PathMatch, Repository, TaskCode } from '../types.ts';

export interface TaskCodeContext {
  plan: Plan;
  task: Task;
  /** Each of the task's paths and what it matched (nothing without a repository). */
  matches: readonly PathMatch[];
  /** The task's code, when the plans were resolved against a repository. */
  code?: TaskCode;
  repository?: Repository;
  /** Where the plans say code will be created: the `creates` of every task checked. */
  areas: readonly CompiledPattern[];
  /** A path compiled (once per text). */
  compiled(text: string): CompiledPattern | undefined;
  diagnostics: Diagnostics;
}

/** A rule about one task's code. Its diagnostics live in the catalogue. */
export interface TaskCodeRule {
  name: string;
  run(context: TaskCodeContext): void;
}
