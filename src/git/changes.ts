// The files a change touches, as `planc impact` reads them: what a branch changed since it
// left its base (`git diff --name-only <merge base> HEAD`), or what the working tree
// changed against HEAD (staged, unstaged, and new files git does not ignore). Paths are
// relative to a folder of the repository (`--relative`): the root the plans' paths are
// relative to, which may lie below the repository's top.
import { firstLine, git, GitProblem, gitText, type GitContext } from './git.ts';
import { commitOf, mergeBase, openRepository } from './revision.ts';

const paths = (output: Uint8Array) =>
  gitText(output)
    .split('\0')
    .filter((path) => path !== '');

/** `--no-renames`: a rename counts as both of its paths, so the old one is still found in the area of the task that had it. */
const DIFF = ['diff', '--name-only', '--no-renames', '--relative', '-z'];

/**
 * The files changed under `context.cwd`, relative to it, sorted: since `base` (from the
 * merge base of `base` and HEAD, what a pull request changes), or, without a base, in the
 * working tree. A GitProblem when the folder is in no repository, the base is not there
 * (a shallow clone: fetch the history), or there is no commit yet.
 */
export async function changedFiles(context: GitContext, base?: string): Promise<string[]> {
  const repository = await openRepository(context);
  const here = { ...repository.context, cwd: context.cwd };
  if (base !== undefined) {
    const [from, head] = [await commitOf(repository, base), await commitOf(repository, 'HEAD')];
    const start = await mergeBase(repository, from, head, [base, 'HEAD']);
    return sorted(await run([...DIFF, start, head, '--'], here, `what changed since \`${base}\``));
  }
  await commitOf(repository, 'HEAD').catch(() => {
    throw new GitProblem('the repository has no commit yet, so there is nothing to compare the working tree with', 'Commit first, or name the changed files.');
  });
  const changed = await run([...DIFF, 'HEAD', '--'], here, 'what changed in the working tree');
  const added = await run(['ls-files', '--others', '--exclude-standard', '-z'], here, 'which files are new');
  return sorted([...changed, ...added]);
}

async function run(args: string[], context: GitContext, what: string): Promise<string[]> {
  const ran = await git(args, context);
  if (ran.status !== 0) throw new GitProblem(`git cannot tell ${what} (${firstLine(ran.stderr) || `git exited with ${ran.status}`})`);
  return paths(ran.stdout);
}

function sorted(files: string[]): string[] {
  return [...new Set(files)].sort();
}
