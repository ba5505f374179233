// The files generated from the typed definitions, by path from the repository's root: what
// `npm run schema` writes and what the drift tests compare with the committed files.
import { configDefinition } from './config-definition.ts';
import { planDefinition } from './plan-definition.ts';
import { planJsonDefinition } from './plan-json-definition.ts';
import { planJsonMarkdown } from './plan-json-markdown.ts';

const json = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

export function schemaFiles(): Record<string, string> {
  return {
    'schema/plan.schema.json': json(planDefinition),
    'schema/config.schema.json': json(configDefinition),
    'schema/plan-json.schema.json': json(planJsonDefinition),
    'docs/plan-json.md': planJsonMarkdown(),
  };
}
