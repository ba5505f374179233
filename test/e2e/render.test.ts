// The bundled plans' diagrams, rendered to SVG by mermaid-cli in Chromium, as a reader's
// tool would render them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { planc, ROOT } from '../helpers/repo.ts';
import { job, renderDiagrams, svgId } from '../../src/render/mermaid.ts';

describe.skipIf(!CHROMIUM)('diagrams rendered by mermaid-cli', () => {
  const work = mkdtempSync(join(tmpdir(), 'planc-render-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const config = join(work, 'puppeteer.json');
  writeFileSync(config, JSON.stringify({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));

  it('renders every diagram of the bundled plans to SVG', () => {
    const out = join(work, 'out');
    expect(planc(['build', '--out', out], { cwd: ROOT }).status).toBe(0);
    let rendered = 0;
    for (const plan of ['jwt-auth-refactor', 'session-store-migration']) {
      const folder = join(out, plan);
      const diagrams = readdirSync(folder).filter((name) => name.endsWith('.mmd'));
      expect(diagrams.length).toBeGreaterThanOrEqual(3);
      // mmdc renders every ```mermaid block of a markdown file in one browser session.
      const document = join(folder, 'index.md');
      const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'mmdc'), ['-p', config, '-i', document, '-o', join(folder, 'rendered.md'), '-q'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const svgs = readdirSync(folder).filter((name) => name.startsWith('rendered-') && name.endsWith('.svg'));
      expect(svgs.length).toBe((readFileSync(document, 'utf8').match(/^```mermaid$/gm) ?? []).length);
      for (const svg of svgs) {
        const text = readFileSync(join(folder, svg), 'utf8');
        expect(text.startsWith('<svg'), svg).toBe(true);
        expect(text, svg).not.toMatch(/aria-roledescription="error"|Syntax error in text/);
        expect(text, svg).toMatch(/aria-roledescription="(gantt|flowchart-v2)"/);
        expect(text, svg).toMatch(/<(rect|path|line|text)\b/);
        rendered += 1;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(6);
  }, 240_000);
});

describe.skipIf(!CHROMIUM)("planc's own renderer (one page per theme)", () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'planc-render-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('draws text that only looks like code, and says why a diagram could not be drawn', async () => {
    const codeLike = 'flowchart TB\n  a["Remove every onclick= handler"] --> b["Strip javascript: links and &lt;script&gt; tags"]\n';
    const broken = 'flowchart TB\n  a["open\n';
    const { svgs, stats } = await renderDiagrams([codeLike, broken], { chromium: CHROMIUM!, cacheDir });
    expect(stats).toMatchObject({ rendered: 2, cached: 0, failed: 2 });
    // Mermaid sets each word in its own tspan.
    const light = svgs.get(codeLike)?.light ?? '';
    for (const word of ['>onclick=<', '> javascript:<', '>&#x3C;script><']) expect(light.includes(word), word).toBe(true);
    // Each drawing carries the id derived from its source and theme (so builds are deterministic).
    expect(light.startsWith(`<svg id="${svgId(job(codeLike, 'light'))}"`)).toBe(true);
    expect(svgs.get(codeLike)!.dark.startsWith(`<svg id="${svgId(job(codeLike, 'dark'))}"`)).toBe(true);
    expect(svgs.has(broken)).toBe(false);
    expect(stats.failures.map(({ source, theme }) => [source, theme])).toEqual([
      [broken, 'light'],
      [broken, 'dark'],
    ]);
    for (const failure of stats.failures) expect(failure.reason).toMatch(/^Mermaid could not draw it: \S/);
    // From the cache the second time, through the same check.
    const again = await renderDiagrams([codeLike], { chromium: CHROMIUM!, cacheDir });
    expect(again.stats).toMatchObject({ rendered: 0, cached: 2, failed: 0 });
  }, 120_000);
});
