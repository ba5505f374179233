// plan.json's schema, compiled the way planc compiles its own schemas, for tests that check
// emitted plan.json files against it.
import type { ValidateFunction } from 'ajv';
import { generatedSchema } from '../../src/schema/generated.ts';
import { createAjv } from '../../src/validate/ajv.ts';

export function planJsonValidator(): ValidateFunction {
  return createAjv().compile(generatedSchema('plan-json.schema.json'));
}

/** ajv's errors, one line each, for a failure message. */
export function problems(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}
