// Probe: resolving 2,000 task paths against a repository of 100,000 files (a generated
// list: no files on disk). Prints, as JSON, the milliseconds of indexing the file list and
// of the code analysis (matching every path, owners, the rules, conflicts) on the built code.
const { compileFiles } = await import('../../dist/api/session.js');
const { defaultConfig } = await import('../../dist/config/config.js');
const { analyseCode } = await import('../../dist/analyse/code/analyse.js');
const { FileIndex } = await import('../../dist/analyse/code/files.js');

const FILES = 100_000;
const PATTERNS = 2_000;

// 100 packages × 20 modules × 50 files, in the order git would not give them.
const files: string[] = [];
for (let i = 0; i < FILES; i++) files.push(`packages/pkg-${(i * 7919) % 100}/src/mod-${Math.floor(i / 100) % 20}/file-${i % 50}-${Math.floor(i / 2000)}.ts`);

/**
 * A path of each common shape, made from a file of the list so that it matches: a module's
 * folder and everything in it, a glob inside one, one file, a glob across modules, now and
 * then a glob over the whole tree; one in a hundred misspelt (it matches nothing, and is
 * reported with the nearest path).
 */
function pattern(i: number): string {
  const file = files[(i * 7919) % FILES]!;
  const [, pkg, , mod, name] = file.split('/');
  const stem = name!.replace(/-\d+\.ts$/, '');
  if (i % 100 === 99) return `packages/${pkg}/src/${mod}x/${name}`;
  switch (i % 20) {
    case 0:
      return `packages/${pkg}/src/*/${stem}-*.ts`;
    case 1:
      return file;
    case 2:
      return `packages/${pkg}/src/${mod}`;
    case 3:
      return i % 400 === 3 ? `**/${name}` : `packages/${pkg}/src/${mod}/*.ts`;
    default:
      return `packages/${pkg}/src/${mod}/**`;
  }
}

const perPhase = 100;
let yaml = 'title: Big\nstart: 2027-01-04\nrollback: { trigger: Errors rise, steps: [Revert] }\nphases:\n';
for (let p = 0; p < PATTERNS / perPhase; p++) {
  yaml += `  - id: p${p}\n    title: Phase ${p}\n${p > 0 ? `    dependsOn: [p${p - 1}]\n` : ''}    tasks:\n`;
  for (let t = 0; t < perPhase; t++) {
    const i = p * perPhase + t;
    yaml += `      - { id: t${i}, title: Task ${i}, duration: 1d, ${t > 0 ? `dependsOn: [t${i - 1}], ` : ''}touches: ["${pattern(i)}"] }\n`;
  }
}
const config = defaultConfig('/repo');
const compiled = compileFiles([{ path: 'plans/big.plan.yaml', bytes: new TextEncoder().encode(yaml) }], config, { cwd: '/repo' });
const plan = compiled.plans[0];
if (!plan || compiled.summary.errors > 0) throw new Error('the generated plan does not compile');

const started = performance.now();
const index = new FileIndex(files);
const indexed = performance.now();
const code = analyseCode([{ plan, analysis: compiled.analysis.plans.get(plan)! }], { root: '/repo', source: 'git', prefix: '', files: index }, config);
const resolved = performance.now();
const matched = [...code.plans.get(plan)!.tasks.values()].reduce((sum, task) => sum + task.files.length, 0);
if (matched < PATTERNS) throw new Error(`only ${matched} files matched`);
console.log(JSON.stringify({ index: indexed - started, resolve: resolved - indexed, total: resolved - started, matched, findings: code.diagnostics.length }));
