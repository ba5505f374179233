// plan.json's schema, compiled the way planc compiles its own schemas, for tests that check
// emitted plan.json files against it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** The commands that write plan.json files: the CLI helpers check each against its schema after the run. */
export const WRITERS = new Set(['build', 'site']);

let shared: ValidateFunction | undefined;

/**
 * Validates every plan.json written below `folder` since `since` (ms since the epoch), and
 * throws naming the first that does not match its schema. The CLI helpers (cli.ts, repo.ts)
 * call it after every `planc build` and `planc site`, so every plan.json the tests make is
 * checked. Returns how many were.
 */
export function validateWrittenPlanJson(folder: string, since: number): number {
  shared ??= planJsonValidator();
  let count = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'plan.json') continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes('node_modules') || statSync(path).mtimeMs < since) continue;
    if (!shared(JSON.parse(readFileSync(path, 'utf8')))) throw new Error(`${path} does not match schema/plan-json.schema.json:\n${problems(shared)}`);
    count += 1;
  }
  return count;
}
