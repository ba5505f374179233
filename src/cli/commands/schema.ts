import { planSchema } from '../../schema/plan-schema.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { Command } from '../main.ts';

export const schemaCommand: Command = {
  summary: 'Print the JSON schema of the plan language (for editors and other tools).',
  usage: '',
  options: {},
  async run({ positionals }, io: Io) {
    if (positionals.length > 0) throw new UsageError('`planc schema` takes no arguments');
    io.stdout.write(`${JSON.stringify(planSchema, null, 2)}\n`);
    return EXIT.clean;
  },
};
