// Looking a diagnostic up by code or rule name, for `planc explain` and tools.
import { byCode, byName, catalogue } from '../diagnostics/catalogue.ts';
import { explanationOf, type Explanation } from '../diagnostics/explain.ts';
import { suggest } from '../util/suggest.ts';
import { UsageError } from './errors.ts';

export type { Explanation };

/** The explanation of a code (`PLAN2001`) or rule name (`unknown-property`); a UsageError for neither. */
export function explain(codeOrName: string): Explanation {
  const wanted = codeOrName.trim();
  const definition = byCode.get(wanted.toUpperCase()) ?? byName.get(wanted.toLowerCase());
  if (!definition) {
    const near = suggest(wanted, [...catalogue.map((d) => d.code), ...catalogue.map((d) => d.name)]);
    throw new UsageError(`there is no diagnostic \`${wanted}\`${near ? `; did you mean \`${near}\`?` : ''}`, 'Codes are PLAN and four digits (PLAN2001), or a rule name (unknown-property); docs/diagnostics.md lists them all.');
  }
  return explanationOf(definition);
}
