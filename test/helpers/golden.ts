// Golden files: expected outputs committed next to the tests. `UPDATE=1 npm test` rewrites
// them (review the diff before committing); a missing one is written on a developer's
// machine but fails under CI, so CI never passes against an expectation nobody reviewed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  const update = process.env.UPDATE === '1';
  if (update || (!existsSync(path) && !process.env.CI)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}; run UPDATE=1 npm test and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
