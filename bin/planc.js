#!/usr/bin/env node
// planc's entry point: checks the Node.js version before loading anything that needs it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(
    `planc needs Node.js 22.22 or newer; this is ${process.versions.node} (${process.execPath}).\n`,
  );
  process.exit(2);
}
// With both set, FORCE_COLOR wins (as in Node and in planc's own rule, src/report/terminal.ts);
// without NO_COLOR, Node does not warn about ignoring it on every run.
if (process.env.FORCE_COLOR !== undefined && process.env.NO_COLOR !== undefined) delete process.env.NO_COLOR;
// The young generation stays at its starting size instead of growing to 128 MiB: planc
// makes many short-lived objects while it keeps about 150 MiB, and letting V8 grow the
// young space for throughput raised a large check's peak memory by about 100 MiB for no
// time gained (npm run bench measures both). It must be set before the heap grows. The
// commands that write many outputs let it grow again (src/cli/main.ts).
(await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
// Node caches the compiled code of planc's modules on disk: a run starts faster.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../dist/cli/bin.js');
await main();
