// The MCP server's tools: each a call of the library (the repository's compiler session,
// explain, starterPlan, fixText), with an input schema, an output schema (the result is its
// `structuredContent`) and a short text for models that read only the text. None writes a
// file. A request planc cannot carry out (a path outside the repository, a text over the
// size limit, an id that is no slug) is a tool error saying why; so is a bug, said in one
// line, its stack on the server's log.
import { relative, resolve, sep } from 'node:path';
import { isWithin } from '../../util/paths.ts';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { roundDays } from '../../util/duration.ts';
import { stringify } from '../../util/json.ts';
import { planJsonOf } from '../../emit/index.ts';
import type { Plan } from '../../model/plan.ts';
import { jsonReport, type JsonReport } from '../../report/json.ts';
import { verdict } from '../../report/verdict.ts';
import { planSchema } from '../../schema/plan-schema.ts';
import { closestMatch } from '../../util/suggest.ts';
import { plural, workingDays } from '../../util/words.ts';
import { UsageError } from '../errors.ts';
import { explain, explanationText } from '../explain.ts';
import { fixText } from '../fix.ts';
import { starterPlan, TEMPLATES } from '../new.ts';
import { reportInput } from '../report.ts';
import type { CheckResult } from '../result.ts';
import type { CompilerSession } from '../session.ts';
import { definitions, schemaPart } from './definitions.ts';
import { explainSchema, fixSchema, listSchema, newSchema, reportSchema, SCHEDULE_FIELDS, SCHEDULE_TASK_FIELDS, scheduleSchema, schemaSchema } from './schemas.ts';

/** What every tool works with: the repository and its compiler session. */
export interface ToolContext {
  /** The repository's folder: paths are relative to it, and may not leave it. */
  root: string;
  config?: string;
  session: CompilerSession;
  log(line: string): void;
  /** Keeps count of work in progress, so that the server can finish it before it closes. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** The name a plan given as text is checked as, unless `path` says another. */
export const TEXT_PATH = 'plan.plan.yaml';
/** At most this many findings are listed in a tool's text (all are in its structured content). */
const LISTED = 30;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A path of the repository, as the session takes it; a usage error for one that leaves the repository. */
function inRepository(context: ToolContext, path: string): string {
  const trimmed = path.trim();
  if (trimmed === '') throw new UsageError('the path is empty', 'Name a plan file relative to the repository, such as `plans/checkout.plan.yaml`.');
  const absolute = resolve(context.root, trimmed);
  if (!isWithin(absolute, context.root)) {
    throw new UsageError(`\`${path}\` is outside the repository`, 'planc reads the repository it was started in; name paths relative to it.');
  }
  return relative(context.root, absolute).split(sep).join('/') || '.';
}

/** A text over the configured file-size limit is refused as a tool error (a check would report it as PLAN1xxx too). */
function withinLimit(context: ToolContext, text: string): void {
  const limit = context.session.config().maxFileSize;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limit) {
    throw new UsageError(`the text is ${size} bytes, over the limit of ${limit} bytes`, 'Split the plan into several plans, or raise `maxFileSize` in planc.config.yaml.');
  }
}

/** One line per finding (the first LISTED), then the verdict `planc check` ends with: what a model that reads only text needs. */
function findingLines(report: JsonReport): string {
  const { files, suppressed } = report.summary;
  const lines = report.diagnostics.slice(0, LISTED).map((d) => {
    const place = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
    return `${place} ${d.severity} ${d.code}: ${d.message}${d.help ? ` — ${d.help}` : ''}${d.fix ? ` [fix: ${d.fix.description}]` : ''}`;
  });
  if (report.diagnostics.length > LISTED) lines.push(`… and ${report.diagnostics.length - LISTED} more (in the structured content).`);
  const { mark, text } = verdict(report.summary, files, suppressed);
  lines.push(`${mark} ${text}`);
  return lines.join('\n');
}

type Answer<T> = { text: string; structured: T };

/** A tool's result, or its error: a usage error says what to do; anything else is a bug, said in one line and logged. */
function answer<T extends Record<string, unknown>>(context: ToolContext, name: string, work: () => Promise<Answer<T>>) {
  return context.track(respond(context, name, work));
}

async function respond<T extends Record<string, unknown>>(context: ToolContext, name: string, work: () => Promise<Answer<T>>) {
  try {
    const { text, structured } = await work();
    return { content: [{ type: 'text' as const, text }], structuredContent: structured };
  } catch (error) {
    if (error instanceof UsageError) {
      context.log(`planc mcp: ${name}: ${error.message}`);
      return { content: [{ type: 'text' as const, text: `${sentence(error.message)}${error.hint ? ` ${error.hint}` : ''}` }], isError: true };
    }
    context.log(`planc mcp: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      content: [{ type: 'text' as const, text: `planc failed (PLAN9001, a bug in planc, not in the plan): ${error instanceof Error ? error.message : String(error)}` }],
      isError: true,
    };
  }
}

/** A usage error's message as a sentence: capitalised (unless it starts with a path), with its full stop. */
function sentence(text: string): string {
  const path = /^[^\s]*[/.][^\s]*\s/.test(text);
  return `${path ? text.charAt(0) : text.charAt(0).toUpperCase()}${text.slice(1)}${/[.?!]$/.test(text) ? '' : '.'}`;
}

/** The check of a text as a file of the repository, or of the repository's files. */
async function checked(context: ToolContext, input: { text?: string; path?: string; paths?: string[] }, simulate = false): Promise<{ result: CheckResult; file?: string }> {
  if (input.text !== undefined) {
    if (input.paths !== undefined) throw new UsageError('give `text` (checked as `path`) or `paths`, not both');
    withinLimit(context, input.text);
    const file = inRepository(context, input.path ?? TEXT_PATH);
    return { result: await context.session.check({ paths: [file], overlays: { [file]: input.text }, simulate }), file };
  }
  const named = [...(input.path !== undefined ? [input.path] : []), ...(input.paths ?? [])].map((path) => inRepository(context, path));
  const result = await context.session.check({ ...(named.length > 0 ? { paths: named } : {}), simulate });
  return { result, ...(input.path !== undefined ? { file: named[0]! } : {}) };
}

const textInput = z.string().describe('A plan as YAML text. Checked as the file `path` among the repository\'s plans (its references to them resolve); nothing is written.');
const pathInput = z.string().describe(`A plan file, relative to the repository. With \`text\`: the name the text is checked as (default \`${TEXT_PATH}\`; the plan id is the file name without \`.plan.yaml\`).`);

export function registerTools(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'check',
    {
      title: 'Check a plan',
      description:
        'Check a plan the way `planc check` does: YAML, the plan language, references, dependency cycles, the schedule, rollback coverage, risks and verification. Give `text` to check a draft (it is checked as the file `path` among the repository\'s plans, and nothing is written), or `path`/`paths` for the repository\'s files, or nothing for all of its plans. Returns the same diagnostics as `planc check --format json`: each with code, severity, message, range, pointer, `help` (what to write) and `fix` when a fix is certain (the `fix` tool applies them). Errors must go before the plan is built; warnings are worth a look.',
      inputSchema: { text: textInput.optional(), path: pathInput.optional(), paths: z.array(z.string()).max(1000).optional().describe('Plan files, folders or globs of the repository.') },
      outputSchema: reportSchema.shape,
      annotations: READ_ONLY,
    },
    (input) =>
      answer(context, 'check', async () => {
        const { result } = await checked(context, input);
        const report = jsonReport(reportInput(result));
        return { text: findingLines(report), structured: report as unknown as Record<string, unknown> };
      }),
  );

  server.registerTool(
    'schedule',
    {
      title: 'Schedule a plan',
      description:
        'The analysed plan: duration and dates, the critical path, each task\'s early and late start and finish (ES/EF/LS/LF, in working days from the start) and total and free float, rollback coverage, risks by score, milestones with their slips, and PERT and Monte Carlo figures (P50/P80/P95) when tasks have three-point estimates. Give `text` (a draft, checked as `path`), `path` (a plan file of the repository) or `plan` (a plan id of the repository). The plan must have no errors: `check` and `fix` first.',
      inputSchema: { text: textInput.optional(), path: pathInput.optional(), plan: z.string().optional().describe('The id of a plan of the repository.') },
      outputSchema: scheduleSchema.shape,
      annotations: READ_ONLY,
    },
    (input) =>
      answer(context, 'schedule', async () => {
        const { result, file } = await checked(context, { ...(input.text !== undefined ? { text: input.text } : {}), ...(input.path !== undefined ? { path: input.path } : {}) }, true);
        const plan = chosenPlan(result, file, input.plan);
        const errors = (result.byFile.get(plan.file) ?? []).filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          throw new UsageError(
            `${plan.file} has ${plural(errors.length, 'error')}; a plan is scheduled once it has none (${errors.slice(0, 3).map((d) => `${d.code} at ${d.range.start.line}:${d.range.start.column}`).join(', ')}${errors.length > 3 ? ', …' : ''})`,
            'Call `check` for the findings and `fix` for the certain fixes.',
          );
        }
        const view = scheduleView(result, plan);
        return { text: scheduleText(view), structured: view };
      }),
  );

  server.registerTool(
    'schema',
    {
      title: 'The plan language\'s JSON schema',
      description: `The JSON Schema (2020-12) of plan files, the one editors use; or one part of it: ${definitions().map((name) => `\`${name}\``).join(', ')}. The \`guide\` resource (planc://guide) says the same in prose, shorter.`,
      inputSchema: { definition: z.string().optional().describe('A part of the schema, such as `task`, `phase`, `risk` or `dependency` (default: the whole schema).') },
      outputSchema: schemaSchema.shape,
      annotations: READ_ONLY,
    },
    ({ definition }) =>
      answer(context, 'schema', async () => {
        const name = definition?.trim().toLowerCase() || 'plan';
        const schema = name === 'plan' ? planSchema : schemaPart(name);
        if (!schema) {
          const { suggestion } = closestMatch(name, definitions());
          throw new UsageError(`the schema has no part \`${definition}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`, `Parts: ${definitions().join(', ')}.`);
        }
        return { text: JSON.stringify(schema, null, 2), structured: { definition: name, schema, definitions: definitions() } };
      }),
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a diagnostic',
      description: 'What a diagnostic code (`PLAN2001`) or rule name (`unknown-property`) means, how to fix it, what the `fix` tool does about it, and an example that produces it with what planc prints for it.',
      inputSchema: { code: z.string().max(100).describe('A code such as `PLAN3004`, or a rule name such as `dependency-cycle`.') },
      outputSchema: explainSchema.shape,
      annotations: READ_ONLY,
    },
    ({ code }) =>
      answer(context, 'explain', async () => {
        const entry = explain(code);
        return { text: explanationText(entry), structured: entry as unknown as Record<string, unknown> };
      }),
  );

  server.registerTool(
    'fix',
    {
      title: 'Apply the certain fixes',
      description:
        'Apply every fix that is certain to a plan given as text, the way `planc fix` does, pass after pass: misspelt keys and values with one close match, YAML 1.1 words (`yes`, `no`, `on`, `off`), durations in words (`3 days` → `3d`), ids that are not slugs, references by title, missing ids, a markdown fence around the file, tabs. Only the text fixed changes (comments and layout stay). Returns the fixed text and what is left, in `check`\'s shape; fix what is left as each `help` says. Nothing is written: write the text to the file yourself.',
      inputSchema: {
        text: textInput,
        path: pathInput.optional(),
        renameDuplicates: z.boolean().optional().describe('Also rename duplicate ids (the second becomes `<id>-2`): a choice, so only when asked.'),
      },
      outputSchema: fixSchema.shape,
      annotations: READ_ONLY,
    },
    ({ text, path, renameDuplicates }) =>
      answer(context, 'fix', async () => {
        withinLimit(context, text);
        const file = inRepository(context, path ?? TEXT_PATH);
        const fixed = await fixText(context.session, file, text, { renameDuplicates: renameDuplicates === true });
        const report = jsonReport(reportInput(fixed.result));
        const summary = fixed.applied.length === 0 ? 'Nothing to fix.' : `Fixed ${plural(fixed.applied.length, 'problem')}: ${fixed.applied.map((a) => a.description).join('; ')}.`;
        return {
          text: `${summary}\n${findingLines(report)}\n\nThe text${fixed.applied.length === 0 ? '' : ', fixed'}:\n\n${fixed.after}`,
          structured: { text: fixed.after, changed: fixed.after !== text, applied: fixed.applied, ...report } as unknown as Record<string, unknown>,
        };
      }),
  );

  server.registerTool(
    'new',
    {
      title: 'A starter plan',
      description: `A complete, commented starter plan that checks clean, from one of planc's templates (${TEMPLATES.join(', ')}), as text: edit it, then \`check\`. It writes nothing; \`file\` says where \`planc new\` would put it.`,
      inputSchema: {
        id: z.string().max(64).describe('The plan id, a slug such as `checkout-redesign`; the file is `<id>.plan.yaml`.'),
        template: z.enum(TEMPLATES).optional().describe('The kind of plan (default implementation).'),
        title: z.string().max(200).optional().describe('The plan title (default: made from the id).'),
        start: z.string().optional().describe('The start date, YYYY-MM-DD (default: next Monday).'),
      },
      outputSchema: newSchema.shape,
      annotations: READ_ONLY,
    },
    (input) =>
      answer(context, 'new', async () => {
        const plan = starterPlan({ cwd: context.root, ...input, ...(context.config !== undefined ? { config: context.config } : {}) });
        const structured = { id: input.id, file: plan.file.split(sep).join('/'), template: plan.template, text: plan.text };
        return { text: `A starter ${plan.template} plan for ${structured.file}:\n\n${plan.text}`, structured };
      }),
  );

  server.registerTool(
    'list_plans',
    {
      title: 'The repository\'s plans',
      description: 'Every plan of the repository with its kind, status, owner, start and finish dates, duration, progress, rollback coverage and finding counts; and the plan files that hold no plan yet (YAML or schema errors). Read a plan\'s document as the resource planc://plans/<id>.',
      inputSchema: {},
      outputSchema: listSchema.shape,
      annotations: READ_ONLY,
    },
    () =>
      answer(context, 'list_plans', async () => {
        const result = await context.session.check();
        const list = planList(result);
        const lines = list.plans.map(
          (p) => `${p.id} (${p.kind}, ${p.status}) ${p.file}: ${p.start ?? '?'} → ${p.finish ?? '?'}${p.duration !== undefined ? `, ${workingDays(p.duration)}` : ''}, coverage ${p.rollbackCoverage}%, ${plural(p.findings.errors, 'error')}, ${plural(p.findings.warnings, 'warning')}`,
        );
        for (const f of list.files) lines.push(`${f.file}: no plan (${plural(f.findings.errors, 'error')})`);
        return { text: lines.length > 0 ? lines.join('\n') : 'The repository has no plans yet: the `new` tool starts one.', structured: list };
      }),
  );
}

/** The plan a schedule is asked for: the file's, or the one with the id, or the only one. */
function chosenPlan(result: CheckResult, file: string | undefined, id: string | undefined): Plan {
  const ids = result.plans.map((plan) => plan.id);
  if (file !== undefined) {
    const plan = result.plans.find((p) => p.file === file);
    if (plan) return plan;
    const errors = (result.byFile.get(file) ?? []).filter((d) => d.severity === 'error');
    throw new UsageError(`${file} holds no plan yet (${plural(errors.length, 'error')})`, 'Call `check` for the findings and `fix` for the certain fixes.');
  }
  if (id !== undefined) {
    const plan = result.plans.find((p) => p.id === id);
    if (plan) return plan;
    const { suggestion } = closestMatch(id, ids);
    throw new UsageError(`the repository has no plan \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`, ids.length > 0 ? `Plans: ${ids.join(', ')}.` : 'The repository has no plans yet.');
  }
  if (result.plans.length === 1) return result.plans[0]!;
  throw new UsageError(`say which plan: give \`text\`, \`path\` or \`plan\``, ids.length > 0 ? `Plans: ${ids.join(', ')}.` : 'The repository has no plans yet.');
}

/** The schedule: plan.json's fields for it (SCHEDULE_FIELDS), as `planc build` writes them, risks by score. */
function scheduleView(result: CheckResult, plan: Plan): Record<string, unknown> {
  const full = JSON.parse(stringify(planJsonOf(plan, result))) as Record<string, unknown>;
  const view = Object.fromEntries(SCHEDULE_FIELDS.filter((key) => key in full).map((key) => [key, full[key]]));
  view.tasks = (full.tasks as Array<Record<string, unknown>>).map((task) => Object.fromEntries(SCHEDULE_TASK_FIELDS.filter((key) => key in task).map((key) => [key, task[key]])));
  view.risks = [...(full.risks as Array<{ score: number }>)].sort((a, b) => b.score - a.score);
  return view;
}

function scheduleText(view: Record<string, unknown>): string {
  const v = view as {
    id: string; start?: string; finish?: string; duration?: number; criticalPath: string[];
    rollbackCoverage: { percent: number; covered: number; total: number };
    monteCarlo?: { p50: number; p80: number; p50Date?: string; p80Date?: string };
    milestones: Array<{ id: string; date?: string; due?: string; slip?: number }>;
    risks: Array<{ id: string; score: number; probability: string; impact: string }>;
  };
  const lines = [
    `${v.id}: ${v.duration === undefined ? 'not scheduled' : workingDays(v.duration)}${v.start ? `, ${v.start} → ${v.finish}` : ''}.`,
    `Critical path: ${v.criticalPath.join(' → ') || 'none'}.`,
    `Rollback coverage: ${v.rollbackCoverage.percent}% (${v.rollbackCoverage.covered} of ${v.rollbackCoverage.total}).`,
  ];
  if (v.monteCarlo) lines.push(`Monte Carlo: P50 ${workingDays(v.monteCarlo.p50)}${v.monteCarlo.p50Date ? ` (${v.monteCarlo.p50Date})` : ''}, P80 ${workingDays(v.monteCarlo.p80)}${v.monteCarlo.p80Date ? ` (${v.monteCarlo.p80Date})` : ''}.`);
  for (const m of v.milestones) if (m.slip !== undefined && m.slip > 0) lines.push(`Milestone ${m.id} slips ${m.slip} working days (${m.date} against ${m.due}).`);
  if (v.risks.length > 0) lines.push(`Risks by score: ${v.risks.slice(0, 5).map((r) => `${r.id} ${r.score} (${r.probability}/${r.impact})`).join(', ')}.`);
  lines.push('Every task\'s ES/EF/LS/LF and float are in the structured content.');
  return lines.join('\n');
}

/** The repository's plans, as `list_plans` gives them. */
function planList(result: CheckResult): z.infer<typeof listSchema> {
  const withPlans = new Set(result.plans.map((plan) => plan.file));
  return {
    plans: result.plans.map((plan) => {
      const analysis = result.analysis.plans.get(plan)!;
      const schedule = analysis.schedule;
      return {
        id: plan.id,
        title: plan.title,
        file: plan.file,
        kind: plan.kind,
        status: plan.status,
        ...(plan.owner !== undefined ? { owner: plan.owner } : {}),
        ...(schedule?.start !== undefined ? { start: schedule.start } : {}),
        ...(schedule?.finish !== undefined ? { finish: schedule.finish } : {}),
        ...(schedule ? { duration: roundDays(schedule.duration) } : {}),
        progress: analysis.progress.percent,
        rollbackCoverage: analysis.coverage.percent,
        findings: result.counts.get(plan.file)!,
      };
    }),
    files: result.files.filter((file) => !withPlans.has(file)).map((file) => ({ file, findings: result.counts.get(file)! })),
  };
}
