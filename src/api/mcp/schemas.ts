// What the MCP tools return, as the zod schemas the SDK checks each result against (and
// lists as each tool's `outputSchema`). A diagnostic and the schedule are planc's own
// formats, so their schemas are made from schema/plan-json.schema.json (zod reads JSON
// Schema): a field added to plan.json's diagnostics or tasks is one here too.
import { z } from 'zod';
import type { JsonSchema } from '../../schema/helpers.ts';
import { generatedSchema } from '../../schema/generated.ts';

const planJsonSchema = generatedSchema('plan-json.schema.json');
const defs = planJsonSchema.$defs as Record<string, JsonSchema>;

/** A part of plan.json's schema as a zod object: the definition, its `$ref`s resolved against plan.json's `$defs`. */
function fromPlanJson(schema: JsonSchema): z.ZodObject {
  return z.fromJSONSchema({ $schema: planJsonSchema.$schema, $defs: defs, ...schema } as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodObject;
}

/** `schema` with only `keys` of its properties (and of its required ones). */
function picked(schema: JsonSchema, keys: readonly string[], replace: Record<string, JsonSchema> = {}): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  const missing = keys.filter((key) => !(key in properties));
  if (missing.length > 0) throw new Error(`plan.json has no ${missing.join(', ')}`);
  return {
    ...schema,
    properties: Object.fromEntries(keys.map((key) => [key, replace[key] ?? properties[key]!])),
    required: ((schema.required ?? []) as string[]).filter((key) => keys.includes(key)),
  };
}

export const diagnosticSchema = fromPlanJson(defs.diagnostic!).extend({ url: z.string().describe('Where the code is explained.') });
const suppressedSchema = diagnosticSchema.extend({
  suppression: z.object({ kind: z.enum(['inline', 'baseline']), reason: z.string().optional() }).describe('What suppressed it: a comment in the plan (with its reason) or the baseline.'),
});

/** `planc check --format json`, field for field (docs/json-output.md). */
export const reportShape = {
  version: z.number().describe('The format version of `planc check --format json`.'),
  summary: z
    .object({ files: z.number(), plans: z.number(), errors: z.number(), warnings: z.number(), infos: z.number(), suppressed: z.number() })
    .describe('Plan files checked, plans built, findings by severity, findings suppressed.'),
  diagnostics: z.array(diagnosticSchema).describe('The findings, by file and position; each with `help` (what to write), and `fix` when a fix is certain.'),
  suppressed: z.array(suppressedSchema).describe('Findings a comment or the baseline suppressed: they count for nothing.'),
};
export const reportSchema = z.object(reportShape);

/** The fields of each task the schedule shows. */
export const SCHEDULE_TASK_FIELDS = [
  'id', 'phase', 'title', 'owner', 'status', 'duration', 'dependsOn',
  'es', 'ef', 'ls', 'lf', 'totalFloat', 'freeFloat', 'critical', 'nearCritical', 'start', 'finish', 'sigma', 'criticality',
] as const;

/** The fields of plan.json the schedule shows (risks sorted by score). */
export const SCHEDULE_FIELDS = [
  'id', 'file', 'title', 'kind', 'status', 'owner', 'start', 'finish', 'duration', 'scheduled',
  'criticalPath', 'nearCritical', 'peakParallelism', 'progress', 'rollbackCoverage', 'pert', 'monteCarlo',
  'milestones', 'risks', 'tasks',
] as const;

export const scheduleSchema = fromPlanJson(
  picked(planJsonSchema, SCHEDULE_FIELDS, {
    tasks: { ...(planJsonSchema.properties as Record<string, JsonSchema>).tasks, items: picked(defs.task!, SCHEDULE_TASK_FIELDS) },
  }),
);

export const explainSchema = z.object({
  code: z.string(),
  name: z.string().describe('The rule name, as the configuration and suppression comments use it.'),
  title: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  configurable: z.boolean().describe('Whether the configuration may change its severity or turn it off.'),
  explanation: z.string().describe('What it means.'),
  fix: z.string().describe('How to fix it.'),
  autofix: z.string().optional().describe('What the `fix` tool changes, when it fixes such findings.'),
  example: z.object({ files: z.record(z.string(), z.string()), output: z.string().optional() }).optional().describe('Files that produce it, and what `planc check` prints for them.'),
  url: z.string(),
});

export const appliedSchema = z.object({
  code: z.string(),
  rule: z.string(),
  message: z.string().describe('The finding fixed.'),
  description: z.string().describe('What the fix changed.'),
  range: z.object({ start: z.object({ line: z.number(), column: z.number() }), end: z.object({ line: z.number(), column: z.number() }) }).describe('Where the finding was, in the text of its pass.'),
  pass: z.number().describe('The pass that fixed it (a fix can reveal another).'),
});

export const fixSchema = z.object({
  text: z.string().describe('The plan with every certain fix applied.'),
  changed: z.boolean(),
  applied: z.array(appliedSchema),
  ...reportShape,
});

export const newSchema = z.object({
  id: z.string(),
  file: z.string().describe('Where `planc new` would write it, relative to the repository.'),
  template: z.string(),
  text: z.string().describe('The starter plan: it checks clean.'),
});

const counts = z.object({ errors: z.number(), warnings: z.number(), infos: z.number() });

export const listSchema = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      file: z.string(),
      kind: z.string(),
      status: z.string(),
      owner: z.string().optional(),
      start: z.string().optional(),
      finish: z.string().optional(),
      duration: z.number().optional().describe('Working days, when the plan is scheduled.'),
      progress: z.number().describe('Work done, in percent of working days.'),
      rollbackCoverage: z.number().describe('Phases, stages and irreversible tasks covered by a rollback, in percent.'),
      findings: counts,
    }),
  ),
  files: z.array(z.object({ file: z.string(), findings: counts })).describe('Plan files that hold no plan (YAML or schema errors).'),
});

export const schemaSchema = z.object({
  definition: z.string().describe('`plan`, or the part asked for.'),
  schema: z.record(z.string(), z.unknown()).describe('The JSON Schema (2020-12), with the `$defs` it refers to.'),
  definitions: z.array(z.string()).describe('Every part that can be asked for.'),
});
