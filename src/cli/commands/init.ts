import { initRepository } from '../../api/init.ts';
import { EXIT, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

const SAID = { written: 'wrote', replaced: 'replaced', updated: 'updated', kept: 'kept (exists; --force replaces it)' } as const;

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 0) {
    io.stderr.write('planc: `planc init` sets up the current folder and takes no paths\n');
    return EXIT.usage;
  }
  const result = await initRepository({ cwd: io.cwd, force: values.force === true });
  const width = Math.max(...result.files.map((file) => file.path.length));
  for (const file of result.files) io.stdout.write(`  ${file.path.padEnd(width)}  ${file.action === 'kept' && file.path === '.gitignore' ? 'kept (has the entries)' : SAID[file.action]}\n`);
  io.stdout.write('Next: `planc check`, then commit; the workflow checks pull requests and publishes the site from the default branch (Settings → Pages → Source: GitHub Actions).\n');
  return EXIT.clean;
}
