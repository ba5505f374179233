// Where the Gantt chart draws bars and milestones: at the instants of the schedule, so a
// milestone sits at the end of the bars it follows, on the date the document gives it.
import { describe, expect, it } from 'vitest';
import { barLabel, gantt, ganttAxis, labelRoom, sectionTitle } from '../../src/emit/mermaid/gantt.ts';
import { compileYaml, planOf, timings } from '../helpers/compile.ts';

/** The Gantt statements of a plan, by item name: `#65; :crit, t0, …` → { A: 'crit, t0, …' }. */
function draw(text: string): { lines: Record<string, string>; result: ReturnType<typeof compileYaml> } {
  const result = compileYaml({ 'gantt.plan.yaml': text });
  const plan = planOf(result);
  const mermaid = gantt(plan, result.analysis.plans.get(plan)!)!;
  // Names travel as entity codes from their first character on.
  const statements = [...mermaid.matchAll(/^ {4}#(\d+);(.*?) :(.*)$/gm)];
  const lines = Object.fromEntries(statements.map(([, code, rest, data]) => [String.fromCharCode(Number(code)) + rest!, data!]));
  return { lines, result };
}

const plan = (header: string[]) =>
  [
    ...header,
    'phases:',
    '  - id: work',
    '    title: Work',
    '    tasks:',
    '      - { id: a, title: A, duration: 1.5d }',
    '      - { id: b, title: B, duration: 18d, dependsOn: [a] }',
    '      - { id: flag, title: Flag, duration: 0, dependsOn: [a] }',
    'milestones:',
    '  - { id: kickoff, title: Kickoff, after: [] }',
    '  - { id: a-done, title: A done, after: [a] }',
    '  - { id: b-done, title: B done, after: [b] }',
    '',
  ].join('\n');

describe('Gantt positions', () => {
  it('draws milestones of an undated plan at their working-day offsets', () => {
    const { lines, result } = draw(plan(['title: Undated']));
    expect(timings(result)['b-done']!.es).toBe(19.5);
    expect(lines).toEqual({
      A: 'crit, t0, 1990-01-01 00:00, 1990-01-02 12:00',
      B: 'crit, t1, 1990-01-02 12:00, 1990-01-20 12:00',
      Flag: 'milestone, t2, 1990-01-02 12:00, 1990-01-02 12:00',
      Kickoff: 'milestone, t3, 1990-01-01 00:00, 0d',
      'A done': 'milestone, t4, 1990-01-02 12:00, 0d',
      'B done': 'milestone, crit, t5, 1990-01-20 12:00, 0d',
    });
  });

  it('draws milestones of a dated plan where the bars they follow end, on the dates the document gives', () => {
    // Monday 2027-03-01; b ends half-way through the 20th working day, Friday 03-26.
    const { lines, result } = draw(plan(['title: Dated', 'start: 2027-03-01']));
    const t = timings(result);
    const dates = [t.kickoff!.start, t['a-done']!.start, t.flag!.start, t['b-done']!.start];
    expect(dates).toEqual(['2027-03-01', '2027-03-02', '2027-03-02', '2027-03-26']);
    expect(lines).toEqual({
      A: 'crit, t0, 2027-03-01 00:00, 2027-03-02 12:00',
      B: 'crit, t1, 2027-03-02 12:00, 2027-03-26 12:00',
      Flag: 'milestone, t2, 2027-03-02 12:00, 2027-03-02 12:00',
      Kickoff: 'milestone, t3, 2027-03-01 00:00, 0d',
      'A done': 'milestone, t4, 2027-03-02 12:00, 0d',
      'B done': 'milestone, crit, t5, 2027-03-26 12:00, 0d',
    });
  });

  it('draws a milestone after whole days at the end of the last working day, like the bar before it', () => {
    // a takes 5 days from Monday 03-01: it ends with Friday 03-05, drawn up to Saturday 00:00.
    const text = [
      'title: Whole days',
      'start: 2027-03-01',
      'phases:',
      '  - id: work',
      '    title: Work',
      '    tasks:',
      '      - { id: a, title: A, duration: 5d }',
      'milestones:',
      '  - { id: a-done, title: A done, after: [a] }',
      '',
    ].join('\n');
    const { lines, result } = draw(text);
    expect(timings(result)['a-done']!.start).toBe('2027-03-05');
    expect(lines).toEqual({
      A: 'crit, t0, 2027-03-01 00:00, 2027-03-06 00:00',
      'A done': 'milestone, crit, t1, 2027-03-06 00:00, 0d',
    });
  });
});

describe('the Gantt axis and labels', () => {
  it('spaces ticks by the span, so no date repeats and no label crowds the next; weeks start on Monday or the first workday', () => {
    expect(ganttAxis(5, true)).toEqual(['  axisFormat %b %d', '  tickInterval 1day']);
    expect(ganttAxis(60, true)).toEqual(['  axisFormat %b %d', '  tickInterval 1week', '  weekday monday']);
    expect(ganttAxis(89, true, 6)).toEqual(['  axisFormat %b %d', '  tickInterval 2week', '  weekday sunday']);
    expect(ganttAxis(300, true)).toEqual(['  axisFormat %b %Y', '  tickInterval 1month']);
    expect(ganttAxis(900, true)).toEqual(['  axisFormat %b %Y', '  tickInterval 3month']);
    // Undated: day numbers from day 1, every 7, 14 or 28 days from it, unpadded; never by
    // days of the month (d3 would restart those every month: "day 29, 32").
    expect(ganttAxis(10, false)).toEqual(['  axisFormat day %-j', '  tickInterval 1day', '  weekday monday']);
    expect(ganttAxis(20, false)).toEqual(['  axisFormat day %-j', '  tickInterval 1week', '  weekday monday']);
    expect(ganttAxis(100, false)).toEqual(['  axisFormat day %-j', '  tickInterval 2week', '  weekday monday']);
    expect(ganttAxis(200, false)).toEqual(['  axisFormat day %-j', '  tickInterval 4week', '  weekday monday']);
  });

  it('keeps the week from the calendar: a Sunday-to-Thursday plan ticks on Sundays', () => {
    const text = plan(['title: Sunday weeks', 'start: 2027-03-07', 'calendar:', '  workdays: [sun, mon, tue, wed, thu]']);
    const result = compileYaml({ 'gantt.plan.yaml': text });
    const found = planOf(result);
    expect(gantt(found, result.analysis.plans.get(found)!)).toContain('  tickInterval 1week\n  weekday sunday\n');
  });

  it('titles the chart with its dates (the axis shows no year) or its length', () => {
    const dated = gantt(...planAndAnalysis(['title: Dated', 'start: 2026-12-28']))!;
    expect(dated).toMatch(/^ {2}title #68;ated \(2026-12-28 → 2027-01-22\)$/m);
    expect(dated).toContain('  tickInterval 1week\n');
    const undated = gantt(...planAndAnalysis(['title: Undated']))!;
    expect(undated).toMatch(/^ {2}title #85;ndated \(19\.5 working days\)$/m);
  });

  it('breaks section names into lines of the left column, no more lines than the section has rows', () => {
    expect(sectionTitle('Core implementation', 'core', 6)).toBe('#67;ore<br>#105;mplementation');
    expect(sectionTitle('Rollout stages', 'rollout', 4)).toBe('#82;ollout<br>#115;tages');
    expect(sectionTitle('Build', 'build', 1)).toBe('#66;uild');
    // One row: one line, shortened.
    expect(sectionTitle('Characterization tests and more', 'c', 1)).toBe('#67;haracterizat…');
    // Plan text stays text: only the line breaks are markup.
    expect(sectionTitle('Move the <b>data</b> now', 'm', 2)).toBe('#77;ove the<br>#60;b#62;data#60;/b#62;…');
  });

  it('shortens long bar labels at a word; the document keeps the whole title', () => {
    expect(barLabel('Provision the auth-db PostgreSQL 16 cluster', 44)).toBe('Provision the auth-db PostgreSQL 16 cluster');
    expect(barLabel('Stop writing refresh sessions to Redis and read only from PostgreSQL', 44)).toBe('Stop writing refresh sessions to Redis and…');
    expect(barLabel('x'.repeat(60), 44)).toBe(`${'x'.repeat(43)}…`);
    expect(Array.from(barLabel('🚀'.repeat(60), 44)).length).toBe(44);
  });

  it('gives a label the room Mermaid gives it: inside a long bar, right of a bar before the edge, else left of it', () => {
    const span = { from: 0, to: 100 };
    // A bar in the first tenth: the rest of the axis (650 px wide) is to its right.
    expect(labelRoom(0, 10, span)).toBe(Math.floor((650 - 65 - 37.5) / 6.2));
    // A bar at the very end: the room is on its left.
    expect(labelRoom(95, 100, span)).toBe(Math.floor((617.5 - 5) / 6.2));
    // A bar over the whole span: inside it.
    expect(labelRoom(0, 100, span)).toBe(Math.floor(646 / 6.2));
    // Never less than a word's room.
    expect(labelRoom(49, 51, { from: 0, to: 51.01 })).toBeGreaterThanOrEqual(12);
  });

  it('keeps whole titles where there is room, and the plan title to the drawing\'s width', () => {
    const long = 'Provision the new auth-db PostgreSQL 16 cluster with its replicas and backups';
    const text = ['title: A plan whose title was long enough to be cut at forty, before', 'start: 2027-03-01', 'phases:', '  - id: p', '    title: P', '    tasks:', `      - { id: a, title: ${long}, duration: 1d }`, '      - { id: b, title: B, duration: 30d, dependsOn: [a] }', ''].join('\n');
    const result = compileYaml({ 'gantt.plan.yaml': text });
    const found = planOf(result);
    const chart = gantt(found, result.analysis.plans.get(found)!)!;
    expect(chart).toContain(`#80;${long.slice(1)} :`);
    expect(chart).toContain('title #65; plan whose title was long enough to be cut at forty, before (2027-03-01');
  });
});

function planAndAnalysis(header: string[]): Parameters<typeof gantt> {
  const result = compileYaml({ 'gantt.plan.yaml': plan(header) });
  const found = planOf(result);
  return [found, result.analysis.plans.get(found)!];
}
