// Mermaid's own parser, in Node: it needs a DOM, which jsdom provides.
import { JSDOM } from 'jsdom';

let ready: Promise<(text: string) => Promise<unknown>> | undefined;

/** Resolves with Mermaid's `parse`, set up once per test file. */
export function mermaidParser(): Promise<(text: string) => Promise<unknown>> {
  ready ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.window = dom.window;
    globals.document = dom.window.document;
    for (const name of ['DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator', 'getComputedStyle', 'SVGElement']) {
      if (!(name in globalThis)) {
        try {
          globals[name] = (dom.window as unknown as Record<string, unknown>)[name];
        } catch {
          // Some globals (navigator) are getters on Node's globalThis; they are fine as they are.
        }
      }
    }
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return (text: string) => mermaid.parse(text);
  })();
  return ready;
}
