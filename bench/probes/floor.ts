// The floor `planc check` is measured against: a whole process that only reads the plan
// files of a folder, parses each with the yaml library (parseDocument, toJS) and validates
// it with a default ajv (draft 2020-12, the `date` format) against schema/plan.schema.json,
// compiled here. No positions, no model, no analysis. The yaml library is the one named by
// the second argument: `yaml` (2.x, what planc ships) or `yaml-3` (the 3.0.0-2 prerelease,
// about 3.5 times faster, against which the targets were set: the stricter floor).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
const folder = process.argv[2]!;
const { parseDocument } = (await import(process.argv[3] ?? 'yaml')) as typeof import('yaml');
const schema = JSON.parse(readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8')) as object;
// Not strict: the schema carries the keywords editors read, which planc registers.
const ajv = new Ajv2020({ strict: false });
(addFormats as unknown as (ajv: Ajv2020, formats: string[]) => void)(ajv, ['date']);
const validate = ajv.compile(schema);
let invalid = 0;
for (const name of readdirSync(folder)) {
  if (!validate(parseDocument(readFileSync(join(folder, name), 'utf8')).toJS())) invalid += 1;
}
if (invalid > 0) throw new Error(`${invalid} generated plans are invalid`);
