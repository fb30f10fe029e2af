import { describe, expect, it } from 'vitest';
import { lastMonths, monthOf, periodBounds } from './period.ts';
import { computeProgress, daysBucket, daysBetween, type ProgressInput } from './progress.ts';

const M = 'GM0118';
const areas = [
  { code: 'WK011850', kind: 'wijk', name: 'Wijk 50', wijk_code: null, municipality_code: M },
  {
    code: 'BU01185000',
    kind: 'buurt',
    name: 'Centrum',
    wijk_code: 'WK011850',
    municipality_code: M,
  },
  { code: 'BU01185001', kind: 'buurt', name: 'Noord', wijk_code: 'WK011850', municipality_code: M },
];
const obs = (
  buurt: string,
  status: string,
  observed: string,
  resolved: string | null = null,
  category = 'schoon.zwerfafval',
) => ({
  neighbourhood_code: buurt,
  category_code: category,
  status,
  observed_at: observed,
  resolved_at: resolved,
});
const base: ProgressInput = {
  municipality: M,
  neighbourhoods: areas,
  observations: [],
  categories: [
    { code: 'schoon.zwerfafval', sensitive: false },
    { code: 'sociaal.woonoverlast', sensitive: true },
  ],
  gardens: [],
  checks: [],
  grades: [],
  targets: [],
};
const now = new Date('2026-11-26T12:00:00Z');

describe('periods', () => {
  it('reads years, quarters and months like private.period_bounds', () => {
    expect(periodBounds('2026')).toEqual({ first: '2026-01-01', end: '2027-01-01' });
    expect(periodBounds('2026-Q4')).toEqual({ first: '2026-10-01', end: '2027-01-01' });
    expect(periodBounds('2026-02')).toEqual({ first: '2026-02-01', end: '2026-03-01' });
    expect(periodBounds(null)?.first).toBe('1900-01-01');
    expect(periodBounds('2026-13')).toBeUndefined();
    expect(periodBounds('26')).toBeUndefined();
  });
  it('puts a timestamp in its UTC month, whatever offset it was written with', () => {
    expect(monthOf('2026-03-31T23:30:00Z')).toBe('2026-03-01');
    expect(monthOf('2026-03-31T23:30:00.123+00:00')).toBe('2026-03-01');
    expect(monthOf('2026-03-31T23:30:00-02:00')).toBe('2026-04-01');
    expect(monthOf('2026-04-01T00:30:00+02:00')).toBe('2026-03-01');
  });
  it('lists the last months oldest first, across a year end', () => {
    expect(lastMonths(new Date('2026-02-10T00:00:00Z'), 3)).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
  });
});

describe('resolution buckets', () => {
  it('keeps days up to 60, weeks up to a year, then one bucket', () => {
    expect([-3, 0, 60, 61, 67, 68, 365, 366].map(daysBucket)).toEqual([
      0, 0, 60, 60, 67, 67, 361, 400,
    ]);
    expect(daysBetween('2026-01-01T10:00:00Z', '2026-01-03T09:59:59Z')).toBe(1);
  });
});

describe('computeProgress', () => {
  it('counts by status per buurt and rolls buurten up into their wijk', () => {
    const rows = computeProgress(
      {
        ...base,
        observations: [
          obs('BU01185000', 'nieuw', '2026-03-01T10:00:00Z'),
          obs('BU01185000', 'opgelost', '2026-03-01T10:00:00Z', '2026-03-05T10:00:00Z'),
          obs('BU01185001', 'opgelost', '2026-03-01T10:00:00Z', '2026-03-11T10:00:00Z'),
          obs('BU01185001', 'opgelost', '2026-03-01T10:00:00Z', '2026-03-21T10:00:00Z'),
          obs('BU01185001', 'gesloten', '2026-04-01T10:00:00Z'),
          {
            ...obs('BU01185001', 'nieuw', '2026-04-01T10:00:00Z'),
            deleted_at: '2026-04-02T00:00:00Z',
          },
        ],
      },
      { period: null, tenant: false, now },
    );
    expect(rows.map((r) => r.code)).toEqual(['WK011850', 'BU01185000', 'BU01185001']);
    const [wijk, centrum, noord] = rows;
    expect(centrum).toMatchObject({
      observations_open: 1,
      observations_resolved: 1,
      median_days_to_resolve: 4,
    });
    expect(noord).toMatchObject({
      observations_open: 0,
      observations_resolved: 2,
      observations_closed: 1,
      median_days_to_resolve: 10,
    });
    expect(wijk).toMatchObject({
      observations_open: 1,
      observations_resolved: 3,
      observations_closed: 1,
      median_days_to_resolve: 10,
    });
    expect(wijk?.observations_per_category).toEqual({ 'schoon.zwerfafval': 5 });
  });

  it('keeps only the months of the period', () => {
    const input = {
      ...base,
      observations: [
        obs('BU01185000', 'nieuw', '2026-03-31T23:59:59Z'),
        obs('BU01185000', 'nieuw', '2026-04-01T00:00:00Z'),
      ],
    };
    expect(
      computeProgress(input, { period: '2026-03', tenant: false, now })[1]?.observations_open,
    ).toBe(1);
    expect(
      computeProgress(input, { period: '2026-Q2', tenant: false, now })[1]?.observations_open,
    ).toBe(1);
    expect(
      computeProgress(input, { period: '2025', tenant: false, now })[1]?.observations_open,
    ).toBe(0);
  });

  it('hides counts under five and sensitive categories from tenants', () => {
    const input = {
      ...base,
      observations: [
        ...Array.from({ length: 6 }, () => obs('BU01185000', 'nieuw', '2026-03-01T10:00:00Z')),
        obs('BU01185000', 'nieuw', '2026-03-01T10:00:00Z', null, 'sociaal.woonoverlast'),
        obs('BU01185001', 'opgelost', '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z'),
      ],
    };
    const pro = computeProgress(input, { period: null, tenant: false, now });
    const ten = computeProgress(input, { period: null, tenant: true, now });
    expect(pro[1]?.observations_per_category).toEqual({
      'schoon.zwerfafval': 6,
      'sociaal.woonoverlast': 1,
    });
    expect(ten[1]?.observations_per_category).toEqual({ 'schoon.zwerfafval': 6 });
    expect(ten[1]?.observations_open).toBe(7);
    expect(ten[2]).toMatchObject({
      observations_resolved: null,
      median_days_to_resolve: null,
      gardens_done: null,
    });
    expect(pro[2]).toMatchObject({
      observations_resolved: 1,
      median_days_to_resolve: 1,
      gardens_done: 0,
    });
  });

  it('derives shares of accessible homes and new-builds, and averages grades per theme', () => {
    const check = (cls: string, newBuild: boolean) => ({
      neighbourhood_code: 'BU01185000',
      corporation_id: 'c1',
      class: cls,
      living_room: 'ja',
      toilet: 'ja',
      bathroom: 'ja',
      bedroom: 'ja',
      new_build: newBuild,
      checked_at: '2026-05-01T00:00:00Z',
    });
    const rows = computeProgress(
      {
        ...base,
        checks: [
          check('toegankelijk', true),
          check('met_kleine_aanpassingen', true),
          check('niet_toegankelijk', true),
          check('alleen_extern', false),
          // not sent yet: no class from the server, derived on the device
          { ...check('toegankelijk', false), class: null, toilet: 'nee' },
        ],
        grades: [
          { neighbourhood_code: 'BU01185000', year: 2026, quarter: 2, theme: 'schoon', grade: 6 },
          { neighbourhood_code: 'BU01185000', year: 2026, quarter: 2, theme: 'schoon', grade: 7 },
          { neighbourhood_code: 'BU01185001', year: 2026, quarter: 2, theme: 'veilig', grade: 8 },
        ],
        targets: [
          {
            id: 't1',
            municipality_code: M,
            neighbourhood_code: null,
            organisation_id: null,
            year: 2026,
            metric: 'new_builds_accessible_share',
            target_value: 0.9,
            agreement_no: 3,
            description: '',
          },
          {
            id: 't2',
            municipality_code: M,
            neighbourhood_code: 'BU01185000',
            organisation_id: 'c1',
            year: 2026,
            metric: 'gardens_completed',
            target_value: 10,
            agreement_no: 13,
            description: 'Tuinen',
          },
          {
            id: 't3',
            municipality_code: M,
            neighbourhood_code: 'BU01185000',
            organisation_id: 'c1',
            year: 2025,
            metric: 'gardens_completed',
            target_value: 5,
            agreement_no: 13,
            description: '',
          },
        ],
      },
      { period: '2026', tenant: false, now },
    );
    expect(rows[1]).toMatchObject({
      checks_done: 5,
      share_accessible: 0.4,
      new_builds_checked: 3,
      new_builds_accessible_share: 0.667,
      new_builds_target: 0.9,
      average_grade: { schoon: 6.5 },
    });
    expect(rows[1]?.targets.map((t) => [t.id, t.agreement])).toEqual([['t2', 13]]);
    expect(rows[0]?.average_grade).toEqual({ schoon: 6.5, veilig: 8 });
  });
});
