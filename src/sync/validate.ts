import type { WritableTable } from './db.ts';

/** A field the device refuses, with a dictionary key (the same keys the server puts in `hint`). */
export interface FieldError {
  field: string;
  key: string;
}

type Values = Record<string, unknown>;
type Rule = (v: Values) => FieldError | undefined;

const isInt = (x: unknown) => typeof x === 'number' && Number.isInteger(x);
const between = (x: unknown, lo: number, hi: number) => typeof x === 'number' && x >= lo && x <= hi;
const textUpTo = (x: unknown, max: number) =>
  x === undefined || x === null || (typeof x === 'string' && x.length <= max);
const rule =
  (field: string, key: string, ok: (v: Values) => boolean): Rule =>
  (v) =>
    ok(v) ? undefined : { field, key };

/** Parses a Postgres point literal "(lon,lat)" as the server stores it. */
export function parsePoint(value: unknown): { lon: number; lat: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)$/.exec(value);
  return m ? { lon: Number(m[1]), lat: Number(m[2]) } : undefined;
}

const nonNegative = (field: string) =>
  rule(
    field,
    'negative_measure',
    (v) => v[field] === undefined || (typeof v[field] === 'number' && (v[field] as number) >= 0),
  );

/**
 * The device's checks, mirroring the database's (which stay authoritative): they catch what a
 * person can fix before anything is saved.
 */
const RULES: Partial<Record<WritableTable, Rule[]>> = {
  observations: [
    rule(
      'category_code',
      'unknown_category',
      (v) => typeof v.category_code === 'string' && v.category_code.includes('.'),
    ),
    rule(
      'severity',
      'severity_range',
      (v) => v.severity === undefined || (isInt(v.severity) && between(v.severity, 1, 5)),
    ),
    rule('description', 'description_too_long', (v) => textUpTo(v.description, 2000)),
    rule('location', 'location_required', (v) => parsePoint(v.location) !== undefined),
    rule(
      'accuracy_m',
      'accuracy_range',
      (v) => v.accuracy_m === undefined || v.accuracy_m === null || between(v.accuracy_m, 0, 10000),
    ),
    rule(
      'close_reason',
      'close_reason_required',
      (v) =>
        v.status !== 'gesloten' ||
        (typeof v.close_reason === 'string' && v.close_reason.trim() !== ''),
    ),
  ],
  observation_events: [
    rule('observation_id', 'required', (v) => typeof v.observation_id === 'string'),
    rule('body', 'body_too_long', (v) => textUpTo(v.body, 2000)),
    rule(
      'body',
      'comment_empty',
      (v) => v.kind !== 'comment' || (typeof v.body === 'string' && v.body.trim() !== ''),
    ),
    rule(
      'rating',
      'feedback_needs_rating',
      (v) => v.kind !== 'feedback' || v.rating != null || v.thumb != null,
    ),
    rule(
      'rating',
      'rating_range',
      (v) => v.rating == null || (isInt(v.rating) && between(v.rating, 1, 5)),
    ),
  ],
  garden_project_events: [
    rule('garden_project_id', 'required', (v) => typeof v.garden_project_id === 'string'),
    rule('kind', 'event_kind', (v) => v.kind === 'feedback' || v.kind === 'comment'),
    rule('body', 'body_too_long', (v) => textUpTo(v.body, 2000)),
    rule(
      'body',
      'comment_empty',
      (v) => v.kind !== 'comment' || (typeof v.body === 'string' && v.body.trim() !== ''),
    ),
    rule('thumb', 'thumb_value', (v) => v.thumb == null || v.thumb === 1 || v.thumb === -1),
    rule(
      'rating',
      'feedback_needs_rating',
      (v) => v.kind !== 'feedback' || v.rating != null || v.thumb != null,
    ),
    rule(
      'rating',
      'rating_range',
      (v) => v.rating == null || (isInt(v.rating) && between(v.rating, 1, 5)),
    ),
  ],
  neighbourhood_grades: [
    rule('grade', 'grade_range', (v) => isInt(v.grade) && between(v.grade, 1, 10)),
    rule('quarter', 'quarter_range', (v) => isInt(v.quarter) && between(v.quarter, 1, 4)),
  ],
  garden_projects: [
    'households',
    'tiles_removed_m2',
    'green_added_m2',
    'trees',
    'plants',
    'rain_barrels',
    'green_roof_m2',
  ].map(nonNegative),
};

/** The fields a person must fix before this record can be saved; empty when it is fine. */
export function validateRecord(
  table: WritableTable,
  values: Values,
  _mode: 'insert' | 'update',
): FieldError[] {
  return (RULES[table] ?? []).map((r) => r(values)).filter((e): e is FieldError => e !== undefined);
}
