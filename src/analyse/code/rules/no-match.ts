import { pathNoMatch } from '../../../diagnostics/catalogue.ts';
import type { FileIndex } from '../files.ts';
import { overlapsArea, type CompiledPattern } from '../patterns.ts';
import type { TaskCodeRule } from './rule.ts';

/**
 * A path of `touches` or `tests` that matches no file (or a `!` path that takes none out),
 * with the nearest existing path; code inside what a task `creates` is not there yet.
 */
export const pathNoMatchRule: TaskCodeRule = {
  name: pathNoMatch.name,
  run({ task, matches, repository, areas, compiled, diagnostics }) {
    if (!repository) return;
    for (const { pattern, files, problem } of matches) {
      if (problem || files.length > 0) continue;
      const path = compiled(pattern.text)!;
      if (!path.negated && (pattern.list === 'creates' || areas.some((area) => overlapsArea(path, area)))) continue;
      const suggestion = nearest(path, repository.files);
      diagnostics.report(
        pathNoMatch,
        { task: task.id, list: pattern.list, pattern: pattern.text, negated: path.negated, ...(suggestion !== undefined ? { suggestion } : {}) },
        pattern.location,
      );
    }
  },
};

/** The pattern with its literal part replaced by the nearest existing path, if there is one. */
function nearest(path: CompiledPattern, files: FileIndex): string | undefined {
  const bang = path.negated ? '!' : '';
  if (path.literal) {
    const found = files.nearest(path.path, 'file') ?? files.nearest(path.path, 'folder');
    return found === undefined ? undefined : `${bang}${found}`;
  }
  // The folder exists: the glob after it is what matches nothing.
  if (path.base === '' || files.isFolder(path.base)) return undefined;
  const folder = files.nearest(path.base, 'folder');
  return folder === undefined ? undefined : `${bang}${folder}${path.path.slice(path.base.length)}`;
}
