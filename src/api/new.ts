// `planc new` as a library call: a commented starter plan, from one of the templates that
// ship with planc, named and placed where the next check finds it. `starterPlan` only
// makes the text (an agent may want it without a file); `createPlan` writes it, never over
// an existing file.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { folderForNewPlan } from '../load/discover.ts';
import { planSchema } from '../schema/plan-schema.ts';
import { VERSION } from '../version.ts';
import { ConfigError, UsageError } from './errors.ts';
import { epochDay, isIsoDate, isoDate, localDate } from '../util/dates.ts';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES = ['implementation', 'migration', 'refactoring'] as const;

export interface NewPlanOptions {
  cwd: string;
  /** The plan's id (a slug); the file is `<id>.plan.yaml`. */
  id: string;
  /** implementation (default), migration or refactoring. */
  template?: string;
  /** Default: made from the id. */
  title?: string;
  /** YYYY-MM-DD; default: the Monday after `today`. */
  start?: string;
  /** The folder to write to, relative to `cwd` (default: where `plans:` of the config finds it). */
  dir?: string;
  /** A config file instead of the nearest planc.config.yaml. */
  config?: string;
  /** For the default start date (default: now). */
  today?: Date;
}

export interface StarterPlan {
  /** Where the plan goes, absolute. */
  path: string;
  /** The same, relative to `cwd` for messages. */
  file: string;
  text: string;
  template: string;
  /** The schema the file's first line points editors to, and whether it is inside the project (a relative path). */
  schema: { path: string; inProject: boolean; reference: string };
}

/** The starter plan's text and place; throws UsageError for an id, template, title, date or configuration it cannot use. */
export function starterPlan(options: NewPlanOptions): StarterPlan {
  const { id, cwd } = options;
  const idRule = (planSchema.properties as Record<string, { pattern: string; maxLength: number }>).id!;
  if (!new RegExp(idRule.pattern).test(id) || id.length > idRule.maxLength) {
    throw new UsageError(`\`${id}\` is not a valid plan id`, 'Ids are slugs: lowercase letters, digits and hyphens, like `checkout-redesign`.');
  }
  const template = options.template ?? 'implementation';
  if (!(TEMPLATES as readonly string[]).includes(template)) {
    throw new UsageError(`there is no template \`${template}\``, `Templates: ${TEMPLATES.join(', ')}.`);
  }
  const title = options.title ?? titleFromId(id);
  if (/[\n\r]/.test(title) || title.trim() === '') throw new UsageError('the title must be one non-empty line');
  const start = options.start ?? nextMonday(options.today ?? new Date());
  if (!isIsoDate(start)) {
    throw new UsageError(`\`${start}\` is not a date written YYYY-MM-DD`);
  }

  const loaded = loadConfig({ cwd, ...(options.config !== undefined ? { config: options.config } : {}) });
  if (loaded.configInvalid) throw new ConfigError(loaded);
  const { config } = loaded;
  const name = `${id}.plan.yaml`;
  // Without `dir`, where the next `planc check` finds it: a folder of `plans:`, or the
  // folder a glob of it starts from.
  const folder = options.dir !== undefined ? resolve(cwd, options.dir) : folderForNewPlan(config.root, config.plans, name);
  if (folder === undefined) {
    throw new UsageError(
      `no folder of \`plans:\` (${config.plans.map((pattern) => `\`${pattern}\``).join(', ')}) takes a file named ${name}`,
      'Pass --dir, or add a folder or a glob such as `plans/**/*.plan.yaml` to `plans:` in the configuration.',
    );
  }
  const path = join(folder, name);
  const { path: schemaFile, inProject, reference: schema } = schemaReference('plan.schema.json', folder, config.root);
  const text = readFileSync(join(PACKAGE, 'templates', `${template}.plan.yaml`), 'utf8')
    .replaceAll('"{{title}}"', JSON.stringify(title))
    .replaceAll('{{title}}', title)
    .replaceAll('{{id}}', id)
    .replaceAll('{{start}}', start)
    .replaceAll('{{schema}}', schema);
  return { path, file: relative(cwd, path) || path, text, template, schema: { path: schemaFile, inProject, reference: schema } };
}

/**
 * How a file in `folder` points editors at one of planc's schemas (`plan.schema.json`):
 * a relative path when planc is installed inside the project `root`; else the schema as
 * npm publishes it for this version (a path outside the repository would work on this
 * machine only).
 */
export function schemaReference(name: string, folder: string, root: string): { path: string; inProject: boolean; reference: string } {
  const path = join(PACKAGE, 'schema', name);
  const fromRoot = relative(root, path);
  const inProject = !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  return { path, inProject, reference: inProject ? relative(folder, path).split('\\').join('/') : publishedSchema(name) };
}

/** One of planc's schemas as npm publishes it, for this version (unpkg serves npm's files). */
export function publishedSchema(name: string): string {
  return `https://unpkg.com/planc@${VERSION}/schema/${name}`;
}

/** Writes the starter plan; throws UsageError when the file exists. */
export async function createPlan(options: NewPlanOptions): Promise<StarterPlan> {
  const plan = starterPlan(options);
  await mkdir(resolve(plan.path, '..'), { recursive: true });
  try {
    await writeFile(plan.path, plan.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${plan.file} already exists; \`planc new\` never overwrites a file`, 'Choose another id, or delete the file first.');
    }
    throw error;
  }
  return plan;
}

/** `checkout-redesign` → `Checkout redesign`. */
export function titleFromId(id: string): string {
  const words = id.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The next Monday after `today` (a week later when today is Monday), as YYYY-MM-DD. */
export function nextMonday(today: Date): string {
  const day = epochDay(localDate(today));
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return isoDate(day + (7 - weekday));
}
