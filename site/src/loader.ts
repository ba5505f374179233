// A content loader over the data folder planc writes (PLANC_SITE_DATA). The collections
// hold what lists and indexes need; a plan's document (HTML, rendered by planc from the same
// tree as index.md, so with the same escaping, and heavy with its SVG drawings) stays in
// its own file, read by its page only: Astro bundles every collection into one module that
// every page loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
// planc's own types (they ship in dist/, as for Facts.astro).
import type { SiteData } from '../../dist/site/prepare.js';

type Kind = 'plans' | 'decisions' | 'risks' | 'diagnostics';

function folder(): string {
  const path = process.env.PLANC_SITE_DATA;
  if (!path) throw new Error('PLANC_SITE_DATA is not set: build the site with `planc site`');
  return path;
}

/** What site.json holds: the site's facts as planc prepared them, and the plans for the sidebar (src/site/build.ts). */
export type SiteInfo = SiteData['site'] & { plans: Array<{ id: string; title: string }> };

let info: SiteInfo | undefined;

/** The site's own facts (read once per build). */
export function siteInfo(): SiteInfo {
  info ??= JSON.parse(readFileSync(join(folder(), 'site.json'), 'utf8')) as SiteInfo;
  return info;
}

/** A plan's document, as HTML. */
export function planHtml(id: string): string {
  return readFileSync(join(folder(), 'plans', `${id}.html`), 'utf8');
}

/** A plan's status report, as HTML (only with a status date). */
export function planStatusHtml(id: string): string {
  return readFileSync(join(folder(), 'plans', `${id}.status.html`), 'utf8');
}

export function plancLoader(kind: Kind): Loader {
  return {
    name: `planc-${kind}`,
    load: async ({ store }) => {
      const entries = JSON.parse(readFileSync(join(folder(), `${kind}.json`), 'utf8')) as Array<Record<string, unknown>>;
      store.clear();
      entries.forEach((entry, order) => {
        const id = kind === 'decisions' || kind === 'risks' ? `${String(entry.plan)}/${String(entry.id)}` : String(entry.id ?? entry.code);
        store.set({ id, data: { ...entry, order } });
      });
    },
  };
}
