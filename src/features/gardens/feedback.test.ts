import { describe, expect, test } from 'vitest';
import { summariseFeedback } from './feedback.ts';

const fb = (thumb: number | null, rating: number | null, deleted_at: string | null = null) => ({
  kind: 'feedback',
  thumb,
  rating,
  deleted_at,
});

describe('summariseFeedback', () => {
  test('nothing yet: zero counts and no average', () => {
    expect(summariseFeedback([])).toEqual({ count: 0, up: 0, down: 0, rated: 0, average: null });
  });

  test('counts thumbs, averages only the grades given, rounds to one decimal', () => {
    const rows = [fb(1, 4), fb(1, null), fb(-1, 2), fb(null, 5)];
    expect(summariseFeedback(rows)).toEqual({ count: 4, up: 2, down: 1, rated: 3, average: 3.7 });
  });

  test('leaves out comments and deleted rows', () => {
    const rows = [
      fb(1, 5),
      { kind: 'comment', thumb: null, rating: null, deleted_at: null },
      fb(-1, 1, '2026-01-01T00:00:00Z'),
    ];
    expect(summariseFeedback(rows)).toEqual({ count: 1, up: 1, down: 0, rated: 1, average: 5 });
  });
});
