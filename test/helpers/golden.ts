// Golden files: expected outputs committed next to the tests. Only `UPDATE=1 npm test`
// writes them (review the diff before committing); otherwise a missing one fails like a
// wrong one, so no test ever passes against an expectation nobody reviewed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './repo.ts';

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file ${relative(ROOT, path)}: run UPDATE=1 npm test to write it, then review it before committing`);
  }
  expect(actual, relative(ROOT, path)).toBe(readFileSync(path, 'utf8'));
}
