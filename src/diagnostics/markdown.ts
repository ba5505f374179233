// The catalogue as a markdown page, for docs/diagnostics.md.
import { catalogue } from './catalogue.ts';
import { exampleText } from './define.ts';

export function diagnosticsMarkdown(): string {
  const lines = [
    '# Diagnostics',
    '',
    'Every diagnostic planc reports, by permanent code. Generated from',
    '`src/diagnostics/catalogue.ts` by `npm run docs`; do not edit by hand.',
    '',
    'Rules marked *configurable* take a severity in `planc.config.yaml`:',
    '`rules: { <name or code>: error | warning | info | off }`.',
    '',
    '| code | name | default | title |',
    '|---|---|---|---|',
    ...catalogue.map((d) => `| [${d.code}](#${d.code.toLowerCase()}) | \`${d.name}\` | ${d.severity}${d.configurable ? ' (configurable)' : ''} | ${d.title} |`),
    '',
  ];
  for (const d of catalogue) {
    lines.push(`## ${d.code}`, '', `**${d.title}** — \`${d.name}\`, ${d.severity}${d.configurable ? ', configurable' : ''}.`, '', d.explanation, '', `How to fix it: ${d.fix}`, '', ...(d.autofix !== undefined ? [`\`planc fix\`: ${d.autofix}`, ''] : []));
    for (const [path, content] of Object.entries(d.example ?? {})) {
      const text = exampleText(content);
      const fence = text.includes('```') ? '````' : '```';
      lines.push(`Example, \`${path}\`:`, '', `${fence}yaml`, text.replace(/\n$/, ''), fence, '');
    }
  }
  return `${lines.join('\n')}\n`;
}
