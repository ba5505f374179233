/** Words YAML 1.1 tools read as booleans; planc reads YAML 1.2, where they are text. */
export const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);
