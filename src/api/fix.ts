// `planc fix` as a library call: the fixes that are certain, applied to plan texts. A fix is
// data on its diagnostic (edits at the ranges the yaml library gives keys and values: see
// src/diagnostics/fix.ts), so applying one changes the text it fixes and nothing else —
// comments, order and formatting stay as written; the document is never written out anew.
// One pass applies every fix that overlaps none applied before it (as ESLint's fixer
// does); the text is then checked again, and the passes go on until no fix is left (a fix
// can reveal another: a fence removed, a key renamed, the value under it then checked).
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits } from '../diagnostics/fix.ts';
import { SourceText } from '../diagnostics/source.ts';
import type { Range, ResolvedDiagnostic, ResolvedFix, Span, TextEdit } from '../diagnostics/types.ts';
import { writeTemporary } from '../util/atomic.ts';
import { UsageError } from './errors.ts';
import type { CheckResult } from './result.ts';
import { CompilerSession, type SessionOptions } from './session.ts';

export interface FixOptions {
  /** Also rename duplicate ids (PLAN3001's suggestion): a choice, so only when asked. */
  renameDuplicates?: boolean;
  /** The most passes over one text (default 10): each applies the fixes the last check gave. */
  maxPasses?: number;
}

/** A fix that was applied. */
export interface AppliedFix {
  code: string;
  rule: string;
  /** The finding's message. */
  message: string;
  /** What the fix did. */
  description: string;
  /** Where the finding was, in the text as it was before the pass that fixed it. */
  range: Range;
  /** The pass (1, 2…) that applied it. */
  pass: number;
}

/** One text's fixes. */
export interface TextFix {
  file: string;
  before: string;
  /** The text with every fix applied (the same as `before` when none applies). */
  after: string;
  applied: AppliedFix[];
  /** The check of `after`: what is left. */
  result: CheckResult;
}

/** Codes whose suggestions `renameDuplicates` applies: fixed only when asked. */
export const FIXED_WHEN_ASKED: ReadonlySet<string> = new Set(['PLAN3001']);
/** Findings of reading the file (PLAN1xxx): a pass that brings a new one is undone (a fix must never break the YAML). */
const READING = /^PLAN1\d{3}$/;
const DEFAULT_PASSES = 10;

/** The fix a finding offers under `options`: its certain one, or the rename of a duplicate when asked. */
function fixOf(diagnostic: ResolvedDiagnostic, options: FixOptions = {}): ResolvedFix | undefined {
  if (diagnostic.fix) return diagnostic.fix;
  if (options.renameDuplicates && FIXED_WHEN_ASKED.has(diagnostic.code)) return diagnostic.suggestions?.[0];
  return undefined;
}

/**
 * One pass: applies to `text` each fix in turn that overlaps no fix applied before it (two
 * insertions at one place overlap too); returns the new text and which fixes it applied.
 * The spans taken are kept sorted, so a pass over thousands of fixes stays near linear.
 */
export function applyFixes(text: string, fixes: readonly ResolvedFix[]): { text: string; applied: number[] } {
  const source = new SourceText('', text);
  const taken: Span[] = [];
  const edits: TextEdit[] = [];
  const applied: number[] = [];
  fixes.forEach((fix, index) => {
    const own = fix.edits.map((edit) => ({ span: { start: source.offset(edit.range.start), end: source.offset(edit.range.end) }, text: edit.text }));
    if (own.some((edit, i) => clashesWith(taken, edit.span) || own.slice(0, i).some((other) => clash(edit.span, other.span)))) return;
    for (const edit of own) taken.splice(insertionPoint(taken, edit.span.start), 0, edit.span);
    edits.push(...own);
    applied.push(index);
  });
  edits.sort((a, b) => a.span.start - b.span.start);
  return { text: applyEdits(text, edits), applied };
}

/** Two edits that cannot both be made: their spans meet, or they start at one place (two insertions there). */
function clash(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Where a span starting at `start` goes in spans sorted by start (after those that start at it). */
function insertionPoint(sorted: readonly Span[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start <= start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `span` clashes with one of `sorted`, which do not overlap each other: only its neighbours can. */
function clashesWith(sorted: readonly Span[], span: Span): boolean {
  const at = insertionPoint(sorted, span.start);
  for (let i = at - 1; i >= 0 && sorted[i]!.start === span.start; i--) if (clash(span, sorted[i]!)) return true;
  return (at > 0 && clash(span, sorted[at - 1]!)) || (at < sorted.length && clash(span, sorted[at]!));
}

/** Counts of the findings of reading the file, by code. */
function readingErrors(result: CheckResult, file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of result.byFile.get(file) ?? []) if (d.severity === 'error' && READING.test(d.code)) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

/**
 * Applies every certain fix to `text`, checked as the file `file` among the session's
 * plans, pass after pass until none is left; a pass that would bring a new YAML problem is
 * undone, and the passes stop there.
 */
export async function fixText(session: CompilerSession, file: string, text: string, options: FixOptions = {}): Promise<TextFix> {
  const check = (current: string) => session.check({ paths: [file], overlays: { [file]: current } });
  let current = text;
  let result = await check(current);
  const applied: AppliedFix[] = [];
  const passes = options.maxPasses ?? DEFAULT_PASSES;
  for (let pass = 1; pass <= passes; pass++) {
    const fixable = (result.byFile.get(file) ?? []).flatMap((d) => {
      const fix = fixOf(d, options);
      return fix ? [{ diagnostic: d, fix }] : [];
    });
    if (fixable.length === 0) break;
    const next = applyFixes(current, fixable.map((entry) => entry.fix));
    if (next.applied.length === 0 || next.text === current) break;
    const nextResult = await check(next.text);
    const before = readingErrors(result, file);
    const broke = [...readingErrors(nextResult, file)].some(([code, count]) => count > (before.get(code) ?? 0));
    if (broke) break;
    for (const index of next.applied) {
      const { diagnostic, fix } = fixable[index]!;
      applied.push({ code: diagnostic.code, rule: diagnostic.rule, message: diagnostic.message, description: fix.description, range: diagnostic.range, pass });
    }
    current = next.text;
    result = nextResult;
  }
  if (current === text) return { file, before: text, after: text, applied: [], result };
  return { file, before: text, after: current, applied, result };
}

export interface FixFilesOptions extends SessionOptions, FixOptions {
  /** Files, folders and globs, relative to `cwd` (by default the configured plans). */
  paths?: string[];
  /** Write the fixed files (each atomically); without it nothing is written (a dry run). */
  write?: boolean;
  /** A session to check with, instead of a new one. */
  session?: CompilerSession;
  /** Called as each file with something to fix is done: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface FixResult extends CheckResult {
  /** Every file some fix changed, in file order. */
  fixed: TextFix[];
  /** The files written (relative to `cwd`): `fixed`'s, when `write` was asked. */
  written: string[];
}

const BOM = '\uFEFF';

/**
 * Fixes the plans `paths` name (by default the configured ones): each file's certain fixes
 * applied, pass after pass; with `write`, the changed files written (every one to a temporary
 * file first, then all renamed into place). The result is the check of the fixed texts.
 */
export async function fixFiles(options: FixFilesOptions): Promise<FixResult> {
  const session = options.session ?? new CompilerSession(options);
  const paths = options.paths ?? [];
  const first = await session.check(paths.length > 0 ? { paths } : {});
  if (first.configInvalid) return { ...first, fixed: [], written: [] };
  const fixed: TextFix[] = [];
  // The files that began with a byte order mark (the decoder said so as it read them): written back with it.
  const withBom = new Set<string>();
  const fixable = first.files.filter((file) => first.source(file) !== undefined && (first.byFile.get(file) ?? []).some((d) => fixOf(d, options)));
  for (const [index, file] of fixable.entries()) {
    const source = first.source(file)!;
    const result = await fixText(session, file, source.text, options);
    if (result.after !== result.before) fixed.push(result);
    if (source.bom) withBom.add(file);
    options.onProgress?.(index + 1, fixable.length);
  }
  const written = options.write ? writeFixed(session.cwd, fixed, withBom) : [];
  const overlays = Object.fromEntries(fixed.map((fix) => [fix.file, fix.after]));
  const last = fixed.length === 0 ? first : await session.check({ ...(paths.length > 0 ? { paths } : {}), overlays });
  return { ...last, fixed, written };
}

/** Writes the fixed texts (those of `withBom` after a byte order mark): every one to a temporary file beside its target, then all renamed into place. */
function writeFixed(cwd: string, fixed: readonly TextFix[], withBom: ReadonlySet<string>): string[] {
  const temporaries: Array<{ temporary: string; target: string }> = [];
  try {
    for (const fix of fixed) {
      const target = resolve(cwd, fix.file);
      temporaries.push({ temporary: writeTemporary(target, (withBom.has(fix.file) ? BOM : '') + fix.after), target });
    }
  } catch (error) {
    for (const { temporary } of temporaries) rmSync(temporary, { force: true });
    throw new UsageError(`could not write the fixed plans (${(error as Error).message}); no plan file was changed`);
  }
  for (const { temporary, target } of temporaries) renameSync(temporary, target);
  return fixed.map((fix) => fix.file);
}

/** The changes as a unified diff, file after file (`a/` and `b/` prefixes, for `git apply` or `patch -p1`). */
export function fixDiff(fixed: readonly TextFix[]): string {
  return fixed.map((fix) => createTwoFilesPatch(`a/${fix.file}`, `b/${fix.file}`, fix.before, fix.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY })).join('');
}
