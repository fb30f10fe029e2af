import { describe, expect, it } from 'vitest';
import { gardenFeedbackFigures } from './feedback.ts';

const feedback = (thumb: number | null, rating: number | null) => ({
  kind: 'feedback',
  thumb,
  rating,
});

describe('garden feedback figures', () => {
  const rows = [
    feedback(1, 4),
    feedback(1, 5),
    feedback(-1, 2),
    feedback(1, null),
    { ...feedback(1, 1), deleted_at: '2026-01-01T00:00:00Z' },
    { kind: 'comment', thumb: null, rating: null },
  ];

  it('counts feedback, not comments or deleted rows, for professionals', () => {
    expect(gardenFeedbackFigures(rows, false)).toEqual({
      count: 4,
      up: 3,
      down: 1,
      rated: 3,
      average: 3.7,
    });
  });

  it('hides counts under five and averages of fewer than five grades from tenants', () => {
    expect(gardenFeedbackFigures(rows, true)).toEqual({
      count: null,
      up: null,
      down: null,
      rated: null,
      average: null,
    });
    const many = [...rows, feedback(1, 3), feedback(1, 3), feedback(-1, null)];
    expect(gardenFeedbackFigures(many, true)).toEqual({
      count: 7,
      up: 5,
      down: null,
      rated: 5,
      average: 3.4,
    });
  });
});
