import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type pg from 'pg';
import { build, preview } from 'vite';
import { freePort, startStack, type Stack } from '../../supabase/local/stack.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from '../support/browser.ts';
import { DEFAULT_BATCH } from '../../src/sync/push.ts';
import { DEMO, userToken } from '../support/clients.ts';
import type { SyncBench, Target } from './browser/main.ts';
import { median, type BenchResult, type Benchmark } from './harness.ts';

const PAGE_ROOT = path.join(import.meta.dirname, 'browser');
const SMEDERIJEN = '0a000000-0000-4000-8000-000000000031';

/** Nearest-rank percentile of a non-empty list. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);

/**
 * Builds the harness page (tests/bench/browser) and serves it; the page talks to the stack
 * directly (the gateway answers CORS).
 */
async function servePage(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'error',
    // Unminified, so a failure's stack in results.json names the function.
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  });
  const server = await preview({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  return { url, close: () => server.close() };
}

/**
 * Chromium with a profile on disk: a fresh context from `launchChromium()` is off the record,
 * and there IndexedDB lives in memory, so a strict-durability commit would cost nothing it costs
 * on a phone.
 */
function launchWithProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Calls one function of the page's `window.syncBench`. */
function call<K extends keyof SyncBench>(
  page: Page,
  name: K,
  ...args: Parameters<SyncBench[K]>
): Promise<Awaited<ReturnType<SyncBench[K]>>> {
  return page.evaluate(
    async ([n, a]) => {
      const bench = (
        window as unknown as { syncBench: Record<string, (...x: unknown[]) => unknown> }
      ).syncBench;
      try {
        return await bench[n]!(...a);
      } catch (e) {
        // DexieError is no Error subclass: pass on what it says.
        const { name, message, stack } = e as Error;
        throw new Error(`${n}: ${name}: ${message}\n${stack}`);
      }
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<SyncBench[K]>>>;
}

/**
 * Adds `n` observations as a data import would (no row triggers; the sync columns come from their
 * defaults), in the buurten of wijk 50 and 51, reported by De Smederijen: all visible to the
 * smederij user.
 */
async function seedObservations(db: pg.PoolClient, n: number): Promise<void> {
  await db.query('begin');
  try {
    await db.query('set local session_replication_role = replica');
    await db.query(
      `
      with b as (
        select array_agg(code order by code) codes, array_agg(label order by code) labels
        from public.neighbourhoods where kind = 'buurt' and wijk_code in ('WK011850', 'WK011851')
      ), c as (
        select array_agg(code order by code) codes, array_agg(sensitive order by code) sensitive
        from public.observation_categories where parent_code is not null and deleted_at is null
      )
      insert into public.observations (id, category_code, sensitive, severity, description,
        location, neighbourhood_code, status, observed_at, created_by, reporter_organisation_id,
        created_at, updated_at)
      select gen_random_uuid(), c.codes[1 + i % cardinality(c.codes)],
        c.sensitive[1 + i % cardinality(c.codes)], 1 + i % 5,
        'Geladen waarneming ' || i || ': losliggende tegels en zwerfafval bij de speeltuin',
        b.labels[1 + i % cardinality(b.codes)], b.codes[1 + i % cardinality(b.codes)], 'nieuw',
        now() - (i % 700) * interval '1 hour', $2, $3, now(), now()
      from generate_series(1, $1::int) i, b, c`,
      [n, DEMO.smederij, SMEDERIJEN],
    );
    await db.query('commit');
  } catch (e) {
    await db.query('rollback');
    throw e;
  }
  await db.query('select private.rebuild_rollups()');
  await db.query('analyze');
}

function saveRows(api: number[], raw: number[]): BenchResult[] {
  const note = (p: string) =>
    `${p} of ${api.length} saves of an observation through createObservation → insertRecord (record + outbox entry, strict durability) in Chromium's IndexedDB; baseline: the same write as a raw Dexie transaction, interleaved`;
  return [
    {
      name: 'sync-save-p50',
      unit: 'ms',
      value: round(percentile(api, 50)),
      baseline: round(percentile(raw, 50)),
      note: note('p50'),
    },
    {
      name: 'sync-save-p95',
      unit: 'ms',
      value: round(percentile(api, 95)),
      baseline: round(percentile(raw, 95)),
      note: `${note('p95')} (goal ≤ 10 ms)`,
    },
  ];
}

/** Median milliseconds of sync_pull's first page (the cursor at the start) as the smederij user. */
async function firstPageMs(db: pg.PoolClient, runs: number): Promise<number> {
  await db.query('begin');
  try {
    await db.query('set local role authenticated');
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: DEMO.smederij, role: 'authenticated' }),
    ]);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await db.query(
        `select jsonb_array_length(p -> 'changes') from public.sync_pull(null, 1000) p`,
      );
      times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    await db.query('rollback');
  }
}

type PullOutcome = Awaited<ReturnType<SyncBench['pull']>>;

/** Runs of the 10k pull and of the push; the median run is reported. */
const PULL_RUNS = 3;
const PUSH_RUNS = 5;

/** The run with the median ratio to its own baseline (failed runs count as worst). */
function medianRun(runs: PullOutcome[]): PullOutcome {
  const ratio = (r: PullOutcome) =>
    r.pull.error ? -1 : r.raw.totalMs / r.raw.rows / (r.pull.totalMs / r.pull.rows);
  return [...runs].sort((a, b) => ratio(a) - ratio(b))[runs.length >> 1]!;
}

function pullRows(
  label: string,
  observations: number,
  { pull, raw }: PullOutcome,
  runs: number,
): BenchResult[] {
  const baseline = `baseline: raw bulkPut of ${
    raw.source === 'pull'
      ? 'the same pages'
      : `the ${raw.rows} observations the user sees (fetched through PostgREST, as the pull failed)`
  } into a fresh database, one call per table per page (goal ratio ≥ 0.7)`;
  if (pull.error) {
    return [
      {
        name: `sync-pull-${label}`,
        unit: 'rows/s',
        value: 0,
        baseline: perSecond(raw.rows, raw.totalMs),
        note: `FAILED after ${pull.rows} rows and ${pull.calls} sync_pull call(s) in ${Math.round(pull.totalMs)} ms: "${pull.error}" (${observations} observations on the server); ${baseline}`,
      },
    ];
  }
  return [
    {
      name: `sync-pull-${label}`,
      unit: 'rows/s',
      value: perSecond(pull.rows, pull.totalMs),
      baseline: perSecond(raw.rows, raw.totalMs),
      note:
        `${runs > 1 ? `the run with the median ratio of ${runs}: ` : ''}pullChanges of ${pull.rows} rows (${observations} observations + reference data) into a fresh Dexie database in ${pull.calls} sync_pull calls of ≤ 1000 rows, one page ahead (the next page is on its way while one is written); ` +
        `the requests took ${Math.round(pull.transportMs)} ms of the ${Math.round(pull.totalMs)} ms (they overlap the writing); ${baseline}`,
    },
  ];
}

/**
 * The three sync benchmarks of issue 4 in Chromium against the local stack: save offline, push
 * through sync_push against one REST request per row, pull through sync_pull against raw bulkPut.
 */
export const sync: Benchmark = {
  name: 'sync',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-sync-'));
    await chmod(dir, 0o755);
    let stack: Stack | undefined;
    let served: Awaited<ReturnType<typeof servePage>> | undefined;
    let browser: BrowserContext | undefined;
    const results: BenchResult[] = [];
    try {
      const step = (label: string, t0: number) =>
        console.log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      let t0 = performance.now();
      [stack, served] = await Promise.all([
        startStack({ dataDir: path.join(dir, 'stack'), port: 0, log: () => {} }),
        servePage(path.join(dir, 'page')),
      ]);
      step('stack started and page built', t0);
      browser = await launchWithProfile(path.join(dir, 'profile'));
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(served.url);
      await page.waitForFunction(() => 'syncBench' in window);
      const target: Target = {
        apiUrl: stack.apiUrl,
        anonKey: stack.anonKey,
        token: userToken({ ...stack, dataDir: dir }, DEMO.smederij),
      };

      t0 = performance.now();
      const saved = await call(page, 'saves', 500, 20);
      results.push(...saveRows(saved.api, saved.raw));
      step('saves', t0);

      const db = await stack.pool.connect();
      try {
        let seeded = 0;
        for (const total of [10_000, 100_000]) {
          t0 = performance.now();
          await seedObservations(db, total - seeded);
          seeded = total;
          step(`seeded ${total} observations`, t0);
          t0 = performance.now();
          // The median run of three (one at 100k: it takes a while).
          const runs: PullOutcome[] = [];
          for (let i = 0; i < (total > 10_000 ? 1 : PULL_RUNS); i++)
            runs.push(await call(page, 'pull', target, 1000));
          results.push(...pullRows(`${total / 1000}k`, total, medianRun(runs), runs.length));
          results.push({
            name: `sync-pull-first-page-${total / 1000}k`,
            unit: 'ms',
            value: round(await firstPageMs(db, total > 10_000 ? 1 : 3), 1),
            note: `one sync_pull(null, 1000) as the smederij user, in Postgres (no HTTP), with ${total} observations on the server`,
          });
          step(`pulled ${total / 1000}k`, t0);
        }
      } finally {
        db.release();
      }

      t0 = performance.now();
      // Warm PostgREST and Postgres for both paths, then measure.
      await call(page, 'naivePush', target, 20);
      await call(page, 'push', target, 100);
      const naive = await call(page, 'naivePush', target, 1000);
      const pushes: Awaited<ReturnType<SyncBench['push']>>[] = [];
      for (let i = 0; i < PUSH_RUNS; i++) {
        const run = await call(page, 'push', target, 1000);
        if (run.rows !== 1000 || run.rejected)
          throw new Error(`push: ${run.rows} applied, ${run.rejected} rejected`);
        pushes.push(run);
      }
      const pushed = [...pushes].sort((a, b) => a.totalMs - b.totalMs)[PUSH_RUNS >> 1]!;
      results.push({
        name: 'sync-push-1000',
        unit: 'rows/s',
        value: perSecond(pushed.rows, pushed.totalMs),
        baseline: perSecond(naive.rows, naive.totalMs),
        note:
          `pushOutbox of 1000 queued observations through sync_push (supabase-js), median of ${PUSH_RUNS} runs (${pushes.map((r) => perSecond(r.rows, r.totalMs)).join(', ')} rows/s), ${pushed.calls} batches of ≤ ${DEFAULT_BATCH} (pipelined: one IndexedDB transaction records the answer for one batch and takes the next while a batch is on its way), with 100k observations on the server; ` +
          `${Math.round((pushed.transportMs / pushed.totalMs) * 100)}% of the time waiting on the transport; ` +
          `baseline: one POST /rest/v1/observations per row from the same page, one after the other (goal ≥ 10× and ≥ 5000 rows/s)`,
      });
      step('pushed', t0);
      return results;
    } finally {
      await browser?.close();
      await served?.close();
      await stack?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
