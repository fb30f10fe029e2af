import type { SupabaseClient } from '@supabase/supabase-js';
import type { PhotoStorage } from '../sync/photos.ts';
import { TransportError } from '../sync/transport.ts';

const BUCKET = 'photos';
const OPTIONS = { cacheControl: '31536000' };

/**
 * Storage's "already exists": storage-api answers HTTP 400 with the real status, 409, as the
 * string `statusCode` in its body ("Duplicate"), which storage-js keeps on the error.
 */
function isDuplicate(error: object): boolean {
  return 'statusCode' in error && String(error.statusCode) === '409';
}

/** The photo queue's Storage, over supabase-js (private bucket `photos`). */
export function createPhotoStorage(client: SupabaseClient): PhotoStorage {
  const bucket = () => client.storage.from(BUCKET);
  return {
    async create(path, blob, contentType) {
      const { error } = await bucket().upload(path, blob, {
        ...OPTIONS,
        contentType,
        upsert: false,
      });
      if (!error) return 'created';
      if (isDuplicate(error)) return 'exists';
      throw new TransportError(error.message, true);
    },
    async replace(path, blob, contentType) {
      const { error } = await bucket().upload(path, blob, {
        ...OPTIONS,
        contentType,
        upsert: true,
      });
      if (error) throw new TransportError(error.message, true);
    },
    async size(path) {
      // A missing object is HTTP 400 (statusCode "404" in the body) on Supabase: only asked when
      // `create` found the path taken, so the normal upload logs no failed request.
      const { data, error } = await bucket().info(path);
      if (error || !data) return null;
      return typeof data.size === 'number' ? data.size : null;
    },
  };
}
