import { describe, expect, test } from 'vitest';
import { gardenHistory, summariseFeedback } from './feedback.ts';

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

describe('gardenHistory', () => {
  const row = (id: string, created_at: string, more: Record<string, unknown> = {}) => ({
    id,
    kind: 'feedback',
    body: '',
    thumb: 1,
    rating: null,
    created_at,
    deleted_at: null,
    organisation_id: 'shdh',
    ...more,
  });
  const rows = [
    row('a', '2026-03-01T10:00:00Z', { body: 'Eerst' }),
    row('c', '2026-03-09T10:00:00Z', { kind: 'comment', thumb: null, organisation_id: 'wc' }),
    row('gone', '2026-03-10T10:00:00Z', { deleted_at: '2026-03-11T00:00:00Z' }),
    // made on this device: the server has not stamped its organisation yet
    row('mine', '2026-03-12T10:00:00Z', { kind: 'comment', thumb: null, organisation_id: null }),
    row('b', '2026-03-05T10:00:00Z', { organisation_id: null }),
  ];
  const names = new Map([
    ['shdh', 'SHDH'],
    ['wc', 'Woonconcept'],
    ['sm', 'De Smederijen'],
  ]);

  test('newest first, deleted rows left out, unsent ones marked', () => {
    const history = gardenHistory(rows, new Set(['mine']));
    expect(history.map((e) => [e.id, e.unsent])).toEqual([
      ['mine', true],
      ['c', false],
      ['b', false],
      ['a', false],
    ]);
    expect(history.at(-1)).toMatchObject({ body: 'Eerst', thumb: 1, kind: 'feedback' });
  });

  test('for professionals: the author’s organisation; their own unsent note is theirs', () => {
    const history = gardenHistory(rows, new Set(['mine']), { names, own: 'sm' });
    expect(history.map((e) => [e.id, e.organisation])).toEqual([
      ['mine', 'De Smederijen'],
      ['c', 'Woonconcept'],
      // sent, but its organisation unknown (erased): no guess
      ['b', undefined],
      ['a', 'SHDH'],
    ]);
  });

  test('for tenants nothing about the author is given', () => {
    const history = gardenHistory(rows, new Set(['mine']));
    expect(history.every((e) => !('organisation' in e))).toBe(true);
    expect(JSON.stringify(history)).not.toContain('shdh');
  });
});
