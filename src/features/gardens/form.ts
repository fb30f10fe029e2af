/**
 * The garden form's rules, mirroring the database (garden_projects and
 * private.check_garden_project, which stay authoritative): what a person typed is checked here
 * first, so Save is refused before anything is written and each field says what is wrong.
 */

export const GARDEN_STEPS = ['aangemeld', 'gepland', 'uitgevoerd', 'nazorg', 'afgerond'] as const;
export type GardenStatus = (typeof GARDEN_STEPS)[number];

/** Counts are whole numbers (Postgres integer). */
export const COUNT_FIELDS = ['households', 'trees', 'plants', 'rain_barrels'] as const;
/** Areas in m² with one decimal (Postgres numeric(10,1)). */
export const AREA_FIELDS = ['tiles_removed_m2', 'green_added_m2', 'green_roof_m2'] as const;
export type MeasureField = (typeof COUNT_FIELDS)[number] | (typeof AREA_FIELDS)[number];

const INT_MAX = 2_147_483_647;
/** numeric(10,1): nine digits before the point. */
const AREA_MAX = 999_999_999.9;

export type GardenErrorKey =
  | 'garden.error.title'
  | 'garden.error.address'
  | 'garden.error.corporation'
  | 'garden.error.location'
  | 'garden.error.number'
  | 'garden.error.whole'
  | 'garden.error.negative'
  | 'garden.error.decimals'
  | 'garden.error.tooBig'
  | 'garden.error.status';

/** The text fields as typed (measures as text, so "12,5" and an empty field both work). */
export interface GardenForm {
  title: string;
  address: string;
  corporation: string;
  buurt: string;
  status: GardenStatus;
  measures: Record<MeasureField, string>;
  facadeGarden: boolean;
}

export type GardenErrors = Partial<
  Record<'title' | 'address' | 'corporation' | 'location' | 'status' | MeasureField, GardenErrorKey>
>;

export const emptyMeasures = (): Record<MeasureField, string> => ({
  households: '',
  trees: '',
  plants: '',
  rain_barrels: '',
  tiles_removed_m2: '',
  green_added_m2: '',
  green_roof_m2: '',
});

/**
 * Reads a typed number the Dutch way ("12,5") or the English way ("12.5"); empty is 0.
 * Returns the number or why it cannot be used.
 */
export function parseMeasure(
  text: string,
  kind: 'count' | 'area',
): { value: number } | { error: GardenErrorKey } {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return { value: 0 };
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return { error: 'garden.error.number' };
  const value = Number(s.replace(',', '.'));
  if (value < 0) return { error: 'garden.error.negative' };
  if (kind === 'count') {
    if (!Number.isInteger(value)) return { error: 'garden.error.whole' };
    if (value > INT_MAX) return { error: 'garden.error.tooBig' };
  } else {
    // numeric(10,1) would round a second decimal away: ask instead of changing what was typed.
    if (/[.,]\d{2,}$/.test(s)) return { error: 'garden.error.decimals' };
    if (value > AREA_MAX) return { error: 'garden.error.tooBig' };
  }
  return { value };
}

/** The statuses a project may move to: it stays, or goes one step forward or back. */
export function allowedStatuses(current: GardenStatus | undefined): GardenStatus[] {
  if (!current) return [...GARDEN_STEPS];
  const i = GARDEN_STEPS.indexOf(current);
  return GARDEN_STEPS.filter((_, j) => Math.abs(j - i) <= 1);
}

/**
 * Checks the form; returns the errors per field and, when there are none, the measures as numbers.
 * `hasPlace`: whether a point in a buurt was found or chosen. `previous`: the saved status (edit).
 */
export function checkGarden(
  form: GardenForm,
  hasPlace: boolean,
  previous?: GardenStatus,
): { errors: GardenErrors; measures?: Record<MeasureField, number> } {
  const errors: GardenErrors = {};
  const title = form.title.trim();
  if (title.length < 2 || title.length > 200) errors.title = 'garden.error.title';
  if (form.address.trim().length > 300) errors.address = 'garden.error.address';
  if (!form.corporation) errors.corporation = 'garden.error.corporation';
  if (!hasPlace) errors.location = 'garden.error.location';
  if (!allowedStatuses(previous).includes(form.status)) errors.status = 'garden.error.status';
  const measures = {} as Record<MeasureField, number>;
  for (const field of [...COUNT_FIELDS, ...AREA_FIELDS]) {
    const kind = (COUNT_FIELDS as readonly string[]).includes(field) ? 'count' : 'area';
    const parsed = parseMeasure(form.measures[field], kind);
    if ('error' in parsed) errors[field] = parsed.error;
    else measures[field] = parsed.value;
  }
  return Object.keys(errors).length ? { errors } : { errors, measures };
}

/** A measure as the form shows it again: Dutch decimal comma, empty for 0 on a new project. */
export function formatMeasure(value: number | null | undefined): string {
  if (!value) return '';
  return String(value).replace('.', ',');
}

/**
 * What an edit sends: only the fields this person changed since the record was put into the form
 * (`shown`). A field a colleague changed meanwhile, and that arrived with a sync, is left alone
 * instead of being set back. `location` counts as changed only when the point moved.
 */
export function editedFields(
  values: Record<string, unknown>,
  shown: Record<string, unknown>,
  pointMoved: boolean,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) =>
      key === 'location' ? pointMoved : value !== shown[key],
    ),
  );
}
