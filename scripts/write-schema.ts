// Writes the JSON Schemas in schema/ from their typed definitions in src/schema/
// (`npm run schema`); test/schema.test.ts fails when a committed file drifts.
import { writeFileSync } from 'node:fs';
import { schemaFiles } from '../src/schema/files.ts';

for (const [name, text] of Object.entries(schemaFiles())) writeFileSync(new URL(`../${name}`, import.meta.url), text);
