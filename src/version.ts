import { readFileSync } from 'node:fs';

interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url: string };
}

/** planc's package.json (one level above both src/ and dist/). */
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Manifest;

/** planc's version. */
export const VERSION: string = manifest.version;

/** planc's repository on the web, from package.json (`git+https://…/x.git` → `https://…/x`). */
export const REPOSITORY: string = (typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? ''))
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** planc's home page. */
export const HOME_PAGE: string = manifest.homepage ?? REPOSITORY;

/** A file of planc's documentation as published for this version, e.g. `docs/diagnostics.md`. */
export function docsUrl(path: string): string {
  return `${REPOSITORY}/blob/v${VERSION}/${path}`;
}
