import { createPlan } from '../../api/new.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError('`planc new` needs the id of the new plan', 'Example: planc new checkout-redesign --template implementation');
  if (extra.length > 0) throw new UsageError(`\`planc new\` takes one id, not ${positionals.length}`);
  const option = (name: string) => (values[name] === undefined ? {} : { [name]: String(values[name]) });
  const plan = await createPlan({ cwd: io.cwd, id, ...option('template'), ...option('title'), ...option('start'), ...option('dir'), ...option('config') });
  io.stdout.write(`Created ${plan.file} from the ${plan.template} template.\nCheck it with: planc check ${plan.file}\n`);
  if (!plan.schema.inProject) {
    io.stderr.write(
      `planc: note: planc is not installed in this repository, so the schema line points to the schema on npm (${plan.schema.reference}); install planc in the repository (npm install --save-dev planc) for a path editors read offline.\n`,
    );
  }
  return EXIT.clean;
}
