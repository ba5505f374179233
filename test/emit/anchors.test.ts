// The plan document's anchors: every heading carries the id GitHub gives it, and every
// phase, decision, task and risk has an id in the document, unique, handed to the site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { documentInput } from '../../src/emit/index.ts';
import { planDocument, planDocumentTree } from '../../src/emit/markdown/document.ts';
import { allRisks, allTasks } from '../../src/model/plan.ts';
import { compileYaml } from '../helpers/compile.ts';
import { ROOT } from '../helpers/repo.ts';

const BUNDLED = ['jwt-auth-refactor', 'session-store-migration'];

function ids(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    const id = (node as Heading | TableRow).data?.hProperties?.id;
    if (typeof id === 'string') found.push(id);
  });
  return found;
}

function checked(files: Record<string, string>) {
  return compileYaml(files);
}

describe('the document\'s anchors', () => {
  const files = Object.fromEntries(BUNDLED.map((id) => [`plans/${id}.plan.yaml`, readFileSync(join(ROOT, 'plans', `${id}.plan.yaml`), 'utf8')]));
  const result = checked(files);

  for (const plan of result.built) {
    it(`${plan.id}: headings carry GitHub's ids, and every phase, decision, task and risk is anchored`, () => {
      const input = documentInput(plan, result);
      const { tree, anchors, outline } = planDocumentTree(input);
      // GitHub names the headings of the printed document with github-slugger, in order.
      const printed = unified().use(remarkParse).use(remarkGfm).parse(planDocument(input));
      const slugger = new GithubSlugger();
      const github: Array<{ depth: number; id: string; text: string }> = [];
      visit(printed, 'heading', (heading) => {
        const text = toString(heading);
        github.push({ depth: heading.depth, id: slugger.slug(text), text });
      });
      const headingIds: string[] = [];
      visit(tree, 'heading', (heading) => {
        headingIds.push(String(heading.data?.hProperties?.id));
      });
      expect(headingIds).toEqual(github.map((heading) => heading.id));
      // The outline the site's table of contents is made from: the headings a reader sees.
      expect(outline).toEqual(github);

      expect([...anchors.phases.keys()]).toEqual(plan.phases);
      expect([...anchors.phases.values()]).toEqual(plan.phases.map((phase, index) => new GithubSlugger().slug(`Phase ${index + 1}: ${phase.title}`)));
      expect([...anchors.decisions.keys()]).toEqual(plan.decisions);
      expect([...anchors.tasks.keys()]).toEqual(allTasks(plan));
      expect([...anchors.tasks.values()]).toEqual(allTasks(plan).map((task) => `task-${task.id}`));
      expect(new Set(anchors.risks.keys())).toEqual(new Set(allRisks(plan)));
      // Unique within the document, and each anchor is an id in it.
      const all = ids(tree);
      expect(new Set(all).size).toBe(all.length);
      for (const anchor of [...anchors.phases.values(), ...anchors.decisions.values(), ...anchors.tasks.values(), ...anchors.risks.values()]) expect(all).toContain(anchor);
    });
  }

  it('keeps row ids apart from headings that read the same, and headings as GitHub numbers them', () => {
    const text = [
      'title: Collide',
      'summary: |',
      '  ## Task code',
      '  ## Phase 1: Build',
      'rollback: { trigger: errors rise, steps: [revert] }',
      'phases:',
      '  - id: build',
      '    title: Build',
      '    tasks:',
      '      - { id: code, title: Code, duration: 1d }',
      '',
    ].join('\n');
    const collide = checked({ 'plans/collide.plan.yaml': text });
    const plan = collide.built[0]!;
    const { tree, anchors } = planDocumentTree(documentInput(plan, collide), { header: false });
    const all = ids(tree);
    expect(all.slice(0, 4)).toEqual(['executive-summary', 'task-code', 'phase-1-build', 'phase-1-build-1']);
    expect(anchors.phases.get(plan.phases[0]!)).toBe('phase-1-build-1');
    expect(anchors.tasks.get(plan.phases[0]!.tasks[0]!)).toBe('task-code-1');
    expect(new Set(all).size).toBe(all.length);
  });
});
