import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaBuurten, areaInput } from './area.ts';
import { computeProgress, type ProgressInput } from './progress.ts';

const M = 'GM0118';
const wijk = (code: string) => ({
  code,
  kind: 'wijk',
  name: code,
  wijk_code: null,
  municipality_code: M,
});
const buurt = (code: string, w: string) => ({
  code,
  kind: 'buurt',
  name: code,
  wijk_code: w,
  municipality_code: M,
});
const AREAS = [
  wijk('WK011850'),
  buurt('BU01185000', 'WK011850'),
  buurt('BU01185001', 'WK011850'),
  wijk('WK011851'),
  buurt('BU01185100', 'WK011851'),
  buurt('BU01185101', 'WK011851'),
];
const BUURTEN = AREAS.filter((a) => a.kind === 'buurt').map((a) => a.code);

const day = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((t) => new Date(t).toISOString());
const where = fc.constantFrom(...BUURTEN);
const deleted = fc.option(fc.constant('2026-06-01T00:00:00Z'), { freq: 8 });
const reach = fc.constantFrom('ja', 'nee', 'kleine_aanpassing', 'traplift');

/** Records spread over two wijken, enough of each for the small-count rule to matter. */
const records = fc.record({
  observations: fc.array(
    fc.record({
      neighbourhood_code: where,
      category_code: fc.constantFrom('schoon.zwerfafval', 'sociaal.woonoverlast'),
      status: fc.constantFrom('nieuw', 'in_behandeling', 'opgelost', 'gesloten'),
      observed_at: day,
      resolved_at: fc.option(day),
      deleted_at: deleted,
    }),
    { maxLength: 40 },
  ),
  gardens: fc.array(
    fc.record({
      neighbourhood_code: where,
      corporation_id: fc.constantFrom('c1', 'c2'),
      status: fc.constantFrom('aangemeld', 'uitgevoerd', 'afgerond'),
      completed_at: fc.option(day),
      created_at: day,
      households: fc.nat(5),
      tiles_removed_m2: fc.nat(40),
      green_added_m2: fc.nat(40),
      trees: fc.nat(3),
      rain_barrels: fc.nat(2),
      deleted_at: deleted,
    }),
    { maxLength: 20 },
  ),
  checks: fc.array(
    fc.record({
      neighbourhood_code: where,
      corporation_id: fc.constantFrom('c1', 'c2'),
      living_room: reach,
      toilet: reach,
      bathroom: reach,
      bedroom: reach,
      new_build: fc.boolean(),
      checked_at: day,
      deleted_at: deleted,
    }),
    { maxLength: 20 },
  ),
  grades: fc.array(
    fc.record({
      neighbourhood_code: where,
      year: fc.constantFrom(2025, 2026),
      quarter: fc.integer({ min: 1, max: 4 }),
      theme: fc.constantFrom('schoon', 'veilig'),
      grade: fc.integer({ min: 1, max: 10 }),
      deleted_at: deleted,
    }),
    { maxLength: 30 },
  ),
});

type Records = typeof records extends fc.Arbitrary<infer T> ? T : never;

const input = (r: Records): ProgressInput => ({
  municipality: M,
  neighbourhoods: AREAS,
  categories: [
    { code: 'schoon.zwerfafval', sensitive: false },
    { code: 'sociaal.woonoverlast', sensitive: true },
  ],
  targets: [
    {
      id: 't1',
      municipality_code: M,
      neighbourhood_code: 'BU01185000',
      organisation_id: null,
      year: 2026,
      metric: 'gardens_completed',
      target_value: 4,
      agreement_no: 13,
      description: '',
    },
  ],
  ...r,
});
const now = new Date('2026-11-26T12:00:00Z');

describe('one area of the device data', () => {
  it('follows the wijk relation: a buurt alone, a wijk with its buurten', () => {
    expect([...areaBuurten(AREAS, 'BU01185001')]).toEqual(['BU01185001']);
    expect([...areaBuurten(AREAS, 'WK011851')].sort()).toEqual([
      'BU01185100',
      'BU01185101',
      'WK011851',
    ]);
  });

  it("gives the area's own row exactly as computing everything does, and no other areas", () => {
    fc.assert(
      fc.property(
        records,
        fc.constantFrom(...AREAS.map((a) => a.code)),
        fc.constantFrom(null, '2026', '2025-Q3', '2026-03'),
        fc.boolean(),
        (r, code, period, tenant) => {
          const all = input(r);
          const options = { period, tenant, now };
          const own = areaInput(all, code);
          const rows = computeProgress(own, options);
          expect(rows.find((x) => x.code === code)).toEqual(
            computeProgress(all, options).find((x) => x.code === code),
          );
          const codes = areaBuurten(AREAS, code);
          expect(rows.every((x) => codes.has(x.code))).toBe(true);
          expect(own.observations.every((o) => codes.has(o.neighbourhood_code))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
