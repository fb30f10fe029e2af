import { describe, expect, test } from 'vitest';
import { stillActive } from './index.ts';

describe('stillActive', () => {
  test('an organisation with an end date takes new work until that day, not on or after it', () => {
    const woonservice = { active_until: '2026-02-01' };
    expect(stillActive(woonservice, '2026-01-31')).toBe(true);
    expect(stillActive(woonservice, '2026-02-01')).toBe(false);
    expect(stillActive(woonservice, '2026-11-26')).toBe(false);
  });

  test('without an end date it is active; a deleted one never is', () => {
    expect(stillActive({ active_until: null }, '2030-01-01')).toBe(true);
    expect(stillActive({ active_until: null, deleted_at: '2026-01-01T00:00:00Z' })).toBe(false);
  });
});
