// Small English for messages: "1 warning", "3 warnings"; "a task", "an architecture diagram".

/** A count with its noun, plural when the count is not one. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A noun with its indefinite article. */
export function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
