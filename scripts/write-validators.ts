// Compiles the plan and config schemas to standalone validator code in dist/ (run by
// `npm run build`), so planc does not compile them with ajv on every start. It compiles the
// schemas planc reads at run time (the committed JSON, by `$id`), not their definitions.
import { mkdirSync, writeFileSync } from 'node:fs';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { configSchema } from '../src/config/config-schema.ts';
import { planSchema } from '../src/schema/plan-schema.ts';
import { createAjv } from '../src/validate/ajv.ts';

const standaloneCode = (standaloneModule as unknown as { default: typeof standaloneModule }).default ?? standaloneModule;
const ajv = createAjv({ standalone: true });
const schemas = { plan: planSchema, config: configSchema };
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const exports = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, String(schema.$id)]));
const code = (standaloneCode as unknown as (ajv: unknown, refs: Record<string, string>) => string)(ajv, exports);
const ids = Object.entries(schemas).map(([name, schema]) => `  ${JSON.stringify(schema.$id)}: ${name},`).join('\n');
const folder = new URL('../dist/validate/generated/', import.meta.url);
mkdirSync(folder, { recursive: true });
// ajv's standalone code loads its runtime helpers (equal, ucs2length, formats) with require.
const header = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
writeFileSync(new URL('validators.js', folder), `${header}${code}\n\nexport const validators = {\n${ids}\n};\n`);
