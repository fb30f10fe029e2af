import { describe, expect, it } from 'vitest';
import { gridCluster, project, unproject } from './cluster.ts';
import { toCsv } from './csv.ts';
import { classOf, classify, colourOf, metricValue, NO_DATA, SCALE } from './metrics.ts';
import { computeProgress } from './progress.ts';
import { perCorporation } from './breakdown.ts';

const row = computeProgress(
  {
    municipality: 'GM0118',
    neighbourhoods: [
      { code: 'WK011850', kind: 'wijk', name: 'W', wijk_code: null, municipality_code: 'GM0118' },
    ],
    observations: [],
    categories: [],
    gardens: [],
    checks: [],
    grades: [],
    targets: [],
  },
  { period: null, tenant: false, now: new Date() },
)[0]!;

describe('map measures', () => {
  it('computes open per 1,000 homes only where the homes are known', () => {
    const r = { ...row, observations_open: 13, observations_resolved: 5, observations_closed: 2 };
    expect(metricValue('open_per_1000_homes', r, 2000)).toBe(6.5);
    expect(metricValue('open_per_1000_homes', r, null)).toBeNull();
    expect(metricValue('share_resolved', r, null)).toBe(0.25);
    expect(metricValue('share_resolved', { ...r, observations_open: null }, null)).toBeNull();
    expect(
      metricValue(
        'average_grade',
        { ...r, average_grade: { schoon: 6, heel: 7, veilig: null } },
        null,
      ),
    ).toBe(6.5);
    expect(
      metricValue(
        'new_builds_vs_target',
        { ...r, new_builds_accessible_share: 0.81, new_builds_target: 0.9 },
        null,
      ),
    ).toBe(0.9);
  });

  it('splits values in up to five equal steps, light to dark, with no data apart', () => {
    const classes = classify([0, 10, 20, 30, 40, 50, null]);
    expect(classes?.bounds).toEqual([10, 20, 30, 40, 50]);
    expect([0, 10, 11, 50, null].map((v) => classOf(v, classes))).toEqual([0, 0, 1, 4, -1]);
    expect(colourOf(0, classes)).toBe(SCALE[0]);
    expect(colourOf(-1, classes)).toBe(NO_DATA);
    const two = classify([1, 2]);
    expect([colourOf(0, two), colourOf(1, two)]).toEqual([SCALE[0], SCALE[4]]);
    expect(classify([null, null])).toBeUndefined();
  });
});

describe('grid clustering', () => {
  it('projects like EPSG:3857 and back', () => {
    const p = project(6.48, 52.72);
    expect(unproject(p).lon).toBeCloseTo(6.48, 9);
    expect(unproject(p).lat).toBeCloseTo(52.72, 9);
    expect(project(0, 0)).toEqual({ x: 128, y: 128 });
  });

  it('merges points in one cell and splits them when zoomed in, counting every point once', () => {
    const pts = [project(6.48, 52.72), project(6.4801, 52.7201), project(6.52, 52.7)];
    const far = gridCluster(pts, 10, 60);
    expect(far.map((c) => c.count).sort()).toEqual([1, 2]);
    const near = gridCluster(pts, 18, 60);
    expect(near).toHaveLength(3);
    const inView = gridCluster(pts, 18, 60, {
      minX: pts[2]!.x - 1e-6,
      maxX: pts[2]!.x + 1e-6,
      minY: 0,
      maxY: 256,
    });
    expect(inView.map((c) => c.members)).toEqual([[2]]);
  });
});

describe('csv', () => {
  it('writes semicolons, decimal commas, quotes and defuses formulas', () => {
    expect(
      toCsv(
        ['naam', 'waarde'],
        [
          ['Centrum; oost', 0.25],
          ['=HYPERLINK("x")', null],
        ],
      ),
    ).toBe('\uFEFFnaam;waarde\r\n"Centrum; oost";0,25\r\n"\'=HYPERLINK(""x"")";\r\n');
  });
});

describe('per corporation', () => {
  it('sums gardens and checks per corporation within the buurten asked for', () => {
    const g = (corp: string, buurt: string, status: string) => ({
      neighbourhood_code: buurt,
      corporation_id: corp,
      status,
      completed_at: null,
      created_at: '2026-02-01T00:00:00Z',
      households: 2,
      tiles_removed_m2: 10,
      green_added_m2: 5,
      trees: 0,
      rain_barrels: 0,
    });
    const c = (corp: string, cls: string, nb: boolean) => ({
      neighbourhood_code: 'B1',
      corporation_id: corp,
      class: cls,
      living_room: 'ja',
      toilet: 'ja',
      bathroom: 'ja',
      bedroom: 'ja',
      new_build: nb,
      checked_at: '2026-02-01T00:00:00Z',
    });
    const out = perCorporation(
      [g('a', 'B1', 'afgerond'), g('a', 'B1', 'gepland'), g('b', 'B2', 'afgerond')],
      [
        c('a', 'toegankelijk', true),
        c('a', 'niet_toegankelijk', true),
        c('b', 'alleen_extern', false),
      ],
      '2026',
      new Set(['B1']),
    );
    expect(out).toEqual([
      {
        corporation_id: 'a',
        gardens_done: 1,
        gardens_total: 2,
        tiles_removed_m2: 10,
        green_added_m2: 5,
        checks_done: 2,
        share_accessible: 0.5,
        new_builds_checked: 2,
        new_builds_accessible_share: 0.5,
      },
      {
        corporation_id: 'b',
        gardens_done: 0,
        gardens_total: 0,
        tiles_removed_m2: 0,
        green_added_m2: 0,
        checks_done: 1,
        share_accessible: 0,
        new_builds_checked: 0,
        new_builds_accessible_share: null,
      },
    ]);
  });
});
