/**
 * The audit trail (issue 7, item 5): every change to the domain tables is recorded by triggers
 * with who, when and what changed; the municipality reads its own entries; nobody (no role, not
 * even the service role or the table owner) edits or deletes them, except the one redaction that
 * retention and erasure make, which cannot change anything else.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  ACTOR_NAMES,
  Api,
  Db,
  ORG,
  PLACE,
  USER,
  errorOf,
  pointText,
  type Row,
  type Who,
} from '../support/actors.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
afterAll(() => db.end());

interface Entry {
  id: number;
  at: string;
  actor: string | null;
  actor_role: string | null;
  table_name: string;
  record_id: string;
  operation: string;
  changes: Record<string, unknown>;
  municipality_code: string | null;
}

async function entries(table: string, recordId: string): Promise<Entry[]> {
  return db.query<Entry & Row>(
    `select * from public.audit_log where table_name = $1 and record_id = $2 order by id`,
    [table, recordId],
  );
}

async function ok(who: Who, method: string, path: string, body: unknown): Promise<void> {
  const res = await api.request(who, method, path, { body, prefer: 'return=minimal' });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

describe('every change is recorded: who, when, what changed', () => {
  const AUDITED = [
    'accessibility_checks',
    'attachments',
    'neighbourhood_grades',
    'neighbourhoods',
    'observation_categories',
    'observation_events',
    'observations',
    'organisations',
    'garden_projects',
    'profile_neighbourhoods',
    'profiles',
    'retention_policies',
    'targets',
    'walk_participants',
    'walks',
  ];

  it('has insert, update and delete triggers on every domain table', async () => {
    const rows = await db.query<{ table: string; events: string[] }>(
      `select c.relname as table, array_agg(t.tgname::text order by t.tgname) as events
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and t.tgname like 'audit\\_%' group by 1`,
    );
    const byTable = Object.fromEntries(rows.map((r) => [r.table, r.events]));
    for (const t of AUDITED) {
      expect(byTable[t], t).toEqual(
        t === 'retention_policies'
          ? ['audit_insert', 'audit_update']
          : ['audit_delete', 'audit_insert', 'audit_update'],
      );
    }
  });

  it('observations: the insert with its values, then each update as old → new, by its actor', async () => {
    const id = randomUUID();
    await ok('smederij', 'POST', 'observations', {
      id,
      category_code: 'schoon.zwerfafval',
      location: pointText(PLACE.centrum),
      description: 'Vuilniszakken naast de container',
    });
    await ok('gemeente', 'PATCH', `observations?id=eq.${id}`, { status: 'in_behandeling' });
    const log = await entries('observations', id);
    expect(log.map((e) => [e.operation, e.actor, e.actor_role])).toEqual([
      ['insert', USER.smederij, 'smederij'],
      ['update', USER.gemeente, 'gemeente'],
    ]);
    expect(log[0]?.changes).toMatchObject({
      description: 'Vuilniszakken naast de container',
      created_by: USER.smederij,
    });
    expect(log[1]?.changes).toEqual({ status: ['nieuw', 'in_behandeling'] });
    expect(log[0]?.municipality_code).toBe('GM0118');
    expect(Date.now() - Date.parse(log[1]!.at)).toBeLessThan(60_000);
    // The server's own status event is logged too.
    const [event] = await db.query<{ id: string }>(
      `select id from public.observation_events where observation_id = $1 and kind = 'status'`,
      [id],
    );
    expect((await entries('observation_events', event!.id)).map((e) => e.actor)).toEqual([
      USER.gemeente,
    ]);
  });

  it('gardens, checks, targets, walks and events, each with their author', async () => {
    const garden = randomUUID();
    await ok('corporatie', 'POST', 'garden_projects', {
      id: garden,
      corporation_id: ORG.woonconcept,
      title: 'Tegels eruit, groen erin',
      location: pointText(PLACE.centrum),
    });
    await ok('corporatie', 'PATCH', `garden_projects?id=eq.${garden}`, { trees: 3 });
    const check = randomUUID();
    await ok('corporatie', 'POST', 'accessibility_checks', {
      id: check,
      corporation_id: ORG.woonconcept,
      address: 'Hoofdstraat 1',
      location: pointText(PLACE.centrum),
      living_room: 'ja',
      toilet: 'ja',
      bathroom: 'nee',
      bedroom: 'ja',
    });
    await ok('corporatie', 'PATCH', `accessibility_checks?id=eq.${check}`, {
      bathroom: 'traplift',
    });
    const target = randomUUID();
    await ok('gemeente', 'POST', 'targets', {
      id: target,
      year: 2027,
      metric: 'trees_planted',
      target_value: 10,
    });
    await ok('gemeente', 'PATCH', `targets?id=eq.${target}`, { target_value: 12 });
    const walk = randomUUID();
    await ok('smederij', 'POST', 'walks', {
      id: walk,
      neighbourhood_code: PLACE.centrum.buurt,
      title: 'Schouw Centrum',
      planned_for: '2026-05-01',
    });

    expect((await entries('garden_projects', garden)).map((e) => [e.operation, e.actor])).toEqual([
      ['insert', USER.woonconcept],
      ['update', USER.woonconcept],
    ]);
    expect((await entries('garden_projects', garden))[1]?.changes).toEqual({ trees: [0, 3] });
    expect((await entries('accessibility_checks', check))[1]?.changes).toMatchObject({
      bathroom: ['nee', 'traplift'],
      class: ['alleen_extern', 'toegankelijk'],
    });
    expect((await entries('targets', target))[1]?.changes).toEqual({ target_value: [10, 12] });
    expect((await entries('walks', walk)).map((e) => e.actor)).toEqual([USER.smederij]);
  });

  it('profiles and who works where, with the municipality of the person', async () => {
    const person = await db.user();
    await ok('gemeente', 'POST', 'profiles', {
      id: person,
      organisation_id: ORG.smederijen,
      role: 'smederij',
      display_name: 'Nieuwe collega',
    });
    await ok('gemeente', 'PATCH', `profiles?id=eq.${person}`, { display_name: 'Nieuwe Collega' });
    await ok('gemeente', 'POST', 'profile_neighbourhoods', {
      profile_id: person,
      neighbourhood_code: 'WK011850',
    });
    await ok('gemeente', 'DELETE', `profile_neighbourhoods?profile_id=eq.${person}`, undefined);

    const profile = await entries('profiles', person);
    expect(profile.map((e) => [e.operation, e.actor, e.municipality_code])).toEqual([
      ['insert', USER.gemeente, 'GM0118'],
      ['update', USER.gemeente, 'GM0118'],
    ]);
    expect(profile[1]?.changes).toEqual({ display_name: ['Nieuwe collega', 'Nieuwe Collega'] });
    const assignment = await entries('profile_neighbourhoods', `${person}/WK011850`);
    expect(assignment.map((e) => [e.operation, e.actor, e.municipality_code])).toEqual([
      ['insert', USER.gemeente, 'GM0118'],
      ['delete', USER.gemeente, 'GM0118'],
    ]);
    // The municipality reads these entries through the API.
    const res = await api.request(
      'gemeente',
      'GET',
      `audit_log?record_id=eq.${person}/WK011850&select=operation&order=id`,
    );
    expect(res.body).toEqual([{ operation: 'insert' }, { operation: 'delete' }]);
  });

  it('an update that changes the key (who works where) is logged as delete + insert', async () => {
    const person = await db.user();
    await ok('gemeente', 'POST', 'profiles', {
      id: person,
      organisation_id: ORG.smederijen,
      role: 'smederij',
      display_name: 'Verhuisde collega',
    });
    await ok('gemeente', 'POST', 'profile_neighbourhoods', {
      profile_id: person,
      neighbourhood_code: 'WK011850',
    });
    // The API has no update on this table; an operator (or a later RPC) may still move it.
    await db.query(
      `update public.profile_neighbourhoods set neighbourhood_code = 'WK011851' where profile_id = $1`,
      [person],
    );
    const moved = [
      ...(await entries('profile_neighbourhoods', `${person}/WK011850`)),
      ...(await entries('profile_neighbourhoods', `${person}/WK011851`)),
    ].sort((a, b) => a.id - b.id);
    expect(moved.map((e) => [e.operation, e.record_id, e.municipality_code])).toEqual([
      ['insert', `${person}/WK011850`, 'GM0118'],
      ['delete', `${person}/WK011850`, 'GM0118'],
      ['insert', `${person}/WK011851`, 'GM0118'],
    ]);
    expect(moved[2]?.changes).toEqual({ profile_id: person, neighbourhood_code: 'WK011851' });
  });

  it('a batch of offline work through sync_push is logged row by row', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const res = await api.rpc('smederij', 'sync_push', {
      client_id: randomUUID(),
      mutations: ids.map((id) => ({
        id: randomUUID(),
        table: 'observations',
        op: 'insert',
        record_id: id,
        values: {
          category_code: 'heel.verlichting',
          location: pointText(PLACE.kinholt),
          description: `Lamp ${id}`,
        },
      })),
    });
    expect(res.status).toBe(200);
    for (const id of ids) {
      expect((await entries('observations', id)).map((e) => [e.operation, e.actor])).toEqual([
        ['insert', USER.smederij],
      ]);
    }
  });
});

describe('who reads the audit trail', () => {
  it('only the municipality; everyone else sees nothing', async () => {
    const id = randomUUID();
    await ok('gemeente', 'POST', 'targets', {
      id,
      year: 2026,
      metric: 'trees_planted',
      target_value: 1,
    });
    for (const who of ACTOR_NAMES) {
      const res = await api.request(who, 'GET', `audit_log?record_id=eq.${id}&select=operation`);
      if (who === 'anon') expect(res.status).toBe(401);
      else expect(res.body, who).toEqual(who === 'gemeente' ? [{ operation: 'insert' }] : []);
    }
  });
});

describe('nobody edits or deletes the audit trail', () => {
  it('no role through the API: anon, every signed-in role, the service role', async () => {
    const id = randomUUID();
    await ok('gemeente', 'POST', 'targets', {
      id,
      year: 2026,
      metric: 'trees_planted',
      target_value: 2,
    });
    const [entry] = await entries('targets', id);
    const path = `audit_log?id=eq.${entry!.id}`;
    for (const who of [...ACTOR_NAMES, 'service_role'] as const) {
      const patch = await api.request(who, 'PATCH', path, {
        body: { actor_role: 'x', changes: {} },
      });
      const del = await api.request(who, 'DELETE', path);
      const forged = await api.request(who, 'POST', 'audit_log', {
        body: { table_name: 'targets', record_id: id, operation: 'delete', changes: {} },
      });
      for (const res of [patch, del, forged]) {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      if (who === 'service_role') {
        for (const res of [patch, del, forged]) {
          expect(errorOf(res)).toMatchObject({ code: '42501' });
        }
      }
    }
    expect(await entries('targets', id)).toEqual([entry]);
    const forgedRows = await db.query(
      `select 1 from public.audit_log where record_id = $1 and operation = 'delete'`,
      [id],
    );
    expect(forgedRows).toEqual([]);
  });

  it('not even the owner in SQL: update, delete and truncate fail', async () => {
    const [entry] = await db.query<{ id: number }>(
      'select id from public.audit_log order by id limit 1',
    );
    for (const sql of [
      `update public.audit_log set actor_role = 'x' where id = ${entry!.id}`,
      `delete from public.audit_log where id = ${entry!.id}`,
      'truncate public.audit_log',
    ]) {
      await expect(db.query(sql)).rejects.toThrow(/auditlogboek/);
    }
  });

  it('the redaction switch allows only replacing personal values, nothing else', async () => {
    const id = randomUUID();
    await ok('gemeente', 'POST', 'targets', {
      id,
      year: 2026,
      metric: 'trees_planted',
      target_value: 3,
      description: 'Toelichting',
    });
    const [entry] = await entries('targets', id);
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local buurtpeil.anonymising = 'on'`);
      for (const change of [
        `actor_role = 'gemeente-vervalst'`,
        `changes = changes || '{"target_value": 300}'`,
        `changes = '{}'`,
        `record_id = 'iets anders'`,
      ]) {
        await client.query('savepoint s');
        await expect(
          client.query(`update public.audit_log set ${change}, redacted_at = now() where id = $1`, [
            entry!.id,
          ]),
        ).rejects.toThrow(/auditlogboek/);
        await client.query('rollback to savepoint s');
      }
      await client.query(
        `update public.audit_log
         set changes = private.audit_redact(changes, array['description']), redacted_at = now()
         where id = $1`,
        [entry!.id],
      );
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(await entries('targets', id)).toEqual([entry]);
  });
});
