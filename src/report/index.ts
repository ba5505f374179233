// Reporters by name; `planc check --format` picks them. Each reads the same ReportInput.
import { github } from './github.ts';
import { json } from './json.ts';
import { junit } from './junit.ts';
import { markdown } from './markdown.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';
import type { Style } from './terminal.ts';
import type { ReportInput } from './types.ts';

export type Reporter = (input: ReportInput, style: Style) => string;

export const reporters: Readonly<Record<string, Reporter>> = {
  stylish,
  json: (input) => json(input),
  github: (input) => github(input),
  sarif: (input) => sarif(input),
  junit: (input) => junit(input),
  markdown: (input) => markdown(input),
};

/** Formats for programs, not people: they are the whole of what they are written to. */
export const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'sarif', 'junit', 'github']);
