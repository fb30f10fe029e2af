import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { TablesUpdate } from '../../src/lib/database.types.ts';
import { DEMO, clientAs, useSuperuser } from '../support/clients.ts';

const stack = inject('stack');
const db = useSuperuser(stack);

/** Runs `sql` as a signed-in user inside a rolled-back transaction. */
async function asUser<T extends pg.QueryResultRow>(
  sub: string,
  sql: string,
  params: unknown[] = [],
) {
  await db.query('begin');
  try {
    await db.query(`set local role authenticated`);
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub, role: 'authenticated' }),
    ]);
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.query('rollback');
  }
}

const ROLLUPS = ['observation', 'resolution', 'garden', 'check', 'grade'];

async function rollupDrift(): Promise<Record<string, number>> {
  const drift: Record<string, number> = {};
  for (const r of ROLLUPS) {
    const { rows } = await db.query<{ n: number }>(`
      select count(*)::int as n from (
        (select * from private.${r}_rollup where n <> 0 except select * from private.${r}_rollup_live)
        union all
        (select * from private.${r}_rollup_live except select * from private.${r}_rollup)) d`);
    drift[r] = rows[0]!.n;
  }
  return drift;
}

const ZERO = Object.fromEntries(ROLLUPS.map((r) => [r, 0]));

describe('progress rollups', () => {
  it('match a full recount after the seed', async () => {
    expect(await rollupDrift()).toEqual(ZERO);
  });

  it('stay equal to a full recount through inserts, status changes, moves and deletes', async () => {
    const smederij = clientAs(stack, DEMO.smederij);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = randomUUID();
      ids.push(id);
      const { error } = await smederij.from('observations').insert({
        id,
        category_code: i % 2 ? 'schoon.zwerfafval' : 'sociaal.zorgsignaal',
        severity: 1 + (i % 5),
        location: i % 3 ? '(6.47908,52.72469)' : '(6.51094,52.72407)',
        // the server derives the buurt from the point; clients send their own guess
        neighbourhood_code: 'BU01185000',
      });
      expect(error).toBeNull();
    }
    const step = async (id: string, patch: TablesUpdate<'observations'>) => {
      const { error } = await smederij.from('observations').update(patch).eq('id', id);
      expect(error).toBeNull();
    };
    await step(ids[0]!, { status: 'in_behandeling' });
    await step(ids[1]!, { status: 'opgelost' });
    await step(ids[2]!, { status: 'gesloten', close_reason: 'dubbel gemeld' });
    await step(ids[3]!, { location: '(6.44919,52.71768)' });
    await step(ids[4]!, { category_code: 'heel.verlichting' });
    await step(ids[5]!, { deleted_at: new Date().toISOString() });
    await step(ids[1]!, { status: 'in_behandeling' });

    const corp = clientAs(stack, DEMO.woonconcept);
    const garden = randomUUID();
    expect(
      (
        await corp.from('garden_projects').insert({
          id: garden,
          corporation_id: '0a000000-0000-4000-8000-000000000011',
          title: 'Test tuin',
          location: '(6.47908,52.72469)',
          neighbourhood_code: 'BU01185000',
        })
      ).error,
    ).toBeNull();
    for (const status of ['gepland', 'uitgevoerd']) {
      await corp
        .from('garden_projects')
        .update({ status, tiles_removed_m2: 12.5, trees: 2 })
        .eq('id', garden);
    }
    const check = randomUUID();
    await corp.from('accessibility_checks').insert({
      id: check,
      corporation_id: '0a000000-0000-4000-8000-000000000011',
      address: 'Teststraat 1',
      location: '(6.47908,52.72469)',
      neighbourhood_code: 'BU01185000',
      living_room: 'ja',
      toilet: 'nee',
      bathroom: 'ja',
      bedroom: 'ja',
      new_build: true,
    });
    await corp.from('accessibility_checks').update({ toilet: 'kleine_aanpassing' }).eq('id', check);
    const huurder = clientAs(stack, DEMO.huurder);
    const { error: gradeError } = await huurder.from('neighbourhood_grades').insert({
      id: randomUUID(),
      neighbourhood_code: 'BU01185000',
      year: 2024,
      quarter: 1,
      theme: 'schoon',
      grade: 7,
    });
    expect(gradeError).toBeNull();

    expect(await rollupDrift()).toEqual(ZERO);
  });
});

describe('neighbourhood_progress', () => {
  const periods = [null, '2025', '2026-Q2', '2026-03'];

  it.each(periods)('gives the same figures as a full scan for period %s', async (period) => {
    for (const user of [DEMO.gemeente, DEMO.huurder]) {
      const fast = await asUser(user, `select * from public.neighbourhood_progress($1)`, [period]);
      const slow = await asUser(user, `select * from private.progress($1, true)`, [period]);
      expect(fast).toEqual(slow);
      expect(fast).toHaveLength(61);
    }
  });

  it('counts a quiet month exactly, with the median days to resolve', async () => {
    const buurt = 'BU01185004';
    const [label] = (
      await db.query(`select label::text from neighbourhoods where code = $1`, [buurt])
    ).rows;
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await db.query(
        `insert into observations (id, category_code, location, observed_at, created_by)
         values ($1, 'schoon.graffiti', $2, '2024-02-10', $3)`,
        [id, label.label, DEMO.smederij],
      );
      if (i < 2) {
        await db.query(`update observations set status = 'opgelost' where id = $1`, [id]);
        await db.query(
          `update observations set resolved_at = observed_at + $2 * interval '1 day' where id = $1`,
          [id, i === 0 ? 3 : 9],
        );
      }
    }
    const [row] = await asUser<Record<string, unknown>>(
      DEMO.gemeente,
      `select * from public.neighbourhood_progress('2024-02') where code = $1`,
      [buurt],
    );
    expect(row).toMatchObject({
      observations_open: '1',
      observations_resolved: '2',
      observations_closed: '0',
      median_days_to_resolve: 3,
      observations_per_category: { 'schoon.graffiti': 3 },
    });
    // Tenants get no counts under five.
    const [tenantRow] = await asUser<Record<string, unknown>>(
      DEMO.huurder,
      `select * from public.neighbourhood_progress('2024-02') where code = $1`,
      [buurt],
    );
    expect(tenantRow).toMatchObject({
      observations_open: null,
      observations_resolved: null,
      median_days_to_resolve: null,
      observations_per_category: { 'schoon.graffiti': null },
    });
  });

  it('rolls buurten up into their wijk', async () => {
    const rows = await asUser<{
      code: string;
      wijk_code: string | null;
      observations_open: string;
    }>(
      DEMO.gemeente,
      `select code, wijk_code, observations_open from public.neighbourhood_progress(null)`,
    );
    const wijk = rows.find((r) => r.code === 'WK011850')!;
    const sum = rows
      .filter((r) => r.wijk_code === 'WK011850')
      .reduce((s, r) => s + Number(r.observations_open), 0);
    expect(Number(wijk.observations_open)).toBe(sum);
  });

  it('shows the new-build share against the 90% target of agreement 3', async () => {
    const year = new Date().getFullYear();
    const [row] = await asUser<{ new_builds_target: string; targets: unknown[] }>(
      DEMO.woonconcept,
      `select new_builds_target, targets from public.neighbourhood_progress($1) where code = 'WK011854'`,
      [String(year)],
    );
    expect(Number(row!.new_builds_target)).toBe(0.9);
    if (year === 2026)
      expect(row!.targets).toEqual([
        expect.objectContaining({ metric: 'zero_step_homes', target: 4 }),
      ]);
  });

  it('rejects a period it does not understand', async () => {
    await expect(
      asUser(DEMO.gemeente, `select * from public.neighbourhood_progress('vorig jaar')`),
    ).rejects.toThrow(/Kies een periode/);
  });
});
