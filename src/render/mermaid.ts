// Mermaid → SVG at build time: one headless Chromium page per theme (light and dark) loads
// Mermaid once and renders every diagram in turn, instead of one mermaid-cli run (a browser
// start and a Mermaid load) per diagram. SVGs are cached by a hash of their source,
// theme and Mermaid version, so an unchanged diagram is never rendered again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { Page } from 'playwright-core';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { writeAtomically } from '../util/atomic.ts';
import { CLASS_STYLES, THEMES, type Theme } from '../util/themes.ts';
import { chromiumArgs } from './chromium.ts';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;


/** Diagrams drawn per call into the page. */
const CHUNK = 16;

/** The width diagrams are drawn for, in CSS pixels: the site's column of text. */
const DRAWING_WIDTH = 640;

/** Text beside a done or in-progress Gantt bar, in the dark theme (Mermaid draws it dark). */
const OUTSIDE_TEXT = ['activeText', 'activeCritText', 'doneText', 'doneCritText']
  .flatMap((name) => [0, 1, 2, 3].flatMap((n) => [`.taskTextOutsideRight.${name}${n}`, `.taskTextOutsideLeft.${name}${n}`]))
  .join(',');

/** Mermaid's settings for a theme, as `mermaid.initialize` takes them (the site carries them too). */
export interface MermaidSettings {
  theme: string;
  themeCSS: string;
  look: 'classic';
  flowchart: { wrappingWidth: number; useMaxWidth: boolean };
  /** The styles of planc's node classes in this theme (`classDef` lines are drawn with these: `themedSource`). */
  classStyles: Readonly<Record<string, string>>;
}

/** The page's background in each theme (Starlight's), behind edge labels. */
const PAGE = { light: '#ffffff', dark: '#17181c' } as const;

/**
 * Mermaid's settings per theme, for the drawings made at build time and for the ones the
 * reader's browser makes when there was no Chromium (the site carries them), so both are
 * sized and look alike. Mermaid scopes `themeCSS` to each drawing's id, so it wins over
 * the theme's own rules.
 * - The classic look: plain shapes (the "neo" look draws each edge of a box as a curve
 *   with random control points, ten times the bytes and different at every drawing).
 * - Labels wrap where the emitters break them, at words (src/emit/mermaid/text.ts):
 *   Mermaid's own wrapping, at 200 px, cut long identifiers in pieces ("USE_JWT_AUT / H").
 * - Edge labels sit on the page's background, opaque, so their line does not strike them through.
 * - Drawings fit the width they are given (the site adds zoom and a full-screen view).
 * - In the dark theme: fills of its own for what a plan adds, changes and removes (the
 *   document's light ones are for GitHub's light page), and for groups; the Gantt grid
 *   dimmer (its lines are drawn in `currentColor`, the page's light text), and the labels
 *   beside done and active bars light (Mermaid draws them in the dark colour meant for
 *   inside the light bars).
 */
export function mermaidTheme(theme: Theme): MermaidSettings {
  const edgeLabels = `.edgeLabel rect,.edgeLabel .background,.labelBkg{opacity:1!important;fill:${PAGE[theme]}!important;background-color:${PAGE[theme]}!important}.edgeLabel,.edgeLabel p{background-color:${PAGE[theme]}!important}`;
  const common = { look: 'classic' as const, flowchart: { wrappingWidth: 640, useMaxWidth: true }, classStyles: CLASS_STYLES[theme] };
  if (theme === 'light') return { theme: 'default', themeCSS: edgeLabels, ...common };
  // (Mermaid's gridColor styles the tick groups, not the lines, which carry their own stroke.)
  return {
    theme: 'dark',
    themeCSS: `${edgeLabels}.cluster rect{fill:#1f2328!important;stroke:#3d444d!important}.grid .tick line{stroke:#4a4f59}${OUTSIDE_TEXT}{fill:#d0d4da !important}`,
    ...common,
  };
}

/**
 * A diagram's source as drawn in a theme: the `classDef` lines planc writes (src/emit/mermaid/)
 * with the theme's styles. Plan text cannot make such a line: labels are on the line of
 * their node, quoted and escaped. The site's script does the same for the browser.
 */
export function themedSource(source: string, settings: Pick<MermaidSettings, 'classStyles'>): string {
  return source.replace(/^( {2}classDef (\w+)) .*$/gm, (line, head: string, name: string) => (settings.classStyles[name] === undefined ? line : `${head} ${settings.classStyles[name]}`));
}

/** Part of every cache key: bump when the rendering settings below change. */
const SETTINGS = `v7 strict htmlLabels=false width=${DRAWING_WIDTH} ${JSON.stringify(THEMES.map(mermaidTheme))}`;

export function mermaidScript(): string {
  return MERMAID_SCRIPT;
}

export interface RenderStats {
  /** Diagram drawings (source × theme) taken from the cache. */
  cached: number;
  /** Drawings rendered by Chromium this time. */
  rendered: number;
  /** Drawings that failed (their diagram falls back to the browser). */
  failed: number;
  /** Why each of them failed, by source and theme. */
  failures: Array<{ source: string; theme: Theme; reason: string }>;
}

function key(source: string, theme: Theme): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\u0000${SETTINGS}\u0000${theme}\u0000${source}`).digest('hex');
}

/** The id every SVG gets: unique per drawing, and stable (so builds are deterministic). */
export function svgId(job: Pick<Job, 'key'>): string {
  return `d${job.key.slice(0, 16)}`;
}

const svgParser = unified().use(rehypeParse, { fragment: true, space: 'svg' });
const svgPrinter = unified().use(rehypeStringify);

/**
 * Labels carry plan text as `#NN;` entity codes (src/emit/mermaid/text.ts). Drawn as SVG
 * text (htmlLabels off), Mermaid 12 turns them into `&#NN;` and then writes that as
 * literal text (`&amp;#NN;`), so "5% of users" would read "5&#37; of users". This turns
 * them back into character references. Only digits are matched, and every `#` of plan
 * text is itself encoded, so no text from a plan can form one; the result is text either
 * way (a reference is a character, never markup).
 */
export function numericEntities(svg: string): string {
  return svg.replace(/&amp;#(\d{1,7});/g, '&#$1;');
}

/** Attributes that hold only geometry: numbers, commands and separators, never plan text. */
const GEOMETRY = /\s(d|points|transform|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|width|height|viewBox)="([^"]*)"/g;

const tenth = (n: number) => Math.round(n * 10) / 10;

/** How Mermaid opens each word of a text label. Plan text holds no `<`, so it cannot write one. */
const INNER_TSPAN = '<tspan font-style="normal" class="text-inner-tspan" font-weight="normal">';

/**
 * A drawing with its geometry to a tenth of a pixel: Mermaid writes coordinates with
 * sixteen digits, keeps each edge's points again as base64 data no browser reads, and
 * gives each word of a label a tspan of its own. Only geometry and Mermaid's own markup
 * are touched: text, which holds plan text, is left as it is. (SVGO does more, but takes
 * 0.4 s a drawing: more than drawing it.)
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/\sdata-points="[A-Za-z0-9+/=]*"/g, '')
    // Data Mermaid keeps about its edges for itself (no style reads it), and empty styles.
    .replace(/\sdata-(?:et|edge|id)="[\w-]*"/g, '')
    .replace(/\sstyle=";?"/g, '')
    // A label's words in one run of text, not a tspan each (the text is the same).
    .replace(new RegExp(`</tspan>${INNER_TSPAN}`, 'g'), '')
    .replace(GEOMETRY, (_, name: string, value: string) => {
      return ` ${name}="${value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(tenth(Number(n))))}"`;
    });
}

/** Elements that can run, fetch or embed something: none of them belongs in a diagram. */
const UNSAFE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'img', 'handler', 'listener', 'animate', 'set', 'animatemotion', 'animatetransform', 'discard']);

/** An address that is not a fragment of the drawing itself (`#marker`). */
const OUTSIDE_ADDRESS = /^(?![\s\u0000-\u001f]*#)/;

/** CSS that fetches something: `@import`, or `url(…)` of anything but a fragment, or that could hide either behind an escape (`u\72l(`). */
const FETCHING_CSS = /@import|url\(\s*(?!['"]?\s*#)|\\/i;

/**
 * Everything the walk in safeSvg could refuse shows in the text as one of these: an unsafe
 * element's tag, an `on…=` attribute, an address attribute, a `url(` that is not a
 * #fragment, `@import`, and the escapes that could hide any of them in attribute values
 * (character references) or CSS (backslashes); and an `</svg>` before the end, which
 * could close the drawing and start another element. Text without them needs no parse.
 */
const SUSPECT = /<(?:script|foreignobject|iframe|object|embed|image|img|handler|listener|animate|set|discard)|[\s/"']on[a-z]+\s*=|(?:href|src|action)\s*=|url\((?!#)|@import|&[#a-z]|\\|<\/svg>(?!\s*$)/i;

/**
 * Plan text reaches SVGs only through Mermaid's strict mode and text labels; this is the
 * last guard: a drawing with anything executable is refused. It looks at the parsed tree,
 * as a browser would read it, not at the characters: label text is text, however much it
 * looks like code ("remove every onclick= handler", "javascript: links"), and a diagram
 * that says so is fine.
 */
export function safeSvg(svg: string): boolean {
  if (!svg.startsWith('<svg')) return false;
  // Parsing costs ~5 ms a drawing (a warm build of 400 drawings: 2 s); most drawings hold
  // none of the characters the walk below could refuse, and need no parse.
  if (!SUSPECT.test(svg)) return true;
  return parsedSvgIsSafe(svg);
}

/** The walk of safeSvg, over the parsed drawing (exported for a test against SUSPECT). */
export function parsedSvgIsSafe(svg: string): boolean {
  return safeTree(svgParser.parse(svg) as HastRoot);
}

/**
 * A drawing fresh from Mermaid as the site will hold it: parsed once, checked, and printed
 * again, so it is one well-formed element (whatever Mermaid wrote); done when drawn, not on
 * every build (the site then places it as it is). Undefined when it is not one safe SVG.
 */
export function checkedSvg(svg: string): string | undefined {
  const tree = svgParser.parse(svg) as HastRoot;
  return safeTree(tree) ? svgPrinter.stringify(tree) : undefined;
}

/** One `svg` element and nothing executable in it (see safeSvg). */
function safeTree(tree: HastRoot): boolean {
  const top = tree.children.filter((node) => node.type === 'element');
  if (top.length !== 1 || top[0]!.tagName !== 'svg') return false;
  // Whitespace or comments around the element are dropped when it is printed again.
  tree.children = top;
  let safe = true;
  visit(tree, 'element', (element: HastElement) => {
    const name = element.tagName.toLowerCase();
    if (UNSAFE_ELEMENTS.has(name)) safe = false;
    for (const [property, value] of Object.entries(element.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      // Event handlers (hast names them onClick, onLoad, …), links out of the drawing,
      // and styles that fetch.
      if (/^on/i.test(property)) safe = false;
      else if (/^(?:href|xLinkHref|src|action|formAction)$/i.test(property) && OUTSIDE_ADDRESS.test(text)) safe = false;
      else if (property === 'style' && FETCHING_CSS.test(text)) safe = false;
    }
    if (name === 'style' && element.children.some((child) => child.type === 'text' && FETCHING_CSS.test(child.value))) safe = false;
    return safe ? undefined : EXIT;
  });
  return safe;
}

/** A drawing to make: a diagram in one theme, and its cache key. */
interface Job {
  source: string;
  theme: Theme;
  /** The cache's name for the drawing: a hash of Mermaid's version and settings, the theme and the source. */
  key: string;
}

/** A drawing to make. */
export function job(source: string, theme: Theme): Job {
  return { source, theme, key: key(source, theme) };
}

/** What a render collects as it goes. */
interface Rendering {
  folder: string;
  stats: RenderStats;
  drawings: Map<string, Partial<Record<Theme, string>>>;
  progress(): void;
}

/**
 * SVGs for every source, in both themes: from the cache, or drawn in Chromium. A drawing
 * missing from the result failed to render (and is reported in the stats).
 */
export async function renderDiagrams(
  sources: Iterable<string>,
  options: { chromium: string; cacheDir: string; onProgress?: (done: number) => void },
): Promise<{ svgs: Map<string, Record<Theme, string>>; stats: RenderStats }> {
  const folder = join(options.cacheDir, 'svg');
  mkdirSync(folder, { recursive: true });
  const stats: RenderStats = { cached: 0, rendered: 0, failed: 0, failures: [] };
  const rendering: Rendering = { folder, stats, drawings: new Map(), progress: () => options.onProgress?.(stats.cached + stats.rendered + stats.failed) };
  const missing = fromCache(new Set(sources), rendering);
  rendering.progress();
  if (missing.length > 0) await draw(missing, options.chromium, rendering);
  // The two themes are drawn side by side: report failures in a fixed order, by source
  // (as given) and then theme.
  const order = new Map([...rendering.drawings.keys()].map((source, index) => [source, index]));
  stats.failures.sort((a, b) => order.get(a.source)! - order.get(b.source)! || THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme));
  const svgs = new Map<string, Record<Theme, string>>();
  for (const [source, entry] of rendering.drawings) {
    if (entry.light && entry.dark) svgs.set(source, { light: entry.light, dark: entry.dark });
  }
  return { svgs, stats };
}

/** Takes what the cache has (if it is still safe); returns the drawings still to make. */
function fromCache(sources: Set<string>, rendering: Rendering): Job[] {
  const missing: Job[] = [];
  for (const source of sources) {
    const entry: Partial<Record<Theme, string>> = {};
    rendering.drawings.set(source, entry);
    for (const theme of THEMES) {
      const drawing = job(source, theme);
      let cached: string | undefined;
      try {
        cached = readFileSync(join(rendering.folder, `${drawing.key}.svg`), 'utf8');
      } catch {
        // Not drawn yet.
      }
      // The cache is a folder on disk: what comes out of it passes the same check as what
      // comes out of Chromium.
      if (cached !== undefined && safeSvg(cached)) {
        entry[theme] = cached;
        rendering.stats.cached += 1;
      } else {
        missing.push(drawing);
      }
    }
  }
  return missing;
}

/**
 * One Chromium, one page per theme, each loading Mermaid once and drawing its diagrams in
 * turn; the two run side by side (Chromium gives each page its own renderer process).
 */
async function draw(jobs: Job[], executable: string, rendering: Rendering): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: executable, args: chromiumArgs() });
  try {
    await Promise.all(
      THEMES.map(async (theme) => {
        const batch = jobs.filter((job) => job.theme === theme);
        if (batch.length > 0) await drawTheme(await browser.newPage(), theme, batch, rendering);
      }),
    );
  } finally {
    await browser.close();
  }
}

async function drawTheme(page: Page, theme: Theme, batch: Job[], rendering: Rendering): Promise<void> {
  const settings = mermaidTheme(theme);
  // Gantt charts take the width of the page they are drawn in: that of the site's column
  // of text, so their labels are drawn at the size they are read at.
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;width:${DRAWING_WIDTH}px}</style></head><body></body></html>`);
  await page.addScriptTag({ path: MERMAID_SCRIPT });
  await page.evaluate((settings) => {
    const mermaid = (globalThis as unknown as { mermaid: { initialize(config: unknown): void } }).mermaid;
    // Labels as SVG text at build time: HTML labels would need a foreignObject, which safeSvg refuses.
    const { classStyles: _, ...config } = settings;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', ...config, flowchart: { ...config.flowchart, htmlLabels: false }, htmlLabels: false });
  }, settings);
  // In chunks, so the cache fills as drawings are made (an interrupted build keeps what it drew).
  for (let start = 0; start < batch.length; start += CHUNK) {
    const chunk = batch.slice(start, start + CHUNK);
    const results = await page.evaluate(async (drawings) => {
      const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      const out: Array<{ svg: string } | { error: string }> = [];
      for (const drawing of drawings) {
        try {
          out.push({ svg: (await mermaid.render(drawing.id, drawing.source)).svg });
        } catch (error) {
          out.push({ error: String((error as Error | undefined)?.message ?? error).split('\n')[0]! });
        }
      }
      return out;
    }, chunk.map((job) => ({ id: svgId(job), source: themedSource(job.source, settings) })));
    results.forEach((drawn, index) => store(chunk[index]!, drawn, rendering));
  }
  await page.close();
}

/** Keeps a drawing fresh from Mermaid (checked, and cached) or records why there is none. */
function store(job: Job, drawn: { svg: string } | { error: string }, rendering: Rendering): void {
  const { stats } = rendering;
  const svg = 'svg' in drawn ? checkedSvg(compactSvg(numericEntities(drawn.svg))) : undefined;
  if (svg === undefined) {
    stats.failed += 1;
    const reason = 'error' in drawn ? `Mermaid could not draw it: ${drawn.error}` : 'the drawing held something executable and was refused';
    stats.failures.push({ source: job.source, theme: job.theme, reason });
  } else {
    rendering.drawings.get(job.source)![job.theme] = svg;
    writeAtomically(join(rendering.folder, `${job.key}.svg`), svg);
    stats.rendered += 1;
  }
  rendering.progress();
}
