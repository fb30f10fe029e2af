import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { useSuperuser } from '../support/clients.ts';
import { accessibilityClass, type Reach } from '../../src/lib/accessibility/index.ts';
import {
  buurtAt,
  municipalityOf,
  parseBuurten,
  type Municipality,
} from '../../src/lib/geo/index.ts';

const stack = inject('stack');
const db = useSuperuser(stack);

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

/** The buurt shapes as the device reads them (the precached GeoJSON). */
async function deviceBuurten() {
  return parseBuurten(
    JSON.parse(
      await readFile(
        new URL('../../public/data/hoogeveen-buurten.geojson', import.meta.url),
        'utf8',
      ),
    ),
  );
}

describe('the device and the database agree', () => {
  it('on the buurt of 5,000 random points in and around Hoogeveen', async () => {
    const buurten = await deviceBuurten();
    const random = prng(118);
    const points = Array.from({ length: 5000 }, () => ({
      lon: 6.38 + random() * 0.26,
      lat: 52.64 + random() * 0.14,
    }));
    const { rows } = await db
      .query<{ i: number; code: string | null }>(
        `select i, private.buurt_of(point(p->>'lon', p->>'lat')::point) as code
       from jsonb_array_elements($1::jsonb) with ordinality as t(p, i)`,
        [JSON.stringify(points.map((p) => ({ lon: String(p.lon), lat: String(p.lat) })))],
      )
      .catch(async () =>
        db.query<{ i: number; code: string | null }>(
          `select i, private.buurt_of(point((p->>'lon')::float8, (p->>'lat')::float8)) as code
         from jsonb_array_elements($1::jsonb) with ordinality as t(p, i)`,
          [JSON.stringify(points)],
        ),
      );
    const disagreements = rows
      .map((r) => ({
        point: points[r.i - 1]!,
        server: r.code,
        device: buurtAt(points[r.i - 1]!, buurten)?.code ?? null,
      }))
      .filter((d) => d.server !== d.device);
    expect(disagreements).toEqual([]);
    expect(rows.filter((r) => r.code).length).toBeGreaterThan(1000);
  });

  it('on the municipality of every buurt (its name is what the address search filters on)', async () => {
    const buurten = await deviceBuurten();
    const { rows } = await db.query<{ code: string; municipality: Municipality }>(
      `select n.code, jsonb_build_object('code', m.code, 'name', m.name) as municipality
       from neighbourhoods n join municipalities m on m.code = n.municipality_code
       where n.kind = 'buurt' order by n.code`,
    );
    expect(
      buurten
        .map((b) => ({ code: b.code, municipality: b.municipality }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
    ).toEqual(rows);
    expect(municipalityOf(buurten)).toEqual({ code: 'GM0118', name: 'Hoogeveen' });
  });

  it('on the accessibility class of every combination of answers', async () => {
    const answers: Reach[] = ['ja', 'nee', 'kleine_aanpassing', 'traplift'];
    const combos = answers.flatMap((l) =>
      answers.flatMap((t) => answers.flatMap((b) => answers.map((s) => [l, t, b, s] as const))),
    );
    const { rows } = await db.query<{ c: string }>(
      `select public.accessibility_class(x->>0, x->>1, x->>2, x->>3) as c
       from jsonb_array_elements($1::jsonb) with ordinality as t(x, i) order by i`,
      [JSON.stringify(combos)],
    );
    expect(rows).toHaveLength(256);
    combos.forEach(([living_room, toilet, bathroom, bedroom], i) => {
      expect(
        accessibilityClass({ living_room, toilet, bathroom, bedroom }),
        combos[i]!.join('/'),
      ).toBe(rows[i]!.c);
    });
  });
});
