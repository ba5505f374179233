import { watchPlans } from '../../api/watch.ts';
import type { Io } from '../io.ts';
import { runScreen, untilStopped, watchFormat } from '../watching.ts';
import type { ParsedArgs } from './index.ts';
import { request } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const screen = runScreen(io, watchFormat(values), { quiet: values.quiet === true, preserve: values['preserve-output'] === true });
  const watcher = watchPlans({
    ...request(args, io),
    task: async (result) => result,
    onRun: (run) => screen.show(run),
    onWatchError: (error) => screen.warn(`the file watcher: ${error.message}`),
  });
  return untilStopped(io, watcher);
}
