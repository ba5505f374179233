// The pipeline: files → load → validate → build (per file) → link → analyse (per group of
// plans that references join). Stages never run each other; this module wires them, and
// the compiler session (src/api/session.ts) puts these steps together and keeps their results.
import { analyse, type ProjectAnalysis } from './analyse/analyse.ts';
import { buildPlan } from './build/build.ts';
import type { Config } from './config/config.ts';
import { fileTooLarge, unreadableFile } from './diagnostics/catalogue.ts';
import { itemPath } from './diagnostics/item-path.ts';
import { resolveDiagnostic } from './diagnostics/resolve.ts';
import { Diagnostics } from './diagnostics/sink.ts';
import { SourceText } from './diagnostics/source.ts';
import type { Diagnostic, ResolvedDiagnostic } from './diagnostics/types.ts';
import { link, planReferences } from './link/link.ts';
import { decode } from './load/decode.ts';
import { parseYaml } from './load/parse.ts';
import type { Plan } from './model/plan.ts';
import type { PlanAnalysis } from './analyse/types.ts';
import { planSchema } from './schema/plan-schema.ts';
import { validate } from './validate/validate.ts';
import type { YamlSource } from './load/yaml-nodes.ts';

/** A plan file handed to the compiler: its bytes, or why they could not be had. */
export interface FileInput {
  path: string;
  bytes?: Uint8Array;
  /** The file's size, when it was too large to read. */
  size?: number;
  /** Why the file could not be read. */
  error?: string;
}

/** What the per-file stages produce. */
export interface FileResult {
  path: string;
  /** The file's text, once decoded (code frames show it). */
  text?: string;
  /** Whether the file began with a byte order mark (the decoder dropped it from `text`). */
  bom?: boolean;
  /** Where its pointers are written, when it parsed. */
  source?: YamlSource;
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export type FileSettings = Pick<Config, 'estimates' | 'calendar' | 'rules' | 'maxFileSize'>;

export interface CompileOptions {
  /** Run the Monte Carlo simulation of three-point estimates (plan.json wants it; check does not). */
  simulate?: boolean;
}

/** The text of every file, decoded on demand (only files with findings need it). */
export class Sources {
  readonly #bytes = new Map<string, Uint8Array | string>();
  readonly #texts = new Map<string, SourceText>();
  /** The files given as text whose bytes began with a byte order mark. */
  readonly #boms = new Set<string>();

  /** Sets (or replaces) a file's content: its bytes, or its text decoded (`bom`: the bytes began with a byte order mark). */
  set(path: string, content: Uint8Array | string, bom = false): void {
    if (this.#bytes.get(path) === content && this.#boms.has(path) === bom) return;
    this.#bytes.set(path, content);
    if (bom) this.#boms.add(path);
    else this.#boms.delete(path);
    this.#texts.delete(path);
  }

  delete(path: string): void {
    this.#bytes.delete(path);
    this.#boms.delete(path);
    this.#texts.delete(path);
  }

  /** The texts as they are now, for a result that must keep showing them after the files change. */
  snapshot(): Sources {
    const copy = new Sources();
    for (const [path, content] of this.#bytes) copy.#bytes.set(path, content);
    for (const [path, text] of this.#texts) copy.#texts.set(path, text);
    for (const path of this.#boms) copy.#boms.add(path);
    return copy;
  }

  get(path: string): SourceText | undefined {
    let source = this.#texts.get(path);
    if (!source) {
      const content = this.#bytes.get(path);
      if (content === undefined) return undefined;
      const { text, bom } = typeof content === 'string' ? { text: content, bom: this.#boms.has(path) } : decode(content, path, new Diagnostics());
      source = new SourceText(path, text, bom);
      this.#texts.set(path, source);
    }
    return source;
  }

  resolve(diagnostic: Diagnostic): ResolvedDiagnostic {
    return resolveDiagnostic(diagnostic, (path) => this.get(path));
  }
}

/** load → validate → build for one file. */
export function compileFile(input: FileInput, settings: FileSettings): FileResult {
  const diagnostics = new Diagnostics(settings.rules);
  const file = input.path;
  const at = { file, span: { start: 0, end: 0 }, pointer: '' };
  if (input.size !== undefined && input.size > settings.maxFileSize) {
    diagnostics.report(fileTooLarge, { size: input.size, limit: settings.maxFileSize }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  if (!input.bytes) {
    diagnostics.report(unreadableFile, { reason: input.error ?? 'unknown error' }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  if (input.bytes.length > settings.maxFileSize) {
    diagnostics.report(fileTooLarge, { size: input.bytes.length, limit: settings.maxFileSize }, at);
    return { path: file, diagnostics: diagnostics.items };
  }
  const { text, ok, bom } = decode(input.bytes, file, diagnostics);
  const read = { path: file, text, ...(bom ? { bom } : {}) };
  if (!ok) return { ...read, diagnostics: diagnostics.items };
  const parsed = parseYaml(text, file, diagnostics);
  if (!parsed) return { ...read, diagnostics: diagnostics.items };
  const { source } = parsed;
  const valid = validate({ value: parsed.value, source, file, schema: planSchema }, diagnostics);
  if (!valid) {
    // No plan is built: what each finding is about is read from the parsed value, now (the
    // session keeps no values; for a built plan the model serves, src/api/session.ts).
    for (const d of diagnostics.items) if (d.location.pointer !== '') d.item = itemPath(parsed.value, d.location.pointer);
    return { ...read, source, diagnostics: withoutCoveredWarnings(diagnostics.items) };
  }
  const plan = buildPlan(
    { value: parsed.value, source: parsed.source, file, defaults: { estimates: settings.estimates, calendar: settings.calendar } },
    diagnostics,
  );
  return { ...read, source, plan, diagnostics: diagnostics.items };
}

/** A YAML 1.1 boolean warning adds nothing where a type error already explains the value. */
function withoutCoveredWarnings(diagnostics: Diagnostic[]): Diagnostic[] {
  const typeErrors = new Set(
    diagnostics.filter((d) => d.rule === 'wrong-type').map((d) => `${d.location.span.start}:${d.location.span.end}`),
  );
  return diagnostics.filter(
    (d) => d.rule !== 'ambiguous-boolean' || !typeErrors.has(`${d.location.span.start}:${d.location.span.end}`),
  );
}

/**
 * The plans in groups that references join (`other-plan#id`, in either direction, or one
 * id claimed twice), each in file order, the groups in the order of their first plan. A
 * reference to a plan that is not there joins its group too, by the id it names: when that
 * plan appears, the group is one. Groups are linked and analysed apart: nothing in one can
 * change another, which is what lets the compiler session redo only the groups of the
 * files that changed.
 */
export function linkedGroups(plans: Plan[]): Plan[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    // Path compression keeps later lookups short.
    for (let walk = id; walk !== top; ) {
      const next = parent.get(walk)!;
      parent.set(walk, top);
      walk = next;
    }
    return top;
  };
  for (const plan of plans) {
    const own = root(plan.id);
    for (const [ref] of planReferences(plan)) {
      if (ref.plan === undefined || ref.plan === plan.id) continue;
      const other = root(ref.plan);
      if (other !== own) parent.set(other, own);
    }
  }
  const groups = new Map<string, Plan[]>();
  for (const plan of plans) {
    const key = root(plan.id);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(plan);
  }
  return [...groups.values()];
}

/** What linking and analysing one group of plans gives. */
export interface GroupResult {
  plans: Plan[];
  analysis: Map<Plan, PlanAnalysis>;
  diagnostics: Diagnostic[];
  /** Whether a reference names a plan that is not there (its "did you mean" looks at every plan id). */
  unknownPlans: boolean;
  /** Whether Monte Carlo ran. */
  simulated: boolean;
  /** The status date it was judged on, if any. */
  statusDate: string | undefined;
}

/** link → analyse for one group of plans; `planIds` are every plan id of the check, in file order. */
export function compileGroup(plans: Plan[], planIds: readonly string[], config: Config, options: CompileOptions = {}): GroupResult {
  const diagnostics = new Diagnostics(config.rules);
  const project = link(plans, diagnostics, { planIds });
  const unknownPlans = diagnostics.items.some((d) => d.rule === 'unknown-plan');
  const { plans: analysis } = analyse(project, config, diagnostics, { simulate: options.simulate ?? false });
  return { plans, analysis, diagnostics: diagnostics.items, unknownPlans, simulated: options.simulate ?? false, statusDate: config.statusDate };
}

/**
 * Every diagnostic with lines and columns, file by file; each file's positions are let go
 * of once its diagnostics have theirs (see YamlSource.release).
 */
export function resolveAll(results: readonly FileResult[], diagnostics: Diagnostic[], sources: Sources): ResolvedDiagnostic[] {
  const sourceOf = new Map(results.map((result) => [result.path, result.source]));
  const resolved: ResolvedDiagnostic[] = [];
  for (const [file, own] of byFile(results.map((result) => result.path), diagnostics)) {
    for (const diagnostic of inFileOrder(own)) resolved.push(sources.resolve(diagnostic));
    sourceOf.get(file)?.release();
  }
  return resolved;
}

/** The diagnostics of each file, files in order (a file not in `files` last, as it came). */
function byFile(files: readonly string[], diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const buckets = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
  for (const diagnostic of diagnostics) {
    let bucket = buckets.get(diagnostic.location.file);
    if (!bucket) buckets.set(diagnostic.location.file, (bucket = []));
    bucket.push(diagnostic);
  }
  return buckets;
}

/** One file's diagnostics by position, then code. */
function inFileOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.location.span.start - b.location.span.start || a.code.localeCompare(b.code));
}
