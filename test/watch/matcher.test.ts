// The watcher's test of a path against the plan patterns agrees with `discover`, which
// globs the disk: for folders, globs, files named and folders not there yet.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, planMatcher } from '../../src/load/discover.ts';
import { tempRepos } from '../helpers/repo.ts';

const repo = tempRepos();

const FILES = [
  'plans/a.plan.yaml',
  'plans/b.yml',
  'plans/c.YAML',
  'plans/notes.md',
  'plans/.hidden.plan.yaml',
  'plans/.dot/d.plan.yaml',
  'plans/node_modules/e.plan.yaml',
  'plans/planc.config.yaml',
  'plans/deep/er/f.plan.yaml',
  'docs/g.plan.yaml',
  'docs/sub/h.plan.yaml',
  'docs/sub/h.txt',
  'other/i.plan.yaml',
  'j.plan.yaml',
];

describe('planMatcher', () => {
  const { dir } = repo(Object.fromEntries(FILES.map((file) => [file, 'id: x\n'])));
  const cases: string[][] = [['plans'], ['docs/**/*.plan.yaml'], ['docs/*.yaml'], ['j.plan.yaml'], ['plans', 'other/i.plan.yaml'], ['*.plan.yaml'], ['../' + dir.split('/').at(-1) + '/docs']];

  for (const patterns of cases) {
    it(`takes what discover takes for ${patterns.join(', ')}`, async () => {
      const { files } = await discover(patterns, dir);
      const matcher = planMatcher(patterns, dir);
      expect(FILES.filter((file) => matcher.matches(resolve(dir, file))).sort()).toEqual([...files].sort());
    });
  }

  it('leaves out what discover leaves out of a folder', () => {
    const matcher = planMatcher(['plans'], dir);
    expect(FILES.filter((file) => matcher.matches(resolve(dir, file)))).toEqual(['plans/a.plan.yaml', 'plans/b.yml', 'plans/deep/er/f.plan.yaml']);
  });

  it('watches the folder a glob starts from, a folder not there yet, and a file not there yet', () => {
    const matcher = planMatcher(['docs/**/*.plan.yaml', 'later', 'soon.plan.yaml'], dir);
    expect(matcher.roots).toEqual([resolve(dir, 'docs'), resolve(dir, 'later'), resolve(dir, 'soon.plan.yaml')]);
    expect(matcher.matches(resolve(dir, 'later/x/y.yaml'))).toBe(true);
    expect(matcher.matches(resolve(dir, 'later'))).toBe(false);
    expect(matcher.matches(resolve(dir, 'soon.plan.yaml'))).toBe(true);
    expect(matcher.matches(resolve(dir, 'docs/a.plan.yml'))).toBe(false);
  });
});
