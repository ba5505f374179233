// YAML parsing alone, and schema validation alone, over every plan file of a folder (in
// one fresh process, as `planc check` would meet them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { planSchema } from '../../dist/schema/plan-schema.js';
import { compileSchema } from '../../dist/validate/validate.js';

const folder = process.argv[2]!;
const texts = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
let started = performance.now();
const values = texts.map((text) => parseAllDocuments(text)).map((documents) => (documents as unknown as Array<{ toJS(): unknown }>)[0]!.toJS());
const yaml = performance.now() - started;
const validate = compileSchema(planSchema);
started = performance.now();
for (const value of values) if (!validate(value)) throw new Error('a generated plan is invalid');
const validation = performance.now() - started;
console.log(JSON.stringify({ yaml, validation }));
