/**
 * Fault injection against the real local stack (issue 4): simulated devices (fake-indexeddb, own
 * client id, the real supabase-js transport wrapped in a FaultyTransport) run the real sync
 * runner; what reached the server is checked behind RLS's back with the superuser.
 */
import { randomUUID, webcrypto } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OutboxEntry } from '../../src/sync/db.ts';
import { makeIdGenerator } from '../../src/sync/ids.ts';
import { inFlightUpTo } from '../../src/sync/in-flight.ts';
import { pullChanges } from '../../src/sync/runner.ts';
import { TransportError } from '../../src/sync/transport.ts';
import { deleteRecord, insertRecord, nextSeq, updateRecord } from '../../src/sync/writes.ts';
import { ORG, PLACE, Db, pointText } from '../support/actors.ts';
import { DEMO, clientAs } from '../support/clients.ts';
import {
  Device,
  Rng,
  differences,
  observationInput,
  purgeObservations,
  serverView,
  snapshot,
} from '../support/sync-device.ts';

const stack = inject('stack');
let db: Db;

beforeAll(() => {
  db = new Db(stack);
});
afterAll(async () => {
  await db.end();
});

/** A short random tag, so a test finds its own rows among everything else on the stack. */
const newTag = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

/** Every outbox entry id, so a test knows each mutation the device ever queued. */
async function outboxIds(device: Device): Promise<string[]> {
  return (await device.db.outbox.toCollection().primaryKeys()).map(String);
}

async function serverMutations(clientId: string) {
  return db.query<{ mutation_id: string; status: string; error_code: string | null }>(
    'select mutation_id, status, error_code from public.sync_mutations where client_id = $1',
    [clientId],
  );
}

describe('dropped acknowledgements', () => {
  it('applies every mutation once when each batch loses its answer 1–5 times', async () => {
    const rng = new Rng(4_001);
    const tag = newTag('ack');
    const device = new Device(stack, DEMO.smederij, { batchSize: 20 });
    await device.syncUntilDone();

    // Each batch (known by its first mutation) loses its answer 1–5 times, then gets through.
    const planned = new Map<string, number>();
    const dropped = new Map<string, number>();
    device.transport.decide = (call) => {
      if (call.kind !== 'push') return 'ok';
      const key = call.mutations![0]!.id;
      if (!planned.has(key)) planned.set(key, rng.int(1, 5));
      const done = dropped.get(key) ?? 0;
      if (done >= planned.get(key)!) return 'ok';
      dropped.set(key, done + 1);
      return 'drop-ack';
    };

    // The person keeps working while answers get lost: inserts, edits, deletes and comments.
    const severity = new Map<string, number>();
    const deleted = new Set<string>();
    const comments: string[] = [];
    const queued = new Set<string>();
    let failedRounds = 0;
    for (let round = 0; round < 25; round++) {
      for (let i = rng.int(4, 14); i > 0; i--) {
        device.ctx.tick(1_000);
        const live = [...severity.keys()].filter((id) => !deleted.has(id));
        const r = rng.next();
        if (r < 0.5 || live.length < 3) {
          const id = await insertRecord(
            device.ctx,
            'observations',
            observationInput(`${tag} #${severity.size}`),
          );
          severity.set(id, 2);
        } else if (r < 0.75) {
          const id = rng.pick(live);
          const s = rng.int(1, 5);
          await updateRecord(device.ctx, 'observations', id, { severity: s });
          severity.set(id, s);
        } else if (r < 0.85) {
          const id = rng.pick(live);
          await deleteRecord(device.ctx, 'observations', id);
          deleted.add(id);
        } else {
          const body = `${tag} comment ${comments.length}`;
          await insertRecord(device.ctx, 'observation_events', {
            observation_id: rng.pick(live),
            kind: 'comment',
            body,
          });
          comments.push(body);
        }
      }
      for (const id of await outboxIds(device)) queued.add(id);
      await device.sync().catch((e: unknown) => {
        expect(e).toBeInstanceOf(TransportError);
        failedRounds++;
      });
    }
    for (let i = 0; i < 40 && (await device.db.outbox.count()) > 0; i++) {
      for (const id of await outboxIds(device)) queued.add(id);
      await device.sync().catch(() => failedRounds++);
    }

    expect(await device.db.outbox.toArray()).toEqual([]);
    expect(failedRounds).toBeGreaterThan(25);
    // Every batch lost its answer as often as planned, and the retry was answered as a duplicate.
    expect([...dropped]).toEqual([...planned]);
    const sentBefore = new Set<string>();
    let appliedOnServer = 0;
    for (const served of device.transport.served) {
      for (const r of served.results) {
        expect(r.status).toBe('applied');
        expect(Boolean(r.duplicate)).toBe(sentBefore.has(r.id));
        if (!r.duplicate) appliedOnServer++;
      }
      for (const m of served.mutations) sentBefore.add(m.id);
    }
    expect(appliedOnServer).toBe(queued.size);

    // The server's record of mutations: exactly the device's, each applied once.
    const mutations = await serverMutations(device.clientId);
    expect(mutations.map((m) => m.mutation_id).sort()).toEqual([...queued].sort());
    expect(mutations.every((m) => m.status === 'applied')).toBe(true);

    // Server rows = unique inserts, no duplicates, with the last severity and the tombstones.
    const rows = await db.query<{ id: string; severity: number; gone: boolean; n: number }>(
      `select id, severity, deleted_at is not null as gone,
         count(*) over (partition by description)::int as n
       from public.observations where description like $1`,
      [`${tag} #%`],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...severity.keys()].sort());
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    for (const r of rows) {
      expect({ id: r.id, gone: r.gone }).toEqual({ id: r.id, gone: deleted.has(r.id) });
      expect({ id: r.id, severity: r.severity }).toEqual({
        id: r.id,
        severity: severity.get(r.id),
      });
    }
    const events = await db.query<{ body: string }>(
      'select body from public.observation_events where body like $1',
      [`${tag} comment %`],
    );
    expect(events.map((e) => e.body).sort()).toEqual([...comments].sort());

    // And the device holds exactly what the server gives this user.
    const mine = await snapshot(device.db);
    expect(differences(mine, await serverView(stack, DEMO.smederij))).toEqual([]);
    device.close();
  });
});

describe('a long transaction', () => {
  it('hides nothing from a device that pulls while 1,000 later writes commit around it', async () => {
    const tag = newTag('long');
    const puller = new Device(stack, DEMO.gemeente);
    const writers = [new Device(stack, DEMO.smederij), new Device(stack, DEMO.woonconcept)];
    await puller.syncUntilDone();
    for (const w of writers) await w.syncUntilDone();

    const long = new pg.Client({ connectionString: stack.dbUrl });
    await long.connect();
    const lateId = randomUUID();
    await long.query('begin');
    await long.query(
      `insert into public.observations
         (id, category_code, description, location, created_by, reporter_organisation_id)
       values ($1, 'heel.verlichting', $2, $3, $4, $5)`,
      [lateId, `${tag} late`, pointText(PLACE.krakeel), DEMO.woonconcept, ORG.woonconcept],
    );

    // The puller pulls every 250 ms while the writers commit 1,000 observations; its pages (250
    // rows) end in the middle of the writers' transactions (50 rows each).
    const written: string[] = [];
    let pulls = 0;
    let early: string[] = [];
    let pulling = true;
    const pullLoop = (async () => {
      while (pulling) {
        await pullChanges(puller.runner({ pullLimit: 250 }));
        pulls++;
        const have = new Set(await puller.ids('observations'));
        early = early.concat(written.filter((id) => have.has(id)));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const missing = () =>
      puller
        .ids('observations')
        .then((ids) => new Set(ids))
        .then((have) => [lateId, ...written].filter((id) => !have.has(id)));
    try {
      let committed = false;
      try {
        for (let round = 0; round < 10; round++) {
          for (const [i, w] of writers.entries()) {
            for (let n = 0; n < 50; n++) {
              w.ctx.tick(10);
              written.push(
                await insertRecord(
                  w.ctx,
                  'observations',
                  observationInput(`${tag} w${i} r${round} #${n}`),
                ),
              );
            }
            const report = await w.syncUntilDone();
            expect(report.pushed).toBe(50);
          }
        }
        const [{ n }] = (await db.query<{ n: number }>(
          'select count(*)::int as n from public.observations where description like $1',
          [`${tag} w%`],
        )) as [{ n: number }];
        expect(n).toBe(1_000);
        // Pushing is fast now: let the device pull a few more rounds while the transaction is
        // still open, so "nothing handed out early" is tested on enough pulls to mean something.
        const enough = pulls + 3;
        while (pulls < Math.max(enough, 5)) await new Promise((r) => setTimeout(r, 50));
        // Held back behind the open transaction: handing any of them out could skip the late row.
        expect(early).toEqual([]);
        expect(await puller.db.observations.get(lateId)).toBeUndefined();
        await long.query('commit');
        committed = true;
      } finally {
        if (!committed) await long.query('rollback');
        await long.end();
      }
      // Once it commits, the puller's own rounds bring the late row and all 1,000.
      const deadline = Date.now() + 10_000;
      while ((await missing()).length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      pulling = false;
      await pullLoop;
    }
    expect(pulls).toBeGreaterThanOrEqual(5);
    expect(await missing()).toEqual([]);
    const have = new Set(await puller.ids('observations'));
    const server = await db.query<{ id: string }>(
      `select id from public.observations where deleted_at is null and municipality_code = 'GM0118'`,
    );
    expect([...have].sort()).toEqual(server.map((r) => r.id).sort());
    expect(differences(await snapshot(puller.db), await serverView(stack, DEMO.gemeente))).toEqual(
      [],
    );
    for (const d of [puller, ...writers]) d.close();
    await purgeObservations(db.pool, 'description like $1', [`${tag} %`]);
  });
});

describe('poison mutations', () => {
  /** A mutation written straight into the outbox, past the device's own validation. */
  async function rawEntry(device: Device, entry: Partial<OutboxEntry>): Promise<string> {
    const id = device.ctx.newId();
    const { db: local } = device;
    await local.transaction('rw', local.outbox, async () => {
      await local.outbox.add({
        id,
        seq: await nextSeq(local),
        table: 'observations',
        op: 'update',
        record_id: randomUUID(),
        values: {},
        status: 'pending',
        attempts: 0,
        created_at: device.ctx.now().toISOString(),
        ...entry,
      });
    });
    return id;
  }

  it('rejects each bad mutation with its reason and syncs the rest in the same round', async () => {
    const tag = newTag('poison');
    const smederij = new Device(stack, DEMO.smederij, { batchSize: 3 });
    const tenant = new Device(stack, DEMO.huurder, { batchSize: 2 });

    // Records that are on the server already, for the updates below.
    const synced: string[] = [];
    for (let i = 0; i < 5; i++)
      synced.push(
        await insertRecord(smederij.ctx, 'observations', observationInput(`${tag} basis ${i}`)),
      );
    await smederij.syncUntilDone();
    const [c1, c2, c3, c4, c5] = synced as [string, string, string, string, string];
    // A report this team member cannot see (sensitive, outside their wijken, another organisation).
    const hidden = await db.insert('observations', {
      id: randomUUID(),
      category_code: 'sociaal.zorgsignaal',
      description: `${tag} elders`,
      location: pointText(PLACE.pesse),
      created_by: DEMO.gemeente,
      reporter_organisation_id: ORG.gemeente,
    });

    const expected = new Map<string, string>(); // outbox id → error code
    const lastEntry = async (d: Device) => (await d.db.outbox.orderBy('seq').last())!.id;

    // The team member: good work with poison in between.
    const a = await insertRecord(smederij.ctx, 'observations', observationInput(`${tag} A`));
    await insertRecord(smederij.ctx, 'observations', {
      ...observationInput(`${tag} bestaat al`),
      id: hidden.id,
    });
    expected.set(await lastEntry(smederij), 'duplicate');
    const b = await insertRecord(smederij.ctx, 'observations', observationInput(`${tag} B`));
    expected.set(
      await rawEntry(smederij, { record_id: c1, values: { severity: 9 } }),
      'severity_range',
    );
    await updateRecord(smederij.ctx, 'observations', c2, {
      observed_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expected.set(await lastEntry(smederij), 'observed_in_future');
    expected.set(
      await rawEntry(smederij, { record_id: c3, values: { severity: 'hoog' } }),
      'invalid_value',
    );
    await updateRecord(smederij.ctx, 'observations', c5, {
      assigned_organisation_id: randomUUID(),
    });
    expected.set(await lastEntry(smederij), 'missing_reference');
    expected.set(
      await rawEntry(smederij, { record_id: randomUUID(), values: { severity: 3 } }),
      'not_found',
    );
    await updateRecord(smederij.ctx, 'observations', c4, { severity: 5 });
    const d = await insertRecord(smederij.ctx, 'observations', observationInput(`${tag} D`));

    // The tenant: RLS refuses a sensitive category and a comment (tenants give feedback only).
    const t1 = await insertRecord(tenant.ctx, 'observations', observationInput(`${tag} T1`));
    await insertRecord(tenant.ctx, 'observations', {
      ...observationInput(`${tag} overlast`),
      category_code: 'sociaal.woonoverlast',
    });
    expected.set(await lastEntry(tenant), 'not_allowed');
    await insertRecord(tenant.ctx, 'observation_events', {
      observation_id: t1,
      kind: 'comment',
      body: `${tag} reactie`,
    });
    expected.set(await lastEntry(tenant), 'not_allowed');
    const feedback = await insertRecord(tenant.ctx, 'observation_events', {
      observation_id: t1,
      kind: 'feedback',
      rating: 4,
      body: `${tag} fijn`,
    });
    const t2 = await insertRecord(tenant.ctx, 'observations', observationInput(`${tag} T2`));

    // One round each: everything after the poison still goes through.
    const sReport = await smederij.sync();
    const tReport = await tenant.sync();
    expect(sReport).toMatchObject({ pushed: 4, rejected: 6 });
    expect(tReport).toMatchObject({ pushed: 3, rejected: 2 });

    const serverRows = await db.query<{ id: string; severity: number }>(
      'select id, severity from public.observations where id = any($1)',
      [[a, b, d, c4, t1, t2]],
    );
    expect(serverRows).toHaveLength(6);
    expect(serverRows.find((r) => r.id === c4)?.severity).toBe(5);
    expect(await db.find('observation_events', { id: feedback })).not.toBeNull();

    for (const device of [smederij, tenant]) {
      // On the device: only the rejected entries are left, each with its code and a message.
      const left = await device.db.outbox.toArray();
      const mine = [...expected].filter(([id]) => left.some((e) => e.id === id));
      expect(left.map((e) => [e.id, e.status, e.error_code])).toEqual(
        mine.map(([id, code]) => [id, 'rejected', code]),
      );
      for (const e of left) expect(e.error_message?.length).toBeGreaterThan(10);

      // On the server: the author sees every outcome, nobody else does.
      const author = clientAs(stack, device.userId);
      const { data, error } = await author
        .from('sync_mutations')
        .select('mutation_id, status, error_code, error_message')
        .eq('client_id', device.clientId)
        .eq('status', 'rejected');
      expect(error).toBeNull();
      expect(data!.map((m) => [m.mutation_id, m.error_code]).sort()).toEqual(
        mine.map(([id, code]) => [id, code]).sort(),
      );
      const other = clientAs(stack, DEMO.gemeente);
      const theirs = await other
        .from('sync_mutations')
        .select('mutation_id')
        .eq('client_id', device.clientId);
      expect(theirs.data).toEqual([]);
    }
    smederij.close();
    tenant.close();
  });

  it('shows the server’s record again after the server refused a change to it', async () => {
    const tag = newTag('truth');
    const device = new Device(stack, DEMO.smederij);
    const id = await insertRecord(device.ctx, 'observations', observationInput(`${tag} basis`));
    await device.syncUntilDone();
    // The device does not check observed_at; the server refuses a date in the future.
    await updateRecord(device.ctx, 'observations', id, {
      observed_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      severity: 4,
    });
    const report = await device.syncUntilDone();
    expect(report.rejected).toBe(1);
    const view = await serverView(stack, DEMO.smederij, ['observations']);
    const local = await snapshot(device.db, ['observations']);
    // The refused change stays in the outbox for its author; the record shows what is saved.
    expect(local.get(`observations:${id}`)).toBe(view.get(`observations:${id}`));
    device.close();
  });
});

describe('permission churn', () => {
  it('removes what a team member may no longer see and keeps their unsent work', async () => {
    const tag = newTag('churn');
    const userId = await db.user({
      role: 'smederij',
      organisationId: ORG.smederijen,
      neighbourhoods: ['WK011850', 'WK011851'],
    });
    // Sensitive reports by the municipality: visible to this team member through the wijken only.
    const inKinholt = await db.insert('observations', {
      id: randomUUID(),
      category_code: 'sociaal.zorgsignaal',
      description: `${tag} kinholt`,
      location: pointText(PLACE.kinholt),
      created_by: DEMO.gemeente,
      reporter_organisation_id: ORG.gemeente,
    });
    const comment = await db.insert('observation_events', {
      id: randomUUID(),
      observation_id: inKinholt.id,
      kind: 'comment',
      body: `${tag} opgepakt`,
      created_by: DEMO.gemeente,
    });
    const inCentrum = await db.insert('observations', {
      id: randomUUID(),
      category_code: 'sociaal.zorgsignaal',
      description: `${tag} centrum`,
      location: pointText(PLACE.centrum),
      created_by: DEMO.gemeente,
      reporter_organisation_id: ORG.gemeente,
    });
    // Not sensitive, in a wijk the team member keeps: theirs to edit before and after.
    const open = await db.insert('observations', {
      id: randomUUID(),
      category_code: 'schoon.zwerfafval',
      description: `${tag} open`,
      location: pointText(PLACE.krakeel),
      created_by: DEMO.gemeente,
      reporter_organisation_id: ORG.gemeente,
    });

    const device = new Device(stack, userId);
    await device.syncUntilDone();
    for (const id of [inKinholt.id, inCentrum.id, open.id])
      expect(await device.db.observations.get(String(id))).toBeDefined();
    expect(await device.db.observation_events.get(String(comment.id))).toBeDefined();

    await db.query(
      `delete from public.profile_neighbourhoods where profile_id = $1 and neighbourhood_code = 'WK011851'`,
      [userId],
    );
    // The next round. Between its push and its pull the person saves two things, so the pull that
    // notices the new access finds unsent work: a new report in Kinholt and an edit.
    let mine = '';
    let saved = false;
    device.transport.before = async (call) => {
      if (call.kind !== 'pull' || saved) return;
      saved = true;
      mine = await insertRecord(device.ctx, 'observations', {
        ...observationInput(`${tag} eigen`),
        location: pointText(PLACE.kinholt),
        category_code: 'sociaal.zorgsignaal',
      });
      await updateRecord(device.ctx, 'observations', String(open.id), { severity: 5 });
    };
    const report = await device.sync();
    expect(report).toMatchObject({ pushed: 0, reset: true });
    device.transport.before = () => undefined;

    const onDevice = await snapshot(device.db);
    const server = await serverView(stack, userId);
    // Only the unsent work differs from what the server now gives this user from scratch.
    expect(differences(onDevice, server)).toEqual(
      [`observations:${mine}`, `observations:${String(open.id)}`].sort(),
    );
    expect(await device.db.observations.get(String(inKinholt.id))).toBeUndefined();
    expect(await device.db.observation_events.get(String(comment.id))).toBeUndefined();
    expect(await device.db.observations.get(String(inCentrum.id))).toBeDefined();
    expect(await device.db.observations.get(mine)).toMatchObject({ description: `${tag} eigen` });
    expect(await device.db.observations.get(String(open.id))).toMatchObject({ severity: 5 });
    expect((await device.db.outbox.toArray()).map((e) => e.status)).toEqual(['pending', 'pending']);

    await device.syncUntilDone();
    expect(await device.db.outbox.count()).toBe(0);
    expect(differences(await snapshot(device.db), await serverView(stack, userId))).toEqual([]);
    expect(await db.find('observations', { id: mine })).toMatchObject({ created_by: userId });
    expect(await db.find('observations', { id: open.id })).toMatchObject({ severity: 5 });
    device.close();
  });

  it('removes a tenant’s shared reports of a buurt they no longer belong to', async () => {
    const userId = await db.user({
      role: 'huurder',
      organisationId: ORG.shdh,
      neighbourhoods: ['WK011850'],
    });
    const device = new Device(stack, userId);
    await device.syncUntilDone();
    const shared = (await device.db.observations.toArray()).filter((o) => o.shared);
    expect(shared.length).toBeGreaterThan(0);

    await db.query('delete from public.profile_neighbourhoods where profile_id = $1', [userId]);
    expect(await device.syncUntilDone()).toMatchObject({ reset: true });
    expect((await device.db.observations.toArray()).filter((o) => o.shared)).toEqual([]);
    expect((await device.db.observation_events.toArray()).filter((e) => e.shared)).toEqual([]);
    expect(differences(await snapshot(device.db), await serverView(stack, userId))).toEqual([]);
    device.close();
  });

  it('removes a record from a device once the record itself moves out of the user’s sight', async () => {
    const tag = newTag('moved');
    const corporatie = await db.user({ role: 'corporatie', organisationId: ORG.woonconcept });
    const team = await db.user({
      role: 'smederij',
      organisationId: ORG.smederijen,
      neighbourhoods: ['WK011851'],
    });
    const sensitive = (extra: Record<string, unknown>) =>
      db.insert('observations', {
        id: randomUUID(),
        category_code: 'sociaal.zorgsignaal',
        description: `${tag} ${JSON.stringify(extra)}`,
        location: pointText(PLACE.kinholt),
        created_by: DEMO.gemeente,
        reporter_organisation_id: ORG.gemeente,
        ...extra,
      });
    // Seen by the corporation because it is assigned to it; by the team because of the wijk.
    const assigned = await sensitive({ assigned_organisation_id: ORG.woonconcept });
    const inWijk = await sensitive({});
    const open = await db.insert('observations', {
      id: randomUUID(),
      category_code: 'schoon.zwerfafval',
      description: `${tag} open`,
      location: pointText(PLACE.kinholt),
      created_by: DEMO.gemeente,
      reporter_organisation_id: ORG.gemeente,
    });
    const devices = [new Device(stack, corporatie), new Device(stack, team)];
    for (const d of devices) await d.syncUntilDone();
    expect(await devices[0]!.db.observations.get(String(assigned.id))).toBeDefined();
    expect(await devices[0]!.db.observations.get(String(open.id))).toBeDefined();
    expect(await devices[1]!.db.observations.get(String(inWijk.id))).toBeDefined();

    // The municipality reassigns one, moves one to Pesse, and marks one as a care concern.
    const gemeente = new Device(stack, DEMO.gemeente);
    await gemeente.syncUntilDone();
    await updateRecord(gemeente.ctx, 'observations', String(assigned.id), {
      assigned_organisation_id: ORG.domesta,
    });
    await updateRecord(gemeente.ctx, 'observations', String(inWijk.id), {
      location: pointText(PLACE.pesse),
    });
    await updateRecord(gemeente.ctx, 'observations', String(open.id), {
      category_code: 'sociaal.zorgsignaal',
    });
    expect(await gemeente.syncUntilDone()).toMatchObject({ pushed: 3, rejected: 0 });

    const stale: Record<string, string[]> = {};
    for (const [name, d] of [
      ['corporatie', devices[0]!],
      ['team', devices[1]!],
    ] as const) {
      await d.syncUntilDone();
      stale[name] = differences(await snapshot(d.db), await serverView(stack, d.userId));
    }
    // No tombstone reaches a device for a row RLS now hides: the pull must still clear it.
    expect(stale).toEqual({ corporatie: [], team: [] });
    for (const d of [...devices, gemeente]) d.close();
  });
});

describe('an incomplete answer', () => {
  it('ends the round when the server answers for none of a batch, and keeps it pending', async () => {
    const device = new Device(stack, DEMO.smederij);
    await insertRecord(device.ctx, 'observations', observationInput(newTag('unanswered')));
    // Answers without results for the first 20 pushes, then goes offline so a loop cannot hang.
    let pushes = 0;
    device.transport.decide = (call) => {
      if (call.kind !== 'push') return 'ok';
      return ++pushes <= 20 ? 'unanswered' : 'offline';
    };
    await device.sync().catch(() => undefined);
    // The batch goes back to pending; taking it again in the same round would loop for ever.
    expect(pushes).toBeLessThanOrEqual(2);
    expect(await device.db.outbox.toArray()).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    device.close();
  });
});

describe('a clock that goes back', () => {
  it('keeps the outbox in the order things were done across a restart', async () => {
    const tag = newTag('clock');
    const device = new Device(stack, DEMO.smederij);
    const id = await insertRecord(device.ctx, 'observations', observationInput(`${tag} eerst`));
    // Offline: the insert was tried once, so later edits are no longer folded into it.
    device.transport.online = false;
    await expect(device.sync()).rejects.toBeInstanceOf(TransportError);
    device.transport.online = true;

    // The phone's clock is corrected back an hour, and the app starts again.
    device.restart();
    device.ctx.tick(-3_600_000);
    device.ctx.newId = makeIdGenerator(
      () => device.ctx.now().getTime(),
      (b) => webcrypto.getRandomValues(b),
    );
    await updateRecord(device.ctx, 'observations', id, { severity: 5 });

    const report = await device.syncUntilDone();
    expect(report).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await device.db.outbox.count()).toBe(0);
    expect(await db.find('observations', { id })).toMatchObject({ severity: 5 });
    device.close();
  });
});

describe('a tab killed mid-batch', () => {
  it('sends the batch again after the restart, and the server applies it once', async () => {
    const tag = newTag('kill');
    for (const when of ['kill-before', 'kill-after'] as const) {
      const device = new Device(stack, DEMO.smederij, { batchSize: 10 });
      const ids: string[] = [];
      for (let i = 0; i < 25; i++)
        ids.push(
          await insertRecord(device.ctx, 'observations', observationInput(`${tag} ${when} ${i}`)),
        );
      let calls = 0;
      device.transport.decide = (call) => (call.kind === 'push' && ++calls === 2 ? when : 'ok');
      expect(await device.sync()).toBeInstanceOf(Error);
      // What IndexedDB holds after the kill: the first batch gone, the second on its way, and the
      // third already taken (marked) while the second was in flight, but never sent.
      const left = await device.db.outbox.toArray();
      const upTo = await inFlightUpTo(device.db);
      expect(left).toHaveLength(15);
      expect(left.every((e) => e.status === 'pending' && e.seq <= upTo!)).toBe(true);
      device.restart();
      await device.syncUntilDone();
      expect(await device.db.outbox.count()).toBe(0);
      const rows = await db.query<{ n: number }>(
        'select count(*)::int as n from public.observations where id = any($1)',
        [ids],
      );
      expect(rows[0]!.n).toBe(25);
      expect(await serverMutations(device.clientId)).toHaveLength(25);
      device.close();
    }
  });
});
