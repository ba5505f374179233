// Every diagnostic planc reports, with its permanent code. Codes are never reused; a test
// checks that codes and names are unique and that every example produces its code.
//   PLAN1xxx files and YAML   PLAN2xxx schema        PLAN3xxx references and graph
//   PLAN4xxx schedule         PLAN5xxx rollback, risks, verification
//   PLAN6xxx configuration    PLAN7xxx suppressions  PLAN8xxx the code: paths, owners, conflicts
//   PLAN9xxx planc itself

import { define, quoteList, type DiagnosticDefinition } from './define.ts';
import { article, plural } from '../util/words.ts';
import { percent } from '../util/numbers.ts';

const MINIMAL =
  'title: Example\nrollback: { trigger: Errors rise, steps: [Revert the release] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Write the code, duration: 1d }\n';
/** A phase, for examples that build their own tasks. */
const PHASE = 'rollback: { trigger: Errors rise, steps: [Revert the release] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n';

const didYouMean = (suggestion: string | undefined): string | undefined =>
  suggestion === undefined ? undefined : `Did you mean \`${suggestion}\`?`;

// ── PLAN1xxx: reading the file and parsing YAML ─────────────────────────────────────────

export const yamlSyntax = define<{ reason: string; hint?: string }>({
  code: 'PLAN1001',
  name: 'yaml-syntax',
  severity: 'error',
  configurable: false,
  title: 'YAML syntax error',
  message: (p) => `YAML syntax error: ${p.reason}`,
  help: (p) => p.hint ?? 'Check the indentation and the quoting around this point.',
  explanation:
    'The file is not valid YAML, so planc cannot read the plan in it. The range points where the YAML parser gave up; the real mistake is often just before it (an unclosed quote or bracket, a missing colon, wrong indentation).',
  fix: 'Correct the YAML at or just before the marked position. Quote values that contain `: ` or start with a special character (`{ [ * & ! | > % @`).',
  example: { 'plans/example.plan.yaml': 'title: "Unclosed quote\nphases: []\n' },
});

export const duplicateKey = define<{ key: string }>({
  code: 'PLAN1002',
  name: 'duplicate-key',
  severity: 'error',
  configurable: false,
  title: 'Duplicate key',
  message: (p) => `Duplicate key \`${p.key}\`: a mapping may hold each key once`,
  help: () => 'Remove one of the two, or merge their values.',
  explanation:
    'The same key appears twice in one mapping. YAML forbids it, and tools that accept it silently keep only one of the values, so part of the plan would be lost.',
  fix: 'Keep one occurrence of the key. The related location shows the first one.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\ntitle: Another title\n') },
});

export const tabIndentation = define<Record<string, never>>({
  code: 'PLAN1003',
  name: 'tab-indentation',
  severity: 'error',
  configurable: false,
  title: 'Tab used for indentation',
  message: () => 'A tab is used for indentation; YAML only allows spaces',
  help: () => 'Replace the tab with spaces (two per level is usual).',
  explanation: 'YAML structure is given by indentation made of spaces. A tab character in the indentation makes the structure ambiguous and is an error.',
  fix: 'Indent with spaces. Most editors can convert tabs to spaces for YAML files.',
  autofix: 'Replaces the tabs of the indentation with spaces (a tab stop every two columns), when the file reads the same whatever the width of a tab.',
  example: { 'plans/example.plan.yaml': 'title: Example\nphases:\n\t- id: build\n' },
});

export const multipleDocuments = define<{ count: number }>({
  code: 'PLAN1004',
  name: 'multiple-documents',
  severity: 'error',
  configurable: false,
  title: 'Several documents in one file',
  message: (p) => `The file holds ${p.count} YAML documents; a plan file holds exactly one`,
  help: () => 'Move each plan into a file of its own, or remove the `---` separator.',
  explanation: 'A `---` line starts a new YAML document. planc reads one plan per file, so anything after a second `---` would be ignored.',
  fix: 'Split the file: one plan per `.plan.yaml` file.',
  example: { 'plans/example.plan.yaml': `${MINIMAL}---\n${MINIMAL}` },
});

export const ambiguousBoolean = define<{ value: string; meaning: boolean }>({
  code: 'PLAN1005',
  name: 'ambiguous-boolean',
  severity: 'warning',
  configurable: true,
  title: 'YAML 1.1 boolean word',
  message: (p) =>
    `\`${p.value}\` is the text "${p.value}" here, but YAML 1.1 tools read it as ${p.meaning}`,
  help: (p) => `Write \`${p.meaning}\` for a boolean, or quote it ("${p.value}") to keep the text.`,
  explanation:
    'planc reads YAML 1.2, where only `true` and `false` are booleans. Older YAML 1.1 tools (and many editors and linters) read `yes`, `no`, `on`, `off`, `y` and `n` as booleans too, so the same file means different things to different tools.',
  fix: 'Use `true`/`false` for booleans; quote the word when you mean the text.',
  autofix: 'Quotes the word (`"yes"`): the text planc reads already, now read so by every tool.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\ngoals: [no downtime, yes]\n') },
});

export const aliasLimit = define<{ limit: number; kind: 'aliases' | 'expansion' }>({
  code: 'PLAN1006',
  name: 'alias-limit',
  severity: 'error',
  configurable: false,
  title: 'Too many YAML aliases',
  message: (p) =>
    p.kind === 'aliases'
      ? `The file uses more than ${p.limit} aliases`
      : `Aliases expand the document beyond ${p.limit} nodes`,
  help: () => 'Write the values out, or use fewer anchors and aliases.',
  explanation:
    'Anchors (`&a`) and aliases (`*a`) let YAML repeat a value. Aliases of aliases grow exponentially (the "billion laughs" attack), so planc limits how many aliases a file may use and how large they may make it.',
  fix: 'Reduce the aliases; plans rarely need more than a handful.',
  example: {
    'plans/example.plan.yaml':
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
  },
});

export const invalidEncoding = define<{ encoding: string }>({
  code: 'PLAN1007',
  name: 'invalid-encoding',
  severity: 'error',
  configurable: false,
  title: 'File is not UTF-8',
  message: (p) => (p.encoding === 'binary' ? 'The file holds a NUL byte; it is not a text file' : `The file is not valid UTF-8 (it looks like ${p.encoding})`),
  help: () => 'Save the file as UTF-8.',
  explanation: 'Plan files must be UTF-8 text. The range points at the first byte that is not valid UTF-8.',
  fix: 'Re-save the file as UTF-8 in your editor, or convert it with `iconv -f latin1 -t utf-8`.',
  example: { 'plans/example.plan.yaml': { latin1: 'title: Caf\xe9 migration\nphases: []\n' } },
});

export const emptyFile = define<Record<string, never>>({
  code: 'PLAN1008',
  name: 'empty-file',
  severity: 'error',
  configurable: false,
  title: 'Empty plan file',
  message: () => 'The file is empty',
  help: () => 'Write a plan (`planc new <id>` creates a starter), or delete the file.',
  explanation: 'A plan file with no content (or only comments) has no plan in it.',
  fix: 'Fill the file with a plan or remove it.',
  example: { 'plans/example.plan.yaml': '# nothing here yet\n' },
});

export const fileTooLarge = define<{ size: number; limit: number }>({
  code: 'PLAN1009',
  name: 'file-too-large',
  severity: 'error',
  configurable: false,
  title: 'File too large',
  message: (p) => `The file is ${p.size} bytes, over the limit of ${p.limit} bytes`,
  help: () => 'Split the plan into several plans, or raise `maxFileSize` in planc.config.yaml.',
  explanation: 'planc refuses files above a size limit (1 MiB by default) so that a stray file cannot exhaust memory or time.',
  fix: 'Split the plan, or set `maxFileSize` in the config when the file really is a plan.',
  example: {
    'planc.config.yaml': 'maxFileSize: 64\n',
    'plans/example.plan.yaml': MINIMAL,
  },
});

export const unreadableFile = define<{ reason: string }>({
  code: 'PLAN1010',
  name: 'unreadable-file',
  severity: 'error',
  configurable: false,
  title: 'File cannot be read',
  message: (p) => `The file cannot be read: ${p.reason}`,
  help: () => 'Check that the file exists and that you may read it.',
  explanation:
    'The operating system refused to give planc the file (permissions, a broken link named on the command line), or it is no regular file (a link to a device, a named pipe).',
  fix: 'Fix the permissions or the path.',
});

export const unsupportedTag = define<{ tag: string }>({
  code: 'PLAN1011',
  name: 'unsupported-tag',
  severity: 'error',
  configurable: false,
  title: 'Unsupported YAML tag',
  message: (p) => `The YAML tag \`${p.tag}\` is not supported in plans`,
  help: () => 'Remove the tag; plans use plain strings, numbers, booleans, lists and mappings.',
  explanation: 'YAML tags (`!something`, `!!binary`) ask the reader to build special types. Plans only hold plain data, so a tag is a mistake or an attempt to smuggle something in.',
  fix: 'Remove the tag, and quote the value if it should be text starting with `!`.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example', 'title: !shout Example') },
});

export const nestingTooDeep = define<{ limit: number }>({
  code: 'PLAN1012',
  name: 'nesting-too-deep',
  severity: 'error',
  configurable: false,
  title: 'Nesting too deep',
  message: (p) => `Collections are nested more than ${p.limit} levels deep`,
  help: () => 'A plan needs a handful of levels; check for runaway brackets.',
  explanation: 'planc limits how deeply lists and mappings nest, so a hostile file cannot exhaust the stack.',
  fix: 'Flatten the structure.',
  example: { 'plans/example.plan.yaml': `title: ${'['.repeat(80)}${']'.repeat(80)}\n` },
});

export const complexKey = define<{ kind: string }>({
  code: 'PLAN1013',
  name: 'complex-key',
  severity: 'error',
  configurable: false,
  title: 'Key is not text',
  message: (p) => `A ${p.kind} is used as a mapping key; plan keys are plain text`,
  help: () => 'Use a plain word as the key.',
  explanation: 'YAML allows lists, mappings and empty values as keys, but plan keys are names of properties.',
  fix: 'Replace the key with the property name you meant.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\n? [a, b]\n: c\n') },
});

export const mergeKey = define<Record<string, never>>({
  code: 'PLAN1014',
  name: 'merge-key',
  severity: 'error',
  configurable: false,
  title: 'Merge key not supported',
  message: () => 'Merge keys (`<<`) are a YAML 1.1 feature that planc does not read',
  help: () => 'Write the properties out; each task and phase stands on its own.',
  explanation: 'The `<<: *defaults` merge key is not part of YAML 1.2 and tools disagree on it. planc rejects it rather than guess.',
  fix: 'Replace the merge key with the properties themselves.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - &base { id: code, title: Code, duration: 1d }\n      - <<: *base\n        id: more\n',
  },
});

export const markdownFence = define<{ fence: string; around: boolean }>({
  code: 'PLAN1015',
  name: 'markdown-fence',
  severity: 'error',
  configurable: false,
  title: 'Plan wrapped in a markdown code fence',
  message: (p) => `The plan is wrapped in a markdown code fence (\`${p.fence}\`)${p.around ? ', with text around it' : ''}`,
  help: (p) => `Remove the fence's lines${p.around ? ' and the text around them' : ''}: a plan file holds the YAML alone.`,
  explanation:
    'The file starts with a markdown code fence: a line of three backticks (or tildes), often followed by `yaml`, as a plan copied from a chat answer or a markdown document has; or, after some text ("Here is the plan:"), a fence marked `yaml` at the left margin. The fence is not YAML. planc reads what is inside it all the same and reports its findings, but the plan is not built until the fence is gone.',
  fix: 'Delete the line that opens the fence and the line that closes it (and any text around them).',
  autofix: 'Removes the fence\'s lines, and the text before and after a fence marked `yaml`.',
  example: { 'plans/example.plan.yaml': `\`\`\`yaml\n${MINIMAL}\`\`\`\n` },
});

// ── PLAN2xxx: the schema ────────────────────────────────────────────────────────────────

export const unknownProperty = define<{ property: string; where: string; suggestion?: string; allowed: string[] }>({
  code: 'PLAN2001',
  name: 'unknown-property',
  severity: 'error',
  configurable: false,
  title: 'Unknown property',
  message: (p) => `Unknown property \`${p.property}\` in ${p.where}`,
  help: (p) =>
    didYouMean(p.suggestion) ?? (p.allowed.length ? `Allowed here: ${quoteList(p.allowed)}.` : 'Remove it.'),
  explanation: 'The key is not part of the plan language at this place. It is usually a typo, or a property that belongs one level up or down.',
  fix: 'Correct the spelling (the help line suggests the closest property) or move the key where it belongs.',
  autofix: 'Renames the key to the one property it resembles, when no other property comes close and the mapping does not hold that one already.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'titel: Example\ntitle: Example\n') },
});

export const missingProperty = define<{ property: string; where: string }>({
  code: 'PLAN2002',
  name: 'missing-property',
  severity: 'error',
  configurable: false,
  title: 'Missing property',
  message: (p) => `${p.where} is missing the required property \`${p.property}\``,
  help: (p) => `Add \`${p.property}:\` here.`,
  explanation: 'A required property is absent. The range points at the key of the mapping that needs it.',
  fix: 'Add the property.',
  autofix: 'Adds a missing `id`, made from the item\'s title (or label, risk or text) and unique in the plan. Other missing properties need you.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace(', title: Write the code', '') },
});

export const wrongType = define<{ expected: string[]; actual: string; value?: string; hint?: string }>({
  code: 'PLAN2003',
  name: 'wrong-type',
  severity: 'error',
  configurable: false,
  title: 'Wrong type',
  message: (p) => `Expected ${p.expected.join(' or ')}, but this is ${p.actual}`,
  help: (p) => p.hint,
  explanation: 'The value has the wrong shape: text where a list is expected, a mapping where a number is expected, an empty value where something is required.',
  fix: 'Give the value the type the property expects; the message says which.',
  autofix: 'Writes `true` or `false` for a YAML 1.1 word where a boolean belongs (`reversible: no`); quotes a number or boolean, as written, where text belongs and that text is what the property takes (`id: 5` → `id: "5"`); makes one text a list where a list of texts belongs (`goals: Ship it` → `goals: [Ship it]`).',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\ngoals: Ship it\n') },
});

export const invalidEnum = define<{ value: string; allowed: string[]; suggestion?: string; property: string }>({
  code: 'PLAN2004',
  name: 'invalid-value',
  severity: 'error',
  configurable: false,
  title: 'Value not allowed',
  message: (p) => `\`${p.value}\` is not a valid ${p.property}`,
  help: (p) => [didYouMean(p.suggestion), `Allowed values: ${quoteList(p.allowed)}.`].filter(Boolean).join(' '),
  explanation: 'The property takes one of a fixed set of values.',
  fix: 'Use one of the allowed values listed in the help line.',
  autofix: 'Writes the one allowed value the value resembles (`aproved` → `approved`, `Done` → `done`).',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\nstatus: aproved\n') },
});

export const invalidFormat = define<{ value: string; expected: string }>({
  code: 'PLAN2005',
  name: 'invalid-format',
  severity: 'error',
  configurable: false,
  title: 'Badly formed value',
  message: (p) => `\`${p.value}\` is not ${p.expected}`,
  help: (p) => `Write ${p.expected}.`,
  explanation: 'The value does not have the expected form: ids are slugs (`token-generation`), durations look like `3d` or `4h`, dates are `YYYY-MM-DD` and must exist.',
  fix: 'Rewrite the value in the expected form.',
  autofix: 'Writes a duration in words in the language\'s form (`3 days` → `3d`, `1 week` → `1w`); makes an id a slug (`Write Code` → `write-code`) when no other item ends up with it; names an item a reference gives by its title (`Write the code`) by its id.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('duration: 1d', 'duration: 3 days') },
});

export const outOfRange = define<{ detail: string; hint?: string }>({
  code: 'PLAN2006',
  name: 'out-of-range',
  severity: 'error',
  configurable: false,
  title: 'Value out of range',
  message: (p) => p.detail,
  help: (p) => p.hint,
  explanation: 'A number is too small or too large, a text is empty or too long, or a list has too few items.',
  fix: 'Bring the value within the limits the message gives.',
  example: { 'plans/example.plan.yaml': 'title: Example\nphases: []\n' },
});

export const duplicateItem = define<{ value: string }>({
  code: 'PLAN2007',
  name: 'duplicate-item',
  severity: 'error',
  configurable: false,
  title: 'Duplicate list item',
  message: (p) => `\`${p.value}\` appears twice in this list`,
  help: () => 'Remove the repetition.',
  explanation: 'The list must not repeat an item (dependencies, working days, tags and the like).',
  fix: 'Remove the second occurrence.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: a, title: A, duration: 1d }\n      - { id: b, title: B, duration: 1d, dependsOn: [a, a] }\n',
  },
});

export const conflictingProperties = define<{ property: string; with: string }>({
  code: 'PLAN2008',
  name: 'conflicting-properties',
  severity: 'error',
  configurable: false,
  title: 'Conflicting properties',
  message: (p) => `\`${p.property}\` cannot be used together with \`${p.with}\``,
  help: (p) => `Keep either \`${p.with}\` or \`${p.property}\`.`,
  explanation: 'Some properties say the same thing in different ways; a task\'s length is given by `effort`, `duration` or `estimate`, never two of them.',
  fix: 'Remove one of the two.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('duration: 1d', 'effort: M, duration: 1d') },
});

export const schemaViolation = define<{ detail: string }>({
  code: 'PLAN2009',
  name: 'schema-violation',
  severity: 'error',
  configurable: false,
  title: 'Does not match the plan language',
  message: (p) => p.detail,
  explanation: 'The value breaks a rule of the plan language not covered by a more specific diagnostic.',
  fix: 'Compare the value with the schema (`planc schema`), or let your editor\'s YAML support show what is expected.',
});

// ── PLAN3xxx: references and the dependency graph ───────────────────────────────────────

export const duplicateId = define<{ id: string; kind: string; firstKind: string; diagram?: string }>({
  code: 'PLAN3001',
  name: 'duplicate-id',
  severity: 'error',
  configurable: false,
  title: 'Duplicate id',
  message: (p) =>
    `The id \`${p.id}\` is already used by ${article(p.firstKind)} of ${p.diagram === undefined ? 'this plan' : `diagram \`${p.diagram}\``}`,
  help: (p) =>
    p.diagram === undefined
      ? 'Ids are unique within a plan, across all its items: phases, tasks, milestones, rollout stages, risks, checks, success criteria, decisions and diagrams. Rename one.'
      : 'Node and group ids are unique within a diagram. Rename one.',
  explanation: 'Two items of the plan share an id, so references to it would be ambiguous. The related location shows the first item.',
  fix: 'Rename one of the items and update the references to it.',
  autofix: 'With `--rename-duplicates` only, being a choice: renames the second id to the first free `<id>-2`, `<id>-3`… (references to the id still name the first item).',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: code, title: Code, duration: 1d }\n      - { id: code, title: More code, duration: 1d }\n',
  },
});

export const unknownReference = define<{ reference: string; kind: string; suggestion?: string; plan?: string; known?: string[] }>({
  code: 'PLAN3002',
  name: 'unknown-reference',
  severity: 'error',
  configurable: false,
  title: 'Unknown reference',
  message: (p) =>
    p.plan ? `Plan \`${p.plan}\` has no ${p.kind} \`${p.reference}\`` : `There is no ${p.kind} \`${p.reference}\``,
  help: (p) =>
    didYouMean(p.suggestion) ??
    (p.known?.length ? `Write the id of an item that exists, such as ${quoteList(p.known)}, or add the item it names.` : 'Add the item it names, or remove the reference.'),
  explanation: 'A reference (in `dependsOn`, `after`, `verifiedBy`, an architecture edge…) names an item that does not exist.',
  fix: 'Correct the id (the help line suggests the closest one), or add the missing item.',
  autofix: 'Writes the one id of the right kind the reference resembles, or the id of the one item whose title the reference is.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: schema, title: Schema, duration: 1d }\n      - { id: code, title: Code, duration: 1d, dependsOn: [shema] }\n',
  },
});

export const unknownPlan = define<{ plan: string; suggestion?: string }>({
  code: 'PLAN3003',
  name: 'unknown-plan',
  severity: 'error',
  configurable: false,
  title: 'Unknown plan',
  message: (p) => `No plan \`${p.plan}\` was checked together with this one`,
  help: (p) => didYouMean(p.suggestion) ?? 'Check the plan id, and pass that plan\'s file to planc too.',
  explanation: 'A cross-plan reference (`other-plan#item`) names a plan that is not among the files being checked.',
  fix: 'Correct the plan id, or include the other plan\'s file in the command.',
  autofix: 'Writes the one plan id the reference resembles.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: code, title: Code, duration: 1d, dependsOn: [platform#gateway] }\n',
  },
});

export const dependencyCycle = define<{ path: string[]; more?: { dependencies: number; shown: number } }>({
  code: 'PLAN3004',
  name: 'dependency-cycle',
  severity: 'error',
  configurable: false,
  title: 'Dependency cycle',
  message: (p) =>
    `Dependency cycle: ${p.path.join(' → ')}${p.more ? ` (only ${p.more.shown} cycles are shown per knot of tasks; ${p.more.dependencies} more ${p.more.dependencies === 1 ? 'dependency' : 'dependencies'} among them ${p.more.dependencies === 1 ? 'is' : 'are'} in cycles too)` : ''}`,
  help: (p) =>
    `Break the cycle: delete one of these from its \`dependsOn\` (or \`after\`), or point it at another item: ${p.path
      .slice(0, -1)
      .map((id, i) => (i === 0 ? `\`${id}\` waits for \`${p.path[i + 1]}\`` : `\`${id}\` for \`${p.path[i + 1]}\``))
      .join(', ')}. The related locations show each.`,
  explanation: 'Items wait for each other in a circle, so none of them can start. A task that depends on itself, or on its own phase, is a cycle too.',
  fix: 'Break the cycle by removing or redirecting one dependency.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: a, title: A, duration: 1d, dependsOn: [c] }\n      - { id: b, title: B, duration: 1d, dependsOn: [a] }\n      - { id: c, title: C, duration: 1d, dependsOn: [b] }\n',
  },
});

export const duplicatePlanId = define<{ id: string }>({
  code: 'PLAN3005',
  name: 'duplicate-plan-id',
  severity: 'error',
  configurable: false,
  title: 'Duplicate plan id',
  message: (p) => `Another file already defines the plan \`${p.id}\``,
  help: () => 'Give each plan its own `id` (it defaults to the file name).',
  explanation: 'Two files define plans with the same id, so their outputs and cross-plan references would collide.',
  fix: 'Change the `id` of one plan.',
  example: {
    'plans/a.plan.yaml': MINIMAL.replace('title: Example\n', 'id: shared\ntitle: Example\n'),
    'plans/b.plan.yaml': MINIMAL.replace('title: Example\n', 'id: shared\ntitle: Example\n'),
  },
});

export const wrongReferenceKind = define<{ reference: string; actual: string; expected: string[] }>({
  code: 'PLAN3006',
  name: 'wrong-reference-kind',
  severity: 'error',
  configurable: false,
  title: 'Reference to the wrong kind of item',
  message: (p) => `\`${p.reference}\` is ${article(p.actual)}; expected ${p.expected.map((k) => article(k)).join(' or ')}`,
  help: () => 'Point the reference at an item of the expected kind.',
  explanation: 'The id exists but names the wrong kind of item: a dependency on a risk, a success criterion verified by a decision.',
  fix: 'Reference an item of a kind the property accepts.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\nrisks:\n  - { id: outage, risk: Outage, probability: low, impact: low }\n' + PHASE + '      - { id: code, title: Code, duration: 1d, dependsOn: [outage] }\n',
  },
});

export const groupCycle = define<{ diagram: string; path: string[] }>({
  code: 'PLAN3007',
  name: 'group-cycle',
  severity: 'error',
  configurable: false,
  title: 'Groups inside each other in a loop',
  message: (p) => `The groups of diagram \`${p.diagram}\` sit inside each other in a loop: ${p.path.join(' → ')}`,
  help: () => 'Remove the `parent` of one of these groups; the related locations show each of them.',
  explanation:
    'An architecture diagram\'s groups nest through `parent`. When a group is its own parent, or two or more groups are each other\'s, no drawing can hold them. It is an error: the plan\'s documents are not written until the loop is broken.',
  fix: 'Give the groups a nesting without a loop: remove or change one `parent`.',
  example: {
    'plans/example.plan.yaml':
      `${MINIMAL}architecture:\n  - id: system\n    title: System\n    groups:\n      - { id: edge, label: Edge, parent: core }\n      - { id: core, label: Core, parent: edge }\n    nodes:\n      - { id: api, label: API, group: edge }\n`,
  },
});

// ── PLAN4xxx: the schedule ──────────────────────────────────────────────────────────────

export const milestoneSlip = define<{ milestone: string; scheduled: string; due: string; days: number }>({
  code: 'PLAN4001',
  name: 'milestone-slip',
  severity: 'warning',
  configurable: true,
  title: 'Milestone slips',
  message: (p) =>
    `Milestone \`${p.milestone}\` is scheduled for ${p.scheduled}, ${plural(p.days, 'working day')} after its due date ${p.due}`,
  help: () => 'Shorten the critical path into it, start earlier, or move the due date.',
  explanation: 'The schedule reaches the milestone after its `due` date.',
  fix: 'Change the plan so that the milestone is reached in time, or accept the slip and move `due`.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\nstart: 2026-12-07\n' + PHASE + '      - { id: code, title: Code, duration: 10d }\nmilestones:\n  - { id: done, title: Done, after: [build], due: 2026-12-11 }\n',
  },
});

export const ownerOverloaded = define<{ owner: string; capacity: number; tasks: string[]; from: string; to: string }>({
  code: 'PLAN4002',
  name: 'owner-overloaded',
  severity: 'warning',
  configurable: true,
  title: 'Owner overloaded',
  message: (p) =>
    `\`${p.owner}\` has ${p.tasks.length} tasks at once (capacity ${p.capacity}) from ${p.from} to ${p.to}: ${p.tasks.map((t) => `\`${t}\``).join(', ')}`,
  help: () => 'Give some of the tasks to another owner, add dependencies to serialise them, or raise the owner\'s `capacity`.',
  explanation: 'In the earliest schedule an owner works on more tasks at the same time than their capacity allows, so the schedule is optimistic.',
  fix: 'Re-assign or sequence the tasks, or declare the owner\'s real capacity under `capacity:`.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: a, title: A, owner: ana, duration: 2d }\n      - { id: b, title: B, owner: ana, duration: 2d }\n',
  },
});

export const missingEstimate = define<{ task: string }>({
  code: 'PLAN4003',
  name: 'missing-estimate',
  severity: 'warning',
  configurable: true,
  title: 'Task without an estimate',
  message: (p) => `Task \`${p.task}\` has no effort, duration or estimate; it is scheduled as taking no time`,
  help: () => 'Add `effort: S|M|L…`, `duration: 2d`, or a three-point `estimate`.',
  explanation: 'Without a length, the task takes no time in the schedule, which makes the dates optimistic.',
  fix: 'Give the task an `effort`, a `duration` or an `estimate`.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace(', duration: 1d', '') },
});

export const invalidEstimate = define<{ detail: string }>({
  code: 'PLAN4004',
  name: 'invalid-estimate',
  severity: 'error',
  configurable: false,
  title: 'Inconsistent three-point estimate',
  message: (p) => p.detail,
  help: () => 'Write the three in order, `optimistic` ≤ `likely` ≤ `pessimistic`: `{ optimistic: 2d, likely: 3d, pessimistic: 5d }`.',
  explanation: 'The optimistic duration must not exceed the most likely one, nor the most likely one the pessimistic one.',
  fix: 'Reorder or correct the three values.',
  example: {
    'plans/example.plan.yaml': MINIMAL.replace('duration: 1d', 'estimate: { optimistic: 5d, likely: 3d, pessimistic: 8d }'),
  },
});

export const dueWithoutStart = define<{ milestone: string }>({
  code: 'PLAN4005',
  name: 'due-without-start',
  severity: 'warning',
  configurable: true,
  title: 'Due date without a start date',
  message: (p) => `Milestone \`${p.milestone}\` has a due date, but the plan has no \`start\` date to schedule it against`,
  help: () => 'Add `start: YYYY-MM-DD` to the plan.',
  explanation: 'Without a start date the schedule is in working days, so due dates cannot be checked.',
  fix: 'Give the plan a `start` date, or remove the due date.',
  example: {
    'plans/example.plan.yaml': `${MINIMAL}milestones:\n  - { id: done, title: Done, after: [build], due: 2026-12-11 }\n`,
  },
});

export const statusOrder = define<{ task: string; predecessor: string; predecessorStatus: string }>({
  code: 'PLAN4006',
  name: 'status-order',
  severity: 'warning',
  configurable: true,
  title: 'Done before what it depends on',
  message: (p) => `Task \`${p.task}\` is done, but \`${p.predecessor}\`, which it depends on, is ${p.predecessorStatus}`,
  help: () => 'Update the statuses, or remove a dependency that does not hold.',
  explanation: 'A finished task depends on work that is not finished, so either a status or a dependency is wrong.',
  fix: 'Bring the statuses up to date.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\n' + PHASE + '      - { id: a, title: A, duration: 1d }\n      - { id: b, title: B, duration: 1d, dependsOn: [a], status: done }\n',
  },
});

export const milestoneAtRisk = define<{ milestone: string; probability: number; due: string }>({
  code: 'PLAN4007',
  name: 'milestone-at-risk',
  severity: 'info',
  configurable: true,
  title: 'Milestone at risk',
  message: (p) => `Milestone \`${p.milestone}\` has a ${percent(p.probability)}% chance of being reached by ${p.due}`,
  help: () => 'The figure comes from the three-point estimates on the path into the milestone.',
  explanation:
    'The milestone is scheduled in time, but the three-point estimates leading to it give it less than the configured confidence (80 % by default, `schedule.confidence`) of being reached by its due date.',
  fix: 'Reduce the uncertainty or the work on the critical path, or move the due date.',
  example: {
    'plans/example.plan.yaml':
      'title: Example\nstart: 2026-12-07\n' + PHASE + '      - { id: code, title: Code, estimate: { optimistic: 2d, likely: 5d, pessimistic: 14d } }\nmilestones:\n  - { id: done, title: Done, after: [build], due: 2026-12-14 }\n',
  },
});

/** A plan in progress on a status date, for the examples of the status-date rules. */
const tracked = (docsAfter: string) =>
  'title: Example\nstart: 2026-12-07\n' + PHASE + `      - { id: schema, title: Design the schema, duration: 2d, status: done }\n      - { id: code, title: Write the code, duration: 3d, dependsOn: [schema], status: in-progress }\n      - { id: docs, title: Write the docs, duration: 2d, dependsOn: [${docsAfter}] }\n`;

export const taskNotStarted = define<{ task: string; planned: string; statusDate: string; status: string; waitingFor?: string }>({
  code: 'PLAN4008',
  name: 'task-not-started',
  severity: 'warning',
  configurable: true,
  title: 'Task late to start',
  message: (p) =>
    `Task \`${p.task}\` was to start on ${p.planned}, before the status date ${p.statusDate}, and is ${p.status === 'blocked' ? 'blocked' : 'not started'}${p.waitingFor ? ` (it waits for \`${p.waitingFor}\`, not done either)` : ''}`,
  help: () => 'Start it (`status: in-progress`), or plan it later: its unfinished work is scheduled from the status date.',
  explanation:
    'With a status date (`--status-date` or `statusDate`), every task the plan had starting before that day should be under way. This one is still `todo` (or `blocked`), so the forecast starts it on the status date at the earliest, and what follows it moves too.',
  fix: 'Bring the status up to date, or move the work: change its dependencies, or the plan\'s start.',
  example: { 'planc.config.yaml': 'statusDate: 2026-12-10\n', 'plans/example.plan.yaml': tracked('schema') },
});

export const taskOverdue = define<{ task: string; planned: string; statusDate: string; status: string; forecast?: string }>({
  code: 'PLAN4009',
  name: 'task-overdue',
  severity: 'warning',
  configurable: true,
  title: 'Task late to finish',
  message: (p) =>
    `Task \`${p.task}\` was to finish on ${p.planned}, before the status date ${p.statusDate}, and is ${p.status === 'in-progress' ? 'still in progress' : p.status === 'blocked' ? 'blocked' : 'not started'}${p.forecast ? `; forecast finish ${p.forecast}` : ''}`,
  help: () => 'Mark it done if it is, record its `progress`, or accept the forecast: the rest of its work is scheduled from the status date.',
  explanation:
    'With a status date, every task the plan had finishing before that day should be `done`. The forecast keeps the work done (`progress`, 0 to 1) and schedules the rest from the status date.',
  fix: 'Update the task\'s `status` and `progress`, or re-plan the work after it.',
  example: { 'planc.config.yaml': 'statusDate: 2026-12-14\n', 'plans/example.plan.yaml': tracked('code') },
});

export const milestoneOverdue = define<{ milestone: string; due: string; statusDate: string; forecast?: string }>({
  code: 'PLAN4010',
  name: 'milestone-overdue',
  severity: 'error',
  configurable: true,
  keepsOutputs: true,
  title: 'Milestone past due',
  message: (p) =>
    `Milestone \`${p.milestone}\` was due on ${p.due}, before the status date ${p.statusDate}, and is not reached${p.forecast ? `; forecast ${p.forecast}` : ''}`,
  help: () => 'Finish the work it waits for, or agree a new due date and write it down.',
  explanation:
    'With a status date, a milestone whose due date has passed while some of the work it waits for is not done has been missed: an error by default, since a plan that misses its commitments should not pass CI quietly (`rules: { milestone-overdue: warning }` makes it a warning). Unlike other errors it does not keep the plan out of `planc build` and `planc site`: its documents are where people see how late it is.',
  fix: 'Move `due` to the agreed date, or mark the work it waits for as done.',
  example: {
    'planc.config.yaml': 'statusDate: 2026-12-14\n',
    'plans/example.plan.yaml': `${tracked('code')}milestones:\n  - { id: shipped, title: Shipped, after: [build], due: 2026-12-11 }\n`,
  },
});

// ── PLAN5xxx: rollback, risks, verification ─────────────────────────────────────────────

export const phaseWithoutRollback = define<{ phase: string; missing: string[] }>({
  code: 'PLAN5001',
  name: 'phase-without-rollback',
  severity: 'warning',
  configurable: true,
  title: 'Phase without a rollback',
  message: (p) => `Phase \`${p.phase}\` has no rollback ${p.missing.join(' or ')} (its own or the plan's)`,
  help: () => 'Add `rollback: { trigger: …, steps: [...] }` to the phase, or a plan-wide `rollback`.',
  explanation: 'Every phase should be undoable: a rollback with a trigger and at least one step, of its own or inherited from the plan. Phases without one lower the plan\'s rollback coverage.',
  fix: 'Give the phase (or the plan) a rollback with a trigger and steps.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace(/rollback: .*\n/, '') },
});

export const stageWithoutRollback = define<{ stage: string; missing: string[] }>({
  code: 'PLAN5002',
  name: 'stage-without-rollback',
  severity: 'warning',
  configurable: true,
  title: 'Rollout stage without a rollback',
  message: (p) => `Rollout stage \`${p.stage}\` has no ${p.missing.join(' and no ')}`,
  help: () => 'Give the stage a `rollbackTrigger` (or the rollout a `rollback.trigger`), and the rollout or plan a `rollback` with steps.',
  explanation: 'Each rollout stage needs a condition that rolls it back (its own `rollbackTrigger` or the rollout\'s) and a rollback plan (the rollout\'s or the plan\'s).',
  fix: 'Add the missing trigger or rollback plan.',
  example: {
    'plans/example.plan.yaml': `${MINIMAL}rollout:\n  strategy: canary\n  stages:\n    - { id: internal, title: Internal users, duration: 1d }\n`,
  },
});

export const irreversibleWithoutRecovery = define<{ task: string }>({
  code: 'PLAN5003',
  name: 'irreversible-without-recovery',
  severity: 'error',
  configurable: true,
  title: 'Point of no return without recovery',
  message: (p) => `Task \`${p.task}\` is irreversible but has no \`recovery\``,
  help: () => 'Add `recovery:` saying how to recover if the task goes wrong.',
  explanation: 'A task marked `reversible: false` cannot be rolled back, so the plan must say how to recover from it (a backup to restore, a forward fix).',
  fix: 'Describe the recovery in the task\'s `recovery`.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('duration: 1d', 'duration: 1d, reversible: false') },
});

export const unmitigatedRisk = define<{ risk: string; impact: string }>({
  code: 'PLAN5004',
  name: 'unmitigated-risk',
  severity: 'error',
  configurable: true,
  title: 'Serious risk without mitigation',
  message: (p) => `Risk \`${p.risk}\` has ${p.impact} impact but no mitigation`,
  help: () => 'Add `mitigation:` with what reduces the risk.',
  explanation: 'A risk with high or critical impact must say what is done about it.',
  fix: 'Add a mitigation.',
  example: {
    'plans/example.plan.yaml': `${MINIMAL}risks:\n  - { id: data-loss, risk: Data loss, probability: low, impact: critical }\n`,
  },
});

export const unverifiedCriterion = define<{ criterion: string }>({
  code: 'PLAN5005',
  name: 'unverified-criterion',
  severity: 'warning',
  configurable: true,
  title: 'Success criterion without verification',
  message: (p) => `Success criterion \`${p.criterion}\` is not verified by any check or task`,
  help: () => 'Add `verifiedBy: [<verification or task id>]`.',
  explanation: 'A success criterion should name the verification checkpoint or task that shows it is met.',
  fix: 'Name a verification or task in `verifiedBy`, or add the missing check.',
  example: {
    'plans/example.plan.yaml': `${MINIMAL}successCriteria:\n  - { id: fast, text: Pages load in under 1s }\n`,
  },
});

export const migrationIncomplete = define<{ missing: string }>({
  code: 'PLAN5006',
  name: 'migration-incomplete',
  severity: 'warning',
  configurable: true,
  title: 'Migration plan without migration details',
  message: (p) => `This migration plan has no ${p.missing}`,
  help: () => 'Add `migration:` with an `overview` (current → target) and a `data` strategy, and a `rollback`.',
  explanation: 'A plan of kind `migration` should say what moves from where to where, how the data moves, and how to roll back.',
  fix: 'Add the missing section.',
  example: { 'plans/example.plan.yaml': MINIMAL.replace('title: Example\n', 'title: Example\nkind: migration\n') },
});

// ── PLAN6xxx: configuration ─────────────────────────────────────────────────────────────

export const invalidConfig = define<{ detail: string }>({
  code: 'PLAN6001',
  name: 'invalid-config',
  severity: 'error',
  configurable: false,
  title: 'Invalid configuration',
  message: (p) => `Invalid configuration: ${p.detail}`,
  help: () => 'See the configuration section of the README for the allowed settings.',
  explanation: 'planc.config.yaml (or .json) has a setting planc does not know, or a value of the wrong form. planc stops with exit code 2.',
  fix: 'Correct the setting.',
  example: { 'planc.config.yaml': 'plan: plans\n', 'plans/example.plan.yaml': MINIMAL },
});

// ── PLAN7xxx: suppressions ──────────────────────────────────────────────────────────────

export const unusedSuppression = define<{ rule: string; directive: string }>({
  code: 'PLAN7001',
  name: 'unused-suppression',
  severity: 'warning',
  configurable: true,
  title: 'A suppression that suppresses nothing',
  message: (p) => `\`${p.directive}\` turns off \`${p.rule}\`, which reports nothing ${p.directive === 'planc-disable' ? 'in this file' : 'there'}`,
  help: () => 'Remove the rule from the comment (or the comment): the finding it was written for is gone.',
  explanation:
    'A `# planc-disable-next-line` or `# planc-disable` comment names a rule that reports nothing where the comment applies. Left in place, it would hide the next finding of that rule without anyone deciding to, so planc reports it (as ESLint\'s `--report-unused-disable-directives` does).',
  fix: 'Delete the rule from the comment, or the whole comment.',
  example: {
    'plans/example.plan.yaml': `title: Example\nrollback: { trigger: Errors rise, steps: [Revert the release] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      # planc-disable-next-line missing-estimate -- estimated later\n      - { id: code, title: Write the code, duration: 1d }\n`,
  },
});

export const invalidSuppression = define<{ detail: string }>({
  code: 'PLAN7002',
  name: 'invalid-suppression',
  severity: 'warning',
  configurable: true,
  title: 'A suppression planc cannot apply',
  message: (p) => `This suppression comment ${p.detail}`,
  help: () => 'Write `# planc-disable-next-line <code or rule> -- <reason>` on its own line, naming a rule that can be turned off.',
  explanation:
    'A suppression comment must name at least one rule, by code (`PLAN4002`) or name (`owner-overloaded`), and only rules that the configuration may turn off: the rules that stop a plan from being read or built (YAML, the plan language, references) cannot be suppressed.',
  fix: 'Name the rule correctly, or remove the comment and fix the finding.',
  example: {
    'plans/example.plan.yaml': `# planc-disable PLAN9999 -- not a rule\n${MINIMAL}`,
  },
});

// ── PLAN8xxx: the code the plans touch ──────────────────────────────────────────────────

/** A plan whose tasks name code, and the files of the repository it names. */
const CODE_PLAN = (tasks: string) => `title: Example\nstart: 2026-12-07\n${PHASE}${tasks}`;
const CODE_FILES = {
  'src/auth/login.ts': 'export function login() {}\n',
  'src/auth/session.ts': 'export const session = {};\n',
  'test/auth/login.test.ts': "import '../../src/auth/login.ts';\n",
};

const listWords: Record<string, string> = { touches: 'touches', creates: 'creates', tests: 'tests' };

export const pathNoMatch = define<{ task: string; list: string; pattern: string; negated: boolean; suggestion?: string }>({
  code: 'PLAN8001',
  name: 'path-no-match',
  severity: 'warning',
  configurable: true,
  title: 'Path matches no file',
  message: (p) =>
    p.negated
      ? `\`${p.pattern}\` in the \`${listWords[p.list] ?? p.list}\` of task \`${p.task}\` takes out no file: the other paths match none it names`
      : `\`${p.pattern}\` in the \`${listWords[p.list] ?? p.list}\` of task \`${p.task}\` matches no file in the repository`,
  help: (p) =>
    p.suggestion !== undefined
      ? `Did you mean \`${p.suggestion}\`?`
      : p.list === 'tests'
        ? 'Correct the path, or write the tests first.'
        : 'Correct the path (was the code renamed or moved?); if the task will create it, list it under `creates`.',
  explanation:
    'A path or glob in a task\'s `touches` or `tests` is resolved against the files of the repository (those git tracks, or, outside git, the files of the folder that `.gitignore` does not exclude), relative to its root. One that matches nothing is a typo, or the plan went stale when the code was renamed or moved. Code the task will create belongs under `creates`, which this check leaves alone; a path inside what another task `creates` is not reported either.',
  fix: 'Correct the path (the help names the nearest existing one), or move it to `creates` if the task will create it.',
  example: {
    'plans/example.plan.yaml': CODE_PLAN('      - { id: code, title: Write the code, duration: 1d, touches: [src/auht/login.ts] }\n'),
    ...CODE_FILES,
  },
});

export const pathOutsideRepository = define<{ task: string; list: string; pattern: string; problem: string }>({
  code: 'PLAN8002',
  name: 'path-outside-repository',
  severity: 'error',
  configurable: false,
  title: 'Path outside the repository',
  message: (p) =>
    `\`${p.pattern}\` in the \`${listWords[p.list] ?? p.list}\` of task \`${p.task}\` ${p.problem === 'absolute' ? 'is an absolute path' : 'leads out of the repository'}; paths are relative to the repository root`,
  help: () => 'Write the path relative to the repository root, without a leading `/` or `../`.',
  explanation:
    'Paths in `touches`, `creates` and `tests` name code in the repository the plan lives in, relative to its root (or to `code.root` in planc.config.yaml). An absolute path, or one that climbs out with `../`, names something the repository does not hold, and would mean something else on every other machine.',
  fix: 'Make the path relative to the repository root.',
  example: {
    'plans/example.plan.yaml': CODE_PLAN('      - { id: code, title: Write the code, duration: 1d, touches: [../shared/config.yaml] }\n'),
    ...CODE_FILES,
  },
});

export const createsExists = define<{ task: string; pattern: string; count: number; first: string }>({
  code: 'PLAN8003',
  name: 'creates-exists',
  severity: 'info',
  configurable: true,
  title: 'Code to create already exists',
  message: (p) =>
    `\`${p.pattern}\` in the \`creates\` of task \`${p.task}\` already matches ${p.count === 1 ? `\`${p.first}\`` : `${plural(p.count, 'file')} (\`${p.first}\`, …)`}`,
  help: () => 'If the work has started or is done, move the path to `touches` (or mark the task done); else check the path.',
  explanation:
    '`creates` names code that does not exist yet, which is why it is exempt from the check that paths match files. A `creates` path that matches files means the work may be done already (or begun), or the path names existing code by mistake.',
  fix: 'Move the path to `touches`, update the task\'s status, or correct the path.',
  example: {
    'plans/example.plan.yaml': CODE_PLAN('      - { id: code, title: Write the code, duration: 1d, creates: [src/auth/**] }\n'),
    ...CODE_FILES,
  },
});

export const ownerNotCodeOwner = define<{ task: string; owner: string; codeOwners: string[]; file: string }>({
  code: 'PLAN8004',
  name: 'owner-not-code-owner',
  severity: 'info',
  configurable: true,
  title: 'Task owner is not a code owner',
  message: (p) =>
    `Task \`${p.task}\` is owned by \`${p.owner}\`, who is not a code owner of any of its files (CODEOWNERS names ${quoteList(p.codeOwners, 'and')})`,
  help: (p) => `Its changes will need a review from ${quoteList(p.codeOwners)}; plan for it, or correct the task's owner (or CODEOWNERS, ${p.file}).`,
  explanation:
    'The repository\'s CODEOWNERS file (`.github/CODEOWNERS`, `CODEOWNERS` or `docs/CODEOWNERS`, read as GitHub reads it: the last matching line wins) names who must review changes to each file. When a task\'s owner owns none of the files it changes, every change of it waits for another team\'s review. An owner matches a code owner by name, with or without `@`, ignoring case, or by a team\'s name without its organisation (`backend` is `@acme/backend`).',
  fix: 'Plan the reviews (or pair with the code owners), give the task to a code owner, or bring CODEOWNERS up to date.',
  example: {
    'plans/example.plan.yaml': CODE_PLAN('      - { id: code, title: Write the code, owner: frontend, duration: 1d, touches: [src/auth/login.ts] }\n'),
    '.github/CODEOWNERS': '*            @acme/platform\n/src/auth/   @acme/backend\n',
    ...CODE_FILES,
  },
});

export const conflictRisk = define<{ task: string; other: string; files: string[]; count: number; from: string; to: string }>({
  code: 'PLAN8005',
  name: 'conflict-risk',
  severity: 'warning',
  configurable: true,
  title: 'Parallel tasks change the same files',
  message: (p) =>
    `Tasks \`${p.task}\` and \`${p.other}\` may run at the same time (${p.from} to ${p.to}) and both change ${quoteList(p.files, 'and')}${p.count > p.files.length ? ` and ${plural(p.count - p.files.length, 'more file')}` : ''}`,
  help: (p) =>
    p.other.includes('#')
      ? `Schedule one after the other (\`dependsOn: [${p.other}]\` in \`${p.task}\`), or split the work so that they change different files.`
      : `Make one depend on the other (\`dependsOn: [${p.task}]\` in \`${p.other}\`), or split the work so that they change different files.`,
  explanation:
    'The schedule lets two tasks run at the same time — their scheduled windows overlap and neither depends on the other, directly or through other items — and the code they change overlaps (their `touches` and `creates` match the same files, or name the same file to create). Two changes to the same files in parallel mean merge conflicts and changes reviewed against code that is about to move. Plans checked together are compared too, by their dates.',
  fix: 'Add a dependency between the two tasks, or split the work so that each changes its own files.',
  example: {
    'plans/example.plan.yaml': CODE_PLAN(
      '      - { id: login-form, title: New login form, duration: 2d, touches: [src/auth/login.ts] }\n      - { id: rate-limit, title: Rate-limit logins, duration: 1d, touches: [src/auth/**] }\n',
    ),
    ...CODE_FILES,
  },
});

// ── PLAN9xxx: planc itself ──────────────────────────────────────────────────────────────

export const internalError = define<{ detail: string }>({
  code: 'PLAN9001',
  name: 'internal-error',
  severity: 'error',
  configurable: false,
  title: 'Internal error',
  message: (p) => `planc failed: ${p.detail}`,
  help: () => 'This is a bug in planc, not in your plan. Please report it with the file that triggers it.',
  explanation: 'planc hit an unexpected condition. The exit code is 3.',
  fix: 'Report the problem; as a workaround, simplify the plan around the reported location.',
});

/** Every definition, in code order. */
export const catalogue: readonly DiagnosticDefinition<never>[] = [
  yamlSyntax, duplicateKey, tabIndentation, multipleDocuments, ambiguousBoolean, aliasLimit, invalidEncoding,
  emptyFile, fileTooLarge, unreadableFile, unsupportedTag, nestingTooDeep, complexKey, mergeKey, markdownFence,
  unknownProperty, missingProperty, wrongType, invalidEnum, invalidFormat, outOfRange, duplicateItem,
  conflictingProperties, schemaViolation,
  duplicateId, unknownReference, unknownPlan, dependencyCycle, duplicatePlanId, wrongReferenceKind, groupCycle,
  milestoneSlip, ownerOverloaded, missingEstimate, invalidEstimate, dueWithoutStart, statusOrder, milestoneAtRisk,
  taskNotStarted, taskOverdue, milestoneOverdue,
  phaseWithoutRollback, stageWithoutRollback, irreversibleWithoutRecovery, unmitigatedRisk, unverifiedCriterion,
  migrationIncomplete,
  invalidConfig,
  unusedSuppression, invalidSuppression,
  pathNoMatch, pathOutsideRepository, createsExists, ownerNotCodeOwner, conflictRisk,
  internalError,
] as readonly DiagnosticDefinition<never>[];

export const byName: ReadonlyMap<string, DiagnosticDefinition<never>> = new Map(catalogue.map((d) => [d.name, d]));
export const byCode: ReadonlyMap<string, DiagnosticDefinition<never>> = new Map(catalogue.map((d) => [d.code, d]));
