// Runs planc from source (Node 24 strips the types), without building dist/:
//   node scripts/dev.ts check plans/
import { main } from '../src/cli/bin.ts';

await main();
