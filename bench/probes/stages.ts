// YAML parsing alone, and schema validation alone, over every plan file of a folder (in
// one fresh process, as `planc check` would meet them). YAML parsing is measured twice: as
// check reads these files (the fast path of src/load/fast-yaml.ts, planc's own reader, which takes
// every generated plan) and with the yaml library's full node tree, which check builds
// only for files that have a diagnostic to show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { planSchema } from '../../dist/schema/plan-schema.js';
import { compileSchema } from '../../dist/validate/validate.js';
import { fastYaml } from '../../dist/load/fast-yaml.js';
import { DEFAULT_YAML_LIMITS } from '../../dist/load/parse.js';

const folder = process.argv[2]!;
const texts = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
let started = performance.now();
const values = texts.map((text) => {
  const fast = fastYaml(text, DEFAULT_YAML_LIMITS.maxDepth);
  if (!fast) throw new Error('the fast path declined a generated plan');
  return fast.value;
});
const fastPath = performance.now() - started;
started = performance.now();
for (const text of texts) (parseAllDocuments(text) as unknown as Array<{ toJS(): unknown }>)[0]!.toJS();
const yaml = performance.now() - started;
const validate = compileSchema(planSchema);
started = performance.now();
for (const value of values) if (!validate(value)) throw new Error('a generated plan is invalid');
const validation = performance.now() - started;
console.log(JSON.stringify({ fastPath, yaml, validation }));
