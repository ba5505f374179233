// A diagnostic's explanation, as `planc explain`, the site's page per code and tools show
// it: the catalogue's entry, the example that produces it and what planc prints for that
// example (recorded when the docs are generated: scripts/write-docs.ts).
import type { DiagnosticDefinition } from './define.ts';
import { exampleText } from './define.ts';
import exampleOutputs from './examples.generated.json' with { type: 'json' };
import type { Severity } from './types.ts';
import { docsUrl } from '../version.ts';

export interface Explanation {
  code: string;
  /** The rule name, as the configuration and suppression comments use it. */
  name: string;
  title: string;
  severity: Severity;
  /** Whether the configuration may change its severity or turn it off. */
  configurable: boolean;
  explanation: string;
  fix: string;
  /** What `planc fix` changes, when it can fix such findings. */
  autofix?: string;
  /** The example's files (name → text; bytes that are no text shown escaped) and what `planc check` prints for them. */
  example?: { files: Record<string, string>; output?: string };
  /** Its section of planc's docs/diagnostics.md. */
  url: string;
}

/** The explanation of a definition of the catalogue. */
export function explanationOf(definition: DiagnosticDefinition<never>): Explanation {
  const output = (exampleOutputs as Record<string, string>)[definition.code];
  const files = Object.fromEntries(Object.entries(definition.example ?? {}).map(([path, content]) => [path, exampleText(content)]));
  return {
    code: definition.code,
    name: definition.name,
    title: definition.title,
    severity: definition.severity,
    configurable: definition.configurable,
    explanation: definition.explanation,
    fix: definition.fix,
    ...(definition.autofix !== undefined ? { autofix: definition.autofix } : {}),
    ...(definition.example ? { example: { files, ...(output !== undefined ? { output } : {}) } } : {}),
    url: `${docsUrl('docs/diagnostics.md')}#${definition.code.toLowerCase()}`,
  };
}
