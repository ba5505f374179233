// A small plan that checks clean, for tests that edit plans: two tasks in one phase;
// `depends` are the references its second task writes (`other#id` for another plan's).
export function smallPlan(id: string, depends: string[] = [], title = `Plan ${id}`): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    'rollback: { trigger: errors rise, steps: [revert] }',
    'phases:',
    '  - id: work',
    '    title: Work',
    '    tasks:',
    '      - { id: first, title: First, duration: 2d }',
    `      - { id: second, title: Second, duration: 3d, dependsOn: [${['first', ...depends].join(', ')}] }`,
    '',
  ].join('\n');
}
