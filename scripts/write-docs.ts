// Writes what is generated from the diagnostics catalogue (`npm run docs`): docs/diagnostics.md
// and the recorded output of every example (src/diagnostics/examples.generated.json, which
// the site shows). Tests fail when either drifts from what the catalogue gives.
import { writeFileSync } from 'node:fs';
import { diagnosticsMarkdown } from '../src/diagnostics/markdown.ts';
import { exampleOutputs } from './example-outputs.ts';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsMarkdown());
writeFileSync(new URL('../src/diagnostics/examples.generated.json', import.meta.url), `${JSON.stringify(await exampleOutputs(), null, 2)}\n`);
