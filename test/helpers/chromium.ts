// The Chromium the browser tests drive: PLANC_CHROMIUM, or Debian's. CI installs it
// (.ci/run); without it the browser tests fail under CI and are skipped elsewhere.
import { existsSync } from 'node:fs';

export const CHROMIUM = [process.env.PLANC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && existsSync(path),
);

if (!CHROMIUM && process.env.CI) throw new Error('no Chromium found (set PLANC_CHROMIUM); CI must install it');

/** Flags for a headless Chromium in a container, where it runs as root and offline. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
