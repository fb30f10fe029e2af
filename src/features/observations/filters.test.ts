import { describe, expect, test } from 'vitest';
import {
  buurtenOf,
  dayOf,
  distanceMeters,
  matchesFilter,
  nearbyOpen,
  type ObservationFilter,
} from './filters.ts';

const none: ObservationFilter = { mine: false, status: '', category: '', from: '', to: '' };
const obs = {
  neighbourhood_code: 'BU01185000',
  status: 'nieuw',
  category_code: 'heel.verlichting',
  observed_at: '2026-11-25T23:30:00Z', // 26 November, 00:30 in Hoogeveen
};

describe('matchesFilter', () => {
  test('no filters: everything', () => {
    expect(matchesFilter(obs, none, new Set())).toBe(true);
  });

  test('my neighbourhoods', () => {
    expect(matchesFilter(obs, { ...none, mine: true }, new Set(['BU01185000']))).toBe(true);
    expect(matchesFilter(obs, { ...none, mine: true }, new Set(['BU01185001']))).toBe(false);
  });

  test('status, and a theme stands for all its categories', () => {
    expect(matchesFilter(obs, { ...none, status: 'opgelost' }, new Set())).toBe(false);
    expect(matchesFilter(obs, { ...none, category: 'heel' }, new Set())).toBe(true);
    expect(matchesFilter(obs, { ...none, category: 'heel.verlichting' }, new Set())).toBe(true);
    expect(matchesFilter(obs, { ...none, category: 'he' }, new Set())).toBe(false);
    expect(matchesFilter(obs, { ...none, category: 'schoon' }, new Set())).toBe(false);
  });

  test('dates are whole days in Dutch time, both ends included', () => {
    expect(dayOf(obs.observed_at)).toBe('2026-11-26');
    expect(matchesFilter(obs, { ...none, from: '2026-11-26', to: '2026-11-26' }, new Set())).toBe(
      true,
    );
    expect(matchesFilter(obs, { ...none, to: '2026-11-25' }, new Set())).toBe(false);
    expect(matchesFilter(obs, { ...none, from: '2026-11-27' }, new Set())).toBe(false);
  });
});

test('buurtenOf: a wijk stands for its buurten', () => {
  const buurten = [
    { code: 'BU01185000', wijk_code: 'WK011850' },
    { code: 'BU01185100', wijk_code: 'WK011851' },
  ];
  expect([...buurtenOf(['WK011850'], buurten)]).toEqual(['BU01185000']);
  expect([...buurtenOf(['BU01185100'], buurten)]).toEqual(['BU01185100']);
});

describe('nearby open observations', () => {
  const here = { lon: 6.47908, lat: 52.72469 };
  // 0.0003° of latitude ≈ 33 m; 0.0006° ≈ 67 m.
  const near = { lon: 6.47908, lat: 52.72499 };
  const far = { lon: 6.47908, lat: 52.72529 };

  test('distanceMeters', () => {
    expect(distanceMeters(here, near)).toBeCloseTo(33.4, 0);
    expect(distanceMeters(here, here)).toBe(0);
  });

  test('same category, still open, within 50 m, nearest first', () => {
    const base = { category_code: 'heel.verlichting', status: 'nieuw', deleted_at: null };
    const found = nearbyOpen(
      [
        { ...base, id: 'near', point: near },
        { ...base, id: 'far', point: far },
        { ...base, id: 'closed', status: 'opgelost', point: near },
        { ...base, id: 'other', category_code: 'heel.bestrating', point: near },
        { ...base, id: 'here', status: 'in_behandeling', point: here },
        { ...base, id: 'gone', point: here, deleted_at: '2026-11-26T10:00:00Z' },
        { ...base, id: 'nowhere', point: undefined },
      ],
      'heel.verlichting',
      here,
    );
    expect(found.map((o) => o.id)).toEqual(['here', 'near']);
    expect(found[1]?.metres).toBeCloseTo(33.4, 0);
  });
});
