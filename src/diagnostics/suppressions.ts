// Suppressions written in a plan: a YAML comment on a line of its own that turns rules off
//
//   # planc-disable-next-line PLAN4002 -- two people share the backend role
//   # planc-disable owner-overloaded, PLAN5001 -- the whole file
//
// `planc-disable-next-line` covers the next line that is not blank or a comment, and the
// item that starts there (every line below it indented deeper: a task's mapping, a list
// entry); `planc-disable` covers the whole file, wherever it is written. Rules are named by
// code or name; only those the configuration may turn off can be suppressed. The reason
// after `--` is kept with every finding it suppresses. A rule named in a comment that
// suppresses nothing is reported (PLAN7001), like ESLint's unused disable directives.
import { byCode, byName, invalidSuppression, unusedSuppression } from './catalogue.ts';
import type { DiagnosticDefinition } from './define.ts';
import type { ResolvedDiagnostic } from './types.ts';

/** How a finding was suppressed: by a comment in the plan, or by the baseline file. */
export interface Suppression {
  kind: 'inline' | 'baseline';
  /** The reason written after `--`, if any. */
  reason?: string;
}

/** A finding that was found and then suppressed: reported apart, never counted. */
export interface SuppressedDiagnostic extends ResolvedDiagnostic {
  suppression: Suppression;
}

/** A problem with a comment itself, at an offset of the file's text. */
export interface DirectiveProblem {
  definition: DiagnosticDefinition<never>;
  payload: Record<string, unknown>;
  start: number;
  end: number;
}

interface Named {
  /** As written. */
  written: string;
  rule: string;
  start: number;
  end: number;
  used: boolean;
}

interface Directive {
  kind: 'planc-disable-next-line' | 'planc-disable';
  /** The lines (1-based, inclusive) it covers; the whole file for `planc-disable`. */
  from: number;
  to: number;
  rules: Named[];
  reason?: string;
}

const DIRECTIVE = /^([ \t]*#[ \t]*)(planc-disable-next-line|planc-disable)(?=$|[ \t])(.*)$/;
/** Cheap test before reading a file line by line: most files have no directive. */
const MARK = 'planc-disable';

/** Leading spaces; a list entry's item starts at its dash. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/** The lines from `start` (a content line) to the end of the item that starts there. */
function itemEnd(lines: readonly string[], start: number): number {
  const base = indentOf(lines[start]!);
  const opensBlock = /:[ \t]*(#.*)?$/.test(lines[start]!) && !lines[start]!.trimStart().startsWith('- ');
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    // `key:` followed by a list at the key's own indentation is still the key's.
    if (indent > base || (opensBlock && indent === base && line.trimStart().startsWith('- '))) end = i;
    else break;
  }
  return end;
}

function parse(text: string, problems: DirectiveProblem[]): Directive[] {
  const directives: Directive[] = [];
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  let offset = 0;
  lines.forEach((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const [, lead, kind, rest] = match as unknown as [string, string, Directive['kind'], string];
    const restStart = lineStart + lead.length + kind.length;
    const separator = /(^|[ \t])--([ \t]|$)/.exec(rest);
    const list = separator ? rest.slice(0, separator.index) : rest;
    const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
    const rules: Named[] = [];
    for (const token of list.matchAll(/[^\s,]+/g)) {
      const start = restStart + token.index;
      const at = { start, end: start + token[0].length };
      const definition = byCode.get(token[0]) ?? byName.get(token[0]);
      if (!definition) problems.push({ definition: invalidSuppression as DiagnosticDefinition<never>, payload: { detail: `names \`${token[0]}\`, which is not a rule` }, ...at });
      else if (!definition.configurable) problems.push({ definition: invalidSuppression as DiagnosticDefinition<never>, payload: { detail: `names \`${token[0]}\`${token[0] === definition.code ? '' : ` (${definition.code})`}, which cannot be turned off` }, ...at });
      else rules.push({ written: token[0], rule: definition.code, ...at, used: false });
    }
    if (rules.length === 0 && !problems.some((problem) => problem.start >= restStart && problem.start <= offset)) {
      problems.push({ definition: invalidSuppression as DiagnosticDefinition<never>, payload: { detail: 'names no rule' }, start: lineStart + lead.length, end: restStart });
      return;
    }
    if (kind === 'planc-disable') {
      directives.push({ kind, from: 1, to: lines.length, rules, ...(reason ? { reason } : {}) });
      return;
    }
    let next = index + 1;
    while (next < lines.length && !isContent(lines[next]!)) next += 1;
    if (next === lines.length) {
      for (const rule of rules) rule.used = true;
      problems.push({ definition: invalidSuppression as DiagnosticDefinition<never>, payload: { detail: 'has no line below it to apply to' }, start: lineStart + lead.length, end: restStart });
      return;
    }
    directives.push({ kind, from: next + 1, to: itemEnd(lines, next) + 1, rules, ...(reason ? { reason } : {}) });
  });
  return directives;
}

export interface FileSuppressions {
  /** The file's findings that stay. */
  kept: ResolvedDiagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** Comments that name what is not a rule, or a rule that suppressed nothing. */
  problems: DirectiveProblem[];
}

/** Applies a file's suppression comments to its findings (all of them in `diagnostics`). */
export function suppressInFile(text: string, diagnostics: readonly ResolvedDiagnostic[]): FileSuppressions {
  if (!text.includes(MARK)) return { kept: [...diagnostics], suppressed: [], problems: [] };
  const problems: DirectiveProblem[] = [];
  const directives = parse(text, problems);
  const kept: ResolvedDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const line = diagnostic.range.start.line;
    let by: Directive | undefined;
    for (const directive of directives) {
      if (line < directive.from || line > directive.to) continue;
      const named = directive.rules.find((rule) => rule.rule === diagnostic.code);
      if (!named) continue;
      named.used = true;
      by ??= directive;
    }
    if (by) suppressed.push({ ...diagnostic, suppression: { kind: 'inline', ...(by.reason ? { reason: by.reason } : {}) } });
    else kept.push(diagnostic);
  }
  for (const directive of directives) {
    for (const rule of directive.rules) {
      if (!rule.used) problems.push({ definition: unusedSuppression as DiagnosticDefinition<never>, payload: { rule: rule.written, directive: directive.kind }, start: rule.start, end: rule.end });
    }
  }
  return { kept, suppressed, problems };
}
