import {
  SYNCED_TABLES,
  keyOf,
  type OutboxEntry,
  type SyncDatabase,
  type SyncedTable,
} from './db.ts';
import { forgetPhotos, uploadPhotos, type PhotoStorage } from './photos.ts';
import { pushOutbox } from './push.ts';
import { TransportError, type Cursor, type PullPage, type SyncTransport } from './transport.ts';
import type { WriteContext } from './writes.ts';

export { DEFAULT_BATCH, MAX_BATCH, MAX_BATCH_BYTES, pushOutbox, recoverOutbox } from './push.ts';

export interface RunnerOptions {
  db: SyncDatabase;
  /** Where photos go; without it photos wait on the device. */
  photos?: { storage: PhotoStorage; ctx: WriteContext };
  transport: SyncTransport;
  clientId: string;
  now: () => Date;
  /** The most mutations per sync_push call (default DEFAULT_BATCH, at most MAX_BATCH). */
  batchSize?: number;
  /** About the most bytes of JSON per sync_push call (at least one mutation is always sent). */
  batchBytes?: number;
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
  const open = await db.outbox.where('status').anyOf('pending', 'sending').sortBy('seq');
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
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.photos, db.sync_state];
  await db.transaction('rw', tables, async () => {
    await writeRows(db, page.changes, now);
    await db.sync_state.bulkPut([
      { key: 'cursor', value: page.cursor },
      { key: 'last_pull_at', value: now.toISOString() },
      ...(page.access !== undefined ? [{ key: 'access', value: page.access }] : []),
    ]);
  });
}

/**
 * Puts server rows (inside the caller's transaction), with unsent local changes laid over them.
 * Deleted attachments take their photo bytes off the device too.
 */
async function writeRows(db: SyncDatabase, changes: PullPage['changes'], now: Date): Promise<void> {
  {
    const local = await unconfirmed(db);
    const stale: OutboxEntry[] = [];
    const puts = new Map<SyncedTable, Row[]>();
    const deletes = new Map<SyncedTable, string[]>();
    for (const { table, row } of changes) {
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
      if (mine) {
        for (const e of mine) {
          merged = { ...merged, ...e.values };
          // What the server has for these fields now: shown again if the change is refused.
          if (e.op === 'update') {
            const server = Object.fromEntries(
              [...Object.keys(e.values), 'updated_at'].map((k) => [k, row[k]]),
            );
            stale.push({ ...e, previous: { ...e.previous, ...server } });
          }
        }
      }
      listIn(puts, t).push(merged);
    }
    for (const [t, rows] of puts) await db.table(t).bulkPut(rows);
    if (stale.length) await db.outbox.bulkPut(stale);
    for (const [t, keys] of deletes) await db.table(t).bulkDelete(keys);
    await forgetPhotos(db, deletes.get('attachments') ?? [], now);
  }
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

/**
 * Records this device holds that the page marks as moved (another buurt, a sensitive category,
 * another corporation) are fetched again: what comes back is put, what does not is no longer the
 * user's to see and leaves the device (an observation with its history and photos). Unsent
 * changes of the person stay.
 */
async function applyMoves(
  db: SyncDatabase,
  transport: SyncTransport,
  page: PullPage,
  now: Date,
): Promise<void> {
  const refs: { table: SyncedTable; id: string }[] = [];
  for (const { table, row } of page.changes) {
    if (table !== 'moved') continue;
    const t = row.table as SyncedTable;
    if (
      (SYNCED_TABLES as readonly string[]).includes(t) &&
      (await db.table(t).get(String(row.id)))
    ) {
      refs.push({ table: t, id: String(row.id) });
    }
  }
  if (!refs.length) return;
  const rows = await transport.fetch(refs);
  const back = new Set(rows.map((r) => `${r.table}:${String(r.row.id)}`));
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.photos];
  await db.transaction('rw', tables, async () => {
    await writeRows(db, rows, now);
    const keep = await unconfirmed(db);
    const photos: string[] = [];
    for (const { table, id } of refs) {
      if (back.has(`${table}:${id}`) || keep.has(`${table}:${id}`)) continue;
      await db.table(table).delete(id);
      if (table === 'attachments') photos.push(id);
      if (table === 'observations') {
        await db.observation_events.where('observation_id').equals(id).delete();
        const attached = db.attachments
          .where('[record_table+record_id]')
          .equals(['observations', id]);
        photos.push(...((await attached.primaryKeys()) as string[]));
        await attached.delete();
      }
      if (table === 'garden_projects') {
        // A tenant's own reactions go with the project; unsent ones stay until they are sent.
        await db.garden_project_events
          .where('garden_project_id')
          .equals(id)
          .filter((e) => !keep.has(`garden_project_events:${e.id}`))
          .delete();
      }
    }
    await forgetPhotos(db, photos, now);
  });
}

/**
 * Photos waiting to upload whose attachment row is not on the device: moved out of sight, purged
 * while the device was away, or just not pulled yet (a pull only returns rows older than every
 * open transaction). The server is asked by id: a live row is put back so the upload can go; a
 * deleted or unseen one takes its photo off the device, with the reason shown.
 */
async function checkOrphanPhotos(db: SyncDatabase, transport: SyncTransport, now: Date) {
  const ids: string[] = [];
  for (const photo of await db.photos.where('uploaded').equals(0).toArray()) {
    const sending = await db.outbox
      .where('[table+record_id]')
      .equals(['attachments', photo.id])
      .filter((e) => e.op === 'insert')
      .count();
    if (!sending && !(await db.attachments.get(photo.id))) ids.push(photo.id);
  }
  if (!ids.length) return;
  const rows = await transport.fetch(ids.map((id) => ({ table: 'attachments', id })));
  const back = new Set(rows.map((r) => String(r.row.id)));
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.photos];
  await db.transaction('rw', tables, async () => {
    await writeRows(db, rows, now);
    await forgetPhotos(
      db,
      ids.filter((id) => !back.has(id)),
      now,
    );
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
  // One page ahead: while a page is written to the device, the next one is on its way. The cursor
  // on the device still moves only with the page it belongs to.
  let coming = ahead(transport.pull(cursor, limit));
  for (let round = 0; ; round++) {
    const page = await coming;
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
      coming = ahead(transport.pull(cursor, limit));
      continue;
    }
    // A page that moves rows fetches them first: a later page asked for before that could carry
    // an older version of such a row than the one fetched.
    const moves = page.changes.some((c) => c.table === 'moved');
    if (page.has_more && !moves) coming = ahead(transport.pull(page.cursor, limit));
    await applyPage(db, page, opts.now());
    await applyMoves(db, transport, page, opts.now());
    if (page.has_more && moves) coming = ahead(transport.pull(page.cursor, limit));
    pulled += page.changes.length;
    cursor = page.cursor;
    if (!page.has_more) return { pulled, reset };
  }
}

/**
 * A request started before its answer is awaited: when the caller gives up first (a page failed
 * to apply), its failure must not surface as an unhandled rejection.
 */
function ahead<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {});
  return request;
}

/**
 * One full round: recover, push everything, pull until caught up, then upload photos whose rows
 * the server now has and push the "uploaded" marks. A photo that fails to upload does not hold up
 * the data: the error is recorded and the next round tries again.
 */
export async function syncOnce(opts: RunnerOptions): Promise<SyncReport> {
  try {
    const first = await pushOutbox(opts);
    const { pulled, reset } = await pullChanges(opts);
    let photos = 0;
    let pushed = first.applied;
    let rejected = first.rejected;
    if (opts.photos) {
      await checkOrphanPhotos(opts.db, opts.transport, opts.now());
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
