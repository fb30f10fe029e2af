import { describe, expect, test } from 'vitest';
import {
  checkGrades,
  gradeableBuurten,
  gradeHistory,
  markSaved,
  quarterOf,
  settlePicks,
  shownGrades,
  storedGrades,
  type Picks,
} from './grades.ts';

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

test('storedGrades: the grades of one buurt in one quarter', () => {
  const rows = [
    { neighbourhood_code: 'BU01185001', year: 2026, quarter: 4, theme: 'schoon', grade: 6 },
    { neighbourhood_code: 'BU01185001', year: 2026, quarter: 3, theme: 'heel', grade: 5 },
    { neighbourhood_code: 'BU01185000', year: 2026, quarter: 4, theme: 'veilig', grade: 8 },
    { neighbourhood_code: 'BU01185001', year: 2026, quarter: 4, theme: 'samen', grade: 9 },
  ];
  expect(storedGrades(rows, 'BU01185001', { year: 2026, quarter: 4 })).toEqual({
    schoon: 6,
    samen: 9,
  });
});

describe('picks while the device syncs', () => {
  const unsaved = (grade: number) => ({ grade, saved: false });

  test("the form shows stored grades, with the person's own picks over them", () => {
    expect(shownGrades({ schoon: 6, heel: 5 }, { heel: unsaved(8), groen: unsaved(3) })).toEqual({
      schoon: 6,
      heel: 8,
      groen: 3,
    });
  });

  test('a pull that changes the grades keeps unsaved picks; untouched themes follow the server', () => {
    const picks: Picks = { schoon: unsaved(7), veilig: unsaved(4) };
    // Before: schoon 5 and groen 6 stored; the pull brings schoon 9, groen 2 and samen 8.
    const before = { schoon: 5, groen: 6 };
    expect(shownGrades(before, picks)).toEqual({ schoon: 7, groen: 6, veilig: 4 });
    const pulled = { schoon: 9, groen: 2, samen: 8 };
    const kept = settlePicks(pulled, picks);
    expect(kept).toEqual(picks);
    expect(shownGrades(pulled, kept)).toEqual({ schoon: 7, groen: 2, veilig: 4, samen: 8 });
  });

  test('an unsaved pick stays even when the server happens to hold the same grade', () => {
    const picks: Picks = { schoon: unsaved(7) };
    expect(settlePicks({ schoon: 7 }, picks)).toBe(picks);
    // ...so a later change on the server does not replace what the person chose.
    expect(shownGrades({ schoon: 3 }, settlePicks({ schoon: 3 }, picks))).toEqual({ schoon: 7 });
  });

  test('after a save, a pick goes once the device holds it, and the theme follows the server again', () => {
    const picks: Picks = { schoon: unsaved(7), samen: unsaved(9) };
    const saved = markSaved(picks, { schoon: 7, samen: 9, groen: 6 });
    expect(saved).toEqual({ schoon: { grade: 7, saved: true }, samen: { grade: 9, saved: true } });
    // The device does not hold the save yet: the picks stay, the form shows them.
    expect(settlePicks({ schoon: 5 }, saved)).toBe(saved);
    // Now it does: nothing left to keep.
    const settled = settlePicks({ schoon: 7, samen: 9 }, saved);
    expect(settled).toEqual({});
    // A later change from the person's other phone shows.
    expect(shownGrades({ schoon: 8, samen: 9 }, settled)).toEqual({ schoon: 8, samen: 9 });
  });

  test('a pick changed while the save ran stays unsaved', () => {
    const picks: Picks = { schoon: unsaved(4) };
    const marked = markSaved(picks, { schoon: 7 });
    expect(marked).toEqual({ schoon: unsaved(4) });
    expect(settlePicks({ schoon: 7 }, marked)).toEqual({ schoon: unsaved(4) });
  });
});
