// Writes docs/diagnostics.md from the diagnostics catalogue (`npm run docs`); a test fails
// when the committed file drifts.
import { writeFileSync } from 'node:fs';
import { diagnosticsMarkdown } from '../src/diagnostics/markdown.ts';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsMarkdown());
