import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import { openSyncDatabase, type SyncDatabase } from '../sync/db.ts';
import { makeIdGenerator } from '../sync/ids.ts';
import { syncOnce } from '../sync/runner.ts';
import { createSyncScheduler, type SyncReason, type SyncScheduler } from '../sync/scheduler.ts';
import type { WriteContext } from '../sync/writes.ts';
import { myNeighbourhoods } from './my-neighbourhoods.ts';
import { isOnline } from './network.ts';
import { createPhotoStorage } from './photo-storage.ts';
import { createSupabaseTransport } from './sync-transport.ts';

/** A signed-in user's data on this device, kept in step with the server. */
export interface DeviceSync {
  db: SyncDatabase;
  /** What the write API needs: the database, clock and id generator. */
  ctx: WriteContext;
  /** A short-lived link to a photo in Storage (online only), or undefined. */
  photoUrl: (storagePath: string) => Promise<string | undefined>;
  /** Server-only reads such as authoritative aggregates (online; TanStack Query caches them). */
  rpc: SupabaseClient<Database>['rpc'];
  /** The buurten or wijken this person belongs to (see my-neighbourhoods.ts), if known here. */
  myNeighbourhoods?: () => Promise<string[] | undefined>;
  /** Asks for a round now ("sync now", and after each save). */
  syncNow: (reason?: SyncReason) => Promise<void>;
  stop: () => void;
}

const LOCK = 'buurtpeil-sync';

/** Runs `fn` under the cross-tab lock, or skips when another tab is syncing. */
async function withLock(fn: () => Promise<void>): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks) {
    await fn();
    return true;
  }
  return locks.request(LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await fn();
    return true;
  });
}

/**
 * Opens the device database of this user (one per user, so people sharing a phone never see each
 * other's data), and starts syncing on every trigger the browser offers.
 */
export async function startDeviceSync(
  client: SupabaseClient<Database>,
  userId: string,
  onVersionChange: () => void,
): Promise<DeviceSync> {
  const db = openSyncDatabase({ name: `buurtpeil-${userId}`, onVersionChange });
  const random = (b: Uint8Array) => crypto.getRandomValues(b as Uint8Array<ArrayBuffer>);
  const newId = makeIdGenerator(() => Date.now(), random);
  const ctx: WriteContext = { db, now: () => new Date(), newId };
  let clientId = (await db.sync_state.get('client_id'))?.value as string | undefined;
  if (!clientId) {
    clientId = newId();
    await db.sync_state.put({ key: 'client_id', value: clientId });
  }
  // No recoverOutbox here: another tab may be pushing right now (its mark is not stale); every
  // round recovers under the Web Lock (syncOnce, pushOutbox).
  const opts = {
    db,
    clientId,
    transport: createSupabaseTransport(client),
    now: () => new Date(),
    photos: { storage: createPhotoStorage(client), ctx },
  };
  const scheduler: SyncScheduler = createSyncScheduler({
    run: () => syncOnce(opts),
    withLock,
    isOnline,
    setTimer: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    random: Math.random,
  });
  const onOnline = () => void scheduler.trigger('online');
  const onVisible = () => {
    if (document.visibilityState === 'visible') void scheduler.trigger('visible');
  };
  const onMessage = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'buurtpeil:sync')
      void scheduler.trigger('background');
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onMessage);
  // Online, Chromium fires a fresh Background Sync registration at once, and its message would
  // only run the start round a second time; offline, it wakes us when the network is back.
  if (!isOnline()) void registerBackgroundSync();
  void scheduler.trigger('start');
  // Read once while online, so the grade screen knows the person's buurten offline later.
  void myNeighbourhoods(client, db, userId);
  return {
    db,
    ctx,
    photoUrl: async (storagePath) => {
      const { data } = await client.storage.from('photos').createSignedUrl(storagePath, 3600);
      return data?.signedUrl;
    },
    rpc: client.rpc.bind(client) as SupabaseClient<Database>['rpc'],
    myNeighbourhoods: () => myNeighbourhoods(client, db, userId),
    syncNow: async (reason = 'manual') => {
      void registerBackgroundSync();
      await scheduler.trigger(reason);
    },
    stop: () => {
      scheduler.stop();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
      db.close();
    },
  };
}

/**
 * Asks the browser to wake the service worker when the network is back, even if the app is closed
 * (Chromium; Safari and Firefox have no Background Sync and rely on the other triggers).
 */
async function registerBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (
      registration as
        | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
        | undefined
    )?.sync;
    await sync?.register('buurtpeil-sync');
  } catch {
    // not offered here; the online and visibility triggers remain
  }
}
