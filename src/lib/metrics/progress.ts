/**
 * The figures of neighbourhood_progress computed from rows on the device, with the same rules as
 * private.progress (supabase/migrations/20261126101000_progress.sql): the same months, statuses,
 * median buckets, rounding and small-count suppression for tenants. Offline the device shows
 * these; online the server's answer (which counts what the device may not see) is authoritative.
 */
import { accessibilityClass, type Reach } from '../accessibility/index.ts';
import { inPeriod, monthKey, monthOf, periodBounds, targetYear, type Period } from './period.ts';

export interface AreaRow {
  code: string;
  kind: string;
  name: string;
  wijk_code: string | null;
  municipality_code: string;
  deleted_at?: string | null;
}
export interface ObservationRow {
  neighbourhood_code: string;
  category_code: string;
  status: string;
  observed_at: string;
  resolved_at: string | null;
  deleted_at?: string | null;
}
export interface GardenRow {
  neighbourhood_code: string;
  corporation_id: string;
  status: string;
  completed_at: string | null;
  created_at: string;
  households: number;
  tiles_removed_m2: number;
  green_added_m2: number;
  trees: number;
  rain_barrels: number;
  deleted_at?: string | null;
}
export interface CheckRow {
  neighbourhood_code: string;
  corporation_id: string;
  class?: string | null;
  living_room: string;
  toilet: string;
  bathroom: string;
  bedroom: string;
  new_build: boolean;
  checked_at: string;
  deleted_at?: string | null;
}
export interface GradeRow {
  neighbourhood_code: string;
  year: number;
  quarter: number;
  theme: string;
  grade: number;
  deleted_at?: string | null;
}
export interface TargetRow {
  id: string;
  municipality_code: string;
  neighbourhood_code: string | null;
  organisation_id: string | null;
  year: number;
  metric: string;
  target_value: number | null;
  agreement_no: number | null;
  description: string;
  deleted_at?: string | null;
}
export interface CategoryRow {
  code: string;
  sensitive: boolean;
}

/** A target as neighbourhood_progress lists it. */
export interface TargetEntry {
  id: string;
  metric: string;
  year: number;
  target: number | null;
  agreement: number | null;
  organisation_id: string | null;
  description: string;
}

/** One row of neighbourhood_progress (null = hidden from tenants, or not computable). */
export interface ProgressRow {
  code: string;
  kind: string;
  name: string;
  wijk_code: string | null;
  observations_open: number | null;
  observations_resolved: number | null;
  observations_closed: number | null;
  median_days_to_resolve: number | null;
  observations_per_category: Record<string, number | null>;
  gardens_done: number | null;
  gardens_total: number | null;
  households: number;
  tiles_removed_m2: number;
  green_added_m2: number;
  trees: number;
  rain_barrels: number;
  checks_done: number | null;
  share_accessible: number | null;
  new_builds_checked: number | null;
  new_builds_accessible_share: number | null;
  new_builds_target: number | null;
  average_grade: Record<string, number | null>;
  targets: TargetEntry[];
}

export interface ProgressInput {
  municipality: string;
  neighbourhoods: readonly AreaRow[];
  observations: readonly ObservationRow[];
  categories: readonly CategoryRow[];
  gardens: readonly GardenRow[];
  checks: readonly CheckRow[];
  grades: readonly GradeRow[];
  targets: readonly TargetRow[];
}

export interface ProgressOptions {
  period: Period;
  /** Tenants: counts under five hidden, sensitive categories left out. */
  tenant: boolean;
  now: Date;
}

/** A count as shown: null for tenants when under 5 (private.shown). */
export function shown(n: number, tenant: boolean): number | null {
  return tenant && n < 5 ? null : n;
}

/** Bucket of a resolution time: the day up to 60, the week up to a year, then one bucket. */
export function daysBucket(days: number): number {
  if (days <= 60) return Math.max(days, 0);
  if (days <= 365) return 60 + Math.floor((days - 60) / 7) * 7;
  return 400;
}

/** Whole days between two timestamps, truncated like extract(day from interval). */
export function daysBetween(from: string, to: string): number {
  return Math.trunc((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

const OPEN = new Set(['nieuw', 'in_behandeling']);
const DONE = new Set(['uitgevoerd', 'nazorg', 'afgerond']);
const ACCESSIBLE = new Set(['toegankelijk', 'met_kleine_aanpassingen']);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The class of a check: the server's, or derived the same way for one not yet sent. */
export function checkClass(c: CheckRow): string {
  return (
    c.class ??
    accessibilityClass({
      living_room: c.living_room as Reach,
      toilet: c.toilet as Reach,
      bathroom: c.bathroom as Reach,
      bedroom: c.bedroom as Reach,
    })
  );
}

interface Acc {
  open: number;
  resolved: number;
  closed: number;
  cats: Map<string, number>;
  hist: Map<number, number>;
  gDone: number;
  gTotal: number;
  households: number;
  tiles: number;
  green: number;
  trees: number;
  barrels: number;
  cDone: number;
  cAccessible: number;
  nb: number;
  nbAccessible: number;
  grades: Map<string, { total: number; n: number }>;
}

const emptyAcc = (): Acc => ({
  open: 0,
  resolved: 0,
  closed: 0,
  cats: new Map(),
  hist: new Map(),
  gDone: 0,
  gTotal: 0,
  households: 0,
  tiles: 0,
  green: 0,
  trees: 0,
  barrels: 0,
  cDone: 0,
  cAccessible: 0,
  nb: 0,
  nbAccessible: 0,
  grades: new Map(),
});

function median(hist: Map<number, number>): number | null {
  const entries = [...hist.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  let cum = 0;
  for (const [days, n] of entries) {
    cum += n;
    if (cum * 2 >= total) return days;
  }
  return null;
}

/** neighbourhood_progress(period) over the given rows: wijken first, then buurten, by code. */
export function computeProgress(input: ProgressInput, options: ProgressOptions): ProgressRow[] {
  const bounds = periodBounds(options.period);
  if (!bounds) throw new Error(`bad period: ${options.period}`);
  const tenant = options.tenant;
  const areas = input.neighbourhoods.filter(
    (n) => n.municipality_code === input.municipality && !n.deleted_at,
  );
  const wijkOf = new Map(areas.filter((a) => a.kind === 'buurt').map((a) => [a.code, a.wijk_code]));
  const acc = new Map<string, Acc>();
  /** The accumulators a buurt's record counts in: the buurt itself and its wijk. */
  const targetsOf = (buurt: string): Acc[] => {
    const wijk = wijkOf.get(buurt);
    if (wijk === undefined) return [];
    const out: Acc[] = [];
    for (const code of wijk ? [buurt, wijk] : [buurt]) {
      let a = acc.get(code);
      if (!a) acc.set(code, (a = emptyAcc()));
      out.push(a);
    }
    return out;
  };
  const sensitive = new Set(input.categories.filter((c) => c.sensitive).map((c) => c.code));

  for (const o of input.observations) {
    if (o.deleted_at || !inPeriod(monthOf(o.observed_at), bounds)) continue;
    const resolvedDays =
      o.status === 'opgelost' && o.resolved_at
        ? daysBucket(daysBetween(o.observed_at, o.resolved_at))
        : undefined;
    for (const a of targetsOf(o.neighbourhood_code)) {
      if (OPEN.has(o.status)) a.open++;
      else if (o.status === 'opgelost') a.resolved++;
      else if (o.status === 'gesloten') a.closed++;
      if (!(tenant && sensitive.has(o.category_code)))
        a.cats.set(o.category_code, (a.cats.get(o.category_code) ?? 0) + 1);
      if (resolvedDays !== undefined) a.hist.set(resolvedDays, (a.hist.get(resolvedDays) ?? 0) + 1);
    }
  }
  for (const g of input.gardens) {
    if (g.deleted_at || !inPeriod(monthOf(g.completed_at ?? g.created_at), bounds)) continue;
    const done = DONE.has(g.status);
    for (const a of targetsOf(g.neighbourhood_code)) {
      a.gTotal++;
      if (!done) continue;
      a.gDone++;
      a.households += g.households;
      a.tiles += Number(g.tiles_removed_m2);
      a.green += Number(g.green_added_m2);
      a.trees += g.trees;
      a.barrels += g.rain_barrels;
    }
  }
  for (const c of input.checks) {
    if (c.deleted_at || !inPeriod(monthOf(c.checked_at), bounds)) continue;
    const accessible = ACCESSIBLE.has(checkClass(c));
    for (const a of targetsOf(c.neighbourhood_code)) {
      a.cDone++;
      if (accessible) a.cAccessible++;
      if (c.new_build) {
        a.nb++;
        if (accessible) a.nbAccessible++;
      }
    }
  }
  for (const g of input.grades) {
    if (g.deleted_at || !inPeriod(monthKey(g.year, (g.quarter - 1) * 3), bounds)) continue;
    for (const a of targetsOf(g.neighbourhood_code)) {
      const t = a.grades.get(g.theme) ?? { total: 0, n: 0 };
      t.total += g.grade;
      t.n++;
      a.grades.set(g.theme, t);
    }
  }

  const year = targetYear(options.period, options.now);
  const targets = input.targets
    .filter((t) => t.municipality_code === input.municipality && !t.deleted_at && t.year === year)
    .sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
  const nbTarget =
    targets.find(
      (t) =>
        t.metric === 'new_builds_accessible_share' && !t.neighbourhood_code && !t.organisation_id,
    )?.target_value ?? null;

  return [...areas]
    .sort((a, b) =>
      a.kind !== b.kind
        ? a.kind < b.kind
          ? 1
          : -1
        : a.code < b.code
          ? -1
          : a.code > b.code
            ? 1
            : 0,
    )
    .map((n) => {
      const a = acc.get(n.code) ?? emptyAcc();
      const cats: Record<string, number | null> = {};
      for (const [code, count] of [...a.cats.entries()].sort())
        if (count > 0) cats[code] = shown(count, tenant);
      const grades: Record<string, number | null> = {};
      for (const [theme, g] of [...a.grades.entries()].sort())
        if (g.n > 0) grades[theme] = tenant && g.n < 5 ? null : round(g.total / g.n, 1);
      return {
        code: n.code,
        kind: n.kind,
        name: n.name,
        wijk_code: n.wijk_code,
        observations_open: shown(a.open, tenant),
        observations_resolved: shown(a.resolved, tenant),
        observations_closed: shown(a.closed, tenant),
        median_days_to_resolve: tenant && a.resolved < 5 ? null : median(a.hist),
        observations_per_category: cats,
        gardens_done: shown(a.gDone, tenant),
        gardens_total: shown(a.gTotal, tenant),
        households: a.households,
        tiles_removed_m2: a.tiles,
        green_added_m2: a.green,
        trees: a.trees,
        rain_barrels: a.barrels,
        checks_done: shown(a.cDone, tenant),
        share_accessible:
          a.cDone === 0 || (tenant && a.cDone < 5) ? null : round(a.cAccessible / a.cDone, 3),
        new_builds_checked: shown(a.nb, tenant),
        new_builds_accessible_share:
          a.nb === 0 || (tenant && a.nb < 5) ? null : round(a.nbAccessible / a.nb, 3),
        new_builds_target: nbTarget,
        average_grade: grades,
        targets: targets
          .filter((t) => t.neighbourhood_code === n.code)
          .map((t) => ({
            id: t.id,
            metric: t.metric,
            year: t.year,
            target: t.target_value,
            agreement: t.agreement_no,
            organisation_id: t.organisation_id,
            description: t.description,
          })),
      };
    });
}

/** A row of the RPC as supabase-js returns it (numeric columns may arrive as strings or null). */
export function normaliseServerRow(r: Record<string, unknown>): ProgressRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const numMap = (v: unknown) =>
    Object.fromEntries(
      Object.entries((v as Record<string, unknown> | null) ?? {}).map(([k, x]) => [k, num(x)]),
    );
  return {
    code: String(r.code),
    kind: String(r.kind),
    name: String(r.name),
    wijk_code: (r.wijk_code as string | null) ?? null,
    observations_open: num(r.observations_open),
    observations_resolved: num(r.observations_resolved),
    observations_closed: num(r.observations_closed),
    median_days_to_resolve: num(r.median_days_to_resolve),
    observations_per_category: numMap(r.observations_per_category),
    gardens_done: num(r.gardens_done),
    gardens_total: num(r.gardens_total),
    households: num(r.households) ?? 0,
    tiles_removed_m2: num(r.tiles_removed_m2) ?? 0,
    green_added_m2: num(r.green_added_m2) ?? 0,
    trees: num(r.trees) ?? 0,
    rain_barrels: num(r.rain_barrels) ?? 0,
    checks_done: num(r.checks_done),
    share_accessible: num(r.share_accessible),
    new_builds_checked: num(r.new_builds_checked),
    new_builds_accessible_share: num(r.new_builds_accessible_share),
    new_builds_target: num(r.new_builds_target),
    average_grade: numMap(r.average_grade),
    targets: ((r.targets as Record<string, unknown>[] | null) ?? []).map((t) => ({
      id: String(t.id),
      metric: String(t.metric),
      year: Number(t.year),
      target: num(t.target),
      agreement: num(t.agreement),
      organisation_id: (t.organisation_id as string | null) ?? null,
      description: String(t.description ?? ''),
    })),
  };
}
