// planc's command line called in the test's own process, the way bin.ts calls it: argv and
// the process's parts (working folder, environment, two streams) passed in. No Node start-up
// per call, so behaviour tests can afford as many calls as they need; what only a real
// process shows (its exit status, closed pipes, the Node version guard) is spawned instead,
// with `planc` from ./repo.ts.
import type { OutputStream } from '../../src/cli/io.ts';
import { run } from '../../src/cli/main.ts';
import { validateWrittenPlanJson, WRITERS } from './plan-json.ts';

export interface CliRun {
  /** What run() returned: the exit code bin.ts would give the process. */
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** The whole environment planc sees: nothing of the test runner's leaks in. */
  env?: Record<string, string>;
  /** Whether the streams say they are a terminal. */
  tty?: boolean;
  /** What standard input holds. */
  stdin?: string | Uint8Array;
  /** The clock `--status-date today` reads. */
  today?: Date;
}

/** A stream that keeps what is written to it. */
function capture(isTTY: boolean): { stream: OutputStream; text(): string } {
  const chunks: string[] = [];
  return {
    stream: {
      isTTY,
      write: (text: string) => {
        chunks.push(text);
        return true;
      },
    },
    text: () => chunks.join(''),
  };
}

/** A command that runs until stopped (watch, preview), started in the test's process. */
export interface StartedCli {
  /** What it has written so far. */
  stdout(): string;
  stderr(): string;
  /** Asks it to stop, as Ctrl-C does, and waits for it to end. */
  stop(): Promise<CliRun>;
  /** Resolves when it ends (by itself, or after `stop`). */
  done: Promise<CliRun>;
}

export function startCli(args: string[], options: CliOptions): StartedCli {
  const stdout = capture(options.tty ?? false);
  const stderr = capture(options.tty ?? false);
  let stopListener: ((signal: string) => void) | undefined;
  let stopAsked = false;
  const started = Date.now() - 1000;
  const done = run(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: stdout.stream,
    stderr: stderr.stream,
    readStdin: async () => new Uint8Array(),
    onStop: (listener) => {
      stopListener = listener;
      if (stopAsked) listener('SIGINT');
      return () => (stopListener = undefined);
    },
  }).then((status) => {
    // `planc build --watch`, `planc preview`: what they wrote is checked as a build's is.
    if (WRITERS.has(args[0] ?? '') || args[0] === 'preview') validateWrittenPlanJson(options.cwd, started);
    return { status, stdout: stdout.text(), stderr: stderr.text() };
  });
  return {
    stdout: stdout.text,
    stderr: stderr.text,
    stop: () => {
      stopAsked = true;
      stopListener?.('SIGINT');
      return done;
    },
    done,
  };
}

export async function cli(args: string[], options: CliOptions): Promise<CliRun> {
  const stdout = capture(options.tty ?? false);
  const stderr = capture(options.tty ?? false);
  const started = Date.now() - 1000;
  const today = options.today;
  const status = await run(args, { cwd: options.cwd, env: options.env ?? {}, stdout: stdout.stream, stderr: stderr.stream, readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())), ...(today ? { today: () => today } : {}) });
  if (WRITERS.has(args[0] ?? '')) validateWrittenPlanJson(options.cwd, started);
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
