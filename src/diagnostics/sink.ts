import type { DiagnosticDefinition } from './define.ts';
import type { Diagnostic, Fix, Location, RelatedInformation, Severity } from './types.ts';

/** What a finding offers to change: the certain fix, and fixes that need a choice. */
export interface Fixes {
  fix?: Fix | undefined;
  suggestions?: Fix[];
}

/** Severity overrides from config, by rule name or code; `off` drops the rule. */
export type RuleSettings = Readonly<Record<string, Severity | 'off'>>;

/**
 * Where every stage reports. Stages never throw for a user's mistake; they report here and
 * go on, and the caller decides afterwards what was fatal.
 */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  readonly #rules: RuleSettings;

  constructor(rules: RuleSettings = {}) {
    this.#rules = rules;
  }

  report<P>(definition: DiagnosticDefinition<P>, payload: P, location: Location, related: RelatedInformation[] = [], fixes: Fixes = {}): void {
    let severity = definition.severity;
    if (definition.configurable) {
      const setting = this.#rules[definition.name] ?? this.#rules[definition.code];
      if (setting === 'off') return;
      if (setting) severity = setting;
    }
    const help = definition.help?.(payload);
    this.items.push({
      code: definition.code,
      rule: definition.name,
      severity,
      message: definition.message(payload),
      ...(help ? { help } : {}),
      location,
      related,
      data: payload as Record<string, unknown>,
      ...(fixes.fix ? { fix: fixes.fix } : {}),
      ...(fixes.suggestions?.length ? { suggestions: fixes.suggestions } : {}),
    });
  }
}
