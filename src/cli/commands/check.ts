import { check } from '../../check.ts';
import { reporters } from '../../report/index.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { stylish } from '../../report/stylish.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { Command } from '../main.ts';

export const checkCommand: Command = {
  summary: 'Check plans: YAML, schema, references, cycles, schedule, rollback coverage, risks.',
  usage: '[paths…] [--format stylish|json] [--max-warnings N]',
  options: {
    format: { type: 'string', default: 'stylish', description: 'Output format: stylish (default) or json' },
    'max-warnings': { type: 'string', description: 'Fail (exit 1) when there are more warnings than this' },
    config: { type: 'string', description: 'Use this config file instead of the nearest planc.config.yaml' },
  },
  async run({ values, positionals }, io: Io) {
    const format = String(values.format);
    const reporter = reporters[format];
    if (!reporter) throw new UsageError(`unknown format \`${format}\``, `Formats: ${Object.keys(reporters).join(', ')}.`);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const outcome = await check({ cwd: io.cwd, paths: positionals, ...(values.config ? { config: String(values.config) } : {}) });
    const style = wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN;

    if (outcome.kind === 'config-error') {
      const errorStyle = wantsColour(io.env, Boolean(io.stderr.isTTY)) ? COLOUR : PLAIN;
      io.stderr.write(stylish({ diagnostics: outcome.diagnostics, files: 0, plans: 0, source: outcome.source }, errorStyle));
      return EXIT.usage;
    }
    if (outcome.kind === 'no-files') {
      throw new UsageError(
        `no plan files matched ${outcome.patterns.map((p) => `\`${p}\``).join(', ')}`,
        'Pass plan files, folders or globs, or set `plans:` in planc.config.yaml.',
      );
    }
    for (const pattern of outcome.unmatched) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
    const { result } = outcome;
    const diagnostics = result.diagnostics.map((d) => result.sources.resolve(d));
    io.stdout.write(
      reporter(
        { diagnostics, files: result.files.length, plans: result.plans.length, source: (path) => result.sources.get(path) },
        style,
      ),
    );
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (errors > 0) return EXIT.findings;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr.write(`planc: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
      return EXIT.findings;
    }
    return EXIT.clean;
  },
};

function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not \`${text}\``);
  return Number(text);
}
