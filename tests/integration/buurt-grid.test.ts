import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { useSuperuser } from '../support/clients.ts';

const stack = inject('stack');
const db = useSuperuser(stack);

/** Points where buurt_of's grid and the exact ring test disagree (none expected). */
async function disagreements(
  pointsSql: string,
): Promise<{ p: string; grid: string | null; rings: string | null }[]> {
  const { rows } = await db.query<{ p: string; grid: string | null; rings: string | null }>(
    `select p::text, private.buurt_of(p) as grid, private.buurt_of_rings(p) as rings
     from (${pointsSql}) x(p)
     where private.buurt_of(p) is distinct from private.buurt_of_rings(p)`,
  );
  return rows;
}

describe('the buurt grid (private.buurt_cells)', () => {
  it('gives the same buurt as the ring test everywhere', async () => {
    // Random points over the whole municipality and a margin around it (seeded).
    await db.query('select setseed(0.118)');
    expect(
      await disagreements(
        `select point(6.25 + random() * 0.5, 52.6 + random() * 0.25) from generate_series(1, 20000)`,
      ),
    ).toEqual([]);
    // The corners and edge midpoints of every cell the grid answers for.
    expect(
      await disagreements(
        `select point((cx + dx) * 0.002, (cy + dy) * 0.001)
         from private.buurt_cells, (values (0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0), (0, 0.5)) d(dx, dy)`,
      ),
    ).toEqual([]);
    // Every ring vertex and the midpoint of every ring edge (points on shared edges).
    expect(
      await disagreements(
        `with v as (
           select r.neighbourhood_code, r.ring_no, t.ord,
             point(t.xy[1]::float8 / 1e6, t.xy[2]::float8 / 1e6) as pt
           from public.neighbourhood_rings r
           cross join lateral regexp_matches(r.ring::text, '\\(([^(),]+),([^(),]+)\\)', 'g')
             with ordinality as t(xy, ord))
         select pt from v
         union all
         select point(((a.pt)[0] + (b.pt)[0]) / 2, ((a.pt)[1] + (b.pt)[1]) / 2)
         from v a join v b on b.neighbourhood_code = a.neighbourhood_code
           and b.ring_no = a.ring_no and b.ord = a.ord + 1`,
      ),
    ).toEqual([]);
  });

  it('answers no buurt, without an error, for points no map has', async () => {
    const { rows } = await db.query<{ code: string | null }>(
      `select private.buurt_of(p) as code
       from (values (point(1e308, 1e308)), (point(-1e308, 0)), (point('NaN', 'NaN')),
                    (point('Infinity', 52.7)), (point(6.47, 95))) v(p)`,
    );
    expect(rows.map((r) => r.code)).toEqual([null, null, null, null, null]);
  });

  it('rebuilds one transaction after the other when two change buurten at once', async () => {
    const [a, b] = [new pg.Client(stack.dbUrl), new pg.Client(stack.dbUrl)];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('begin');
      await b.query('begin');
      await a.query(
        `update public.neighbourhoods set deleted_at = deleted_at where kind = 'buurt'`,
      );
      // b waits for a's rebuild; before, its insert ran into a's new cells.
      const second = b.query(
        `update public.neighbourhoods set deleted_at = deleted_at where kind = 'buurt'`,
      );
      await a.query('commit');
      await second;
      await b.query('commit');
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from private.buurt_cells`,
      );
      expect(rows[0]!.n).toBeGreaterThan(1000);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('answers most points in town from the grid', async () => {
    const { rows } = await db.query<{ share: number }>(
      `select avg((c.code is not null)::int)::float8 as share
       from (select point(6.44 + random() * 0.08, 52.70 + random() * 0.05) p
             from generate_series(1, 5000)) x
       left join private.buurt_cells c
         on c.cx = floor(p[0] / 0.002)::int and c.cy = floor(p[1] / 0.001)::int`,
    );
    expect(rows[0]!.share).toBeGreaterThan(0.5);
  });

  it('follows changes to the buurten and their rings at once', async () => {
    const client = db;
    try {
      await client.query('begin');
      // A point the grid knows, in the middle of its cell.
      const { rows: cell } = await client.query<{ p: string; code: string }>(
        `select point((cx + 0.5) * 0.002, (cy + 0.5) * 0.001)::text as p, code
         from private.buurt_cells order by cx, cy limit 1`,
      );
      const { p, code } = cell[0]!;
      // The buurt is removed: the point no longer lies in it.
      await client.query(`update public.neighbourhoods set deleted_at = now() where code = $1`, [
        code,
      ]);
      const gone = await client.query<{ grid: string | null; rings: string | null }>(
        `select private.buurt_of($1::point) as grid, private.buurt_of_rings($1::point) as rings`,
        [p],
      );
      expect(gone.rows[0]!.grid).not.toBe(code);
      expect(gone.rows[0]!.grid).toBe(gone.rows[0]!.rings);
      // Back again, and then its rings are replaced by a tiny square around the point.
      await client.query(`update public.neighbourhoods set deleted_at = null where code = $1`, [
        code,
      ]);
      expect((await client.query(`select private.buurt_of($1::point) as c`, [p])).rows[0].c).toBe(
        code,
      );
      await client.query(`delete from public.neighbourhood_rings where neighbourhood_code = $1`, [
        code,
      ]);
      expect(
        (await client.query(`select private.buurt_of($1::point) as c`, [p])).rows[0].c,
      ).not.toBe(code);
      await client.query(
        `insert into public.neighbourhood_rings (neighbourhood_code, ring_no, is_hole, ring)
         select $1, 0, false, polygon(box(point(q[0] * 1e6 - 10, q[1] * 1e6 - 10),
                                          point(q[0] * 1e6 + 10, q[1] * 1e6 + 10)))
         from (select $2::point as q) x`,
        [code, p],
      );
      expect((await client.query(`select private.buurt_of($1::point) as c`, [p])).rows[0].c).toBe(
        code,
      );
      expect(
        await client.query<{ n: number }>(
          `select count(*)::int as n from private.buurt_cells where code = $1`,
          [code],
        ),
      ).toMatchObject({ rows: [{ n: 0 }] });
    } finally {
      await client.query('rollback');
    }
  });
});
