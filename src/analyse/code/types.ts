// What the analysis of the code works from and what it gives: the repository's files (read
// by the wiring, handed in), and for each task the files its paths match, its tests, and
// the code owners whose review it needs.
import type { PathPattern, Task } from '../../model/plan.ts';
import type { CodeOwners } from './codeowners.ts';
import type { FileIndex } from './files.ts';
import type { PatternProblem } from './patterns.ts';

/** The repository the plans' paths are resolved against, as the wiring read it. */
export interface Repository {
  /** Its root, absolute: paths in plans are relative to it. */
  root: string;
  /** How the file list was made: `git ls-files`, or a walk of the folder honouring `.gitignore`. */
  source: 'git' | 'walk';
  /** The root's place in the git repository (`''` at its top), for links to the repository's pages. */
  prefix: string;
  /** The top folder of the git work tree holding the root, when it is in one (even where git could not list the files). */
  workTree?: string;
  files: FileIndex;
  /** The CODEOWNERS file in force, when there is one. */
  codeowners?: CodeOwners;
}

/** What a path of a task matched. */
export interface PathMatch {
  pattern: PathPattern;
  /** The files it matches (for a `!` path, the files it takes out of the list's). */
  files: readonly string[];
  /** Why it could not be resolved. */
  problem?: PatternProblem;
}

/** A task's code, resolved. */
export interface TaskCode {
  /** Each path, in the order written. */
  matches: readonly PathMatch[];
  /** The files it changes: what its `touches` and `creates` match, sorted. */
  files: readonly string[];
  /** The files of its tests, sorted. */
  tests: readonly string[];
  /** Files it names (literal paths of `touches` and `creates`) that do not exist yet. */
  planned: readonly string[];
  /** The code owners of its files and tests (and of where it creates code), sorted. */
  owners: readonly string[];
}

/** The code of a plan: its repository, and each task's that names code. */
export interface PlanCode {
  repository: { source: Repository['source']; prefix: string; files: number; codeowners?: string };
  tasks: ReadonlyMap<Task, TaskCode>;
  /** How many of a task's files outputs list (`code.listed` of the config); all are counted. */
  listed: number;
}
