// The watcher's latency: `planc watch --format json` as a user starts it, over a folder of
// plans, and for each edit the time from the file's write to the line of its run on
// planc's standard output, as read here (what an editor integration or a terminal waits).
//   node bench/probes/watch.ts <repo> <plan file to edit> <edits>
// Prints {"edits": [ms, …]}.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [repo, file, count] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 20)];
const BIN = fileURLToPath(new URL('../../bin/planc.js', import.meta.url));
const child = spawn(process.execPath, [BIN, 'watch', '--format', 'json'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
const lines: Array<(line: { run: number; changed: string[] }) => void> = [];
let pending = '';
child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
  pending += chunk;
  const complete = pending.split('\n');
  pending = complete.pop()!;
  for (const line of complete) lines.shift()?.(JSON.parse(line));
});
const nextRun = () => new Promise<{ run: number; changed: string[] }>((done) => lines.push(done));

const path = join(repo, file);
const original = readFileSync(path, 'utf8');
await nextRun();
const edits: number[] = [];
for (let edit = 1; edit <= count; edit++) {
  const text = original.replace(/^(title: .*)$/m, `$1, edit ${edit}`);
  // Not at once: a second edit within the watcher's settling wait would join the first.
  await new Promise((done) => setTimeout(done, 100));
  const written = nextRun();
  const started = performance.now();
  writeFileSync(path, text);
  const run = await written;
  edits.push(performance.now() - started);
  if (run.changed.join() !== file) throw new Error(`run ${run.run} was of ${run.changed.join()}, not ${file}`);
}
child.kill('SIGINT');
await new Promise((done) => child.on('close', done));
writeFileSync(path, original);
console.log(JSON.stringify({ edits }));
