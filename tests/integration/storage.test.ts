import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';
import { signJwt } from '../../supabase/local/jwt.ts';

const stack = inject('stack');
const FORGED_SECRET = 'not-the-project-secret-but-32-chars-long!';

/** A private bucket of this run only; the project's own `photos` bucket comes from migrations. */
const bucket = `test-photos-${randomUUID().slice(0, 8)}`;
const alice = randomUUID();
const bob = randomUUID();

const now = () => Math.floor(Date.now() / 1000);

function userToken(sub: string, opts: { exp?: number; secret?: string } = {}): string {
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', exp: opts.exp ?? now() + 3600 },
    opts.secret ?? stack.jwtSecret,
  );
}

/** A real supabase-js client for `key`, optionally acting with a user's `token`. */
function supabase(key: string, token?: string): SupabaseClient {
  return nodeClient(
    stack.apiUrl,
    key,
    token ? { global: { headers: { Authorization: `Bearer ${token}` } } } : {},
  );
}

/** A client acting with `token`, as the app does after sign-in. */
const clientFor = (token: string) => supabase(stack.anonKey, token);

const service = supabase(stack.serviceRoleKey);
const asAlice = clientFor(userToken(alice)).storage.from(bucket);
const asBob = clientFor(userToken(bob)).storage.from(bucket);

let db: pg.Client;

/** The exact error storage-api gives: HTTP status, its `statusCode` string and message. */
function expectStorageError(
  error: unknown,
  expected: { status: number; statusCode: string; message: string },
): void {
  expect(error).toMatchObject({ name: 'StorageApiError', ...expected });
}

function diskPath(bucketId: string, name: string): string {
  return path.join(stack.dataDir, 'storage', bucketId, ...name.split('/'));
}

async function objectRow(bucketId: string, name: string) {
  const { rows } = await db.query(
    `select id, owner, owner_id, metadata, user_metadata, version
       from storage.objects where bucket_id = $1 and name = $2`,
    [bucketId, name],
  );
  return rows[0] as Record<string, unknown> | undefined;
}

/** The bucket ids a user sees in SQL, under the same role and claims the API uses. */
async function bucketsVisibleTo(sub: string): Promise<string[]> {
  await db.query('begin');
  try {
    await db.query(
      `select set_config('role', 'authenticated', true),
              set_config('request.jwt.claims', $1, true)`,
      [JSON.stringify({ sub, role: 'authenticated' })],
    );
    const { rows } = await db.query<{ id: string }>(`select id from storage.buckets order by name`);
    return rows.map((r) => r.id);
  } finally {
    await db.query('rollback');
  }
}

/** Files left in the upload staging folder (must be none after any request). */
async function stagedUploads(): Promise<string[]> {
  return readdir(path.join(stack.dataDir, 'storage-uploads')).catch(() => []);
}

const bytes = (text: string) => Buffer.from(text, 'utf8');
const md5 = (data: Buffer) => `"${createHash('md5').update(data).digest('hex')}"`;

// Policies as a project writes them, on the claim auth.uid() reads (`request.jwt.claims ->> 'sub'`)
// so this test does not depend on the auth bootstrap.
const OWN_FOLDER = `bucket_id = '${bucket}' and (storage.foldername(name))[1]
  = (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')`;
const POLICIES: [name: string, command: string, rule: string][] = [
  [`Users store files in their own folder (${bucket})`, 'insert', `with check (${OWN_FOLDER})`],
  [`Users see files in their own folder (${bucket})`, 'select', `using (${OWN_FOLDER})`],
  [
    `Users replace files in their own folder (${bucket})`,
    'update',
    `using (${OWN_FOLDER}) with check (${OWN_FOLDER})`,
  ],
  [`Users delete files in their own folder (${bucket})`, 'delete', `using (${OWN_FOLDER})`],
];

beforeAll(async () => {
  db = new pg.Client(stack.dbUrl);
  await db.connect();
  for (const [name, command, rule] of POLICIES) {
    await db.query(
      `create policy "${name}" on storage.objects for ${command} to authenticated ${rule}`,
    );
  }
  const { error } = await service.storage.createBucket(bucket, { public: false });
  expect(error).toBeNull();
});

afterAll(async () => {
  await service.storage.emptyBucket(bucket);
  await service.storage.deleteBucket(bucket);
  for (const [name] of POLICIES)
    await db.query(`drop policy if exists "${name}" on storage.objects`);
  await db.end();
});

describe('storage schema', () => {
  it('has RLS enabled on storage.buckets and storage.objects', async () => {
    const { rows } = await db.query(
      `select relname, relrowsecurity from pg_class
        where relnamespace = 'storage'::regnamespace and relname in ('buckets', 'objects')
        order by relname`,
    );
    expect(rows).toEqual([
      { relname: 'buckets', relrowsecurity: true },
      { relname: 'objects', relrowsecurity: true },
    ]);
  });

  it('can be applied again, as every start of the stack does', async () => {
    const sql = await readFile(
      path.resolve(import.meta.dirname, '../../supabase/local/sql/02_storage.sql'),
      'utf8',
    );
    await db.query(sql);
    await db.query(sql);
  });

  it('splits object names with the helpers policies use', async () => {
    const { rows } = await db.query(
      `select storage.foldername('a/b/c.jpg') as folders, storage.filename('a/b/c.jpg') as file,
              storage.extension('a/b/c.jpg') as ext`,
    );
    expect(rows[0]).toEqual({ folders: ['a', 'b'], file: 'c.jpg', ext: 'jpg' });
  });
});

describe('buckets', () => {
  it('the service role creates a private bucket', async () => {
    const { data, error } = await service.storage.getBucket(bucket);
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: bucket, name: bucket, public: false });
  });

  it("serves the project's private photos bucket from the migrations", async () => {
    const { data, error } = await service.storage.getBucket('photos');
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: 'photos', public: false });
  });

  it('a user cannot create a bucket or see one without a policy on storage.buckets', async () => {
    const user = clientFor(userToken(alice)).storage;
    const { error } = await user.createBucket(`mine-${randomUUID().slice(0, 8)}`);
    expectStorageError(error, {
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    // The listing is what the user's policies on storage.buckets show (none grant it here).
    const listed = await user.listBuckets();
    expect(listed.error).toBeNull();
    expect(listed.data?.map((b) => b.id)).toEqual(await bucketsVisibleTo(alice));
    expect(listed.data?.map((b) => b.id)).not.toContain(bucket);
  });

  it('refuses a second bucket with the same id as a Duplicate', async () => {
    const { error } = await service.storage.createBucket(bucket);
    expectStorageError(error, {
      status: 400,
      statusCode: '409',
      message: 'The resource already exists',
    });
  });

  it('updates, refuses to delete while not empty, empties and deletes a bucket', async () => {
    const id = `tmp-${randomUUID().slice(0, 8)}`;
    expect((await service.storage.createBucket(id, { public: true })).error).toBeNull();
    const updated = await service.storage.updateBucket(id, { public: false });
    expect(updated).toEqual({ data: { message: 'Successfully updated' }, error: null });
    expect((await service.storage.getBucket(id)).data?.public).toBe(false);
    await service.storage.from(id).upload('a/file.txt', bytes('x'));

    expectStorageError((await service.storage.deleteBucket(id)).error, {
      status: 400,
      statusCode: '409',
      message: 'The bucket you tried to delete is not empty',
    });
    expect((await service.storage.emptyBucket(id)).error).toBeNull();
    expect(existsSync(diskPath(id, 'a/file.txt'))).toBe(false);
    expect((await service.storage.deleteBucket(id)).error).toBeNull();
    expectStorageError((await service.storage.getBucket(id)).error, {
      status: 400,
      statusCode: '404',
      message: 'Bucket not found',
    });
  });

  it('enforces file_size_limit and allowed_mime_types on upload', async () => {
    const id = `limited-${randomUUID().slice(0, 8)}`;
    const created = await service.storage.createBucket(id, {
      public: false,
      fileSizeLimit: '1KB',
      allowedMimeTypes: ['image/*'],
    });
    expect(created.error).toBeNull();
    const files = service.storage.from(id);
    const big = await files.upload('big.png', Buffer.alloc(2000), { contentType: 'image/png' });
    expectStorageError(big.error, {
      status: 400,
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    });
    const text = await files.upload('note.txt', bytes('hi'), { contentType: 'text/plain' });
    expectStorageError(text.error, {
      status: 400,
      statusCode: '415',
      message: 'mime type text/plain is not supported',
    });
    const ok = await files.upload('small.png', Buffer.alloc(500), { contentType: 'image/png' });
    expect(ok.error).toBeNull();
    expect(existsSync(diskPath(id, 'big.png'))).toBe(false);
    expect(await stagedUploads()).toEqual([]);
    await service.storage.emptyBucket(id);
    await service.storage.deleteBucket(id);
  });
});

describe('objects in the own folder', () => {
  it('uploads a Buffer: the caller owns the row and the bytes are on disk', async () => {
    const body = bytes('foto van de speeltuin');
    const { data, error } = await asAlice.upload(`${alice}/p1.jpg`, body, {
      contentType: 'image/jpeg',
      metadata: { observation: 'o-1' },
    });
    expect(error).toBeNull();
    expect(data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      path: `${alice}/p1.jpg`,
      fullPath: `${bucket}/${alice}/p1.jpg`,
    });
    const row = await objectRow(bucket, `${alice}/p1.jpg`);
    expect(row).toMatchObject({
      id: data?.id,
      owner: alice,
      owner_id: alice,
      user_metadata: { observation: 'o-1' },
      metadata: {
        eTag: md5(body),
        size: body.length,
        mimetype: 'image/jpeg',
        cacheControl: 'max-age=3600',
        contentLength: body.length,
        httpStatusCode: 200,
        lastModified: expect.any(String),
      },
    });
    expect(await readFile(diskPath(bucket, `${alice}/p1.jpg`))).toEqual(body);
  });

  it('uploads a Blob as multipart/form-data and downloads it again', async () => {
    const body = bytes('blob body');
    const blob = new Blob([body], { type: 'image/webp' });
    const up = await asAlice.upload(`${alice}/p2.webp`, blob);
    expect(up.error).toBeNull();
    const { data, error } = await asAlice.download(`${alice}/p2.webp`);
    expect(error).toBeNull();
    expect(data?.type).toBe('image/webp');
    expect(Buffer.from(await data!.arrayBuffer())).toEqual(body);
    expect((await objectRow(bucket, `${alice}/p2.webp`))?.metadata).toMatchObject({
      mimetype: 'image/webp',
      cacheControl: 'max-age=3600',
      size: body.length,
    });
  });

  it('gives info and existence', async () => {
    const name = `${alice}/info.txt`;
    await asAlice.upload(name, bytes('12345'), { contentType: 'text/plain' });
    const { data, error } = await asAlice.info(name);
    expect(error).toBeNull();
    expect(data).toMatchObject({ name, bucketId: bucket, size: 5, contentType: 'text/plain' });
    expect(await asAlice.exists(name)).toEqual({ data: true, error: null });
    expect((await asAlice.exists(`${alice}/nope.txt`)).data).toBe(false);
  });

  it('lists files and folders one level below a prefix', async () => {
    await asAlice.upload(`${alice}/list/a.txt`, bytes('a'));
    await asAlice.upload(`${alice}/list/sub/b.txt`, bytes('b'));
    const { data, error } = await asAlice.list(`${alice}/list`);
    expect(error).toBeNull();
    expect(data?.map((e) => [e.name, e.id === null])).toEqual([
      ['sub', true],
      ['a.txt', false],
    ]);
    expect(data?.[1]?.metadata).toMatchObject({ size: 1 });
    const top = await asAlice.list('');
    expect(top.data?.map((e) => e.name)).toEqual([alice]);
  });

  it('serves byte ranges, conditional requests and downloads like storage-api', async () => {
    const name = `${alice}/range.txt`;
    await asAlice.upload(name, bytes('0123456789'), { contentType: 'text/plain' });
    const url = `${stack.apiUrl}/storage/v1/object/authenticated/${bucket}/${name}`;
    const auth = { apikey: stack.anonKey, authorization: `Bearer ${userToken(alice)}` };
    const part = await fetch(url, { headers: { ...auth, range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await part.text()).toBe('2345');
    const etag = part.headers.get('etag')!;
    expect(etag).toBe(md5(bytes('0123456789')));
    const cached = await fetch(url, { headers: { ...auth, 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    const attachment = await fetch(`${url}?download=verslag.txt`, { headers: auth });
    expect(attachment.headers.get('content-disposition')).toBe(
      "attachment; filename=verslag.txt; filename*=UTF-8''verslag.txt;",
    );
    expect(attachment.headers.get('cache-control')).toBe('max-age=3600');
  });

  it('lists with limit, offset, search and sort order', async () => {
    for (const n of ['c', 'a', 'b']) await asAlice.upload(`${alice}/sorted/${n}.txt`, bytes(n));
    const desc = await asAlice.list(`${alice}/sorted`, {
      sortBy: { column: 'name', order: 'desc' },
      limit: 2,
    });
    expect(desc.data?.map((e) => e.name)).toEqual(['c.txt', 'b.txt']);
    const rest = await asAlice.list(`${alice}/sorted`, { offset: 2 });
    expect(rest.data?.map((e) => e.name)).toEqual(['c.txt']);
    const found = await asAlice.list(`${alice}/sorted`, { search: 'b' });
    expect(found.data?.map((e) => e.name)).toEqual(['b.txt']);
  });

  it('creates a signed URL that works without an API key until it expires', async () => {
    const name = `${alice}/signed.jpg`;
    await asAlice.upload(name, bytes('signed bytes'), { contentType: 'image/jpeg' });
    const { data, error } = await asAlice.createSignedUrl(name, 60);
    expect(error).toBeNull();
    const res = await fetch(data!.signedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes('signed bytes'));

    const many = await asAlice.createSignedUrls([name, `${alice}/missing.jpg`], 60);
    expect(many.data?.map((d) => [d.path, d.error, d.signedUrl !== null])).toEqual([
      [name, null, true],
      [
        `${alice}/missing.jpg`,
        'Either the object does not exist or you do not have access to it',
        false,
      ],
    ]);

    // The token is bound to its path.
    const token = new URL(data!.signedUrl).searchParams.get('token');
    const other = await fetch(
      `${stack.apiUrl}/storage/v1/object/sign/${bucket}/${alice}/p1.jpg?token=${token}`,
    );
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({
      statusCode: '400',
      code: 'InvalidSignature',
      error: 'InvalidSignature',
      message: 'Invalid signature',
    });
  });

  it('refuses an expired signed URL', async () => {
    const name = `${alice}/expiring.jpg`;
    await asAlice.upload(name, bytes('soon gone'));
    const { data } = await asAlice.createSignedUrl(name, 1);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fetch(data!.signedUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      statusCode: '400',
      code: 'InvalidJWT',
      error: 'InvalidJWT',
      message: 'jwt expired',
    });
  });

  it('refuses to overwrite without upsert and overwrites with it', async () => {
    const name = `${alice}/again.txt`;
    expect((await asAlice.upload(name, bytes('first'))).error).toBeNull();
    const dup = await asAlice.upload(name, bytes('second'));
    expectStorageError(dup.error, {
      status: 400,
      statusCode: '409',
      message: 'The resource already exists',
    });
    expect(await readFile(diskPath(bucket, name), 'utf8')).toBe('first');

    expect((await asAlice.upload(name, bytes('second'), { upsert: true })).error).toBeNull();
    expect(await (await asAlice.download(name)).data?.text()).toBe('second');
    expect((await asAlice.update(name, bytes('third'))).error).toBeNull();
    expect(await readFile(diskPath(bucket, name), 'utf8')).toBe('third');
    expect((await objectRow(bucket, name))?.metadata).toMatchObject({ eTag: md5(bytes('third')) });
  });

  it('moves and copies within the own folder', async () => {
    await asAlice.upload(`${alice}/move-me.txt`, bytes('moving'));
    const moved = await asAlice.move(`${alice}/move-me.txt`, `${alice}/moved/here.txt`);
    expect(moved).toEqual({ data: { message: 'Successfully moved' }, error: null });
    expect(existsSync(diskPath(bucket, `${alice}/move-me.txt`))).toBe(false);
    expect(await readFile(diskPath(bucket, `${alice}/moved/here.txt`), 'utf8')).toBe('moving');

    const copied = await asAlice.copy(`${alice}/moved/here.txt`, `${alice}/copy.txt`);
    expect(copied).toEqual({ data: { path: `${bucket}/${alice}/copy.txt` }, error: null });
    expect(await (await asAlice.download(`${alice}/copy.txt`)).data?.text()).toBe('moving');
  });

  it('removes objects: returns them and deletes row and file', async () => {
    const name = `${alice}/remove-me.txt`;
    await asAlice.upload(name, bytes('bye'));
    const { data, error } = await asAlice.remove([name, `${alice}/never-existed.txt`]);
    expect(error).toBeNull();
    expect(data?.map((o) => o.name)).toEqual([name]);
    expect(await objectRow(bucket, name)).toBeUndefined();
    expect(existsSync(diskPath(bucket, name))).toBe(false);
  });
});

describe("another user's folder", () => {
  const bobs = `${bob}/private.jpg`;

  beforeAll(async () => {
    const { error } = await asBob.upload(bobs, bytes("bob's photo"));
    expect(error).toBeNull();
  });

  it('refuses an upload: no row, no file, nothing staged', async () => {
    const name = `${bob}/from-alice.jpg`;
    const { error } = await asAlice.upload(name, bytes('intruder'));
    expectStorageError(error, {
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect(await objectRow(bucket, name)).toBeUndefined();
    expect(existsSync(diskPath(bucket, name))).toBe(false);
    expect(await stagedUploads()).toEqual([]);
  });

  it('refuses to overwrite it with upsert', async () => {
    const { error } = await asAlice.upload(bobs, bytes('overwrite'), { upsert: true });
    expectStorageError(error, {
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect(await readFile(diskPath(bucket, bobs), 'utf8')).toBe("bob's photo");
  });

  it('hides its objects from download, info, signing and listing', async () => {
    const notFound = { status: 400, statusCode: '404', message: 'Object not found' };
    expectStorageError((await asAlice.download(bobs)).error, notFound);
    expectStorageError((await asAlice.info(bobs)).error, notFound);
    expectStorageError((await asAlice.createSignedUrl(bobs, 60)).error, notFound);
    expect((await asAlice.exists(bobs)).data).toBe(false);
    expect(await asAlice.list(bob)).toEqual({ data: [], error: null });
  });

  it('does not remove or move its objects', async () => {
    expect(await asAlice.remove([bobs])).toEqual({ data: [], error: null });
    expectStorageError((await asAlice.move(bobs, `${alice}/stolen.jpg`)).error, {
      status: 400,
      statusCode: '404',
      message: 'Object not found',
    });
    expect(await objectRow(bucket, bobs)).toMatchObject({ owner: bob });
    expect(existsSync(diskPath(bucket, bobs))).toBe(true);
  });
});

describe('authentication', () => {
  it('refuses a forged or expired JWT with storage-api\u2019s errors', async () => {
    const forged = clientFor(userToken(alice, { secret: FORGED_SECRET })).storage.from(bucket);
    expectStorageError((await forged.upload(`${alice}/forged.txt`, bytes('x'))).error, {
      status: 400,
      statusCode: '403',
      message: 'invalid signature',
    });
    // Downloads treat an invalid JWT as no JWT: a private bucket is then not found.
    expectStorageError((await forged.download(`${alice}/p1.jpg`)).error, {
      status: 400,
      statusCode: '404',
      message: 'Bucket not found',
    });
    const expired = clientFor(userToken(alice, { exp: now() - 10 })).storage.from(bucket);
    expectStorageError((await expired.upload(`${alice}/expired.txt`, bytes('x'))).error, {
      status: 400,
      statusCode: '403',
      message: 'jwt expired',
    });
    expect(await objectRow(bucket, `${alice}/forged.txt`)).toBeUndefined();
  });

  it('answers with storage-api\u2019s exact bodies: HTTP 400, the real status in statusCode', async () => {
    const forged = userToken(alice, { secret: FORGED_SECRET });
    const upload = await fetch(`${stack.apiUrl}/storage/v1/object/${bucket}/${alice}/raw.txt`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, authorization: `Bearer ${forged}` },
      body: 'x',
    });
    expect(upload.status).toBe(400);
    expect(await upload.json()).toEqual({
      statusCode: '403',
      code: 'AccessDenied',
      error: 'Unauthorized',
      message: 'invalid signature',
    });
    const hidden = await fetch(
      `${stack.apiUrl}/storage/v1/object/authenticated/${bucket}/${bob}/private.jpg`,
      { headers: { apikey: stack.anonKey, authorization: `Bearer ${userToken(alice)}` } },
    );
    expect(hidden.status).toBe(400);
    expect(await hidden.json()).toEqual({
      statusCode: '404',
      code: 'NoSuchKey',
      error: 'not_found',
      message: 'Object not found',
    });
  });

  it('lets the anon role do only what policies grant it (nothing here)', async () => {
    const anon = supabase(stack.anonKey).storage.from(bucket);
    expectStorageError((await anon.upload(`${alice}/anon.txt`, bytes('x'))).error, {
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expectStorageError((await anon.download(`${alice}/p1.jpg`)).error, {
      status: 400,
      statusCode: '404',
      message: 'Object not found',
    });
  });
});

describe('object names', () => {
  const headers = () => ({
    apikey: stack.anonKey,
    authorization: `Bearer ${userToken(alice)}`,
    'content-type': 'text/plain',
  });

  it('refuses path traversal with a 400 that says why', async () => {
    const { error } = await asAlice.upload(`${alice}/..%2F..%2F..%2Fescape.txt`, bytes('x'));
    expectStorageError(error, {
      status: 400,
      statusCode: '400',
      message: `Invalid key: "${alice}/../../../escape.txt": path segments "." and ".." are not allowed`,
    });
    expect(existsSync(path.join(stack.dataDir, 'escape.txt'))).toBe(false);
    expect(existsSync(path.join(stack.dataDir, 'storage', 'escape.txt'))).toBe(false);
  });

  it('refuses a name that would put a file where a folder is (a local-only limit)', async () => {
    await asAlice.upload(`${alice}/clash`, bytes('a file'));
    const { error } = await asAlice.upload(`${alice}/clash/inside.txt`, bytes('x'));
    expect(error).toMatchObject({ status: 400, statusCode: '400' });
    expect(error?.message).toContain('an object and a folder of this name cannot both exist');
    expect(await objectRow(bucket, `${alice}/clash/inside.txt`)).toBeUndefined();
  });

  it('refuses absolute paths and NUL characters', async () => {
    for (const [name, why] of [
      ['%2Fetc%2Fpasswd', 'the object name must not be an absolute path'],
      [`${alice}%2Fa%00b.txt`, 'the object name contains a NUL character'],
    ] as const) {
      const res = await fetch(`${stack.apiUrl}/storage/v1/object/${bucket}/${name}`, {
        method: 'POST',
        headers: headers(),
        body: 'x',
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('InvalidKey');
      expect(body.message).toContain(why);
    }
    expect(await stagedUploads()).toEqual([]);
  });
});
