// Validation: the plan value against the JSON schema (ajv), with ajv's errors turned into
// one focused diagnostic per problem, placed on the YAML key or value it is about.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DiagnosticDefinition } from '../diagnostics/define.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { JsonSchema } from '../schema/helpers.ts';
import { KEYWORDS, otherKeyword } from './keywords/index.ts';
import { documentFacts, type DocumentFacts } from './keywords/fixes.ts';
import type { Finding, ValidateInput } from './keywords/keyword.ts';

export type { ValidateInput };

// Validators compiled ahead of time by `npm run build` (scripts/write-validators.ts), by
// schema $id: compiling the plan schema takes ajv about 100 ms, and loading ajv's compiler
// another 20, which every run would otherwise pay. Running from source there are none, and
// ajv is loaded to compile them.
const precompiled: Record<string, ValidateFunction> | undefined = await import(
  new URL('./generated/validators.js', import.meta.url).href
).then(
  (module: { validators: Record<string, ValidateFunction> }) => module.validators,
  () => undefined,
);
const compiler = precompiled ? undefined : (await import('./ajv.ts')).createAjv();

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiled?.[String(schema.$id)] ?? compiler?.compile(schema);
    if (!validate) throw new Error(`no validator was built for ${String(schema.$id)}: run \`npm run build\``);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Returns whether the value is valid; reports each problem into `diagnostics`. */
export function validate(input: ValidateInput, diagnostics: Diagnostics): boolean {
  const check = compileSchema(input.schema);
  if (check(input.value)) return true;
  let facts: DocumentFacts | undefined;
  const factsOf = () => (facts ??= documentFacts(input.value));
  const findings = (check.errors ?? []).map((error) => describe(error, input, factsOf)).filter((f): f is Finding => f !== undefined);
  for (const finding of focus(findings)) {
    diagnostics.report(finding.definition as DiagnosticDefinition<unknown>, finding.payload, finding.location, finding.related, { fix: finding.fix });
  }
  return false;
}

/** The finding for one ajv error, by the handler of its keyword (src/validate/keywords/). */
function describe(error: ErrorObject, input: ValidateInput, facts: () => DocumentFacts): Finding | undefined {
  const pointer = error.instancePath;
  const handler = KEYWORDS[error.keyword] ?? otherKeyword;
  return handler({
    error,
    source: input.source,
    pointer,
    parent: (error.parentSchema ?? {}) as JsonSchema,
    params: error.params as Record<string, unknown>,
    at: (span, where = pointer) => ({ file: input.file, span, pointer: where }),
    facts,
  });
}

/**
 * One focused message per problem: a missing property whose misspelling is reported as an
 * unknown property is the same problem, and ajv can report one place twice.
 */
function focus(findings: Finding[]): Finding[] {
  const suggested = new Set(
    findings.filter((f) => f.suggestion !== undefined).map((f) => `${f.object}\u0000${f.suggestion}`),
  );
  // Two unknown keys of one mapping that would both be renamed to one key would make it a
  // duplicate: neither rename is certain then.
  const renameOf = (f: Finding) => `${f.object}\u0000${f.suggestion}`;
  const renames = new Map<string, number>();
  for (const f of findings) if (f.fix && f.suggestion !== undefined) renames.set(renameOf(f), (renames.get(renameOf(f)) ?? 0) + 1);
  for (const f of findings) if (f.fix && f.suggestion !== undefined && (renames.get(renameOf(f)) ?? 0) > 1) f.fix = undefined;
  const seen = new Set<string>();
  const kept = findings.filter((f) => {
    if (f.missing !== undefined && suggested.has(`${f.object}\u0000${f.missing}`)) return false;
    // Two missing properties of one object are two problems at one place.
    const key = `${f.definition.code}\u0000${f.location.span.start}\u0000${f.location.span.end}\u0000${f.location.pointer}\u0000${f.missing ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.sort((a, b) => a.location.span.start - b.location.span.start);
}
