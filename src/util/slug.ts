// Text as an id of the plan language (a slug: lowercase letters, digits and hyphens), for
// the fixes that turn `Token Generation` or `tokenGen` into `token-generation`.

/** The longest id the language allows. */
const MAX_ID = 64;

/** `Write the code` → `write-the-code`, `tokenGen` → `token-gen`, `Café` → `cafe`; empty when nothing is left. */
export function toSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID) return slug;
  const cut = slug.slice(0, MAX_ID);
  // At a word's end where there is one.
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` does not hold. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A name as references by name compare it: case, spacing and a closing full stop ignored. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}
