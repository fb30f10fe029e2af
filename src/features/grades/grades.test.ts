import { describe, expect, test } from 'vitest';
import { checkGrades, gradeableBuurten, gradeHistory, quarterOf } from './grades.ts';

describe('quarterOf', () => {
  test('counts in Dutch time, so the last evening of a quarter still belongs to it', () => {
    expect(quarterOf(new Date('2026-03-31T21:30:00Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T22:30:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(new Date('2026-12-31T22:59:00Z'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date('2026-12-31T23:00:00Z'))).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOf(new Date('2026-07-01T12:00:00Z'))).toEqual({ year: 2026, quarter: 3 });
  });
});

describe('gradeableBuurten', () => {
  const buurten = [
    { code: 'BU01185000', wijk_code: 'WK011850' },
    { code: 'BU01185001', wijk_code: 'WK011850' },
    { code: 'BU01185100', wijk_code: 'WK011851' },
    { code: 'BU01186000', wijk_code: 'WK011860' },
  ];

  test('a wijk stands for all its buurten, as on the server', () => {
    expect(gradeableBuurten(['WK011850', 'BU01186000'], buurten, [])).toEqual([
      'BU01185000',
      'BU01185001',
      'BU01186000',
    ]);
  });

  test('known memberships win over what was seen', () => {
    expect(gradeableBuurten([], buurten, ['BU01185000'])).toEqual([]);
  });

  test('without memberships on the device, the buurten of received records stand in', () => {
    expect(gradeableBuurten(undefined, buurten, ['BU01185100', 'BU01185100', 'XX'])).toEqual([
      'BU01185100',
    ]);
  });
});

test('gradeHistory: one line per quarter, newest first, leaving out the current quarter', () => {
  const rows = [
    { year: 2026, quarter: 2, theme: 'schoon', grade: 6 },
    { year: 2025, quarter: 4, theme: 'schoon', grade: 5 },
    { year: 2026, quarter: 2, theme: 'samen', grade: 8 },
    { year: 2026, quarter: 4, theme: 'schoon', grade: 9 },
  ];
  expect(gradeHistory(rows, { year: 2026, quarter: 4 })).toEqual([
    { year: 2026, quarter: 2, grades: { schoon: 6, samen: 8 } },
    { year: 2025, quarter: 4, grades: { schoon: 5 } },
  ]);
});

test('checkGrades: at least one theme, each a whole number from 1 to 10', () => {
  expect(checkGrades({})).toBe('grade.error.none');
  expect(checkGrades({ schoon: undefined })).toBe('grade.error.none');
  expect(checkGrades({ schoon: 0 })).toBe('grade.error.range');
  expect(checkGrades({ schoon: 11 })).toBe('grade.error.range');
  expect(checkGrades({ schoon: 7.5 })).toBe('grade.error.range');
  expect(checkGrades({ schoon: 1, samen: 10 })).toBeUndefined();
});
