import { resolveFix } from './fix.ts';
import type { SourceText } from './source.ts';
import type { Diagnostic, Location, Range, ResolvedDiagnostic } from './types.ts';

const START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function range(location: Location, source: (path: string) => SourceText | undefined): Range {
  return source(location.file)?.range(location.span) ?? START;
}

/** Offsets → 1-based lines and columns, in the shape reporters and plan.json print. */
export function resolveDiagnostic(
  diagnostic: Diagnostic,
  source: (path: string) => SourceText | undefined,
): ResolvedDiagnostic {
  const fix = diagnostic.fix && resolveFix(diagnostic.fix, source(diagnostic.location.file));
  const suggestions = (diagnostic.suggestions ?? []).flatMap((suggestion) => resolveFix(suggestion, source(diagnostic.location.file)) ?? []);
  return {
    code: diagnostic.code,
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
    file: diagnostic.location.file,
    range: range(diagnostic.location, source),
    pointer: diagnostic.location.pointer,
    ...(diagnostic.item !== undefined ? { item: diagnostic.item } : {}),
    ...(diagnostic.help ? { help: diagnostic.help } : {}),
    related: diagnostic.related.map((related) => ({
      message: related.message,
      file: related.location.file,
      range: range(related.location, source),
      pointer: related.location.pointer,
    })),
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}
