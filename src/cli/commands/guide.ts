import { authoringGuide, guideMarkdown } from '../../api/guide.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 0) throw new UsageError('`planc guide` takes no arguments', 'Example: planc guide --format json');
  const format = values.format === undefined ? 'markdown' : String(values.format);
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`unknown format \`${format}\``, 'Formats: markdown, json.');
  const guide = authoringGuide();
  io.stdout.write(format === 'json' ? `${JSON.stringify(guide, null, 2)}\n` : guideMarkdown(guide));
  return EXIT.clean;
}
