import { webcrypto } from 'node:crypto';
import { openSyncDatabase, type SyncDatabase } from './db.ts';
import { makeIdGenerator } from './ids.ts';
import type { WriteContext } from './writes.ts';

let n = 0;

/**
 * A fresh device database in memory, for tests in Node. Uses the global indexedDB, which the test
 * setup provides with fake-indexeddb (`fake-indexeddb/auto`).
 */
export function testDatabase(): SyncDatabase {
  return openSyncDatabase({ name: `test-${process.pid}-${++n}-${Math.random()}` });
}

/** A write context with a controllable clock. */
export function testContext(
  db: SyncDatabase,
  start = Date.UTC(2026, 10, 26, 9),
): WriteContext & { tick: (ms: number) => void } {
  let t = start;
  return {
    db,
    now: () => new Date(t),
    newId: makeIdGenerator(
      () => t,
      (b) => webcrypto.getRandomValues(b),
    ),
    tick: (ms) => {
      t += ms;
    },
  };
}
