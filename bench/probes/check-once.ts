// planc's check() of a folder, timed after start-up (modules loaded, nothing warmed).
import { check } from '../../dist/check.js';

const started = performance.now();
const outcome = await check({ cwd: process.argv[2]! });
const elapsed = performance.now() - started;
if (outcome.kind !== 'compiled' || outcome.result.diagnostics.length > 0) throw new Error('the plan does not check clean');
console.log(JSON.stringify({ check: elapsed }));
