import type { LonLat } from '../../lib/geo/index.ts';

/** The list filters, as kept in the address (`?status=…&category=…`), so Back keeps them. */
export interface ObservationFilter {
  /** Only the buurten this person works in. */
  mine: boolean;
  status: string;
  /** A category code, or a theme code for all its categories. */
  category: string;
  /** "YYYY-MM-DD", inclusive, in Dutch time; empty for no limit. */
  from: string;
  to: string;
}

export interface FilterableObservation {
  neighbourhood_code: string;
  status: string;
  category_code: string;
  observed_at: string;
}

/** The calendar day (Dutch time) of a moment, "YYYY-MM-DD". */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Whether an observation passes the filters; `myBuurten` is used only when `mine` is on. */
export function matchesFilter(
  o: FilterableObservation,
  f: ObservationFilter,
  myBuurten: ReadonlySet<string>,
): boolean {
  if (f.mine && !myBuurten.has(o.neighbourhood_code)) return false;
  if (f.status && o.status !== f.status) return false;
  if (f.category && o.category_code !== f.category && !o.category_code.startsWith(`${f.category}.`))
    return false;
  if (f.from || f.to) {
    const day = dayOf(o.observed_at);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  return true;
}

/** The buurten of someone's neighbourhoods: a wijk stands for all its buurten (as works_in). */
export function buurtenOf(
  memberships: readonly string[],
  buurten: readonly { code: string; wijk_code: string | null }[],
): Set<string> {
  const mine = new Set(memberships);
  return new Set(
    buurten
      .filter((b) => mine.has(b.code) || (b.wijk_code !== null && mine.has(b.wijk_code)))
      .map((b) => b.code),
  );
}

/** Distance in metres between two WGS84 points (haversine; plenty for ~50 m). */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

export const NEARBY_METRES = 50;
const OPEN = new Set(['nieuw', 'in_behandeling']);

/**
 * Open observations of the same category within ~50 m of a point, nearest first: people add to
 * one of those instead of reporting the same thing twice.
 */
export function nearbyOpen<
  T extends {
    id: string;
    category_code: string;
    status: string;
    point: LonLat | undefined;
    deleted_at?: string | null;
  },
>(
  all: readonly T[],
  category: string,
  here: LonLat,
  radius = NEARBY_METRES,
): (T & { metres: number })[] {
  return all
    .filter((o) => !o.deleted_at && o.category_code === category && OPEN.has(o.status) && o.point)
    .map((o) => ({ ...o, metres: distanceMeters(here, o.point!) }))
    .filter((o) => o.metres <= radius)
    .sort((a, b) => a.metres - b.metres);
}
