import type { SyncDatabase } from './db.ts';
import { nextSeq, updateRecord, type WriteContext } from './writes.ts';

/** Storage as the photo queue needs it; the real one (supabase-js storage) is in src/platform. */
export interface PhotoStorage {
  /** Uploads to `path` unless an object is already there: then it says so and leaves it alone. */
  create: (path: string, blob: Blob, contentType: string) => Promise<'created' | 'exists'>;
  /** Uploads, replacing the object at `path` (our own earlier, incomplete upload). */
  replace: (path: string, blob: Blob, contentType: string) => Promise<void>;
  /** Size of the object at `path`, or null when there is none. */
  size: (path: string) => Promise<number | null>;
}

export interface NewPhoto {
  table: 'observations' | 'garden_projects' | 'accessibility_checks' | 'walks';
  recordId: string;
  organisationId: string;
  /** Already compressed and stripped of metadata (src/platform/photos.ts). */
  blob: Blob;
  width: number;
  height: number;
  kind?: 'photo' | 'before' | 'after';
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/png': 'png',
};

/**
 * Adds a photo to a record: the attachment row, its outbox entry and the bytes are written in one
 * transaction, so a full disk (QuotaExceededError) leaves no half-made photo behind.
 */
export async function addPhoto(ctx: WriteContext, photo: NewPhoto): Promise<string> {
  const ext = EXT[photo.blob.type];
  if (!ext) throw new Error(`unsupported photo type ${photo.blob.type}`);
  const id = ctx.newId();
  const now = ctx.now().toISOString();
  const storage_path = `${photo.organisationId}/${photo.recordId}/${id}.${ext}`;
  const values = {
    record_table: photo.table,
    record_id: photo.recordId,
    organisation_id: photo.organisationId,
    kind: photo.kind ?? 'photo',
    storage_path,
    mime_type: photo.blob.type,
    bytes: photo.blob.size,
    width: photo.width,
    height: photo.height,
  };
  const { db } = ctx;
  await db.transaction('rw', [db.attachments, db.outbox, db.photos, db.sync_state], async () => {
    await db.attachments.add({
      ...values,
      id,
      version: 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    } as never);
    await db.outbox.add({
      id: ctx.newId(),
      seq: await nextSeq(db),
      table: 'attachments',
      op: 'insert',
      record_id: id,
      values,
      status: 'pending',
      attempts: 0,
      created_at: now,
    });
    await db.photos.add({
      id,
      storage_path,
      blob: photo.blob,
      bytes: photo.blob.size,
      uploaded: 0,
    });
  });
  return id;
}

/** Why a photo that never reached Storage was taken off the device (shown like a refusal). */
export const PHOTO_REMOVED = {
  code: 'photo_removed',
  message:
    'Deze foto is niet verstuurd: hij is op de server verwijderd of je mag hem niet meer zien ' +
    '(bijvoorbeeld omdat de gegevens zijn gewist). Hij is van dit apparaat gehaald.',
};

/**
 * Takes the bytes of these attachments off the device (inside the caller's transaction, which
 * must include photos and outbox): their rows are gone or deleted on the server, so nothing may
 * keep them here. A photo that never reached Storage leaves a refusal with the reason in the
 * outbox, so the person sees what happened to it instead of losing it silently.
 */
export async function forgetPhotos(db: SyncDatabase, ids: string[], now: Date): Promise<number> {
  const photos = (await db.photos.bulkGet(ids)).filter((p) => p !== undefined);
  if (!photos.length) return 0;
  await db.photos.bulkDelete(photos.map((p) => p.id));
  for (const p of photos.filter((x) => x.uploaded === 0)) {
    await db.outbox.put({
      id: `photo-removed:${p.id}`,
      seq: await nextSeq(db),
      table: 'attachments',
      op: 'update',
      record_id: p.id,
      values: {},
      status: 'rejected',
      attempts: 0,
      created_at: now.toISOString(),
      error_code: PHOTO_REMOVED.code,
      error_message: PHOTO_REMOVED.message,
    });
  }
  return photos.length;
}

/**
 * Uploads photos whose attachment row the server already has (Storage's policy checks that row).
 * Each photo goes to its own fixed path, so a retry can only ever replace itself. The upload comes
 * first: asking Storage about a missing object is answered with an error (HTTP 400), which a
 * browser logs, and a new photo is the normal case. When the path is taken (an earlier attempt
 * whose answer was lost, or one cut off), an object of the same size counts as done and any other
 * is replaced. Then the attachment is marked uploaded (a normal change, so other devices learn the
 * file is there). Returns how many were uploaded.
 */
export async function uploadPhotos(ctx: WriteContext, storage: PhotoStorage): Promise<number> {
  const { db } = ctx;
  let done = 0;
  let firstError: unknown;
  for (const photo of await db.photos.where('uploaded').equals(0).toArray()) {
    const inserts = await db.outbox
      .where('[table+record_id]')
      .equals(['attachments', photo.id])
      .filter((e) => e.op === 'insert')
      .toArray();
    // Not on the server yet, or refused there (then the photo stays here, with its record).
    if (inserts.length) continue;
    // No row here (yet): Storage would refuse the file. The runner asks the server about such
    // photos first (checkOrphanPhotos); until then it waits, without failing the round.
    if (!(await db.attachments.get(photo.id))) continue;
    try {
      const { storage_path: path, blob } = photo;
      if (
        (await storage.create(path, blob, blob.type)) === 'exists' &&
        (await storage.size(path)) !== photo.bytes
      )
        await storage.replace(path, blob, blob.type);
    } catch (e) {
      // One photo that cannot go now must not hold up the others.
      firstError ??= e;
      continue;
    }
    await db.transaction('rw', [db.photos, db.attachments, db.outbox, db.sync_state], async () => {
      await db.photos.update(photo.id, { uploaded: 1 });
      await updateRecord(ctx, 'attachments', photo.id, { uploaded_at: ctx.now().toISOString() });
    });
    done++;
  }
  if (firstError !== undefined) throw firstError;
  return done;
}
