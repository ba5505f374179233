// The repository the plans' paths are resolved against, read from disk: the files git
// tracks (`git ls-files`), or, outside git (or without a git to run), a walk of the folder
// that honours every `.gitignore` on the way (the `ignore` package, which implements
// gitignore's rules); and the CODEOWNERS file in force. Read with the root passed in,
// never the process's working folder; kept by the compiler session while git's index and
// CODEOWNERS are unchanged, so a check (or a watch loop) does not list the files again.
//
// git is run synchronously here, not through src/git (whose runner is asynchronous): the
// compilation asks for the repository in the middle of its synchronous run, and only when
// a task names code. Finding the work tree (`findGit`) starts no process at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CodeOwners } from '../analyse/code/codeowners.ts';
import { FileIndex } from '../analyse/code/files.ts';
import type { Repository } from '../analyse/code/types.ts';
import { SITE_MARKER } from '../site/build.ts';
import { MANIFEST } from '../write/outputs.ts';
import { UsageError } from './errors.ts';

/** The files that mark a folder as planc's own output, which a walk leaves out. */
const OUTPUT_MARKERS = new Set([MANIFEST, SITE_MARKER]);

/** Where GitHub looks for CODEOWNERS, in its order. */
const CODEOWNERS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

interface Git {
  /** The work tree's top folder. */
  top: string;
  /** Its git folder (for a worktree or a submodule, where `.git` points). */
  gitDir: string;
}

/** The git work tree holding `folder`, found by looking for `.git` upwards (no process started). */
function findGit(folder: string): Git | undefined {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      const info = statSync(dotGit);
      if (info.isDirectory()) return { top: dir, gitDir: dotGit };
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
      if (pointer) return { top: dir, gitDir: resolve(dir, pointer[1]!) };
    } catch {
      // No .git here: look further up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where a configuration's repository is: its root, and the git work tree holding it. */
export interface RepositoryLocation {
  root: string;
  git: Git | undefined;
}

/**
 * The repository of a configuration: `code.root`, else the git work tree's top, else the
 * config's folder; with the work tree, found once (a check locates it once, and reads,
 * stamps and lists with what it found). Found again for every check, so a folder that
 * becomes a repository (`git init`) while a session watches is seen at the next check.
 */
export function locateRepository(configured: string | undefined, configRoot: string): RepositoryLocation {
  if (configured !== undefined) return { root: configured, git: findGit(configured) };
  const git = findGit(configRoot);
  return { root: git?.top ?? configRoot, git };
}

/** The files git tracks under `root`, relative to it; undefined when git cannot say (not installed, not a repository). */
function gitFiles(root: string): string[] | undefined {
  const listed = spawnSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (listed.error || listed.status !== 0) return undefined;
  return listed.stdout.split('\0').filter((path) => path !== '');
}

/** Every file under `root` that no `.gitignore` on its way excludes (nothing inside `.git`, nor planc's own outputs). */
function walkFiles(root: string): string[] {
  const files: string[] = [];
  const rules: Array<{ folder: string; ignore: Ignore }> = [];
  // The deepest .gitignore that has a say decides, as in git (a `!` line there takes a file back).
  const ignored = (path: string, folder: boolean) => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i]!;
      const { ignored: out, unignored: back } = rule.ignore.test(`${rule.folder === '' ? path : path.slice(rule.folder.length + 1)}${folder ? '/' : ''}`);
      if (out) return true;
      if (back) return false;
    }
    return false;
  };
  const visit = (folder: string) => {
    const here = folder === '' ? root : join(root, folder);
    let entries;
    try {
      entries = readdirSync(here, { withFileTypes: true });
    } catch {
      return;
    }
    // planc's own outputs (a build's folder, a site) are not code the plans describe.
    if (folder !== '' && entries.some((entry) => OUTPUT_MARKERS.has(entry.name) && entry.isFile())) return;
    const gitignore = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
    const depth = rules.length;
    if (gitignore) {
      try {
        rules.push({ folder, ignore: ignore().add(readFileSync(join(here, '.gitignore'), 'utf8')) });
      } catch {
        // An unreadable .gitignore excludes nothing.
      }
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name === '.git') continue;
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const isFolder = entry.isDirectory();
      if (ignored(path, isFolder)) continue;
      if (isFolder) visit(path);
      else files.push(path);
    }
    rules.length = depth;
  };
  visit('');
  return files;
}

/** The CODEOWNERS in force: the first of GitHub's places under the root, else under the git work tree's top. */
function codeOwners(root: string, git: Git | undefined): CodeOwners | undefined {
  const bases = git && git.top !== root ? [root, git.top] : [root];
  for (const base of bases) {
    for (const name of CODEOWNERS) {
      const path = join(base, name);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      return new CodeOwners(relative(root, path).split('\\').join('/'), text, relative(base, root).split('\\').join('/'));
    }
  }
  return undefined;
}

/** Reads the repository at `root` (in `git`, the work tree holding it, when it was found already). Throws UsageError when the folder does not exist. */
export function readRepository(root: string, git: Git | undefined = findGit(root)): Repository {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`the repository root \`${root}\` is not a folder`, 'Set `code.root` in planc.config.yaml to the folder the plans\' paths are relative to.');
  }
  const tracked = git ? gitFiles(root) : undefined;
  const files = tracked ?? walkFiles(root);
  const owners = codeOwners(root, git);
  return {
    root,
    source: tracked ? 'git' : 'walk',
    prefix: git && tracked ? relative(git.top, root).split('\\').join('/') : '',
    ...(git ? { workTree: git.top } : {}),
    files: new FileIndex(files),
    ...(owners ? { codeowners: owners } : {}),
  };
}

/** A stamp of what a repository read depends on, when it can be had without reading it: git's index and CODEOWNERS. */
function stamp({ root, git }: RepositoryLocation): string | undefined {
  if (!git) return undefined;
  const parts = [root];
  const bases = git.top !== root ? [root, git.top] : [root];
  for (const path of [join(git.gitDir, 'index'), ...bases.flatMap((base) => CODEOWNERS.map((name) => join(base, name)))]) {
    try {
      const info = statSync(path);
      parts.push(`${info.ino}:${info.size}:${info.mtimeMs}`);
    } catch {
      parts.push('-');
    }
  }
  return parts.join('|');
}

/** What a compiler session keeps of the repository between checks. */
export class RepositoryCache {
  #kept: { stamp: string; repository: Repository } | undefined;

  /** The repository at a location: the one read last, while git's index and CODEOWNERS are unchanged; else read again. */
  read(location: RepositoryLocation): Repository {
    const now = stamp(location);
    if (now !== undefined && this.#kept?.stamp === now) return this.#kept.repository;
    const repository = readRepository(location.root, location.git);
    this.#kept = now !== undefined && repository.source === 'git' ? { stamp: now, repository } : undefined;
    return repository;
  }
}
