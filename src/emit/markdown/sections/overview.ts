// What the plan is for: the executive summary, goals and the other lists, success criteria.
import { blockItem, heading, list, paragraph, textList } from '../../../util/mdast.ts';
import { untrustedBlocks } from '../untrusted.ts';
import { idList, section, type Section } from './context.ts';

export const summary: Section = ({ plan }) => section('Executive summary', 2, plan.summary ? untrustedBlocks(plan.summary, 3) : []);

/** The plan's lists of plain text, each a section of its own. */
export const lists: Section = ({ plan }) => [
  ...section('Goals', 2, [plan.goals.length > 0 && textList(plan.goals, true)]),
  ...section('Non-goals', 2, [plan.nonGoals.length > 0 && textList(plan.nonGoals)]),
  ...section('Constraints', 2, [plan.constraints.length > 0 && textList(plan.constraints)]),
  ...section('Assumptions', 2, [plan.assumptions.length > 0 && textList(plan.assumptions)]),
  ...section('Open questions', 2, [plan.questions.length > 0 && textList(plan.questions)]),
];

/** Each criterion with what verifies it, ticked when every task verifying it is done. */
export const successCriteria: Section = ({ plan }) => {
  if (plan.successCriteria.length === 0) return [];
  return [
    heading(2, 'Success criteria'),
    list(
      plan.successCriteria.map((criterion) => {
        const verifiers = criterion.verifiedBy.map((ref) => ref.target);
        const done = verifiers.length > 0 && verifiers.every((target) => target?.item.kind === 'task' && target.item.status === 'done');
        const by = criterion.verifiedBy.map((ref) => (ref.plan ? `${ref.plan}#${ref.id}` : ref.id));
        return blockItem([paragraph(criterion.text, ...(by.length > 0 ? [' — verified by ', ...idList(by)] : []))], done);
      }),
    ),
  ];
};
