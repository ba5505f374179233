import { ownerNotCodeOwner } from '../../../diagnostics/catalogue.ts';
import { isCodeOwner } from '../codeowners.ts';
import type { TaskCodeRule } from './rule.ts';

/** A task whose owner is not a code owner of any of its files: its changes wait for another team's review. */
export const ownerNotCodeOwnerRule: TaskCodeRule = {
  name: ownerNotCodeOwner.name,
  run({ task, code, repository, diagnostics }) {
    const owner = task.owner;
    if (!owner || !code || code.owners.length === 0 || !repository?.codeowners) return;
    if (task.status === 'done' || task.status === 'cancelled' || isCodeOwner(owner, code.owners)) return;
    diagnostics.report(ownerNotCodeOwner, { task: task.id, owner, codeOwners: [...code.owners], file: repository.codeowners.file }, task.location);
  },
};
