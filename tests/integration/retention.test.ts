/**
 * Retention (issue 7, item 6): sensitive observations lose their personal data a configurable
 * time after closing: description, close reason, exact place, reporter, comments and photos (rows
 * and Storage files), also in the audit log. Counts stay, and devices receive the anonymised
 * version on their next pull.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { erasePendingPhotos } from '../../supabase/jobs/erase-photos.ts';
import { Api, Db, ORG, PLACE, USER, errorOf, pointText } from '../support/actors.ts';
import { clientAs, nodeClient } from '../support/clients.ts';
import { Device } from '../support/sync-device.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]);
afterAll(() => db.end());

interface Fixture {
  id: string;
  description: string;
  comment: string;
  photoPath: string;
}

/**
 * A sensitive observation by the Smederijen team in Krakeel, with a comment and an uploaded
 * photo, closed without action; `closedAgo` backdates the closing (as superuser).
 */
async function closedSensitive(
  closedAgo: string,
  category = 'sociaal.woonoverlast',
): Promise<Fixture> {
  const smederij = clientAs(stack, USER.smederij);
  const id = randomUUID();
  const tag = randomUUID().slice(0, 8);
  const description = `Ruzie bij nummer 12, mevrouw De Vries ${tag}`;
  const comment = `Gebeld met mevrouw De Vries op 06-12345678 ${tag}`;
  const photo = randomUUID();
  const photoPath = `${ORG.smederijen}/${id}/${photo}.jpg`;
  const insert = await smederij.from('observations').insert({
    id,
    category_code: category,
    location: pointText({ lon: PLACE.krakeel.lon + 0.00123, lat: PLACE.krakeel.lat + 0.00041 }),
    accuracy_m: 4,
    neighbourhood_code: PLACE.krakeel.buurt,
    description,
  });
  expect(insert.error).toBeNull();
  expect(
    (
      await smederij.from('observation_events').insert({
        id: randomUUID(),
        observation_id: id,
        kind: 'comment',
        body: comment,
      })
    ).error,
  ).toBeNull();
  expect(
    (
      await smederij.from('attachments').insert({
        id: photo,
        record_table: 'observations',
        record_id: id,
        organisation_id: ORG.smederijen,
        storage_path: photoPath,
        mime_type: 'image/jpeg',
        bytes: JPEG.byteLength,
      })
    ).error,
  ).toBeNull();
  const upload = await smederij.storage
    .from('photos')
    .upload(photoPath, JPEG, { contentType: 'image/jpeg' });
  expect(upload.error).toBeNull();
  const close = await smederij
    .from('observations')
    .update({ status: 'gesloten', close_reason: `Doorgestuurd naar wijkagent ${tag}` })
    .eq('id', id);
  expect(close.error).toBeNull();
  await db.query(
    `update public.observations set resolved_at = now() - $2::interval where id = $1`,
    [id, closedAgo],
  );
  return { id, description, comment, photoPath };
}

const fileOnDisk = (p: string) => path.join(stack.dataDir, 'storage', 'photos', p);

async function closedCount(): Promise<number> {
  const { data, error } = await clientAs(stack, USER.gemeente).rpc('neighbourhood_progress');
  expect(error).toBeNull();
  const krakeel = (data ?? []).find((r) => r.code === PLACE.krakeel.buurt);
  return Number(krakeel?.observations_closed ?? 0);
}

describe('retention of sensitive observations', () => {
  let due: Fixture;
  let recent: Fixture;
  let plain: Fixture;
  let device: Device;
  let result: Record<string, unknown>;
  let closedBefore = 0;

  beforeAll(async () => {
    due = await closedSensitive('13 months');
    recent = await closedSensitive('2 months', 'sociaal.zorgsignaal');
    plain = await closedSensitive('3 years', 'schoon.zwerfafval');
    // A phone of the Smederijen team holds the details before the job runs.
    device = new Device(stack, USER.smederij);
    await device.syncUntilDone();
    expect(await device.db.table('observations').get(due.id)).toMatchObject({
      description: due.description,
    });
    closedBefore = await closedCount();

    const res = await api.rpc('service_role', 'retention_run', {});
    expect(res.status).toBe(200);
    result = res.body as Record<string, unknown>;
  });
  afterAll(() => device?.close());

  it('anonymises only sensitive observations closed longer ago than the period (12 months)', async () => {
    expect(result.ids).toContain(due.id);
    expect(result.ids).not.toContain(recent.id);
    expect(result.ids).not.toContain(plain.id);
    expect(result.failed).toEqual([]);
    expect(await db.find('observations', { id: recent.id })).toMatchObject({
      description: recent.description,
      anonymised_at: null,
    });
    expect(await db.find('observations', { id: plain.id })).toMatchObject({
      description: plain.description,
    });
  });

  it('removes description, close reason, exact place and reporter; keeps what counts', async () => {
    const row = await db.find('observations', { id: due.id });
    expect(row).toMatchObject({
      description: '',
      close_reason: 'Geanonimiseerd',
      accuracy_m: null,
      created_by: null,
      category_code: 'sociaal.woonoverlast',
      neighbourhood_code: PLACE.krakeel.buurt,
      status: 'gesloten',
      reporter_organisation_id: ORG.smederijen,
      anonymised_at: expect.any(String),
    });
    expect(row?.location).not.toBe(
      pointText({ lon: PLACE.krakeel.lon + 0.00123, lat: PLACE.krakeel.lat + 0.00041 }),
    );
    expect(await closedCount()).toBe(closedBefore);
  });

  it('removes the text and author of its comments, and its photos: rows and Storage files', async () => {
    const events = await db.query(
      `select kind, body, created_by from public.observation_events where observation_id = $1`,
      [due.id],
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e).toMatchObject({ body: '', created_by: null });
    expect(
      await db.query(
        `select deleted_at is not null as gone, created_by from public.attachments where record_id = $1`,
        [due.id],
      ),
    ).toEqual([{ gone: true, created_by: null }]);
    expect(existsSync(fileOnDisk(due.photoPath))).toBe(true);

    const report = await erasePendingPhotos(nodeClient(stack.apiUrl, stack.serviceRoleKey));
    expect(report.failed).toEqual([]);
    expect(report.erased).toBeGreaterThanOrEqual(1);
    expect(existsSync(fileOnDisk(due.photoPath))).toBe(false);
    expect(
      await db.query(`select 1 from storage.objects where name = $1`, [due.photoPath]),
    ).toEqual([]);
    expect(
      await db.query(
        `select erased_at is not null as erased from public.photo_erasures where storage_path = $1`,
        [due.photoPath],
      ),
    ).toEqual([{ erased: true }]);
    // The others keep their photos.
    expect(existsSync(fileOnDisk(recent.photoPath))).toBe(true);
    expect(existsSync(fileOnDisk(plain.photoPath))).toBe(true);
  });

  it('leaves no trace of the text or the reporter in the database, audit log included', async () => {
    const [hits] = await db.query<{ n: number }>(
      `select count(*)::int as n from (
         select to_jsonb(o)::text as t from public.observations o
         union all select to_jsonb(e)::text from public.observation_events e
         union all select to_jsonb(l)::text from public.audit_log l
         union all select to_jsonb(m)::text from public.sync_mutations m) x
       where t like '%' || $1 || '%' or t like '%' || $2 || '%'`,
      [due.description, due.comment],
    );
    expect(hits?.n).toBe(0);
    const entries = await db.query<{
      actor: string | null;
      redacted: boolean;
      reason: string | null;
    }>(
      `select actor, redacted_at is not null as redacted, reason from public.audit_log
       where table_name = 'observations' and record_id = $1 order by id`,
      [due.id],
    );
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.every((e) => e.redacted && e.actor !== USER.smederij)).toBe(true);
    expect(entries.at(-1)?.reason).toBe('retention');
  });

  it('sends the anonymised version to devices on their next pull', async () => {
    await device.syncUntilDone();
    expect(await device.db.table('observations').get(due.id)).toMatchObject({
      description: '',
      created_by: null,
    });
    const attachments = await device.db
      .table('attachments')
      .where('[record_table+record_id]')
      .equals(['observations', due.id])
      .count();
    expect(attachments).toBe(0);
    const events = (await device.db
      .table('observation_events')
      .where('observation_id')
      .equals(due.id)
      .toArray()) as { body: string }[];
    expect(events.every((e) => e.body === '')).toBe(true);
  });

  it('freezes an anonymised observation, and nobody sets anonymised_at by hand', async () => {
    const reopen = await api.request('gemeente', 'PATCH', `observations?id=eq.${due.id}`, {
      body: { description: 'Toch weer iets', status: 'in_behandeling' },
    });
    expect(reopen.status).toBe(400);
    expect(errorOf(reopen)).toMatchObject({ hint: 'anonymised' });
    const forged = await api.request('gemeente', 'PATCH', `observations?id=eq.${recent.id}`, {
      body: { anonymised_at: new Date().toISOString() },
    });
    expect(forged.status).toBe(204);
    expect(await db.find('observations', { id: recent.id })).toMatchObject({
      anonymised_at: null,
      description: recent.description,
    });
  });

  it('runs again without doing anything twice', async () => {
    const again = await api.rpc('service_role', 'retention_run', {});
    expect(again.status).toBe(200);
    expect((again.body as { ids: string[] }).ids).not.toContain(due.id);
  });

  it('is the service role’s job: signed-in users cannot run it', async () => {
    for (const who of ['gemeente', 'smederij', 'huurder'] as const) {
      const res = await api.rpc(who, 'retention_run', {});
      expect(res.status).toBe(403);
    }
    expect((await api.rpc('anon', 'retention_run', {})).status).toBe(401);
  });

  it('the municipality sets the period; others cannot', async () => {
    const policy = 'retention_policies?municipality_code=eq.GM0118';
    for (const who of ['smederij', 'corporatie', 'huurder'] as const) {
      const res = await api.request(who, 'PATCH', policy, { body: { sensitive_after: '1 month' } });
      expect(res.status === 200 ? res.body : []).toEqual([]);
    }
    const tooShort = await api.request('gemeente', 'PATCH', policy, {
      body: { sensitive_after: '1 day' },
    });
    expect(tooShort.status).toBe(400);
    const set = await api.request('gemeente', 'PATCH', policy, {
      body: { sensitive_after: '1 month' },
      prefer: 'return=representation',
    });
    expect(set.status).toBe(200);
    try {
      const res = await api.rpc('service_role', 'retention_run', {});
      expect((res.body as { ids: string[] }).ids).toContain(recent.id);
    } finally {
      await db.query(
        `update public.retention_policies set sensitive_after = '12 months' where municipality_code = 'GM0118'`,
      );
    }
  });
});

/** A sensitive report by the Smederijen team, still 'nieuw', deleted (tombstoned) `ago`. */
async function deletedSensitive(ago: string, category = 'sociaal.woonoverlast') {
  const smederij = clientAs(stack, USER.smederij);
  const id = randomUUID();
  const description = `Melding over buurman Pietersen ${randomUUID().slice(0, 8)}`;
  expect(
    (
      await smederij.from('observations').insert({
        id,
        category_code: category,
        location: pointText({ lon: PLACE.krakeel.lon + 0.0002, lat: PLACE.krakeel.lat }),
        neighbourhood_code: PLACE.krakeel.buurt,
        description,
      })
    ).error,
  ).toBeNull();
  const del = await smederij
    .from('observations')
    .update({ deleted_at: new Date().toISOString() })
    .eq('id', id);
  expect(del.error).toBeNull();
  await db.query(`update public.observations set deleted_at = now() - $2::interval where id = $1`, [
    id,
    ago,
  ]);
  return { id, description };
}

async function auditMentions(text: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from public.audit_log l where to_jsonb(l)::text like '%' || $1 || '%'`,
    [text],
  );
  return row?.n ?? 0;
}

/**
 * Purges tombstones older than 180 days, then puts the sync horizon back (as sync.test does), so
 * devices of tests running alongside are not asked to start over.
 */
async function purge(): Promise<void> {
  await db.query(`select private.purge_tombstones('180 days')`);
  await db.query(`update private.sync_horizon set min_txid = '0', min_seq = 0`);
}

describe('retention of deleted sensitive observations, and the tombstone purge', () => {
  it('keeps a deleted sensitive report from the purge until retention anonymised it', async () => {
    const gone = await deletedSensitive('13 months');
    const plain = await deletedSensitive('13 months', 'schoon.zwerfafval');
    await purge();
    // Purged, the row could no longer be anonymised: it waits for retention.
    expect(await db.find('observations', { id: gone.id })).toMatchObject({
      description: gone.description,
    });
    // A plain tombstone is purged, and its delete entry keeps only the key, not the text.
    expect(await db.find('observations', { id: plain.id })).toBeNull();
    const [purged] = await db.query<{ changes: Record<string, unknown>; reason: string }>(
      `select changes, reason from public.audit_log
       where table_name = 'observations' and record_id = $1 and operation = 'delete'`,
      [plain.id],
    );
    expect(purged).toMatchObject({ reason: 'purge', changes: { description: '[verwijderd]' } });

    const res = await api.rpc('service_role', 'retention_run', {});
    expect((res.body as { ids: string[] }).ids).toContain(gone.id);
    expect(await db.find('observations', { id: gone.id })).toMatchObject({
      description: '',
      created_by: null,
    });
    await purge();
    expect(await db.find('observations', { id: gone.id })).toBeNull();
    expect(await auditMentions(gone.description)).toBe(0);
  });

  it('does not anonymise a report deleted more recently than the period', async () => {
    const recent = await deletedSensitive('2 months');
    const res = await api.rpc('service_role', 'retention_run', {});
    expect((res.body as { ids: string[] }).ids).not.toContain(recent.id);
  });

  it('uses the default period (12 months) for a municipality without its own', async () => {
    const due = await closedSensitive('13 months');
    const [policy] = await db.query<{ sensitive_after: string }>(
      `delete from public.retention_policies where municipality_code = 'GM0118'
       returning sensitive_after::text`,
    );
    try {
      const res = await api.rpc('service_role', 'retention_run', {});
      expect((res.body as { ids: string[] }).ids).toContain(due.id);
      expect((await api.rpc('smederij', 'retention_months', {})).body).toBe(12);
    } finally {
      await db.query(
        `insert into public.retention_policies (municipality_code, sensitive_after)
         values ('GM0118', $1::interval) on conflict do nothing`,
        [policy?.sensitive_after ?? '12 months'],
      );
    }
  });

  it('tells every signed-in person the period of their municipality', async () => {
    await db.query(
      `update public.retention_policies set sensitive_after = '18 months' where municipality_code = 'GM0118'`,
    );
    try {
      for (const who of ['huurder', 'smederij', 'gemeente'] as const)
        expect((await api.rpc(who, 'retention_months', {})).body, who).toBe(18);
      expect((await api.rpc('anon', 'retention_months', {})).status).toBe(401);
    } finally {
      await db.query(
        `update public.retention_policies set sensitive_after = '12 months' where municipality_code = 'GM0118'`,
      );
    }
  });
});

describe('the coarse place of an anonymised observation', () => {
  it('is never the exact point, also when the label point and rounding fall outside the buurt', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      // Kinholt's label moved outside it, and a point (in Krakeel) whose rounding is not in Kinholt.
      await client.query(`update public.neighbourhoods set label = point($1, $2) where code = $3`, [
        PLACE.pesse.lon,
        PLACE.pesse.lat,
        PLACE.kinholt.buurt,
      ]);
      const p = { lon: PLACE.krakeel.lon + 0.00012, lat: PLACE.krakeel.lat + 0.00034 };
      const {
        rows: [r],
      } = await client.query<{ same: boolean; buurt: string | null }>(
        `select q ~= point($1, $2) as same, private.buurt_of(q) as buurt
         from (select private.coarse_location(point($1, $2), $3) as q) x`,
        [p.lon, p.lat, PLACE.kinholt.buurt],
      );
      expect(r).toEqual({ same: false, buurt: PLACE.kinholt.buurt });
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
