// What the CLI needs from the process, passed in so tests can call it directly.
import type { Readable, Writable } from 'node:stream';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** All of standard input (`planc check -`). */
  readStdin(): Promise<Uint8Array>;
  /**
   * Calls `listener` once when the user asks planc to stop (Ctrl-C, which is SIGINT, or
   * SIGTERM), and returns what stops listening. A command that runs until stopped (watch,
   * preview) then closes what it opened and returns. Without it, nothing stops such a command.
   */
  onStop?(listener: (signal: string) => void): () => void;
  /** The process's own standard input and output, for a command that speaks a protocol over them (`planc mcp`); absent in-process. */
  streams?: { stdin: Readable; stdout: Writable };
  /** The current time, for `--status-date today` (tests fix it); the clock's when not given. */
  today?: () => Date;
}

/** Exit codes: what a CI job can rely on. */
export const EXIT = {
  /** Nothing at or above the failing severity. */
  clean: 0,
  /** Findings: errors, or more warnings than --max-warnings. */
  findings: 1,
  /** Bad arguments, a bad config, no plan file matched, or output that cannot be written. */
  usage: 2,
  /** A bug in planc. */
  internal: 3,
} as const;

// A problem with how planc was invoked, or a request the library cannot carry out: printed, exit code 2.
export { UsageError } from '../api/errors.ts';
