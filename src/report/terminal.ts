// Terminal text: colour when asked, and plan text made safe to print (a plan could carry
// escape sequences that would otherwise drive the reader's terminal).
import { INVISIBLE_ALL } from '../util/invisible.ts';

export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const paint = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOUR: Style = {
  red: paint(31, 39),
  yellow: paint(33, 39),
  cyan: paint(36, 39),
  green: paint(32, 39),
  dim: paint(2, 22),
  bold: paint(1, 22),
};

const same = (text: string) => text;
export const PLAIN: Style = { red: same, yellow: same, cyan: same, green: same, dim: same, bold: same };

/**
 * Colour on a terminal unless NO_COLOR is set; FORCE_COLOR forces it on (or off with 0).
 * See https://no-color.org and https://force-color.org.
 */
export function wantsColour(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** Control characters (escape sequences included) shown as visible escapes; tabs kept. */
export function printable(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) =>
    `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}
