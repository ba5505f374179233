// Links inside the site, under the configured base path.
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export function days(value: number | undefined): string {
  return value === undefined ? '—' : `${Math.round(value * 10) / 10}d`;
}

/** "none", or the counts of findings: "2 warnings, 1 info". */
export function findings(counts: { errors: number; warnings: number; infos: number }): string {
  const parts = [
    [counts.errors, 'error'],
    [counts.warnings, 'warning'],
    [counts.infos, 'info'],
  ].flatMap(([count, word]) => (count === 0 ? [] : [`${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`]));
  return parts.length === 0 ? 'none' : parts.join(', ');
}
