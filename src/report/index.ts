// Reporters by name; the CLI picks one with --format.
import { json } from './json.ts';
import { stylish } from './stylish.ts';
import type { Style } from './terminal.ts';
import type { ReportInput } from './types.ts';

export type Reporter = (input: ReportInput, style: Style) => string;

export const reporters: Readonly<Record<string, Reporter>> = {
  stylish,
  json: (input) => json(input),
};
