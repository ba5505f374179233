// The parts of `planc site` that need no browser: finding Chromium, the base path, the
// plan document as HTML, and the repair of Mermaid's SVG text.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/chromium.ts';
import { compactSvg, job, mermaidTheme, numericEntities, parsedSvgIsSafe, safeSvg, svgId, themedSource } from '../../src/render/mermaid.ts';
import { basePath } from '../../src/site/build.ts';
import { documentInput } from '../../src/emit/index.ts';
import { planDocumentTree } from '../../src/emit/markdown/document.ts';
import { documentHtml, mermaidSources } from '../../src/site/html.ts';
import { siteData } from '../../src/site/prepare.ts';
import { compileYaml } from '../helpers/compile.ts';
import { tempRepo } from '../helpers/repo.ts';

describe('findChromium', () => {
  const repo = tempRepo();
  afterAll(() => repo.cleanup());
  const fake = join(repo.dir, 'bin', 'chrome');
  mkdirSync(join(repo.dir, 'bin'));
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);
  const nowhere = join(repo.dir, 'nowhere');

  it('takes --chromium over PLANC_CHROMIUM over the config', () => {
    expect(findChromium({ option: fake, optionLabel: '`--chromium`', configured: nowhere, env: { PLANC_CHROMIUM: nowhere } })).toEqual({ found: { path: fake, source: '`--chromium`' } });
    expect(findChromium({ option: fake, env: {} })).toEqual({ found: { path: fake, source: 'the `chromium` option' } });
    expect(findChromium({ configured: nowhere, env: { PLANC_CHROMIUM: fake } })).toEqual({ found: { path: fake, source: 'PLANC_CHROMIUM' } });
    expect(findChromium({ configured: fake, env: {} })).toEqual({ found: { path: fake, source: '`site.chromium` in the config' } });
  });

  it('does not second-guess an explicit setting that is missing or off', () => {
    expect(findChromium({ env: { PLANC_CHROMIUM: nowhere } })).toEqual({ reason: `PLANC_CHROMIUM names \`${nowhere}\`, which does not exist`, missing: { path: nowhere, source: 'PLANC_CHROMIUM' } });
    expect(findChromium({ configured: 'none', env: {} })).toEqual({ reason: '`site.chromium` in the config is `none`' });
    expect(findChromium({ option: 'OFF', optionLabel: '`--chromium`', env: { PLANC_CHROMIUM: fake } })).toEqual({ reason: '`--chromium` is `OFF`' });
  });

  it('otherwise looks at CHROME_PATH and PUPPETEER_EXECUTABLE_PATH', () => {
    expect(findChromium({ env: { CHROME_PATH: fake } }).found).toEqual({ path: fake, source: 'CHROME_PATH' });
    expect(findChromium({ env: { CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: fake } }).found).toEqual({ path: fake, source: 'PUPPETEER_EXECUTABLE_PATH' });
  });
});

describe('basePath', () => {
  it('normalises to one slash at each end', () => {
    expect(['', '/', '//', 'repo', '/repo', 'repo/', '/a/b//', ' /x/ '].map(basePath)).toEqual(['/', '/', '/', '/repo/', '/repo/', '/repo/', '/a/b/', '/x/']);
  });
});

describe('Mermaid SVG text', () => {
  it('turns the literal entity codes of SVG labels back into characters, and nothing else', () => {
    expect(numericEntities('<text>5&amp;#37; of users &amp;#60;b&amp;#62;</text>')).toBe('<text>5&#37; of users &#60;b&#62;</text>');
    expect(numericEntities('<text>&amp;amp; &amp;#x3c; &amp;#</text>')).toBe('<text>&amp;amp; &amp;#x3c; &amp;#</text>');
  });

  it('refuses drawings with anything executable', () => {
    expect(safeSvg('<svg><text>ok</text></svg>')).toBe(true);
    for (const bad of [
      '<svg><script>x</script></svg>',
      '<svg onload="x"></svg>',
      '<svg><g ONCLICK="x"></g></svg>',
      '<svg><a href="javascript:x">a</a></svg>',
      '<svg><a href=" JaVa\tscript:x">a</a></svg>',
      '<svg><a xlink:href="https://example.com/">a</a></svg>',
      '<svg><use href="https://example.com/x.svg#a"/></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
      '<svg><image href="#a"/></svg>',
      '<svg><animate attributeName="href" to="javascript:x"/></svg>',
      '<svg><style>@import "https://example.com/x.css";</style></svg>',
      '<svg><g style="fill:url(https://example.com/x)"></g></svg>',
      '<svg><style>.a{fill:u\\72l(https://example.com/x)}</style></svg>',
      '<svg><g style="fill:u&#114;l(https://example.com/x)"></g></svg>',
      '<svg></svg><svg></svg>',
      '<div></div>',
    ]) {
      expect(safeSvg(bad), bad).toBe(false);
    }
  });

  it('skips the parse only for drawings the parse would accept', () => {
    // Drawings assembled from pieces, harmless and not, in any order: whenever the quick
    // look lets one through, the full walk accepts it too.
    const piece = fc.constantFrom(
      '<g class="node">', '</g>', '<text>Remove every onclick= handler</text>', '<path marker-end="url(#a)"/>', '<rect style="fill:#fff"/>',
      '<script>x</script>', '<g onclick="x">', '<g/onload=x>', '<a href="https://x">', '<use xlink:href="#a"/>', '<image src="x"/>',
      '<animate attributeName="href"/>', '<style>@import "x";</style>', '<style>.a{fill:u\\72l(x)}</style>', '<g style="fill:u&#114;l(http://x)">',
      '<foreignObject></foreignObject>', '</svg><script>x</script>', '</svg><svg>', '<g ONLOAD = "x">', '<set to="x"/>', 'text &amp; more',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const svg = `<svg>${pieces.join('')}</svg>`;
        expect(safeSvg(svg)).toBe(parsedSvgIsSafe(svg));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('reads label text as text: a diagram about handlers and javascript: links is fine', () => {
    for (const good of [
      '<svg><text>Remove every onclick= handler</text></svg>',
      '<svg><text>Strip javascript: URLs &lt;script&gt;</text></svg>',
      '<svg><g aria-label="onload=x"></g><path marker-end="url(#arrow)" style="fill:url(#grad)"></path></svg>',
      '<svg><use href="#node"/><style>.a{fill:url(#g)}</style></svg>',
    ]) {
      expect(safeSvg(good), good).toBe(true);
    }
  });

  it('gives each drawing its own id, one per source and theme', () => {
    expect(svgId(job('graph TB\n', 'light'))).not.toBe(svgId(job('graph TB\n', 'dark')));
    expect(svgId(job('graph TB\n', 'light'))).not.toBe(svgId(job('graph LR\n', 'light')));
    expect(svgId(job('graph TB\n', 'light'))).toMatch(/^d[0-9a-f]{16}$/);
  });
});

describe('documentHtml', () => {
  const tree: Root = {
    type: 'root',
    children: [
      // Ids as the document emitter gives them (test/emit/anchors.test.ts).
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Phase 1: Build' }], data: { hProperties: { id: 'phase-1-build' } } },
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Tasks' }], data: { hProperties: { id: 'tasks' } } },
      {
        type: 'table',
        children: [
          { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Task' }] }, { type: 'tableCell', children: [{ type: 'text', value: 'Start' }] }] },
          { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '<script>' }] }, { type: 'tableCell', children: [{ type: 'text', value: '2026-12-07' }] }] },
        ],
      },
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Tasks' }], data: { hProperties: { id: 'tasks-1' } } },
      { type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'x' }] }] }] },
      { type: 'list', ordered: false, children: [{ type: 'listItem', checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Criterion met' }] }] }] },
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Timeline' }], data: { hProperties: { id: 'timeline' } } },
      { type: 'paragraph', children: [{ type: 'text', value: 'Prose between the heading and its diagram.' }] },
      { type: 'code', lang: 'mermaid', value: 'gantt\n  title T' },
      { type: 'code', lang: 'mermaid', value: 'flowchart TB\n  a --> b' },
    ],
  };

  // What the emitter gives with the tree: its headings, by id.
  const outline = [
    { depth: 2, id: 'phase-1-build', text: 'Phase 1: Build' },
    { depth: 3, id: 'tasks', text: 'Tasks' },
    { depth: 3, id: 'tasks-1', text: 'Tasks' },
    { depth: 3, id: 'timeline', text: 'Timeline' },
  ];

  it('keeps the headings\' ids, gives tables a named scrolling region, checkboxes a name, and leaves text as text', () => {
    const before = structuredClone(tree);
    const html = documentHtml(tree, outline);
    // The document tree is read, not changed (the site makes HTML of it without a copy).
    expect(tree).toEqual(before);
    // A sub-heading says, unseen, what it is under (search results are titled by it).
    expect(html).toContain('<h3 id="tasks-1"><span class="sr-only">Phase 1: Build › </span>Tasks</h3>');
    expect(html).toContain('<div class="planc-scroll" tabindex="0" role="region" aria-label="Phase 1: Build: Tasks (table)"><table>');
    expect(html).toContain('aria-label="Phase 1: Build: Tasks (table 2)"');
    expect(html).toMatch(/<td>&#x3C;script><\/td>\s*<td class="planc-nowrap">2026-12-07<\/td>/);
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Criterion met">');
    // No drawings: the diagram is left to Mermaid in the browser, in a view the page's script can zoom.
    expect(html).toContain(
      '<figure class="planc-diagram planc-diagram-browser" data-planc-zoom=""><div class="planc-diagram-view" tabindex="0" role="region" aria-label="Diagram: Timeline"><pre class="mermaid">gantt\n  title T\n</pre></div><figcaption class="planc-diagram-tools"></figcaption></figure>',
    );
    expect(mermaidSources(tree)).toEqual(['gantt\n  title T\n', 'flowchart TB\n  a --> b\n']);
  });

  it("puts planc's own drawing in place of the Mermaid chart marked as it, and drops what the markdown says of it", () => {
    const marked: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Timeline' }], data: { hProperties: { id: 'timeline' } } },
        { type: 'code', lang: 'mermaid', value: 'gantt\n  title T', data: { hProperties: { dataPlancDrawing: 'gantt' } } },
        { type: 'paragraph', children: [{ type: 'text', value: 'See gantt.svg.' }], data: { hProperties: { dataPlancMarkdownOnly: 'gantt' } } },
        { type: 'paragraph', children: [{ type: 'text', value: 'Critical path.' }] },
      ],
    };
    const html = documentHtml(marked, [{ depth: 3, id: 'timeline', text: 'Timeline' }], { native: { gantt: '<figure class="native"></figure>' } });
    expect(html).toBe('<h3 id="timeline">Timeline</h3>\n<figure class="native"></figure>\n<p>Critical path.</p>');
    // planc draws it: Mermaid is not asked to.
    expect(mermaidSources(marked, ['gantt'])).toEqual([]);
    // Without a drawing of its own (no schedule), the Mermaid chart stays, and so does the note.
    expect(documentHtml(marked, [{ depth: 3, id: 'timeline', text: 'Timeline' }])).toContain('<pre class="mermaid">gantt');
  });

  it('puts both drawings of a diagram in a focusable view named after its heading, fitted, with links to their SVG files', () => {
    const svgs = new Map([['gantt\n  title T\n', { light: '<svg id="a1" width="100%" style="max-width: 640px;"><text>L</text></svg>', dark: '<svg id="a2" width="100%" style="max-width: 2000px;"><text>D</text></svg>' }]]);
    const files = new Map<string, string>();
    const html = documentHtml(tree, outline, { svgs, files });
    expect(html).toContain('<figure class="planc-diagram" data-planc-zoom=""><div class="planc-diagram-view" tabindex="0" role="region" aria-label="Diagram: Timeline">');
    // As Mermaid sized them: the width of the column, up to their own (the script zooms them).
    expect(html).toContain('<div class="planc-diagram-drawing planc-diagram-light"><svg id="a1" width="100%" style="max-width: 640px;"><text>L</text></svg></div>');
    expect(html).toContain('<div class="planc-diagram-drawing planc-diagram-dark"><svg id="a2" width="100%" style="max-width: 2000px;"><text>D</text></svg></div>');
    expect(html).toContain('<figcaption class="planc-diagram-tools"><a class="planc-diagram-open" href="a1.svg" data-dark-href="a2.svg">Open the SVG</a></figcaption>');
    expect([...files.keys()]).toEqual(['a1.svg', 'a2.svg']);
    expect(files.get('a2.svg')).toBe(svgs.get('gantt\n  title T\n')!.dark);
  });
});

describe('the risk register\'s data', () => {
  /** A plan with one plan-wide risk. */
  const withRisk = (risk: string, probability: string, impact: string) =>
    [
      'title: Plan',
      'rollback: { trigger: errors rise, steps: [revert] }',
      `risks: [{ id: ${risk}, risk: Risk ${risk}, probability: ${probability}, impact: ${impact}, mitigation: watch it }]`,
      'phases:',
      '  - { id: work, title: Work, tasks: [{ id: a, title: A, duration: 1d }] }',
      '',
    ].join('\n');

  it('gives every risk a row of its own, even when plan and risk ids run together, and its cell in the grid', () => {
    // `a-b` + `c` and `a` + `b-c` read the same with a hyphen between them.
    const result = compileYaml({ 'plans/a-b.plan.yaml': withRisk('c', 'high', 'critical'), 'plans/a.plan.yaml': withRisk('b-c', 'high', 'critical'), 'plans/z.plan.yaml': withRisk('c', 'low', 'low') });
    const documents = new Map(result.built.map((plan) => [plan, planDocumentTree(documentInput(plan, result), { header: false })]));
    const data = siteData(
      { ...result, documents, gantts: new Map(), diagrams: 'browser', planJson: new Map() },
      { title: 'Plans', branch: 'main', root: '/repo', cwd: '/repo', mermaid: { light: { theme: 'default' }, dark: { theme: 'dark' } } },
    );
    expect(data.risks.map((risk) => [risk.rowId, risk.sharedId])).toEqual([
      ['risk-a/b-c', false],
      ['risk-a-b/c', true],
      ['risk-z/c', true],
    ]);
    const { impacts, rows } = data.site.riskMatrix;
    expect(impacts).toEqual(['low', 'medium', 'high', 'critical']);
    expect(rows.map((row) => row.probability)).toEqual(['high', 'medium', 'low']);
    const cell = (probability: string, impact: string) => rows.find((row) => row.probability === probability)!.cells.find((c) => c.impact === impact)!;
    expect(cell('high', 'critical')).toMatchObject({ score: 12, level: 'severe', risks: [{ rowId: 'risk-a/b-c' }, { rowId: 'risk-a-b/c' }] });
    expect(cell('low', 'low')).toMatchObject({ score: 1, level: 'low', risks: [{ rowId: 'risk-z/c', plan: 'z' }] });
    expect(rows.flatMap((row) => row.cells).reduce((sum, c) => sum + c.risks.length, 0)).toBe(3);
  });
});

describe('names on a plan page', () => {
  it('link every id written as code to what it names: this plan\'s items and owners, another plan\'s items, another plan', () => {
    const result = compileYaml({
      'plans/app.plan.yaml': [
        'title: App',
        'start: 2027-03-01',
        'rollback: { trigger: errors rise, steps: [revert] }',
        'risks: [{ id: outage, risk: Outage, probability: low, impact: high, mitigation: "Watch `deploy` and the `platform#infra` work", owner: ana, status: mitigated }]',
        'phases:',
        '  - id: work',
        '    title: Work',
        '    tasks:',
        '      - { id: build, title: Build, owner: ana, duration: 2d, dependsOn: [platform#infra] }',
        '      - { id: deploy, title: Deploy, owner: ana, duration: 2d }',
        '',
      ].join('\n'),
      'plans/platform.plan.yaml': ['title: Platform', 'start: 2027-03-01', 'rollback: { trigger: errors rise, steps: [revert] }', 'phases:', '  - { id: base, title: Base, tasks: [{ id: infra, title: Infra, duration: 1d }] }', ''].join('\n'),
    });
    const documents = new Map(result.built.map((plan) => [plan, planDocumentTree(documentInput(plan, result), { header: false })]));
    const data = siteData(
      { ...result, documents, gantts: new Map(), diagrams: 'browser', planJson: new Map() },
      { title: 'Plans', branch: 'main', root: '/repo', cwd: '/repo', mermaid: { light: { theme: 'default' }, dark: { theme: 'dark' } } },
    );
    const html = data.plans.find((plan) => plan.id === 'app')!.html;
    // A dependency on another plan's task, and the critical path, link to its row there.
    expect(html).toContain('<a href="../platform/#task-infra"><code>platform#infra</code></a>');
    // A mitigation naming a task of the plan.
    expect(html).toContain('<a href="#task-deploy"><code>deploy</code></a>');
    // The owner-overloaded finding names the owner: it links to the owner's workload row.
    expect(html).toMatch(/warning PLAN4002<\/strong>[^<]*<a href="#owner-ana"><code>ana<\/code><\/a>/);
    expect(html).toContain('<tr id="owner-ana">');
    // The risk table shows the owner and the status, and the mitigation as plain text (not emphasis).
    expect(html).toMatch(/<td>Outage<\/td>\s*<td>low<\/td>\s*<td>high<\/td>\s*<td>3 \/ 12<\/td>\s*<td>ana<\/td>\s*<td>mitigated<\/td>\s*<td>Watch /);
    expect(data.risks[0]).toMatchObject({ owner: 'ana', status: 'mitigated' });
  });
});

describe("the drawings' bytes", () => {
  it('keep geometry to a tenth of a pixel, and plan text as it was', () => {
    const inner = '<tspan font-style="normal" class="text-inner-tspan" font-weight="normal">';
    const svg = [
      '<svg id="d1" viewBox="0 0 100.123456 50.98765"><g transform="translate(10.123456, 20.987654)">',
      '<path d="M-55.5 -16 C-11.34567 -16, 33.12345 -16, 55.5 -16"/>',
      '<path d="M809.32031,138.19999L809.3,162.2" data-points="W3sieCI6ODA5LjMyfV0=" data-et="edge" data-edge="true" data-id="L_a_b_0" style=";"/>',
      `<text y="-10.1234"><tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em">${inner}Ratio</tspan>${inner} 0.123456 of</tspan>${inner} 3.14159</tspan></tspan></text>`,
      '</g></svg>',
    ].join('');
    expect(compactSvg(svg)).toBe(
      [
        '<svg id="d1" viewBox="0 0 100.1 51"><g transform="translate(10.1, 21)">',
        '<path d="M-55.5 -16 C-11.3 -16, 33.1 -16, 55.5 -16"/>',
        '<path d="M809.3,138.2L809.3,162.2"/>',
        `<text y="-10.1"><tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em">${inner}Ratio 0.123456 of 3.14159</tspan></tspan></text>`,
        '</g></svg>',
      ].join(''),
    );
  });

  it("are drawn in the dark theme with planc's dark node styles, and only planc's classDef lines change", () => {
    const source = 'flowchart LR\n  a["classDef new fill:#fff"]\n  classDef new fill:#e6f4ea,stroke:#1e8e3e\n  classDef other fill:#123\n';
    expect(themedSource(source, mermaidTheme('dark'))).toBe(`flowchart LR\n  a["classDef new fill:#fff"]\n  classDef new ${mermaidTheme('dark').classStyles.new}\n  classDef other fill:#123\n`);
  });
});
