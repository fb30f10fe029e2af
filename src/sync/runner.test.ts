import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeServer } from './fake-server.ts';
import { IN_FLIGHT, inFlightUpTo } from './in-flight.ts';
import { pullChanges, pushOutbox, recoverOutbox, syncOnce } from './runner.ts';
import { testContext, testDatabase } from './testing.ts';
import { TransportError } from './transport.ts';
import { deleteRecord, insertRecord, updateRecord, ValidationError } from './writes.ts';

const POINT = '(6.47908,52.72469)';
const observation = (description: string) => ({
  category_code: 'schoon.zwerfafval',
  severity: 2,
  description,
  location: POINT,
});

function setup() {
  const db = testDatabase();
  const ctx = testContext(db);
  const server = new FakeServer();
  const opts = { db, transport: server.transport(), clientId: 'c1', now: ctx.now, batchSize: 3 };
  return { db, ctx, server, opts };
}

describe('writes', () => {
  it('saves the record and its outbox entry together', async () => {
    const { db, ctx } = setup();
    const id = await insertRecord(ctx, 'observations', observation('zwerfafval'));
    expect(await db.observations.get(id)).toMatchObject({ description: 'zwerfafval', version: 0 });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ op: 'insert', record_id: id, status: 'pending', attempts: 0 }),
    ]);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const { db, ctx } = setup();
    const bad = { ...observation('x'), severity: 9, location: 'ergens' };
    await expect(insertRecord(ctx, 'observations', bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(insertRecord(ctx, 'observations', bad)).rejects.toMatchObject({
      errors: [
        { field: 'severity', key: 'severity_range' },
        { field: 'location', key: 'location_required' },
      ],
    });
    expect(await db.observations.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls the record back when the outbox write fails (no half-written record)', async () => {
    const { db, ctx } = setup();
    const first = await insertRecord(ctx, 'observations', observation('eerste'));
    // Reusing a record id makes the record's add fail inside the transaction.
    await expect(
      insertRecord(ctx, 'observations', { ...observation('dubbel'), id: first }),
    ).rejects.toThrow();
    expect(await db.observations.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends only changed fields, folded into a pending entry', async () => {
    const { db, ctx } = setup();
    const id = await insertRecord(ctx, 'observations', observation('a'));
    await updateRecord(ctx, 'observations', id, { severity: 4, description: 'a' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ op: 'insert', values: expect.objectContaining({ severity: 4 }) });
    expect(await db.outbox.count()).toBe(1);
  });

  it('makes a separate update once the insert is on its way', async () => {
    const { db, ctx } = setup();
    const id = await insertRecord(ctx, 'observations', observation('a'));
    await db.outbox.toCollection().modify({ status: 'sending' });
    await updateRecord(ctx, 'observations', id, { severity: 5 });
    const entries = await db.outbox.orderBy('id').toArray();
    expect(entries.map((e) => [e.op, e.values])).toEqual([
      ['insert', expect.anything()],
      ['update', { severity: 5 }],
    ]);
  });

  it('makes a separate update once the insert is marked as on its way by a push', async () => {
    const { db, ctx } = setup();
    const id = await insertRecord(ctx, 'observations', observation('a'));
    const [insert] = await db.outbox.toArray();
    await db.sync_state.put({ key: IN_FLIGHT, value: insert!.seq });
    await updateRecord(ctx, 'observations', id, { severity: 5 });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => [e.op, e.values])).toEqual([
      ['insert', expect.objectContaining({ severity: 2 })],
      ['update', { severity: 5 }],
    ]);
  });

  it('deletes as a tombstone', async () => {
    const { db, ctx } = setup();
    const id = await insertRecord(ctx, 'observations', observation('weg'));
    await deleteRecord(ctx, 'observations', id);
    expect((await db.observations.get(id))?.deleted_at).toBeTruthy();
    expect((await db.outbox.orderBy('id').last())?.op).toBe('delete');
  });
});

describe('runner', () => {
  it('pushes in batches, pulls back, and empties the outbox', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 7; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    const report = await syncOnce(opts);
    expect(report).toMatchObject({ pushed: 7, rejected: 0, pulled: 7 });
    expect(await db.outbox.count()).toBe(0);
    expect(server.live('observations')).toHaveLength(7);
    expect((await db.observations.toArray()).every((o) => o.version === 1)).toBe(true);
  });

  it('puts a batch back to pending when the network fails, and sends it later', async () => {
    const { db, ctx, server, opts } = setup();
    await insertRecord(ctx, 'observations', observation('later'));
    server.failNext = 1;
    await expect(syncOnce(opts)).rejects.toBeInstanceOf(TransportError);
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1 }),
    ]);
    expect((await db.sync_state.get('last_error'))?.value).toMatchObject({ retryable: true });
    await syncOnce(opts);
    expect(server.live('observations')).toHaveLength(1);
  });

  it('applies a batch once when the answer is lost after the server committed', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 3; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    server.dropAckNext = 1;
    await expect(syncOnce(opts)).rejects.toThrow(/after commit/);
    await syncOnce(opts);
    expect(server.live('observations')).toHaveLength(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a change made after a lost answer, instead of folding it into the sent insert', async () => {
    const { ctx, server, opts } = setup();
    const id = await insertRecord(ctx, 'observations', observation('a'));
    server.dropAckNext = 1;
    await expect(syncOnce(opts)).rejects.toThrow();
    await updateRecord(ctx, 'observations', id, { severity: 5 });
    await syncOnce(opts);
    expect(server.rows.get(`observations:${id}`)).toMatchObject({ severity: 5 });
  });

  it('drops only the records that moved out of sight, keeping the rest and unsent work', async () => {
    const { db, ctx, server, opts } = setup();
    const a = await insertRecord(ctx, 'observations', observation('blijft'));
    const b = await insertRecord(ctx, 'observations', observation('verhuist'));
    await syncOnce(opts);
    await insertRecord(ctx, 'observations', observation('nog niet verstuurd'));
    server.moveOutOfSight('observations', b);
    await pullChanges(opts);
    const left = (await db.observations.toArray()).map((o) => o.description).sort();
    expect(left).toEqual(['blijft', 'nog niet verstuurd']);
    expect(await db.observations.get(a)).toBeDefined();
  });

  it('shows the oldest value again when two changes to one field are both refused', async () => {
    const { db, ctx, server, opts } = setup();
    const id = await insertRecord(ctx, 'observations', observation('v0'));
    await syncOnce(opts);
    await updateRecord(ctx, 'observations', id, { description: 'v1' });
    await db.outbox.toCollection().modify({ attempts: 1 }); // tried once: the next edit is separate
    await updateRecord(ctx, 'observations', id, { description: 'v2' });
    server.reject = (m) => (m.op === 'update' ? 'not_allowed' : undefined);
    await syncOnce(opts);
    expect((await db.observations.get(id))?.description).toBe('v0');
  });

  it('keeps a rejected mutation with its reason and lets the rest through', async () => {
    const { db, ctx, server, opts } = setup();
    await insertRecord(ctx, 'observations', observation('goed'));
    const poison = await insertRecord(ctx, 'observations', observation('gif'));
    await insertRecord(ctx, 'observations', observation('ook goed'));
    server.reject = (m) => (m.record_id === poison ? 'outside_municipality' : undefined);
    const report = await syncOnce(opts);
    expect(report).toMatchObject({ pushed: 2, rejected: 1 });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        record_id: poison,
        status: 'rejected',
        error_code: 'outside_municipality',
      }),
    ]);
  });

  it('after any mix of applied and refused entries, the outbox holds exactly the refused ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 0, maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        async (first, second, batchSize) => {
          const { db, ctx, server, opts } = setup();
          const refused = new Set<string>();
          // Two rounds, so refused entries of the first lie between entries of the second.
          for (const round of [first, second]) {
            const ids: string[] = [];
            for (const bad of round) {
              const id = await insertRecord(ctx, 'observations', observation('x'));
              ids.push(id);
              if (bad) refused.add(id);
            }
            server.reject = (m) => (refused.has(m.record_id) ? 'outside_municipality' : undefined);
            await pushOutbox({ ...opts, batchSize });
          }
          const left = await db.outbox.toArray();
          expect(left.map((e) => e.record_id).sort()).toEqual([...refused].sort());
          expect(left.every((e) => e.status === 'rejected')).toBe(true);
        },
      ),
      { numRuns: 60, seed: 20261126 },
    );
  });

  it('never has two pushes in flight, and sends every entry once, in order', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 11; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    const order = (await db.outbox.orderBy('seq').toArray()).map((e) => e.id);
    const inner = server.transport();
    const sent: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const transport = {
      ...inner,
      async push(clientId: string, mutations: Parameters<typeof inner.push>[1]) {
        most = Math.max(most, ++inFlight);
        sent.push(mutations.map((m) => m.id));
        // Give the runner's own IndexedDB work every chance to overlap this push.
        await new Promise((r) => setTimeout(r, 5));
        try {
          return await inner.push(clientId, mutations);
        } finally {
          inFlight--;
        }
      },
    };
    expect(await pushOutbox({ ...opts, transport })).toEqual({ applied: 11, rejected: 0 });
    expect(most).toBe(1);
    expect(sent.map((b) => b.length)).toEqual([3, 3, 3, 2]);
    expect(sent.flat()).toEqual(order);
    expect(await db.outbox.count()).toBe(0);
  });

  it('puts the batch taken during a failed push back to pending as well', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 8; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    const inner = server.transport();
    let calls = 0;
    const transport = {
      ...inner,
      push: (clientId: string, mutations: Parameters<typeof inner.push>[1]) =>
        ++calls === 2
          ? Promise.reject(new TransportError('network down', true, 0))
          : inner.push(clientId, mutations),
    };
    await expect(pushOutbox({ ...opts, transport })).rejects.toBeInstanceOf(TransportError);
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(5);
    expect(left.every((e) => e.status === 'pending')).toBe(true);
    expect(server.live('observations')).toHaveLength(3);
    await pushOutbox(opts);
    expect(server.live('observations')).toHaveLength(8);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a batch within its byte budget, but always sends at least one entry', async () => {
    for (const [budget, expected] of [
      [2.5, [2, 2, 2]],
      [0.1, [1, 1, 1, 1, 1, 1]],
    ] as const) {
      const { db, ctx, server, opts } = setup();
      for (let i = 0; i < 6; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
      const { id, table, op, record_id, values } = (await db.outbox.toArray())[0]!;
      const one = JSON.stringify({ id, table, op, record_id, values }).length;
      const inner = server.transport();
      const sizes: number[] = [];
      const transport = {
        ...inner,
        push: (clientId: string, mutations: Parameters<typeof inner.push>[1]) => {
          sizes.push(mutations.length);
          return inner.push(clientId, mutations);
        },
      };
      await pushOutbox({ ...opts, transport, batchSize: 10, batchBytes: budget * one });
      expect(sizes).toEqual(expected);
      expect(server.live('observations')).toHaveLength(6);
    }
  });

  it('marks a batch on its way with one record, not by rewriting its entries', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 5; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    const inner = server.transport();
    const seen: { upTo: number | undefined; entries: { status: string; attempts: number }[] }[] =
      [];
    const transport = {
      ...inner,
      push: async (clientId: string, mutations: Parameters<typeof inner.push>[1]) => {
        const entries = await db.outbox.orderBy('seq').toArray();
        seen.push({
          upTo: await inFlightUpTo(db),
          entries: entries.map(({ status, attempts }) => ({ status, attempts })),
        });
        return inner.push(clientId, mutations);
      },
    };
    await pushOutbox({ ...opts, transport, batchSize: 2 });
    // While the first batch (seq 1–2) is on its way, the second (3–4) may already be taken.
    expect(seen[0]!.upTo).toBeGreaterThanOrEqual(2);
    expect(seen[0]!.entries.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
    expect(await inFlightUpTo(db)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(server.live('observations')).toHaveLength(5);
  });

  it('after a killed push, counts the marked entries as tried and sends them again', async () => {
    const { db, ctx, server, opts } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await insertRecord(ctx, 'observations', observation(`#${i}`)));
    // The push took the first two, then the tab died.
    await db.sync_state.put({ key: IN_FLIGHT, value: 2 });
    expect(await recoverOutbox(db)).toBe(2);
    expect(await inFlightUpTo(db)).toBeUndefined();
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.attempts)).toEqual([1, 1, 0]);
    // A change to a record that may already be on the server is an entry of its own.
    await updateRecord(ctx, 'observations', ids[0]!, { severity: 5 });
    await updateRecord(ctx, 'observations', ids[2]!, { severity: 5 });
    expect(await db.outbox.count()).toBe(4);
    await pushOutbox(opts);
    expect(server.live('observations').map((r) => r.severity)).toEqual([5, 2, 5]);
  });

  it('a push that finds a mark left by a killed one starts by recovering it', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 3; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    await db.sync_state.put({ key: IN_FLIGHT, value: 2 });
    await pushOutbox(opts);
    expect(server.live('observations')).toHaveLength(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends entries that a killed tab left "sending" again after a restart', async () => {
    const { db, ctx, server, opts } = setup();
    await insertRecord(ctx, 'observations', observation('half'));
    await db.outbox.toCollection().modify({ status: 'sending' });
    expect(await recoverOutbox(db)).toBe(1);
    await pushOutbox(opts);
    expect(server.live('observations')).toHaveLength(1);
  });

  it('shows local changes over pulled rows until the server has them', async () => {
    const { db, ctx, server, opts } = setup();
    const id = await insertRecord(ctx, 'observations', observation('a'));
    await syncOnce(opts);
    await updateRecord(ctx, 'observations', id, { severity: 5 });
    // Someone else changes the description meanwhile; a pull before our push must not undo ours.
    server.rows.get(`observations:${id}`)!.description = 'b';
    await server.transport().push('other', [
      {
        id: 'm-other',
        table: 'observations',
        op: 'update',
        record_id: id,
        values: { description: 'b' },
      },
    ]);
    await pullChanges(opts);
    expect(await db.observations.get(id)).toMatchObject({ severity: 5, description: 'b' });
    await syncOnce(opts);
    expect(server.rows.get(`observations:${id}`)).toMatchObject({ severity: 5, description: 'b' });
  });

  it('starts over when access changes, without losing unsent work', async () => {
    const { db, ctx, server, opts } = setup();
    for (let i = 0; i < 3; i++) await insertRecord(ctx, 'observations', observation(`#${i}`));
    await syncOnce(opts);
    const unsent = await insertRecord(ctx, 'observations', observation('nog niet verstuurd'));
    server.revokeAll();
    const result = await pullChanges(opts);
    expect(result.reset).toBe(true);
    expect((await db.observations.toArray()).map((o) => o.id)).toEqual([unsent]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('never loses or doubles a mutation, whatever the faults (property)', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), text: fc.string({ maxLength: 20 }) }),
      fc.record({
        kind: fc.constant('update' as const),
        pick: fc.nat(),
        severity: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('sync' as const),
        fail: fc.boolean(),
        dropAck: fc.boolean(),
        kill: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const { db, ctx, server, opts } = setup();
        const created: string[] = [];
        const deleted = new Set<string>();
        const severity = new Map<string, number>();
        for (const o of ops) {
          ctx.tick(1000);
          if (o.kind === 'insert') {
            const id = await insertRecord(ctx, 'observations', observation(o.text));
            created.push(id);
            severity.set(id, 2);
          } else if (o.kind === 'update' && created.length) {
            const id = created[o.pick % created.length]!;
            if (deleted.has(id)) continue;
            await updateRecord(ctx, 'observations', id, { severity: o.severity });
            severity.set(id, o.severity);
          } else if (o.kind === 'delete' && created.length) {
            const id = created[o.pick % created.length]!;
            await deleteRecord(ctx, 'observations', id);
            deleted.add(id);
          } else if (o.kind === 'sync') {
            server.failNext = o.fail ? 1 : 0;
            server.dropAckNext = o.dropAck ? 1 : 0;
            if (o.kill)
              await db.outbox.where('status').equals('pending').modify({ status: 'sending' });
            await syncOnce(opts).catch(() => undefined);
          }
        }
        server.failNext = 0;
        server.dropAckNext = 0;
        await syncOnce(opts);
        await syncOnce(opts);
        expect(await db.outbox.count()).toBe(0);
        const alive = created.filter((id) => !deleted.has(id));
        expect(
          server
            .live('observations')
            .map((r) => r.id)
            .sort(),
        ).toEqual([...alive].sort());
        for (const id of alive)
          expect(server.rows.get(`observations:${id}`)?.severity).toBe(severity.get(id));
        const local = (await db.observations.toArray()).filter((r) => !r.deleted_at);
        expect(local.map((r) => r.id).sort()).toEqual([...alive].sort());
      }),
      { numRuns: 200 },
    );
    // 200 runs of up to 40 steps each in fake IndexedDB: ~2 s alone, much more on a busy machine.
  }, 60_000);
});
