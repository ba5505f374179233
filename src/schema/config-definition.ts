// The schema of planc.config.yaml / planc.config.json, defined once: schema/config.schema.json
// is generated from it (`npm run schema`), and `RawConfig`, what config.ts reads, is derived
// from it. Like the plan's definition, only scripts and tests load this module as a value.
import { Type, type Static } from 'typebox';
import { integer, list, number, object, oneOfValues, record, schemaDocument, string, text } from './helpers.ts';
import { calendarDefinition, estimatesDefinition } from './plan-definition.ts';

const severity = oneOfValues({ title: 'Severity', description: 'The severity a rule reports with, or `off` to silence it.' }, [
  ['error', 'reported as an error: the check fails'],
  ['warning', 'reported as a warning'],
  ['info', 'reported as a note'],
  ['off', 'not reported'],
]);

export const configDefinition = schemaDocument(
  {
    $id: 'https://planc.dev/schema/config.schema.json',
    title: 'planc configuration',
    description: 'Settings for planc in this repository.',
  },
  {
    plans: list(
      { title: 'Plans', description: 'Files, folders or globs of plan files, relative to this file. Defaults to `plans`.' },
      Type.String({ minLength: 1, title: 'Path or glob', description: 'A file, folder or glob.' }),
      { minItems: 1, examples: [['plans'], ['docs/plans/**/*.plan.yaml']] },
    ),
    out: text({ title: 'Output folder', description: 'Where `planc build` writes. Defaults to `out`.' }),
    maxFileSize: integer(
      { title: 'Largest plan file', description: 'The largest plan file planc reads, in bytes. Defaults to 1 MiB.' },
      { minimum: 1 },
    ),
    estimates: estimatesDefinition,
    calendar: calendarDefinition,
    statusDate: string(
      {
        title: 'Status date',
        description:
          'The day progress is judged on (`YYYY-MM-DD`), as if `--status-date` were given: tasks that should have started or finished before it are late, milestones due before it and not reached are overdue, and unfinished work is scheduled from it. `--status-date` overrides it; without either, nothing depends on the date.',
      },
      { format: 'date', examples: ['2026-12-15'] },
    ),
    rules: record(
      { title: 'Rules', description: 'Severity per rule name or code (`milestone-slip: error`, `PLAN5001: off`).' },
      severity,
    ),
    schedule: object(
      { title: 'Schedule', description: 'Settings of the schedule analysis.' },
      {
        nearCritical: number(
          {
            title: 'Near-critical threshold',
            description: 'Tasks with less total float than this many working days are near-critical. Defaults to 2.',
          },
          { minimum: 0 },
        ),
        confidence: number(
          {
            title: 'Confidence',
            description: 'A milestone whose chance of meeting its due date (from three-point estimates) is below this is reported. Defaults to 0.8.',
          },
          { minimum: 0, maximum: 1 },
        ),
        capacity: integer(
          { title: 'Default capacity', description: 'Tasks an owner can work on at once, unless a plan says otherwise. Defaults to 1.' },
          { minimum: 1 },
        ),
      },
    ),
    simulation: object(
      { title: 'Simulation', description: 'The Monte Carlo simulation of three-point estimates.' },
      {
        runs: integer({ title: 'Runs', description: 'Number of simulated runs. Defaults to 10000.' }, { minimum: 1, maximum: 1000000 }),
        seed: integer({ title: 'Seed', description: 'Random seed; the same seed gives the same figures. Defaults to 1.' }),
      },
    ),
    code: object(
      { title: 'Code', description: 'The repository the plans\' `touches`, `creates` and `tests` are resolved against.' },
      {
        root: text(
          {
            title: 'Repository root',
            description:
              'The folder paths in plans are relative to, relative to this file. Defaults to the root of the git repository holding this file (or the working folder), or this file\'s folder outside git.',
          },
          { examples: ['.', 'services/shop'] },
        ),
        listed: integer(
          {
            title: 'Files listed',
            description: 'How many of a task\'s matched files plan.json and the documents list (all are counted). Defaults to 20.',
          },
          { minimum: 0, maximum: 10000 },
        ),
      },
    ),
    site: object(
      { title: 'Site', description: 'Settings of `planc site`.' },
      {
        out: text({ title: 'Output folder', description: 'Where the site is written. Defaults to `_site` (what GitHub Pages\' upload-pages-artifact action publishes). planc replaces the folder only if it is empty or an earlier site of its own.' }),
        title: text({ title: 'Title', description: 'The site title. Defaults to `Plans`.' }),
        base: text({ title: 'Base path', description: 'The path the site is served under, e.g. `/my-repo/` for GitHub Pages. Defaults to `/`.' }),
        url: text({ title: 'Site address', description: 'The full address the site is published at.' }, { pattern: '^https?://', patternDescription: 'an http(s) address' }),
        repository: text(
          { title: 'Repository', description: 'The repository\'s web address, for "edit this plan" links.' },
          { pattern: '^https?://', patternDescription: 'an http(s) address', examples: ['https://github.com/acme/shop'] },
        ),
        branch: text(
          { title: 'Branch', description: 'The branch the edit links open. Defaults to `main`.' },
          // Git's own rules for a branch name (git check-ref-format), and no quotes or angle brackets.
          { pattern: '^(?!/)(?!.*(?:\\.\\.|//|@\\{|/$|\\.$|\\.lock$))[^\\s~^:?*\\[\\\\"<>\\u0000-\\u001f\\u007f]+$', patternDescription: 'a branch name', examples: ['main'] },
        ),
        chromium: text({ title: 'Chromium', description: 'Path to a Chromium or Chrome executable for rendering diagrams.' }),
      },
    ),
  },
);

/** A config file as the schema admits it (before defaults). */
export type RawConfig = Static<typeof configDefinition>;
/** What a rule can be set to in `rules`. */
export type RuleSetting = Static<typeof severity>;
