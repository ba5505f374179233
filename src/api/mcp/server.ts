// planc as an MCP server: the tools of tools.ts, the resources (the authoring guide, the
// schema, the bundled example plans, each plan's markdown document) and the prompts, over
// the repository's compiler session. The server is made here, in the library, and takes a
// transport from its caller (`planc mcp` gives it standard input and output): it never
// touches the process's streams itself, and writes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { documentInput } from '../../emit/index.ts';
import { planDocument } from '../../emit/markdown/document.ts';
import { planSchema } from '../../schema/plan-schema.ts';
import { plural } from '../../util/words.ts';
import { VERSION } from '../../version.ts';
import { loadConfig } from '../config.ts';
import { guideMarkdown } from '../guide.ts';
import { CompilerSession } from '../session.ts';
import { registerTools, TEXT_PATH, type ToolContext } from './tools.ts';

const PACKAGE = fileURLToPath(new URL('../../../', import.meta.url));
/** MCP's code for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;
/** The bundled plans, served whole as examples. */
const EXAMPLES = ['jwt-auth-refactor', 'session-store-migration'] as const;
/** Array elements and object members a tool's arguments may hold: plenty for any request, not for a hostile one. */
const MAX_INPUT_ELEMENTS = 10_000;

export interface McpOptions {
  /** The folder planc was started in; the repository is the folder of its planc.config.yaml, or this one. */
  cwd: string;
  /** A config file to use instead of the nearest planc.config.yaml, relative to `cwd`. */
  config?: string;
  /** Where the server's log lines go (`planc mcp`: standard error). */
  log?: (line: string) => void;
}

const INSTRUCTIONS = `planc checks, fixes and schedules the plan files of this repository (YAML: phases of tasks with dependencies, milestones, risks, verification, rollback). Read the resource planc://guide first: the language, the rules and examples. Then loop: \`new\` (a starter plan) or your draft → \`check\` → \`fix\` (the certain fixes) → fix what is left as each finding's help says → \`check\` until there are no errors → \`schedule\`. Tools never write files: write the plan to plans/<id>.plan.yaml yourself.`;

export interface PlancMcpServer {
  server: McpServer;
  /** The repository served: the folder of its planc.config.yaml, or `cwd`. */
  root: string;
  /** Resolves once no request is being worked on (a server closing finishes what it was asked first). */
  idle(): Promise<void>;
}

/** An MCP server over the repository at (or above) `cwd`; connect it to a transport (`planc mcp`: stdio). */
export function createMcpServer(options: McpOptions): PlancMcpServer {
  const loaded = loadConfig({ cwd: options.cwd, ...(options.config !== undefined ? { config: options.config } : {}) });
  const root = loaded.config.file !== undefined ? loaded.config.root : options.cwd;
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const done = () => pending.delete(work);
    work.then(done, done);
    return work;
  };
  const context: ToolContext = {
    root,
    ...(options.config !== undefined ? { config: options.config } : {}),
    session: new CompilerSession({ cwd: root, ...(options.config !== undefined ? { config: options.config } : {}) }),
    log: options.log ?? (() => undefined),
    track,
  };
  const server = new McpServer(
    { name: 'planc', title: 'planc, the plan compiler', version: VERSION, websiteUrl: 'https://github.com/planc-dev/planc' },
    { instructions: INSTRUCTIONS, maxToolInputElements: MAX_INPUT_ELEMENTS, capabilities: { logging: {} } },
  );
  registerTools(server, context);
  registerResources(server, context);
  registerPrompts(server);
  const idle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    // What was worked on is answered a turn later: let the answers go out.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { server, root, idle };
}

/** The guide in markdown, made once: it is a function of planc's own schema, catalogue and example plans. */
let guide: string | undefined;
const guideText = (): string => (guide ??= guideMarkdown());

function registerResources(server: McpServer, context: ToolContext): void {
  server.registerResource(
    'guide',
    'planc://guide',
    { title: 'Writing planc plans', description: 'The authoring guide: every property of the language, the rules planc checks, examples and the loop write → check → fix → check.', mimeType: 'text/markdown' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: guideText() }] }),
  );
  server.registerResource(
    'schema',
    'planc://schema',
    { title: 'The plan schema', description: 'The JSON Schema (2020-12) of plan files, as editors use it.', mimeType: 'application/schema+json' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/schema+json', text: `${JSON.stringify(planSchema, null, 2)}\n` }] }),
  );
  for (const id of EXAMPLES) {
    server.registerResource(
      `example-${id}`,
      `planc://examples/${id}`,
      { title: `Example plan: ${id}`, description: `One of the plans that ship with planc, whole (plans/${id}.plan.yaml): a model of a complete plan.`, mimeType: 'application/yaml' },
      (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/yaml', text: readFileSync(join(PACKAGE, 'plans', `${id}.plan.yaml`), 'utf8') }] }),
    );
  }
  server.registerResource(
    'plan',
    new ResourceTemplate('planc://plans/{id}', {
      list: async () => {
        const result = await context.track(context.session.check());
        return {
          resources: result.plans.map((plan) => ({ uri: `planc://plans/${plan.id}`, name: plan.id, title: plan.title, description: `${plan.file}: the plan's document`, mimeType: 'text/markdown' })),
        };
      },
      complete: { id: async (value) => (await context.session.check()).plans.map((plan) => plan.id).filter((id) => id.startsWith(value)) },
    }),
    { title: 'A plan\'s document', description: 'The markdown document `planc build` writes for a plan of the repository: its summary, phases, schedule, risks, rollback coverage and diagrams.', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const wanted = String(id);
      const result = await context.track(context.session.check({ simulate: true }));
      const plan = result.plans.find((p) => p.id === wanted);
      if (!plan) throw new McpError(RESOURCE_NOT_FOUND, `The repository has no plan \`${wanted}\` (plans: ${result.plans.map((p) => p.id).join(', ') || 'none'})`);
      if (!result.built.includes(plan)) {
        const errors = result.counts.get(plan.file)?.errors ?? 0;
        throw new McpError(RESOURCE_NOT_FOUND, `The plan \`${wanted}\` has no document: ${plan.file} has ${errors > 0 ? plural(errors, 'error') : 'an id another plan took first'}; call the check tool`);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: planDocument(documentInput(plan, result)) }] };
    },
  );
}

function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'write_plan',
    {
      title: 'Write a plan',
      description: 'Write a planc plan for a piece of work, and check it until it is clean.',
      argsSchema: {
        goal: z.string().describe('What the plan is for: the change, the migration or the refactoring.'),
        id: z.string().optional().describe('The plan id, a slug (the file is plans/<id>.plan.yaml).'),
        kind: z.string().optional().describe('implementation, migration, refactoring or debt-reduction.'),
      },
    },
    ({ goal, id, kind }) => ({
      description: 'Write a planc plan, then check, fix and schedule it.',
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Write a planc plan for: ${goal}`,
              '',
              `The plan is a YAML file, plans/${id ?? '<id>'}.plan.yaml${kind ? `, of kind ${kind}` : ''}. The guide below is the language and the rules.`,
              `1. Start from the \`new\` tool (id ${id ? `\`${id}\`` : 'a slug'}${kind && kind !== 'debt-reduction' && kind !== 'implementation' ? `, template \`${kind}\`` : ''}), or write the YAML yourself from the guide's examples: phases of tasks with ids, titles, lengths and dependencies; milestones; risks with mitigations; verification; a rollback for every phase.`,
              `2. Call \`check\` with the text (and \`path\`, default ${TEXT_PATH}); then \`fix\` for the certain fixes.`,
              '3. Fix what is left as each finding\'s `help` says, and check again, until there are no errors; look at the warnings too.',
              '4. Call `schedule` and say what it shows: duration, dates, the critical path, rollback coverage, the highest risks.',
              '5. Write the final text to the file (the tools write nothing).',
            ].join('\n'),
          },
        },
        { role: 'user', content: { type: 'resource', resource: { uri: 'planc://guide', mimeType: 'text/markdown', text: guideText() } } },
      ],
    }),
  );
  server.registerPrompt(
    'review_plan',
    {
      title: 'Review a plan',
      description: 'Review a plan of the repository: its findings, its schedule and what a careful reviewer would ask.',
      argsSchema: { plan: z.string().describe('The plan id, or the path of its file.') },
    },
    ({ plan }) => ({
      description: `Review the plan ${plan}.`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Review the planc plan ${plan}.`,
              '',
              `1. Call \`check\` with ${plan.includes('/') || plan.endsWith('.yaml') ? `path \`${plan}\`` : `the path of plan \`${plan}\` (\`list_plans\` gives it)`}, and \`schedule\`; read its document, the resource planc://plans/<id>.`,
              '2. Report every error and warning, with the change that resolves it (the YAML to write).',
              '3. Then review what planc cannot judge: is every phase\'s rollback real (a trigger that can be measured, steps that undo it)? Are the high-impact risks mitigated? Does every success criterion have a check that shows it? Is the critical path plausible, are estimates missing or optimistic, is anyone overloaded, do milestones slip?',
              '4. End with the three changes that matter most. The guide (resource planc://guide) has the language and the rules.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
