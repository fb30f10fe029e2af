/**
 * Gardens and accessibility checks per corporation and area: the municipality's per-corporation
 * breakdown, and a corporation's view of its own homes and projects.
 */
import { inPeriod, monthOf, periodBounds, type Period } from './period.ts';
import { checkClass, type CheckRow, type GardenRow } from './progress.ts';

export interface CorporationFigures {
  corporation_id: string;
  gardens_done: number;
  gardens_total: number;
  tiles_removed_m2: number;
  green_added_m2: number;
  checks_done: number;
  share_accessible: number | null;
  new_builds_checked: number;
  new_builds_accessible_share: number | null;
}

const DONE = new Set(['uitgevoerd', 'nazorg', 'afgerond']);
const ACCESSIBLE = new Set(['toegankelijk', 'met_kleine_aanpassingen']);
const share = (a: number, n: number) => (n ? Math.round((a / n) * 1000) / 1000 : null);

/**
 * Per corporation, for the records in `buurten` (all when undefined) within the period. Only
 * what the device holds, which RLS has already limited to what this person may see.
 */
export function perCorporation(
  gardens: readonly GardenRow[],
  checks: readonly CheckRow[],
  period: Period,
  buurten?: ReadonlySet<string>,
): CorporationFigures[] {
  const bounds = periodBounds(period);
  if (!bounds) throw new Error(`bad period: ${period}`);
  const by = new Map<string, CorporationFigures & { acc: number; nbAcc: number }>();
  const get = (id: string) => {
    let f = by.get(id);
    if (!f)
      by.set(
        id,
        (f = {
          corporation_id: id,
          gardens_done: 0,
          gardens_total: 0,
          tiles_removed_m2: 0,
          green_added_m2: 0,
          checks_done: 0,
          share_accessible: null,
          new_builds_checked: 0,
          new_builds_accessible_share: null,
          acc: 0,
          nbAcc: 0,
        }),
      );
    return f;
  };
  for (const g of gardens) {
    if (g.deleted_at || (buurten && !buurten.has(g.neighbourhood_code))) continue;
    if (!inPeriod(monthOf(g.completed_at ?? g.created_at), bounds)) continue;
    const f = get(g.corporation_id);
    f.gardens_total++;
    if (DONE.has(g.status)) {
      f.gardens_done++;
      f.tiles_removed_m2 += Number(g.tiles_removed_m2);
      f.green_added_m2 += Number(g.green_added_m2);
    }
  }
  for (const c of checks) {
    if (c.deleted_at || (buurten && !buurten.has(c.neighbourhood_code))) continue;
    if (!inPeriod(monthOf(c.checked_at), bounds)) continue;
    const f = get(c.corporation_id);
    const ok = ACCESSIBLE.has(checkClass(c));
    f.checks_done++;
    if (ok) f.acc++;
    if (c.new_build) {
      f.new_builds_checked++;
      if (ok) f.nbAcc++;
    }
  }
  return [...by.values()]
    .map(({ acc, nbAcc, ...f }) => ({
      ...f,
      share_accessible: share(acc, f.checks_done),
      new_builds_accessible_share: share(nbAcc, f.new_builds_checked),
    }))
    .sort((a, b) => (a.corporation_id < b.corporation_id ? -1 : 1));
}
