// Every command's name, summary and options: what `planc --help` and argument parsing
// need. A command's code is loaded only when it runs, so `planc check` never loads what
// `planc site` needs (Astro, the renderer) or `planc build` (remark and the emitters).
import { GATES } from '../../diff/gates.ts';
import type { Io } from '../io.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  description: string;
}

export interface ParsedArgs {
  values: Record<string, unknown>;
  positionals: string[];
}

export interface CommandModule {
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /**
   * The command writes many outputs (documents, drawings, pages): V8's young generation may
   * grow for throughput, which bin/planc.js otherwise keeps at its starting size for memory.
   */
  writesOutputs?: true;
  load(): Promise<CommandModule>;
}

const CONFIG: OptionSpec = { type: 'string', description: 'Use this config file instead of the nearest planc.config.yaml' };
const FORMATS = 'stylish, json, github, sarif, junit or markdown';
const STATUS_DATE: OptionSpec = {
  type: 'string',
  description: 'Judge progress on this day (YYYY-MM-DD, or `today`): late tasks, overdue milestones, the rest scheduled from it',
};

/** The options of the commands that compile and then write (build, site). */
const WRITER_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', multiple: true, description: `Format of the diagnostics (${FORMATS}), NAME=FILE to write one to a file; a format for people goes to stderr, one for programs is the whole of stdout` },
  'status-date': STATUS_DATE,
  config: CONFIG,
};

export const commands: Record<string, CommandSpec> = {
  check: {
    summary: 'Check plans: YAML, schema, references, cycles, schedule, rollback coverage, risks.',
    usage: '[paths…|-] [--format NAME[=FILE]]… [--fail-severity error|warning|info] [--quiet] [--max-warnings N] [--baseline FILE [--update-baseline]] [--status-date YYYY-MM-DD|today]',
    options: {
      format: { type: 'string', multiple: true, description: `Output format: ${FORMATS}; NAME=FILE writes it to a file (repeat for several; the terminal then gets stylish)` },
      'output-file': { type: 'string', short: 'o', description: 'Write the report to this file instead of stdout (as ESLint\'s)' },
      'fail-severity': { type: 'string', description: 'The least severity that fails the run (exit 1): error (default), warning or info' },
      quiet: { type: 'boolean', description: 'Report errors only' },
      'max-warnings': { type: 'string', description: 'Fail (exit 1) when there are more warnings than this (-1: no limit)' },
      baseline: { type: 'string', description: 'Accept the findings this baseline file holds; fail only on new ones' },
      'update-baseline': { type: 'boolean', description: 'Write the baseline file with the findings of this check' },
      'stdin-filename': { type: 'string', description: 'With `-`: the path the plan read from stdin is checked as (default stdin.plan.yaml)' },
      'status-date': STATUS_DATE,
      config: CONFIG,
    },
    load: () => import('./check.ts'),
  },
  explain: {
    summary: 'Explain a diagnostic code: what it means, how to fix it, an example.',
    usage: '<code or rule> [--format text|json]',
    options: {
      format: { type: 'string', description: 'text (default) or json' },
    },
    load: () => import('./explain.ts'),
  },
  fix: {
    summary: 'Apply the fixes that are certain (misspelt keys and values, YAML 1.1 words, ids that are not slugs…), keeping comments and formatting.',
    usage: '[paths…] [--dry-run] [--rename-duplicates] [--format NAME[=FILE]]…',
    options: {
      'dry-run': { type: 'boolean', description: 'Write nothing: print the changes as a unified diff' },
      'rename-duplicates': { type: 'boolean', description: 'Also rename duplicate ids (the second becomes <id>-2): a choice, so only when asked' },
      format: { type: 'string', multiple: true, description: `Format of what is left to fix by hand (${FORMATS}); NAME=FILE writes it to a file` },
      config: CONFIG,
    },
    load: () => import('./fix.ts'),
  },
  init: {
    summary: 'Set a repository up: planc.config.yaml, a first plan, .gitignore entries and a GitHub workflow.',
    usage: '[--force]',
    options: {
      force: { type: 'boolean', description: 'Overwrite files that exist (never done without it)' },
    },
    load: () => import('./init.ts'),
  },
  build: {
    summary: 'Write each plan\'s analysed plan.json (and documents) into the output folder.',
    usage: '[paths…] [--out <folder>] [--format NAME[=FILE]]… [--status-date YYYY-MM-DD|today] [--watch]',
    options: {
      out: { type: 'string', description: 'The output folder (default: `out`, or `out:` in the config)' },
      watch: { type: 'boolean', description: 'Build again on every change, until stopped (Ctrl-C); prints as `planc watch` does' },
      ...WRITER_OPTIONS,
    },
    writesOutputs: true,
    load: () => import('./build.ts'),
  },
  site: {
    summary: 'Publish every plan as a static site (Astro), with diagrams drawn to SVG at build time.',
    usage: '[paths…] [--out <folder>] [--base <path>] [--chromium <path|none>] [--status-date YYYY-MM-DD|today]',
    options: {
      out: { type: 'string', description: 'The output folder (default: `_site`, or `site.out` in the config)' },
      base: { type: 'string', description: 'The path the site is served under, e.g. /my-repo/ (default: /)' },
      chromium: { type: 'string', description: 'Chromium to draw diagrams with, or `none` to leave them to the browser' },
      ...WRITER_OPTIONS,
    },
    writesOutputs: true,
    load: () => import('./site.ts'),
  },
  diff: {
    summary: 'Say what a change does to the plans: schedule, milestones, critical path, rollback coverage, risks, findings.',
    usage: '[paths…] [--base <ref>] [--head <ref>] [--format stylish|markdown|json[=FILE]]… [--fail-on <gates>] [--comment-marker <name>]',
    options: {
      base: { type: 'string', description: 'The base revision (default: the merge base with the default branch)' },
      head: { type: 'string', description: 'The head revision (default: the working tree)' },
      format: { type: 'string', multiple: true, description: 'Output format: stylish (default), markdown (a pull request comment) or json; NAME=FILE writes it to a file (repeat for several)' },
      'output-file': { type: 'string', short: 'o', description: 'Write the report to this file instead of stdout' },
      'fail-on': {
        type: 'string',
        multiple: true,
        description: `Exit 1 when one of these holds (comma-separated; the option may be repeated): ${Object.keys(GATES).join(', ')}`,
      },
      'comment-marker': { type: 'string', description: 'The hidden marker of the markdown, to find the comment again (default: planc-diff)' },
      config: CONFIG,
    },
    load: () => import('./diff.ts'),
  },
  impact: {
    summary: 'Show the plans and tasks whose code a change touches, and the changed files no plan covers.',
    usage: '[changed paths…] [--base <ref>] [--format stylish|markdown|json[=FILE]]…',
    options: {
      base: { type: 'string', description: 'Compare HEAD with this git revision (`git diff <ref>...HEAD`) instead of naming files' },
      format: { type: 'string', multiple: true, description: 'Output format: stylish (default), markdown (for a pull request comment) or json; NAME=FILE writes it to a file (repeat for several)' },
      'output-file': { type: 'string', short: 'o', description: 'Write the report to this file instead of stdout' },
      config: CONFIG,
    },
    load: () => import('./impact.ts'),
  },
  report: {
    summary: 'Print a status report (markdown) of each plan and the portfolio on a status date.',
    usage: '[paths…] --status-date YYYY-MM-DD|today [--since YYYY-MM-DD] [--out <folder>]',
    options: {
      'status-date': STATUS_DATE,
      since: { type: 'string', description: 'The last report\'s date: work finished after it is "done since" (default: two weeks before the status date)' },
      out: { type: 'string', description: 'Write index.md and one <plan-id>.md per plan into this folder instead of printing' },
      config: CONFIG,
    },
    load: () => import('./report.ts'),
  },
  new: {
    summary: 'Write a commented starter plan that checks clean.',
    usage: '<id> [--template implementation|migration|refactoring] [--title <title>] [--start <date>] [--dir <folder>]',
    options: {
      template: { type: 'string', default: 'implementation', description: 'implementation (default), migration or refactoring' },
      title: { type: 'string', description: 'The plan title (default: made from the id)' },
      start: { type: 'string', description: 'The start date, YYYY-MM-DD (default: next Monday)' },
      dir: { type: 'string', description: 'The folder to write to (default: the plans folder)' },
      config: CONFIG,
    },
    load: () => import('./new.ts'),
  },
  mcp: {
    summary: 'Serve the repository\'s plans to agents over MCP (stdio): check, fix, schedule, schema, explain, new, list_plans.',
    usage: '[--config FILE]',
    options: {
      config: CONFIG,
    },
    load: () => import('./mcp.ts'),
  },
  guide: {
    summary: 'Print the authoring guide for a model\'s context: the language, the rules, examples, the loop.',
    usage: '[--format markdown|json]',
    options: {
      format: { type: 'string', description: 'markdown (default) or json' },
    },
    load: () => import('./guide.ts'),
  },
  schema: {
    summary: 'Print the JSON schema of the plan language (for editors and other tools).',
    usage: '',
    options: {},
    load: () => import('./schema.ts'),
  },
  watch: {
    summary: 'Check plans, then check again on every change, until stopped (Ctrl-C).',
    usage: '[paths…] [--format stylish|json] [--quiet] [--preserve-output]',
    options: {
      format: { type: 'string', multiple: true, description: 'stylish (default: on a terminal the screen is cleared for each run) or json (one object per line per run)' },
      quiet: { type: 'boolean', description: 'Report errors only' },
      'preserve-output': { type: 'boolean', description: 'Keep the output of earlier runs on the screen instead of clearing it' },
      config: CONFIG,
    },
    load: () => import('./watch.ts'),
  },
  preview: {
    summary: 'Serve the site on this machine, built again on every change; open pages reload, plans with errors show them.',
    usage: '[paths…] [--port N] [--host <address>] [--out <folder>] [--base <path>] [--chromium <path|none>]',
    options: {
      port: { type: 'string', description: 'The port (default 4321, or the next free one)' },
      host: { type: 'string', description: 'The address to listen on (default 127.0.0.1; 0.0.0.0 for every network)' },
      out: { type: 'string', description: 'Where to build the site (default: a temporary folder, removed on exit)' },
      base: { type: 'string', description: 'The path the site is served under, e.g. /my-repo/ (default: the config\'s site.base)' },
      chromium: { type: 'string', description: 'Chromium to draw diagrams with, or `none` to leave them to the browser' },
      format: { type: 'string', multiple: true, description: 'stylish (default) or json (one object per line per build)' },
      config: CONFIG,
    },
    writesOutputs: true,
    load: () => import('./preview.ts'),
  },
};
