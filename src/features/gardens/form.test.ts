import { describe, expect, test } from 'vitest';
import {
  allowedStatuses,
  editedFields,
  checkGarden,
  emptyMeasures,
  formatMeasure,
  parseMeasure,
  type GardenForm,
} from './form.ts';

const valid = (): GardenForm => ({
  title: 'Tuinaanpak Pesse',
  address: 'Brink 3, Pesse',
  corporation: 'org-1',
  buurt: 'BU01180000',
  status: 'aangemeld',
  measures: emptyMeasures(),
  facadeGarden: false,
});

describe('parseMeasure', () => {
  test('reads Dutch and English decimals; empty is zero', () => {
    expect(parseMeasure('12,5', 'area')).toEqual({ value: 12.5 });
    expect(parseMeasure(' 12.5 ', 'area')).toEqual({ value: 12.5 });
    expect(parseMeasure('', 'count')).toEqual({ value: 0 });
    expect(parseMeasure('1 200', 'count')).toEqual({ value: 1200 });
  });

  test('refuses what the database would refuse or change', () => {
    expect(parseMeasure('-1', 'count')).toEqual({ error: 'garden.error.negative' });
    expect(parseMeasure('-0,5', 'area')).toEqual({ error: 'garden.error.negative' });
    expect(parseMeasure('2,5', 'count')).toEqual({ error: 'garden.error.whole' });
    expect(parseMeasure('12,55', 'area')).toEqual({ error: 'garden.error.decimals' });
    expect(parseMeasure('veel', 'count')).toEqual({ error: 'garden.error.number' });
    expect(parseMeasure('1e3', 'area')).toEqual({ error: 'garden.error.number' });
    expect(parseMeasure('3000000000', 'count')).toEqual({ error: 'garden.error.tooBig' });
    expect(parseMeasure('1000000000', 'area')).toEqual({ error: 'garden.error.tooBig' });
    expect(parseMeasure('999999999,9', 'area')).toEqual({ value: 999999999.9 });
  });
});

describe('allowedStatuses', () => {
  test('a new project may start at any step; a saved one moves one step at a time', () => {
    expect(allowedStatuses(undefined)).toHaveLength(5);
    expect(allowedStatuses('aangemeld')).toEqual(['aangemeld', 'gepland']);
    expect(allowedStatuses('uitgevoerd')).toEqual(['gepland', 'uitgevoerd', 'nazorg']);
    expect(allowedStatuses('afgerond')).toEqual(['nazorg', 'afgerond']);
  });
});

describe('checkGarden', () => {
  test('a complete form gives the measures as numbers', () => {
    const form = valid();
    form.measures = { ...form.measures, households: '4', tiles_removed_m2: '18,5', trees: '2' };
    const { errors, measures } = checkGarden(form, true);
    expect(errors).toEqual({});
    expect(measures).toEqual({
      households: 4,
      trees: 2,
      plants: 0,
      rain_barrels: 0,
      tiles_removed_m2: 18.5,
      green_added_m2: 0,
      green_roof_m2: 0,
    });
  });

  test('names every field that is wrong, and gives no measures', () => {
    const form = { ...valid(), title: ' x ', address: 'a'.repeat(301), corporation: '' };
    form.measures = { ...form.measures, plants: '-3', green_roof_m2: '1,25' };
    const result = checkGarden(form, false);
    expect(result.errors).toEqual({
      title: 'garden.error.title',
      address: 'garden.error.address',
      corporation: 'garden.error.corporation',
      location: 'garden.error.location',
      plants: 'garden.error.negative',
      green_roof_m2: 'garden.error.decimals',
    });
    expect(result.measures).toBeUndefined();
  });

  test('a status two steps away from the saved one is refused, as the database does', () => {
    expect(checkGarden({ ...valid(), status: 'uitgevoerd' }, true, 'aangemeld').errors).toEqual({
      status: 'garden.error.status',
    });
    expect(checkGarden({ ...valid(), status: 'gepland' }, true, 'aangemeld').errors).toEqual({});
  });
});

test('formatMeasure shows a saved number with a decimal comma', () => {
  expect(formatMeasure(12.5)).toBe('12,5');
  expect(formatMeasure(0)).toBe('');
  expect(formatMeasure(null)).toBe('');
});

describe('editedFields', () => {
  const shown = { title: 'Tuin A', status: 'gepland', households: 4, location: '(6.4,52.7)' };

  test('sends only what this person changed, never a colleague’s newer value set back', () => {
    // Meanwhile a colleague moved the status to "uitgevoerd"; this person only changed households.
    const values = { title: 'Tuin A', status: 'gepland', households: 5, location: '(6.4,52.7)' };
    expect(editedFields(values, shown, false)).toEqual({ households: 5 });
  });

  test('a moved point is sent; an unchanged one is not, even when its text differs', () => {
    const values = { ...shown, location: '(6.40,52.70)' };
    expect(editedFields(values, shown, false)).toEqual({});
    expect(editedFields(values, shown, true)).toEqual({ location: '(6.40,52.70)' });
  });

  test('a field cleared by the person is sent as cleared', () => {
    expect(editedFields({ ...shown, households: null }, shown, false)).toEqual({
      households: null,
    });
  });
});
