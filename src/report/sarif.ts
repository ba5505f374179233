// SARIF 2.1.0 (--format sarif), as GitHub code scanning ingests it: every rule of the
// catalogue with its id, name, descriptions, help and default level; each finding with its
// rule, level, message, region (1-based lines and columns, UTF-16 code units), related
// places, a fingerprint that stays when unrelated lines move (it is made of the plan, the
// code and the item's ids, not of lines), the suppression of a suppressed one, and its fix
// and suggestions as SARIF fixes (an editor's SARIF viewer offers them as quick fixes).
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { createHash } from 'node:crypto';
import { catalogue } from '../diagnostics/catalogue.ts';
import type { SuppressedDiagnostic } from '../diagnostics/suppressions.ts';
import type { ResolvedDiagnostic, ResolvedFix, Severity } from '../diagnostics/types.ts';
import { HOME_PAGE, VERSION } from '../version.ts';
import type { ReportInput } from './types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `unknown-property` → `UnknownProperty`: SARIF's rule names are PascalCase. */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** A message as SARIF wants it: one or more sentences, ending with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const RULES = catalogue.map((definition, index) => ({ definition, index }));
const RULE_INDEX = new Map(RULES.map(({ definition, index }) => [definition.code, index]));

function rules(input: ReportInput) {
  return RULES.map(({ definition }) => ({
    id: definition.code,
    name: pascal(definition.name),
    shortDescription: { text: sentence(definition.title) },
    fullDescription: { text: sentence(definition.explanation) },
    help: { text: `${sentence(definition.explanation)} ${sentence(definition.fix)}`, markdown: `${definition.explanation}\n\n**Fix:** ${definition.fix}` },
    helpUri: input.explanation(definition.code),
    defaultConfiguration: { level: LEVEL[definition.severity] },
    properties: { tags: ['planc', definition.name], precision: 'very-high' },
  }));
}

/** A region: 1-based lines and columns, the end column the one after the region (as planc's ranges are), in the run's `columnKind`. */
function region(range: ResolvedDiagnostic['range']) {
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/** Relative to the working folder, which code scanning takes as the repository's root. */
function artifactLocation(file: string) {
  return { uri: encodeURI(file) };
}

function location(file: string, range: ResolvedDiagnostic['range']) {
  return { physicalLocation: { artifactLocation: artifactLocation(file), region: region(range) } };
}

/**
 * A fix as SARIF gives one (§3.55): one change of the finding's file, a replacement per
 * edit, each region of the file as checked (SARIF applies them in order, each placed in
 * the unmodified file, and planc's edits never overlap). An empty region is an insertion;
 * an edit with no text, a deletion (no `insertedContent`). A suggestion, applied only when
 * asked (`planc fix --rename-duplicates`), says so in its properties.
 */
function sarifFix(file: string, fix: ResolvedFix, suggestion: boolean) {
  return {
    description: { text: sentence(fix.description) },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(file),
        replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), ...(edit.text === '' ? {} : { insertedContent: { text: edit.text } }) })),
      },
    ],
    ...(suggestion ? { properties: { suggestion: true } } : {}),
  };
}

function fixes(d: ResolvedDiagnostic) {
  const all = [...(d.fix ? [sarifFix(d.file, d.fix, false)] : []), ...(d.suggestions ?? []).map((fix) => sarifFix(d.file, fix, true))];
  return all.length > 0 ? { fixes: all } : {};
}

export function sarif(input: ReportInput): string {
  // The same finding twice on one item gets the fingerprint of its place among them.
  const seen = new Map<string, number>();
  const result = (d: ResolvedDiagnostic | SuppressedDiagnostic) => {
    const identity = input.identity(d);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex');
    const suppression = 'suppression' in d ? d.suppression : undefined;
    return {
      ruleId: d.code,
      ruleIndex: RULE_INDEX.get(d.code) ?? -1,
      level: LEVEL[d.severity],
      message: { text: sentence(d.help ? `${sentence(d.message)} ${d.help}` : d.message) },
      locations: [location(d.file, d.range)],
      ...(d.related.length > 0
        ? { relatedLocations: d.related.map((r, id) => ({ id, ...location(r.file, r.range), message: { text: sentence(r.message) } })) }
        : {}),
      partialFingerprints: { 'plancFinding/v1': fingerprint },
      ...fixes(d),
      ...(suppression
        ? { suppressions: [{ kind: suppression.kind === 'inline' ? 'inSource' : 'external', status: 'accepted', ...(suppression.reason ? { justification: suppression.reason } : {}) }] }
        : {}),
    };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'planc', version: VERSION, semanticVersion: VERSION, informationUri: HOME_PAGE, rules: rules(input) } },
        columnKind: 'utf16CodeUnits',
        results: [...input.diagnostics.map(result), ...input.suppressed.map(result)],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
