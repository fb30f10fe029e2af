import type { OutboxEntry, SyncDatabase, WritableTable } from './db.ts';
import { inFlightUpTo, isSent } from './in-flight.ts';
import { validateRecord, type FieldError } from './validate.ts';

/** What every write needs, passed in so tests control time and ids. */
export interface WriteContext {
  db: SyncDatabase;
  newId: () => string;
  now: () => Date;
}

/** A write the device refused before saving anything: which fields, and why. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.key}`).join(', '));
  }
}

type Values = Record<string, unknown>;

function tableOf(ctx: WriteContext, table: WritableTable) {
  return ctx.db.table<Values & { id: string; version?: number }, string>(table);
}

/** The next position in this device's outbox (call inside the write transaction). */
export async function nextSeq(db: SyncDatabase): Promise<number> {
  return ((await db.outbox.orderBy('seq').last())?.seq ?? 0) + 1;
}

/**
 * The newest outbox entry of a record that has never been sent. An entry that was sent once may
 * already be applied (its answer lost): the server would skip it as a duplicate, so nothing may
 * be folded into it any more.
 */
async function unsentEntryFor(ctx: WriteContext, table: WritableTable, id: string) {
  const entries = await ctx.db.outbox.where('[table+record_id]').equals([table, id]).sortBy('seq');
  const last = entries.at(-1);
  return last && !isSent(last, await inFlightUpTo(ctx.db)) ? last : undefined;
}

/**
 * Saves a new record and its outbox entry in one transaction (strict durability): either both are
 * on disk, or neither is. Returns the record id (client-generated, UUID v7).
 */
export async function insertRecord(
  ctx: WriteContext,
  table: WritableTable,
  input: Values,
): Promise<string> {
  const errors = validateRecord(table, input, 'insert');
  if (errors.length) throw new ValidationError(errors);
  const id = typeof input.id === 'string' ? input.id : ctx.newId();
  const now = ctx.now().toISOString();
  const values = { ...input };
  delete values.id;
  await ctx.db.transaction(
    'rw',
    [tableOf(ctx, table), ctx.db.outbox, ctx.db.sync_state],
    async () => {
      await tableOf(ctx, table).add({
        ...values,
        id,
        version: 0,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
      const entry: OutboxEntry = {
        id: ctx.newId(),
        seq: await nextSeq(ctx.db),
        table,
        op: 'insert',
        record_id: id,
        values,
        status: 'pending',
        attempts: 0,
        created_at: now,
      };
      await ctx.db.outbox.add(entry);
    },
  );
  return id;
}

/**
 * Changes fields of a record. Only fields whose value really changes are sent, with the version
 * they were changed on; a change to a record whose earlier change has not left the device yet is
 * folded into that entry.
 */
export async function updateRecord(
  ctx: WriteContext,
  table: WritableTable,
  id: string,
  changes: Values,
): Promise<void> {
  await ctx.db.transaction(
    'rw',
    [tableOf(ctx, table), ctx.db.outbox, ctx.db.sync_state],
    async () => {
      const current = await tableOf(ctx, table).get(id);
      if (!current) throw new ValidationError([{ field: 'id', key: 'not_found' }]);
      if (current.deleted_at) throw new ValidationError([{ field: 'id', key: 'deleted' }]);
      const diff: Values = {};
      for (const [k, v] of Object.entries(changes)) {
        if (JSON.stringify(current[k]) !== JSON.stringify(v)) diff[k] = v;
      }
      if (!Object.keys(diff).length) return;
      const errors = validateRecord(table, { ...current, ...diff }, 'update');
      if (errors.length) throw new ValidationError(errors);
      const now = ctx.now().toISOString();
      await tableOf(ctx, table).put({ ...current, ...diff, updated_at: now });
      const previous = Object.fromEntries(
        [...Object.keys(diff), 'updated_at'].map((k) => [k, current[k]]),
      );
      const pending = await unsentEntryFor(ctx, table, id);
      if (pending && pending.op !== 'delete') {
        await ctx.db.outbox.update(pending.id, {
          values: { ...pending.values, ...diff },
          // the oldest value of each field is the one to go back to
          ...(pending.op === 'update' ? { previous: { ...previous, ...pending.previous } } : {}),
        });
        return;
      }
      await ctx.db.outbox.add({
        id: ctx.newId(),
        seq: await nextSeq(ctx.db),
        table,
        op: 'update',
        record_id: id,
        values: diff,
        previous,
        base_version: current.version,
        status: 'pending',
        attempts: 0,
        created_at: now,
      });
    },
  );
}

/** Deletes a record as a tombstone: it disappears here now, and on every device after sync. */
export async function deleteRecord(
  ctx: WriteContext,
  table: WritableTable,
  id: string,
): Promise<void> {
  await ctx.db.transaction(
    'rw',
    [tableOf(ctx, table), ctx.db.outbox, ctx.db.sync_state],
    async () => {
      const current = await tableOf(ctx, table).get(id);
      if (!current || current.deleted_at) return;
      const now = ctx.now().toISOString();
      await tableOf(ctx, table).put({ ...current, deleted_at: now, updated_at: now });
      await ctx.db.outbox.add({
        id: ctx.newId(),
        seq: await nextSeq(ctx.db),
        table,
        op: 'delete',
        record_id: id,
        values: {},
        previous: { deleted_at: null },
        base_version: current.version,
        status: 'pending',
        attempts: 0,
        created_at: now,
      });
    },
  );
}
