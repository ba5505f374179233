// The schema of planc.config.yaml / planc.config.json.
import { calendarSchema, estimatesSchema } from '../schema/plan-schema.ts';
import { list, object, text, type JsonSchema } from '../schema/helpers.ts';

const severity = {
  title: 'Severity',
  description: 'The severity a rule reports with, or `off` to silence it.',
  type: 'string',
  enum: ['error', 'warning', 'info', 'off'],
};

export const configSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://planc.dev/schema/config.schema.json',
  ...object(
    { title: 'planc configuration', description: 'Settings for planc in this repository.' },
    {
      plans: list(
        { title: 'Plans', description: 'Files, folders or globs of plan files, relative to this file. Defaults to `plans`.' },
        { type: 'string', minLength: 1, title: 'Path or glob', description: 'A file, folder or glob.' },
        { minItems: 1, examples: [['plans'], ['docs/plans/**/*.plan.yaml']] },
      ),
      out: text({ title: 'Output folder', description: 'Where `planc build` writes. Defaults to `out`.' }),
      maxFileSize: {
        title: 'Largest plan file',
        description: 'The largest plan file planc reads, in bytes. Defaults to 1 MiB.',
        type: 'integer',
        minimum: 1,
      },
      estimates: estimatesSchema,
      calendar: calendarSchema,
      rules: {
        title: 'Rules',
        description: 'Severity per rule name or code (`milestone-slip: error`, `PLAN5001: off`).',
        type: 'object',
        additionalProperties: severity,
      },
      schedule: object(
        { title: 'Schedule', description: 'Settings of the schedule analysis.' },
        {
          nearCritical: {
            title: 'Near-critical threshold',
            description: 'Tasks with less total float than this many working days are near-critical. Defaults to 2.',
            type: 'number',
            minimum: 0,
          },
          confidence: {
            title: 'Confidence',
            description: 'A milestone whose chance of meeting its due date (from three-point estimates) is below this is reported. Defaults to 0.8.',
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          capacity: {
            title: 'Default capacity',
            description: 'Tasks an owner can work on at once, unless a plan says otherwise. Defaults to 1.',
            type: 'integer',
            minimum: 1,
          },
        },
      ),
      simulation: object(
        { title: 'Simulation', description: 'The Monte Carlo simulation of three-point estimates.' },
        {
          runs: { title: 'Runs', description: 'Number of simulated runs. Defaults to 10000.', type: 'integer', minimum: 1, maximum: 1000000 },
          seed: { title: 'Seed', description: 'Random seed; the same seed gives the same figures. Defaults to 1.', type: 'integer' },
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
  ),
};

