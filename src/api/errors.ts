// What the library throws when a request cannot be carried out as asked: a named path that
// does not exist, no plan file matched, an output folder it must not write into. The
// user's input is wrong, not planc (the CLI prints it and exits with code 2); anything
// else thrown is a bug in planc.

export class UsageError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
