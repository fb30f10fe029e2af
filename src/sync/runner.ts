import {
  SYNCED_TABLES,
  keyOf,
  type OutboxEntry,
  type SyncDatabase,
  type SyncedTable,
} from './db.ts';
import { uploadPhotos, type PhotoStorage } from './photos.ts';
import { TransportError, type Cursor, type PullPage, type SyncTransport } from './transport.ts';
import type { WriteContext } from './writes.ts';

export interface RunnerOptions {
  db: SyncDatabase;
  /** Where photos go; without it photos wait on the device. */
  photos?: { storage: PhotoStorage; ctx: WriteContext };
  transport: SyncTransport;
  clientId: string;
  now: () => Date;
  /** Mutations per sync_push call. */
  batchSize?: number;
  /** Rows per sync_pull call. */
  pullLimit?: number;
}

export interface SyncReport {
  pushed: number;
  photos: number;
  rejected: number;
  pulled: number;
  reset: boolean;
}

type Row = Record<string, unknown>;

/**
 * After a crash or a killed tab, entries that were on their way are sent again: the server skips
 * what it already applied, so a resend is harmless.
 */
export async function recoverOutbox(db: SyncDatabase): Promise<number> {
  return db.outbox.where('status').equals('sending').modify({ status: 'pending' });
}

/** Sends every pending outbox entry, in order, in batches. Returns what the server decided. */
export async function pushOutbox(
  opts: RunnerOptions,
): Promise<{ applied: number; rejected: number }> {
  const { db, transport, clientId } = opts;
  const size = opts.batchSize ?? 100;
  let applied = 0;
  let rejected = 0;
  for (;;) {
    // Take a batch and mark it as on its way, in one transaction.
    const batch = await db.transaction('rw', db.outbox, async () => {
      const pending = await db.outbox.where('status').equals('pending').sortBy('id');
      const take = pending.slice(0, size);
      for (const e of take)
        await db.outbox.update(e.id, { status: 'sending', attempts: e.attempts + 1 });
      return take;
    });
    if (!batch.length) return { applied, rejected };
    let results;
    try {
      results = await transport.push(
        clientId,
        batch.map((e) => ({
          id: e.id,
          table: e.table,
          op: e.op,
          record_id: e.record_id,
          values: e.values,
          ...(e.base_version !== undefined ? { base_version: e.base_version } : {}),
        })),
      );
    } catch (e) {
      await db.outbox.bulkUpdate(
        batch.map((b) => ({ key: b.id, changes: { status: 'pending' as const } })),
      );
      throw e;
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    await db.transaction('rw', db.outbox, async () => {
      for (const entry of batch) {
        const r = byId.get(entry.id);
        if (!r) {
          // The server did not answer for it: try again next time.
          await db.outbox.update(entry.id, { status: 'pending' });
        } else if (r.status === 'applied') {
          await db.outbox.delete(entry.id);
          applied++;
        } else {
          // Kept, with the reason, for its author to see; it never blocks what comes after.
          await db.outbox.update(entry.id, {
            status: 'rejected',
            error_code: r.code ?? 'rejected',
            error_message: r.message ?? '',
          });
          rejected++;
        }
      }
    });
  }
}

async function getState<T>(db: SyncDatabase, key: string): Promise<T | undefined> {
  return (await db.sync_state.get(key))?.value as T | undefined;
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Local changes not yet confirmed by the server, per record, folded in order. */
async function unconfirmed(db: SyncDatabase): Promise<Map<string, OutboxEntry[]>> {
  const open = await db.outbox.where('status').anyOf('pending', 'sending').sortBy('id');
  const map = new Map<string, OutboxEntry[]>();
  for (const e of open) {
    const k = `${e.table}:${e.record_id}`;
    const list = map.get(k);
    if (list) list.push(e);
    else map.set(k, [e]);
  }
  return map;
}

/**
 * Writes one pulled page in one transaction: rows put, tombstones removed, and local changes that
 * have not reached the server yet laid over the server's row so the person keeps seeing them.
 */
async function applyPage(db: SyncDatabase, page: PullPage, now: Date): Promise<void> {
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.sync_state];
  await db.transaction('rw', tables, async () => {
    const local = await unconfirmed(db);
    const puts = new Map<SyncedTable, Row[]>();
    const deletes = new Map<SyncedTable, string[]>();
    for (const { table, row } of page.changes) {
      if (!(SYNCED_TABLES as readonly string[]).includes(table)) continue;
      const t = table as SyncedTable;
      const key = String(row[keyOf(t)]);
      if (row.deleted_at) {
        listIn(deletes, t).push(key);
        continue;
      }
      const mine = local.get(`${t}:${key}`);
      let merged: Row = row;
      if (mine?.some((e) => e.op === 'delete')) continue;
      if (mine) for (const e of mine) merged = { ...merged, ...e.values };
      listIn(puts, t).push(merged);
    }
    for (const [t, rows] of puts) await db.table(t).bulkPut(rows);
    for (const [t, keys] of deletes) await db.table(t).bulkDelete(keys);
    await db.sync_state.bulkPut([
      { key: 'cursor', value: page.cursor },
      { key: 'last_pull_at', value: now.toISOString() },
      ...(page.access !== undefined ? [{ key: 'access', value: page.access }] : []),
    ]);
  });
}

/**
 * Starts over: every synced row goes, except records with changes still on their way (those stay,
 * so nothing a person entered is lost), and the next pull downloads everything again.
 */
export async function resetLocalData(db: SyncDatabase): Promise<void> {
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.sync_state];
  await db.transaction('rw', tables, async () => {
    const keep = await unconfirmed(db);
    for (const t of SYNCED_TABLES) {
      const rows = (await db.table(t).toArray()) as Row[];
      const gone = rows.map((r) => String(r[keyOf(t)])).filter((k) => !keep.has(`${t}:${k}`));
      await db.table(t).bulkDelete(gone);
    }
    await db.sync_state.bulkDelete(['cursor', 'access']);
  });
}

/** Pulls until caught up. A reset_required answer, or changed access rights, start over. */
export async function pullChanges(
  opts: RunnerOptions,
): Promise<{ pulled: number; reset: boolean }> {
  const { db, transport } = opts;
  const limit = opts.pullLimit ?? 1000;
  let pulled = 0;
  let reset = false;
  let cursor = (await getState<Cursor | null>(db, 'cursor')) ?? null;
  const knownAccess = await getState<string>(db, 'access');
  for (let round = 0; ; round++) {
    const page = await transport.pull(cursor, limit);
    const accessChanged =
      round === 0 &&
      cursor !== null &&
      page.access != null &&
      knownAccess != null &&
      page.access !== knownAccess;
    if ((page.reset_required || accessChanged) && !reset) {
      await resetLocalData(db);
      reset = true;
      cursor = null;
      continue;
    }
    await applyPage(db, page, opts.now());
    pulled += page.changes.length;
    cursor = page.cursor;
    if (!page.has_more) return { pulled, reset };
  }
}

/**
 * One full round: recover, push everything, pull until caught up, then upload photos whose rows
 * the server now has and push the "uploaded" marks. A photo that fails to upload does not hold up
 * the data: the error is recorded and the next round tries again.
 */
export async function syncOnce(opts: RunnerOptions): Promise<SyncReport> {
  await recoverOutbox(opts.db);
  try {
    const first = await pushOutbox(opts);
    const { pulled, reset } = await pullChanges(opts);
    let photos = 0;
    let pushed = first.applied;
    let rejected = first.rejected;
    if (opts.photos) {
      photos = await uploadPhotos(opts.photos.ctx, opts.photos.storage);
      if (photos) {
        const marks = await pushOutbox(opts);
        pushed += marks.applied;
        rejected += marks.rejected;
      }
    }
    await opts.db.sync_state.bulkPut([
      { key: 'last_sync_at', value: opts.now().toISOString() },
      { key: 'last_error', value: null },
    ]);
    return { pushed, rejected, pulled, reset, photos };
  } catch (e) {
    await opts.db.sync_state.put({
      key: 'last_error',
      value: {
        at: opts.now().toISOString(),
        message: e instanceof Error ? e.message : String(e),
        retryable: e instanceof TransportError ? e.retryable : true,
      },
    });
    throw e;
  }
}
