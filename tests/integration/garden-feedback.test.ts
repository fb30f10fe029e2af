/**
 * Tenant feedback on garden projects (garden_project_events): who may react and read what, that
 * reactions are append-only, validated and stamped by the server, reach the server exactly once
 * through sync_push when an answer is lost, and take part in audit, data subject requests and the
 * tombstone purge. Real stack; what happened is checked as superuser.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addGardenFeedback } from '../../src/sync/records.ts';
import { TransportError } from '../../src/sync/transport.ts';
import {
  Api,
  Db,
  ORG,
  PLACE,
  USER,
  errorOf,
  pointText,
  type Place,
  type Row,
} from '../support/actors.ts';
import { Device } from '../support/sync-device.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
afterAll(() => db.end());

const garden = (place: Place) =>
  db.insert('garden_projects', {
    id: randomUUID(),
    corporation_id: ORG.woonconcept,
    title: `Tuin ${randomUUID().slice(0, 8)}`,
    location: pointText(place),
    created_by: USER.woonconcept,
  });
const tenantOf = (wijk: string) =>
  db.user({ role: 'huurder', organisationId: ORG.shdh, neighbourhoods: [wijk] });
const rowsOf = (res: { body: unknown }) => res.body as Row[];
const post = (who: Parameters<Api['request']>[0], row: Row) =>
  api.request(who, 'POST', 'garden_project_events', { body: row, prefer: 'return=minimal' });

let centrum: Row;
let pesse: Row;
let tenant: string;
let neighbour: string;
let stranger: string;
beforeAll(async () => {
  centrum = await garden(PLACE.centrum);
  pesse = await garden(PLACE.pesse);
  tenant = await tenantOf('WK011850');
  neighbour = await tenantOf('WK011850');
  // A tenant of Pesse's wijk: not of Centrum.
  stranger = await tenantOf('WK011860');
});

describe('as a tenant', () => {
  it('gives feedback on a project of their buurt; the server stamps author, role and organisation', async () => {
    const row = {
      id: randomUUID(),
      garden_project_id: centrum.id,
      kind: 'feedback',
      thumb: 1,
      rating: 5,
      body: 'Veel mooier zo!',
      // forged: the server decides these
      created_by: neighbour,
      author_role: 'gemeente',
      organisation_id: ORG.gemeente,
      municipality_code: 'GM0118',
    };
    const res = await post({ userId: tenant }, row);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await db.find('garden_project_events', { id: row.id })).toMatchObject({
      created_by: tenant,
      author_role: 'huurder',
      organisation_id: ORG.shdh,
      thumb: 1,
      rating: 5,
      body: 'Veel mooier zo!',
      version: 1,
    });
  });

  it('reads back only their own reactions, never anyone else’s', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    expect(
      (
        await post(
          { userId: tenant },
          { id: mine, garden_project_id: centrum.id, kind: 'feedback', rating: 3 },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await post(
          { userId: neighbour },
          {
            id: theirs,
            garden_project_id: centrum.id,
            kind: 'feedback',
            thumb: -1,
            body: 'Jammer',
          },
        )
      ).status,
    ).toBe(201);
    await db.insert('garden_project_events', {
      id: randomUUID(),
      garden_project_id: centrum.id,
      kind: 'comment',
      body: 'Wordt bijgeplant',
      created_by: USER.woonconcept,
      author_role: 'corporatie',
    });
    const res = await api.request(
      { userId: tenant },
      'GET',
      `garden_project_events?garden_project_id=eq.${String(centrum.id)}`,
    );
    expect(res.status).toBe(200);
    const rows = rowsOf(res);
    expect(rows.map((r) => r.id)).toContain(mine);
    expect(rows.every((r) => r.created_by === tenant)).toBe(true);
  });

  it('cannot comment as a professional would, nor react to a project outside their buurt', async () => {
    const attempts: [string, Row][] = [
      [tenant, { garden_project_id: centrum.id, kind: 'comment', body: 'Mag ik dit zeggen?' }],
      [tenant, { garden_project_id: pesse.id, kind: 'feedback', thumb: 1 }],
      // a tenant of another buurt, on the Centrum project
      [stranger, { garden_project_id: centrum.id, kind: 'feedback', thumb: 1 }],
    ];
    for (const [who, attempt] of attempts) {
      const row = { id: randomUUID(), ...attempt };
      const res = await post({ userId: who }, row);
      expect(res.status).toBe(403);
      expect(errorOf(res)).toMatchObject({
        code: '42501',
        message: 'new row violates row-level security policy for table "garden_project_events"',
      });
      expect(await db.find('garden_project_events', { id: row.id })).toBeNull();
    }
    // and sees neither the project nor its reactions
    const seen = await api.request(
      { userId: stranger },
      'GET',
      `garden_project_events?garden_project_id=eq.${String(centrum.id)}`,
    );
    expect(seen).toMatchObject({ status: 200, body: [] });
  });

  it('is told in Dutch what is wrong with bad feedback, and nothing is saved', async () => {
    const cases: [Row, string, string][] = [
      [{}, 'feedback_needs_rating', 'Geef een duim omhoog of omlaag, of een cijfer van 1 tot 5.'],
      [{ rating: 6 }, 'rating_range', 'Het cijfer moet tussen 1 en 5 liggen.'],
      [{ thumb: 2 }, 'thumb_value', 'Een duim is omhoog (1) of omlaag (-1).'],
      [
        { thumb: 1, body: 'x'.repeat(2001) },
        'body_too_long',
        'De tekst is te lang: gebruik hoogstens 2000 tekens.',
      ],
    ];
    for (const [bad, hint, message] of cases) {
      const row = { id: randomUUID(), garden_project_id: centrum.id, kind: 'feedback', ...bad };
      const res = await post({ userId: tenant }, row);
      expect(res.status, hint).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: '23514', hint, message });
      expect(await db.find('garden_project_events', { id: row.id })).toBeNull();
    }
    const ok = {
      id: randomUUID(),
      garden_project_id: centrum.id,
      kind: 'feedback',
      thumb: -1,
      body: 'x'.repeat(2000),
    };
    expect((await post({ userId: tenant }, ok)).status).toBe(201);
  });

  it('cannot react to a deleted project', async () => {
    const gone = await garden(PLACE.centrum);
    await db.query('update public.garden_projects set deleted_at = now() where id = $1', [gone.id]);
    const row = { id: randomUUID(), garden_project_id: gone.id, kind: 'feedback', thumb: 1 };
    const res = await post({ userId: tenant }, row);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: '23514', hint: 'garden_project_deleted' });
  });
});

describe('as a professional', () => {
  it('reads every reaction to a project it sees, and comments, but gives no tenant feedback', async () => {
    const project = await garden(PLACE.pesse);
    for (const thumb of [1, -1]) {
      await db.insert('garden_project_events', {
        id: randomUUID(),
        garden_project_id: project.id,
        kind: 'feedback',
        thumb,
        created_by: stranger,
        author_role: 'huurder',
      });
    }
    for (const who of ['smederij', 'corporatie', 'gemeente'] as const) {
      const res = await api.request(
        who,
        'GET',
        `garden_project_events?garden_project_id=eq.${String(project.id)}&kind=eq.feedback&select=thumb`,
      );
      expect(res.status).toBe(200);
      expect(
        rowsOf(res)
          .map((r) => r.thumb)
          .sort(),
      ).toEqual([-1, 1]);
      const comment = {
        id: randomUUID(),
        garden_project_id: project.id,
        kind: 'comment',
        body: `Gezien (${who})`,
      };
      expect((await post(who, comment)).status).toBe(201);
      const feedback = {
        id: randomUUID(),
        garden_project_id: project.id,
        kind: 'feedback',
        thumb: 1,
      };
      const refused = await post(who, feedback);
      expect(refused.status).toBe(403);
      expect(await db.find('garden_project_events', { id: feedback.id })).toBeNull();
    }
  });
});

describe('append-only', () => {
  it('nobody changes or deletes a reaction: not the author, not the service role, not the owner', async () => {
    const id = randomUUID();
    await post(
      { userId: tenant },
      { id, garden_project_id: centrum.id, kind: 'feedback', thumb: 1, body: 'Eerst' },
    );
    const before = await db.find('garden_project_events', { id });
    const path = `garden_project_events?id=eq.${id}`;
    for (const who of [{ userId: tenant }, 'gemeente'] as const) {
      const patched = await api.request(who, 'PATCH', path, {
        body: { body: 'Later' },
        prefer: 'return=representation',
      });
      expect(patched).toMatchObject({ status: 200, body: [] });
      const deleted = await api.request(who, 'DELETE', path, { prefer: 'return=representation' });
      expect(deleted).toMatchObject({ status: 200, body: [] });
    }
    const service = await api.request('service_role', 'PATCH', path, { body: { body: 'Later' } });
    expect(service.status).toBe(400);
    expect(errorOf(service)).toMatchObject({ code: '23514', hint: 'event_immutable' });
    const hard = await api.request('service_role', 'DELETE', path);
    expect(hard.status).toBe(403);
    expect(errorOf(hard)).toMatchObject({ code: '42501', hint: 'no_hard_delete' });
    // through sync_push too: an update is refused and recorded for its author
    const client = randomUUID();
    const push = await api.rpc({ userId: tenant }, 'sync_push', {
      client_id: client,
      mutations: [
        {
          id: randomUUID(),
          table: 'garden_project_events',
          op: 'update',
          record_id: id,
          values: { body: 'Later' },
        },
        {
          id: randomUUID(),
          table: 'garden_project_events',
          op: 'delete',
          record_id: id,
          values: {},
        },
      ],
    });
    expect(push.status).toBe(200);
    const results = (push.body as { results: Row[] }).results;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await db.find('garden_project_events', { id })).toEqual(before);
    expect(await db.auditCount(id)).toBe(1);
  });
});

describe('sync', () => {
  it('sends a reaction made offline exactly once when the first answer is lost, and pulls it back', async () => {
    const who = await tenantOf('WK011850');
    const device = new Device(stack, who);
    await device.syncUntilDone();
    expect(await device.db.garden_projects.get(String(centrum.id))).toBeTruthy();

    const body = `Offline ${randomUUID().slice(0, 8)}`;
    const id = await addGardenFeedback(device.ctx, {
      garden_project_id: String(centrum.id),
      kind: 'feedback',
      body,
      thumb: 1,
      rating: 4,
    });
    let dropped = 0;
    device.transport.decide = (call) =>
      call.kind === 'push' && dropped++ === 0 ? 'drop-ack' : 'ok';
    await expect(device.sync()).rejects.toBeInstanceOf(TransportError);
    expect(await device.db.outbox.count()).toBe(1);
    await device.syncUntilDone();

    expect(await device.db.outbox.count()).toBe(0);
    const served = device.transport.served.filter((s) =>
      s.mutations.some((m) => m.record_id === id),
    );
    expect(served.map((s) => s.results.map((r) => Boolean(r.duplicate)))).toEqual([
      [false],
      [true],
    ]);
    const rows = await db.query('select * from public.garden_project_events where body = $1', [
      body,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      created_by: who,
      author_role: 'huurder',
      thumb: 1,
      rating: 4,
    });
    const mutations = await db.query(
      'select status from public.sync_mutations where client_id = $1 and record_id = $2',
      [device.clientId, id],
    );
    expect(mutations).toEqual([{ status: 'applied' }]);
    // the device holds the server's row (stamped author), and only its own reactions
    expect(await device.db.garden_project_events.get(id)).toMatchObject({
      created_by: who,
      version: 1,
    });
    const onDevice = await device.db.garden_project_events.toArray();
    expect(onDevice.every((e) => e.created_by === who)).toBe(true);
  });

  it('sync_fetch returns reactions the caller may see, and nothing else', async () => {
    const id = randomUUID();
    await post(
      { userId: tenant },
      { id, garden_project_id: centrum.id, kind: 'feedback', thumb: 1 },
    );
    const refs = [{ table: 'garden_project_events', id }];
    const mine = await api.rpc({ userId: tenant }, 'sync_fetch', { refs });
    expect((mine.body as { rows: Row[] }).rows).toHaveLength(1);
    const other = await api.rpc({ userId: neighbour }, 'sync_fetch', { refs });
    expect((other.body as { rows: Row[] }).rows).toEqual([]);
  });
});

describe('audit, data subject requests and purge', () => {
  it('is audited, exported and erased (text and author go, thumb and grade stay)', async () => {
    const person = await tenantOf('WK011850');
    const id = randomUUID();
    await post(
      { userId: person },
      {
        id,
        garden_project_id: centrum.id,
        kind: 'feedback',
        thumb: -1,
        rating: 2,
        body: 'Te weinig groen',
      },
    );
    const [audit] = await db.query<{ actor: string; changes: Row }>(
      `select actor, changes from public.audit_log where table_name = 'garden_project_events' and record_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({ actor: person, changes: { body: 'Te weinig groen', thumb: -1 } });

    const exported = await api.rpc('gemeente', 'dsr_export', { person });
    expect(exported.status).toBe(200);
    const records = (exported.body as { records: Record<string, Row[]> }).records;
    expect(records.garden_project_events?.map((r) => r.id)).toEqual([id]);

    const erased = await api.rpc('gemeente', 'dsr_erase', { person });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await db.find('garden_project_events', { id })).toMatchObject({
      body: '',
      created_by: null,
      thumb: -1,
      rating: 2,
    });
    const log = await db.query<{ actor: string | null; changes: Row }>(
      `select actor, changes from public.audit_log where table_name = 'garden_project_events' and record_id = $1 order by id`,
      [id],
    );
    expect(JSON.stringify(log)).not.toContain('Te weinig groen');
    expect(JSON.stringify(log)).not.toContain(person);
  });

  it('keeps a deleted project while reactions point at it (the purge does not fail)', async () => {
    const project = await garden(PLACE.centrum);
    await db.insert('garden_project_events', {
      id: randomUUID(),
      garden_project_id: project.id,
      kind: 'feedback',
      thumb: 1,
      created_by: tenant,
    });
    await db.query(`update public.garden_projects set deleted_at = '2000-01-01' where id = $1`, [
      project.id,
    ]);
    // Only tombstones older than 2001 qualify, so nothing of other tests is purged.
    const [purged] = await db.query<{ n: number }>(
      `select private.purge_tombstones(now() - timestamptz '2001-01-01') as n`,
    );
    expect(purged?.n).toBe(0);
    expect(await db.find('garden_projects', { id: project.id })).toMatchObject({ id: project.id });
  });
});

describe('the demo seed', () => {
  it('has tenant feedback and professional notes on finished projects in the demo tenant’s wijk', async () => {
    const rows = await db.query<{
      id: string;
      kind: string;
      author_role: string;
      created_by: string;
      thumb: number | null;
      rating: number | null;
      body: string;
      buurt: string;
      status: string;
      in_time: boolean;
      own_corporation: boolean;
    }>(
      `select e.id, e.kind, e.author_role, e.created_by, e.thumb, e.rating, e.body,
         g.neighbourhood_code as buurt, g.status,
         e.created_at > g.created_at and e.created_at < now() as in_time,
         e.organisation_id = g.corporation_id as own_corporation
       from public.garden_project_events e join public.garden_projects g on g.id = e.garden_project_id
       where e.id::text like '12000000-%' order by e.id`,
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'comment',
      'feedback',
      'comment',
      'feedback',
      'feedback',
      'comment',
      'feedback',
      'feedback',
      'comment',
    ]);
    for (const r of rows) {
      expect(r.buurt).toMatch(/^BU011850/);
      expect(['uitgevoerd', 'nazorg', 'afgerond']).toContain(r.status);
      expect(r.in_time).toBe(true);
      expect(r.body.length).toBeGreaterThan(10);
      if (r.kind === 'feedback') {
        expect(r).toMatchObject({ author_role: 'huurder', created_by: USER.huurder });
        expect(r.thumb !== null || r.rating !== null).toBe(true);
      } else {
        expect(['smederij', 'corporatie']).toContain(r.author_role);
        // A corporation comments on its own projects.
        if (r.author_role === 'corporatie') expect(r.own_corporation).toBe(true);
      }
    }
    // The demo tenant reads back their own feedback only; a professional reads all of it.
    const ids = `id=in.(${rows.map((r) => r.id).join(',')})`;
    const tenantSees = await api.request(
      'huurder',
      'GET',
      `garden_project_events?${ids}&select=id`,
    );
    expect(rowsOf(tenantSees).map((r) => r.id)).toEqual(
      expect.arrayContaining(rows.filter((r) => r.kind === 'feedback').map((r) => r.id)),
    );
    expect(rowsOf(tenantSees)).toHaveLength(rows.filter((r) => r.kind === 'feedback').length);
    const proSees = await api.request('smederij', 'GET', `garden_project_events?${ids}&select=id`);
    expect(rowsOf(proSees)).toHaveLength(rows.length);
  });
});
