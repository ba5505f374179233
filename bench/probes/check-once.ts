// planc's check() of a folder, timed after start-up (modules loaded, nothing warmed).
import { check } from '../../dist/index.js';

const started = performance.now();
const result = await check({ cwd: process.argv[2]! });
const elapsed = performance.now() - started;
if (result.diagnostics.length > 0) throw new Error('the plan does not check clean');
console.log(JSON.stringify({ check: elapsed }));
