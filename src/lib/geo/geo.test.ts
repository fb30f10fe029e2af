import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buurtAt, inRing, municipalityOf, parseBuurten } from './index.ts';

const buurten = parseBuurten(
  JSON.parse(
    readFileSync(
      new URL('../../../public/data/hoogeveen-buurten.geojson', import.meta.url),
      'utf8',
    ),
  ),
);
const labels = readFileSync(
  new URL('../../../public/data/hoogeveen-gebieden.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[0] === 'buurt')
  .map((c) => ({ code: c[1]!, lon: Number(c[5]), lat: Number(c[6]) }));

describe('point in buurt', () => {
  it('finds every buurt from its label point', () => {
    expect(labels).toHaveLength(48);
    for (const l of labels) expect(buurtAt({ lon: l.lon, lat: l.lat }, buurten)?.code).toBe(l.code);
  });

  it('knows the municipality each buurt lies in', () => {
    expect(new Set(buurten.map((b) => JSON.stringify(b.municipality)))).toEqual(
      new Set([JSON.stringify({ code: 'GM0118', name: 'Hoogeveen' })]),
    );
    expect(municipalityOf(buurten)).toEqual({ code: 'GM0118', name: 'Hoogeveen' });
    expect(municipalityOf([])).toBeUndefined();
  });

  it('finds no buurt outside the municipality', () => {
    expect(buurtAt({ lon: 4.9, lat: 52.37 }, buurten)).toBeUndefined();
  });

  it('puts every point of a square inside or outside consistently (property)', () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 15, noNaN: true }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        (lon, lat) => {
          expect(inRing({ lon, lat }, square)).toBe(lon >= 0 && lon <= 10 && lat >= 0 && lat <= 10);
        },
      ),
    );
  });
});
