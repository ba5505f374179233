// A diagnostic is data: a permanent code, a rule name, a severity, a message built from a
// typed payload, and a location. Stages record offsets; line and column are worked out
// once, when the result is handed to a reporter (see source.ts).

export type Severity = 'error' | 'warning' | 'info';

/** Findings by severity. */
export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/** Where something is: a file, the span in it and the JSON pointer of the value. */
export interface Location {
  file: string;
  span: Span;
  pointer: string;
}

/** 1-based line and column (columns count UTF-16 code units, as editors and SARIF do). */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A change to a file's text: `span` replaced by `text` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  text: string;
}

/**
 * The YAML scalar at `span` given another value, written in the scalar's own style (its
 * quotes kept) once the file's text is at hand (src/diagnostics/fix.ts): a stage that holds
 * no text, such as link, can still say what a fix replaces.
 */
export interface ScalarEdit {
  span: Span;
  scalar: string;
}

/**
 * A change that resolves a diagnostic, as ESLint and TypeScript give code fixes: edits of
 * the diagnostic's file, applied together or not at all (src/api/fix.ts applies them).
 */
export interface Fix {
  /** What it does, for people: "Rename `titel` to `title`". */
  description: string;
  edits: Array<TextEdit | ScalarEdit>;
}

/** A fix as reporters and tools show it: each edit's range in lines and columns. */
export interface ResolvedFix {
  description: string;
  edits: Array<{ range: Range; text: string }>;
}

export interface RelatedInformation {
  message: string;
  location: Location;
}

export interface Diagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  help?: string;
  location: Location;
  related: RelatedInformation[];
  /** The payload the message was built from. */
  data: Record<string, unknown>;
  /** What it is about, as a path of ids (src/diagnostics/item-path.ts); set where the pointer is walked. */
  item?: string;
  /** The fix when there is one that is certain (`planc fix` applies it). */
  fix?: Fix;
  /** Fixes that need someone to choose (a duplicate id renamed: `planc fix --rename-duplicates`). */
  suggestions?: Fix[];
}

/** A diagnostic with line/column ranges, as reporters and plan.json show it. */
export interface ResolvedDiagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  pointer: string;
  /** What it is about, as a path of ids: `phases[build]/tasks[code]/owner` (absent for the file as a whole). */
  item?: string;
  help?: string;
  related: Array<{ message: string; file: string; range: Range; pointer: string }>;
  /** The certain fix, when there is one: `planc fix` applies it; editors and agents may too. */
  fix?: ResolvedFix;
  /** Fixes that need a choice, applied only when asked (`planc fix --rename-duplicates`). */
  suggestions?: ResolvedFix[];
}
