import { describe, expect, test } from 'vitest';
import { draftOf, withDraft } from '../../lib/drafts/index.ts';
import { blankGarden, formOf, gardenValues, upgradeGardenDraft } from './draft.ts';
import { editedFields } from './form.ts';

const record = {
  title: 'Tuinaanpak Krakeel',
  address: 'Krakeel 12, Hoogeveen',
  corporation_id: 'woonconcept',
  location: '(6.47908,52.72469)',
  neighbourhood_code: 'BU01185000',
  status: 'gepland',
  facade_garden: false,
  households: 4,
  trees: 2,
  plants: 0,
  rain_barrels: 1,
  tiles_removed_m2: 18.5,
  green_added_m2: 12,
  green_roof_m2: null,
};
const place = { point: { lon: 6.47908, lat: 52.72469 }, accuracy: null, buurt: 'BU01185000' };

describe('the garden form’s values', () => {
  test('a saved project as the form shows it: decimal comma, nothing for 0', () => {
    expect(gardenValues(record)).toEqual({
      title: 'Tuinaanpak Krakeel',
      address: 'Krakeel 12, Hoogeveen',
      corporation: 'woonconcept',
      place,
      status: 'gepland',
      facadeGarden: false,
      households: '4',
      trees: '2',
      plants: '',
      rain_barrels: '1',
      tiles_removed_m2: '18,5',
      green_added_m2: '12',
      green_roof_m2: '',
    });
  });

  test('read by the form’s rules with the measures together and the buurt of the place', () => {
    const form = formOf(gardenValues(record));
    expect(form.buurt).toBe('BU01185000');
    expect(form.measures.tiles_removed_m2).toBe('18,5');
    expect(formOf(blankGarden()).buurt).toBe('');
  });

  test('a new project starts empty, with the corporation when the person works for one', () => {
    expect(blankGarden('domesta')).toMatchObject({ corporation: 'domesta', status: 'aangemeld' });
    expect(draftOf(blankGarden('domesta'), blankGarden('domesta'))).toBeUndefined();
  });
});

describe('a draft of a change to a saved project', () => {
  test('keeps only what this person changed, and over a newer record keeps the colleague’s change', () => {
    const shown = gardenValues(record);
    const draft = draftOf(shown, { ...shown, plants: '40', status: 'uitgevoerd' });
    expect(draft).toEqual({ plants: '40', status: 'uitgevoerd' });

    // Stored as JSON; meanwhile a colleague set the trees to 3, and that arrived with a sync.
    const now = gardenValues({ ...record, trees: 3 });
    const kept = withDraft(now, JSON.parse(JSON.stringify(draft)));
    expect(kept.restored).toBe(true);
    expect(kept.values).toMatchObject({ plants: '40', status: 'uitgevoerd', trees: '3' });
    // Saving then sends the person's fields only, never the trees set back to 2.
    const sent = editedFields(
      { plants: 40, status: 'uitgevoerd', trees: 3 },
      { ...record, trees: 3 },
      false,
    );
    expect(sent).toEqual({ plants: 40, status: 'uitgevoerd' });
  });

  test('a moved point is kept', () => {
    const shown = gardenValues(record);
    const moved = { ...place, point: { lon: 6.48, lat: 52.725 }, source: 'map' as const };
    const kept = withDraft(shown, draftOf(shown, { ...shown, place: moved }));
    expect(kept.values.place).toEqual(moved);
  });
});

describe('a new-project draft kept before drafts were flat', () => {
  const old = {
    title: 'Tuinaanpak Pesse',
    address: '',
    corporation: '',
    buurt: 'BU01186000',
    status: 'gepland',
    measures: { households: '6', trees: '', plants: '', rain_barrels: '', tiles_removed_m2: '3,5' },
    facadeGarden: true,
    place: { ...place, buurt: 'BU01186000' },
  };

  test('is read field by field; an empty corporation leaves the default in place', () => {
    const { values, restored } = withDraft(blankGarden('actium'), upgradeGardenDraft(old));
    expect(restored).toBe(true);
    expect(values).toMatchObject({
      title: 'Tuinaanpak Pesse',
      corporation: 'actium',
      status: 'gepland',
      households: '6',
      tiles_removed_m2: '3,5',
      green_added_m2: '',
      facadeGarden: true,
      place: { buurt: 'BU01186000' },
    });
    expect(values).not.toHaveProperty('measures');
    expect(values).not.toHaveProperty('buurt');
  });

  test('a flat draft, or none, passes unchanged', () => {
    expect(upgradeGardenDraft({ title: 'x' })).toEqual({ title: 'x' });
    expect(upgradeGardenDraft(undefined)).toBeUndefined();
  });
});
