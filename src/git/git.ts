// Running git: a real dependency of `planc diff`, which reads the files of a revision from
// git's objects and never checks anything out. git is started without a shell, with its
// arguments as a list and its working folder and environment given, so no plan name,
// path or ref can become a command; a ref that starts with `-` is refused before it could
// be read as an option.
import { spawn } from 'node:child_process';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where git runs: the working folder and the environment of its process. */
export interface GitContext {
  cwd: string;
  env: Env;
}

export interface GitOutput {
  status: number;
  stdout: Uint8Array;
  stderr: string;
}

const decoder = new TextDecoder();

/** Text git wrote (paths, ids: UTF-8). */
export function gitText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** git could not be asked, or could not answer: the user's machine or repository, not planc. */
export class GitProblem extends Error {
  readonly hint: string | undefined;
  /** `not-installed` when there is no git to run: each command says what it needed git for. */
  readonly kind: 'not-installed' | undefined;

  constructor(message: string, hint?: string, kind?: 'not-installed') {
    super(message);
    this.name = 'GitProblem';
    this.hint = hint;
    this.kind = kind;
  }
}

/** Runs `git ARGS` and collects what it writes; `input` is written to its standard input. */
export function git(args: readonly string[], context: GitContext, input?: string): Promise<GitOutput> {
  return new Promise((done, fail) => {
    // Reading only: no optional locks (git status would otherwise refresh the index), no pager, no prompt.
    const env = { ...context.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' };
    const child = spawn('git', args, { cwd: context.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? new GitProblem('git was not found', undefined, 'not-installed')
          : error,
      );
    });
    // git may exit before reading all of its input (an unknown object ends --batch early).
    child.stdin.on('error', () => undefined);
    child.on('close', (status) => done({ status: status ?? 128, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(input ?? '');
  });
}

/** The first line of what git said on standard error, for a message. */
export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') ?? '';
}
