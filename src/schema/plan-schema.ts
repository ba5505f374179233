// The plan language at run time: schema/plan.schema.json, generated from plan-definition.ts.
import { generatedSchema } from './generated.ts';

export const planSchema = generatedSchema('plan.schema.json');
