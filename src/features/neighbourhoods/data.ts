/**
 * The figures the neighbourhood views show: from the server's neighbourhood_progress when online
 * (authoritative: it counts what this person may not see in detail), else computed on the device
 * from the synced rows, with the time of the last sync.
 */
import { useQueryClient } from '@tanstack/solid-query';
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  onCleanup,
  type Accessor,
} from 'solid-js';
import {
  areaBuurten,
  areaInput,
  computeProgress,
  normaliseServerRow,
  project,
  type Period,
  type ProgressInput,
  type ProgressRow,
  type WorldPoint,
} from '../../lib/metrics/index.ts';
import { createOnlineStatus } from '../../platform/network.ts';
import type { LocalRow } from '../../sync/db.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';

/** An observation as a point on the map. */
export interface MapPoint extends WorldPoint {
  id: string;
  open: boolean;
}

export interface DeviceData {
  /** Every area, and the records of all of them or, with `area`, of that area's buurten only. */
  input: ProgressInput;
  /** Set when `input` holds only the records of this area's own buurten (areaBuurten). */
  area?: string;
  me: LocalRow<'profiles'> | undefined;
  organisations: LocalRow<'organisations'>[];
  /** CBS homes per area (wijken have them; buurten not in the 2024 figures we carry). */
  homes: Map<string, number | null>;
  /** The observations as map points; empty unless asked for. */
  points: MapPoint[];
}

export interface DeviceDataOptions {
  /**
   * Only the records of this buurt or wijk (a neighbourhood page): read through the
   * neighbourhood_code index, so the page neither reads nor recomputes the rest of the
   * municipality, and writes elsewhere do not wake it.
   */
  area?: Accessor<string>;
  /** Build map points from the observations' locations (only the map draws them). */
  points?: boolean;
}

/** Reads "(lon,lat)" as the server sends points. */
export function parsePoint(value: unknown): { lon: number; lat: number } | undefined {
  const m = /^\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)$/.exec(String(value ?? ''));
  return m ? { lon: Number(m[1]), lat: Number(m[2]) } : undefined;
}

/** The synced rows the views need, following the device database live. */
export function createDeviceData(
  options: DeviceDataOptions = {},
): Accessor<DeviceData | undefined> {
  const { device } = useSync();
  const { user } = useSession();
  const source = () => {
    const d = device();
    return d && { db: d.db, area: options.area?.() };
  };
  const live = createLiveQuery(source, async ({ db, area }): Promise<DeviceData> => {
    const areas = await db.neighbourhoods.toArray();
    const codes = area === undefined ? undefined : [...areaBuurten(areas, area)];
    const [observations, categories, gardens, checks, grades, targets, organisations] =
      await Promise.all([
        codes
          ? inBuurten<LocalRow<'observations'>>(db.observations, codes)
          : db.observations.toArray(),
        db.observation_categories.toArray(),
        codes
          ? inBuurten<LocalRow<'garden_projects'>>(db.garden_projects, codes)
          : db.garden_projects.toArray(),
        codes
          ? inBuurten<LocalRow<'accessibility_checks'>>(db.accessibility_checks, codes)
          : db.accessibility_checks.toArray(),
        codes
          ? inBuurten<LocalRow<'neighbourhood_grades'>>(db.neighbourhood_grades, codes)
          : db.neighbourhood_grades.toArray(),
        db.targets.toArray(),
        db.organisations.toArray(),
      ]);
    const me = user() ? await db.profiles.get(user()!.id) : undefined;
    const points: MapPoint[] = [];
    if (options.points) {
      for (const o of observations) {
        if (o.deleted_at) continue;
        const p = parsePoint(o.location);
        if (p)
          points.push({
            id: o.id,
            open: o.status === 'nieuw' || o.status === 'in_behandeling',
            ...project(p.lon, p.lat),
          });
      }
    }
    return {
      input: {
        municipality: areas[0]?.municipality_code ?? 'GM0118',
        neighbourhoods: areas,
        observations,
        categories,
        gardens,
        checks,
        grades,
        targets,
      },
      ...(area === undefined ? {} : { area }),
      me,
      organisations,
      homes: new Map(areas.map((a) => [a.code, a.homes])),
      points,
    };
  });
  // A live query keeps its last answer while a new source loads: after moving to another area,
  // the previous area's records must not pass for this one's.
  return () => {
    const d = live();
    return d && d.area === options.area?.() ? d : undefined;
  };
}

/** A device table with a `neighbourhood_code` index. */
interface ByBuurt<T> {
  where(index: 'neighbourhood_code'): { equals(code: string): { toArray(): Promise<T[]> } };
}

/**
 * The rows of the given buurten: one indexed read per buurt. (anyOf walks a cursor row by row,
 * which cost more than reading the whole table of a small municipality.)
 */
async function inBuurten<T>(table: ByBuurt<T>, codes: readonly string[]): Promise<T[]> {
  const parts = await Promise.all(
    codes.map((code) => table.where('neighbourhood_code').equals(code).toArray()),
  );
  return parts.flat();
}

/** Only the records of one organisation: a corporation's own homes, projects and assignments. */
export function ownRecords(input: ProgressInput, organisation: string): ProgressInput {
  return {
    ...input,
    observations: input.observations.filter(
      (o) =>
        (o as { assigned_organisation_id?: string | null }).assigned_organisation_id ===
          organisation ||
        (o as { reporter_organisation_id?: string | null }).reporter_organisation_id ===
          organisation,
    ),
    gardens: input.gardens.filter((g) => g.corporation_id === organisation),
    checks: input.checks.filter((c) => c.corporation_id === organisation),
  };
}

/**
 * neighbourhood_progress for each period, through the app's QueryClient (cached, shared between
 * screens). fetchQuery instead of useQuery: the query observer would add ~5 KB to the first
 * screen's bundle, since the package's module lives in the entry chunk. Undefined while loading,
 * after an error, or when `periods` is undefined (offline, not signed in).
 */
function createServerRows(
  periods: Accessor<Period[] | undefined>,
  /** Only this area's row (a trend over many periods needs one row each, not all 62). */
  area: Accessor<string | undefined> = () => undefined,
): ServerRows {
  const { device } = useSync();
  const { user } = useSession();
  const client = useQueryClient();
  const [rows] = createResource(
    () => {
      const d = device();
      const p = periods();
      const who = user()?.id;
      return d && p && who ? { d, p, who, only: area() } : undefined;
    },
    ({ d, p, who, only }) =>
      Promise.all(
        p.map((period) =>
          client.fetchQuery({
            // Keyed by person too: the answer depends on who asks.
            queryKey: ['neighbourhood_progress', who, period, only ?? '*'],
            queryFn: async () => {
              const call = d.rpc('neighbourhood_progress', period ? { period } : {});
              const { data, error } = await (only ? call.eq('code', only) : call);
              if (error) throw new Error(error.message);
              return (data as unknown as Record<string, unknown>[]).map(normaliseServerRow);
            },
          }),
        ),
      ),
  );
  const ready = createMemo(() => (rows.state === 'ready' ? rows() : undefined));
  // Asked and not answered yet: online screens wait for the server instead of computing the
  // device figures first and then swapping every section (work and layout shifts for nothing).
  // A slow or hanging connection must not keep the figures away: after a few seconds the device's
  // own figures show, and the server's replace them when they come.
  const [patient, setPatient] = createSignal(true);
  createEffect(() => {
    if (rows.state !== 'pending' && rows.state !== 'refreshing') return;
    setPatient(true);
    const timer = setTimeout(() => setPatient(false), SERVER_PATIENCE_MS);
    onCleanup(() => clearTimeout(timer));
  });
  const waiting = createMemo(
    () => (rows.state === 'pending' || rows.state === 'refreshing') && patient(),
  );
  return { rows: ready, waiting };
}

/** How long an online screen waits for the server before showing the device's figures. */
const SERVER_PATIENCE_MS = 3000;

/** Server rows once answered; `waiting()` while the question is out (an error ends it). */
interface ServerRows {
  rows: Accessor<ProgressRow[][] | undefined>;
  waiting: Accessor<boolean>;
}

export type FigureSource = 'server' | 'device' | 'own';

export interface Figures {
  rows: ProgressRow[];
  byCode: Map<string, ProgressRow>;
  source: FigureSource;
}

/**
 * The progress rows for a period: the server's when it answers, else the device's. `ownOnly`
 * (corporations) always computes on the device, since only the device knows whose record is whose.
 */
export function createFigures(
  data: Accessor<DeviceData | undefined>,
  period: Accessor<Period>,
  ownOnly: Accessor<boolean> = () => false,
): Accessor<Figures | undefined> {
  const { device } = useSync();
  const online = createOnlineStatus();
  const server = createServerRows(() =>
    device() && online() && !ownOnly() ? [period()] : undefined,
  );
  const figures = createMemo(() => {
    const d = data();
    const tenant = d?.me?.role === 'huurder';
    let rows: ProgressRow[] | undefined;
    let source: FigureSource = 'device';
    if (ownOnly() && d?.me?.organisation_id) {
      rows = computeProgress(ownRecords(d.input, d.me.organisation_id), {
        period: period(),
        tenant,
        now: new Date(),
      });
      source = 'own';
    } else if (online() && server.rows()) {
      rows = server.rows()![0];
      source = 'server';
    } else if (online() && server.waiting()) {
      return undefined;
    } else if (d) {
      // Data of one area holds only its own records: compute just its rows (the others would
      // count nothing and look like real zeros).
      rows = computeProgress(d.area === undefined ? d.input : areaInput(d.input, d.area), {
        period: period(),
        tenant,
        now: new Date(),
      });
    }
    if (!rows) return undefined;
    return { rows, byCode: new Map(rows.map((r) => [r.code, r])), source };
  });
  return figures;
}

/**
 * The rows of one area for a list of periods (months for trends, quarters for grades): from the
 * server when online, else from the device.
 */
export function createSeries(
  data: Accessor<DeviceData | undefined>,
  code: Accessor<string>,
  periods: Accessor<string[]>,
): Accessor<{ rows: (ProgressRow | undefined)[]; source: FigureSource } | undefined> {
  const { device } = useSync();
  const online = createOnlineStatus();
  const server = createServerRows(() => (device() && online() ? periods() : undefined), code);
  const series = createMemo(() => {
    if (online() && server.rows())
      return {
        rows: server.rows()!.map((rows) => rows.find((r) => r.code === code())),
        source: 'server' as const,
      };
    if (online() && server.waiting()) return undefined;
    const d = data();
    if (!d) return undefined;
    const tenant = d.me?.role === 'huurder';
    // One area: only its records matter (10,000 observations × 12 months).
    if (!d.input.neighbourhoods.some((n) => n.code === code()))
      return { rows: periods().map(() => undefined), source: 'device' as const };
    const input = areaInput(d.input, code());
    return {
      rows: periods().map((period) =>
        computeProgress(input, { period, tenant, now: new Date() }).find((r) => r.code === code()),
      ),
      source: 'device' as const,
    };
  });
  return series;
}
