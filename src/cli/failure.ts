// What planc says of an error that ends a command, or, under a watcher, one run of it: a
// request that cannot be carried out (the user's; exit code 2), or a bug in planc (exit 3,
// with a bug-report hint, and the stack with PLANC_DEBUG=1).
import { internalError } from '../diagnostics/catalogue.ts';
import { EXIT, UsageError, type Io } from './io.ts';

export interface Failure {
  kind: 'usage' | 'internal';
  message: string;
  hint?: string;
  /** As printed on standard error. */
  text: string;
  exit: number;
}

const BUG = 'This is a bug in planc, not in your plan. Please report it with the command and the files that trigger it.';

export function describeFailure(error: unknown, env: Io['env']): Failure {
  if (error instanceof UsageError) {
    return { kind: 'usage', message: error.message, ...(error.hint ? { hint: error.hint } : {}), text: `planc: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`, exit: EXIT.usage };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const message = `internal error (${internalError.code}): ${detail}`;
  const stack = env.PLANC_DEBUG ? `${error instanceof Error ? error.stack : ''}\n` : 'Set PLANC_DEBUG=1 to print the stack trace.\n';
  return { kind: 'internal', message, hint: BUG, text: `planc: ${message}\n${BUG}\n${stack}`, exit: EXIT.internal };
}
