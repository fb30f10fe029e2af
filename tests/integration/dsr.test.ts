/**
 * Data subject requests (issue 7, item 7): the municipality exports everything a person created
 * (right of access) and anonymises the person (right to erasure): their account, profile,
 * authorship, texts and photos go; the statistics stay.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { erasePendingPhotos } from '../../supabase/jobs/erase-photos.ts';
import { Api, Db, ORG, PLACE, USER, errorOf, pointText } from '../support/actors.ts';
import { clientAs, nodeClient } from '../support/clients.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]);
const PASSWORD = 'Een-lang-wachtwoord-2026';
afterAll(() => db.end());

interface Person {
  id: string;
  email: string;
  observation: string;
  description: string;
  feedback: string;
  grade: string;
  photoPath: string;
  name: string;
}

/** A tenant with an account, who reported, reacted, graded and added a photo. */
async function tenantWithRecords(): Promise<Person> {
  const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);
  const tag = randomUUID().slice(0, 8);
  const email = `huurder-${tag}@example.com`;
  const created = await admin.auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
  });
  expect(created.error).toBeNull();
  const id = created.data.user!.id;
  const name = `Fatima Jansen ${tag}`;
  await db.insert('profiles', {
    id,
    organisation_id: ORG.shdh,
    role: 'huurder',
    display_name: name,
  });
  await db.insert('profile_neighbourhoods', { profile_id: id, neighbourhood_code: 'WK011850' });
  const me = clientAs(stack, id);
  const observation = randomUUID();
  const description = `Kapotte stoeptegel voor mijn deur, Fatima ${tag}`;
  expect(
    (
      await me.from('observations').insert({
        id: observation,
        category_code: 'heel.bestrating',
        location: pointText(PLACE.centrum),
        neighbourhood_code: PLACE.centrum.buurt,
        description,
      })
    ).error,
  ).toBeNull();
  const [shared] = await db.query<{ id: string }>(
    `select id from public.observations where not sensitive and neighbourhood_code = $1
       and created_by = $2 limit 1`,
    [PLACE.centrum.buurt, USER.smederij],
  );
  const feedback = `Fijn dat het is opgelost, groet Fatima ${tag}`;
  if (shared) {
    expect(
      (
        await me.from('observation_events').insert({
          id: randomUUID(),
          observation_id: shared.id,
          kind: 'feedback',
          thumb: 1,
          body: feedback,
        })
      ).error,
    ).toBeNull();
  }
  const grade = randomUUID();
  expect(
    (
      await me.from('neighbourhood_grades').insert({
        id: grade,
        neighbourhood_code: PLACE.centrum.buurt,
        year: 2026,
        quarter: 1,
        theme: 'groen',
        grade: 7,
      })
    ).error,
  ).toBeNull();
  const photo = randomUUID();
  const photoPath = `${ORG.shdh}/${observation}/${photo}.jpg`;
  expect(
    (
      await me.from('attachments').insert({
        id: photo,
        record_table: 'observations',
        record_id: observation,
        organisation_id: ORG.shdh,
        storage_path: photoPath,
        mime_type: 'image/jpeg',
        bytes: JPEG.byteLength,
      })
    ).error,
  ).toBeNull();
  expect(
    (await me.storage.from('photos').upload(photoPath, JPEG, { contentType: 'image/jpeg' })).error,
  ).toBeNull();
  return { id, email, observation, description, feedback, grade, photoPath, name };
}

describe('right of access: export', () => {
  let person: Person;
  beforeAll(async () => {
    person = await tenantWithRecords();
  });

  it('gives the municipality everything the person created, as JSON', async () => {
    const res = await api.rpc('gemeente', 'dsr_export', { person: person.id });
    expect(res.status).toBe(200);
    const body = res.body as {
      person: Record<string, unknown>;
      neighbourhoods: string[];
      records: Record<string, Record<string, unknown>[]>;
      activity: { table: string; operation: string }[];
    };
    expect(body.person).toMatchObject({ id: person.id, email: person.email, role: 'huurder' });
    expect(body.neighbourhoods).toEqual(['WK011850']);
    expect(body.records.observations?.map((o) => o.description)).toEqual([person.description]);
    expect(body.records.neighbourhood_grades?.map((g) => g.id)).toEqual([person.grade]);
    expect(body.records.attachments?.map((a) => a.storage_path)).toEqual([person.photoPath]);
    expect(body.activity.some((a) => a.table === 'observations' && a.operation === 'insert')).toBe(
      true,
    );
    expect(JSON.stringify(body)).not.toMatch(/_txid|encrypted_password/);
  });

  it('is for the municipality only, and only about its own people', async () => {
    for (const who of ['huurder', 'smederij', 'corporatie', 'stranger'] as const) {
      const res = await api.rpc(who, 'dsr_export', { person: person.id });
      expect(res.status, who).toBe(403);
      expect(errorOf(res)).toMatchObject({ hint: 'dsr_not_allowed' });
    }
    expect((await api.rpc('anon', 'dsr_export', { person: person.id })).status).toBe(401);
    const unknown = await api.rpc('gemeente', 'dsr_export', { person: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown)).toMatchObject({
      hint: 'dsr_unknown_person',
      message: 'Deze persoon is niet gevonden bij de organisaties van je gemeente.',
    });
  });
});

describe('right to erasure: anonymise the person', () => {
  let person: Person;
  let result: Record<string, unknown>;
  let gradesBefore: { n: number; total: number } | undefined;

  beforeAll(async () => {
    person = await tenantWithRecords();
    // A live session, to prove it ends.
    const signedIn = await nodeClient(stack.apiUrl, stack.anonKey).auth.signInWithPassword({
      email: person.email,
      password: PASSWORD,
    });
    expect(signedIn.error).toBeNull();
    [gradesBefore] = await db.query<{ n: number; total: number }>(
      `select count(*)::int as n, sum(grade)::int as total from public.neighbourhood_grades
       where neighbourhood_code = $1 and deleted_at is null`,
      [PLACE.centrum.buurt],
    );
    const res = await api.rpc('gemeente', 'dsr_erase', { person: person.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    result = res.body as Record<string, unknown>;
  });

  it('reports what it did', () => {
    expect(result).toMatchObject({ person: person.id, observations: 1, photos: 1 });
  });

  it('ends the account: no email, no password, no sessions; signing in fails', async () => {
    const [user] = await db.query(
      `select email, encrypted_password, raw_user_meta_data, deleted_at is not null as deleted
       from auth.users where id = $1`,
      [person.id],
    );
    expect(user).toMatchObject({ encrypted_password: null, raw_user_meta_data: {}, deleted: true });
    expect(String(user?.email)).not.toContain(person.email.split('@')[0]);
    expect(await db.query(`select 1 from auth.sessions where user_id = $1`, [person.id])).toEqual(
      [],
    );
    expect(
      await db.query(`select 1 from auth.refresh_tokens where user_id = $1`, [person.id]),
    ).toEqual([]);
    const again = await nodeClient(stack.apiUrl, stack.anonKey).auth.signInWithPassword({
      email: person.email,
      password: PASSWORD,
    });
    expect(again.error?.code).toBe('invalid_credentials');
  });

  it('removes profile, neighbourhoods, authorship, texts and photos; keeps the statistics', async () => {
    expect(await db.find('profiles', { id: person.id })).toMatchObject({
      display_name: '',
      deleted_at: expect.any(String),
    });
    expect(
      await db.query(`select 1 from public.profile_neighbourhoods where profile_id = $1`, [
        person.id,
      ]),
    ).toEqual([]);
    expect(await db.find('observations', { id: person.observation })).toMatchObject({
      description: '',
      created_by: null,
      category_code: 'heel.bestrating',
      neighbourhood_code: PLACE.centrum.buurt,
      anonymised_at: expect.any(String),
    });
    expect(await db.find('neighbourhood_grades', { id: person.grade })).toMatchObject({
      grade: 7,
      created_by: null,
    });
    const [gradesAfter] = await db.query<{ n: number; total: number }>(
      `select count(*)::int as n, sum(grade)::int as total from public.neighbourhood_grades
       where neighbourhood_code = $1 and deleted_at is null`,
      [PLACE.centrum.buurt],
    );
    expect(gradesAfter).toEqual(gradesBefore);

    const file = path.join(stack.dataDir, 'storage', 'photos', person.photoPath);
    expect(existsSync(file)).toBe(true);
    await erasePendingPhotos(nodeClient(stack.apiUrl, stack.serviceRoleKey));
    expect(existsSync(file)).toBe(false);
  });

  it('leaves nothing in the database that points to the person: not their id, email, name or words', async () => {
    // The id stays only as the key of the emptied account and profile rows (and their log).
    const needles = [person.id, person.email, person.description, person.feedback, person.name];
    for (const needle of needles) {
      const [hit] = await db.query<{ n: number }>(
        `select count(*)::int as n from (
           select to_jsonb(x)::text t from public.observations x where x.id = $2
           union all select to_jsonb(x)::text from public.observation_events x
           union all select to_jsonb(x)::text from public.neighbourhood_grades x where x.id = $3
           union all select to_jsonb(x)::text from public.attachments x where x.record_id = $2
           union all select to_jsonb(x)::text from public.profiles x where x.id = $4
           union all select to_jsonb(x)::text from public.audit_log x
           union all select to_jsonb(x)::text from public.sync_mutations x) s
         where regexp_replace(t, '"(id|record_id|profile_id)": "' || $4, '', 'g')
           like '%' || $1 || '%'`,
        [needle, person.observation, person.grade, person.id],
      );
      expect(hit?.n, needle).toBe(0);
    }
    // The audit log keeps that things happened, and why they were erased.
    const [entries] = await db.query<{ n: number }>(
      `select count(*)::int as n from public.audit_log
       where reason = 'erasure' and table_name = 'profiles' and record_id = $1`,
      [person.id],
    );
    expect(entries?.n).toBeGreaterThan(0);
  });

  it('keeps the workflow of their open observation: status and assignment still change', async () => {
    const start = await api.request(
      'gemeente',
      'PATCH',
      `observations?id=eq.${person.observation}`,
      {
        body: { status: 'in_behandeling', assigned_organisation_id: ORG.woonconcept },
      },
    );
    expect(start.status, JSON.stringify(start.body)).toBe(204);
    expect(await db.find('observations', { id: person.observation })).toMatchObject({
      status: 'in_behandeling',
      assigned_organisation_id: ORG.woonconcept,
      description: '',
    });
    const edit = await api.request(
      'gemeente',
      'PATCH',
      `observations?id=eq.${person.observation}`,
      {
        body: { description: 'Terug van weggeweest' },
      },
    );
    expect(edit.status).toBe(400);
    expect(errorOf(edit)).toMatchObject({ hint: 'anonymised' });
    expect(errorOf(edit)?.message).toMatch(/beschrijving/);
    expect(errorOf(edit)?.message).not.toMatch(/bewaartermijn/);
    const done = await api.request(
      'gemeente',
      'PATCH',
      `observations?id=eq.${person.observation}`,
      {
        body: { status: 'opgelost' },
      },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(204);
  });

  it('takes no new comments, feedback or photos on an anonymised observation', async () => {
    const comment = await api.request('gemeente', 'POST', 'observation_events', {
      body: { id: randomUUID(), observation_id: person.observation, kind: 'comment', body: 'Hoi' },
    });
    expect(comment.status).toBe(400);
    expect(errorOf(comment)).toMatchObject({ hint: 'observation_anonymised' });
    const feedback = await api.request('gemeente', 'POST', 'observation_events', {
      body: { id: randomUUID(), observation_id: person.observation, kind: 'feedback', thumb: 1 },
    });
    expect(errorOf(feedback)).toMatchObject({ hint: 'observation_anonymised' });
    const photo = randomUUID();
    const attach = await api.request('gemeente', 'POST', 'attachments', {
      body: {
        id: photo,
        record_table: 'observations',
        record_id: person.observation,
        organisation_id: ORG.gemeente,
        storage_path: `${ORG.gemeente}/${person.observation}/${photo}.jpg`,
        mime_type: 'image/jpeg',
        bytes: JPEG.byteLength,
      },
    });
    expect(attach.status).toBe(400);
    expect(errorOf(attach)).toMatchObject({ hint: 'observation_anonymised' });
  });

  it('refuses to erase the municipality’s own account, and others cannot erase at all', async () => {
    const self = await api.rpc('gemeente', 'dsr_erase', { person: USER.gemeente });
    expect(self.status).toBe(400);
    expect(errorOf(self)).toMatchObject({ hint: 'dsr_not_self' });
    for (const who of ['huurder', 'smederij', 'corporatie'] as const) {
      const res = await api.rpc(who, 'dsr_erase', { person: USER.huurder });
      expect(res.status).toBe(403);
    }
    expect(await db.find('profiles', { id: USER.huurder })).toMatchObject({ deleted_at: null });
  });
});

describe('right to erasure: a professional’s walks, gardens and photos', () => {
  const tag = randomUUID().slice(0, 8);
  let person: string;
  let walk: string;
  let garden: string;
  let photoPath: string;
  let byOthers: number;

  beforeAll(async () => {
    person = await db.user({
      role: 'smederij',
      organisationId: ORG.smederijen,
      neighbourhoods: ['WK011850'],
    });
    const me = clientAs(stack, person);
    walk = randomUUID();
    expect(
      (
        await me.from('walks').insert({
          id: walk,
          neighbourhood_code: PLACE.centrum.buurt,
          title: `Schouw met familie Bakker ${tag}`,
          planned_for: '2026-03-01',
          notes: `Bel Henk Bakker 06-11223344 ${tag}`,
        })
      ).error,
    ).toBeNull();
    garden = randomUUID();
    await db.insert('garden_projects', {
      id: garden,
      corporation_id: ORG.woonconcept,
      title: 'Tuinaanpak Centrum',
      address: `Hoofdstraat 12 (mevrouw Smit) ${tag}`,
      location: pointText(PLACE.centrum),
      neighbourhood_code: PLACE.centrum.buurt,
      created_by: person,
    });
    const photo = randomUUID();
    photoPath = `${ORG.smederijen}/${walk}/${photo}.jpg`;
    expect(
      (
        await me.from('attachments').insert({
          id: photo,
          record_table: 'walks',
          record_id: walk,
          organisation_id: ORG.smederijen,
          storage_path: photoPath,
          mime_type: 'image/jpeg',
          bytes: JPEG.byteLength,
        })
      ).error,
    ).toBeNull();
    expect(
      (await me.storage.from('photos').upload(photoPath, JPEG, { contentType: 'image/jpeg' }))
        .error,
    ).toBeNull();
    // Someone else works on the shared walk.
    const walked = await api.request('gemeente', 'PATCH', `walks?id=eq.${walk}`, {
      body: { status: 'gelopen' },
    });
    expect(walked.status).toBe(204);
    const [entry] = await db.query<{ id: number }>(
      `select id from public.audit_log where table_name = 'walks' and record_id = $1
       and actor = $2 order by id desc limit 1`,
      [walk, USER.gemeente],
    );
    byOthers = entry!.id;

    const res = await api.rpc('gemeente', 'dsr_erase', { person });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('blanks the walk’s title and notes and the garden address they wrote', async () => {
    expect(await db.find('walks', { id: walk })).toMatchObject({
      title: 'Wijkschouw',
      notes: '',
      status: 'gelopen',
      created_by: null,
    });
    expect(await db.find('garden_projects', { id: garden })).toMatchObject({
      address: '',
      title: 'Tuinaanpak Centrum',
      created_by: null,
    });
  });

  it('removes their photos on walks too: row, Storage file, and Storage’s owner', async () => {
    expect(
      await db.query(
        `select deleted_at is not null as gone, created_by from public.attachments
         where storage_path = $1`,
        [photoPath],
      ),
    ).toEqual([{ gone: true, created_by: null }]);
    expect(
      await db.query(`select reason from public.photo_erasures where storage_path = $1`, [
        photoPath,
      ]),
    ).toEqual([{ reason: 'erasure' }]);
    expect(
      await db.query(`select 1 from storage.objects where owner = $1 or owner_id = $2`, [
        person,
        person,
      ]),
    ).toEqual([]);
    await erasePendingPhotos(nodeClient(stack.apiUrl, stack.serviceRoleKey));
    expect(existsSync(path.join(stack.dataDir, 'storage', 'photos', photoPath))).toBe(false);
  });

  it('leaves no trace of their words in the audit log', async () => {
    const [hit] = await db.query<{ n: number }>(
      `select count(*)::int as n from public.audit_log l where to_jsonb(l)::text like '%' || $1 || '%'`,
      [tag],
    );
    expect(hit?.n).toBe(0);
  });

  it('leaves other people’s audit entries of the shared walk as they were', async () => {
    const [entry] = await db.query(
      `select actor, changes, redacted_at from public.audit_log where id = $1`,
      [byOthers],
    );
    expect(entry).toEqual({
      actor: USER.gemeente,
      changes: { status: ['gepland', 'gelopen'] },
      redacted_at: null,
    });
  });
});
