/**
 * The browser half of the sync benchmark (tests/bench/sync.bench.ts): the real sync core, running
 * in Chromium's IndexedDB against the local stack. Each function returns raw timings; the Node
 * side turns them into figures.
 */
import { createClient } from '@supabase/supabase-js';
import Dexie from 'dexie';
import type { Database } from '../../../src/lib/database.types.ts';
import { createSupabaseTransport } from '../../../src/platform/sync-transport.ts';
import { SYNCED_TABLES, openSyncDatabase, type OutboxEntry } from '../../../src/sync/db.ts';
import { makeIdGenerator } from '../../../src/sync/ids.ts';
import { pullChanges, pushOutbox } from '../../../src/sync/runner.ts';
import type { PullPage, SyncTransport } from '../../../src/sync/transport.ts';
import { createObservation, type ObservationInput } from '../../../src/sync/records.ts';
import type { WriteContext } from '../../../src/sync/writes.ts';

/** Where the stack is and who the benchmark acts as. */
export interface Target {
  apiUrl: string;
  anonKey: string;
  /** A user access token (the smederij demo user). */
  token: string;
}

/** Milliseconds spent in the transport (network, server, JSON) and in total. */
export interface Timed {
  rows: number;
  totalMs: number;
  transportMs: number;
  calls: number;
}

const newId = makeIdGenerator(
  () => Date.now(),
  (b) => crypto.getRandomValues(b as Uint8Array<ArrayBuffer>),
);

/** A valid observation; `i` varies the text so no two saves are the same. */
function observation(i: number): ObservationInput {
  return {
    category_code: 'schoon.zwerfafval',
    severity: 1 + (i % 5),
    description: `Zwerfafval bij de bushalte, meting ${i}: zakken en blikjes naast de bak`,
    location: '(6.47908,52.72469)',
    accuracy_m: 8,
    neighbourhood_code: 'BU01185000',
  };
}

function context(name: string): WriteContext {
  return { db: openSyncDatabase({ name }), newId, now: () => new Date() };
}

async function fresh(name: string): Promise<void> {
  await Dexie.delete(name);
}

/** The transport, timed, optionally keeping every pulled page. */
function timed(inner: SyncTransport, keep?: PullPage[]): SyncTransport & { stats: Timed } {
  const stats: Timed = { rows: 0, totalMs: 0, transportMs: 0, calls: 0 };
  return {
    stats,
    fetch: (refs) => inner.fetch(refs),
    async push(clientId, mutations) {
      const t0 = performance.now();
      try {
        return await inner.push(clientId, mutations);
      } finally {
        stats.transportMs += performance.now() - t0;
        stats.calls++;
      }
    },
    async pull(cursor, limit) {
      const t0 = performance.now();
      try {
        const page = await inner.pull(cursor, limit);
        keep?.push(page);
        return page;
      } finally {
        stats.transportMs += performance.now() - t0;
        stats.calls++;
      }
    },
  };
}

function supabaseTransport(target: Target): SyncTransport {
  const client = createClient<Database>(target.apiUrl, target.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { Authorization: `Bearer ${target.token}` } },
  });
  return createSupabaseTransport(client);
}

/**
 * Save offline → committed, `n` times through the write API the Save button uses
 * (createObservation without photos: validation, UUID v7 ids, record + outbox entry in one strict
 * transaction), interleaved with the same save as a raw Dexie transaction (record + outbox entry)
 * on a second database of the same schema and durability. Returns milliseconds per save.
 */
async function saves(n: number, warmup: number): Promise<{ api: number[]; raw: number[] }> {
  await fresh('bench-saves');
  await fresh('bench-saves-raw');
  const ctx = context('bench-saves');
  const raw = openSyncDatabase({ name: 'bench-saves-raw' });
  await ctx.db.open();
  await raw.open();
  const api: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    let t0 = performance.now();
    await createObservation(ctx, observation(i));
    if (i >= warmup) api.push(performance.now() - t0);

    t0 = performance.now();
    const at = new Date().toISOString();
    const values = { ...observation(i), observed_at: at, status: 'nieuw' };
    const id = crypto.randomUUID();
    await raw.transaction('rw', raw.observations, raw.outbox, async () => {
      await raw.observations.add({
        ...values,
        id,
        version: 0,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      } as never);
      const entry: OutboxEntry = {
        id: crypto.randomUUID(),
        seq: i + 1,
        table: 'observations',
        op: 'insert',
        record_id: id,
        values,
        status: 'pending',
        attempts: 0,
        created_at: at,
      };
      await raw.outbox.add(entry);
    });
    if (i >= warmup) rawTimes.push(performance.now() - t0);
  }
  ctx.db.close();
  raw.close();
  await fresh('bench-saves');
  await fresh('bench-saves-raw');
  return { api, raw: rawTimes };
}

/**
 * Queues `n` observations (not timed), then times pushOutbox through sync_push (the runner's own
 * batching unless `batchSize` is given).
 */
async function push(
  target: Target,
  n: number,
  batchSize?: number,
): Promise<Timed & { rejected: number }> {
  const name = `bench-push-${n}`;
  await fresh(name);
  const ctx = context(name);
  for (let i = 0; i < n; i++) await createObservation(ctx, observation(i));
  const transport = timed(supabaseTransport(target));
  const t0 = performance.now();
  const { applied, rejected } = await pushOutbox({
    db: ctx.db,
    transport,
    clientId: crypto.randomUUID(),
    now: () => new Date(),
    ...(batchSize ? { batchSize } : {}),
  });
  const totalMs = performance.now() - t0;
  ctx.db.close();
  await fresh(name);
  return { ...transport.stats, rows: applied, rejected, totalMs };
}

/** The naive way: one POST /rest/v1/observations per row, one after the other. */
async function naivePush(target: Target, n: number): Promise<Timed> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${target.apiUrl}/rest/v1/observations`, {
      method: 'POST',
      headers: {
        apikey: target.anonKey,
        Authorization: `Bearer ${target.token}`,
        'Content-Type': 'application/json',
        Prefer: 'return=minimal',
      },
      body: JSON.stringify({ id: crypto.randomUUID(), ...observation(i) }),
    });
    if (!res.ok) throw new Error(`POST observations: ${res.status} ${await res.text()}`);
  }
  const totalMs = performance.now() - t0;
  return { rows: n, totalMs, transportMs: totalMs, calls: n };
}

type Row = Record<string, unknown>;

/** Every observation the user sees, straight from PostgREST in keyset pages (sync columns dropped). */
async function fetchObservations(target: Target, pageSize: number): Promise<Row[][]> {
  const pages: Row[][] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const res = await fetch(
      `${target.apiUrl}/rest/v1/observations?select=*&order=id&id=gt.${after}&limit=${pageSize}`,
      { headers: { apikey: target.anonKey, Authorization: `Bearer ${target.token}` } },
    );
    if (!res.ok) throw new Error(`GET observations: ${res.status} ${await res.text()}`);
    const rows = (await res.json()) as Row[];
    if (!rows.length) return pages;
    for (const r of rows) {
      delete r._txid;
      delete r._seq;
    }
    pages.push(rows);
    after = String(rows.at(-1)!.id);
  }
}

/** Raw bulkPut of the given pages (one call per table per page) into a fresh database. */
async function rawBulkPut(
  name: string,
  pages: { table: string; rows: Row[] }[][],
): Promise<number> {
  await fresh(name);
  const raw = openSyncDatabase({ name });
  await raw.open();
  const t0 = performance.now();
  for (const page of pages)
    for (const { table, rows } of page) await raw.table(table).bulkPut(rows);
  const ms = performance.now() - t0;
  raw.close();
  return ms;
}

/** A pulled page as (table, rows) groups, in the order the tables first appear. */
function byTable(page: PullPage): { table: string; rows: Row[] }[] {
  const known = new Set<string>(SYNCED_TABLES);
  const groups = new Map<string, Row[]>();
  for (const { table, row } of page.changes) {
    if (!known.has(table)) continue;
    let list = groups.get(table);
    if (!list) groups.set(table, (list = []));
    list.push(row);
  }
  return [...groups].map(([table, rows]) => ({ table, rows }));
}

/**
 * Pulls everything into a fresh database through pullChanges, then writes the very same pages
 * with raw bulkPut into another fresh database. When the pull fails, the baseline writes every
 * observation the user sees, fetched through PostgREST, so the run still records it.
 */
async function pull(
  target: Target,
  pullLimit: number,
): Promise<{
  pull: Timed & { error?: string };
  raw: { rows: number; totalMs: number; source: 'pull' | 'rest' };
}> {
  await fresh('bench-pull');
  const pages: PullPage[] = [];
  const db = openSyncDatabase({ name: 'bench-pull' });
  await db.open();
  const transport = timed(supabaseTransport(target), pages);
  let error: string | undefined;
  let rows = 0;
  const t0 = performance.now();
  try {
    ({ pulled: rows } = await pullChanges({
      db,
      transport,
      clientId: crypto.randomUUID(),
      now: () => new Date(),
      pullLimit,
    }));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const totalMs = performance.now() - t0;
  db.close();

  // Both databases are deleted only afterwards, so the baseline does not pay for cleaning up.
  const source = error ? 'rest' : 'pull';
  const rawPages = error
    ? (await fetchObservations(target, pullLimit)).map((r) => [{ table: 'observations', rows: r }])
    : pages.map(byTable);
  const rawRows = rawPages.flat().reduce((n, g) => n + g.rows.length, 0);
  const rawMs = await rawBulkPut('bench-pull-raw', rawPages);
  await fresh('bench-pull');
  await fresh('bench-pull-raw');
  return {
    pull: { ...transport.stats, rows, totalMs, ...(error ? { error } : {}) },
    raw: { rows: rawRows, totalMs: rawMs, source },
  };
}

const api = { saves, push, naivePush, pull };
export type SyncBench = typeof api;
(window as unknown as { syncBench: SyncBench }).syncBench = api;
