// The decision records: context, decision, alternatives, consequences. Each heading anchors its decision.
import type { PhrasingContent, RootContent } from 'mdast';
import { emphasis, heading, inlineCode, paragraph, strong, table, textList } from '../../../util/mdast.ts';
import { untrustedBlocks, untrustedInline } from '../untrusted.ts';
import type { Section } from './context.ts';

export const decisions: Section = ({ plan, anchored }) => {
  if (plan.decisions.length === 0) return [];
  const blocks: RootContent[] = [heading(2, 'Decisions')];
  for (const decision of plan.decisions) {
    const title = heading(3, decision.title);
    anchored.decisions.set(decision, title);
    blocks.push(
      title,
      paragraph(emphasis([decision.status, decision.date].filter(Boolean).join(' · '))),
      ...(decision.context ? [paragraph(strong('Context')), ...untrustedBlocks(decision.context)] : []),
      paragraph(strong('Decision')),
      ...untrustedBlocks(decision.decision),
    );
    if (decision.alternatives.length > 0) {
      blocks.push(
        paragraph(strong('Alternatives')),
        table(
          ['Option', 'Rejected because'],
          decision.alternatives.map((alternative) => [
            alternative.option,
            alternative.rejectedBecause === undefined ? '—' : ({ type: 'emphasis', children: untrustedInline(alternative.rejectedBecause) } as PhrasingContent),
          ]),
        ),
      );
    }
    if (decision.consequences.length > 0) blocks.push(paragraph(strong('Consequences')), textList(decision.consequences));
    if (decision.supersedes) blocks.push(paragraph('Supersedes ', inlineCode(decision.supersedes.raw), '.'));
  }
  return blocks;
};
