// The plan document as HTML for the site: the same mdast tree as index.md, through
// remark-rehype (which drops raw HTML: there is none, and none could get in), headings
// given ids, and every ```mermaid block replaced by its SVG drawings (light and dark) or,
// when no browser could draw them at build time, by a block Mermaid draws in the browser.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { PhrasingContent, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { THEMES, type Theme } from '../util/themes.ts';

import type { OutlineEntry } from '../emit/markdown/document.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Headings come with their ids (the document emitter gives them, as GitHub would).
const toHast = unified().use(remarkRehype);
// Raw HTML is printed as it is: the only raw nodes are SVG drawings (normalised and checked
// by src/render/mermaid.ts); plan text never becomes one (remark-rehype drops HTML).
export const printer = unified().use(rehypeStringify, { allowDangerousHtml: true });

/** Phrasing content (plan text already cleaned by the emitter) as HTML, for a table cell of the site's own pages. */
export function inlineHtml(nodes: PhrasingContent[]): string {
  const hast = toHast.runSync({ type: 'root', children: [{ type: 'paragraph', children: nodes }] }) as HastRoot;
  const paragraph = hast.children.find((child): child is Element => child.type === 'element');
  return paragraph ? printer.stringify({ type: 'root', children: paragraph.children }) : '';
}

/** Renumbers the ids of an SVG (they are unique per drawing; a page may hold one twice). */
function reidentify(svg: string, occurrence: number): string {
  const id = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  return id && occurrence > 0 ? svg.replaceAll(id, `${id}-${occurrence}`) : svg;
}

/** Where the SVG files of a page's drawings go: each drawing's file name (beside the page), filled in as the page is made. */
export type DrawingFiles = Map<string, string>;

/**
 * A diagram: both drawings when there are SVGs, else Mermaid source for the browser; in a
 * figure whose view fits the drawing to the column, which the page's script lets the reader
 * zoom, pan and show full screen (Diagrams.astro), and, for drawings made at build time, a
 * link to the drawing as an SVG file (its theme's: the script switches it with the theme).
 */
function diagramElement(source: string, svgs: ReadonlyMap<string, Record<Theme, string>> | undefined, occurrence: number, label: string, files?: DrawingFiles): Element {
  const drawings = svgs?.get(source);
  const figure = (className: string[], view: ElementContent[], tools: ElementContent[]): Element => ({
    type: 'element',
    tagName: 'figure',
    properties: { className, dataPlancZoom: '' },
    children: [
      // Focusable: when zoomed in, the view scrolls, and a keyboard must be able to scroll it.
      { type: 'element', tagName: 'div', properties: { className: ['planc-diagram-view'], tabIndex: 0, role: 'region', ariaLabel: label }, children: view },
      { type: 'element', tagName: 'figcaption', properties: { className: ['planc-diagram-tools'] }, children: tools },
    ],
  });
  if (!drawings) {
    return figure(['planc-diagram', 'planc-diagram-browser'], [{ type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: source }] }], []);
  }
  const names = {} as Record<Theme, string>;
  const view: ElementContent[] = THEMES.map((theme) => {
    const svg = reidentify(drawings[theme], occurrence);
    names[theme] = `${/^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1] ?? `diagram-${theme}`}.svg`;
    files?.set(names[theme], svg);
    return { type: 'element', tagName: 'div', properties: { className: ['planc-diagram-drawing', `planc-diagram-${theme}`] }, children: [{ type: 'raw', value: svg }] };
  });
  const open: ElementContent[] = files
    ? [{ type: 'element', tagName: 'a', properties: { className: ['planc-diagram-open'], href: names.light, dataDarkHref: names.dark }, children: [{ type: 'text', value: 'Open the SVG' }] }]
    : [];
  return figure(['planc-diagram'], view, open);
}

/** The drawing a ```mermaid block is marked as (`data-planc-drawing`), when it is one the site draws natively. */
function markedDrawing(code: Element | undefined): string | undefined {
  const mark = code?.properties.dataPlancDrawing;
  return typeof mark === 'string' ? mark : undefined;
}

export interface DocumentHtmlOptions {
  /** SVG drawings by diagram source, when they were drawn at build time (a diagram without one is drawn by the browser). */
  svgs?: ReadonlyMap<string, Record<Theme, string>> | undefined;
  /** Drawings planc made itself (the timeline, the workload), by the mark of the block they replace. */
  native?: Readonly<Record<string, string>>;
  /** Where a name written as code links to (an item's id: its row), when it names something. */
  links?: (name: string) => string | undefined;
  /** Filled with the SVG files of the drawings, for the page to link to (none: no links). */
  files?: DrawingFiles;
}

/**
 * A plan's document as the site's HTML. Its headings are the emitter's (`outline`, by id):
 * they name the tables and diagrams below them. Drawings planc made itself take the place
 * of the blocks marked as them; names written as code that `links` knows become links.
 */
export function documentHtml(tree: Root, outline: readonly OutlineEntry[], options: DocumentHtmlOptions = {}): string {
  const { svgs, native = {}, links, files } = options;
  // remark-rehype reads the mdast tree and leaves it as it was: no copy needed.
  const hast = toHast.runSync(tree) as HastRoot;
  const headingsById = new Map(outline.map((entry) => [entry.id, entry]));
  const seen = new Map<string, number>();
  const tableLabels = new Map<Element, string>();
  // Each table's region is named after the headings above it, uniquely within the page.
  const context: string[] = [];
  const used = new Map<string, number>();
  visit(hast, 'element', (node, index, parent) => {
    // Dates stay on one line in narrow table columns.
    if (node.tagName === 'td' && DATE.test(toString(node))) node.properties.className = ['planc-nowrap'];
    // What the markdown says about a drawing the site shows in its place.
    const markdownOnly = node.properties.dataPlancMarkdownOnly;
    if (typeof markdownOnly === 'string' && native[markdownOnly] !== undefined && parent && index !== undefined) {
      // With the line break after it.
      const next = parent.children[index + 1];
      parent.children.splice(index, next?.type === 'text' && next.value.trim() === '' ? 2 : 1);
      return index;
    }
    // A placeholder of planc's own drawing (the workload's paragraph): the drawing in its place.
    const placeholder = node.tagName === 'code' ? undefined : node.properties.dataPlancDrawing;
    if (typeof placeholder === 'string' && native[placeholder] !== undefined && parent && index !== undefined) {
      parent.children[index] = { type: 'raw', value: native[placeholder] } as unknown as ElementContent;
      return SKIP;
    }
    const heading = /^h[1-6]$/.test(node.tagName) ? headingsById.get(String(node.properties.id)) : undefined;
    if (heading) {
      context.length = heading.depth - 1;
      context[heading.depth - 1] = heading.text;
      // A sub-heading says, unseen, what it is under ("Phase 2: Core implementation › Tasks"):
      // search results are titled by their heading, and a screen reader's list of headings
      // reads better with it. The outline (the table of contents) keeps the short text.
      const above = context.slice(1, -1).filter(Boolean);
      if (heading.depth > 2 && above.length > 0) node.children.unshift({ type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: `${above.join(' › ')} › ` }] });
    }
    if (node.tagName === 'table') {
      const base = context.filter(Boolean).slice(-2).join(': ') || 'Plan';
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      tableLabels.set(node, count === 1 ? `${base} (table)` : `${base} (table ${count})`);
    }
    // A task list's checkbox is named by its item's text (it is read-only: the state of
    // the criterion in the plan).
    if (node.tagName === 'input' && node.properties.type === 'checkbox' && parent?.type === 'element') {
      node.properties.ariaLabel = toString(parent).trim();
    }
    // An id written as code, outside code blocks and links: a link to what it names.
    if (links && node.tagName === 'code' && parent?.type === 'element' && parent.tagName !== 'pre' && parent.tagName !== 'a' && index !== undefined) {
      const href = links(toString(node));
      if (href !== undefined) {
        parent.children[index] = { type: 'element', tagName: 'a', properties: { href }, children: [node] };
        return SKIP;
      }
    }
    if (node.tagName !== 'pre' || !parent || index === undefined) return;
    const code = node.children[0];
    if (code?.type !== 'element' || code.tagName !== 'code') return;
    const classes = (code.properties.className as string[] | undefined) ?? [];
    if (!classes.includes('language-mermaid')) {
      // A long command scrolls in its block, which a keyboard must be able to reach.
      node.properties.tabIndex = 0;
      return;
    }
    const mark = markedDrawing(code);
    if (mark && native[mark] !== undefined) {
      // planc's own drawing, made of escaped plan text (src/emit/gantt/).
      parent.children[index] = { type: 'raw', value: native[mark] } as unknown as ElementContent;
      return SKIP;
    }
    const source = normalise(toString(code));
    const occurrence = seen.get(source) ?? 0;
    seen.set(source, occurrence + 1);
    // Named after the heading it sits under (an architecture diagram follows its prose).
    const under = context.filter(Boolean).at(-1);
    const label = under ? `Diagram: ${under}` : 'Diagram';
    parent.children[index] = diagramElement(source, svgs, occurrence, label, files);
  });
  // Wide tables scroll sideways in a region a keyboard can reach (and scroll).
  visit(hast, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    parent.children[index] = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['planc-scroll'], tabIndex: 0, role: 'region', ariaLabel: tableLabels.get(node) ?? 'Table' },
      children: [node],
    };
    return SKIP;
  });
  return printer.stringify(hast);
}

/** Every Mermaid source in a document tree, for rendering (but those marked as a drawing in `except`, which planc draws itself). */
export function mermaidSources(tree: Root, except: readonly string[] = []): string[] {
  const sources: string[] = [];
  visit(tree, 'code', (node) => {
    const mark = (node.data as { hProperties?: { dataPlancDrawing?: string } } | undefined)?.hProperties?.dataPlancDrawing;
    if (node.lang === 'mermaid' && !(mark && except.includes(mark))) sources.push(normalise(node.value));
  });
  return sources;
}

/** Diagram sources end with exactly one line break, however they were carried. */
export function normalise(source: string): string {
  return source.replace(/\n*$/, '\n');
}
