import { createResource, onCleanup, type Accessor } from 'solid-js';
import type { DeviceSync } from '../../platform/sync.ts';

/**
 * A picture to show for an attachment: its bytes on the device while it waits to be sent, else a
 * short-lived Storage link (online only), else undefined.
 */
export function createAttachmentUrl(
  device: Accessor<DeviceSync | undefined>,
  attachment: Accessor<{ id: string; storage_path: string } | undefined>,
): Accessor<string | undefined> {
  const [src] = createResource(
    () => {
      const a = attachment();
      const d = device();
      return a && d ? { a, d } : undefined;
    },
    async ({ a, d }) => {
      const local = await d.db.photos.get(a.id);
      if (local) return URL.createObjectURL(local.blob);
      return navigator.onLine ? d.photoUrl(a.storage_path) : undefined;
    },
  );
  onCleanup(() => {
    const url = src();
    if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
  });
  return () => src();
}

/** An object URL for a chosen file, revoked when the file changes or the owner goes away. */
export function createFileUrl(file: Accessor<Blob | undefined>): Accessor<string | undefined> {
  let current: string | undefined;
  const [url] = createResource(file, (f) => {
    if (current) URL.revokeObjectURL(current);
    current = URL.createObjectURL(f);
    return current;
  });
  onCleanup(() => current && URL.revokeObjectURL(current));
  return () => (file() ? url() : undefined);
}
