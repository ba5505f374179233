// A revision's files, read from git's objects: the repository around the working folder,
// a ref resolved to its commit, the merge base of two, the files of a commit's tree
// (`git ls-tree`, with their sizes) and their bytes (`git cat-file --batch`, one process
// for all of them). Nothing is checked out; the working tree is never touched.
import { isAbsolute, join, relative } from 'node:path';
import { firstLine, git, GitProblem, gitText, type GitContext } from './git.ts';

export interface Repository {
  /** The top folder of the working tree, absolute. */
  root: string;
  /** Whether this is a shallow clone (part of the history is missing). */
  shallow: boolean;
  /** git run at the top folder. */
  context: GitContext;
}

export interface TreeFile {
  /** Relative to the repository's top folder, with `/`. */
  path: string;
  oid: string;
  size: number;
  /** A symbolic link is listed, not followed (its blob is the link's target). */
  link: boolean;
}

/** What to do when a shallow clone lacks the history a diff needs. */
export const FETCH_HINT =
  'Fetch the history it needs: with actions/checkout, set `fetch-depth: 0`; in a clone, run `git fetch --unshallow` (or fetch the base branch).';

/** The repository the folder is in; a GitProblem when it is in none. */
export async function openRepository(context: GitContext): Promise<Repository> {
  const found = await git(['rev-parse', '--show-toplevel', '--is-shallow-repository'], context);
  if (found.status !== 0) {
    throw new GitProblem(
      `${context.cwd} is not in a git repository (${firstLine(found.stderr) || `git exited with ${found.status}`})`,
      'planc diff compares the plans of two revisions: run it inside a git repository (git init, or a clone).',
    );
  }
  const [root, shallow] = gitText(found.stdout).trim().split('\n');
  return { root: root!, shallow: shallow === 'true', context: { ...context, cwd: root! } };
}

/** A ref that git would read as an option is refused, whatever follows. */
function checkRef(ref: string): void {
  if (ref.trim() === '' || ref.startsWith('-')) throw new GitProblem(`\`${ref}\` is not a revision`, 'Name a branch, tag or commit (origin/main, v1.2, a1b2c3d, HEAD~1).');
}

/** The commit a ref names, or undefined when there is none. */
async function resolveCommit(repository: Repository, ref: string): Promise<string | undefined> {
  checkRef(ref);
  const found = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repository.context);
  return found.status === 0 ? gitText(found.stdout).trim() : undefined;
}

/** The commit of a ref; a GitProblem that says what to do when it is not there (a shallow clone: fetch the history). */
export async function commitOf(repository: Repository, ref: string): Promise<string> {
  const commit = await resolveCommit(repository, ref);
  if (commit) return commit;
  if (repository.shallow) throw new GitProblem(`the revision \`${ref}\` is not in this shallow clone`, FETCH_HINT);
  throw new GitProblem(`there is no revision \`${ref}\` in this repository`, 'Name a branch, tag or commit (git branch -a lists the branches; fetch a remote one first).');
}

/** The best common ancestor of two commits; a GitProblem when there is none. */
export async function mergeBase(repository: Repository, a: string, b: string, names: [string, string]): Promise<string> {
  const found = await git(['merge-base', '--end-of-options', a, b], repository.context);
  if (found.status === 0) return gitText(found.stdout).trim();
  if (repository.shallow) throw new GitProblem(`this shallow clone does not hold the merge base of \`${names[0]}\` and \`${names[1]}\``, FETCH_HINT);
  throw new GitProblem(`\`${names[0]}\` and \`${names[1]}\` have no common history`, 'Name the base revision with --base.');
}

/**
 * The branch a change is compared with when no base is named: in a GitHub pull request,
 * the branch it targets (`GITHUB_BASE_REF`, fetched as `origin/<branch>`: a GitProblem
 * when the clone lacks it, rather than a comparison with some other branch); otherwise
 * the remote's default branch (`origin/HEAD`), `main` or `master`.
 */
export async function defaultBranch(repository: Repository): Promise<string | undefined> {
  const pullRequest = repository.context.env.GITHUB_BASE_REF;
  if (pullRequest) {
    const branch = `origin/${pullRequest}`;
    if (await resolveCommit(repository, branch)) return branch;
    throw new GitProblem(`the pull request's base branch \`${branch}\` is not in this clone`, FETCH_HINT);
  }
  for (const candidate of ['origin/HEAD', 'main', 'master']) {
    if (await resolveCommit(repository, candidate)) return candidate;
  }
  return undefined;
}

/** Every file of a commit's tree (submodules left out). */
export async function listTree(repository: Repository, commit: string): Promise<TreeFile[]> {
  const listed = await git(['ls-tree', '-r', '-z', '--long', '--full-tree', commit], repository.context);
  if (listed.status !== 0) throw new GitProblem(`could not list the files of ${commit} (${firstLine(listed.stderr)})`);
  const files: TreeFile[] = [];
  // `<mode> <type> <oid> <size>\t<path>`, NUL-terminated; sizes are right-aligned.
  for (const entry of gitText(listed.stdout).split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(entry);
    if (!match || match[2] !== 'blob') continue;
    files.push({ path: match[5]!, oid: match[3]!, size: Number(match[4]), link: match[1] === '120000' });
  }
  return files;
}

/** The bytes of blobs, by object id: one `git cat-file --batch` for all of them. */
export async function readBlobs(repository: Repository, oids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  const wanted = [...new Set(oids)];
  if (wanted.length === 0) return blobs;
  const read = await git(['cat-file', '--batch'], repository.context, `${wanted.join('\n')}\n`);
  if (read.status !== 0) throw new GitProblem(`could not read files from git's objects (${firstLine(read.stderr)})`);
  const out = read.stdout;
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(0x0a, at);
    if (end === -1) break;
    // `<oid> <type> <size>`, then the content and a line feed; `<oid> missing` for none.
    const [oid, type, size] = gitText(out.subarray(at, end)).split(' ');
    at = end + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    blobs.set(oid!, out.subarray(at, at + length));
    at += length + 1;
  }
  return blobs;
}

/** A path inside the repository (relative to its top, with `/`) as seen from a folder; undefined when outside. */
export function repositoryPath(repository: Repository, path: string): string | undefined {
  const rel = relative(repository.root, isAbsolute(path) ? path : join(repository.root, path)).split('\\').join('/');
  return rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? undefined : rel;
}
