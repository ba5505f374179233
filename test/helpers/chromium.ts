// The Chromium the browser tests drive: PLANC_CHROMIUM, or Debian's. CI installs it
// (.ci/run); without it the browser tests fail under CI and are skipped elsewhere.
import { existsSync } from 'node:fs';
import { chromiumArgs } from '../../src/render/chromium.ts';

export const CHROMIUM = [process.env.PLANC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && existsSync(path),
);

if (!CHROMIUM && process.env.CI) throw new Error('no Chromium found (set PLANC_CHROMIUM); CI must install it');

/** Flags for a headless Chromium in a container, where it may run as root and offline. */
export const CHROMIUM_ARGS = [...new Set([...chromiumArgs(), '--no-sandbox'])];
