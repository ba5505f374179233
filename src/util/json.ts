// JSON as planc writes it for tools (plan.json).
import { RAW_IN_JSON } from './invisible.ts';

/**
 * Stable JSON: keys in insertion order, undefined left out, on one line (it is for tools,
 * and a thousand plans of indented JSON would double what a build writes; `jq .` reads it).
 * JSON leaves DEL, C1 controls and bidirectional controls raw: written as escapes (the same
 * value when read), they cannot reorder what someone viewing the file sees.
 */
export function stringify(value: unknown): string {
  return `${JSON.stringify(value).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
