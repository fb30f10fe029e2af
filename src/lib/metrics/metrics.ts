/**
 * The measures a map can be coloured by, and a colour scale that colour-blind people can read.
 * Every measure is a plain function of one progress row (and the homes of the area), so the map,
 * the list, the CSV and the comparison all show the same number.
 */
import type { ProgressRow } from './progress.ts';

export const METRICS = [
  'open_per_1000_homes',
  'share_resolved',
  'gardens_done',
  'tiles_removed_m2',
  'share_accessible',
  'average_grade',
  'new_builds_vs_target',
] as const;
export type MetricKey = (typeof METRICS)[number];

export interface MetricDef {
  key: MetricKey;
  /** How a value is written: a share (0–1) as a percentage, a grade with one decimal, a count. */
  format: 'share' | 'grade' | 'count' | 'rate' | 'area';
  /** Whether more is better (for the legend's wording). */
  higherIsBetter: boolean;
}

export const METRIC_DEFS: Record<MetricKey, MetricDef> = {
  open_per_1000_homes: { key: 'open_per_1000_homes', format: 'rate', higherIsBetter: false },
  share_resolved: { key: 'share_resolved', format: 'share', higherIsBetter: true },
  gardens_done: { key: 'gardens_done', format: 'count', higherIsBetter: true },
  tiles_removed_m2: { key: 'tiles_removed_m2', format: 'area', higherIsBetter: true },
  share_accessible: { key: 'share_accessible', format: 'share', higherIsBetter: true },
  average_grade: { key: 'average_grade', format: 'grade', higherIsBetter: true },
  new_builds_vs_target: { key: 'new_builds_vs_target', format: 'share', higherIsBetter: true },
};

export function isMetric(value: unknown): value is MetricKey {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/** The mean of the themes' average grades that are shown, to one decimal. */
export function meanGrade(row: ProgressRow): number | null {
  const grades = Object.values(row.average_grade).filter((g): g is number => g !== null);
  if (!grades.length) return null;
  return Math.round((grades.reduce((s, g) => s + g, 0) / grades.length) * 10) / 10;
}

/**
 * The value of a measure for one area, or null when it is unknown or hidden (a tenant's small
 * counts, no homes figure, nothing checked).
 */
export function metricValue(key: MetricKey, row: ProgressRow, homes: number | null): number | null {
  switch (key) {
    case 'open_per_1000_homes':
      return row.observations_open === null || !homes
        ? null
        : Math.round((row.observations_open / homes) * 10_000) / 10;
    case 'share_resolved': {
      const { observations_open: o, observations_resolved: r, observations_closed: c } = row;
      if (o === null || r === null || c === null || o + r + c === 0) return null;
      return Math.round((r / (o + r + c)) * 1000) / 1000;
    }
    case 'gardens_done':
      return row.gardens_done;
    case 'tiles_removed_m2':
      return row.gardens_done === null ? null : row.tiles_removed_m2;
    case 'share_accessible':
      return row.share_accessible;
    case 'average_grade':
      return meanGrade(row);
    case 'new_builds_vs_target':
      return row.new_builds_accessible_share === null || !row.new_builds_target
        ? null
        : Math.min(
            1,
            Math.round((row.new_builds_accessible_share / row.new_builds_target) * 1000) / 1000,
          );
  }
}

/**
 * Five steps of a sequential blue scale (ColorBrewer "Blues", checked colour-blind safe): light
 * means little, dark means much, so the order reads without telling hues apart. No data is a
 * hatched grey (see the map's styles), never a colour of the scale.
 */
export const SCALE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#d9d9d9';

/** Class breaks: up to five equal steps between the lowest and highest value. */
export interface Classes {
  /** Upper bounds of each class (the last is the maximum). */
  bounds: number[];
  min: number;
}

export function classify(
  values: readonly (number | null)[],
  steps = SCALE.length,
): Classes | undefined {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!known.length) return undefined;
  const min = Math.min(...known);
  const max = Math.max(...known);
  if (min === max) return { min, bounds: [max] };
  const distinct = new Set(known).size;
  const n = Math.min(steps, distinct);
  const width = (max - min) / n;
  return {
    min,
    bounds: Array.from({ length: n }, (_, i) => (i === n - 1 ? max : min + width * (i + 1))),
  };
}

/** The class index of a value (0 = lowest), or -1 for no data. */
export function classOf(value: number | null, classes: Classes | undefined): number {
  if (value === null || !classes) return -1;
  const i = classes.bounds.findIndex((b) => value <= b + 1e-9);
  return i === -1 ? classes.bounds.length - 1 : i;
}

/** The colour of a class: spread over the scale so two classes still look far apart. */
export function colourOf(index: number, classes: Classes | undefined): string {
  if (index < 0 || !classes) return NO_DATA;
  const n = classes.bounds.length;
  if (n === 1) return SCALE[SCALE.length - 1]!;
  return SCALE[Math.round((index * (SCALE.length - 1)) / (n - 1))]!;
}
