// The authoring guide: what a model (or a person new to planc) needs in its context to write
// a plan that checks clean — the language property by property, the rules planc checks,
// excerpts of the bundled plans, and the loop "write → check → fix → check". It is made
// from the schema, the diagnostics catalogue and the bundled plans each time, so it never
// says anything they do not (`npm run docs` writes docs/guide.md; a test compares).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../diagnostics/catalogue.ts';
import { Diagnostics } from '../diagnostics/sink.ts';
import { parseYaml, type ParsedYaml } from '../load/parse.ts';
import type { JsonSchema } from '../schema/helpers.ts';
import { DURATION_PATTERN, ID_PATTERN, LAG_PATTERN, REF_PATTERN } from '../schema/patterns.ts';
import { planSchema } from '../schema/plan-schema.ts';
import { VERSION } from '../version.ts';
import { FIXED_WHEN_ASKED } from './fix.ts';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));

export interface GuideProperty {
  /** Where it is written: `phases[].tasks[].effort`. */
  path: string;
  /** Its type in words: `text`, `slug`, `duration`, `list of references`, `one of …`. */
  type: string;
  required: boolean;
  /** The values an enumeration allows. */
  values?: string[];
  /** The first sentence of its description. */
  meaning: string;
}

export interface GuideSection {
  /** `phases[]`, or `plan` for the plan's own settings, or `$defs/rollback` for a shared part. */
  path: string;
  title: string;
  meaning: string;
  properties: GuideProperty[];
}

export interface GuideRule {
  code: string;
  name: string;
  severity: string;
  title: string;
  /** For the rules about the plan's substance (references, schedule, rollback, risks): what it checks. */
  meaning?: string;
  /** How to fix it (the first sentence of the catalogue's). */
  fix: string;
  /** Whether `planc fix` (the MCP `fix` tool) fixes such findings when it can be certain, or only when asked. */
  autofix?: 'certain' | 'when asked';
}

export interface GuideExample {
  file: string;
  about: string;
  excerpts: Array<{ caption: string; yaml: string }>;
}

export interface Guide {
  title: string;
  version: string;
  purpose: string;
  /** How a plan file is named, found and checked. */
  files: string[];
  loop: Array<{ step: string; command: string; tool: string }>;
  sections: GuideSection[];
  /** The parts several places use (`$ref`): a dependency, a rollback, a risk… */
  parts: GuideSection[];
  rules: GuideRule[];
  examples: GuideExample[];
}

/** The bundled plans, and the parts of each the guide shows verbatim (from one pointer to another, whole lines). */
const EXAMPLES: ReadonlyArray<{ file: string; excerpts: ReadonlyArray<{ caption: string; from: string; to?: string }> }> = [
  {
    file: 'plans/jwt-auth-refactor.plan.yaml',
    excerpts: [
      { caption: 'The plan\'s settings', from: '/title', to: '/tags' },
      { caption: 'A phase (`phases[1]`, up to its risks): tasks with efforts, a three-point estimate, dependencies and the code they change; deliverables; risks', from: '/phases/1', to: '/phases/1/risks' },
    ],
  },
  {
    file: 'plans/session-store-migration.plan.yaml',
    excerpts: [
      { caption: 'The migration: what changes, the strategy, how the data moves', from: '/migration' },
      { caption: 'The rollout: stages, each with its rollback trigger', from: '/rollout' },
    ],
  },
];

const BLOCKS: Record<string, string> = {
  '1': 'Files and YAML',
  '2': 'The plan language',
  '3': 'References and cycles',
  '4': 'The schedule',
  '5': 'Rollback, risks and verification',
  '6': 'The configuration',
  '7': 'Suppression comments',
  '8': 'The code the plans touch',
  '9': 'planc itself',
};

/** The codes whose rules are about the plan's substance (references, schedule, rollback, the code it touches), which the guide explains. */
const EXPLAINED = /^PLAN[3458]/;

/** The first sentence of a description. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z`(*"'])/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

function resolve(schema: JsonSchema): { schema: JsonSchema; part?: string } {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return { schema };
  const name = ref.replace('#/$defs/', '');
  return { schema: (planSchema.$defs as Record<string, JsonSchema>)[name]!, part: name };
}

function types(schema: JsonSchema): string[] {
  return ([] as unknown[]).concat(schema.type ?? []).map(String);
}

/** A property's type in words. */
function typeWords(property: JsonSchema): { type: string; values?: string[] } {
  const { schema, part } = resolve(property);
  if (part !== undefined) return { type: `${String(schema.title).toLowerCase()} (see ${part})` };
  if (Array.isArray(schema.enum)) return { type: 'one of', values: schema.enum.map(String) };
  const kinds = types(schema);
  if (kinds.includes('array')) {
    const items = (schema.items ?? {}) as JsonSchema;
    const inner = typeWords(items);
    return { type: `list of ${inner.type === 'one of' ? 'values' : inner.type}`, ...(inner.values ? { values: inner.values } : {}) };
  }
  if (schema.pattern === DURATION_PATTERN) return { type: 'duration (`3d`, `4h`, `2w` or a number of days)' };
  if (schema.pattern === LAG_PATTERN) return { type: 'lag (`1d`, `-4h`, a number of days)' };
  if (schema.pattern === ID_PATTERN) return { type: 'slug' };
  if (schema.pattern === REF_PATTERN) return { type: kinds.includes('object') ? 'reference or mapping' : 'reference (`id` or `plan#id`)' };
  if (schema.format === 'date') return { type: 'date (`YYYY-MM-DD`)' };
  if (kinds.includes('object') && kinds.includes('string')) return { type: 'text or mapping' };
  if (kinds.includes('object')) return { type: schema.properties ? 'mapping' : `mapping of names to ${typeWords((schema.additionalProperties ?? {}) as JsonSchema).type}` };
  if (kinds.length === 0) return { type: 'value' };
  return { type: kinds.map((kind) => ({ string: 'text', integer: 'whole number' })[kind] ?? kind).join(' or ') };
}

/** The properties of an object schema, and those of the mappings inside it, with their paths. */
function propertiesOf(schema: JsonSchema, prefix: string): GuideProperty[] {
  const own = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const found: GuideProperty[] = [];
  for (const [name, property] of Object.entries(own)) {
    if (name === '$schema') continue;
    const path = `${prefix}${name}`;
    const { type, values } = typeWords(property);
    found.push({ path, type, required: required.has(name), ...(values ? { values } : {}), meaning: firstSentence(String(property.description ?? '')) });
    found.push(...nested(property, path));
  }
  return found;
}

/** The properties inside a property that is a mapping (not a shared part), or a list of them. */
function nested(property: JsonSchema, path: string): GuideProperty[] {
  if (property.$ref !== undefined) return [];
  if (types(property).includes('array')) {
    const items = (property.items ?? {}) as JsonSchema;
    return items.$ref === undefined && items.properties ? propertiesOf(items, `${path}[].`) : [];
  }
  return property.properties && types(property).includes('object') ? propertiesOf(property, `${path}.`) : [];
}

function sections(): GuideSection[] {
  const top = (planSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((planSchema.required ?? []) as string[]);
  const plain: GuideProperty[] = [];
  const grouped: GuideSection[] = [];
  for (const [name, property] of Object.entries(top)) {
    if (name === '$schema') continue;
    const inner = nested(property, name);
    const { type, values } = typeWords(property);
    const entry = { path: name, type, required: required.has(name), ...(values ? { values } : {}), meaning: firstSentence(String(property.description ?? '')) };
    if (inner.length === 0) plain.push(entry);
    else {
      const path = types(property).includes('array') ? `${name}[]` : name;
      grouped.push({ path, title: String(property.title ?? name), meaning: `${entry.meaning}${entry.required ? ' Required.' : ''}`, properties: inner.map((p) => ({ ...p, path: p.path.slice(name.length).replace(/^(\[\])?\./, '') })) });
    }
  }
  return [{ path: 'plan', title: 'The plan', meaning: firstSentence(String(planSchema.description)), properties: plain }, ...grouped];
}

function parts(): GuideSection[] {
  return Object.entries((planSchema.$defs ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
    path: name,
    title: String(schema.title ?? name),
    meaning: firstSentence(String(schema.description ?? '')),
    properties: propertiesOf(schema, ''),
  }));
}

/** What a bundled plan holds, counted from its value: "A migration plan: 4 phases of 17 tasks, …". */
function about(value: Record<string, unknown>): string {
  const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
  const phases = list('phases') as Array<{ tasks?: unknown[] }>;
  const tasks = phases.reduce((sum, phase) => sum + (phase.tasks?.length ?? 0), 0);
  const others = new Set(JSON.stringify(value).match(/"[a-z0-9][a-z0-9-]*#/g)?.map((ref) => `\`${ref.slice(1, -1)}\``) ?? []);
  const rollout = (value.rollout as { strategy?: string } | undefined)?.strategy;
  const parts = [
    `${phases.length} phases of ${tasks} tasks`,
    `${list('milestones').length} milestones`,
    `${list('decisions').length} decisions`,
    `${list('successCriteria').length} success criteria`,
    ...(rollout ? [`a ${rollout} rollout`] : []),
  ];
  const kind = String(value.kind ?? 'implementation');
  return `${/^[aeiou]/.test(kind) ? 'An' : 'A'} ${kind} plan: ${parts.join(', ')}${others.size > 0 ? `; it depends on the plan ${[...others].join(', ')}` : ''}.`;
}

/** Whole lines of `text` (parsed as `parsed`) from the start of the node at `from` to the end of the node at `to`. */
function excerpt(text: string, file: string, parsed: ParsedYaml, from: string, to = from): string {
  const found = (pointer: string) => {
    const node = parsed.source.find(pointer);
    if (!node.node) throw new Error(`${file} has nothing at ${pointer}`);
    return { start: (node.key ?? node.node).start, end: node.node.end };
  };
  const start = text.lastIndexOf('\n', found(from).start - 1) + 1;
  // A block collection's range runs to the start of the line after it: stop there.
  const end = found(to).end;
  const newline = text.indexOf('\n', end);
  const stop = text[end - 1] === '\n' ? end : newline === -1 ? text.length : newline + 1;
  return `${text.slice(start, stop).replace(/\s+$/, '')}\n`;
}

/** The guide, made now from the schema, the catalogue and the bundled plans. */
export function authoringGuide(): Guide {
  return {
    title: 'Writing planc plans',
    version: VERSION,
    purpose:
      'A planc plan is a YAML file that describes an implementation, migration or refactoring as work a compiler can check: phases of tasks with lengths and dependencies, milestones, risks with mitigations, checks that verify success, and how each step is rolled back. planc checks it like a program (every problem has a code, a place and a help line that says what to write), schedules it (critical path, float, dates, PERT and Monte Carlo), measures its rollback coverage and publishes it as documents and a site.',
    files: [
      'One plan per file, named `<id>.plan.yaml`, in the folder `plans:` of planc.config.yaml names (`plans/` by default); the plan id is the file name, unless `id:` says otherwise.',
      'The first line `# yaml-language-server: $schema=<path to plan.schema.json>` gives editors completion and hover help.',
      'Write plain YAML: spaces, not tabs; no markdown fence around the file; `true`/`false` for booleans, and quotes around `yes`, `no`, `on` and `off` meant as text.',
      'Ids are slugs (`token-generation`): lowercase letters, digits and hyphens, unique across every item of the plan. References name ids, never titles; `other-plan#id` names an item of another plan.',
      'Durations are working days: `3d`, `4h` (8 a day), `2w` (5 days) or a number; a task takes one of `effort` (a size), `duration` or a three-point `estimate`.',
    ],
    loop: [
      { step: 'Start from a template, or from the examples below.', command: 'planc new <id> [--template migration]', tool: 'new' },
      { step: 'Check the plan; every finding names its place and what to write.', command: 'planc check plans/<id>.plan.yaml', tool: 'check' },
      { step: 'Apply the fixes that are certain (misspelt keys and values, durations in words, ids that are not slugs, references by title).', command: 'planc fix plans/<id>.plan.yaml', tool: 'fix' },
      { step: 'Check again, and fix what is left by hand as each help line says, until there are no errors; then look at the warnings (rollback coverage, unmitigated risks, unverified criteria, overloaded owners).', command: 'planc check', tool: 'check' },
      { step: 'Read the schedule: duration, dates, critical path, float, coverage, milestone slips.', command: 'planc build', tool: 'schedule' },
    ],
    sections: sections(),
    parts: parts(),
    rules: catalogue.map((d) => ({
      code: d.code,
      name: d.name,
      severity: d.severity,
      title: d.title,
      ...(EXPLAINED.test(d.code) ? { meaning: firstSentence(d.explanation) } : {}),
      fix: firstSentence(d.fix),
      ...(d.autofix !== undefined ? { autofix: FIXED_WHEN_ASKED.has(d.code) ? ('when asked' as const) : ('certain' as const) } : {}),
    })),
    examples: EXAMPLES.map((example) => {
      const text = readFileSync(join(PACKAGE, example.file), 'utf8');
      // Parsed once: the value says what the plan holds, its source where each excerpt is.
      const parsed = parseYaml(text, example.file, new Diagnostics());
      if (!parsed) throw new Error(`${example.file} does not parse`);
      return {
        file: example.file,
        about: about(parsed.value as Record<string, unknown>),
        excerpts: example.excerpts.map((part) => ({ caption: part.caption, yaml: excerpt(text, example.file, parsed, part.from, part.to) })),
      };
    }),
  };
}

function propertyLine(property: GuideProperty): string {
  const type = property.values ? `${property.type} ${property.values.map((value) => `\`${value}\``).join(' ')}` : property.type;
  return `- \`${property.path}\` (${type}${property.required ? ', required' : ''}): ${property.meaning}`;
}

function sectionLines(section: GuideSection, level: string): string[] {
  const heading = section.path === 'plan' ? section.title : `\`${section.path}\`: ${section.title}`;
  return [`${level} ${heading}`, '', section.meaning, '', ...section.properties.map(propertyLine), ''];
}

/** The guide as markdown, for a model's context or a person. */
export function guideMarkdown(guide: Guide = authoringGuide()): string {
  const lines = [
    `# ${guide.title}`,
    '',
    `For planc ${guide.version}. Generated from the plan schema, the diagnostics catalogue and the bundled plans (\`planc guide\`).`,
    '',
    guide.purpose,
    '',
    '## The loop',
    '',
    ...guide.loop.map((step, i) => `${i + 1}. ${step.step} (\`${step.command}\`; MCP tool \`${step.tool}\`)`),
    '',
    '## Files',
    '',
    ...guide.files.map((line) => `- ${line}`),
    '',
    '## The language',
    '',
    'Every property, with its type and what it means; `required` where it must be written.',
    '',
    ...guide.sections.flatMap((section) => sectionLines(section, '###')),
    '## Shared parts',
    '',
    ...guide.parts.flatMap((part) => sectionLines(part, '###')),
    '## What planc checks',
    '',
    'Each diagnostic has a permanent code and a help line saying what to write; errors must go, warnings are worth a look. *fixed* marks what `planc fix` (the `fix` tool) repairs when it is certain (*when asked*: with `--rename-duplicates`); `planc explain <code>` (the `explain` tool) gives the whole entry.',
    '',
  ];
  for (const [block, name] of Object.entries(BLOCKS)) {
    const rules = guide.rules.filter((rule) => rule.code.startsWith(`PLAN${block}`));
    if (rules.length === 0) continue;
    lines.push(`### ${name}`, '', ...rules.map((rule) => `- \`${rule.code}\` ${rule.name} (${rule.severity}${rule.autofix === 'certain' ? ', fixed' : rule.autofix === 'when asked' ? ', fixed when asked' : ''}): ${rule.title}.${rule.meaning ? ` ${rule.meaning}` : ''} ${rule.fix}`), '');
  }
  lines.push('## Examples', '');
  for (const example of guide.examples) {
    lines.push(`### ${example.file}`, '', example.about, '');
    for (const part of example.excerpts) lines.push(`${part.caption}:`, '', '```yaml', part.yaml.replace(/\n$/, ''), '```', '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
