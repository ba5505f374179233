// Diagrams per second: planc's renderer (one Chromium page, Mermaid loaded once, every
// diagram drawn in turn, light and dark) against mermaid-cli run once per diagram (what a
// build calling `mmdc` for each diagram does), on the same sources, in the same run.
//   node bench/probes/render.ts <folder of .mmd files> <chromium>
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDiagrams } from '../../dist/render/mermaid.js';

const [folder, chromium] = [process.argv[2]!, process.argv[3]!];
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.mmd'))
  .sort()
  .map((name) => readFileSync(join(folder, name), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'planc-render-'));
try {
  let started = performance.now();
  const { stats } = await renderDiagrams(sources, { chromium, cacheDir: join(work, 'cache') });
  const planc = performance.now() - started;
  if (stats.failed > 0 || stats.rendered !== sources.length * 2) throw new Error(`planc drew ${stats.rendered} of ${sources.length * 2}`);

  const mmdc = fileURLToPath(new URL('../../node_modules/.bin/mmdc', import.meta.url));
  const config = join(work, 'puppeteer.json');
  writeFileSync(config, JSON.stringify({ executablePath: chromium, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'] }));
  started = performance.now();
  sources.forEach((source, index) => {
    const input = join(work, `${index}.mmd`);
    writeFileSync(input, source);
    const result = spawnSync(mmdc, ['-p', config, '-i', input, '-o', join(work, `${index}.svg`), '-q'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`mmdc failed: ${result.stderr}`);
  });
  const cli = performance.now() - started;
  console.log(JSON.stringify({ plancPerSecond: (sources.length * 2) / (planc / 1000), mmdcPerSecond: sources.length / (cli / 1000), planc, mmdc: cli }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
