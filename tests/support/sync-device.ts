/**
 * Simulated devices for the sync integration tests: each has its own IndexedDB (fake-indexeddb),
 * client id and clock, and talks to the real local stack through the real supabase-js transport,
 * wrapped in a FaultyTransport. Also: a seeded PRNG, and row snapshots to compare what a device
 * holds with what the server gives that user from scratch.
 */
import { createHash, randomUUID, webcrypto } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type pg from 'pg';
import { createSupabaseTransport } from '../../src/platform/sync-transport.ts';
import {
  SYNCED_TABLES,
  keyOf,
  openSyncDatabase,
  type SyncDatabase,
  type SyncedTable,
} from '../../src/sync/db.ts';
import { makeIdGenerator } from '../../src/sync/ids.ts';
import { syncOnce, type RunnerOptions, type SyncReport } from '../../src/sync/runner.ts';
import { TransportError, type Cursor } from '../../src/sync/transport.ts';
import type { WriteContext } from '../../src/sync/writes.ts';
import { clientAs } from './clients.ts';
import { FaultyTransport, TabKilled, type ServerPush } from './faulty-transport.ts';
import type { TestStack } from './stack-setup.ts';

/** mulberry32: a small, fast, seeded PRNG, so a failing run can be replayed from its seed. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
}

let devices = 0;

export interface DeviceOptions {
  /** Start of the device's clock (ms since epoch); it only moves when told. */
  clock?: number;
  batchSize?: number;
  pullLimit?: number;
  /** A journal of served pushes shared with other devices (see FaultyTransport.served). */
  journal?: ServerPush[];
}

/** One phone or laptop: its own database, client id, clock and (faulty) connection. */
export class Device {
  readonly clientId = randomUUID();
  readonly transport: FaultyTransport;
  readonly ctx: WriteContext & { tick: (ms: number) => void };
  db: SyncDatabase;
  private readonly factory = new IDBFactory();
  private readonly name = `device-${++devices}`;
  private time: number;

  constructor(
    stack: TestStack,
    readonly userId: string,
    private readonly options: DeviceOptions = {},
  ) {
    this.transport = new FaultyTransport(
      createSupabaseTransport(clientAs(stack, userId)),
      options.journal,
    );
    this.db = this.open();
    this.time = options.clock ?? Date.now();
    this.ctx = {
      db: this.db,
      now: () => new Date(this.time),
      newId: makeIdGenerator(
        () => this.time,
        (b) => webcrypto.getRandomValues(b),
      ),
      tick: (ms) => {
        this.time += ms;
      },
    };
  }

  private open(): SyncDatabase {
    return openSyncDatabase({ name: this.name, indexedDB: this.factory, IDBKeyRange });
  }

  /**
   * The app starts again after its tab was killed: the in-memory runner is gone, the database is
   * opened afresh from what IndexedDB committed. The clock (and so the id order) carries on.
   */
  restart(): void {
    this.db.close();
    this.db = this.open();
    this.ctx.db = this.db;
  }

  runner(overrides: Partial<RunnerOptions> = {}): RunnerOptions {
    return {
      db: this.db,
      transport: this.transport,
      clientId: this.clientId,
      now: this.ctx.now,
      batchSize: this.options.batchSize ?? 100,
      pullLimit: this.options.pullLimit ?? 1000,
      ...overrides,
    };
  }

  /** One sync round; TabKilled when the transport killed the tab mid-round. */
  sync(overrides: Partial<RunnerOptions> = {}): Promise<SyncReport | TabKilled> {
    return this.transport.run(() => syncOnce(this.runner(overrides)));
  }

  /** Rounds until one succeeds (at most `max`), as the scheduler's retries would. */
  async syncUntilDone(max = 30): Promise<SyncReport> {
    let last: unknown;
    for (let i = 0; i < max; i++) {
      try {
        const report = await this.sync();
        if (report instanceof TabKilled) {
          this.restart();
          continue;
        }
        return report;
      } catch (e) {
        if (!(e instanceof TransportError) || !e.retryable) throw e;
        last = e;
      }
    }
    throw new Error(`no successful sync round in ${max} tries`, { cause: last });
  }

  /** Ids of a table's rows on the device. */
  async ids(table: SyncedTable): Promise<string[]> {
    return (await this.db.table(table).toCollection().primaryKeys()).map(String);
  }

  close(): void {
    this.db.close();
  }
}

type Row = Record<string, unknown>;

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Row)
        .sort()
        .map((k) => [k, stable((value as Row)[k])]),
    );
  }
  return value;
}

/** Every row on a device, keyed `table:key`, as canonical JSON. */
export async function snapshot(
  db: SyncDatabase,
  tables: readonly SyncedTable[] = SYNCED_TABLES,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of tables) {
    for (const row of (await db.table(t).toArray()) as Row[]) {
      out.set(`${t}:${String(row[keyOf(t)])}`, JSON.stringify(stable(row)));
    }
  }
  return out;
}

/** A checksum of a snapshot: sha-256 over its sorted entries. */
export function checksum(snap: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const key of [...snap.keys()].sort()) hash.update(`${key}=${snap.get(key)}\n`);
  return hash.digest('hex');
}

/** Keys whose rows differ between two snapshots (missing on one side, or different), sorted. */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/**
 * What the server gives a user from scratch, straight from sync_pull (no Dexie, no runner, so it
 * is an independent oracle): every page in order, later versions over earlier ones, tombstones
 * removed. Keyed and encoded like `snapshot`.
 */
export async function serverView(
  stack: TestStack,
  userId: string,
  tables: readonly SyncedTable[] = SYNCED_TABLES,
): Promise<Map<string, string>> {
  const transport = createSupabaseTransport(clientAs(stack, userId));
  const rows = new Map<string, string>();
  let cursor: Cursor | null = null;
  for (;;) {
    const page = await transport.pull(cursor, 1000);
    for (const { table, row } of page.changes) {
      if (!(tables as readonly string[]).includes(table)) continue;
      const key = `${table}:${String(row[keyOf(table as SyncedTable)])}`;
      if (row.deleted_at) rows.delete(key);
      else rows.set(key, JSON.stringify(stable(row)));
    }
    cursor = page.cursor;
    if (!page.has_more) return rows;
  }
}

/**
 * Removes the observations a test made (matched by `where`, with `params`) and their events for
 * good, as the tombstone purge does, so later tests do not download them all again. Run it
 * after the checks: it leaves no tombstones behind for devices that still hold these rows.
 */
export async function purgeObservations(
  pool: pg.Pool,
  where: string,
  params: unknown[],
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local buurtpeil.purging = 'on'`);
    await client.query(
      `delete from public.observation_events
       where observation_id in (select id from public.observations where ${where})`,
      params,
    );
    const { rowCount } = await client.query(
      `delete from public.observations where ${where}`,
      params,
    );
    await client.query('commit');
    return rowCount ?? 0;
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

/** A valid observation as the write API takes it (Centrum unless told otherwise). */
export function observationInput(description: string, extra: Row = {}): Row {
  return {
    category_code: 'schoon.zwerfafval',
    severity: 2,
    description,
    location: '(6.47908,52.72469)',
    ...extra,
  };
}
