import { describe, expect, test } from 'vitest';
import { describePlace, placeOfBuurt, type Place } from './place.ts';

const point = { lon: 6.47908, lat: 52.72469 };

describe('a place said back to the person', () => {
  test('says how the point was found', () => {
    const gps: Place = { point, accuracy: 7.6, buurt: 'BU01185000', source: 'gps' };
    expect(describePlace(gps, 'Centrum')).toBe('Buurt: Centrum. Nauwkeurig tot ongeveer 8 meter.');
    expect(describePlace({ ...gps, accuracy: null, source: 'map' }, 'Centrum')).toBe(
      'Buurt: Centrum. Je hebt de plek op de kaart aangewezen.',
    );
    expect(
      describePlace(
        { ...gps, accuracy: null, source: 'address', address: 'Hoofdstraat 40, 7901JR Hoogeveen' },
        'Centrum',
      ),
    ).toBe('Buurt: Centrum. Plek van het adres Hoofdstraat 40, 7901JR Hoogeveen.');
  });

  test('a chosen buurt or a saved point claims no accuracy', () => {
    expect(describePlace({ point, accuracy: null, buurt: 'BU01185000' }, 'Centrum')).toBe(
      'Buurt: Centrum.',
    );
    // A garden draft from before places had an accuracy field.
    const old = { point, buurt: 'BU01185000' } as unknown as Place;
    expect(describePlace(old, 'Centrum')).toBe('Buurt: Centrum.');
    // An observation draft from before places had a source: GPS was the only way to a point.
    expect(describePlace({ point, accuracy: 12, buurt: 'BU01185000' }, 'Centrum')).toBe(
      'Buurt: Centrum. Nauwkeurig tot ongeveer 12 meter.',
    );
  });
});

describe('the place of a chosen buurt', () => {
  test('is its centre, without accuracy', () => {
    expect(placeOfBuurt({ code: 'BU01185000', label: '(6.47908,52.72469)' })).toEqual({
      point,
      accuracy: null,
      buurt: 'BU01185000',
    });
  });

  test('is nothing when the buurt has no readable centre', () => {
    expect(placeOfBuurt({ code: 'BU01185000', label: null })).toBeUndefined();
    expect(placeOfBuurt({ code: 'BU01185000', label: 'POINT(6 52)' })).toBeUndefined();
  });
});
