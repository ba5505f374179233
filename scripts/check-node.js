// Fails clearly when a script runs on a Node.js older than planc supports.
// npm puts node_modules/.bin first on PATH, so `npm run …` uses the Node 24 binary of the
// `node` devDependency; invoking a tool directly, or installing with --ignore-scripts,
// silently falls back to the system node, which this guard catches.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  console.error(
    `planc needs Node.js >= 22.22, but this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      'Run the project scripts through npm (npm test, npm run …): they use the Node 24 installed by `npm ci`.',
  );
  process.exit(1);
}
