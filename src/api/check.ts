// "Check these plans", once: a compiler session used for one check.
import type { CheckResult } from './result.ts';
import { CompilerSession, type CheckRequest, type SessionOptions } from './session.ts';

export interface CheckOptions extends SessionOptions, CheckRequest {}

/** Checks the plans `paths` name (by default the configured ones). Throws UsageError for a request that cannot be carried out. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  return new CompilerSession(options).check(options);
}
