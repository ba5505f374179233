// The plan language, v1, defined once: `schema/plan.schema.json` is generated from this
// module (`npm run schema`; a test fails when the committed file drifts), and the types of a
// plan document (`RawPlan`, …) and of the language's enumerations (`Size`, `TaskStatus`, …)
// are derived from it at the end of this file. Only the scripts and tests import this module
// as a value (it loads TypeBox); planc's own code imports its types alone.
import { Type, type Static } from 'typebox';
import {
  DURATION_PATTERN,
  LAG_PATTERN,
  MAX_DAYS,
  REF_PATTERN,
  boolean,
  fragment,
  id,
  list,
  markdown,
  number,
  object,
  oneOfValues,
  record,
  ref,
  refList,
  schemaDocument,
  string,
  text,
  textList,
  textOrObject,
  use,
} from './helpers.ts';

const SCHEMA_ID = 'https://planc.dev/schema/plan.schema.json';

/** A duration or a lag as written: working days, or text with a unit. */
type DurationText = number | string;

const duration = (title: string, description: string) => fragment<DurationText>({
  title,
  description: `${description} A number of working days, or a string with a unit: \`4h\` (hours, 8 per day), \`3d\` (days), \`2w\` (weeks of 5 days).`,
  type: ['number', 'string'],
  minimum: 0,
  maximum: MAX_DAYS,
  pattern: DURATION_PATTERN,
  patternDescription: 'a duration such as 3, 0.5d, 4h or 2w',
  examples: ['3d', '0.5d', '2w', '4h', 2],
});

const date = (title: string, description: string) =>
  string({ title, description: `${description} An ISO date, \`YYYY-MM-DD\`.` }, { format: 'date', examples: ['2026-12-07'] });

export const size = oneOfValues(
  { title: 'Effort size', description: 'A T-shirt size, turned into working days through the plan\'s `estimates`.' },
  [
    ['XS', 'extra small: half a day by default'],
    ['S', 'small: 1 day by default'],
    ['M', 'medium: 3 days by default'],
    ['L', 'large: 5 days by default'],
    ['XL', 'extra large: 10 days by default'],
  ],
);

export const dependencyType = oneOfValues(
  { title: 'Dependency type', description: 'How the two items are linked. Defaults to `FS`.' },
  [
    ['FS', 'finish-to-start: this item starts after the predecessor finishes'],
    ['SS', 'start-to-start: this item starts after the predecessor starts'],
    ['FF', 'finish-to-finish: this item finishes after the predecessor finishes'],
    ['SF', 'start-to-finish: this item finishes after the predecessor starts'],
  ],
  { default: 'FS' },
);

const dependency = textOrObject(
  {
    title: 'Dependency',
    description:
      'What this item waits for: the id of a task, phase or milestone (a phase means every task of that phase), `other-plan#id` for an item of another plan, or an object with a dependency type and a lag.',
  },
  { pattern: REF_PATTERN, patternDescription: 'an id (`item-id`) or a cross-plan reference (`other-plan#item-id`)' },
  {
    id: string(
      { title: 'Predecessor', description: 'The id of the task, phase or milestone waited for; `other-plan#id` for another plan\'s item.' },
      { pattern: REF_PATTERN, patternDescription: 'an id (`item-id`) or a cross-plan reference (`other-plan#item-id`)' },
    ),
    type: dependencyType,
    lag: fragment<DurationText>({
      title: 'Lag',
      description:
        'Working days added to the link (negative for a lead): a number, or a string with a unit (`1d`, `-4h`, `1w`). Defaults to 0.',
      type: ['number', 'string'],
      minimum: -MAX_DAYS,
      maximum: MAX_DAYS,
      pattern: LAG_PATTERN,
      patternDescription: 'a lag such as 1, -0.5, 1d, -4h or 1w',
      default: 0,
      examples: ['1d', '-4h'],
    }),
  },
  ['id'],
  {
    // Examples of one type: an object among strings is offered by editors as `[object Object]`.
    examples: ['jwt-library', 'auth-service-plan#token-schema'],
    defaultSnippets: [{ label: 'dependency with a type and a lag', body: { id: '$1', type: 'SS', lag: '1d' } }],
  },
);

const rollback = object(
  {
    title: 'Rollback plan',
    description:
      'How to undo the change: what triggers a rollback and the steps to take. A phase without one inherits the plan\'s.',
  },
  {
    trigger: text(
      { title: 'Trigger', description: 'The condition that starts a rollback, as measurable as possible.' },
      { examples: ['Auth error rate > 0.5% for 5 minutes'] },
    ),
    steps: textList(
      { title: 'Steps', description: 'The rollback steps, in order.' },
      'A rollback step',
      { minItems: 1, examples: [['Set feature flag USE_JWT_AUTH = false', 'Users automatically fall back to sessions']] },
    ),
    dataRecovery: markdown({
      title: 'Data recovery',
      description: 'What happens to data written since the change, and how it is recovered.',
    }),
    owner: text({ title: 'Owner', description: 'Who decides on and runs the rollback.' }),
    duration: duration('Time to roll back', 'How long the rollback takes.'),
  },
);

const recovery = textOrObject(
  {
    title: 'Recovery',
    description:
      'For an irreversible task (`reversible: false`): how to recover if it goes wrong, since it cannot simply be undone. Text, or an object with steps.',
  },
  { minLength: 1 },
  {
    steps: textList({ title: 'Recovery steps', description: 'The recovery steps, in order.' }, 'A recovery step', {
      minItems: 1,
    }),
    dataRecovery: markdown({ title: 'Data recovery', description: 'How lost or corrupted data is recovered.' }),
  },
  ['steps'],
  { examples: ['Restore the sessions table from the pre-migration snapshot'] },
);

export const riskCategory = oneOfValues({ title: 'Category', description: 'The kind of risk.' }, [
  ['technical', 'the implementation could be harder or wrong'],
  ['integration', 'components or teams may not fit together'],
  ['performance', 'speed, load or capacity may not hold'],
  ['security', 'confidentiality, integrity or availability could be harmed'],
  ['data', 'data could be lost, corrupted or inconsistent'],
  ['operational', 'running, deploying or supporting the system could suffer'],
  ['schedule', 'the plan could take longer than planned'],
  ['compliance', 'legal, regulatory or policy requirements could be broken'],
]);

export const riskStatus = oneOfValues({ title: 'Status', description: 'Where the risk stands. Defaults to `open`.' }, [
  ['open', 'it could still happen: watched, its mitigation under way'],
  ['mitigated', 'the mitigation is in place'],
  ['accepted', 'left as it is, knowingly'],
  ['closed', 'it can no longer happen'],
], { default: 'open' });

export const probability = oneOfValues({ title: 'Probability', description: 'How likely the risk is to happen.' }, [
  ['low', 'unlikely'],
  ['medium', 'about as likely as not'],
  ['high', 'likely'],
]);

export const impact = oneOfValues(
  { title: 'Impact', description: 'How bad it would be. A `high` or `critical` risk needs a mitigation.' },
  [
    ['low', 'a nuisance'],
    ['medium', 'noticeable harm, recoverable'],
    ['high', 'serious harm: needs a mitigation'],
    ['critical', 'severe harm to users or the business: needs a mitigation'],
  ],
);

const risk = object(
  { title: 'Risk', description: 'Something that could go wrong, how likely it is, how bad it would be, and what is done about it.' },
  {
    id: id({ title: 'Risk id', description: 'A unique id for the risk within the plan.' }, 'library-vulnerability'),
    risk: text(
      { title: 'Risk', description: 'The risk, in a short sentence.' },
      { examples: ['Library security issues'] },
    ),
    description: markdown({ title: 'Description', description: 'More about the risk: causes, signals, context.' }),
    category: riskCategory,
    probability,
    impact,
    mitigation: markdown(
      { title: 'Mitigation', description: 'What is done to make the risk less likely or less harmful.' },
      { examples: ['Audit selected library'] },
    ),
    contingency: markdown({ title: 'Contingency', description: 'What is done if the risk happens anyway.' }),
    owner: text({ title: 'Owner', description: 'Who watches the risk.' }),
    status: riskStatus,
  },
  ['id', 'risk', 'probability', 'impact'],
  {
    defaultSnippets: [
      {
        label: 'risk',
        body: { id: '$1', risk: '$2', probability: 'low', impact: 'medium', mitigation: '$3' },
      },
    ],
  },
);

const verification = object(
  {
    title: 'Verification checkpoint',
    description: 'A check that shows the work does what it should: a command to run and what it should return, or a manual check.',
  },
  {
    id: id({ title: 'Verification id', description: 'A unique id, which success criteria can name in `verifiedBy`.' }, 'refresh-load-test'),
    title: text({ title: 'Title', description: 'What is checked.' }, { examples: ['Test token generation'] }),
    description: markdown({ title: 'Description', description: 'How to check it, when a command does not say it all.' }),
    run: text(
      { title: 'Command', description: 'The command that performs the check (shown in a code block).' },
      { examples: ['curl -X POST /api/v2/auth/login -d \'{"email":"…"}\''] },
    ),
    expect: text(
      { title: 'Expected result', description: 'What the command should return or show.' },
      { examples: ['{ "token": "eyJ…", "refresh": "…" }'] },
    ),
  },
  ['id', 'title'],
);

export const weekday = oneOfValues({ title: 'Weekday', description: 'A day of the week.' }, [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
]);

export const calendarDefinition = object(
  {
    title: 'Calendar',
    description: 'Which days are working days. Defaults to Monday to Friday with no holidays.',
  },
  {
    workdays: list({ title: 'Working days', description: 'The days of the week on which work happens.' }, weekday, {
      minItems: 1,
      uniqueItems: true,
      default: ['mon', 'tue', 'wed', 'thu', 'fri'],
    }),
    holidays: list(
      { title: 'Holidays', description: 'Dates on which no work happens.' },
      Type.String({ format: 'date', title: 'Holiday', description: 'A date, `YYYY-MM-DD`.' }),
      { uniqueItems: true, examples: [['2026-12-25', '2027-01-01']] },
    ),
  },
);

export const estimatesDefinition = object(
  {
    title: 'Estimates',
    description: 'The working days each effort size stands for. Defaults: XS 0.5d, S 1d, M 3d, L 5d, XL 10d.',
  },
  {
    XS: duration('XS', 'Extra small.'),
    S: duration('S', 'Small.'),
    M: duration('M', 'Medium.'),
    L: duration('L', 'Large.'),
    XL: duration('XL', 'Extra large.'),
  },
);

/** The definitions the schema's `$ref`s point into (`#/$defs/<name>`). */
const defs = {
  dependency,
  rollback,
  risk,
  verification,
  calendar: calendarDefinition,
  estimates: estimatesDefinition,
};

const dependsOn = list(
  {
    title: 'Depends on',
    description:
      'The items this one waits for. A phase id stands for every task of that phase; `other-plan#id` reaches into another plan checked together with this one.',
  },
  use(defs, 'dependency'),
  { uniqueItems: true, examples: [['jwt-library'], ['prep', 'auth-service-plan#token-schema']] },
);

export const taskStatus = oneOfValues({ title: 'Status', description: 'Where the task stands. Defaults to `todo`.' }, [
  ['todo', 'not started'],
  ['in-progress', 'being worked on'],
  ['done', 'finished; it keeps its place in the schedule'],
  ['blocked', 'cannot go on until something else happens'],
  ['cancelled', 'will not be done; it takes no time in the schedule'],
], { default: 'todo' });

const task = object(
  { title: 'Task', description: 'A unit of work with an owner, an estimate and dependencies.' },
  {
    id: id({ title: 'Task id', description: 'A unique id for the task within the plan.' }, 'token-generation'),
    title: text({ title: 'Title', description: 'What is done, as an action.' }, { examples: ['Implement token generation'] }),
    description: markdown({ title: 'Description', description: 'Details of the work.' }),
    owner: text({ title: 'Owner', description: 'The person or team doing the work.' }, { examples: ['backend'] }),
    effort: size,
    duration: duration('Duration', 'How long the task takes, instead of an `effort` size.'),
    estimate: object(
      {
        title: 'Three-point estimate',
        description:
          'An uncertain duration: the schedule uses the PERT mean (a + 4m + b) / 6, and the simulation samples between optimistic and pessimistic.',
      },
      {
        optimistic: duration('Optimistic', 'The duration if everything goes well.'),
        likely: duration('Most likely', 'The most likely duration.'),
        pessimistic: duration('Pessimistic', 'The duration if things go badly.'),
      },
      ['optimistic', 'likely', 'pessimistic'],
      { examples: [{ optimistic: '2d', likely: '3d', pessimistic: '6d' }] },
    ),
    dependsOn,
    status: taskStatus,
    progress: number(
      {
        title: 'Progress',
        description:
          'The share of the task\'s work done, from 0 to 1 (`0.4` is 40 %), for a task that is `in-progress` (or `blocked` part way). A `done` task counts as 1 and a `cancelled` one as 0 whatever it says; without it, none of the work counts as done. With a status date, the rest of the work is scheduled from that date.',
      },
      { minimum: 0, maximum: 1, examples: [0.4] },
    ),
    reversible: boolean(
      {
        title: 'Reversible',
        description:
          'Whether the task can be undone. `false` marks a point of no return, which needs a `recovery`. Defaults to `true`.',
      },
      { default: true },
    ),
    recovery,
    rollback: ref(defs, 'rollback', { title: 'Rollback', description: 'How to undo this task, when it differs from its phase\'s rollback.' }),
    touches: textList(
      {
        title: 'Touches',
        description:
          'The code the task changes: paths or globs relative to the repository root (a folder means everything in it). Each must match a file the repository tracks.',
      },
      'A path or glob',
      { examples: [['src/auth/**', 'config/gateway.yaml']] },
    ),
    creates: textList(
      {
        title: 'Creates',
        description:
          'Code the task will create, which does not exist yet: paths or globs relative to the repository root. Exempt from the check that a path matches a file; a pattern that already matches files is reported.',
      },
      'A path or glob',
      { examples: [['src/auth/jwt/**']] },
    ),
    tests: textList(
      {
        title: 'Tests',
        description: 'The tests that verify the task: paths or globs relative to the repository root, resolved like `touches`.',
      },
      'A path or glob',
      { examples: [['test/auth/**']] },
    ),
    acceptance: textList(
      { title: 'Acceptance criteria', description: 'What must be true for the task to be done.' },
      'An acceptance criterion',
      { examples: [['All endpoints accept JWT authentication']] },
    ),
  },
  ['id', 'title'],
  {
    dependentSchemas: {
      effort: { properties: { duration: false, estimate: false } },
      duration: { properties: { estimate: false } },
    },
    defaultSnippets: [
      { label: 'task', body: { id: '$1', title: '$2', owner: '$3', effort: 'M', dependsOn: [] } },
    ],
  },
);

const phase = object(
  { title: 'Phase', description: 'A stage of the plan: a group of tasks with deliverables, risks, checks and a rollback.' },
  {
    id: id({ title: 'Phase id', description: 'A unique id; naming it in `dependsOn` means every task of the phase.' }, 'core'),
    title: text({ title: 'Title', description: 'The phase name.' }, { examples: ['Core implementation'] }),
    summary: markdown({ title: 'Summary', description: 'What the phase achieves.' }),
    owner: text({ title: 'Owner', description: 'Who is accountable for the phase; its tasks default to this owner.' }),
    dependsOn: list(
      {
        title: 'Depends on',
        description: 'What every task of this phase waits for: tasks, phases or milestones, here or in other plans.',
      },
      use(defs, 'dependency'),
      { uniqueItems: true, examples: [['prep']] },
    ),
    tasks: list({ title: 'Tasks', description: 'The work of this phase.' }, task, { minItems: 1 }),
    deliverables: textList(
      { title: 'Deliverables', description: 'What the phase produces.' },
      'A deliverable',
      { examples: [['Token generation working']] },
    ),
    risks: list({ title: 'Risks', description: 'The risks of this phase.' }, use(defs, 'risk')),
    verification: list(
      { title: 'Verification', description: 'Checkpoints that show the phase works.' },
      use(defs, 'verification'),
    ),
    rollback: ref(defs, 'rollback', { title: 'Rollback', description: 'How to undo this phase; without one, the plan\'s rollback applies.' }),
  },
  ['id', 'title', 'tasks'],
  {
    defaultSnippets: [
      { label: 'phase', body: { id: '$1', title: '$2', tasks: [{ id: '$3', title: '$4', effort: 'M' }] } },
    ],
  },
);

export const alternative = object(
  { title: 'Alternative', description: 'An option that was considered.' },
  {
    option: text({ title: 'Option', description: 'The alternative.' }, { examples: ['Opaque tokens + Redis'] }),
    rejectedBecause: markdown({ title: 'Rejected because', description: 'Why it was not chosen.' }),
  },
  ['option'],
);

export const decisionStatus = oneOfValues({ title: 'Status', description: 'Where the decision stands. Defaults to `proposed`.' }, [
  ['proposed', 'under discussion'],
  ['accepted', 'agreed and in force'],
  ['rejected', 'considered and turned down'],
  ['superseded', 'replaced by a later decision'],
  ['deprecated', 'no longer applies'],
], { default: 'proposed' });

const decision = object(
  {
    title: 'Decision record',
    description: 'An architecture or design decision: its context, what was decided, the alternatives and the consequences.',
  },
  {
    id: id({ title: 'Decision id', description: 'A unique id for the decision.' }, 'jwt-over-sessions'),
    title: text({ title: 'Title', description: 'The decision in a few words.' }, { examples: ['Stateless JWT instead of server sessions'] }),
    status: decisionStatus,
    date: date('Date', 'When the decision was made.'),
    context: markdown({ title: 'Context', description: 'The forces at play: why a decision is needed.' }),
    decision: markdown({ title: 'Decision', description: 'What was decided.' }),
    alternatives: list(
      { title: 'Alternatives', description: 'The options considered and why they were not chosen.' },
      alternative,
    ),
    consequences: textList(
      { title: 'Consequences', description: 'What follows from the decision, good and bad.' },
      'A consequence',
    ),
    supersedes: string(
      { title: 'Supersedes', description: 'The id of the decision this one replaces (`other-plan#id` for another plan\'s).' },
      { pattern: REF_PATTERN, patternDescription: 'an id (`item-id`) or a cross-plan reference (`other-plan#item-id`)' },
    ),
  },
  ['id', 'title', 'decision'],
);

const successCriterion = object(
  { title: 'Success criterion', description: 'A measurable outcome that says the plan succeeded, and how it is verified.' },
  {
    id: id({ title: 'Criterion id', description: 'A unique id for the criterion.' }, 'fast-refresh'),
    text: text({ title: 'Criterion', description: 'The outcome, measurable where possible.' }, { examples: ['Token refresh completes < 100ms'] }),
    verifiedBy: refList(
      {
        title: 'Verified by',
        description: 'The verification checkpoints or tasks that show the criterion is met.',
      },
      ['refresh-load-test'],
    ),
  },
  ['id', 'text'],
);

const milestone = object(
  { title: 'Milestone', description: 'A point in the plan reached when the items it waits for are done.' },
  {
    id: id({ title: 'Milestone id', description: 'A unique id for the milestone.' }, 'core-complete'),
    title: text({ title: 'Title', description: 'What has been reached.' }, { examples: ['Core complete'] }),
    after: refList(
      { title: 'After', description: 'The phases, tasks, rollout stages or milestones that must be done first.' },
      ['core'],
    ),
    due: date('Due date', 'The target date; a schedule that reaches the milestone later is reported as a slip.'),
  },
  ['id', 'title', 'after'],
);

const rolloutStage = object(
  { title: 'Rollout stage', description: 'One step of the staged rollout: who gets the change, for how long, and what triggers a rollback.' },
  {
    id: id({ title: 'Stage id', description: 'A unique id for the stage.' }, 'canary-5-percent'),
    title: text({ title: 'Title', description: 'The stage name.' }, { examples: ['5% of users'] }),
    audience: text({ title: 'Audience', description: 'Who gets the change in this stage.' }, { examples: ['internal users'] }),
    percent: number(
      { title: 'Traffic share', description: 'The share of users or traffic on the new path, in percent.' },
      { minimum: 0, maximum: 100 },
    ),
    duration: duration('Duration', 'How long the stage lasts before the next one starts.'),
    rollbackTrigger: text(
      { title: 'Rollback trigger', description: 'The condition that rolls this stage back.' },
      { examples: ['Error rate > 0.1%'] },
    ),
    exitCriteria: textList(
      { title: 'Exit criteria', description: 'What must hold before moving to the next stage.' },
      'An exit criterion',
    ),
  },
  ['id', 'title'],
);

export const direction = oneOfValues({ title: 'Direction', description: 'The direction of the flow. Defaults to `LR`.' }, [
  ['LR', 'left to right'],
  ['RL', 'right to left'],
  ['TB', 'top to bottom'],
  ['BT', 'bottom to top'],
], { default: 'LR' });

export const nodeKind = oneOfValues({ title: 'Kind', description: 'What the component is; it sets the shape. Defaults to `service`.' }, [
  ['service', 'a running service (rectangle)'],
  ['store', 'a database or other store (cylinder)'],
  ['queue', 'a queue or stream (parallelogram)'],
  ['client', 'a client: browser, app, caller (rounded)'],
  ['external', 'a system outside our control (double border)'],
  ['function', 'a function or job (hexagon)'],
], { default: 'service' });

export const nodeChange = oneOfValues({ title: 'Change', description: 'What the plan does to the component. Defaults to `unchanged`.' }, [
  ['unchanged', 'stays as it is'],
  ['new', 'added by the plan'],
  ['changed', 'modified by the plan'],
  ['removed', 'removed by the plan'],
], { default: 'unchanged' });

export const edgeStyle = oneOfValues({ title: 'Style', description: 'How the connection is drawn. Defaults to `sync`.' }, [
  ['sync', 'a request (solid arrow)'],
  ['async', 'a message or event (dotted arrow)'],
  ['data', 'a data flow (thick arrow)'],
], { default: 'sync' });

const architectureDiagram = object(
  { title: 'Architecture diagram', description: 'Components and how they connect, drawn as a flowchart.' },
  {
    id: id({ title: 'Diagram id', description: 'A unique id; the diagram is written to `architecture-<id>.mmd`.' }, 'auth-flow'),
    title: text({ title: 'Title', description: 'What the diagram shows.' }, { examples: ['Authentication flow'] }),
    description: markdown({ title: 'Description', description: 'What to notice in the diagram.' }),
    direction,
    groups: list(
      { title: 'Groups', description: 'Boxes that gather nodes (drawn as subgraphs).' },
      object(
        { title: 'Group', description: 'A box around related nodes.' },
        {
          id: id({ title: 'Group id', description: 'A unique id within the diagram.' }, 'backend'),
          label: text({ title: 'Label', description: 'The text on the box.' }),
          parent: string(
            { title: 'Parent group', description: 'The id of the group this one sits in.' },
            { pattern: '^[a-z0-9][a-z0-9-]*$', patternDescription: 'a group id' },
          ),
        },
        ['id', 'label'],
      ),
    ),
    nodes: list(
      { title: 'Nodes', description: 'The components.' },
      object(
        { title: 'Node', description: 'A component of the architecture.' },
        {
          id: id({ title: 'Node id', description: 'A unique id within the diagram.' }, 'auth-service'),
          label: text({ title: 'Label', description: 'The text shown on the node.' }, { examples: ['Auth Service'] }),
          kind: nodeKind,
          group: string(
            { title: 'Group', description: 'The id of the group the node sits in.' },
            { pattern: '^[a-z0-9][a-z0-9-]*$', patternDescription: 'a group id' },
          ),
          change: nodeChange,
        },
        ['id', 'label'],
      ),
      { minItems: 1 },
    ),
    edges: list(
      { title: 'Edges', description: 'The connections between nodes.' },
      object(
        { title: 'Edge', description: 'A connection from one node to another.' },
        {
          from: text({ title: 'From', description: 'The id of the node the connection starts at.' }, { pattern: '^[a-z0-9][a-z0-9-]*$', patternDescription: 'a node id' }),
          to: text({ title: 'To', description: 'The id of the node the connection goes to.' }, { pattern: '^[a-z0-9][a-z0-9-]*$', patternDescription: 'a node id' }),
          label: text({ title: 'Label', description: 'What flows along the connection.' }, { examples: ['JWT Token'] }),
          style: edgeStyle,
        },
        ['from', 'to'],
      ),
    ),
  },
  ['id', 'title', 'nodes'],
);

const strategies = [
  ['big-bang', 'switch everything at once'],
  ['canary', 'move a small share first, then grow it'],
  ['blue-green', 'run two environments and switch traffic between them'],
  ['strangler-fig', 'replace the old system piece by piece'],
  ['parallel-run', 'run old and new side by side and compare'],
  ['shadow', 'mirror traffic to the new system without affecting users'],
  ['feature-flag', 'turn the change on behind a flag'],
] as const;

const capacity = record(
  {
    title: 'Capacity',
    description:
      'How many tasks each owner can work on at once (default 1, or the config\'s `schedule.capacity`). Overlapping tasks beyond it are reported.',
  },
  Type.Integer({ minimum: 1, title: 'Parallel tasks', description: 'Tasks the owner can run at once.' }),
  { examples: [{ backend: 3, platform: 1 }] },
);

export const alertSeverity = oneOfValues({ title: 'Severity', description: 'How urgent it is.' }, [
  ['info', 'worth a look'],
  ['warning', 'needs attention soon'],
  ['critical', 'wakes someone up'],
]);

export const alert = object(
  { title: 'Alert', description: 'A condition that notifies someone.' },
  {
    name: text({ title: 'Name', description: 'What is measured.' }, { examples: ['JWT validation failures'] }),
    condition: text({ title: 'Condition', description: 'When the alert fires.' }, { examples: ['> 10/min'] }),
    severity: alertSeverity,
    notify: text({ title: 'Notify', description: 'Who or which channel is told.' }),
  },
  ['name', 'condition'],
);

export const dashboard = object(
  { title: 'Dashboard', description: 'A dashboard.' },
  {
    title: text({ title: 'Title', description: 'The dashboard name.' }),
    url: text({ title: 'Address', description: 'Where it is (http or https).' }, { pattern: '^https?://', patternDescription: 'an http(s) address' }),
  },
  ['title'],
);

export const internalDependency = object(
  { title: 'Internal dependency', description: 'Something another team delivers.' },
  {
    name: text({ title: 'Name', description: 'What is needed.' }, { examples: ['API Gateway update'] }),
    owner: text({ title: 'Owner', description: 'The team that delivers it.' }, { examples: ['platform'] }),
    status: text({ title: 'Status', description: 'Where it stands.' }),
  },
  ['name'],
);

export const externalDependency = object(
  { title: 'External dependency', description: 'Something from outside the organisation.' },
  {
    name: text({ title: 'Name', description: 'The library, service or vendor.' }, { examples: ['jsonwebtoken'] }),
    version: text({ title: 'Version', description: 'The version range used.' }, { examples: ['9.x'] }),
    purpose: text({ title: 'Purpose', description: 'What it is used for.' }, { examples: ['token blacklist'] }),
  },
  ['name'],
);

export const migrationAspect = object(
  { title: 'Aspect', description: 'One thing that changes.' },
  {
    aspect: text({ title: 'Aspect', description: 'What changes.' }, { examples: ['Data store'] }),
    current: text({ title: 'Current', description: 'What it is now.' }, { examples: ['Redis'] }),
    target: text({ title: 'Target', description: 'What it becomes.' }, { examples: ['PostgreSQL'] }),
  },
  ['aspect', 'current', 'target'],
);

export const planKind = oneOfValues({ title: 'Kind', description: 'What sort of plan this is. Defaults to `implementation`.' }, [
  ['implementation', 'building a feature or capability'],
  ['migration', 'moving from one system, store or version to another'],
  ['refactoring', 'restructuring code without changing behaviour'],
  ['debt-reduction', 'paying down technical debt'],
], { default: 'implementation' });

export const planStatus = oneOfValues({ title: 'Status', description: 'Where the plan stands. Defaults to `draft`.' }, [
  ['draft', 'being written'],
  ['proposed', 'ready for review'],
  ['approved', 'agreed; work may start'],
  ['in-progress', 'being carried out'],
  ['done', 'finished'],
  ['cancelled', 'abandoned'],
], { default: 'draft' });

export const rolloutStrategy = oneOfValues({ title: 'Strategy', description: 'How the change is rolled out.' }, strategies);

export const dataStrategy = oneOfValues({ title: 'Strategy', description: 'How data is moved.' }, [
  ['dual-write', 'write to both stores during the transition'],
  ['etl', 'extract, transform and load in batches'],
  ['event-sourcing', 'rebuild the new store from the event log'],
  ['backfill', 'copy history in the background while new data flows'],
  ['snapshot', 'copy a frozen snapshot during a maintenance window'],
]);

export const planDefinition = schemaDocument(
  {
    $id: SCHEMA_ID,
    title: 'planc plan',
    description:
      'An implementation, migration or refactoring plan, checked and scheduled by planc. Add `# yaml-language-server: $schema=<path to plan.schema.json>` at the top of the file for completion and hover help.',
  },
  {
    $schema: string({ title: 'Schema', description: 'The JSON schema of this file (editors read it).' }),
    id: id({ title: 'Plan id', description: 'The plan\'s id; defaults to the file name without its extension. Other plans reach this one\'s items as `<id>#<item>`.' }, 'jwt-auth-refactor'),
    title: text({ title: 'Title', description: 'The plan\'s title.' }, { maxLength: 200, examples: ['User authentication refactor'] }),
    kind: planKind,
    status: planStatus,
    owner: text({ title: 'Owner', description: 'The person or team accountable for the plan; tasks default to it.' }, { examples: ['backend'] }),
    start: date('Start date', 'When work starts. Without it the schedule is in working days only.'),
    calendar: ref(defs, 'calendar', { title: 'Calendar', description: 'Working days and holidays for the schedule.' }),
    estimates: ref(defs, 'estimates', { title: 'Estimates', description: 'Working days per effort size.' }),
    capacity,
    summary: markdown(
      { title: 'Executive summary', description: 'What the plan does and why, in a paragraph or two.' },
      { examples: ['Migrate from session-based to JWT authentication to support microservices architecture.'] },
    ),
    goals: textList({ title: 'Goals', description: 'What the plan sets out to achieve.' }, 'A goal', {
      examples: [['Replace session cookies with JWT tokens', 'Enable stateless authentication']],
    }),
    nonGoals: textList({ title: 'Non-goals', description: 'What the plan deliberately does not do.' }, 'A non-goal'),
    constraints: textList(
      { title: 'Constraints', description: 'Technical, resource, timeline or compatibility limits the plan must respect.' },
      'A constraint',
      { examples: [['Maintain backward compatibility for 30 days']] },
    ),
    assumptions: textList({ title: 'Assumptions', description: 'What the plan takes for granted.' }, 'An assumption'),
    questions: textList(
      { title: 'Open questions', description: 'Questions for stakeholders that the plan cannot answer yet.' },
      'An open question',
    ),
    successCriteria: list(
      { title: 'Success criteria', description: 'Measurable outcomes, each with what verifies it.' },
      successCriterion,
    ),
    decisions: list({ title: 'Decisions', description: 'The decision records of the plan.' }, decision),
    phases: list({ title: 'Phases', description: 'The stages of work, in order.' }, phase, { minItems: 1 }),
    milestones: list({ title: 'Milestones', description: 'Points worth marking, with optional due dates.' }, milestone),
    risks: list({ title: 'Risks', description: 'Risks of the plan as a whole (phases have their own).' }, use(defs, 'risk')),
    verification: list(
      { title: 'Verification', description: 'Checkpoints for the plan as a whole (phases have their own).' },
      use(defs, 'verification'),
    ),
    rollback: ref(defs, 'rollback', { title: 'Rollback plan', description: 'The plan-wide rollback; phases without their own inherit it.' }),
    rollout: object(
      { title: 'Rollout', description: 'How the change reaches users: the strategy, the feature flag and the stages.' },
      {
        strategy: rolloutStrategy,
        flag: text({ title: 'Feature flag', description: 'The flag that turns the change on.' }, { examples: ['USE_JWT_AUTH'] }),
        after: refList(
          {
            title: 'After',
            description:
              'What the first stage waits for. Defaults to every task that does not itself wait for a rollout stage.',
          },
          ['integration'],
        ),
        stages: list({ title: 'Stages', description: 'The rollout stages, in order; each starts when the previous one ends.' }, rolloutStage, {
          minItems: 1,
        }),
        rollback: ref(defs, 'rollback', { title: 'Rollback', description: 'How to roll the rollout back; stages use its trigger unless they have their own.' }),
      },
      ['stages'],
    ),
    monitoring: object(
      { title: 'Monitoring', description: 'What is watched while the change lands.' },
      {
        alerts: list(
          { title: 'Alerts', description: 'Alerts to configure.' },
          alert,
        ),
        dashboards: list(
          { title: 'Dashboards', description: 'Dashboards to watch.' },
          dashboard,
        ),
      },
    ),
    dependencies: object(
      { title: 'Dependencies', description: 'What the plan needs from other teams and from outside.' },
      {
        internal: list(
          { title: 'Internal dependencies', description: 'Work other teams must deliver.' },
          internalDependency,
        ),
        external: list(
          { title: 'External dependencies', description: 'Libraries, services and vendors.' },
          externalDependency,
        ),
      },
    ),
    architecture: list({ title: 'Architecture', description: 'Architecture diagrams.' }, architectureDiagram),
    migration: object(
      { title: 'Migration', description: 'For a migration: what changes, the strategy and how data moves.' },
      {
        overview: list(
          { title: 'Overview', description: 'Each aspect that changes, from current to target.' },
          migrationAspect,
        ),
        strategy: oneOfValues({ title: 'Strategy', description: 'How the migration moves traffic.' }, strategies),
        data: object(
          { title: 'Data migration', description: 'How the data moves from the old system to the new.' },
          {
            strategy: dataStrategy,
            steps: textList(
              { title: 'Steps', description: 'The data-migration steps, in order.' },
              'A data-migration step',
              { examples: [['Initial bulk migration', 'Continuous sync during transition', 'Final sync and cutover', 'Validation and reconciliation']] },
            ),
            validation: textList(
              { title: 'Validation', description: 'How the migrated data is checked.' },
              'A validation check',
            ),
          },
          ['strategy', 'steps'],
        ),
      },
    ),
    tags: textList({ title: 'Tags', description: 'Free labels for grouping plans.' }, 'A tag', { uniqueItems: true }),
  },
  ['title', 'phases'],
  defs,
);

// The types of a plan document as the schema admits it (before defaults and resolution):
// what `build` reads, derived from the definitions above and never written out again.
export type RawPlan = Static<typeof planDefinition>;
export type RawPhase = RawPlan['phases'][number];
export type RawTask = RawPhase['tasks'][number];
export type RawDependency = Exclude<Static<typeof dependency>, string>;
export type RawRecovery = Static<typeof recovery>;
export type RawRollback = Static<typeof rollback>;
export type RawRisk = Static<typeof risk>;
export type RawVerification = Static<typeof verification>;
export type RawDecision = Static<typeof decision>;
export type RawDiagram = Static<typeof architectureDiagram>;
export type RawCalendar = Static<typeof calendarDefinition>;

// The language's enumerations, from the values the schema lists.
export type Size = Static<typeof size>;
export type DependencyType = Static<typeof dependencyType>;
export type PlanKind = Static<typeof planKind>;
export type PlanStatus = Static<typeof planStatus>;
export type TaskStatus = Static<typeof taskStatus>;
export type DecisionStatus = Static<typeof decisionStatus>;
export type Probability = Static<typeof probability>;
export type Impact = Static<typeof impact>;
export type RiskCategory = Static<typeof riskCategory>;
export type RiskStatus = Static<typeof riskStatus>;
export type Weekday = Static<typeof weekday>;
export type Direction = Static<typeof direction>;
export type NodeKind = Static<typeof nodeKind>;
export type NodeChange = Static<typeof nodeChange>;
export type EdgeStyle = Static<typeof edgeStyle>;
export type Strategy = Static<typeof rolloutStrategy>;
export type DataStrategy = Static<typeof dataStrategy>;
export type AlertSeverity = Static<typeof alertSeverity>;
