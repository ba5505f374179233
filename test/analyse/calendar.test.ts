import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/analyse/calendar.ts';
import { epochDay, isoDate } from '../../src/util/dates.ts';
import { compileYaml, positions, timings } from '../helpers/compile.ts';

const weekdays = { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, holidays: [] as string[] };

describe('the working calendar', () => {
  it('starts on the first working day on or after the start date', () => {
    // 2026-12-05 is a Saturday.
    const calendar = new WorkCalendar({ workdays: [...weekdays.workdays], holidays: [] }, '2026-12-05');
    expect(isoDate(calendar.firstDay)).toBe('2026-12-07');
    expect(calendar.startDate(0)).toBe('2026-12-07');
  });

  it('skips weekends and holidays, and ignores holidays that fall on a weekend', () => {
    const calendar = new WorkCalendar({ workdays: [...weekdays.workdays], holidays: ['2026-12-25', '2026-12-26', '2027-01-01'] }, '2026-12-21');
    // Mon 21 … Thu 24 are days 0–3; Fri 25 is a holiday; Mon 28 is day 4.
    expect(calendar.startDate(3)).toBe('2026-12-24');
    expect(calendar.startDate(4)).toBe('2026-12-28');
    expect(calendar.startDate(8)).toBe('2027-01-04');
    expect(calendar.isWorkday(epochDay('2026-12-25'))).toBe(false);
    expect(calendar.workdaysBetween('2026-12-24', '2026-12-28')).toBe(1);
  });

  it('handles fractional days: a start inside a day, a finish at the end of the day it completes', () => {
    const calendar = new WorkCalendar({ workdays: [...weekdays.workdays], holidays: [] }, '2026-12-07');
    expect(calendar.startDate(0.5)).toBe('2026-12-07');
    expect(calendar.finishDate(0.5)).toBe('2026-12-07');
    expect(calendar.finishDate(1)).toBe('2026-12-07');
    expect(calendar.finishDate(1.25)).toBe('2026-12-08');
    expect(calendar.startDate(5)).toBe('2026-12-14');
    expect(calendar.finishDate(5)).toBe('2026-12-11');
    expect(calendar.endOfDay('2026-12-11')).toBe(5);
    expect(calendar.endOfDay('2026-12-12')).toBe(5);
  });

  it('supports other working weeks', () => {
    const calendar = new WorkCalendar({ workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], holidays: [] }, '2026-12-04');
    // Fri 4 is off; Sun 6 is day 0; Thu 10 is day 4; Sun 13 is day 5.
    expect(calendar.startDate(0)).toBe('2026-12-06');
    expect(calendar.finishDate(5)).toBe('2026-12-10');
    expect(calendar.startDate(5)).toBe('2026-12-13');
  });

  it('agrees with a day-by-day count over ten years', () => {
    const holidays = ['2027-01-01', '2027-05-01', '2027-12-24', '2028-02-29', '2030-07-04'];
    const calendar = new WorkCalendar({ workdays: ['mon', 'wed', 'thu', 'sat'], holidays }, '2026-11-30');
    const working = (day: number) => [0, 2, 3, 5].includes((((day + 3) % 7) + 7) % 7) && !holidays.map(epochDay).includes(day);
    let index = 0;
    for (let day = calendar.firstDay; day < calendar.firstDay + 3650; day++) {
      if (!working(day)) continue;
      expect(calendar.dayOf(index)).toBe(day);
      expect(calendar.workdaysBefore(day)).toBe(index);
      index += 1;
    }
  });

  it('turns the schedule of a plan into dates', () => {
    const text = [
      'title: Dates',
      'start: 2026-12-21',
      'calendar: { holidays: [2026-12-25, 2027-01-01] }',
      'rollback: { trigger: errors, steps: [revert] }',
      'phases:',
      '  - id: work',
      '    title: Work',
      '    tasks:',
      '      - { id: a, title: A, duration: 4 }',
      '      - { id: b, title: B, duration: 0.5d, dependsOn: [a] }',
      '      - { id: c, title: C, duration: 0.5d, dependsOn: [b] }',
      '      - { id: d, title: D, duration: 3, dependsOn: [c] }',
      'milestones:',
      '  - { id: m, title: M, after: [d], due: 2026-12-30 }',
      '',
    ].join('\n');
    const result = compileYaml({ 'dates.plan.yaml': text });
    expect(positions(result)).toEqual(['PLAN4001 dates.plan.yaml:14:11']);
    const t = timings(result);
    expect([t.a!.start, t.a!.finish]).toEqual(['2026-12-21', '2026-12-24']);
    expect([t.b!.start, t.b!.finish, t.c!.start, t.c!.finish]).toEqual(['2026-12-28', '2026-12-28', '2026-12-28', '2026-12-28']);
    expect([t.d!.start, t.d!.finish]).toEqual(['2026-12-29', '2026-12-31']);
    expect([t.m!.start, t.m!.finish]).toEqual(['2026-12-31', '2026-12-31']);
    expect(result.diagnostics[0]!.message).toBe(
      'Milestone `m` is scheduled for 2026-12-31, 1 working day after its due date 2026-12-30',
    );
  });
});

describe('dates', () => {
  it('formats epoch days like Date does, across centuries and leap days', () => {
    // Years 1000 to 9999: plans never leave them.
    for (let day = -350_000; day < 2_900_000; day += 997) {
      expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(isoDate(epochDay('2028-02-29'))).toBe('2028-02-29');
    expect(isoDate(epochDay('2000-03-01'))).toBe('2000-03-01');
  });
});
