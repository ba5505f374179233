// Paths of tasks and CODEOWNERS patterns, matched without a repository on disk: the sorted
// index against a brute-force match of every file, GitHub's documented CODEOWNERS cases,
// and the owner names that count as a code owner.
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { CodeOwners, isCodeOwner, patternRegex } from '../../src/analyse/code/codeowners.ts';
import { FileIndex } from '../../src/analyse/code/files.ts';
import { compilePattern, coversPath, matchFiles, type CompiledPattern } from '../../src/analyse/code/patterns.ts';

const FILES = [
  'package.json',
  'src/auth/login.ts',
  'src/auth/jwt/sign.ts',
  'src/auth-old/login.ts',
  'src/auth/.eslintrc',
  'src/routes/orders.ts',
  'pages/[id].tsx',
  'services/a/src/middleware.ts',
  'services/b/src/middleware.ts',
  'docs/guide.md',
];
const index = new FileIndex(FILES);

function compiled(text: string): CompiledPattern {
  const pattern = compilePattern(text);
  if ('problem' in pattern) throw new Error(`${text}: ${pattern.problem}`);
  return pattern;
}

describe('task paths', () => {
  it.each([
    ['src/auth/**', ['src/auth/.eslintrc', 'src/auth/jwt/sign.ts', 'src/auth/login.ts']],
    ['src/auth', ['src/auth/.eslintrc', 'src/auth/jwt/sign.ts', 'src/auth/login.ts']],
    ['./src/auth/', ['src/auth/.eslintrc', 'src/auth/jwt/sign.ts', 'src/auth/login.ts']],
    ['src/auth/*.ts', ['src/auth/login.ts']],
    ['services/*/src/middleware.ts', ['services/a/src/middleware.ts', 'services/b/src/middleware.ts']],
    ['**/login.ts', ['src/auth-old/login.ts', 'src/auth/login.ts']],
    ['pages/[id].tsx', ['pages/[id].tsx']],
    ['package.json', ['package.json']],
    ['src/{auth,routes}/*.ts', ['src/auth/login.ts', 'src/routes/orders.ts']],
    ['src/../docs/*.md', ['docs/guide.md']],
    ['src/autth/**', []],
    ['.', [...FILES].sort()],
  ])('%s matches %j', (text, expected) => {
    expect(matchFiles(compiled(text), index)).toEqual(expected);
  });

  it.each([
    ['/etc/passwd', 'absolute'],
    ['C:\\code\\x.ts', 'absolute'],
    ['../other-repo/src/**', 'escapes'],
    ['src/../../x', 'escapes'],
    ['!../x', 'escapes'],
  ])('%s is refused: %s', (text, problem) => {
    expect(compilePattern(text)).toEqual({ problem });
  });

  it('finds, by binary search, the files under a folder and nothing beside it', () => {
    expect(index.inside('src/auth')).toEqual(['src/auth/.eslintrc', 'src/auth/jwt/sign.ts', 'src/auth/login.ts']);
    expect(index.isFolder('src/auth-old')).toBe(true);
    expect(index.isFolder('src/aut')).toBe(false);
    expect(index.isFolder('package.json')).toBe(false);
  });

  it('suggests the nearest path: a misspelling, or a file of the same name moved elsewhere', () => {
    expect(index.nearest('src/auth/logn.ts', 'file')).toBe('src/auth/login.ts');
    expect(index.nearest('src/login.ts', 'file')).toBe('src/auth/login.ts');
    expect(index.nearest('src/authh', 'folder')).toBe('src/auth');
    // A prefix of the path is no guess.
    expect(index.nearest('src/billing/invoice.ts', 'file')).toBeUndefined();
  });

  it('matches what a match of every file would, for generated paths and globs', () => {
    const segment = fc.constantFrom('src', 'lib', 'a', 'b', 'auth', 'x-y', '.hidden');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('/')}${parts.length % 2 ? '.ts' : '.md'}`);
    const glob = fc
      .tuple(fc.array(fc.constantFrom('src', 'lib', 'a', 'auth', '*', '**'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '/*.ts', '/**', '/*', '/a.ts', '/**/b.md', '/*/auth.ts'))
      .map(([parts, tail]) => `${parts.join('/')}${tail}`);
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 40 }), glob, (paths, text) => {
        const files = new FileIndex(paths);
        const pattern = compiled(text);
        const brute = pattern.literal
          ? files.files.filter((file) => file === pattern.path || file.startsWith(`${pattern.path}/`))
          : files.files.filter((file) => picomatch(pattern.path, { dot: true })(file) || file === pattern.path);
        expect(matchFiles(pattern, files)).toEqual(brute);
        for (const file of files.files) expect(coversPath(pattern, file), `${text} / ${file}`).toBe(brute.includes(file));
      }),
      { numRuns: 300 },
    );
  });
});

describe('CODEOWNERS as GitHub reads it', () => {
  // The cases of GitHub's documentation ("About code owners", its example file).
  it.each([
    ['*', 'anything/at/all.txt', true],
    ['*.js', 'src/deep/file.js', true],
    ['*.js', 'src/file.ts', false],
    ['/build/logs/', 'build/logs/a/b.log', true],
    ['/build/logs/', 'x/build/logs/a.log', false],
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['apps/', 'apps/a.js', true],
    ['apps/', 'deep/apps/a.js', true],
    ['/docs/', 'docs/a/b.md', true],
    ['/docs/', 'other/docs/b.md', false],
    ['**/logs', 'deeply/nested/logs/x.log', true],
    ['/apps/github', 'apps/github/main.go', true],
    ['/apps/github', 'apps/githubber/main.go', false],
    ['/scripts/[id].sh', 'scripts/[id].sh', true],
    ['/scripts/[id].sh', 'scripts/i.sh', false],
    ['src/**/test.ts', 'src/a/b/test.ts', true],
    ['src/**/test.ts', 'src/test.ts', true],
  ])('%s owns %s: %s', (pattern, path, owned) => {
    expect(patternRegex(pattern).test(path)).toBe(owned);
  });

  const owners = new CodeOwners(
    '.github/CODEOWNERS',
    [
      '# comment',
      '*                @acme/platform',
      '/src/            @acme/backend   # inline comment',
      '/src/auth/       @acme/security @ana',
      '/src/auth/legacy',
      '!/src/x          @nobody',
      '/docs/           not-an-owner',
      '\\#odd           @hash',
      '/web/            web@acme.dev',
    ].join('\n'),
  );

  it('lets the last matching line win, a line without owners take ownership away, and skips what GitHub skips', () => {
    expect(owners.of('README.md')).toEqual(['@acme/platform']);
    expect(owners.of('src/main.ts')).toEqual(['@acme/backend']);
    expect(owners.of('src/auth/login.ts')).toEqual(['@acme/security', '@ana']);
    expect(owners.of('src/auth/legacy/old.ts')).toEqual([]);
    // The negation and the line with a word that is no owner are skipped.
    expect(owners.of('src/x')).toEqual(['@acme/backend']);
    expect(owners.of('docs/a.md')).toEqual(['@acme/platform']);
    expect(owners.of('web/app.tsx')).toEqual(['web@acme.dev']);
    // A folder: who owns what goes in it.
    expect(owners.of('src/auth/jwt/')).toEqual(['@acme/security', '@ana']);
    expect(owners.rules.map((rule) => rule.line)).toEqual([2, 3, 4, 5, 8, 9]);
  });

  it('asks with the root\'s place when CODEOWNERS is the git work tree\'s and the root a folder in it', () => {
    const nested = new CodeOwners('../../CODEOWNERS', '/services/shop/src/ @shop\n* @all\n', 'services/shop');
    expect(nested.of('src/a.ts')).toEqual(['@all']);
    const ordered = new CodeOwners('../../CODEOWNERS', '* @all\n/services/shop/src/ @shop\n', 'services/shop');
    expect(ordered.of('src/a.ts')).toEqual(['@shop']);
  });

  it.each([
    ['backend', ['@acme/backend'], true],
    ['@acme/backend', ['@acme/backend'], true],
    ['Backend', ['@acme/backend'], true],
    ['ana', ['@ana'], true],
    ['ana', ['ana@acme.dev'], true],
    ['frontend', ['@acme/backend', '@ana'], false],
    ['acme', ['@acme/backend'], false],
  ])('%s is a code owner of %j: %s', (owner, codeOwners, expected) => {
    expect(isCodeOwner(owner, codeOwners)).toBe(expected);
  });
});
