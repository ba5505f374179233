// The parts of the plan language's JSON schema a tool can ask for by name (`task`, `phase`,
// `risk`…): the schema's `$defs`, and every mapping it defines with a title, named after it
// (`Rollout stage` → `rollout-stage`). A part comes with the `$defs` it refers to, so it
// stands on its own.
import type { JsonSchema } from '../../schema/helpers.ts';
import { planSchema } from '../../schema/plan-schema.ts';
import { toSlug } from '../../util/slug.ts';

let parts: Map<string, JsonSchema> | undefined;

function isMapping(schema: JsonSchema): boolean {
  return ([] as unknown[]).concat(schema.type ?? []).includes('object') && schema.properties !== undefined;
}

function collect(): Map<string, JsonSchema> {
  const found = new Map<string, JsonSchema>(Object.entries((planSchema.$defs ?? {}) as Record<string, JsonSchema>));
  // A definition is named once, by its `$defs` key (`rollback`, not also `rollback-plan`).
  const named = new Set<JsonSchema>(found.values());
  const walk = (schema: JsonSchema): void => {
    if (isMapping(schema) && typeof schema.title === 'string' && schema !== planSchema && !named.has(schema)) {
      named.add(schema);
      const name = toSlug(schema.title);
      if (name !== '' && !found.has(name)) found.set(name, schema);
    }
    for (const child of Object.values((schema.properties ?? {}) as Record<string, JsonSchema>)) walk(child);
    if (schema.items && typeof schema.items === 'object') walk(schema.items as JsonSchema);
  };
  walk(planSchema);
  for (const schema of Object.values((planSchema.$defs ?? {}) as Record<string, JsonSchema>)) walk(schema);
  return found;
}

/** Every name a part can be asked for by, `plan` first. */
export function definitions(): string[] {
  parts ??= collect();
  return ['plan', ...[...parts.keys()].sort()];
}

/** A part of the schema with the `$defs` it refers to (at any depth); undefined for a name that is none. */
export function schemaPart(name: string): JsonSchema | undefined {
  parts ??= collect();
  const part = parts.get(name);
  if (!part) return undefined;
  const defs = (planSchema.$defs ?? {}) as Record<string, JsonSchema>;
  const needed = new Set<string>();
  const refs = (value: unknown): void => {
    for (const match of JSON.stringify(value).matchAll(/"#\/\$defs\/([^"]+)"/g)) {
      if (!needed.has(match[1]!)) {
        needed.add(match[1]!);
        refs(defs[match[1]!]);
      }
    }
  };
  refs(part);
  return { $schema: planSchema.$schema, ...part, ...(needed.size > 0 ? { $defs: Object.fromEntries([...needed].sort().map((key) => [key, defs[key]!])) } : {}) };
}
