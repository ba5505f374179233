import { relative, resolve } from 'node:path';
import { emitAll } from '../../emit/index.ts';
import { writeOutputs } from '../../write/outputs.ts';
import { EXIT, type Io } from '../io.ts';
import type { Command } from '../main.ts';
import { compileFor, report, reporterFor } from './shared.ts';

export const buildCommand: Command = {
  summary: 'Write each plan\'s analysed plan.json (and documents) into the output folder.',
  usage: '[paths…] [--out <folder>] [--format stylish|json]',
  options: {
    out: { type: 'string', description: 'The output folder (default: `out`, or `out:` in the config)' },
    format: { type: 'string', default: 'stylish', description: 'Format of the diagnostics on stderr: stylish or json' },
    config: { type: 'string', description: 'Use this config file instead of the nearest planc.config.yaml' },
  },
  async run({ values, positionals }, io: Io) {
    const reporter = reporterFor(values.format);
    const result = await compileFor(values, positionals, io, { simulate: true });
    if (typeof result === 'number') return result;
    const diagnostics = report(result, reporter, io.stderr, io);
    const out = values.out !== undefined ? resolve(io.cwd, String(values.out)) : resolve(result.config.root, result.config.out);
    const emitted = emitAll(result);
    const skippedDirs = emitted.skipped.map((plan) => `${plan.id}/`);
    const summary = await writeOutputs(out, emitted.files, (path) => skippedDirs.some((dir) => path.startsWith(dir)));
    const rel = relative(io.cwd, out);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
    const built = result.plans.length - emitted.skipped.length;
    io.stdout.write(
      `Built ${built} plan${built === 1 ? '' : 's'} into ${shown}/: ${summary.written} file${summary.written === 1 ? '' : 's'} written, ${summary.unchanged} unchanged, ${summary.removed} removed.\n`,
    );
    const notBuilt = [...emitted.skipped.map((plan) => plan.file), ...emitted.failed];
    if (notBuilt.length > 0) {
      io.stdout.write(`Not built (errors): ${notBuilt.join(', ')}; their previous outputs were kept.\n`);
    }
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.clean;
  },
};
