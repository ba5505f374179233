// The rules about each task's code, in the order they run; the conflicts between tasks are
// found over every plan at once (conflicts.ts). Adding a rule: one file here, one line
// below, and its diagnostic in the catalogue.
import { ownerNotCodeOwnerRule } from './code-owner.ts';
import { createsExistsRule } from './creates-exists.ts';
import { pathNoMatchRule } from './no-match.ts';
import { pathOutsideRule } from './outside.ts';
import type { TaskCodeRule } from './rule.ts';

export const taskCodeRules: readonly TaskCodeRule[] = [pathOutsideRule, pathNoMatchRule, createsExistsRule, ownerNotCodeOwnerRule];
