// Each task's paths resolved against the repository: the files every path matches, the
// task's files and tests (a `!` path takes files out of its own list), the files it names
// that are not there yet, and the code owners of all of them. Then the rules about each
// task's code report.
import { Diagnostics, type RuleSettings } from '../../diagnostics/sink.ts';
import { allTasks, type PathList, type Plan, type Task } from '../../model/plan.ts';
import { compilePattern, matchFiles, type CompiledPattern, type PatternProblem } from './patterns.ts';
import { taskCodeRules } from './rules/index.ts';
import type { PathMatch, PlanCode, Repository, TaskCode } from './types.ts';

/**
 * Compiles each path once, however many tasks and plans name it (a compiler session keeps
 * one across its checks, and `planc impact` matches the changed files with the same one).
 */
export class PatternCache {
  readonly #compiled = new Map<string, ReturnType<typeof compilePattern>>();

  /** The compiled path; undefined for one that leaves the repository. */
  get(text: string): CompiledPattern | undefined {
    const compiled = this.#compile(text);
    return 'problem' in compiled ? undefined : compiled;
  }

  /** Why the path cannot be compiled (it is absolute, or climbs out), if it cannot. */
  problem(text: string): PatternProblem | undefined {
    const compiled = this.#compile(text);
    return 'problem' in compiled ? compiled.problem : undefined;
  }

  #compile(text: string): ReturnType<typeof compilePattern> {
    let compiled = this.#compiled.get(text);
    if (!compiled) this.#compiled.set(text, (compiled = compilePattern(text)));
    return compiled;
  }
}

export interface ResolveContext {
  repository?: Repository;
  /** The `creates` of every task checked. */
  areas: readonly CompiledPattern[];
  patterns: PatternCache;
  rules: RuleSettings;
  /** How many of a task's files outputs list. */
  listed: number;
}

/** A plan's code, and what its rules found; without a repository only the paths' form is checked. */
export function resolvePlanCode(plan: Plan, context: ResolveContext): { code?: PlanCode; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics(context.rules);
  const { repository } = context;
  const tasks = new Map<Task, TaskCode>();
  for (const task of allTasks(plan)) {
    if (task.paths.length === 0) continue;
    const matches = task.paths.map((pattern): PathMatch => {
      const compiled = context.patterns.get(pattern.text);
      if (!compiled) return { pattern, files: [], problem: context.patterns.problem(pattern.text) };
      return { pattern, files: repository ? matchFiles(compiled, repository.files) : [] };
    });
    const code = repository ? taskCode(matches, context, repository) : undefined;
    if (code) tasks.set(task, code);
    const ruleContext = {
      plan,
      task,
      // With the files, what each `!` path takes out of its list.
      matches: code?.matches ?? matches,
      ...(code ? { code } : {}),
      ...(repository ? { repository } : {}),
      areas: context.areas,
      compiled: (text: string) => context.patterns.get(text),
      diagnostics,
    };
    for (const rule of taskCodeRules) rule.run(ruleContext);
  }
  if (!repository) return { diagnostics };
  const summary = {
    source: repository.source,
    prefix: repository.prefix,
    files: repository.files.size,
    ...(repository.codeowners ? { codeowners: repository.codeowners.file } : {}),
  };
  return { code: { repository: summary, tasks, listed: context.listed }, diagnostics };
}

function taskCode(matches: readonly PathMatch[], context: ResolveContext, repository: Repository): TaskCode {
  const byList: Record<PathList, Set<string>> = { touches: new Set(), creates: new Set(), tests: new Set() };
  const planned = new Set<string>();
  const owners = new Set<string>();
  const codeowners = repository.codeowners;
  // What each list's paths match, then what its `!` paths take out of it.
  for (const match of matches) {
    const compiled = context.patterns.get(match.pattern.text);
    if (!compiled || compiled.negated) continue;
    const list = byList[match.pattern.list];
    for (const file of match.files) list.add(file);
    if (match.files.length === 0 && match.pattern.list !== 'tests') {
      if (compiled.literal && compiled.path !== '') planned.add(compiled.path);
      // Whoever owns the place the code goes reviews it.
      if (codeowners && match.pattern.list === 'creates') for (const owner of codeowners.of(compiled.literal ? compiled.path : `${compiled.base}/`)) owners.add(owner);
    }
  }
  const resolved = matches.map((match) => {
    const compiled = context.patterns.get(match.pattern.text);
    if (!compiled?.negated) return match;
    const list = byList[match.pattern.list];
    const taken = match.files.filter((file) => list.has(file));
    for (const file of taken) list.delete(file);
    return { ...match, files: taken };
  });
  const files = sortedUnion(byList.touches, byList.creates);
  const tests = sortedUnion(byList.tests);
  if (codeowners) for (const file of [...files, ...tests]) for (const owner of codeowners.of(file)) owners.add(owner);
  for (const file of files) planned.delete(file);
  return { matches: resolved, files, tests, planned: [...planned].sort(), owners: [...owners].sort() };
}

/** The files of sets filled from sorted matches, sorted: as they are when one set holds them all in order. */
function sortedUnion(...sets: Set<string>[]): string[] {
  const filled = sets.filter((set) => set.size > 0);
  if (filled.length === 0) return [];
  const all = filled.length === 1 ? [...filled[0]!] : [...new Set(filled.flatMap((set) => [...set]))];
  for (let i = 1; i < all.length; i++) if (!(all[i - 1]! < all[i]!)) return all.sort();
  return all;
}
