import Dexie from 'dexie';
import type { OutboxEntry, SyncDatabase } from './db.ts';
import { IN_FLIGHT, inFlightUpTo } from './in-flight.ts';
import type { RunnerOptions } from './runner.ts';
import type { PushMutation, PushResult } from './transport.ts';

type Row = Record<string, unknown>;

/**
 * After a crash or a killed tab, entries that were on their way are sent again: the server skips
 * what it already applied, so a resend is harmless. They count as tried once, so nothing is
 * folded into them. (Entries marked "sending" one by one, as earlier versions did, too.)
 */
export async function recoverOutbox(db: SyncDatabase): Promise<number> {
  return db.transaction('rw', db.outbox, db.sync_state, async () => {
    const upTo = await inFlightUpTo(db);
    let recovered = await db.outbox.where('status').equals('sending').modify({ status: 'pending' });
    if (upTo !== undefined) {
      recovered += await db.outbox
        .where('[status+seq]')
        .between(['pending', Dexie.minKey], ['pending', upTo], true, true)
        .modify((e) => {
          e.attempts += 1;
        });
      await db.sync_state.delete(IN_FLIGHT);
    }
    return recovered;
  });
}

/**
 * After the server refused a change, the record shows what the server has again: the fields the
 * change set go back to their earlier values, unless the person changed them once more since.
 * (The refused change itself stays in the outbox, with its reason.)
 */
async function restoreServerValues(db: SyncDatabase, entry: OutboxEntry): Promise<void> {
  const table = db.table<Row, string>(entry.table);
  const row = await table.get(entry.record_id);
  if (!row || !entry.previous) return;
  const later = await db.outbox
    .where('[table+record_id]')
    .equals([entry.table, entry.record_id])
    .filter((e) => e.seq > entry.seq && e.status !== 'rejected')
    .toArray();
  const touchedLater = new Set(later.flatMap((e) => Object.keys(e.values)));
  const restored: Row = { ...row };
  for (const [k, v] of Object.entries(entry.previous)) if (!touchedLater.has(k)) restored[k] = v;
  await table.put(restored);
}

/**
 * Mutations per sync_push call unless the runner is told otherwise: as many as the server takes.
 * Measured in Chromium against the local stack (`npm run bench -- sync`), 1,000 queued
 * observations went out fastest in batches of 500: each request costs more than its rows, and
 * with one mark per batch taking a batch is cheap, so a smaller first batch gained nothing.
 */
export const DEFAULT_BATCH = 500;
/** The largest batch sync_push accepts. */
export const MAX_BATCH = 500;
/** A batch stops growing at about this many bytes of JSON, so one request stays small. */
export const MAX_BATCH_BYTES = 512 * 1024;

function toMutation(e: OutboxEntry): PushMutation {
  return {
    id: e.id,
    table: e.table,
    op: e.op,
    record_id: e.record_id,
    values: e.values,
    ...(e.base_version !== undefined ? { base_version: e.base_version } : {}),
  };
}

/**
 * Takes the next batch (inside the caller's transaction, with sync_state) and marks it as on its
 * way: the oldest pending entries after those already on their way, up to `size` of them and
 * about `maxBytes` of JSON (always at least one).
 */
async function takeBatch(
  db: SyncDatabase,
  size: number,
  maxBytes: number,
): Promise<{ entries: OutboxEntry[]; mutations: PushMutation[] }> {
  const upTo = await inFlightUpTo(db);
  const pending = await db.outbox
    .where('[status+seq]')
    .between(['pending', upTo ?? Dexie.minKey], ['pending', Dexie.maxKey], upTo === undefined)
    .limit(size)
    .toArray();
  const entries: OutboxEntry[] = [];
  const mutations: PushMutation[] = [];
  let bytes = 0;
  for (const e of pending) {
    const m = toMutation(e);
    bytes += JSON.stringify(m).length;
    if (entries.length && bytes > maxBytes) break;
    entries.push(e);
    mutations.push(m);
  }
  if (entries.length) await db.sync_state.put({ key: IN_FLIGHT, value: entries.at(-1)!.seq });
  return { entries, mutations };
}

interface Outcome {
  done: string[];
  keep: OutboxEntry[];
  applied: number;
  rejected: number;
  /** Mutations the server did not answer for: they go back to pending. */
  unanswered: number;
}

/** What the server's answer means for each entry of the batch (no I/O). */
function judge(batch: OutboxEntry[], results: PushResult[]): Outcome {
  const byId = new Map(results.map((r) => [r.id, r]));
  const out: Outcome = { done: [], keep: [], applied: 0, rejected: 0, unanswered: 0 };
  for (const entry of batch) {
    const r = byId.get(entry.id);
    if (!r) {
      // The server did not answer for it: try again next round (as tried once).
      out.keep.push({ ...entry, status: 'pending', attempts: entry.attempts + 1 });
      out.unanswered++;
    } else if (r.status === 'applied') {
      out.done.push(entry.id);
      out.applied++;
    } else {
      // Kept, with the reason, for its author to see; it never blocks what comes after.
      out.keep.push({
        ...entry,
        attempts: entry.attempts + 1,
        status: 'rejected',
        error_code: r.code ?? 'rejected',
        error_message: r.message ?? '',
      });
      out.rejected++;
    }
  }
  return out;
}

/**
 * Deletes the entries the server applied (inside the caller's transaction). Their ids (UUID v7)
 * usually follow one another in the outbox: when the key range from the lowest to the highest
 * holds exactly these entries, one range delete replaces one request per entry (in Chromium about
 * 8 ms instead of 40 for 500 entries).
 */
async function deleteApplied(db: SyncDatabase, ids: string[]): Promise<void> {
  if (ids.length < 2) return db.outbox.bulkDelete(ids);
  const sorted = [...ids].sort();
  const range = db.outbox.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
  if ((await range.count()) === sorted.length) await range.delete();
  else await db.outbox.bulkDelete(ids);
}

/** Records the server's answer for a batch (inside the caller's transaction). */
async function settle(db: SyncDatabase, outcome: Outcome): Promise<void> {
  await deleteApplied(db, outcome.done);
  await db.outbox.bulkPut(outcome.keep);
  // Newest first: an older refused change then restores the oldest value of a field.
  const refused = outcome.keep
    .filter((e) => e.status === 'rejected' && e.op !== 'insert')
    .sort((a, b) => b.seq - a.seq);
  for (const entry of refused) await restoreServerValues(db, entry);
}

/**
 * The tables a settle and take touch: the outbox, sync_state (what is on its way), and the records
 * of refused changes.
 */
function settleTables(db: SyncDatabase, outcome: Outcome | undefined) {
  const refused = (outcome?.keep ?? []).filter((e) => e.status === 'rejected' && e.op !== 'insert');
  return [db.outbox, db.sync_state, ...new Set(refused.map((e) => db.table(e.table)))];
}

/**
 * Nothing is on its way any more (inside the caller's transaction). The entries of a request that
 * failed may have reached the server all the same: they count as tried, so nothing is folded into
 * them.
 */
async function unmark(db: SyncDatabase, sent: OutboxEntry[]): Promise<void> {
  if (sent.length)
    await db.outbox.bulkUpdate(
      sent.map((b) => ({ key: b.id, changes: { attempts: b.attempts + 1 } })),
    );
  await db.sync_state.delete(IN_FLIGHT);
}

/**
 * Sends every pending outbox entry, in order, in batches. Returns what the server decided.
 *
 * Pipelined, with one push in flight at a time: while batch k is on its way, one transaction
 * records the answer for batch k−1 and takes (marks as on its way) batch k+1, so batch k+1 leaves
 * as soon as k's answer is in. Order on the server is kept because k+1 is sent only after k was
 * answered; a batch whose push fails goes back to pending together with the one taken after it.
 */
export async function pushOutbox(
  opts: RunnerOptions,
): Promise<{ applied: number; rejected: number }> {
  const { db, transport, clientId } = opts;
  const size = Math.min(opts.batchSize ?? DEFAULT_BATCH, MAX_BATCH);
  const maxBytes = opts.batchBytes ?? MAX_BATCH_BYTES;
  let applied = 0;
  let rejected = 0;
  // What a killed push left on its way counts as tried and is taken again (callers hold the
  // Web Lock, so no other push is running).
  await recoverOutbox(db);
  let batch = await db.transaction('rw', db.outbox, db.sync_state, () =>
    takeBatch(db, size, maxBytes),
  );
  let previous: Outcome | undefined;
  while (batch.entries.length) {
    const answer = transport.push(clientId, batch.mutations);
    const prev = previous;
    const work = db.transaction('rw', settleTables(db, prev), async () => {
      if (prev) await settle(db, prev);
      return takeBatch(db, size, maxBytes);
    });
    // Both finish before anything else happens: never a second push while one is in flight.
    const [sent, taken] = await Promise.allSettled([answer, work]);
    if (sent.status === 'rejected') {
      // The batch may have reached the server; the one taken after it never left. (If recording
      // failed too, the mark stays and recoverOutbox does this on the next round.)
      if (taken.status === 'fulfilled') {
        const tried = batch.entries;
        await db.transaction('rw', db.outbox, db.sync_state, () => unmark(db, tried));
      }
      throw sent.reason;
    }
    if (taken.status === 'rejected') {
      // The answers are not recorded: these entries stay marked as on their way and are sent
      // again after recoverOutbox; the server answers them from its record, without applying
      // them twice.
      throw taken.reason;
    }
    previous = judge(batch.entries, sent.value);
    applied += previous.applied;
    rejected += previous.rejected;
    batch = taken.value;
    if (previous.unanswered) {
      // The round ends here; the batch taken meanwhile never left.
      const last = previous;
      await db.transaction('rw', settleTables(db, last), async () => {
        await settle(db, last);
        await unmark(db, []);
      });
      return { applied, rejected };
    }
  }
  if (previous) {
    const last = previous;
    await db.transaction('rw', settleTables(db, last), async () => {
      await settle(db, last);
      await unmark(db, []);
    });
  }
  return { applied, rejected };
}
