// What a keyword's handler is given and gives: an ajv error in, one diagnostic (a finding)
// out, placed on the YAML key or value it is about.
import type { ErrorObject } from 'ajv';
import type { DiagnosticDefinition } from '../../diagnostics/define.ts';
import type { Fix, Location, RelatedInformation, Span } from '../../diagnostics/types.ts';
import type { YamlSource } from '../../load/yaml-nodes.ts';
import type { JsonSchema } from '../../schema/helpers.ts';
import type { DocumentFacts } from './fixes.ts';

export interface ValidateInput {
  value: unknown;
  source: YamlSource;
  file: string;
  schema: JsonSchema;
}

export interface Finding {
  definition: DiagnosticDefinition<never>;
  payload: unknown;
  location: Location;
  related: RelatedInformation[];
  /** For the focus rules: the object an unknown or missing property belongs to. */
  object?: string;
  missing?: string;
  suggestion?: string;
  /** The certain fix, when there is one. */
  fix?: Fix | undefined;
}

export function finding<P>(definition: DiagnosticDefinition<P>, payload: P, location: Location, extra: Partial<Finding> = {}): Finding {
  return { definition: definition as DiagnosticDefinition<never>, payload, location, related: [], ...extra };
}

/** One ajv error, with what the handlers need to place and word it. */
export interface KeywordError {
  error: ErrorObject;
  source: YamlSource;
  /** The JSON pointer of the value the error is about. */
  pointer: string;
  /** The schema holding the keyword that failed. */
  parent: JsonSchema;
  params: Record<string, unknown>;
  /** A location in the file: at `pointer`, or at another one. */
  at(span: Span, where?: string): Location;
  /** What fixes need of the whole document (gathered when first asked). */
  facts(): DocumentFacts;
}

/** Turns the errors of one keyword into a finding (undefined: another error already says it). */
export type KeywordHandler = (error: KeywordError) => Finding | undefined;
