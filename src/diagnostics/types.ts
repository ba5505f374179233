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
}
