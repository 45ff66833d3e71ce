import { describe, expect, it } from 'vitest';
import { describeWorkingDays, parseIsoDate, parseSprintLength, sprintEndDate } from '../../src/analyze/working-days.js';

const monday = parseIsoDate('2026-03-02');

describe('parseSprintLength', () => {
  it('reads weeks of five working days and working days', () => {
    expect(parseSprintLength('2w')).toBe(10);
    expect(parseSprintLength('3W')).toBe(15);
    expect(parseSprintLength('10d')).toBe(10);
    expect(parseSprintLength('7d')).toBe(7);
  });

  it.each(['14', '0w', '2 weeks', 'w', '-1d'])('refuses %j', (text) => {
    expect(() => parseSprintLength(text)).toThrow(`--sprint-length expects weeks or working days, like 2w or 10d, got "${text}"`);
  });
});

describe('parseIsoDate', () => {
  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('--start expects a date like 2026-03-02, got "2026-02-30"');
    expect(() => parseIsoDate('2026-13-01')).toThrow('--start expects a date like 2026-03-02, got "2026-13-01"');
    expect(() => parseIsoDate('next monday')).toThrow('--start expects a date like 2026-03-02');
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });
});

describe('sprintEndDate', () => {
  it('ends on the last working day of the last sprint', () => {
    expect(sprintEndDate(monday, 1, 10)).toBe('2026-03-13');
    expect(sprintEndDate(monday, 2, 10)).toBe('2026-03-27');
    expect(sprintEndDate(monday, 7, 10)).toBe('2026-06-05');
    expect(sprintEndDate(monday, 1, 3)).toBe('2026-03-04');
    expect(sprintEndDate(monday, 2, 3)).toBe('2026-03-09');
  });

  it('moves a weekend start to Monday', () => {
    expect(sprintEndDate(parseIsoDate('2026-03-07'), 1, 10)).toBe('2026-03-20');
  });

  it('starts mid-week and skips the weekend', () => {
    // Wednesday 4 March + 5 working days: Wed, Thu, Fri, Mon, Tue.
    expect(sprintEndDate(parseIsoDate('2026-03-04'), 1, 5)).toBe('2026-03-10');
  });

  it('agrees with a day-by-day walk', () => {
    for (let offset = 0; offset < 7; offset++) {
      for (let days = 1; days <= 23; days++) {
        let day = monday + offset;
        while ([0, 6].includes(new Date(day * 86_400_000).getUTCDay())) day++;
        for (let left = days - 1; left > 0; left--) {
          day++;
          while ([0, 6].includes(new Date(day * 86_400_000).getUTCDay())) day++;
        }
        expect(sprintEndDate(monday + offset, 1, days)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }
    }
  });
});

describe('describeWorkingDays', () => {
  it('says weeks when the days make whole weeks', () => {
    expect(describeWorkingDays(80)).toBe('16 weeks');
    expect(describeWorkingDays(5)).toBe('1 week');
    expect(describeWorkingDays(17)).toBe('17 working days');
  });
});
