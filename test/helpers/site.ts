// Reading a built site the way a browser would, without one: its pages, and every link,
// asset and fragment they point at.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(rehypeParse);

/** Every HTML page of a site, as paths relative to its folder (`plans/x/index.html`). */
export function sitePages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** The URL path a page is served at, under the base. */
export function pageUrl(page: string, base: string): string {
  return `${base}${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface Page {
  tree: Root;
  ids: string[];
  /** Every URL the page refers to: links, stylesheets, scripts, images, and SVG references. */
  references: Array<{ attribute: string; value: string }>;
}

export function readPage(file: string): Page {
  const tree = parser.parse(readFileSync(file, 'utf8'));
  const ids: string[] = [];
  const references: Page['references'] = [];
  visit(tree, 'element', (node: Element) => {
    const { properties } = node;
    if (typeof properties.id === 'string') ids.push(properties.id);
    for (const attribute of ['href', 'src', 'xLinkHref']) {
      const value = properties[attribute];
      if (typeof value === 'string') references.push({ attribute: `${node.tagName}[${attribute}]`, value });
    }
    for (const [attribute, value] of Object.entries(properties)) {
      if (typeof value !== 'string') continue;
      for (const match of value.matchAll(/url\((['"]?)(#[^'")]+)\1\)/g)) references.push({ attribute: `${node.tagName}[${attribute}]`, value: match[2]! });
    }
  });
  return { tree, ids, references };
}

/** The file a URL path under the base resolves to, as a static host would serve it. */
export function fileFor(folder: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rest = decodeURIComponent(path.slice(base.length));
  const target = join(folder, rest);
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = join(target, 'index.html');
  return existsSync(index) ? index : undefined;
}
