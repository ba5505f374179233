// What the library throws when a request cannot be carried out as asked: a named path that
// does not exist, no plan file matched, an output folder it must not write into. The
// user's input is wrong, not planc (the CLI prints it and exits with code 2); anything
// else thrown is a bug in planc.
import type { ConfigResult } from './config.ts';

export class UsageError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** A request that needs the configuration, made where the configuration file has errors: they are in `result`. */
export class ConfigError extends UsageError {
  readonly result: ConfigResult;

  constructor(result: ConfigResult) {
    super('the configuration file has errors');
    this.name = 'ConfigError';
    this.result = result;
  }
}
