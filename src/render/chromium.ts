// Finding a Chromium (or Chrome) to render diagrams with: the configured path, an
// environment variable, the usual install locations, or the browser caches of puppeteer
// and Playwright. None found is not an error: the site then draws diagrams in the browser.
// PLANC_CHROMIUM=none switches build-time rendering off.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ChromiumSearch {
  /** The caller's own setting (`--chromium` on the command line). */
  option?: string;
  /** How messages name that setting (default: the library's option, `chromium`). */
  optionLabel?: string;
  /** `site.chromium` from the config. */
  configured?: string;
  env: Readonly<Record<string, string | undefined>>;
}

const USUAL = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Executables under a browser cache, newest version first. */
function cached(root: string, inside: string[]): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .reverse()
    .flatMap((version) => inside.map((path) => join(root, version, path)));
}

export interface ChromiumFound {
  path: string;
  /** Where it came from, for messages. */
  source: string;
}

export interface ChromiumLookup {
  found?: ChromiumFound;
  /** Why none is used: switched off, or none found. */
  reason?: string;
  /** An explicit setting names a file that does not exist: a mistake, not a choice. */
  missing?: { path: string; source: string };
}

/** Values that switch build-time rendering off. */
const OFF = new Set(['none', 'off', 'false', '0']);

export function isOff(value: string): boolean {
  return OFF.has(value.toLowerCase());
}

/**
 * The browser to draw diagrams with. An explicit setting (--chromium, then PLANC_CHROMIUM,
 * then the config) wins and is not second-guessed: `none` switches drawing off (`reason`
 * says so), and a file that does not exist is `missing` (the site refuses to build: a
 * typo must not quietly leave the drawing to the reader's browser). Otherwise the first of
 * the usual places that exists.
 */
export function findChromium(search: ChromiumSearch): ChromiumLookup {
  const { env } = search;
  const explicit: Array<[string | undefined, string]> = [
    [search.option, search.optionLabel ?? 'the `chromium` option'],
    [env.PLANC_CHROMIUM, 'PLANC_CHROMIUM'],
    [search.configured, '`site.chromium` in the config'],
  ];
  for (const [value, source] of explicit) {
    if (value === undefined || value === '') continue;
    if (isOff(value)) return { reason: `${source} is \`${value}\`` };
    if (existsSync(value)) return { found: { path: value, source } };
    return { reason: `${source} names \`${value}\`, which does not exist`, missing: { path: value, source } };
  }
  const candidates: Array<[string | undefined, string]> = [
    [env.CHROME_PATH, 'CHROME_PATH'],
    [env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH'],
    ...USUAL.map((path): [string, string] => [path, path]),
    ...cached(join(env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer'), 'chrome'), ['chrome-linux64/chrome', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing']).map(
      (path): [string, string] => [path, "puppeteer's browser cache"],
    ),
    ...cached(join(homedir(), '.cache', 'ms-playwright'), ['chrome-linux/chrome', 'chrome-linux64/chrome']).map(
      (path): [string, string] => [path, "Playwright's browser cache"],
    ),
  ];
  for (const [path, source] of candidates) {
    if (path && existsSync(path)) return { found: { path, source } };
  }
  return { reason: 'no Chromium or Chrome was found (set PLANC_CHROMIUM or `site.chromium`, or install chromium)' };
}

/** Flags for headless rendering: offline, no sandbox when running as root (containers). */
export function chromiumArgs(): string[] {
  const args = [
    '--headless',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
