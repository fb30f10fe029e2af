import { liveQuery } from 'dexie';
import type { OutboxEntry, SyncDatabase } from './db.ts';

/** What a person is told about their data. */
export interface SyncStatus {
  /** Changes saved on this device that the server does not have yet. */
  pending: number;
  /** What a person would count as waiting: records with unsent changes, plus photos. */
  waitingItems: number;
  /** Changes the server refused, with the reason, until the person deals with them. */
  rejected: OutboxEntry[];
  /** Photos still to upload. */
  photosPending: number;
  lastSyncAt: string | null;
  lastError: { at: string; message: string; retryable: boolean } | null;
  /** 'device': something is only on this device; 'synced': the server has everything. */
  state: 'device' | 'synced';
}

/** Reads the sync status from the device database. */
export async function readSyncStatus(db: SyncDatabase): Promise<SyncStatus> {
  return db.transaction('r', [db.outbox, db.photos, db.sync_state], async () => {
    const open = await db.outbox.where('status').anyOf('pending', 'sending').toArray();
    const pending = open.length;
    const records = new Set(
      open.filter((e) => e.table !== 'attachments').map((e) => `${e.table}:${e.record_id}`),
    );
    const rejected = await db.outbox.where('status').equals('rejected').sortBy('seq');
    const photosPending = await db.photos.where('uploaded').equals(0).count();
    const lastSyncAt =
      ((await db.sync_state.get('last_sync_at'))?.value as string | undefined) ?? null;
    const lastError =
      ((await db.sync_state.get('last_error'))?.value as SyncStatus['lastError']) ?? null;
    return {
      pending,
      waitingItems: records.size + photosPending,
      rejected,
      photosPending,
      lastSyncAt,
      lastError,
      state: pending + photosPending + rejected.length > 0 ? 'device' : 'synced',
    };
  });
}

/** Calls `onChange` with the status now and after every change to it; returns the unsubscribe. */
export function watchSyncStatus(db: SyncDatabase, onChange: (s: SyncStatus) => void): () => void {
  const sub = liveQuery(() => readSyncStatus(db)).subscribe({
    next: onChange,
    error: () => undefined,
  });
  return () => sub.unsubscribe();
}

/** True when signing out now would leave work behind that only this device has. */
export async function hasUnsentWork(db: SyncDatabase): Promise<boolean> {
  return (await readSyncStatus(db)).state === 'device';
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

/**
 * Everything on this device that the server does not have (or refused), as one JSON document a
 * person can save and hand to a coordinator: the last resort so entered data is never lost.
 */
export async function exportUnsent(db: SyncDatabase, now: Date): Promise<string> {
  const entries = await db.outbox.orderBy('seq').toArray();
  const records: Record<string, unknown>[] = [];
  for (const e of entries) {
    const row = await db.table(e.table).get(e.record_id);
    if (row) records.push({ table: e.table, row });
  }
  const photos = [];
  for (const p of await db.photos.where('uploaded').equals(0).toArray()) {
    photos.push({ id: p.id, storage_path: p.storage_path, data: await blobToDataUrl(p.blob) });
  }
  return JSON.stringify(
    { exported_at: now.toISOString(), app: 'buurtpeil', changes: entries, records, photos },
    null,
    2,
  );
}
