// The golden-file helper writes only when asked to (UPDATE=1): a missing file fails.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden } from './golden.ts';

describe('expectGolden', () => {
  const folder = mkdtempSync(join(tmpdir(), 'planc-golden-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  it('fails on a missing file, with the way to write it, and writes nothing', () => {
    for (const ci of ['', 'true']) {
      vi.stubEnv('UPDATE', '');
      vi.stubEnv('CI', ci);
      const path = join(folder, `missing-${ci || 'local'}`, 'out.txt');
      expect(() => expectGolden(path, 'new\n')).toThrow(/^missing golden file .*out\.txt: run UPDATE=1 npm test to write it/);
      expect(existsSync(path)).toBe(false);
    }
  });

  it('fails on a file that differs, and leaves it as it was', () => {
    vi.stubEnv('UPDATE', '');
    const path = join(folder, 'differs.txt');
    writeFileSync(path, 'old\n');
    expect(() => expectGolden(path, 'new\n')).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(() => expectGolden(path, 'old\n')).not.toThrow();
  });

  it('writes missing and differing files under UPDATE=1', () => {
    vi.stubEnv('UPDATE', '1');
    const path = join(folder, 'update', 'deep', 'out.txt');
    expectGolden(path, 'first\n');
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expectGolden(path, 'second\n');
    expect(readFileSync(path, 'utf8')).toBe('second\n');
  });
});
