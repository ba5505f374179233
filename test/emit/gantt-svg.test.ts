// The Gantt chart planc draws itself (src/emit/gantt/): parsed back as XML and checked
// against plan.json — every bar at its dates, every dependency an arrow between the sides
// its type names, milestones with their due dates, the status date, non-working days —
// plus golden SVGs of small plans, and hostile text kept as text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { GANTT_STYLE, ganttHtml, ganttSvg, HEAD, ROW } from '../../src/emit/gantt/chart.ts';
import { planGantt } from '../../src/emit/gantt/plan.ts';
import { portfolioGantt } from '../../src/emit/gantt/portfolio.ts';
import { workloadDrawing } from '../../src/emit/gantt/workload.ts';
import { route } from '../../src/emit/gantt/route.ts';
import { timeScale } from '../../src/emit/gantt/scale.ts';
import { planJson } from '../../src/emit/plan-json.ts';
import type { PlanJson } from '../../src/schema/plan-json-definition.ts';
import { epochDay } from '../../src/util/dates.ts';
import { compileYaml, planOf } from '../helpers/compile.ts';
import { expectGolden } from '../helpers/golden.ts';
import { ROOT } from '../helpers/repo.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const CHECKOUT = readFileSync(join(FIXTURES, 'status', 'checkout.plan.yaml'), 'utf8');
const STATUS = '2026-12-16';

/** An SVG parsed as XML: a malformed one throws. */
function parse(svg: string): Document {
  const { document } = new JSDOM(svg, { contentType: 'image/svg+xml' }).window;
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

function drawn(yaml: string, statusDate?: string) {
  const result = compileYaml({ 'plans/p.plan.yaml': yaml }, { config: statusDate ? { statusDate } : {} });
  const plan = planOf(result);
  const analysis = result.analysis.plans.get(plan)!;
  const drawing = planGantt(plan, analysis, { href: (item) => `#${item.id}` })!;
  const json = planJson(plan, analysis, []);
  return { result, plan, drawing, json, svg: ganttSvg(drawing) };
}

const number = (element: Element, name: string) => Number(element.getAttribute(name));

/** The chart's group (the standalone SVG moves it right of the names) and its offset. */
function chartOf(document: Document): { chart: Element; left: number } {
  const chart = [...document.querySelectorAll('svg > g')].find((g) => g.getAttribute('transform')?.startsWith('translate('))!;
  return { chart, left: Number(/translate\(([\d.]+)/.exec(chart.getAttribute('transform')!)![1]) };
}

/** Rows by the name shown at their left: the middle of each row, in y. */
function rows(document: Document): Map<string, number> {
  const names = [...document.querySelectorAll('g.names text')];
  return new Map(names.map((text, i) => [text.lastChild!.textContent!, HEAD + i * ROW + ROW / 2]));
}

/** The points of a path made of M, H and V commands. */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([MHV])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'H') x = Number(a);
    else y = Number(a);
    out.push([x, y]);
  }
  return out;
}

describe("planc's Gantt chart", () => {
  const { drawing, json, svg } = drawn(CHECKOUT, STATUS);
  const document = parse(svg);
  const { chart } = chartOf(document);
  const rowOf = rows(document);
  // Calendar time → x, from two marks the chart draws at known days: the status line (the
  // start of 2026-12-16) and the month tick of January 2027.
  const statusX = number(chart.querySelector('line.status')!, 'x1');
  const january = [...chart.querySelectorAll('line.tick.major')].map((line) => number(line, 'x1')).find((x) => x > statusX)!;
  const perDay = (january - statusX) / (epochDay('2027-01-01') - epochDay(STATUS));
  const x = (time: number) => statusX + (time - epochDay(STATUS)) * perDay;
  // Where plan.json puts an item: its start and finish dates plus the share of the day.
  const startOf = (t: { start?: string; startDay?: number; es?: number }) => x(epochDay(t.start!) + Math.min(1, t.es! - (t.startDay! - 1)));
  const finishOf = (t: { finish?: string; finishDay?: number; ef?: number }) => x(epochDay(t.finish!) + Math.min(1, t.ef! - (t.finishDay! - 1)));
  const reachedAt = (m: { date?: string; day?: number; at?: number }) => x(epochDay(m.date!) + Math.min(1, m.at! - (m.day! - 1)));
  const tasks = json.tasks;
  const byId = new Map<string, { start?: string; finish?: string; es?: number; ef?: number; startDay?: number; finishDay?: number; title: string; duration?: number }>([
    ...tasks.map((task) => [task.id, task] as const),
    ...(json.rollout?.stages ?? []).map((stage) => [stage.id, stage] as const),
  ]);

  it('is one well-formed SVG, named and described, each bar a link to its row with a tooltip', () => {
    const root = document.documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(document.querySelector('svg > title')!.textContent).toBe('Timeline of Checkout redesign');
    expect(document.querySelector('svg > desc')!.textContent).toBe(
      `From ${json.start} to ${json.finish} (${json.duration} working days), forecast on ${STATUS}; planned finish ${json.planned!.finish}; critical path: ${json.criticalPath.join(', ')}.`,
    );
    const links = [...chart.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual([...byId.keys(), ...json.milestones.map((m) => m.id)].map((id) => `#${id}`).sort());
    // The tooltip of a bar: dates, length, owner, float, criticality and status.
    const api = chart.querySelector('a[href="#api"]')!;
    expect(api.querySelector('title')!.textContent).toBe('Checkout API (api); 2026-12-14 → 2026-12-17; 4d; in progress, 50% done; float 2d; planned 2026-12-18 → 2026-12-23');
    // One style sheet for both themes: colours are variables, set again under the dark theme.
    const style = document.querySelector('style')!.textContent!;
    expect(style).toContain(':root[data-theme=dark] .planc-gantt{');
    expect(style).toContain('@media (prefers-color-scheme:dark)');
  });

  it('draws every task and stage from its start to its finish in plan.json, the plan as written under it', () => {
    let checked = 0;
    for (const [id, item] of byId) {
      const link = chart.querySelector(`a[href="#${id}"]`)!;
      const bar = link.querySelector('rect.bar');
      if (item.duration === 0) {
        // No length (cancelled): a diamond where it would start.
        expect(link.querySelector('path.ms')).not.toBeNull();
        continue;
      }
      expect(number(bar!, 'x'), id).toBeCloseTo(startOf(item), 0);
      expect(number(bar!, 'x') + number(bar!, 'width'), id).toBeCloseTo(finishOf(item), 0);
      // Its row is the one its name is on.
      expect(number(bar!, 'y') + number(bar!, 'height') / 2, id).toBeCloseTo(rowOf.get(item.title)! - 1.5, 0);
      checked += 1;
    }
    expect(checked).toBe(12);
    // Moved by the status date: the plan as written, as a thin bar under it.
    const prototype = byId.get('prototype')! as { planned?: { start?: string; finish?: string; es: number; ef: number; startDay: number; finishDay: number } };
    const base = chart.querySelector('a[href="#prototype"] rect.base')!;
    expect(number(base, 'x')).toBeCloseTo(startOf(prototype.planned!), 0);
    expect(number(base, 'x') + number(base, 'width')).toBeCloseTo(finishOf(prototype.planned!), 0);
    // Work done inside the bar: half of the API's 4 days.
    const api = chart.querySelector('a[href="#api"]')!;
    expect(number(api.querySelector('rect.done')!, 'width')).toBeCloseTo(number(api.querySelector('rect.bar')!, 'width') / 2, 0);
    // Critical work is hatched and outlined, not only coloured.
    for (const id of json.criticalPath.filter((id) => tasks.some((t) => t.id === id && t.duration > 0))) {
      expect(chart.querySelector(`a[href="#${id}"] rect.bar.crit`), id).not.toBeNull();
      expect(chart.querySelector(`a[href="#${id}"] rect[fill^="url(#"]`), id).not.toBeNull();
    }
    // Late on the status date: outlined as such.
    expect([...chart.querySelectorAll('rect.bar.late')].map((bar) => bar.parentElement!.getAttribute('href')).sort()).toEqual(
      [...json.late!.notStarted, ...json.late!.overdue].map((id) => `#${id}`).sort(),
    );
  });

  it('draws every dependency as an arrow from the side its type leaves to the side it enters', () => {
    const paths = [...chart.querySelectorAll('path.link')].map((path) => points(path.getAttribute('d')!));
    const ends = (from: [number, number], to: [number, number]) =>
      paths.some((p) => Math.abs(p[0]![0] - from[0]) < 0.6 && Math.abs(p[0]![1] - from[1]) < 0.6 && Math.abs(p.at(-1)![0] - to[0]) < 0.6 && Math.abs(p.at(-1)![1] - to[1]) < 0.6);
    let checked = 0;
    for (const task of tasks) {
      for (const dependency of task.dependsOn) {
        const predecessor = byId.get(dependency.id)!;
        const from: [number, number] = [dependency.type[0] === 'S' ? startOf(predecessor) : finishOf(predecessor), rowOf.get(predecessor.title)!];
        const to: [number, number] = [dependency.type[1] === 'S' ? startOf(task) : finishOf(task), rowOf.get(task.title)!];
        expect(ends(from, to), `${dependency.id} ${dependency.type} ${task.id}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBe(6);
    // A phase that waits for another: one arrow from the end of that phase into the phase's row.
    const design = json.phases.find((phase) => phase.id === 'design')!;
    const build = json.phases.find((phase) => phase.id === 'build')!;
    const designEnd = finishOf(design);
    const buildStart = startOf(build);
    expect(ends([designEnd, rowOf.get('Phase 1: Design')!], [buildStart, rowOf.get('Phase 2: Build')!])).toBe(true);
    // A milestone after a stage: into the milestone's left tip.
    const launched = json.milestones.find((m) => m.id === 'launched')!;
    const ga = byId.get('ga')!;
    expect(ends([finishOf(ga), rowOf.get('Everyone')!], [reachedAt(launched) - 7, rowOf.get('Launched')!])).toBe(true);
    // Critical links in the critical colour, with their own arrowhead.
    expect(chart.querySelectorAll('path.link.crit[marker-end$="-arrow-crit)"]').length).toBeGreaterThan(3);
  });

  it('draws milestones at their dates, their due dates and the slip between, the status date and the days off', () => {
    const designed = json.milestones.find((m) => m.id === 'designed')!;
    const mark = chart.querySelector('a[href="#designed"]')!;
    const tip = /^M([\d.]+) /.exec(mark.querySelector('path.ms')!.getAttribute('d')!)![1];
    expect(Number(tip)).toBeCloseTo(reachedAt(designed), 0);
    // Past due and not reached: outlined as late, the slip from the due date to the forecast.
    expect(mark.querySelector('path.ms.late')).not.toBeNull();
    const slip = mark.querySelector('line.slip.late')!;
    expect(number(slip, 'x1')).toBeCloseTo(x(epochDay(designed.due!) + 1), 0);
    expect(number(slip, 'x2')).toBeCloseTo(reachedAt(designed), 0);
    // Launched: forecast before its due date.
    expect(chart.querySelector('a[href="#launched"] line.slip.early')).not.toBeNull();
    // Saturdays, Sundays and the 25th of December, shaded in runs: Dec 25–27 is one.
    const shaded = [...chart.querySelectorAll('rect.off')].map((rect) => [Math.round((number(rect, 'x') - x(epochDay('2026-12-25'))) / perDay), Math.round(number(rect, 'width') / perDay)]);
    expect(shaded).toContainEqual([0, 3]);
    expect(shaded).toContainEqual([-7 + 1, 2]); // Sat 19 – Sun 20
    expect(drawing.legend).toEqual(['summary', 'task', 'critical', 'done', 'float', 'planned', 'late', 'stage', 'milestone', 'due', 'link', 'nonWorking', 'status']);
  });

  it("on the site, puts each row's marks in a g[data-row], names each arrow's rows, and makes each group heading with rows a toggle", () => {
    const html = new JSDOM(ganttHtml(drawing, { svgHref: 'gantt.svg' })).window.document;
    const figure = html.querySelector('svg.planc-gantt-chart')!;
    expect([figure.getAttribute('data-head'), figure.getAttribute('data-row-height')]).toEqual([String(HEAD), String(ROW)]);
    // Each row's marks, and only its own: a task's, stage's or milestone's bar links to it; a phase's row holds its summary bar.
    const marked = drawing.rows.flatMap((row, i) => (row.marks ? [i] : []));
    expect([...figure.querySelectorAll('g[data-row]')].map((g) => Number(g.getAttribute('data-row')))).toEqual(marked);
    expect(marked.length).toBeGreaterThan(15);
    drawing.rows.forEach((row, i) => {
      const marks = figure.querySelector(`g[data-row="${i}"]`);
      if (row.group) {
        if (marks) expect([...marks.children].map((mark) => mark.getAttribute('class'))).toEqual(['summary']);
        return;
      }
      const id = /\(([^)]+)\)$/.exec(row.title)![1]!;
      expect([...marks!.querySelectorAll('a')].map((a) => a.getAttribute('href')), row.title).toEqual([`#${id}`]);
    });
    expect(figure.querySelectorAll('a').length).toBe(figure.querySelectorAll('g[data-row] a').length);
    // Each arrow names the rows it joins: it leaves the middle of the one and enters the middle of the other.
    const arrows = [...figure.querySelectorAll('path.link')];
    expect(arrows.length).toBe(drawing.layers.links.length);
    expect(arrows.length).toBeGreaterThan(5);
    for (const arrow of arrows) {
      const [from, to] = [Number(arrow.getAttribute('data-from-row')), Number(arrow.getAttribute('data-to-row'))];
      const path = points(arrow.getAttribute('d')!);
      expect(path[0]![1], arrow.getAttribute('d')!).toBe(HEAD + from * ROW + ROW / 2);
      expect(path.at(-1)![1], arrow.getAttribute('d')!).toBe(HEAD + to * ROW + ROW / 2);
    }
    // A toggle per phase, the rollout and the milestones, each folding the rows up to the next heading; the other names are for sight.
    const names = html.querySelector('ol.planc-gantt-names')!;
    expect(names.hasAttribute('aria-hidden')).toBe(false);
    const toggles = [...names.querySelectorAll('button.planc-gantt-toggle')];
    expect(toggles.map((button) => [button.textContent, button.getAttribute('aria-expanded'), button.getAttribute('type')])).toEqual([
      ['Phase 1: Design', 'true', 'button'],
      ['Phase 2: Build', 'true', 'button'],
      ['Phase 3: Launch', 'true', 'button'],
      ['Rollout', 'true', 'button'],
      ['Milestones', 'true', 'button'],
    ]);
    expect(toggles.map((button) => button.getAttribute('data-rows'))).toEqual(['1 2 3 4', '6 7 8 9 10', '12 13', '15 16', '18 19 20 21']);
    const items = [...names.children];
    expect(items.length).toBe(drawing.rows.length);
    expect(items.filter((item) => !item.querySelector('button')).every((item) => item.getAttribute('aria-hidden') === 'true')).toBe(true);
    // The standalone SVG stays static: no tags.
    expect(document.querySelectorAll('[data-row], [data-from-row], button').length).toBe(0);
  });

  it('keeps the workload figure as it was: no toggles, its names for sight only', () => {
    const yaml = readFileSync(join(FIXTURES, 'gantt', 'workload.plan.yaml'), 'utf8');
    const result = compileYaml({ 'plans/team.plan.yaml': yaml }, { config: { statusDate: '2027-03-03' } });
    const plan = planOf(result);
    const html = new JSDOM(ganttHtml(workloadDrawing(plan, result.analysis.plans.get(plan)!)!, {})).window.document;
    expect(html.querySelectorAll('button, [data-row], [data-from-row], [data-row-height]').length).toBe(0);
    expect(html.querySelector('ol.planc-gantt-names')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('matches the golden SVG files of small plans', () => {
    expectGolden(join(FIXTURES, 'gantt', 'checkout-status.svg'), svg);
    const undated = drawn(readFileSync(join(FIXTURES, 'documents', 'undated', 'undated.plan.yaml'), 'utf8'));
    parse(undated.svg);
    expectGolden(join(FIXTURES, 'gantt', 'undated.svg'), undated.svg);
  });

  it('keeps hostile plan text as text: no markup, no entity, no bidirectional control gets through', () => {
    const hostile = drawn(readFileSync(join(FIXTURES, 'documents', 'hostile', 'hostile.plan.yaml'), 'utf8'));
    const parsed = parse(hostile.svg);
    expect(parsed.querySelectorAll('script, foreignObject, [onclick], [onload]').length).toBe(0);
    const html = new JSDOM(ganttHtml(hostile.drawing, { svgHref: 'gantt.svg' })).window.document;
    expect(html.querySelectorAll('script, [onclick], [onload], [onerror], img').length).toBe(0);
    // A phase's toggle reads as the plan wrote its title, as text.
    expect([...html.querySelectorAll('button.planc-gantt-toggle')].map((button) => button.textContent)).toContain('Phase 1: section Evil: phase; with #hash and %%{init}%%');
    expect([...html.querySelectorAll('button.planc-gantt-toggle')].every((button) => button.children.length === 0)).toBe(true);
    const texts = [...parsed.querySelectorAll('text, title, desc')].map((node) => node.textContent!);
    expect(texts.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // The names read as the plan wrote them.
    expect(texts.some((text) => text.includes('<script>'))).toBe(true);
  });
});

describe('its time axis', () => {
  const workweek = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  it('shows days on a short plan, weeks on a longer one, months and quarters on a long one', () => {
    const from = epochDay('2027-03-01');
    const short = timeScale({ from, to: from + 40, dated: true, workdays: workweek });
    expect(short.unit).toBe(30);
    expect(short.minor.slice(0, 3).map((tick) => tick.label)).toEqual(['1', '2', '3']);
    const weeks = timeScale({ from, to: from + 100, dated: true, workdays: workweek });
    expect(weeks.minor.slice(0, 3).map((tick) => tick.label)).toEqual(['Mar 1', 'Mar 8', 'Mar 15']);
    expect(weeks.major[0]!.label).toBe('March 2027');
    const months = timeScale({ from, to: from + 1000, dated: true, workdays: workweek });
    expect(months.minor.slice(0, 2).map((tick) => tick.label)).toEqual(['Mar', 'Apr']);
    const quarters = timeScale({ from, to: from + 3000, dated: true, workdays: workweek });
    expect(quarters.minor.slice(0, 2).map((tick) => tick.label)).toEqual(['Q2', 'Q3']);
    expect(quarters.major.map((tick) => tick.label).slice(0, 2)).toEqual(['2027', '2028']);
    // A half-day task stays visible: 30 px a day on a short plan (Mermaid drew 3 px).
    expect(short.unit / 2).toBeGreaterThanOrEqual(14);
  });

  it('starts weeks on Monday, or on the first working day after the days off', () => {
    const from = epochDay('2027-03-01'); // a Monday
    const sunday = timeScale({ from, to: from + 100, dated: true, workdays: ['sun', 'mon', 'tue', 'wed', 'thu'] });
    expect(sunday.minor[0]!.label).toBe('Mar 7');
    const monday = timeScale({ from: from + 2, to: from + 100, dated: true, workdays: workweek });
    expect(monday.minor[0]!.label).toBe('Mar 8');
  });

  it('counts working days on an undated plan, day 1 first, ticks never restarting', () => {
    const scale = timeScale({ from: 0, to: 200, dated: false, workdays: workweek });
    const labels = scale.minor.map((tick) => tick.label);
    expect(labels.slice(0, 4)).toEqual(['day 1', 'day 11', 'day 21', 'day 31']);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('its arrows', () => {
  const geometry = { top: (row: number) => HEAD + row * ROW, middle: (row: number) => HEAD + row * ROW + ROW / 2 };
  it('go down a channel clear of the bars between, when there is one', () => {
    // From the end of row 0 (x 100) to the start of row 3 (x 200); row 1 has a bar over 100–150.
    const blocked = [[[0, 100]], [[90, 150]], [], [[200, 260]]] as Array<Array<[number, number]>>;
    const [start, ...rest] = points(route({ x: 100, row: 0, side: 1 }, { x: 200, row: 3, side: -1 }, geometry, blocked));
    expect(start).toEqual([100, geometry.middle(0)]);
    const down = rest[0]![0];
    expect(down < 90 - 3 || down > 150 + 3).toBe(true);
    expect(rest.at(-1)).toEqual([200, geometry.middle(3)]);
  });

  it('go around when the successor starts before the predecessor ends, along a row boundary', () => {
    const path = points(route({ x: 200, row: 0, side: 1 }, { x: 100, row: 2, side: -1 }, geometry, [[], [], []]));
    // Out to the right, down to the boundary below the first row, back left, down, in.
    expect(path.map(([px]) => px)).toEqual([200, 206, 206, 94, 94, 100]);
    expect(path[2]![1]).toBe(geometry.top(1));
  });
});

describe('the portfolio timeline', () => {
  it('draws a row per dated plan, by start, each bar linking to its plan', () => {
    const later = CHECKOUT.replace('title: Checkout redesign', 'id: later\ntitle: Later').replace('start: 2026-12-07', 'start: 2027-02-01');
    const result = compileYaml({ 'plans/b.plan.yaml': later, 'plans/a.plan.yaml': CHECKOUT.replace('title: Checkout redesign', 'id: sooner\ntitle: Sooner').replace('start: 2026-12-07', 'start: 2026-11-02') });
    const drawing = portfolioGantt(result.plans, result.analysis, { href: (plan) => `plans/${plan.id}/` })!;
    const document = parse(ganttSvg(drawing));
    expect([...document.querySelectorAll('g.names text')].map((text) => text.lastChild!.textContent)).toEqual(['Sooner', 'Later']);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['plans/sooner/', 'plans/later/']);
  });
});

describe('the workload histogram', () => {
  const yaml = readFileSync(join(FIXTURES, 'gantt', 'workload.plan.yaml'), 'utf8');
  const result = compileYaml({ 'plans/team.plan.yaml': yaml }, { config: { statusDate: '2027-03-03' } });
  const plan = planOf(result);
  const analysis = result.analysis.plans.get(plan)!;
  const drawing = workloadDrawing(plan, analysis)!;
  const svg = ganttSvg(drawing);
  const document = parse(svg);

  it('is worked out once in the analysis: steps of tasks at once, the peak, and the stretches over capacity the finding names', () => {
    const ana = analysis.schedule!.workload.find((load) => load.owner === 'ana')!;
    expect(ana.capacity).toBe(1);
    expect(ana.peak).toBe(2);
    expect(ana.overloads.map((window) => [window.start, window.finish, window.tasks.map((task) => task.id)])).toEqual([['2027-03-03', '2027-03-04', ['api', 'client']]]);
    const finding = result.diagnostics.find((d) => d.code === 'PLAN4002')!;
    expect(finding.message).toBe('`ana` has 2 tasks at once (capacity 1) from 2027-03-03 to 2027-03-04: `api`, `client`');
    // Work done is in the load (it took the owner's time) but overloads nobody now.
    expect(ana.steps[0]!.tasks.map((task) => task.id)).toEqual(['schema']);
    expect(analysis.schedule!.workload.map((load) => [load.owner, load.peak, load.overloads.length])).toEqual([
      ['ana', 2, 1],
      ['bob', 2, 0],
      ['cy', 1, 0],
    ]);
  });

  it('stacks a block per task at each step, hatches those over capacity, and draws the capacity line', () => {
    const ana = analysis.schedule!.workload.find((load) => load.owner === 'ana')!;
    const band = [...document.querySelectorAll('g[role="img"]')].find((g) => g.getAttribute('aria-label')!.startsWith('ana:'))!;
    const blocks = [...band.querySelectorAll('rect.load')];
    expect(blocks.length).toBe(ana.steps.reduce((sum, step) => sum + step.tasks.length, 0));
    // One block over capacity per step of the overload, hatched as well as coloured.
    const over = blocks.filter((block) => block.getAttribute('class')!.includes('over'));
    const steps = ana.steps.filter((step) => step.tasks.filter((task) => task.status !== 'done').length > 1);
    expect(over.length).toBe(steps.length);
    expect(band.querySelectorAll('rect[fill$="-hatch)"]').length).toBe(over.length);
    expect(over.every((block) => block.querySelector('title')!.textContent!.includes('over capacity'))).toBe(true);
    // Stacked: the second block of a step sits one unit above the first.
    const [lower, upper] = blocks.filter((block) => block.getAttribute('x') === over[0]!.getAttribute('x'));
    expect(number(lower!, 'y') - number(upper!, 'y')).toBe(10);
    // The capacity line is a unit above the baseline for a capacity of 1.
    const lines = [...document.querySelectorAll('line.capacity')].map((line) => number(line, 'y1'));
    expect(lines[0]).toBeCloseTo(number(lower!, 'y') - 0.5, 1);
    expect(drawing.legend).toEqual(['load', 'overload', 'done', 'capacity', 'nonWorking', 'status']);
    expectGolden(join(FIXTURES, 'gantt', 'workload.svg'), svg);
  });
});

describe('its colours', () => {
  /** WCAG's relative luminance and contrast ratio of two #rrggbb colours. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  const palette = (rule: string) => Object.fromEntries([...rule.matchAll(/--g-([\w-]+):(#[0-9a-f]{6})/g)].map(([, name, value]) => [name!, value!]));

  it('pass contrast checks in both themes: text 4.5:1, the critical path, late work, the status line and links 3:1 on the background', () => {
    const [light, dark] = GANTT_STYLE.split('}').filter((rule) => rule.includes('--g-text')).map(palette) as [Record<string, string>, Record<string, string>];
    for (const [name, colours] of [['light', light], ['dark', dark]] as const) {
      expect(contrast(colours.text!, colours.bg!), `${name} text`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.muted!, colours.bg!), `${name} muted text`).toBeGreaterThanOrEqual(4.5);
      for (const mark of ['crit-line', 'late', 'status', 'bar-line', 'due', 'link']) expect(contrast(colours[mark]!, colours.bg!), `${name} ${mark}`).toBeGreaterThanOrEqual(3);
      // The critical outline stands out from the fill it is drawn on.
      expect(contrast(colours['crit-line']!, colours.crit!), `${name} critical outline on its fill`).toBeGreaterThanOrEqual(3);
    }
  });
});
