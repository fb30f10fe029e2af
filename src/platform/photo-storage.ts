import type { SupabaseClient } from '@supabase/supabase-js';
import type { PhotoStorage } from '../sync/photos.ts';
import { TransportError } from '../sync/transport.ts';

const BUCKET = 'photos';

/** The photo queue's Storage, over supabase-js (private bucket `photos`). */
export function createPhotoStorage(client: SupabaseClient): PhotoStorage {
  const bucket = () => client.storage.from(BUCKET);
  return {
    async upload(path, blob, contentType) {
      // upsert: a retry after a cut connection replaces its own partial object.
      const { error } = await bucket().upload(path, blob, {
        contentType,
        upsert: true,
        cacheControl: '31536000',
      });
      if (error) throw new TransportError(error.message, true);
    },
    async size(path) {
      const { data, error } = await bucket().info(path);
      if (error || !data) return null;
      return typeof data.size === 'number' ? data.size : null;
    },
  };
}
