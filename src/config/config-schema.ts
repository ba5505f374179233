// The schema of planc.config.yaml at run time: schema/config.schema.json, generated from
// src/schema/config-definition.ts.
import { generatedSchema } from '../schema/generated.ts';

export const configSchema = generatedSchema('config.schema.json');
