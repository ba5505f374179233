// Writes schema/plan.schema.json from src/schema/plan-schema.ts (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { planSchema } from '../src/schema/plan-schema.ts';

writeFileSync(new URL('../schema/plan.schema.json', import.meta.url), `${JSON.stringify(planSchema, null, 2)}\n`);
