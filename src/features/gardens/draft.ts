/**
 * The garden form's values as its draft keeps them. Flat, one entry per field (each measure on
 * its own), so a draft of an edit holds just the fields this person changed: put back over the
 * project as it is now, a measure a colleague changed meanwhile stays as the colleague left it.
 */
import type { Place } from '../observations/place.ts';
import { parsePoint } from '../../sync/validate.ts';
import {
  AREA_FIELDS,
  COUNT_FIELDS,
  emptyMeasures,
  formatMeasure,
  type GardenForm,
  type GardenStatus,
  type MeasureField,
} from './form.ts';

export type GardenValues = {
  title: string;
  address: string;
  corporation: string;
  place: Place | undefined;
  status: GardenStatus;
  facadeGarden: boolean;
} & Record<MeasureField, string>;

const MEASURE_FIELDS: readonly MeasureField[] = [...COUNT_FIELDS, ...AREA_FIELDS];

/** Where a new project's form starts: empty, with the corporation filled in when known. */
export function blankGarden(corporation = ''): GardenValues {
  return {
    title: '',
    address: '',
    corporation,
    place: undefined,
    status: 'aangemeld',
    facadeGarden: false,
    ...emptyMeasures(),
  };
}

/** A saved project as its form shows it (measures with a decimal comma, 0 as empty). */
export function gardenValues(
  record: { [F in MeasureField]: number | null } & {
    title: string;
    address: string;
    corporation_id: string;
    location: unknown;
    neighbourhood_code: string;
    status: string;
    facade_garden: boolean;
  },
): GardenValues {
  const point = parsePoint(record.location);
  const values: GardenValues = {
    title: record.title,
    address: record.address,
    corporation: record.corporation_id,
    place: point ? { point, accuracy: null, buurt: record.neighbourhood_code } : undefined,
    status: record.status as GardenStatus,
    facadeGarden: record.facade_garden,
    ...emptyMeasures(),
  };
  for (const f of MEASURE_FIELDS) values[f] = formatMeasure(record[f]);
  return values;
}

/** The measures of the values, as the form's measure fields hold them. */
export function measuresOf(values: GardenValues): Record<MeasureField, string> {
  return Object.fromEntries(MEASURE_FIELDS.map((f) => [f, values[f]])) as Record<
    MeasureField,
    string
  >;
}

/** The values as the form's rules (`checkGarden`) read them. */
export function formOf(values: GardenValues): GardenForm {
  return {
    title: values.title,
    address: values.address,
    corporation: values.corporation,
    buurt: values.place?.buurt ?? '',
    status: values.status,
    measures: measuresOf(values),
    facadeGarden: values.facadeGarden,
  };
}

/**
 * A draft as it was kept before drafts were flat (new projects only: every field, the measures
 * together under `measures`, the buurt twice, an empty corporation meaning "not chosen") is read
 * as a flat one, so the form's own default corporation still applies; others pass unchanged.
 */
export function upgradeGardenDraft(draft: unknown): unknown {
  if (!draft || typeof draft !== 'object' || !('measures' in draft)) return draft;
  const flat: Record<string, unknown> = { ...draft };
  const measures = flat.measures;
  delete flat.measures;
  delete flat.buurt;
  if (!flat.corporation) delete flat.corporation;
  return measures && typeof measures === 'object' ? { ...flat, ...measures } : flat;
}
