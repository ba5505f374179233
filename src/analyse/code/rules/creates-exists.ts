import { createsExists } from '../../../diagnostics/catalogue.ts';
import type { TaskCodeRule } from './rule.ts';

/** A `creates` path that already matches files: the work may be done, or the path is wrong. */
export const createsExistsRule: TaskCodeRule = {
  name: createsExists.name,
  run({ task, matches, compiled, diagnostics }) {
    for (const { pattern, files } of matches) {
      if (pattern.list !== 'creates' || files.length === 0 || compiled(pattern.text)?.negated) continue;
      diagnostics.report(createsExists, { task: task.id, pattern: pattern.text, count: files.length, first: files[0]! }, pattern.location);
    }
  },
};
