import { pathOutsideRepository } from '../../../diagnostics/catalogue.ts';
import type { TaskCodeRule } from './rule.ts';

/** A path that is absolute or climbs out of the repository: checked with or without the repository's files. */
export const pathOutsideRule: TaskCodeRule = {
  name: pathOutsideRepository.name,
  run({ task, matches, diagnostics }) {
    for (const { pattern, problem } of matches) {
      if (problem) diagnostics.report(pathOutsideRepository, { task: task.id, list: pattern.list, pattern: pattern.text, problem }, pattern.location);
    }
  },
};
