import type { Accessor } from 'solid-js';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';

/** Whether the signed-in person works for the municipality (the server checks again). */
export function createIsMunicipality(): Accessor<boolean | undefined> {
  const { user } = useSession();
  const { device } = useSync();
  return createLiveQuery(device, async ({ db }) => {
    const id = user()?.id;
    const profile = id ? await db.profiles.get(id) : undefined;
    return profile?.role === 'gemeente';
  });
}
