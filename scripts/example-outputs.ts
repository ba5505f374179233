// Each catalogue example run through planc, as `planc check` would run it in a repository
// holding the example's files: its diagnostics and what the stylish reporter prints.
// `npm run docs` records the printed outputs (src/diagnostics/examples.generated.json,
// which the site shows under each code); the catalogue test checks the record is current.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from '../src/api/check.ts';
import type { CheckResult } from '../src/api/result.ts';
import { catalogue } from '../src/diagnostics/catalogue.ts';
import type { DiagnosticDefinition } from '../src/diagnostics/define.ts';
import { formatResult } from '../src/api/report.ts';
import { PLAIN } from '../src/report/terminal.ts';

/** Checks the example of `definition` in a temporary repository. */
export async function runExample(definition: DiagnosticDefinition<never>): Promise<CheckResult> {
  const dir = mkdtempSync(join(tmpdir(), `planc-example-${definition.code}-`));
  try {
    for (const [path, content] of Object.entries(definition.example ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), typeof content === 'string' ? content : Buffer.from(content.latin1, 'latin1'));
    }
    return await check({ cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `planc check` prints for a result, without colour. */
export function printed(result: CheckResult): string {
  return formatResult(result, 'stylish', PLAIN);
}

/** The printed output of every example, by code. */
export async function exampleOutputs(): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  for (const definition of catalogue) if (definition.example) outputs[definition.code] = printed(await runExample(definition));
  return outputs;
}
