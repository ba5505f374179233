// Markdown written in plans (summaries, descriptions, decisions) is untrusted. It is
// parsed, never pasted: raw HTML becomes visible text, links and images keep only safe
// addresses (images become links, so a document never loads a remote image by itself),
// and headings move below the document's own.
import type { BlockContent, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { isPlainText } from '../../util/mdast.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** http(s), mailto, in-page anchors and relative paths; never javascript:, data: or the like. */
export function safeUrl(url: string): boolean {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  return scheme === undefined ? !trimmed.startsWith('//') : scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** Nodes whose children are blocks (flow), not phrasing. */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function clean(node: Nodes, headingFloor: number, flow: boolean): Nodes[] {
  switch (node.type) {
    case 'html':
      // Raw HTML is shown as the text it is: a paragraph where blocks go, text inside one.
      return flow ? [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }] : [{ type: 'text', value: node.value }];
    case 'link':
      if (!safeUrl(node.url)) return node.children.flatMap((child) => clean(child, headingFloor, false));
      break;
    case 'image':
      if (!safeUrl(node.url)) return node.alt ? [{ type: 'text', value: node.alt }] : [];
      return [{ type: 'link', url: node.url, children: [{ type: 'text', value: node.alt || node.url }] }];
    case 'definition':
      if (!safeUrl(node.url)) return [];
      break;
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'heading':
      node.depth = Math.min(6, Math.max(node.depth, headingFloor)) as 1 | 2 | 3 | 4 | 5 | 6;
      break;
    default:
      break;
  }
  if ('children' in node) {
    const childrenFlow = FLOW.has(node.type);
    (node as Parent).children = (node as Parent).children.flatMap((child) => clean(child as Nodes, headingFloor, childrenFlow)) as Parent['children'];
  }
  return [node];
}

/** Block content for a markdown field of a plan, safe to place in a document. */
export function untrustedBlocks(markdown: string, headingFloor = 4): BlockContent[] {
  // A line of plain words is one paragraph: no need to run the markdown parser over it.
  const trimmed = markdown.trim();
  if (trimmed !== '' && /^[\p{L}\p{N}]/u.test(trimmed) && isPlainText(trimmed)) return [{ type: 'paragraph', children: [{ type: 'text', value: trimmed }] }];
  const tree = parser.parse(markdown) as Root;
  return tree.children.flatMap((child) => clean(child as Nodes, headingFloor, true)) as BlockContent[];
}

/** Inline content on one line (for a table cell): the blocks of the text, run together. */
export function untrustedInline(markdown: string): PhrasingContent[] {
  const inline: PhrasingContent[] = [];
  for (const block of untrustedBlocks(markdown) as RootContent[]) {
    if (inline.length > 0) inline.push({ type: 'text', value: ' ' });
    if (block.type === 'paragraph' || block.type === 'heading') inline.push(...block.children.map(oneLine));
    else inline.push({ type: 'text', value: toString(block).replace(/\s+/g, ' ') });
  }
  return inline;
}

function oneLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'break') return { type: 'text', value: ' ' };
  if (node.type === 'text' || node.type === 'inlineCode') return { ...node, value: node.value.replace(/\s*[\r\n]+\s*/g, ' ') };
  if ('children' in node) return { ...node, children: (node.children as PhrasingContent[]).map(oneLine) } as PhrasingContent;
  return node;
}
