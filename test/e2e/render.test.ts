// The bundled plans' diagrams, rendered to SVG by mermaid-cli in Chromium, as a reader's
// tool would render them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { planc, ROOT } from '../helpers/repo.ts';
import { gantt } from '../../src/emit/mermaid/gantt.ts';
import { job, renderDiagrams, svgId } from '../../src/render/mermaid.ts';
import { compileYaml } from '../helpers/compile.ts';

describe.skipIf(!CHROMIUM)('diagrams rendered by mermaid-cli', () => {
  const work = mkdtempSync(join(tmpdir(), 'planc-render-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const config = join(work, 'puppeteer.json');
  writeFileSync(config, JSON.stringify({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));

  it('renders every diagram of the bundled plans to SVG', () => {
    const out = join(work, 'out');
    expect(planc(['build', '--out', out], { cwd: ROOT }).status).toBe(0);
    const documents: string[] = [];
    for (const plan of ['jwt-auth-refactor', 'session-store-migration']) {
      const diagrams = readdirSync(join(out, plan)).filter((name) => name.endsWith('.mmd'));
      expect(diagrams.length).toBeGreaterThanOrEqual(3);
      documents.push(readFileSync(join(out, plan, 'index.md'), 'utf8'));
    }
    // mmdc renders every ```mermaid block of a markdown file in one browser session: both
    // documents in one file, one browser started.
    const document = join(work, 'both.md');
    writeFileSync(document, documents.join('\n'));
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'mmdc'), ['-p', config, '-i', document, '-o', join(work, 'rendered.md'), '-q'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const svgs = readdirSync(work).filter((name) => name.startsWith('rendered-') && name.endsWith('.svg'));
    expect(svgs.length).toBe(documents.join('\n').match(/^```mermaid$/gm)!.length);
    for (const svg of svgs) {
      const text = readFileSync(join(work, svg), 'utf8');
      expect(text.startsWith('<svg'), svg).toBe(true);
      expect(text, svg).not.toMatch(/aria-roledescription="error"|Syntax error in text/);
      expect(text, svg).toMatch(/aria-roledescription="(gantt|flowchart-v2)"/);
      expect(text, svg).toMatch(/<(rect|path|line|text)\b/);
    }
    expect(svgs.length).toBeGreaterThanOrEqual(6);
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
    // Each line of a label is one run of text (compactSvg joins Mermaid's tspan a word).
    const light = svgs.get(codeLike)?.light ?? '';
    for (const line of ['>Remove every onclick= handler<', '>Strip javascript: links and &#x3C;script> tags<']) expect(light.includes(line), line).toBe(true);
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

  it("draws the markdown's Gantt chart with ticks that never restart and accessible text as written", async () => {
    // An undated plan of 100 working days (ticks every 14 days: day 1, 15, 29…, never "day 29, 32"),
    // and one of 50 dated days, whose weekly ticks fall on Mondays.
    const tasks = (n: number) => Array.from({ length: n }, (_, i) => `      - { id: t${i}, title: Step ${i}, duration: 10d${i ? `, dependsOn: [t${i - 1}]` : ''} }`);
    const undated = ['title: Undated; with a <b>semicolon</b> & 50%', 'phases:', '  - id: p', '    title: P', '    tasks:', ...tasks(10), ''].join('\n');
    const dated = ['title: Dated', 'start: 2027-03-03', 'phases:', '  - id: p', '    title: P', '    tasks:', ...tasks(4), ''].join('\n');
    const result = compileYaml({ 'undated.plan.yaml': undated, 'dated.plan.yaml': dated });
    const [undatedChart, datedChart] = ['undated', 'dated'].map((id) => {
      const plan = result.built.find((p) => p.id === id)!;
      return gantt(plan, result.analysis.plans.get(plan)!)!;
    });
    const { svgs, stats } = await renderDiagrams([undatedChart!, datedChart!], { chromium: CHROMIUM!, cacheDir });
    expect(stats.failed).toBe(0);
    const ticks = (svg: string) => [...svg.matchAll(/<g class="tick"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks(svgs.get(undatedChart!)!.light)).toEqual(['day 1', 'day 15', 'day 29', 'day 43', 'day 57', 'day 71', 'day 85', 'day 99']);
    // 2027-03-08 is the first Monday after the start.
    expect(ticks(svgs.get(datedChart!)!.light).slice(0, 3)).toEqual(['Mar 08', 'Mar 15', 'Mar 22']);
    const title = /<title[^>]*>(.*?)<\/title>/.exec(svgs.get(undatedChart!)!.light)![1];
    expect(title).toBe('Timeline of Undated; with a &#x3C;b>semicolon&#x3C;/b> &#x26; 50%');
  }, 120_000);
});
