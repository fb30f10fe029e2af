import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, openSyncDatabase } from './db.ts';
import { testContext } from './testing.ts';
import { insertRecord } from './writes.ts';

describe('device database', () => {
  it('lets a newer version upgrade past an open old tab, keeping unsent work', async () => {
    const indexedDB = new IDBFactory();
    let askedToReload = false;
    const old = openSyncDatabase({
      name: 'upgrade',
      indexedDB,
      IDBKeyRange,
      onVersionChange: () => (askedToReload = true),
    });
    const id = await insertRecord(testContext(old), 'observations', {
      category_code: 'schoon.zwerfafval',
      location: '(6.47908,52.72469)',
    });
    // A newer app version in another tab adds a table: the old tab must not block it.
    const newer = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    const latest = Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number));
    for (const [v, stores] of Object.entries(SCHEMA_VERSIONS))
      newer.version(Number(v)).stores(stores);
    newer.version(latest + 1).stores({ drafts: 'id' });
    await newer.open();
    expect(askedToReload).toBe(true);
    expect(old.isOpen()).toBe(false);
    expect(await newer.table('outbox').count()).toBe(1);
    expect(await newer.table('observations').get(id)).toMatchObject({ id });
    newer.close();
  });

  it('closes a tab of the build before the in-flight mark (version 2) when this build opens', async () => {
    const indexedDB = new IDBFactory();
    // The earlier build: versions 1 and 2 only, and its own way of marking a batch ('sending').
    const old = new Dexie('mark', { indexedDB, IDBKeyRange });
    for (const v of [1, 2]) old.version(v).stores(SCHEMA_VERSIONS[v]!);
    let closed = false;
    old.on('versionchange', () => {
      closed = true;
      old.close();
      return false;
    });
    await old.open();
    const current = openSyncDatabase({ name: 'mark', indexedDB, IDBKeyRange });
    await current.open();
    expect(closed).toBe(true);
    expect(current.verno).toBeGreaterThanOrEqual(3);
    current.close();
  });
});
