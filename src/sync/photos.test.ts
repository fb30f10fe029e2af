import { describe, expect, it } from 'vitest';
import { FakeServer } from './fake-server.ts';
import { addPhoto, uploadPhotos, type PhotoStorage } from './photos.ts';
import { syncOnce } from './runner.ts';
import { readSyncStatus } from './status.ts';
import { testContext, testDatabase } from './testing.ts';
import { insertRecord } from './writes.ts';

const ORG = '0a000000-0000-4000-8000-000000000031';
const jpeg = (n: number) => new Blob([new Uint8Array(n).fill(7)], { type: 'image/jpeg' });

/**
 * In-memory Storage that behaves like Supabase's: a plain upload to a taken path is refused as
 * "exists", and an upload can fail after writing part of it (a cut connection). `guard` stands in
 * for the Storage policy (it throws to refuse a path). Every call is logged.
 */
function memoryStorage(guard: (path: string) => void = () => undefined) {
  const objects = new Map<string, Uint8Array>();
  const calls: string[] = [];
  let cutNext = false;
  const write = async (path: string, blob: Blob) => {
    guard(path);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (cutNext) {
      cutNext = false;
      objects.set(path, bytes.slice(0, Math.floor(bytes.length / 2)));
      throw new Error('connection reset');
    }
    objects.set(path, bytes);
  };
  const storage: PhotoStorage = {
    async create(path, blob) {
      calls.push('create');
      if (objects.has(path)) return 'exists';
      await write(path, blob);
      return 'created';
    },
    async replace(path, blob) {
      calls.push('replace');
      await write(path, blob);
    },
    async size(path) {
      calls.push('size');
      return objects.get(path)?.length ?? null;
    },
  };
  return { storage, objects, calls, cut: () => (cutNext = true) };
}

async function withPhoto() {
  const db = testDatabase();
  const ctx = testContext(db);
  const record = await insertRecord(ctx, 'observations', {
    category_code: 'heel.bestrating',
    location: '(6.47908,52.72469)',
  });
  const photo = await addPhoto(ctx, {
    table: 'observations',
    recordId: record,
    organisationId: ORG,
    blob: jpeg(1000),
    width: 40,
    height: 30,
  });
  return { db, ctx, record, photo };
}

describe('photo queue', () => {
  it('stores the photo, its attachment row and outbox entry together', async () => {
    const { db, record, photo } = await withPhoto();
    expect(await db.attachments.get(photo)).toMatchObject({
      record_id: record,
      storage_path: `${ORG}/${record}/${photo}.jpg`,
      bytes: 1000,
    });
    expect(await db.photos.get(photo)).toMatchObject({ uploaded: 0, bytes: 1000 });
    expect((await db.outbox.toArray()).map((e) => e.table)).toEqual([
      'observations',
      'attachments',
    ]);
  });

  it('writes nothing of the photo when the disk is full', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    db.photos.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      addPhoto(ctx, {
        table: 'observations',
        recordId: 'r',
        organisationId: ORG,
        blob: jpeg(10),
        width: 1,
        height: 1,
      }),
    ).rejects.toThrow(/quota/);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('waits for the attachment row to reach the server before uploading', async () => {
    const { ctx } = await withPhoto();
    const { storage, objects } = memoryStorage();
    expect(await uploadPhotos(ctx, storage)).toBe(0);
    expect(objects.size).toBe(0);
  });

  it('finishes a cut upload on the next round: stored once, complete, marked uploaded', async () => {
    const { db, ctx, photo } = await withPhoto();
    const server = new FakeServer();
    const { storage, objects, calls, cut } = memoryStorage();
    const opts = {
      db,
      transport: server.transport(),
      clientId: 'c',
      now: ctx.now,
      photos: { storage, ctx },
    };
    cut();
    await expect(syncOnce(opts)).rejects.toThrow(/connection reset/);
    expect(await db.photos.get(photo)).toMatchObject({ uploaded: 0 });
    await syncOnce(opts);
    // The half-written object is found by its size and replaced.
    expect(calls).toEqual(['create', 'create', 'size', 'replace']);
    expect([...objects.values()].map((b) => b.length)).toEqual([1000]);
    expect(await db.photos.get(photo)).toMatchObject({ uploaded: 1 });
    expect(server.rows.get(`attachments:${photo}`)?.uploaded_at).toEqual(expect.any(String));
    expect(await db.outbox.count()).toBe(0);
  });

  it('uploads the other photos when one cannot go, and reports the problem', async () => {
    const { db, ctx } = await withPhoto();
    const other = await addPhoto(ctx, {
      table: 'observations',
      recordId: 'r2',
      organisationId: ORG,
      blob: jpeg(500),
      width: 1,
      height: 1,
    });
    await db.outbox.clear(); // both attachment rows are on the server
    const { storage, objects } = memoryStorage((path) => {
      if (!path.includes(other)) throw new Error('new row violates row-level security policy');
    });
    await expect(uploadPhotos(ctx, storage)).rejects.toThrow(/row-level security/);
    expect([...objects.keys()].some((k) => k.includes(other))).toBe(true);
    expect(await db.photos.get(other)).toMatchObject({ uploaded: 1 });
  });

  it('uploads a new photo without asking Storage about it first (no failed request logged)', async () => {
    const { db, ctx, photo } = await withPhoto();
    await db.outbox.clear(); // the attachment row is on the server
    const { storage, objects, calls } = memoryStorage();
    expect(await uploadPhotos(ctx, storage)).toBe(1);
    expect(calls).toEqual(['create']);
    expect(objects.get((await db.photos.get(photo))!.storage_path)?.length).toBe(1000);
  });

  it('counts an object already there with the same size as done (a retry after a lost answer)', async () => {
    const { db, ctx, photo } = await withPhoto();
    const server = new FakeServer();
    const { storage, objects, calls } = memoryStorage();
    await syncOnce({ db, transport: server.transport(), clientId: 'c', now: ctx.now });
    const path = (await db.photos.get(photo))!.storage_path;
    const earlier = new Uint8Array(1000);
    objects.set(path, earlier);
    expect(await uploadPhotos(ctx, storage)).toBe(1);
    expect(calls).toEqual(['create', 'size']);
    expect(objects.get(path)).toBe(earlier);
    expect(await db.photos.get(photo)).toMatchObject({ uploaded: 1 });
  });

  describe('photos whose attachment is gone on the server', () => {
    /** Storage as the real policy behaves: no file for an attachment row that is deleted. */
    function policyStorage(server: FakeServer) {
      return memoryStorage((path) => {
        const row = [...server.rows.values()].find((r) => r.storage_path === path);
        if (!row || row.deleted_at) throw new Error('new row violates row-level security policy');
      });
    }

    /** Someone else (another device, the retention job) deletes the attachment on the server. */
    async function deleteOnServer(server: FakeServer, id: string) {
      const res = await server
        .transport()
        .push('other-device', [
          { id: `del-${id}`, table: 'attachments', op: 'delete', record_id: id, values: {} },
        ]);
      expect(res[0]?.status).toBe('applied');
    }

    it('removes an uploaded photo’s bytes when its tombstone arrives in a pull', async () => {
      const { db, ctx, photo } = await withPhoto();
      const server = new FakeServer();
      const { storage } = policyStorage(server);
      const opts = { db, transport: server.transport(), clientId: 'c', now: ctx.now };
      await syncOnce({ ...opts, photos: { storage, ctx } });
      expect(await db.photos.get(photo)).toMatchObject({ uploaded: 1 });
      await deleteOnServer(server, photo);
      await syncOnce(opts);
      expect(await db.attachments.get(photo)).toBeUndefined();
      expect(await db.photos.get(photo)).toBeUndefined();
      expect((await readSyncStatus(db)).rejected).toEqual([]);
    });

    it('drops a photo not yet uploaded, with a visible reason, and the sync keeps working', async () => {
      const { db, ctx, photo } = await withPhoto();
      const server = new FakeServer();
      const { storage, objects } = policyStorage(server);
      const opts = { db, transport: server.transport(), clientId: 'c', now: ctx.now };
      await syncOnce(opts); // the row reaches the server; the photo waits (no Storage yet)
      expect(await db.photos.get(photo)).toMatchObject({ uploaded: 0 });
      await deleteOnServer(server, photo);
      for (let round = 0; round < 2; round++) {
        await syncOnce({ ...opts, photos: { storage, ctx } });
        const status = await readSyncStatus(db);
        expect(status.lastError).toBeNull();
        expect(status.photosPending).toBe(0);
        expect(status.rejected.map((e) => [e.record_id, e.error_code])).toEqual([
          [photo, 'photo_removed'],
        ]);
      }
      expect(await db.photos.get(photo)).toBeUndefined();
      expect(objects.size).toBe(0);
    });

    it('asks the server about a waiting photo whose row is not on the device', async () => {
      const { db, ctx, photo } = await withPhoto();
      const server = new FakeServer();
      const { storage, objects } = policyStorage(server);
      const opts = { db, transport: server.transport(), clientId: 'c', now: ctx.now };
      await syncOnce(opts);
      // Not pulled back yet after a reset (a pull skips rows newer than an open transaction).
      await db.attachments.delete(photo);
      await syncOnce({ ...opts, photos: { storage, ctx } });
      expect(await db.photos.get(photo)).toMatchObject({ uploaded: 1 });
      expect(objects.size).toBe(1);
      expect((await readSyncStatus(db)).rejected).toEqual([]);
    });

    it('drops a waiting photo whose row was deleted and purged while the device was away', async () => {
      const { db, ctx, photo } = await withPhoto();
      const server = new FakeServer();
      const { storage } = policyStorage(server);
      const opts = { db, transport: server.transport(), clientId: 'c', now: ctx.now };
      await syncOnce(opts);
      await db.attachments.delete(photo); // the device started over; the row never came back
      server.hidden.add(photo); // deleted and purged (or out of sight): the server has nothing
      for (let round = 0; round < 2; round++) {
        await syncOnce({ ...opts, photos: { storage, ctx } });
        expect((await readSyncStatus(db)).lastError).toBeNull();
      }
      expect(await db.photos.get(photo)).toBeUndefined();
      expect((await readSyncStatus(db)).rejected[0]).toMatchObject({
        record_id: photo,
        error_code: 'photo_removed',
      });
    });

    it('removes the photos of an observation that moves out of sight', async () => {
      const { db, ctx, record, photo } = await withPhoto();
      const server = new FakeServer();
      const { storage } = policyStorage(server);
      const opts = { db, transport: server.transport(), clientId: 'c', now: ctx.now };
      await syncOnce({ ...opts, photos: { storage, ctx } });
      server.moveOutOfSight('observations', record);
      server.hidden.add(photo);
      await syncOnce(opts);
      expect(await db.observations.get(record)).toBeUndefined();
      expect(await db.photos.get(photo)).toBeUndefined();
    });
  });
});
