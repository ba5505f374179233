// CODEOWNERS, read the way GitHub reads it: a pattern and its owners per line, the last
// matching line wins, a line without owners takes ownership away. Patterns follow
// gitignore's rules with GitHub's documented exceptions: no `!` negation, no `[ ]`
// character ranges (brackets are plain characters), and `docs/*` owns the files directly
// in `docs/` but not those further down.
//
// Why not a library: the npm packages for CODEOWNERS (codeowners, codeowners-utils,
// github-codeowners) match with gitignore semantics (the `ignore` package), where a
// matched folder covers everything below it — so `docs/*` would own `docs/a/b.md`, which
// GitHub documents as not owned — and they split lines on every `#`. The line syntax is a
// few rules; each pattern becomes one regular expression, compiled once.

/** One effective line of a CODEOWNERS file. */
export interface OwnerRule {
  pattern: string;
  owners: string[];
  /** 1-based. */
  line: number;
  regex: RegExp;
}

/** `@user`, `@org/team`, or an e-mail address. */
const OWNER = /^(@[\w.-]+(\/[\w.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** The rules of a CODEOWNERS text, in file order; lines GitHub would skip are left out. */
function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const [pattern, ...owners] = splitLine(line);
    // GitHub skips a line it cannot read: a negation, an owner that is no user, team or address.
    if (!pattern || pattern.startsWith('!') || !owners.every((owner) => OWNER.test(owner))) return;
    rules.push({ pattern, owners, line: index + 1, regex: patternRegex(pattern) });
  });
  return rules;
}

/** Words split on unescaped whitespace (`\ ` keeps a space in a pattern). */
function splitLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      word += c + line[++i];
    } else if (/\s/.test(c)) {
      if (word) words.push(word);
      word = '';
    } else word += c;
  }
  if (word) words.push(word);
  return words;
}

const SPECIAL = /[.+^${}()|[\]\\]/;

/** A CODEOWNERS pattern as a regular expression over a file path relative to the root. */
export function patternRegex(pattern: string): RegExp {
  const folderOnly = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  // A slash at the start or in the middle anchors the pattern at the root; else it matches at any depth.
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  const segments = body.split('/');
  const parts = segments.map((segment, i) => {
    if (segment === '**') return i === segments.length - 1 ? '.*' : '(?:[^/]+/)*';
    let out = '';
    for (let k = 0; k < segment.length; k++) {
      const c = segment[k]!;
      if (c === '\\' && k + 1 < segment.length) out += escape(segment[++k]!);
      else if (c === '*') out += '[^/]*';
      else if (c === '?') out += '[^/]';
      else out += escape(c);
    }
    return out;
  });
  let source = '';
  parts.forEach((part, i) => {
    source += part;
    if (i < parts.length - 1 && segments[i] !== '**') source += '/';
  });
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const last = segments.at(-1);
  // `dir/` owns what is inside; `docs/*` only the files directly in docs/; anything else
  // names a file, or a folder and everything in it.
  const suffix = folderOnly ? '/.*$' : last === '*' || last === '**' ? '$' : '(?:/.*)?$';
  return new RegExp(prefix + source + suffix);
}

function escape(c: string): string {
  return SPECIAL.test(c) ? `\\${c}` : c;
}

/** The owners of files by CODEOWNERS rules, each file's worked out once. */
export class CodeOwners {
  /** Where the file is, as messages name it. */
  readonly file: string;
  readonly rules: readonly OwnerRule[];
  /** The folder paths are asked from, inside the folder the file's patterns are relative to (`''`: the same). */
  readonly #prefix: string;
  readonly #cache = new Map<string, readonly string[]>();

  constructor(file: string, text: string, prefix = '') {
    this.file = file;
    this.rules = parseCodeowners(text);
    this.#prefix = prefix === '' ? '' : `${prefix}/`;
  }

  /** The owners of a file (or, for a path ending in `/`, of a folder): the last matching rule's; none when no rule matches. */
  of(path: string): readonly string[] {
    let owners = this.#cache.get(path);
    if (owners === undefined) {
      owners = [];
      const probe = this.#prefix + (path.endsWith('/') ? `${path}\u0000` : path);
      for (let i = this.rules.length - 1; i >= 0; i--) {
        if (this.rules[i]!.regex.test(probe)) {
          owners = this.rules[i]!.owners;
          break;
        }
      }
      this.#cache.set(path, owners);
    }
    return owners;
  }
}

/**
 * Whether a task owner (`backend`, `@acme/backend`, `ana`) is one of the code owners
 * (`@acme/backend`, `@ana`, `ana@acme.dev`): the same name with or without `@`, ignoring
 * case, a team's name without its organisation, or an address's name before the `@`.
 */
export function isCodeOwner(owner: string, codeOwners: readonly string[]): boolean {
  const wanted = owner.toLowerCase().replace(/^@/, '');
  return codeOwners.some((codeOwner) => {
    const name = codeOwner.toLowerCase().replace(/^@/, '');
    return name === wanted || name.slice(name.indexOf('/') + 1) === wanted || (name.includes('@') && name.slice(0, name.indexOf('@')) === wanted);
  });
}
