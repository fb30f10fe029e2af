import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startStack } from '../../supabase/local/stack.ts';
import { median, type BenchResult, type Benchmark } from './harness.ts';

const GEMEENTE = '0b000000-0000-4000-8000-000000000001';
const SMEDERIJ = '0b000000-0000-4000-8000-000000000002';

/** Median milliseconds of `runs` executions of `sql` as the municipality user. */
async function timeAsGemeente(db: pg.Client, sql: string, runs: number): Promise<number> {
  await db.query('begin');
  try {
    await db.query('set local role authenticated');
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: GEMEENTE, role: 'authenticated' }),
    ]);
    await db.query(sql); // warm the plan and caches
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await db.query(sql);
      times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    await db.query('rollback');
  }
}

/**
 * Bulk-loads generated records without row triggers (as a data import would), then rebuilds the
 * rollups once. Points are buurt label points, so every record has a valid buurt.
 */
async function load(
  db: pg.Client,
  observations: number,
  gardens: number,
  checks: number,
): Promise<void> {
  await db.query(`set session_replication_role = replica`);
  await db.query(
    `
    insert into observations (id, category_code, sensitive, severity, description, location, neighbourhood_code,
      status, close_reason, observed_at, resolved_at, created_by, reporter_organisation_id, created_at)
    select gen_random_uuid(), c.code, c.sensitive, 1 + (i % 5), 'generated', b.label, b.code,
      s.status, case when s.status = 'gesloten' then 'generated' end, t.at,
      case when s.status in ('opgelost', 'gesloten') then t.at + (i % 90) * interval '1 day' end,
      $2, '0a000000-0000-4000-8000-000000000031', t.at
    from generate_series(1, $1::int) i
    cross join lateral (select (now() - (i % 1800) * interval '1 day') as at) t
    cross join lateral (select code, label from neighbourhoods where kind = 'buurt' order by code offset (i * 7) % 48 limit 1) b
    cross join lateral (select code, sensitive from observation_categories where parent_code is not null order by code offset (i * 13) % 23 limit 1) c
    cross join lateral (select (array['nieuw', 'in_behandeling', 'opgelost', 'opgelost', 'gesloten'])[1 + i % 5] as status) s`,
    [observations, SMEDERIJ],
  );
  await db.query(
    `
    insert into garden_projects (id, corporation_id, title, location, neighbourhood_code, status, households,
      tiles_removed_m2, green_added_m2, trees, created_at, completed_at)
    select gen_random_uuid(), (array['0a000000-0000-4000-8000-000000000011', '0a000000-0000-4000-8000-000000000012',
        '0a000000-0000-4000-8000-000000000013'])[1 + i % 3]::uuid, 'generated', b.label, b.code,
      (array['aangemeld', 'gepland', 'uitgevoerd', 'nazorg', 'afgerond'])[1 + i % 5], i % 7, i % 40, i % 30, i % 3,
      now() - (i % 1800) * interval '1 day', case when i % 5 >= 2 then now() - (i % 1700) * interval '1 day' end
    from generate_series(1, $1::int) i
    cross join lateral (select code, label from neighbourhoods where kind = 'buurt' order by code offset (i * 11) % 48 limit 1) b`,
    [gardens],
  );
  await db.query(
    `
    insert into accessibility_checks (id, corporation_id, address, location, neighbourhood_code, living_room, toilet,
      bathroom, bedroom, scooter_storage, new_build, build_year, checked_at)
    select gen_random_uuid(), (array['0a000000-0000-4000-8000-000000000011', '0a000000-0000-4000-8000-000000000012',
        '0a000000-0000-4000-8000-000000000013'])[1 + i % 3]::uuid, 'Generated ' || i, b.label, b.code,
      (array['ja', 'nee', 'traplift'])[1 + i % 3], (array['ja', 'kleine_aanpassing', 'nee', 'ja'])[1 + i % 4],
      'ja', (array['ja', 'traplift'])[1 + i % 2], 'niet_nodig', i % 4 = 0, 2000 + i % 26,
      now() - (i % 1800) * interval '1 day'
    from generate_series(1, $1::int) i
    cross join lateral (select code, label from neighbourhoods where kind = 'buurt' order by code offset (i * 5) % 48 limit 1) b`,
    [checks],
  );
  await db.query(`set session_replication_role = origin`);
  await db.query(`select private.rebuild_rollups()`);
  await db.query(`analyze`);
}

/** The statement-level triggers that keep the observation rollups current. */
const rollupTriggers = (verb: 'enable' | 'disable') =>
  ['rollup_insert', 'rollup_update', 'rollup_delete'].map((t) => `${verb} trigger ${t}`).join(', ');

/** Milliseconds per observation for 500 single-row inserts with all triggers (rollups included). */
async function writeCost(db: pg.Client, withRollup: boolean): Promise<number> {
  if (!withRollup) await db.query(`alter table observations ${rollupTriggers('disable')}`);
  try {
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) {
      await db.query(
        `insert into observations (id, category_code, location, created_by)
         values (gen_random_uuid(), 'schoon.zwerfafval', '(6.47908,52.72469)', $1)`,
        [SMEDERIJ],
      );
    }
    return (performance.now() - t0) / 500;
  } finally {
    if (!withRollup) {
      await db.query(`alter table observations ${rollupTriggers('enable')}`);
      await db.query(`select private.rebuild_rollups()`);
    }
  }
}

/**
 * neighbourhood_progress (rollups) against the same figures from a full scan of the base tables,
 * at 100k and at 1M observations (with 5k and 50k gardens and checks).
 */
export const progress: Benchmark = {
  name: 'progress',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-progress-'));
    await chmod(dir, 0o755);
    const stack = await startStack({ dataDir: dir, port: 0, log: () => {} });
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const results: BenchResult[] = [];
    try {
      let loaded = 0;
      for (const [obs, other, label] of [
        [100_000, 5_000, '100k'],
        [1_000_000, 50_000, '1M'],
      ] as const) {
        const t0 = performance.now();
        await load(db, obs - loaded, other - (loaded ? 5_000 : 0), other - (loaded ? 5_000 : 0));
        loaded = obs;
        console.log(
          `  loaded ${label} observations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
        const fast = await timeAsGemeente(
          db,
          `select * from public.neighbourhood_progress(null)`,
          15,
        );
        const slow = await timeAsGemeente(db, `select * from private.progress(null, true)`, 3);
        results.push({
          name: `neighbourhood_progress-${label}`,
          unit: 'ms',
          value: Number(fast.toFixed(2)),
          baseline: Number(slow.toFixed(2)),
          note: `all time, all 61 areas, as the municipality; baseline: the same figures by a full scan (${obs} observations, ${other} gardens and checks)`,
        });
        const year = await timeAsGemeente(
          db,
          `select * from public.neighbourhood_progress('2026')`,
          15,
        );
        results.push({
          name: `neighbourhood_progress-year-${label}`,
          unit: 'ms',
          value: Number(year.toFixed(2)),
        });
      }
      const withRollup = await writeCost(db, true);
      const without = await writeCost(db, false);
      results.push({
        name: 'observation-insert-with-rollups',
        unit: 'ms/row',
        value: Number(withRollup.toFixed(3)),
        baseline: Number(without.toFixed(3)),
        note: 'single-row inserts with every trigger; baseline: the same without the rollup trigger',
      });
      return results;
    } finally {
      await db.end();
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
