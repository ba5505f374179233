import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config/config.ts';
import { folderForNewPlan } from '../../load/discover.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

const PACKAGE = fileURLToPath(new URL('../../../', import.meta.url));
const TEMPLATES = ['implementation', 'migration', 'refactoring'];

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError('`planc new` needs the id of the new plan', 'Example: planc new checkout-redesign --template implementation');
  if (extra.length > 0) throw new UsageError(`\`planc new\` takes one id, not ${positionals.length}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || id.length > 64) {
    throw new UsageError(`\`${id}\` is not a valid plan id`, 'Ids are slugs: lowercase letters, digits and hyphens, like `checkout-redesign`.');
  }
  const template = String(values.template);
  if (!TEMPLATES.includes(template)) {
    throw new UsageError(`there is no template \`${template}\``, `Templates: ${TEMPLATES.join(', ')}.`);
  }
  const title = values.title === undefined ? titleFromId(id) : String(values.title);
  if (/[\n\r]/.test(title) || title.trim() === '') throw new UsageError('the title must be one non-empty line');
  const start = values.start === undefined ? nextMonday(new Date()) : String(values.start);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`))) {
    throw new UsageError(`\`${start}\` is not a date written YYYY-MM-DD`);
  }

  const loaded = loadConfig(io.cwd, values.config === undefined ? undefined : String(values.config));
  if (loaded.diagnostics.length > 0) {
    throw new UsageError(`the configuration has errors; run \`planc check\` to see them`);
  }
  const config = loaded.config;
  const name = `${id}.plan.yaml`;
  // Without --dir, where the next `planc check` finds it: a folder of `plans:`, or the
  // folder a glob of it starts from.
  const folder = values.dir !== undefined ? resolve(io.cwd, String(values.dir)) : folderForNewPlan(config.root, config.plans, name);
  if (folder === undefined) {
    throw new UsageError(
      `no folder of \`plans:\` (${config.plans.map((pattern) => `\`${pattern}\``).join(', ')}) takes a file named ${name}`,
      'Pass --dir, or add a folder or a glob such as `plans/**/*.plan.yaml` to `plans:` in the configuration.',
    );
  }
  const target = join(folder, name);
  const shown = relative(io.cwd, target) || target;

  const schemaFile = join(PACKAGE, 'schema', 'plan.schema.json');
  const inProject = !relative(config.root, schemaFile).startsWith('..') && !isAbsolute(relative(config.root, schemaFile));
  const schema = inProject ? relative(folder, schemaFile).split('\\').join('/') : schemaFile;

  const text = (await readFile(join(PACKAGE, 'templates', `${template}.plan.yaml`), 'utf8'))
    .replaceAll('"{{title}}"', JSON.stringify(title))
    .replaceAll('{{title}}', title)
    .replaceAll('{{id}}', id)
    .replaceAll('{{start}}', start)
    .replaceAll('{{schema}}', schema);

  await mkdir(folder, { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${shown} already exists; \`planc new\` never overwrites a file`, 'Choose another id, or delete the file first.');
    }
    throw error;
  }
  io.stdout.write(`Created ${shown} from the ${template} template.\nCheck it with: planc check ${shown}\n`);
  if (!inProject) {
    io.stderr.write(
      `planc: note: the schema line points to ${schemaFile}, outside this repository; install planc in the repository (npm install --save-dev planc) for a path that works for everyone.\n`,
    );
  }
  return EXIT.clean;
}

/** `checkout-redesign` → `Checkout redesign`. */
export function titleFromId(id: string): string {
  const words = id.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The next Monday after `today` (a week later when today is Monday), as YYYY-MM-DD. */
export function nextMonday(today: Date): string {
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const day = date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + (((8 - day) % 7) || 7));
  return date.toISOString().slice(0, 10);
}
