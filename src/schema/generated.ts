// The schemas as planc reads them at run time: the JSON files in the package's `schema/`
// folder, which `npm run schema` writes from the typed definitions beside this module (a
// test fails when a committed file differs from its definition). Reading the generated
// files, rather than building the schemas, keeps TypeBox (about 150 ms to load) out of every
// start.
import { readFileSync } from 'node:fs';
import type { JsonSchema } from './helpers.ts';

export function generatedSchema(name: 'plan.schema.json' | 'config.schema.json' | 'plan-json.schema.json'): JsonSchema {
  return JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as JsonSchema;
}
