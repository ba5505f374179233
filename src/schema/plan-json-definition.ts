// plan.json, format 1, defined once: `schema/plan-json.schema.json` and the tables of
// docs/plan-json.md are generated from this module (`npm run schema`; tests fail when either
// drifts), `planJson()` returns `PlanJson`, derived from it, and a test validates every
// plan.json the tests emit against the generated schema. Every mapping admits only the
// fields listed here, so a field emitted but not documented fails that test. Like the plan
// language's definition, only scripts and tests load this module as a value.
import { Type, type Static, type TNumber } from 'typebox';
import {
  boolean,
  integer,
  list,
  number,
  object,
  oneOfValues,
  record,
  ref,
  sameValues,
  schemaDocument,
  string,
  text,
  textList,
  use,
  type Documented,
} from './helpers.ts';
import {
  alert,
  alternative,
  dashboard,
  dataStrategy,
  decisionStatus,
  dependencyType,
  direction,
  edgeStyle,
  estimatesDefinition,
  externalDependency,
  impact,
  internalDependency,
  migrationAspect,
  nodeChange,
  nodeKind,
  planKind,
  planStatus,
  probability,
  riskCategory,
  riskStatus,
  rolloutStrategy,
  size,
  taskStatus,
  weekday,
  type Size,
} from './plan-definition.ts';

const PLAN_JSON_SCHEMA_ID = 'https://planc.dev/schema/plan-json.schema.json';

/** The effort sizes, in the order the plan language lists them. */
const SIZES = Object.keys(estimatesDefinition.properties) as Size[];

const date = (d: Documented) => string(d, { format: 'date' });
const days = (d: Documented) => number(d);
const ids = (d: Documented) => textList(d, 'An id');
const fromThePlan = (title: string, what = 'As written in the plan.') => text({ title, description: what });
/** Files counted, and listed up to `code.listed` of the config. */
const fileList = (d: Documented) =>
  object(
    d,
    {
      count: integer({ title: 'Count', description: 'How many files.' }, { minimum: 0 }),
      paths: textList(
        { title: 'Paths', description: 'The first of them, in path order, relative to the repository root: as many as `code.listed` of the config (20 by default).' },
        'A file',
      ),
    },
    ['count', 'paths'],
  );

const reference = object(
  { title: 'Reference', description: 'An item named by a reference: its id, and the other plan\'s id for a cross-plan reference.' },
  {
    id: text({ title: 'Id', description: 'The id of the item.' }),
    plan: text({ title: 'Plan', description: 'The id of the other plan, for a reference written `other-plan#id`.' }),
  },
  ['id'],
);

const dependency = object(
  { title: 'Dependency', description: 'What an item waits for, with the link\'s type and lag.' },
  {
    id: text({ title: 'Id', description: 'The id of the task, phase or milestone waited for.' }),
    plan: text({ title: 'Plan', description: 'The id of the other plan, for a cross-plan dependency.' }),
    type: sameValues({ title: 'Type', description: 'The dependency type (`FS` when not written).' }, dependencyType),
    lag: days({ title: 'Lag', description: 'Working days added to the link; negative for a lead (0 when not written).' }),
  },
  ['id', 'type', 'lag'],
);

const rollback = object(
  { title: 'Rollback', description: 'How to undo a change, as written.' },
  {
    trigger: fromThePlan('Trigger', 'The condition that starts a rollback.'),
    steps: textList({ title: 'Steps', description: 'The rollback steps, in order (empty when none are written).' }, 'A step'),
    dataRecovery: fromThePlan('Data recovery', 'What happens to data written since the change.'),
    owner: fromThePlan('Owner', 'Who decides on and runs the rollback.'),
    duration: days({ title: 'Duration', description: 'Working days the rollback takes.' }),
  },
  ['steps'],
);

/** What more than one kind of item holds; defined once, under `$defs`. */
const shared = { reference, dependency, rollback };

/** The schedule of a task or rollout stage, present when the plan is scheduled. */
const timing = {
  es: days({ title: 'Earliest start', description: 'Earliest start, in working days from the plan\'s start.' }),
  ef: days({ title: 'Earliest finish', description: 'Earliest finish.' }),
  ls: days({ title: 'Latest start', description: 'Latest start that does not move the plan\'s end.' }),
  lf: days({ title: 'Latest finish', description: 'Latest finish that does not move the plan\'s end.' }),
  totalFloat: days({ title: 'Total float', description: 'LS − ES: how far it can slip without moving the plan\'s end.' }),
  freeFloat: days({
    title: 'Free float',
    description: 'How far it can slip without moving any successor (never more than the total float).',
  }),
  critical: boolean({ title: 'Critical', description: 'Total float 0.' }),
  nearCritical: boolean({ title: 'Near-critical', description: 'Total float under the near-critical threshold, but not 0.' }),
  start: date({ title: 'Start date', description: 'The day it starts, when the plan has a `start`.' }),
  finish: date({ title: 'Finish date', description: 'The day it finishes, when the plan has a `start`.' }),
  startDay: integer({ title: 'Start day', description: 'The working day it starts on, 1 being the first: `start`, counted (a zero-length item sits at the end of the day before its offset).' }),
  finishDay: integer({ title: 'Finish day', description: 'The working day it finishes on, 1 being the first: `finish`, counted.' }),
  sigma: number({ title: 'σ', description: 'The standard deviation of its three-point estimate.' }),
  criticality: number({
    title: 'Criticality',
    description: 'Monte Carlo: the share of runs in which it was critical (every item of a plan with three-point estimates has one).',
  }),
  planned: object(
    {
      title: 'Planned',
      description:
        'With a status date: where the plan as written (the baseline) puts it; the fields above are then the forecast, with what is done kept and the rest scheduled from the status date.',
    },
    {
      es: days({ title: 'Earliest start', description: 'Planned earliest start, in working days.' }),
      ef: days({ title: 'Earliest finish', description: 'Planned earliest finish, in working days.' }),
      start: date({ title: 'Start date', description: 'The planned start day, when the plan has a `start`.' }),
      finish: date({ title: 'Finish date', description: 'The planned finish day, when the plan has a `start`.' }),
      startDay: integer({ title: 'Start day', description: 'The working day of the planned start, 1 being the first.' }),
      finishDay: integer({ title: 'Finish day', description: 'The working day of the planned finish.' }),
    },
    ['es', 'ef', 'startDay', 'finishDay'],
  ),
  late: oneOfValues({ title: 'Late', description: 'With a status date: how a task is late on it.' }, [
    ['start', 'it should have started before the status date and is still to do or blocked'],
    ['finish', 'it should have finished before the status date and is not done'],
  ]),
};

const phase = object(
  { title: 'Phase', description: 'A phase; its tasks, risks and checks are listed by id here and in full at the top level.' },
  {
    id: text({ title: 'Id', description: 'The phase id.' }),
    title: fromThePlan('Title'),
    summary: fromThePlan('Summary'),
    owner: fromThePlan('Owner'),
    dependsOn: list({ title: 'Depends on', description: 'What every task of the phase waits for.' }, use(shared, 'dependency')),
    tasks: ids({ title: 'Tasks', description: 'The ids of its tasks, in order.' }),
    deliverables: textList({ title: 'Deliverables', description: 'As written in the plan.' }, 'A deliverable'),
    risks: ids({ title: 'Risks', description: 'The ids of its risks.' }),
    verification: ids({ title: 'Verification', description: 'The ids of its verification checkpoints.' }),
    rollback: ref(shared, 'rollback', { title: 'Rollback', description: 'Its own rollback, when it has one.' }),
    es: days({ title: 'Earliest start', description: 'When its first task can start, when the plan is scheduled.' }),
    ef: days({ title: 'Earliest finish', description: 'When its last task can finish, when the plan is scheduled.' }),
    start: date({ title: 'Start date', description: 'The day it starts, when the plan has a `start`.' }),
    finish: date({ title: 'Finish date', description: 'The day it finishes, when the plan has a `start`.' }),
    startDay: integer({ title: 'Start day', description: 'The working day its first task starts on, 1 being the first, when the plan is scheduled.' }),
    finishDay: integer({ title: 'Finish day', description: 'The working day its last task finishes on, when the plan is scheduled.' }),
  },
  ['id', 'title', 'dependsOn', 'tasks', 'deliverables', 'risks', 'verification'],
);

const task = object(
  { title: 'Task', description: 'A task, with its schedule when the plan is scheduled.' },
  {
    id: text({ title: 'Id', description: 'The task id.' }),
    phase: text({ title: 'Phase', description: 'The id of its phase.' }),
    title: fromThePlan('Title'),
    description: fromThePlan('Description'),
    owner: fromThePlan('Owner', 'Its owner, inherited from the phase or the plan when not written.'),
    status: sameValues({ title: 'Status', description: 'Where it stands (`todo` when not written).' }, taskStatus),
    progress: number(
      { title: 'Progress', description: 'The share of its work done, as written (0 to 1). A `done` task counts as 1 and a `cancelled` one as 0 whatever it says.' },
      { minimum: 0, maximum: 1 },
    ),
    duration: days({
      title: 'Duration',
      description: 'Working days: from `duration`, `effort` through `estimates`, or the PERT mean of `estimate`; 0 when cancelled.',
    }),
    effort: sameValues({ title: 'Effort', description: 'The size, as written.' }, size),
    estimate: object(
      { title: 'Estimate', description: 'The three-point estimate, in working days.' },
      {
        optimistic: days({ title: 'Optimistic', description: 'Working days if everything goes well.' }),
        likely: days({ title: 'Most likely', description: 'The most likely working days.' }),
        pessimistic: days({ title: 'Pessimistic', description: 'Working days if things go badly.' }),
      },
      ['optimistic', 'likely', 'pessimistic'],
    ),
    dependsOn: list({ title: 'Depends on', description: 'What it waits for.' }, use(shared, 'dependency')),
    reversible: boolean({ title: 'Reversible', description: 'Whether it can be undone (`true` when not written).' }),
    recovery: object(
      { title: 'Recovery', description: 'How to recover from an irreversible task.' },
      {
        text: fromThePlan('Text', 'The recovery, when written as text.'),
        steps: textList({ title: 'Steps', description: 'The recovery steps (empty when written as text).' }, 'A step'),
        dataRecovery: fromThePlan('Data recovery', 'How lost or corrupted data is recovered.'),
      },
      ['steps'],
    ),
    rollback: ref(shared, 'rollback', { title: 'Rollback', description: 'Its own rollback, when it has one.' }),
    touches: textList({ title: 'Touches', description: 'As written in the plan.' }, 'A path or glob'),
    creates: textList({ title: 'Creates', description: 'As written in the plan.' }, 'A path or glob'),
    tests: textList({ title: 'Tests', description: 'As written in the plan.' }, 'A path or glob'),
    code: object(
      {
        title: 'Code',
        description: 'Its `touches`, `creates` and `tests` resolved against the repository (see `repository`); absent when the task names no code or the plans were not resolved against a repository.',
      },
      {
        files: fileList({ title: 'Files', description: 'The files it changes: what its `touches` and `creates` match.' }),
        tests: fileList({ title: 'Tests', description: 'The files its `tests` match.' }),
        owners: textList(
          { title: 'Code owners', description: 'Whose review its changes need: the CODEOWNERS owners of its files and tests (and of where it creates code), sorted.' },
          'A user, team or address',
        ),
        paths: list(
          { title: 'Paths', description: 'Each path as written, with how many files it matched.' },
          object(
            { title: 'Path', description: 'A path of the task and what it matched.' },
            {
              list: oneOfValues({ title: 'List', description: 'Where it is written.' }, [
                ['touches', 'the code the task changes'],
                ['creates', 'the code the task will create'],
                ['tests', 'the tests that verify the task'],
              ]),
              pattern: text({ title: 'Pattern', description: 'As written in the plan.' }),
              matched: integer({ title: 'Matched', description: 'How many files it matches (for a `!` path, how many it takes out).' }, { minimum: 0 }),
            },
            ['list', 'pattern', 'matched'],
          ),
        ),
      },
      ['files', 'tests', 'owners', 'paths'],
    ),
    acceptance: textList({ title: 'Acceptance criteria', description: 'As written in the plan.' }, 'An acceptance criterion'),
    ...timing,
  },
  ['id', 'phase', 'title', 'status', 'duration', 'dependsOn', 'reversible', 'touches', 'creates', 'tests', 'acceptance'],
);

const milestone = object(
  { title: 'Milestone', description: 'A milestone and when the schedule reaches it.' },
  {
    id: text({ title: 'Id', description: 'The milestone id.' }),
    title: fromThePlan('Title'),
    after: list({ title: 'After', description: 'What it waits for.' }, use(shared, 'reference')),
    due: date({ title: 'Due date', description: 'The due date, as written.' }),
    at: days({ title: 'Reached at', description: 'When it is reached, in working days, when the plan is scheduled.' }),
    day: integer({ title: 'Day', description: 'The working day it is reached on (at its end), 1 being the first, when the plan is scheduled.' }),
    date: date({ title: 'Date', description: 'The day it is reached, when the plan has a `start`.' }),
    slip: days({ title: 'Slip', description: 'Working days late, when it is reached after its due date.' }),
    probability: number({ title: 'Probability', description: 'The PERT chance of meeting `due`.' }),
    simulatedProbability: number({ title: 'Simulated probability', description: 'The Monte Carlo chance of meeting `due`.' }),
    reached: boolean({ title: 'Reached', description: 'Everything it waits for is done.' }),
    planned: object(
      { title: 'Planned', description: 'With a status date: when the plan as written reaches it (`at` and `date` are then the forecast).' },
      {
        at: days({ title: 'Reached at', description: 'Planned, in working days.' }),
        day: integer({ title: 'Day', description: 'The working day of the planned date, 1 being the first.' }),
        date: date({ title: 'Date', description: 'The planned day, when the plan has a `start`.' }),
      },
      ['at', 'day'],
    ),
    overdue: boolean({ title: 'Overdue', description: 'With a status date: due before it and not reached.' }),
  },
  ['id', 'title', 'after', 'reached'],
);

const risk = object(
  { title: 'Risk', description: 'A risk of a phase or of the plan.' },
  {
    id: text({ title: 'Id', description: 'The risk id.' }),
    phase: text({ title: 'Phase', description: 'The id of its phase; absent for a plan-wide risk.' }),
    risk: fromThePlan('Risk'),
    description: fromThePlan('Description'),
    category: sameValues({ title: 'Category', description: 'As written in the plan.' }, riskCategory),
    probability: sameValues({ title: 'Probability', description: 'As written in the plan.' }, probability),
    impact: sameValues({ title: 'Impact', description: 'As written in the plan.' }, impact),
    score: integer({ title: 'Score', description: 'Probability (1–3) × impact (1–4).' }, { minimum: 1, maximum: 12 }),
    mitigation: fromThePlan('Mitigation'),
    contingency: fromThePlan('Contingency'),
    owner: fromThePlan('Owner'),
    status: sameValues({ title: 'Status', description: 'As written in the plan (`open` when not written).' }, riskStatus),
  },
  ['id', 'risk', 'probability', 'impact', 'score', 'status'],
);

const verification = object(
  { title: 'Verification checkpoint', description: 'A verification checkpoint of a phase or of the plan.' },
  {
    id: text({ title: 'Id', description: 'The checkpoint id.' }),
    phase: text({ title: 'Phase', description: 'The id of its phase; absent for a plan-wide checkpoint.' }),
    title: fromThePlan('Title'),
    description: fromThePlan('Description'),
    run: fromThePlan('Command'),
    expect: fromThePlan('Expected result'),
  },
  ['id', 'title'],
);

const stage = object(
  { title: 'Rollout stage', description: 'A rollout stage, with its schedule when the plan is scheduled.' },
  {
    id: text({ title: 'Id', description: 'The stage id.' }),
    title: fromThePlan('Title'),
    audience: fromThePlan('Audience'),
    percent: number({ title: 'Traffic share', description: 'As written in the plan, in percent.' }),
    duration: days({ title: 'Duration', description: 'Working days (0 when not written).' }),
    rollbackTrigger: fromThePlan('Rollback trigger'),
    exitCriteria: textList({ title: 'Exit criteria', description: 'As written in the plan.' }, 'An exit criterion'),
    ...timing,
  },
  ['id', 'title', 'duration', 'exitCriteria'],
);

const decision = object(
  { title: 'Decision', description: 'A decision record.' },
  {
    id: text({ title: 'Id', description: 'The decision id.' }),
    title: fromThePlan('Title'),
    status: sameValues({ title: 'Status', description: 'Where it stands (`proposed` when not written).' }, decisionStatus),
    date: date({ title: 'Date', description: 'As written in the plan.' }),
    context: fromThePlan('Context'),
    decision: fromThePlan('Decision'),
    alternatives: list({ title: 'Alternatives', description: 'The options considered, as written.' }, alternative),
    consequences: textList({ title: 'Consequences', description: 'As written in the plan.' }, 'A consequence'),
    supersedes: ref(shared, 'reference', { title: 'Supersedes', description: 'The decision it replaces.' }),
  },
  ['id', 'title', 'status', 'decision', 'alternatives', 'consequences'],
);

const diagram = object(
  { title: 'Architecture diagram', description: 'An architecture diagram (drawn in `architecture-<id>.mmd`).' },
  {
    id: text({ title: 'Id', description: 'The diagram id.' }),
    title: fromThePlan('Title'),
    description: fromThePlan('Description'),
    direction: sameValues({ title: 'Direction', description: 'The flow\'s direction (`LR` when not written).' }, direction),
    groups: list(
      { title: 'Groups', description: 'The boxes around nodes (a group inside itself is left out).' },
      object(
        { title: 'Group', description: 'A box around related nodes.' },
        {
          id: text({ title: 'Id', description: 'The group id.' }),
          label: fromThePlan('Label'),
          parent: text({ title: 'Parent', description: 'The id of the group it sits in.' }),
        },
        ['id', 'label'],
      ),
    ),
    nodes: list(
      { title: 'Nodes', description: 'The components.' },
      object(
        { title: 'Node', description: 'A component.' },
        {
          id: text({ title: 'Id', description: 'The node id.' }),
          label: fromThePlan('Label'),
          kind: sameValues({ title: 'Kind', description: 'What it is (`service` when not written).' }, nodeKind),
          group: text({ title: 'Group', description: 'The id of the group it sits in (left out when no such group exists).' }),
          change: sameValues({ title: 'Change', description: 'What the plan does to it (`unchanged` when not written).' }, nodeChange),
        },
        ['id', 'label', 'kind', 'change'],
      ),
    ),
    edges: list(
      { title: 'Edges', description: 'The connections (one naming an unknown node is left out).' },
      object(
        { title: 'Edge', description: 'A connection.' },
        {
          from: text({ title: 'From', description: 'The id of the node it starts at.' }),
          to: text({ title: 'To', description: 'The id of the node it goes to.' }),
          label: fromThePlan('Label'),
          style: sameValues({ title: 'Style', description: 'How it is drawn (`sync` when not written).' }, edgeStyle),
        },
        ['from', 'to', 'style'],
      ),
    ),
  },
  ['id', 'title', 'direction', 'groups', 'nodes', 'edges'],
);

const position = object(
  { title: 'Position', description: 'A 1-based line and column; columns count UTF-16 code units, as LSP and SARIF do.' },
  {
    line: integer({ title: 'Line', description: 'The line, from 1.' }, { minimum: 1 }),
    column: integer({ title: 'Column', description: 'The column, from 1.' }, { minimum: 1 }),
  },
  ['line', 'column'],
);

const range = object(
  { title: 'Range', description: 'Where something is in a file: its start and its end (exclusive).' },
  { start: position, end: position },
  ['start', 'end'],
);

const fix = object(
  {
    title: 'Fix',
    description: 'A change that resolves the finding: edits of the file, made together (as ESLint and TypeScript give code fixes). `planc fix` applies the certain ones.',
  },
  {
    description: text({ title: 'Description', description: 'What it does: "Rename `titel` to `title`".' }),
    edits: list(
      { title: 'Edits', description: 'Each range of the file replaced by its text (an insertion when the range is empty); ranges are those of the file as it is, and do not overlap.' },
      object(
        { title: 'Edit', description: 'A range of the file and the text that replaces it.' },
        {
          range: ref({ range }, 'range', { title: 'Range', description: 'What is replaced.' }),
          text: string({ title: 'Text', description: 'What replaces it (empty to delete).' }),
        },
        ['range', 'text'],
      ),
      { minItems: 1 },
    ),
  },
  ['description', 'edits'],
);

const diagnosticPlace = {
  file: text({ title: 'File', description: 'The path relative to the working folder, with `/`.' }),
  range: ref({ range }, 'range', { title: 'Range', description: 'Where it is in the file.' }),
  pointer: string({ title: 'Pointer', description: 'The JSON pointer (RFC 6901) of the value in the plan; `""` for the file as a whole.' }),
};

const diagnostic = object(
  {
    title: 'Diagnostic',
    description: 'A finding about the plan file, in the shape `planc check --format json` writes ([json-output.md](json-output.md)).',
  },
  {
    code: string({ title: 'Code', description: 'The permanent code, `PLAN` and four digits ([diagnostics.md](diagnostics.md)).' }, { pattern: '^PLAN[0-9]{4}$' }),
    rule: text({ title: 'Rule', description: 'The rule\'s name, as used in `rules:` of the config.' }),
    severity: oneOfValues({ title: 'Severity', description: 'How serious it is. A plan.json holds warnings and notes only: a plan with errors is not built.' }, [
      ['error', 'the plan is wrong'],
      ['warning', 'the plan is probably wrong'],
      ['info', 'worth knowing'],
    ]),
    message: text({ title: 'Message', description: 'One sentence; its wording may improve between versions: match on `code`.' }),
    ...diagnosticPlace,
    item: string({
      title: 'Item',
      description: 'What it is about, as a path of ids (`phases[build]/tasks[code]/owner`) that stays when lines move; absent for the file as a whole. Baselines match findings by it.',
    }),
    help: string({ title: 'Help', description: 'What to do about it; absent when there is nothing to add.' }),
    related: list(
      { title: 'Related', description: 'Other places that belong to the finding (the first of two duplicates, the other links of a cycle).' },
      object(
        { title: 'Related place', description: 'Another place that belongs to the finding.' },
        { message: text({ title: 'Message', description: 'What is there.' }), ...diagnosticPlace },
        ['message', 'file', 'range', 'pointer'],
      ),
    ),
    fix: ref({ fix }, 'fix', { title: 'Fix', description: 'The fix, when one is certain: `planc fix` applies it; editors and agents may apply it themselves.' }),
    suggestions: list(
      { title: 'Suggestions', description: 'Fixes that need someone to choose, applied only when asked (a duplicate id renamed: `planc fix --rename-duplicates`).' },
      use({ fix }, 'fix'),
    ),
  },
  ['code', 'rule', 'severity', 'message', 'file', 'range', 'pointer', 'related'],
);

/** The definitions the schema's `$ref`s point into; each is a section of docs/plan-json.md. */
const defs = { phase, task, milestone, risk, verification, stage, decision, diagram, ...shared, diagnostic, fix, range };

const items = <K extends keyof typeof defs>(name: K, d: Documented) => list(d, use(defs, name));

export const planJsonDefinition = schemaDocument(
  {
    $id: PLAN_JSON_SCHEMA_ID,
    title: 'planc plan.json',
    description:
      '`planc build` writes `<out>/<plan-id>/plan.json` for every plan without errors: the whole plan as analysed, for other tools (and the site). Durations and schedule figures are plain numbers of **working days** from the plan\'s start (day 0 is the first working day on or after `start`); dates are `YYYY-MM-DD` and appear only when the plan has a `start`. Output is deterministic (byte-identical for the same input and planc version) and written atomically. Fields are only ever added; `planc.format` changes if one must ever change meaning. Absent optional values are left out, never `null`.',
  },
  {
    planc: object(
      { title: 'planc', description: 'What wrote the file.' },
      {
        version: text({ title: 'Version', description: 'The planc version that wrote it.' }),
        format: integer({ title: 'Format', description: 'The format of the file: 1.' }, { const: 1 }),
      },
      ['version', 'format'],
    ),
    id: text({ title: 'Id', description: 'The plan id (from `id`, or the file name).' }),
    file: text({ title: 'File', description: 'The plan file, relative to the working folder.' }),
    title: fromThePlan('Title'),
    kind: sameValues({ title: 'Kind', description: 'What sort of plan it is (`implementation` when not written).' }, planKind),
    status: sameValues({ title: 'Status', description: 'Where it stands (`draft` when not written).' }, planStatus),
    owner: fromThePlan('Owner'),
    tags: textList({ title: 'Tags', description: 'As written in the plan.' }, 'A tag'),
    start: date({ title: 'Start', description: 'The first working day, when the plan has a `start`.' }),
    finish: date({ title: 'Finish', description: 'The last working day, when the plan has a `start`.' }),
    duration: days({ title: 'Duration', description: 'Working days from start to the last finish (T), when the plan is scheduled.' }),
    calendar: object(
      { title: 'Calendar', description: 'The calendar used, when the plan has a `start`.' },
      {
        workdays: list({ title: 'Working days', description: 'The days of the week work happens on.' }, sameValues({ title: 'Weekday', description: 'A day of the week.' }, weekday)),
        holidays: list({ title: 'Holidays', description: 'The plan\'s and the config\'s holidays, in order.' }, date({ title: 'Holiday', description: 'A date with no work.' })),
      },
      ['workdays', 'holidays'],
    ),
    estimates: object(
      { title: 'Estimates', description: 'Working days per effort size, as used (the plan\'s, else the config\'s, else the defaults).' },
      Object.fromEntries(SIZES.map((name) => [name, days({ title: name, description: `Working days of a task of effort \`${name}\`.` })])) as Record<Size, TNumber>,
      SIZES,
    ),
    capacity: record(
      { title: 'Capacity', description: 'Tasks each owner can run at once, as written in the plan (others have the config\'s `schedule.capacity`).' },
      Type.Integer({ minimum: 1, title: 'Parallel tasks', description: 'Tasks the owner can run at once.' }),
    ),
    scheduled: boolean({ title: 'Scheduled', description: '`false` when the plan takes part in a dependency cycle (then no schedule figures).' }),
    repository: object(
      { title: 'Repository', description: 'The repository the tasks\' paths were resolved against, when they were (a task names code).' },
      {
        source: oneOfValues({ title: 'Source', description: 'How its files were listed.' }, [
          ['git', 'the files git tracks (`git ls-files`)'],
          ['walk', 'a walk of the folder, honouring `.gitignore` (outside git)'],
        ]),
        codeowners: text({ title: 'CODEOWNERS', description: 'The CODEOWNERS file read, relative to the repository root, when there is one.' }),
      },
      ['source'],
    ),
    criticalPath: ids({ title: 'Critical path', description: 'The ids of one critical chain, in order (milestones and stages included).' }),
    criticalPaths: list(
      { title: 'Critical paths', description: 'Every critical chain (at most 20).' },
      ids({ title: 'Critical chain', description: 'The ids of one critical chain, in order.' }),
    ),
    nearCritical: ids({ title: 'Near-critical', description: 'Ids with total float under `schedule.nearCritical` (2 days by default), but not critical.' }),
    peakParallelism: object(
      { title: 'Peak parallelism', description: 'The most tasks running at once in the early schedule, when, and which.' },
      {
        tasks: integer({ title: 'Tasks', description: 'How many tasks run at once.' }),
        at: days({ title: 'At', description: 'When, in working days.' }),
        date: date({ title: 'Date', description: 'The day, when the plan has a `start`.' }),
        ids: ids({ title: 'Ids', description: 'The tasks running then.' }),
      },
      ['tasks', 'at', 'ids'],
    ),
    statusDate: date({
      title: 'Status date',
      description:
        'The day progress was judged on (`--status-date` or `statusDate`), for a plan with a `start`: `start`, `finish`, `duration` and every timing are then the forecast from it, and `planned` holds the plan as written.',
    }),
    planned: object(
      { title: 'Planned', description: 'With a status date: the plan as written, scheduled without it (the baseline).' },
      {
        start: date({ title: 'Start', description: 'The planned first working day.' }),
        finish: date({ title: 'Finish', description: 'The planned last working day.' }),
        duration: days({ title: 'Duration', description: 'Planned working days from start to the last finish.' }),
      },
      ['duration'],
    ),
    late: object(
      { title: 'Late', description: 'With a status date: what is behind the plan on it, by id, in plan order.' },
      {
        notStarted: ids({ title: 'Not started', description: 'Tasks that should have started before the status date and are still to do or blocked.' }),
        overdue: ids({ title: 'Overdue', description: 'Tasks that should have finished before it and are not done.' }),
        milestones: ids({ title: 'Overdue milestones', description: 'Milestones due before it and not reached.' }),
      },
      ['notStarted', 'overdue', 'milestones'],
    ),
    progress: object(
      { title: 'Progress', description: 'Working days of work done against all (cancelled tasks left out; a task part done counts by its `progress`).' },
      {
        done: days({ title: 'Done', description: 'Working days of work done.' }),
        total: days({ title: 'Total', description: 'Working days of all tasks.' }),
        percent: integer({ title: 'Percent', description: 'Done against total, rounded.' }),
      },
      ['done', 'total', 'percent'],
    ),
    rollbackCoverage: object(
      { title: 'Rollback coverage', description: 'How much of the plan can be rolled back. Units are phases, rollout stages and irreversible tasks.' },
      {
        covered: integer({ title: 'Covered', description: 'Units with a rollback or recovery.' }),
        total: integer({ title: 'Total', description: 'All units.' }),
        percent: integer({ title: 'Percent', description: 'Covered against total, rounded (100 without units).' }),
        uncovered: list(
          { title: 'Uncovered', description: 'The units without one.' },
          object(
            { title: 'Uncovered unit', description: 'A unit without a rollback or recovery.' },
            {
              kind: oneOfValues({ title: 'Kind', description: 'What the unit is.' }, [
                ['phase', 'a phase: needs a rollback trigger and steps, its own or the plan\'s'],
                ['stage', 'a rollout stage: needs a rollback trigger and a rollback plan'],
                ['task', 'an irreversible task: needs its own recovery'],
              ]),
              id: text({ title: 'Id', description: 'Its id.' }),
              missing: textList({ title: 'Missing', description: 'What it lacks: `trigger`, `steps`, `rollback trigger`, `rollback plan` or `recovery`.' }, 'What is missing'),
            },
            ['kind', 'id', 'missing'],
          ),
        ),
        pointsOfNoReturn: ids({ title: 'Points of no return', description: 'The ids of the irreversible tasks, in plan order.' }),
      },
      ['covered', 'total', 'percent', 'uncovered', 'pointsOfNoReturn'],
    ),
    pert: object(
      { title: 'PERT', description: 'The critical path\'s expected duration and σ, when the plan has three-point estimates.' },
      {
        expected: days({ title: 'Expected', description: 'The expected duration, in working days.' }),
        sigma: number({ title: 'σ', description: 'Its standard deviation.' }),
      },
      ['expected', 'sigma'],
    ),
    monteCarlo: object(
      { title: 'Monte Carlo', description: 'Simulated finish percentiles, when the plan has three-point estimates.' },
      {
        runs: integer({ title: 'Runs', description: 'The number of simulated runs.' }),
        seed: integer({ title: 'Seed', description: 'The random seed.' }),
        p50: days({ title: 'P50', description: 'The finish half the runs meet, in working days.' }),
        p80: days({ title: 'P80', description: 'The finish 80 % of the runs meet.' }),
        p95: days({ title: 'P95', description: 'The finish 95 % of the runs meet.' }),
        p50Date: date({ title: 'P50 date', description: 'The day of P50, when the plan has a `start`.' }),
        p80Date: date({ title: 'P80 date', description: 'The day of P80.' }),
        p95Date: date({ title: 'P95 date', description: 'The day of P95.' }),
      },
      ['runs', 'seed', 'p50', 'p80', 'p95'],
    ),
    summary: fromThePlan('Summary'),
    goals: textList({ title: 'Goals', description: 'As written in the plan.' }, 'A goal'),
    nonGoals: textList({ title: 'Non-goals', description: 'As written in the plan.' }, 'A non-goal'),
    constraints: textList({ title: 'Constraints', description: 'As written in the plan.' }, 'A constraint'),
    assumptions: textList({ title: 'Assumptions', description: 'As written in the plan.' }, 'An assumption'),
    questions: textList({ title: 'Open questions', description: 'As written in the plan.' }, 'An open question'),
    successCriteria: list(
      { title: 'Success criteria', description: 'The measurable outcomes.' },
      object(
        { title: 'Success criterion', description: 'A measurable outcome and what verifies it.' },
        {
          id: text({ title: 'Id', description: 'The criterion id.' }),
          text: fromThePlan('Criterion'),
          verifiedBy: list({ title: 'Verified by', description: 'The checkpoints or tasks that show it is met.' }, use(defs, 'reference')),
        },
        ['id', 'text', 'verifiedBy'],
      ),
    ),
    decisions: items('decision', { title: 'Decisions', description: 'The decision records.' }),
    phases: items('phase', { title: 'Phases', description: 'The phases, in order.' }),
    tasks: items('task', { title: 'Tasks', description: 'Every task, phase by phase.' }),
    milestones: items('milestone', { title: 'Milestones', description: 'The milestones: `at` is when each is reached.' }),
    risks: items('risk', { title: 'Risks', description: 'Phase risks, then plan-wide ones.' }),
    verification: items('verification', { title: 'Verification', description: 'Phase checkpoints, then plan-wide ones.' }),
    rollback: ref(defs, 'rollback', { title: 'Rollback', description: 'The plan-wide rollback.' }),
    rollout: object(
      { title: 'Rollout', description: 'The rollout, when the plan has one.' },
      {
        strategy: sameValues({ title: 'Strategy', description: 'As written in the plan.' }, rolloutStrategy),
        flag: fromThePlan('Feature flag'),
        after: list({ title: 'After', description: 'What the first stage waits for, as written.' }, use(defs, 'reference')),
        rollback: ref(defs, 'rollback', { title: 'Rollback', description: 'The rollout\'s rollback.' }),
        stages: items('stage', { title: 'Stages', description: 'The stages, in order.' }),
      },
      ['stages'],
    ),
    monitoring: object(
      { title: 'Monitoring', description: 'What is watched while the change lands, as written.' },
      {
        alerts: list({ title: 'Alerts', description: 'Alerts to configure.' }, alert),
        dashboards: list({ title: 'Dashboards', description: 'Dashboards to watch.' }, dashboard),
      },
      ['alerts', 'dashboards'],
    ),
    dependencies: object(
      { title: 'Dependencies', description: 'What the plan needs from other teams and from outside, as written.' },
      {
        internal: list({ title: 'Internal', description: 'Work other teams must deliver.' }, internalDependency),
        external: list({ title: 'External', description: 'Libraries, services and vendors.' }, externalDependency),
      },
      ['internal', 'external'],
    ),
    architecture: items('diagram', { title: 'Architecture', description: 'The architecture diagrams.' }),
    migration: object(
      { title: 'Migration', description: 'The migration, when the plan has one.' },
      {
        overview: list({ title: 'Overview', description: 'Each aspect that changes.' }, migrationAspect),
        strategy: sameValues({ title: 'Strategy', description: 'As written in the plan.' }, rolloutStrategy),
        data: object(
          { title: 'Data migration', description: 'How the data moves.' },
          {
            strategy: sameValues({ title: 'Strategy', description: 'As written in the plan.' }, dataStrategy),
            steps: textList({ title: 'Steps', description: 'As written in the plan.' }, 'A step'),
            validation: textList({ title: 'Validation', description: 'As written in the plan.' }, 'A check'),
          },
          ['strategy', 'steps', 'validation'],
        ),
      },
      ['overview'],
    ),
    diagnostics: items('diagnostic', {
      title: 'Diagnostics',
      description: 'The plan file\'s diagnostics: warnings and notes, and milestones past due on the status date (a plan with any other error is not built).',
    }),
  },
  [
    'planc', 'id', 'file', 'title', 'kind', 'status', 'tags', 'estimates', 'capacity', 'scheduled', 'criticalPath', 'criticalPaths',
    'nearCritical', 'progress', 'rollbackCoverage', 'goals', 'nonGoals', 'constraints', 'assumptions', 'questions', 'successCriteria',
    'decisions', 'phases', 'tasks', 'milestones', 'risks', 'verification', 'monitoring', 'dependencies', 'architecture', 'diagnostics',
  ],
  defs,
);

/** A plan.json, as `planJson()` returns it. */
export type PlanJson = Static<typeof planJsonDefinition>;
