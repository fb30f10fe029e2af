import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import type { SyncDatabase } from '../sync/db.ts';
import { isOnline } from './network.ts';

const KEY = 'my_neighbourhoods';

interface Cached {
  /** The access fingerprint of sync_pull when this was read: a change makes it stale. */
  access: unknown;
  codes: string[];
}

/**
 * The neighbourhood codes (buurten or wijken) the signed-in person belongs to.
 * `profile_neighbourhoods` is not synced; its policy lets people read their own rows, so this reads
 * them when online and keeps them on the device (sync_state) for offline use. The copy counts only
 * while the access fingerprint from sync_pull is the same as when it was read: when someone's
 * neighbourhoods change, the fingerprint changes too. Undefined when not known on this device.
 */
export async function myNeighbourhoods(
  client: SupabaseClient<Database>,
  db: SyncDatabase,
  userId: string,
): Promise<string[] | undefined> {
  const access = (await db.sync_state.get('access'))?.value;
  if (isOnline()) {
    try {
      const { data, error } = await client
        .from('profile_neighbourhoods')
        .select('neighbourhood_code')
        .eq('profile_id', userId);
      if (!error && data) {
        const codes = data.map((r) => r.neighbourhood_code).sort();
        await db.sync_state.put({ key: KEY, value: { access, codes } satisfies Cached });
        return codes;
      }
    } catch {
      // offline after all: use the copy on the device
    }
  }
  const cached = (await db.sync_state.get(KEY))?.value as Cached | undefined;
  // Read before the first pull there was no fingerprint to compare with yet.
  const current =
    cached?.access === undefined || JSON.stringify(cached.access) === JSON.stringify(access);
  return cached && current ? cached.codes : undefined;
}
