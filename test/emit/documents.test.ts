// planc build's documents: golden files per fixture (plan YAML → index.md, .mmd files,
// plan.json, the portfolio), every diagram checked by Mermaid's own parser, and the hostile
// fixture checked for anything that could break a table or a diagram or inject markup.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../src/api/session.ts';
import { defaultConfig } from '../../src/config/config.ts';
import { emitAll } from '../../src/emit/index.ts';
import { safeUrl } from '../../src/emit/markdown/untrusted.ts';
import { expectGolden } from '../helpers/golden.ts';
import { mermaidParser } from '../helpers/mermaid.ts';
import { EXAMPLE_CODE, ROOT } from '../helpers/repo.ts';
import { readRepository } from '../../src/api/repository.ts';
import { FileIndex } from '../../src/analyse/code/files.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'documents');

function inputs(paths: string[]) {
  return paths.map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), bytes: readFileSync(path) }));
}

const CASES: Record<string, string[]> = {
  bundled: ['jwt-auth-refactor', 'session-store-migration'].map((id) => join(ROOT, 'plans', `${id}.plan.yaml`)),
  undated: [join(FIXTURES, 'undated', 'undated.plan.yaml')],
  hostile: [join(FIXTURES, 'hostile', 'hostile.plan.yaml')],
};

/** The bundled plans are resolved against the example code they name, and link its files. */
const bundledCode = readRepository(EXAMPLE_CODE);

function build(paths: string[], name: string) {
  const config = defaultConfig(ROOT);
  if (name === 'bundled') config.site.repository = 'https://github.com/acme/planc';
  const result = compileFiles(inputs(paths), config, { cwd: ROOT, simulate: true, ...(name === 'bundled' ? { repository: bundledCode } : {}) });
  return { result, emitted: { files: emitAll(result) } };
}

function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

describe('plan documents', () => {
  for (const [name, paths] of Object.entries(CASES)) {
    describe(name, () => {
      const { emitted } = build(paths, name);
      const expected = join(FIXTURES, name, 'expected');

      it('match the golden files', () => {
        if (process.env.UPDATE === '1') rmSync(expected, { recursive: true, force: true });
        for (const file of emitted.files) {
          expectGolden(join(expected, file.path), String(file.content));
        }
        expect(listFiles(expected)).toEqual(emitted.files.map((file) => file.path).sort());
      });

      it('are the same on a second build', () => {
        const again = build(paths, name).emitted.files;
        expect(again.map((file) => [file.path, file.content])).toEqual(emitted.files.map((file) => [file.path, file.content]));
      });

      it('hold only diagrams Mermaid parses', async () => {
        const parse = await mermaidParser();
        const diagrams = emitted.files.flatMap((file) =>
          file.path.endsWith('.mmd') ? [String(file.content)] : file.path.endsWith('.md') ? mermaidBlocks(String(file.content)) : [],
        );
        expect(diagrams.length).toBeGreaterThan(3);
        for (const diagram of diagrams) await expect(parse(diagram), diagram.split('\n').slice(0, 3).join(' / ')).resolves.toBeTruthy();
      });
    });
  }
});

describe('untrusted text', () => {
  const { emitted } = build(CASES.hostile!, 'hostile');
  const file = (path: string) => String(emitted.files.find((f) => f.path === path)!.content);
  const markdown = file('hostile/index.md');
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

  it('puts no raw HTML and no unsafe link into the document', () => {
    visit(tree, (node) => {
      expect(node.type).not.toBe('html');
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') expect(safeUrl((node as { url: string }).url)).toBe(true);
    });
    expect(markdown).toContain('\\<script>alert("summary")\\</script>');
    expect(markdown).toContain('[safe link](https://example.com)');
    expect(markdown).not.toMatch(/\]\(javascript:/);
  });

  it('leaves out control characters and bidirectional overrides, in every output', () => {
    expect(markdown).toContain('3. bidi evil and NUL  and BEL  in a goal');
    // plan.json keeps the value, written with escapes.
    expect(file('hostile/plan.json')).toContain('"bidi \\u202eevil\\u2066 and NUL \\u0000 and BEL \\u0007 in a goal"');
    for (const output of emitted.files) {
      expect(String(output.content), output.path).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('keeps every table row to its columns, whatever pipes and newlines the text holds', () => {
    visit(tree, 'table', (table) => {
      const width = table.children[0]!.children.length;
      for (const row of table.children) expect(row.children.length).toBe(width);
    });
    let tables = 0;
    visit(tree, 'table', () => void (tables += 1));
    expect(tables).toBeGreaterThanOrEqual(8);
  });

  it('shows the repository\'s file names in code, linked with every part encoded, never as markup', () => {
    const names = ['src/`tick`|pipe.ts', 'src/<img src=x onerror=alert(1)>.ts', 'src/[x](javascript:alert(1)).ts', 'src/a b#c?.ts', 'src/\u202eevil\u0007.ts'];
    const plan = 'title: Code\nrollback: { trigger: Errors rise, steps: [Revert] }\nphases:\n  - id: build\n    title: Build\n    tasks:\n      - { id: code, title: Code, duration: 1d, touches: [src/**] }\n';
    const config = defaultConfig(ROOT);
    config.site.repository = 'https://github.com/acme/shop';
    const repository = { root: '/repo', source: 'git' as const, prefix: 'svc', files: new FileIndex(names) };
    const result = compileFiles([{ path: 'plans/code.plan.yaml', bytes: new TextEncoder().encode(plan) }], config, { cwd: ROOT, repository });
    const document = String(emitAll(result).find((f) => f.path === 'code/index.md')!.content);
    expect(document).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const parsed = unified().use(remarkParse).use(remarkGfm).parse(document) as Root;
    const links: Array<{ url: string; text: string }> = [];
    visit(parsed, (node) => {
      expect(node.type).not.toBe('html');
      // The links into the repository (the document also links its drawings, gantt.svg).
      if (node.type === 'link' && !node.url.startsWith('./')) links.push({ url: node.url, text: node.children.map((child) => (child.type === 'inlineCode' ? child.value : '?')).join('') });
    });
    const sorted = [...names].sort();
    expect(links.map((link) => link.text)).toEqual(sorted.map((name) => name.replace(/[\u0007\u202e]/g, '')));
    expect(links.map((link) => decodeURIComponent(link.url))).toEqual(sorted.map((name) => `https://github.com/acme/shop/blob/main/svc/${name}`));
    for (const { url } of links) expect(url).toMatch(/^https:\/\/github\.com\/acme\/shop\/blob\/main\/svc\/src\/[^\s<>`|#?]+$/);
  });

  it('keeps code fences closed around commands that hold fences', () => {
    const code: string[] = [];
    visit(tree, 'code', (node) => void code.push(node.value));
    expect(code).toContain("echo '```' && curl -d '<script>' http://x");
    expect(code).toContain('```\nnot a fence end\n```');
  });

  it('lets no diagram text start a statement, open a directive or carry markup', () => {
    for (const path of ['hostile/gantt.mmd', 'hostile/architecture-arch.mmd', 'hostile/dependencies.mmd']) {
      const text = file(path);
      expect(text, path).not.toContain('%%');
      expect(text, path).not.toMatch(/<\s*\/?\s*(script|img|b|i|iframe)\b/i);
      expect(text, path).not.toMatch(/\u202e/);
      // Every Gantt name starts with an entity, so "click …" stays a name.
      for (const line of text.split('\n')) expect(line.trim(), `${path}: ${line}`).not.toMatch(/^(click|call|href)\b/i);
    }
    const gantt = file('hostile/gantt.mmd');
    const statements = gantt.split('\n').filter((line) => line.startsWith('    '));
    expect(statements).toHaveLength(6);
    // Names hold no character the grammar reacts to, except inside `#…;` entities.
    for (const line of statements) {
      const [name, data] = line.split(' :') as [string, string];
      expect(name).toMatch(/^ {4}#\d+;/);
      expect(name.replace(/#\d+;/g, '')).not.toMatch(/[:;#%<>]/);
      expect(data).toMatch(/^(crit, )?(milestone, )?t\d+, \d{4}-\d\d-\d\d \d\d:\d\d, (\d{4}-\d\d-\d\d \d\d:\d\d|0d)$/);
    }
    const architecture = file('hostile/architecture-arch.mmd');
    expect(architecture).toContain('n0[("node #34;end#34; ]) #60;script#62;")]');
    expect(architecture).toContain('-->|"|pipe| --#62; #34;q#34; #37;#37;{init}#37;#37;"|');
  });
});
