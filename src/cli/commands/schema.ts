import { planSchema } from '../../schema/plan-schema.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export async function run({ positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 0) throw new UsageError('`planc schema` takes no arguments');
  io.stdout.write(`${JSON.stringify(planSchema, null, 2)}\n`);
  return EXIT.clean;
}
