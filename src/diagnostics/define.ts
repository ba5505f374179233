import type { Severity } from './types.ts';

/** A file of a diagnostic's example: text, or bytes given as a latin1 string. */
export type ExampleFile = string | { latin1: string };

export interface DiagnosticDefinition<Payload = Record<string, unknown>> {
  /** Permanent; never reused for another meaning. */
  code: string;
  /** The rule name used in config (`rules: { <name>: warning }`) and in outputs. */
  name: string;
  severity: Severity;
  /** Whether config may change the severity or turn the rule off. */
  configurable: boolean;
  title: string;
  message: (payload: Payload) => string;
  help?: (payload: Payload) => string | undefined;
  /** What the diagnostic means (the site's page per code). */
  explanation: string;
  /** How to fix it. */
  fix: string;
  /** What `planc fix` changes, for the findings it can fix with certainty (src/api/fix.ts). */
  autofix?: string;
  /** A small repository that produces it: file name → content. A test checks each. */
  example?: Record<string, ExampleFile>;
  /**
   * An error about how the plan is going rather than what it says (a milestone past due on
   * the status date): the plan is still built, since its documents are where people see
   * how late it is. Other errors leave the plan out of the outputs.
   */
  keepsOutputs?: boolean;
}

/** An example file as text to show: bytes that are no text written as `\xNN`, and said so. */
export function exampleText(content: ExampleFile): string {
  return typeof content === 'string' ? content : `${content.latin1.replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`)}  # (bytes, shown escaped)`;
}

export function define<Payload>(definition: DiagnosticDefinition<Payload>): DiagnosticDefinition<Payload> {
  return definition;
}

/** `a`, `a or b`, `a, b or c` — each quoted with backticks. */
export function quoteList(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((value) => `\`${value}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
