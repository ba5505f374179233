// Writes what is generated from the diagnostics catalogue (`npm run docs`): docs/diagnostics.md,
// the recorded output of every example (src/diagnostics/examples.generated.json, which the
// site shows) and the authoring guide (docs/guide.md, from the catalogue, the schema and the
// bundled plans). Tests fail when any of them drifts from what it is made of.
import { writeFileSync } from 'node:fs';
import { guideMarkdown } from '../src/api/guide.ts';
import { diagnosticsMarkdown } from '../src/diagnostics/markdown.ts';
import { exampleOutputs } from './example-outputs.ts';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsMarkdown());
writeFileSync(new URL('../docs/guide.md', import.meta.url), guideMarkdown());
writeFileSync(new URL('../src/diagnostics/examples.generated.json', import.meta.url), `${JSON.stringify(await exampleOutputs(), null, 2)}\n`);
