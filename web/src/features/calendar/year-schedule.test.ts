import { describe, expect, it } from 'vitest';
import {
  buildYearSchedule,
  datesBetween,
  fieldOfException,
  periodDays,
  toCalendarYearRequest,
  type HolidayPeriodInput,
  type MakeupDayInput,
} from './year-schedule';

// The 2026 schedule as the State Council published it (the seeded official calendar agrees: 248 working days).
const HOLIDAYS_2026: HolidayPeriodInput[] = [
  { name: '元旦', start: '2026-01-01', end: '2026-01-03' },
  { name: '春节', start: '2026-02-15', end: '2026-02-23' },
  { name: '清明节', start: '2026-04-04', end: '2026-04-06' },
  { name: '劳动节', start: '2026-05-01', end: '2026-05-05' },
  { name: '端午节', start: '2026-06-19', end: '2026-06-21' },
  { name: '中秋节', start: '2026-09-25', end: '2026-09-27' },
  { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
];

const MAKEUPS_2026: MakeupDayInput[] = [
  { date: '2026-01-04', name: '元旦补班' },
  { date: '2026-02-14', name: '春节补班' },
  { date: '2026-02-28', name: '春节补班' },
  { date: '2026-05-09', name: '劳动节补班' },
  { date: '2026-09-20', name: '国庆节补班' },
  { date: '2026-10-10', name: '国庆节补班' },
];

const messagesOf = (schedule: ReturnType<typeof buildYearSchedule>) =>
  Object.fromEntries(schedule.problems.map((p) => [p.field, p.message]));

describe('buildYearSchedule', () => {
  it('gives the 2026 calendar the official data has: 248 working days', () => {
    const schedule = buildYearSchedule(2026, HOLIDAYS_2026, MAKEUPS_2026);
    expect(schedule.problems).toEqual([]);
    expect(schedule.counts).toEqual({ days: 365, workingDays: 248, restDays: 117, holidays: 33, makeupDays: 6 });
    // Every day of every period is listed, weekends included, so the calendar names them.
    expect(schedule.exceptions.filter((e) => !e.isWorkingDay)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(schedule.exceptions.find((e) => e.date === '2026-02-21')).toMatchObject({
      isWorkingDay: false,
      name: '春节',
    });
    expect(schedule.exceptions.find((e) => e.date === '2026-09-20')).toMatchObject({
      isWorkingDay: true,
      name: '国庆节补班',
    });
  });

  it('sends the exceptions in date order, without where they came from', () => {
    const schedule = buildYearSchedule(
      2027,
      [{ name: '春节', start: '2027-02-06', end: '2027-02-13' }],
      [{ date: '2027-02-14', name: ' 春节补班 ' }],
    );
    const body = toCalendarYearRequest(schedule);
    expect(body.year).toBe(2027);
    expect(body.exceptions.map((e) => e.date)).toEqual([...datesBetween('2027-02-06', '2027-02-14')]);
    expect(body.exceptions[0]).toEqual({ date: '2027-02-06', isWorkingDay: false, name: '春节' });
    expect(body.exceptions.at(-1)).toEqual({ date: '2027-02-14', isWorkingDay: true, name: '春节补班' });
    // 2027: 261 weekdays, 6 of them in the period (Feb 8–12 and Feb 6 is a Saturday), plus one Sunday worked.
    expect(schedule.counts.workingDays).toBe(261 - 5 + 1);
  });

  it('asks for every input, but calls it required so the form can wait for a submit to say so', () => {
    const schedule = buildYearSchedule(2027, [{ name: '春节' }, {}], [{}]);
    expect(schedule.problems[0]?.message).toBe('请选择放假开始日期');
    expect(schedule.problems.map((p) => [p.field, p.kind])).toEqual([
      ['holidays.0.start', 'required'],
      ['holidays.0.end', 'required'],
      ['holidays.1.name', 'required'],
      ['holidays.1.start', 'required'],
      ['holidays.1.end', 'required'],
      ['makeups.0.name', 'required'],
      ['makeups.0.date', 'required'],
    ]);
    expect(schedule.exceptions).toEqual([]);
    expect(schedule.counts.workingDays).toBe(261);
  });

  it('wants at least one period', () => {
    expect(messagesOf(buildYearSchedule(2027, [], []))).toEqual({ holidays: '请至少填写一项放假安排' });
  });

  it('keeps dates within the year', () => {
    const messages = messagesOf(
      buildYearSchedule(
        2027,
        [{ name: '元旦', start: '2026-12-31', end: '2027-01-01' }],
        [{ date: '2028-01-08', name: '补班' }],
      ),
    );
    expect(messages['holidays.0.start']).toContain('放假开始日期须在 2027 年内');
    expect(messages['makeups.0.date']).toContain('调休上班日期须在 2027 年内');
  });

  it('refuses malformed dates and an end before the start', () => {
    const messages = messagesOf(
      buildYearSchedule(
        2027,
        [
          { name: '春节', start: '2027-02-30', end: '2027-03-01' },
          { name: '国庆节', start: '2027-10-07', end: '2027-10-01' },
        ],
        [],
      ),
    );
    expect(messages['holidays.0.start']).toBe('放假开始日期无效');
    expect(messages['holidays.1.end']).toBe('放假结束日期不能早于开始日期');
  });

  it('refuses overlapping periods and names the earlier one', () => {
    const schedule = buildYearSchedule(
      2027,
      [
        { name: '中秋节', start: '2027-09-15', end: '2027-09-17' },
        { name: '国庆节', start: '2027-09-17', end: '2027-09-20' },
        { name: '国庆节', start: '2027-10-01', end: '2027-10-07' },
      ],
      [],
    );
    expect(messagesOf(schedule)).toEqual({
      'holidays.1.start': '放假日期与「中秋节」（2027-09-15 至 2027-09-17）重叠',
    });
    // The overlapping period is left out of the preview; the others stay.
    expect(schedule.exceptions.filter((e) => e.name === '国庆节')).toHaveLength(7);
    expect(schedule.exceptions.some((e) => e.date === '2027-09-18')).toBe(false);
  });

  it('takes a make-up day only on a weekend outside every period, once', () => {
    const messages = messagesOf(
      buildYearSchedule(
        2027,
        [{ name: '春节', start: '2027-02-06', end: '2027-02-13' }],
        [
          { date: '2027-02-10', name: '春节补班' },
          { date: '2027-02-13', name: '春节补班' },
          { date: '2027-02-20', name: '春节补班' },
          { date: '2027-02-20', name: '春节补班' },
          { date: '2027-02-21', name: 'x'.repeat(51) },
        ],
      ),
    );
    expect(messages).toEqual({
      'makeups.0.date': '2027-02-10 是星期三，本来就是工作日；调休上班日应为周六或周日',
      'makeups.1.date': '2027-02-13 在「春节」（2027-02-06 至 2027-02-13）内',
      'makeups.3.date': '与第 3 个调休上班日重复',
      'makeups.4.name': '名称不能超过 50 个字',
    });
  });

  it('counts a leap year', () => {
    expect(buildYearSchedule(2028, [{ name: '元旦', start: '2028-01-01', end: '2028-01-03' }], []).counts.days).toBe(
      366,
    );
  });
});

describe('fieldOfException', () => {
  it('points a refused exception back at the row it came from', () => {
    const schedule = buildYearSchedule(
      2027,
      [{ name: '春节', start: '2027-02-06', end: '2027-02-07' }],
      [{ date: '2027-01-30', name: '春节补班' }],
    );
    expect(schedule.exceptions.map((e) => e.date)).toEqual(['2027-01-30', '2027-02-06', '2027-02-07']);
    expect(fieldOfException(schedule, 'exceptions.0')).toBe('makeups.0.date');
    expect(fieldOfException(schedule, 'exceptions.2.name')).toBe('holidays.0.start');
    expect(fieldOfException(schedule, 'exceptions.9')).toBeNull();
    expect(fieldOfException(schedule, 'year')).toBeNull();
  });
});

describe('periodDays', () => {
  it('counts the days and the weekdays taken off', () => {
    expect(periodDays('2027-02-06', '2027-02-13')).toEqual({ days: 8, weekdays: 5 });
    expect(periodDays('2027-02-13', '2027-02-06')).toEqual({ days: 0, weekdays: 0 });
  });
});
