import type { Accessor } from 'solid-js';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';

/** The signed-in person's role as the device knows it (from their synced profile). */
export function createMyRole(): Accessor<string | undefined> {
  const { device } = useSync();
  const { user } = useSession();
  const profile = createLiveQuery(device, async ({ db }) => {
    const id = user()?.id;
    return id ? ((await db.profiles.get(id)) ?? null) : null;
  });
  return () => profile()?.role;
}
