// Scripted temporary git repositories with histories, for `planc diff`: write files, commit,
// branch, clone. git runs with a fixed identity and dates and without the user's own
// configuration, so commits are the same on every machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The environment git runs with here, and what planc is given to run git with. */
export const GIT_ENV: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Planner',
  GIT_AUTHOR_EMAIL: 'planner@example.com',
  GIT_AUTHOR_DATE: '2026-01-05T12:00:00Z',
  GIT_COMMITTER_NAME: 'Planner',
  GIT_COMMITTER_EMAIL: 'planner@example.com',
  GIT_COMMITTER_DATE: '2026-01-05T12:00:00Z',
};

export type Files = Record<string, string | Uint8Array | null>;

export interface GitRepo {
  dir: string;
  /** Runs git in the repository; throws with git's message when it fails. */
  git(...args: string[]): string;
  /** Writes files (null removes one). */
  write(files: Files): void;
  /** Writes files and commits everything; returns the commit. */
  commit(message: string, files?: Files): string;
  cleanup(): void;
}

export function runGit(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

export function gitRepo(files: Files = {}, options: { branch?: string } = {}): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), 'planc-git-'));
  const git = (...args: string[]) => runGit(dir, args);
  const write = (entries: Files) => {
    for (const [path, content] of Object.entries(entries)) {
      const target = join(dir, path);
      if (content === null) {
        rmSync(target, { force: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  };
  git('init', '-q', '-b', options.branch ?? 'main');
  write(files);
  return {
    dir,
    git,
    write,
    commit(message, more = {}) {
      write(more);
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
