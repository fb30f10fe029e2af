import { describe, expect, it } from 'vitest';
import { FakeServer } from './fake-server.ts';
import { syncOnce } from './runner.ts';
import { exportUnsent, hasUnsentWork, readSyncStatus, watchSyncStatus } from './status.ts';
import { testContext, testDatabase } from './testing.ts';
import { insertRecord } from './writes.ts';

const observation = {
  category_code: 'schoon.graffiti',
  severity: 3,
  description: 'tag op muur',
  location: '(6.47908,52.72469)',
};

describe('sync status', () => {
  it('says "on this device" until the server has everything, and why something was refused', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const server = new FakeServer();
    expect(await readSyncStatus(db)).toMatchObject({ state: 'synced', pending: 0 });
    const id = await insertRecord(ctx, 'observations', observation);
    expect(await readSyncStatus(db)).toMatchObject({ state: 'device', pending: 1 });
    expect(await hasUnsentWork(db)).toBe(true);
    server.reject = () => 'outside_municipality';
    await syncOnce({ db, transport: server.transport(), clientId: 'c', now: ctx.now });
    const status = await readSyncStatus(db);
    expect(status).toMatchObject({ state: 'device', pending: 0, lastSyncAt: expect.any(String) });
    expect(status.rejected).toEqual([
      expect.objectContaining({ record_id: id, error_code: 'outside_municipality' }),
    ]);
  });

  it('tells watchers about every change', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const seen: number[] = [];
    const stop = watchSyncStatus(db, (s) => seen.push(s.pending));
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => seen.length > 0);
    await insertRecord(ctx, 'observations', observation);
    await until(() => seen.at(-1) === 1);
    stop();
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
  });

  it('exports unsent changes, their records and photos as JSON', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const id = await insertRecord(ctx, 'observations', observation);
    await db.photos.add({
      id: 'p1',
      storage_path: 'o/r/p1.jpg',
      blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
      bytes: 3,
      uploaded: 0,
    });
    const doc = JSON.parse(await exportUnsent(db, ctx.now()));
    expect(doc.changes).toEqual([expect.objectContaining({ record_id: id, op: 'insert' })]);
    expect(doc.records).toEqual([
      { table: 'observations', row: expect.objectContaining({ id, description: 'tag op muur' }) },
    ]);
    expect(doc.photos).toEqual([
      { id: 'p1', storage_path: 'o/r/p1.jpg', data: 'data:image/jpeg;base64,AQID' },
    ]);
  });
});
